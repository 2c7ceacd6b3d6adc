"""Writing the kaart back into the template (CSV or Excel), so gemeenten can edit and re-import.

Import → export → import is lossless: every column is written in the form the importer reads
back unchanged (codes, ISO dates, lists joined with ';').
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kern.themas import DOELGROEPEN, THEMAS, Niveau
from kern.werkblad import Blad, Cel, schrijf_werkboek
from sociale_kaart.models import Aanbod, Wijk
from sociale_kaart.template import KOLOMMEN, KaartFout, KaartProbleem


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
    }


def _alle(session: Session) -> Iterator[Aanbod]:
    yield from session.scalars(select(Aanbod).order_by(Aanbod.id)).unique()


def _csv_tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, date):
        return waarde.isoformat()
    return str(waarde)


def _csv(session: Session, path: Path, scheidingsteken: str) -> int:
    aantal = 0
    # UTF-8 with BOM: Excel then shows accents correctly when the file is opened directly.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=scheidingsteken, lineterminator="\r\n")
        writer.writerow(KOLOMMEN)
        for aanbod in _alle(session):
            waarden = rij_waarden(aanbod)
            writer.writerow([_csv_tekst(waarden[k]) for k in KOLOMMEN])
            aantal += 1
    return aantal


def _xlsx(session: Session, path: Path) -> int:
    aantal = 0

    def aanbod_rijen() -> Iterator[list[Any]]:
        nonlocal aantal
        yield [Cel(naam, vet=True) for naam in KOLOMMEN]
        for aanbod in _alle(session):
            waarden = rij_waarden(aanbod)
            rij: list[Any] = []
            for k in KOLOMMEN:
                waarde = waarden[k]
                if k == "laatst_gecontroleerd" and waarde is not None:
                    rij.append(Cel(waarde, "yyyy-mm-dd"))
                elif isinstance(waarde, int) or waarde is None:
                    rij.append(waarde)
                else:
                    # Text cells stay text: Excel must not turn "0123 45 62 00" into a number.
                    rij.append(Cel(str(waarde), "@"))
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

    with path.open("wb") as handle:
        schrijf_werkboek(
            [Blad("kaart", aanbod_rijen(), vaste_kolommen=0), Blad("codes", code_rijen())], handle
        )
    return aantal


def exporteer(session: Session, path: Path, scheidingsteken: str = ";") -> int:
    """Write the whole kaart to ``path`` (.csv or .xlsx); return the number of offers."""
    suffix = path.suffix.lower()
    if not path.parent.exists():
        raise KaartFout([KaartProbleem(0, None, f"De map {path.parent} bestaat niet.")])
    if suffix == ".csv":
        return _csv(session, path, scheidingsteken)
    if suffix == ".xlsx":
        return _xlsx(session, path)
    raise KaartFout(
        [KaartProbleem(0, None, f"Kan niet exporteren naar {path.name}: gebruik .csv of .xlsx.")]
    )
