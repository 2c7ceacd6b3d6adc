"""Reading a kaart file in any supported format: CSV, Excel (.xlsx) or Open Referral HSDS.

HSDS comes as JSON or as its tabular data package (a folder or .zip of CSV files with
``datapackage.json``); see :mod:`sociale_kaart.hsds`.

Every reader yields the same numbered template records, so all formats share one validation
(:func:`sociale_kaart.template.validate_rows`) and one set of Dutch messages.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from kern.gemeente import GemeenteProfiel
from kern.werkblad import ontneutraliseer
from sociale_kaart.template import (
    AanbodRij,
    KaartFout,
    KaartProbleem,
    check_header,
    decode_bytes,
    kolomnaam,
    read_csv_text,
    validate_rows,
)
from sociale_kaart.wijzigingen import KAARTSTAND_KOLOM, lees_kaartstand

FORMATEN = {
    ".csv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "hsds",
    ".zip": "hsds",  # an HSDS tabular data package
}


@dataclass
class GelezenBestand:
    """Validated rows of a file, and what was left out (HSDS feeds only; templates are strict)."""

    formaat: str
    rijen: list[AanbodRij]
    #: Records not imported, one line each with the reason (inactive, no thema, …).
    overgeslagen: list[str] = field(default_factory=list)
    #: Imported without a field, or not linked: one line each, for the import summary.
    opmerkingen: list[str] = field(default_factory=list)
    #: The export's stamp (``kaartstand`` column): the newest change the file contains.
    #: ``None`` for a file without it (older exports, hand-made files, HSDS).
    kaartstand: datetime | None = None


def _fout(melding: str) -> KaartFout:
    return KaartFout([KaartProbleem(0, None, melding)])


def formaat_van(path: Path) -> str:
    """The format of a file by its extension, with a Dutch error for what we cannot read."""
    if path.is_dir():  # the folder of an HSDS tabular data package
        return "hsds"
    suffix = path.suffix.lower()
    if suffix in FORMATEN:
        return FORMATEN[suffix]
    if suffix == ".xls":
        raise _fout(
            f"{path.name} is een oud Excel-bestand (.xls). Sla het in Excel op als "
            "'Excel-werkmap (.xlsx)' of als 'CSV UTF-8'."
        )
    raise _fout(
        f"{path.name}: onbekend bestandstype {suffix or '(geen extensie)'}. "
        "Gebruik .csv, .xlsx, of voor Open Referral HSDS .json, .zip of een map met CSV-bestanden."
    )


def _cel_tekst(value: object) -> str:
    """A cell as the text the template expects (Excel turns 12 into 12.0 and dates into dates)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx_records(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of the sheet 'kaart' (or the first sheet), numbered as Excel shows them."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise _fout(f"Het bestand {path} bestaat niet.") from None
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise _fout(
            f"{path.name} is geen geldig Excel-bestand (.xlsx). Is het beschadigd, of is het "
            "een CSV-bestand met de verkeerde extensie?"
        ) from None
    try:
        sheet = workbook["kaart"] if "kaart" in workbook.sheetnames else workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        try:
            header = [kolomnaam(_cel_tekst(c)) for c in next(rows)]
        except StopIteration:
            raise KaartFout([KaartProbleem(1, None, "Het werkblad is leeg.")]) from None
        check_header(header)
        records: list[tuple[int, dict[str, str]]] = []
        for rij, cells in enumerate(rows, start=2):
            values = [_cel_tekst(c).strip() for c in cells]
            if not any(values):
                continue
            records.append((rij, {k: v for k, v in zip(header, values, strict=False) if k}))
        return records
    finally:
        workbook.close()


Records = list[tuple[int, dict[str, str]]]


def _terug_van_export(records: Records) -> tuple[Records, datetime | None]:
    """Undo what the export did for spreadsheets: formula guards and the ``kaartstand`` column.

    The export puts ``'`` before a text that starts with ``=``, ``+``, ``-`` or ``@``
    (``kern.werkblad.neutraliseer``); exactly that apostrophe is taken off here, so export →
    import gives back the same text.
    """
    stand = lees_kaartstand(r.get(KAARTSTAND_KOLOM, "") for _, r in records)
    schoon = [
        (rij, {k: ontneutraliseer(v.strip()) for k, v in r.items() if k != KAARTSTAND_KOLOM})
        for rij, r in records
    ]
    return schoon, stand


def lees_bestand(
    path: Path, profiel: GemeenteProfiel, koppeling: Path | None = None, *, streng: bool = False
) -> GelezenBestand:
    """Read and validate a kaart file; raise :class:`KaartFout` with every problem found.

    The gemeente's own template (CSV, Excel) is all or nothing. An HSDS feed is someone
    else's data: its unusable records and fields are left out and reported, unless
    ``streng`` asks for all or nothing there too.
    """
    formaat = formaat_van(path)
    wijken: Iterable[str] = [w.naam for w in profiel.wijken]
    if formaat == "hsds":
        from sociale_kaart.hsds import lees_hsds

        if koppeling is None:
            raise _fout(
                f"{path.name} is een HSDS-bestand. Geef met --koppeling het bestand dat "
                "de taxonomie van de bron koppelt aan onze thema's (zie sociale_kaart/README.md)."
            )
        gelezen = lees_hsds(path, koppeling, profiel, streng=streng)
        return GelezenBestand(formaat, gelezen.rijen, gelezen.overgeslagen, gelezen.opmerkingen)
    if formaat == "xlsx":
        records, stand = _terug_van_export(read_xlsx_records(path))
        return GelezenBestand(formaat, validate_rows(records, wijken), kaartstand=stand)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _fout(f"Het bestand {path} bestaat niet.") from None
    if data.startswith(b"PK\x03\x04"):
        raise _fout(f"{path.name} is een Excel-bestand; geef het de extensie .xlsx.")
    records, stand = _terug_van_export(read_csv_text(decode_bytes(data)))
    return GelezenBestand(formaat, validate_rows(records, wijken), kaartstand=stand)
