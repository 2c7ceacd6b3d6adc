"""Writing the kaart back into the template (CSV or Excel), so gemeenten can edit and re-import.

Import → export → import is lossless: every column is written in the form the importer reads
back unchanged (codes, ISO dates, lists joined with ';').

Two additions the importer takes off again:

* Formula guard: in CSV a text starting with ``=``, ``+``, ``-``, ``@`` (tab, CR) gets a ``'`` in
  front (``kern.werkblad.neutraliseer``), so Excel shows it instead of running it; XLSX stores
  such cells as text (``kern.werkblad.schrijf_werkboek``). The importer drops exactly that
  apostrophe (:mod:`sociale_kaart.bestanden`).
* A last column ``kaartstand``: the time of the newest logged change the file contains
  (:func:`sociale_kaart.wijzigingen.kaartstand`). A later full-replace import of the file
  warns about changes logged after it. Older importers ignore the extra column; files without
  it import as before. The same kaart exported twice gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from kern.themas import DOELGROEPEN, THEMAS, Niveau
from kern.werkblad import Blad, Cel, neutraliseer, schrijf_werkboek
from sociale_kaart.models import Aanbod, Wijk
from sociale_kaart.template import KOLOMMEN, OPTIONELE_KOLOMMEN, KaartFout, KaartProbleem
from sociale_kaart.wijzigingen import KAARTSTAND_KOLOM, kaartstand

#: The export's columns: the template, then the stamp.
EXPORT_KOLOMMEN = (*KOLOMMEN, *OPTIONELE_KOLOMMEN, KAARTSTAND_KOLOM)
#: The columns with a value per offer (``organisatie_email`` repeats the organisation's).
_WAARDE_KOLOMMEN = (*KOLOMMEN, *OPTIONELE_KOLOMMEN)


def rij_waarden(aanbod: Aanbod) -> dict[str, object]:
    """One offer as template values (``None`` for empty cells)."""
    return {
        "id": aanbod.id,
        "naam": aanbod.naam,
        "organisatie": aanbod.organisatie.naam,
        "omschrijving": aanbod.omschrijving,
        "themas": ";".join(aanbod.thema_codes),
        "niveau": Niveau(aanbod.niveau).value,
        "doelgroepen": ";".join(aanbod.doelgroep_codes),
        "leeftijd_min": aanbod.leeftijd_min,
        "leeftijd_max": aanbod.leeftijd_max,
        "wijk": aanbod.wijk.naam if aanbod.wijk else None,
        "adres": aanbod.adres,
        "postcode": aanbod.postcode,
        "plaats": aanbod.plaats,
        "telefoon": aanbod.telefoon,
        "email": aanbod.email,
        "website": aanbod.website,
        "openingstijden": aanbod.openingstijden,
        "kosten": aanbod.kosten,
        "trefwoorden": aanbod.trefwoorden,
        "laatst_gecontroleerd": aanbod.laatst_gecontroleerd,
        "organisatie_email": aanbod.organisatie.email,
    }


def _alle(session: Session) -> Iterator[Aanbod]:
    yield from session.scalars(select(Aanbod).order_by(Aanbod.id)).unique()


def _csv_tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, date):
        return waarde.isoformat()
    return neutraliseer(str(waarde))


def _csv(session: Session, handle: BinaryIO, scheidingsteken: str) -> int:
    aantal = 0
    stand = kaartstand(session)
    # UTF-8 with BOM: Excel then shows accents correctly when the file is opened directly.
    tekst = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    try:
        writer = csv.writer(tekst, delimiter=scheidingsteken, lineterminator="\r\n")
        writer.writerow(EXPORT_KOLOMMEN)
        for aanbod in _alle(session):
            waarden = rij_waarden(aanbod)
            writer.writerow([*(_csv_tekst(waarden[k]) for k in _WAARDE_KOLOMMEN), stand])
            aantal += 1
        tekst.flush()
    finally:
        tekst.detach()  # the caller owns ``handle``
    return aantal


def _xlsx_tekst(waarde: str) -> str:
    """XLSX keeps formula-like text as text; only leading apostrophes need the import's rule."""
    return neutraliseer(waarde) if waarde.startswith("'") else waarde


def _xlsx(session: Session, handle: BinaryIO) -> int:
    aantal = 0
    stand = kaartstand(session)

    def aanbod_rijen() -> Iterator[list[Any]]:
        nonlocal aantal
        yield [Cel(naam, vet=True) for naam in EXPORT_KOLOMMEN]
        for aanbod in _alle(session):
            waarden = rij_waarden(aanbod)
            rij: list[Any] = []
            for k in _WAARDE_KOLOMMEN:
                waarde = waarden[k]
                if k == "laatst_gecontroleerd" and waarde is not None:
                    rij.append(Cel(waarde, "yyyy-mm-dd"))
                elif isinstance(waarde, int) or waarde is None:
                    rij.append(waarde)
                else:
                    # Text cells stay text: Excel must not turn "0123 45 62 00" into a number.
                    rij.append(Cel(_xlsx_tekst(str(waarde)), "@"))
            rij.append(Cel(stand, "@"))
            aantal += 1
            yield rij

    def code_rijen() -> Iterator[list[str]]:
        yield ["soort", "code", "betekenis"]
        for code, label in THEMAS.items():
            yield ["thema", code, label]
        for niveau in Niveau:
            yield ["niveau", niveau.value, niveau.value.replace("_", " ")]
        for groep in DOELGROEPEN:
            yield ["doelgroep", groep, ""]
        for naam in session.scalars(select(Wijk.naam).order_by(Wijk.naam)):
            yield ["wijk", naam, ""]

    schrijf_werkboek(
        [Blad("kaart", aanbod_rijen(), vaste_kolommen=0), Blad("codes", code_rijen())], handle
    )
    return aantal


def exporteer_naar(
    session: Session, handle: BinaryIO, formaat: str, scheidingsteken: str = ";"
) -> int:
    """Write the whole kaart as ``formaat`` ("csv" or "xlsx") to a binary file (downloads)."""
    if formaat == "csv":
        return _csv(session, handle, scheidingsteken)
    if formaat == "xlsx":
        return _xlsx(session, handle)
    raise KaartFout(
        [KaartProbleem(0, None, f"Kan niet exporteren als {formaat}: gebruik csv of xlsx.")]
    )


def exporteer(session: Session, path: Path, scheidingsteken: str = ";") -> int:
    """Write the whole kaart to ``path`` (.csv or .xlsx); return the number of offers."""
    suffix = path.suffix.lower()
    if not path.parent.exists():
        raise KaartFout([KaartProbleem(0, None, f"De map {path.parent} bestaat niet.")])
    if suffix in (".csv", ".xlsx"):
        with path.open("wb") as handle:
            return exporteer_naar(session, handle, suffix[1:], scheidingsteken)
    raise KaartFout(
        [KaartProbleem(0, None, f"Kan niet exporteren naar {path.name}: gebruik .csv of .xlsx.")]
    )
