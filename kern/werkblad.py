"""The one Excel writer: sheets of rows in, an .xlsx file out (openpyxl, write-only mode).

The kaart export and the signal reports both write workbooks; this is where the openpyxl
details live (write-only cells, styles, frozen header row, column widths), so both files look
and behave alike and a fix lands in one place.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

#: A cell starting with one of these is run as a formula by spreadsheet programs (CSV import,
#: or editing an XLSX text cell); tabs and carriage returns start the same attack in some.
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def neutraliseer(tekst: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula: a leading ``'`` when it could start one.

    Only for files read by people in a spreadsheet (reports); XLSX needs no change of the text,
    :func:`schrijf_werkboek` stores such cells as text instead.
    """
    # Apostrophes already in front get one more, so ontneutraliseer() is an exact inverse.
    kern = tekst.lstrip("'")
    return f"'{tekst}" if kern.startswith(FORMULE_TEKENS) else tekst


def ontneutraliseer(tekst: str) -> str:
    """Undo :func:`neutraliseer` for a file that comes back in (kaart import).

    Drops exactly one ``'`` in front of apostrophes and a formula character, so export →
    import is lossless.
    """
    kern = tekst.lstrip("'")
    if kern != tekst and kern.startswith(FORMULE_TEKENS):
        return tekst[1:]
    return tekst


@dataclass(frozen=True)
class Cel:
    """A value with its look; a plain value in a row is written as it is."""

    waarde: Any
    formaat: str | None = None  # an Excel number format: "#,##0", "0.0%", "yyyy-mm-dd", "@"
    vet: bool = False
    rechts: bool = False
    omloop: bool = False  # wrap text, aligned to the top (long column headers)


@dataclass
class Blad:
    """One sheet. ``rijen`` may be a generator: write-only mode never holds them all."""

    naam: str
    rijen: Iterable[Sequence[Any]]
    #: Freeze the first row and this many columns (``None``: freeze nothing).
    vaste_kolommen: int | None = None
    breedtes: dict[int, float] = field(default_factory=dict)  # 1-based column -> width


def schrijf_werkboek(bladen: Sequence[Blad], doel: BinaryIO | None = None) -> bytes:
    """Write ``bladen`` to ``doel`` (a binary file) or return the workbook as bytes.

    Write-only mode: a style per cell in normal mode costs seconds for a few thousand rows.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    vet = Font(bold=True)
    rechts = Alignment(horizontal="right")
    omloop = Alignment(wrap_text=True, vertical="top")
    boek = Workbook(write_only=True)
    for blad in bladen:
        sheet = boek.create_sheet(blad.naam)
        if blad.vaste_kolommen is not None:
            sheet.freeze_panes = f"{get_column_letter(blad.vaste_kolommen + 1)}2"
        for kolom, breedte in blad.breedtes.items():
            sheet.column_dimensions[get_column_letter(kolom)].width = breedte

        def cel(waarde: Any, sheet: Any = sheet) -> Any:
            if not isinstance(waarde, Cel):
                if isinstance(waarde, str) and waarde.startswith("="):
                    waarde = Cel(waarde)  # else openpyxl writes it as a formula
                else:
                    return waarde
            c = WriteOnlyCell(sheet, value=waarde.waarde)
            if isinstance(waarde.waarde, str) and waarde.waarde.startswith("="):
                c.data_type = "s"  # the text as it is, never a formula (lossless, inert)
            if waarde.formaat:
                c.number_format = waarde.formaat
            if waarde.vet:
                c.font = vet
            if waarde.rechts:
                c.alignment = rechts
            elif waarde.omloop:
                c.alignment = omloop
            return c

        for rij in blad.rijen:
            sheet.append([cel(w) for w in rij])
    if doel is not None:
        boek.save(doel)
        return b""
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()
