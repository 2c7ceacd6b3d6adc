"""Periods: whole months, quarters and years, finished ones; Dutch messages that name the field."""

from datetime import date, timedelta

import pytest

from signalen import SignaalFout
from signalen.periode import (
    controleer_periode,
    laatste_afgesloten_dag,
    lees_datum,
    lees_periode,
    standaard_periode,
)


@pytest.mark.parametrize(
    ("tekst", "van", "tot"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-K1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-k2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        (" 2026-K4 ", date(2026, 10, 1), date(2026, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
    ],
)
def test_a_year_a_quarter_or_a_month(tekst: str, van: date, tot: date) -> None:
    assert lees_periode(tekst) == (van, tot)
    controleer_periode(van, tot)  # every such period passes the checks


@pytest.mark.parametrize("tekst", ["2026-K5", "2026-13", "26", "2026-03-14", "dit jaar", ""])
def test_anything_else_is_not_a_period(tekst: str) -> None:
    with pytest.raises(SignaalFout, match="is geen jaar, kwartaal of maand") as fout:
        lees_periode(tekst)
    assert fout.value.veld == "periode"
    assert "2026-K1" in str(fout.value)  # the message shows how to write it


def test_a_month_as_van_or_tot() -> None:
    assert lees_datum("2026-02", "--van", einde=False) == date(2026, 2, 1)
    assert lees_datum("2026-02", "--tot", einde=True) == date(2026, 2, 28)
    assert lees_datum("2026-02-14", "--tot", einde=True) == date(2026, 2, 14)  # checked later
    with pytest.raises(SignaalFout, match="--tot '2026-2' is geen geldige datum") as fout:
        lees_datum("2026-2", "--tot", einde=True)
    assert fout.value.veld == "tot"


def test_no_two_periods_can_differ_by_a_day() -> None:
    """Every start is a first and every end a last day, so differences are whole months."""
    with pytest.raises(SignaalFout, match="eerste dag van een maand") as fout:
        controleer_periode(date(2026, 3, 14), None)
    assert fout.value.veld == "van"
    assert "--van 2026-03-01" in str(fout.value)
    with pytest.raises(SignaalFout, match="laatste dag van een maand") as fout:
        controleer_periode(None, date(2026, 3, 14))
    assert fout.value.veld == "tot"
    assert "--tot 2026-03-31" in str(fout.value)
    controleer_periode(None, None)  # open at both ends: no boundary inside a month


def test_only_finished_months() -> None:
    vandaag = date(2026, 12, 1)
    controleer_periode(date(2026, 1, 1), date(2026, 11, 30), vandaag)
    with pytest.raises(SignaalFout, match="nog niet voorbij") as fout:
        controleer_periode(date(2026, 1, 1), date(2026, 12, 31), vandaag)
    assert "uiterlijk --tot 2026-11-30" in str(fout.value)
    assert fout.value.veld == "tot"


@pytest.mark.parametrize(
    ("vandaag", "van", "tot"),
    [
        (date(2026, 12, 1), date(2026, 1, 1), date(2026, 11, 30)),
        (date(2026, 3, 31), date(2026, 1, 1), date(2026, 2, 28)),
        (date(2026, 1, 20), date(2025, 1, 1), date(2025, 12, 31)),  # January: last year
    ],
)
def test_the_default_is_this_years_finished_months(vandaag: date, van: date, tot: date) -> None:
    assert standaard_periode(vandaag) == (van, tot)
    assert laatste_afgesloten_dag(vandaag) == tot
    assert tot + timedelta(days=1) == vandaag.replace(day=1)
