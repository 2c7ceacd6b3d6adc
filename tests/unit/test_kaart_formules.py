"""The spreadsheet formula guard and the export stamp, without a database."""

from __future__ import annotations

from datetime import datetime

import pytest

from kern.werkblad import neutraliseer, ontneutraliseer
from sociale_kaart.wijzigingen import lees_kaartstand


@pytest.mark.parametrize(
    ("tekst", "in_csv"),
    [
        ("=1+1", "'=1+1"),
        ("+31 50 123", "'+31 50 123"),
        ("-5 euro", "'-5 euro"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tverborgen", "'\tverborgen"),
        ("\rverborgen", "'\rverborgen"),
        ("'=al beschermd", "''=al beschermd"),
        ("'gewoon", "'gewoon"),
        ("gewoon = prima", "gewoon = prima"),
        ("", ""),
        ("'", "'"),
    ],
)
def test_neutraliseer_en_terug(tekst: str, in_csv: str) -> None:
    assert neutraliseer(tekst) == in_csv
    assert ontneutraliseer(in_csv) == tekst


def test_kaartstand_leest_de_oudste_en_negeert_rommel() -> None:
    assert lees_kaartstand([]) is None
    assert lees_kaartstand(["", "  "]) is None
    assert lees_kaartstand(["rommel"]) is None
    assert lees_kaartstand(["leeg"]) == datetime.min
    assert lees_kaartstand(["2026-12-01T10:00:00.000001Z", "2026-11-30T09:00:00Z", ""]) == datetime(
        2026, 11, 30, 9, 0
    )
    # Excel may rewrite it without the T and Z, or with an offset.
    assert lees_kaartstand(["2026-12-01 10:00:00"]) == datetime(2026, 12, 1, 10, 0)
    assert lees_kaartstand(["2026-12-01T11:00:00+01:00"]) == datetime(2026, 12, 1, 10, 0)
