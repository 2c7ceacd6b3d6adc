"""Building the report from counts (no database) and writing it in every format."""

import csv
import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from signalen import SignaalFout
from signalen.rapport import (
    MATEN,
    Rapport,
    als_csv,
    als_json,
    als_tekst,
    als_xlsx,
    bouw_rapport,
    controleer_vraag,
    schrijf,
)
from sociale_kaart.themas import THEMAS

VAN, TOT = date(2026, 1, 1), date(2026, 12, 31)


def telling(
    n: int,
    opgelost: int = 0,
    verwezen: int = 0,
    ja: int = 0,
    nee: int = 0,
    crisis: int = 0,
    geen: int = 0,
) -> tuple[int, ...]:
    return (n, opgelost, verwezen, ja, nee, crisis, geen)


#: Per thema: two big themas, one small one (3) that needs a partner, nothing else.
TELLINGEN = {
    ("mantelzorg",): telling(40, opgelost=12, verwezen=10, ja=20, nee=8, crisis=0, geen=6),
    ("geldzorgen",): telling(25, opgelost=5, verwezen=9, ja=7, nee=6, crisis=0, geen=5),
    ("verslaving",): telling(3, verwezen=3, nee=1),
}


@pytest.fixture
def rapport() -> Rapport:
    return bouw_rapport(TELLINGEN, VAN, TOT, ["thema"])


def rij(rapport: Rapport, thema: str | None):
    return next(r for r in rapport.rijen if r.groep == (thema,))


def test_every_thema_is_listed_also_without_hulpvragen(rapport: Rapport) -> None:
    assert [r.groep for r in rapport.rijen] == [(t,) for t in [*THEMAS, None]]


def test_counts_and_shares(rapport: Rapport) -> None:
    mantelzorg = rij(rapport, "mantelzorg")
    assert [c.waarde for c in mantelzorg.aantallen] == [40, 12, 10, 20, 8, None, 6]
    assert mantelzorg.aandelen[0].waarde == round(100 * 40 / 68, 1)  # of all hulpvragen
    assert mantelzorg.aandelen[1].waarde == 30.0  # 12 of the 40 in this row
    assert mantelzorg.aandelen[5].markering == "x"  # share of a hidden count
    assert [c.waarde for c in rapport.totaal.aantallen] == [68, 17, 22, 27, 15, None, 11]
    assert rapport.totaal.aandelen[0].waarde == 100.0


def test_small_cells_and_their_partner_are_hidden(rapport: Rapport) -> None:
    verslaving = rij(rapport, "verslaving")
    assert all(c.waarde is None and c.markering == "<5" for c in verslaving.aantallen)
    assert all(c.waarde is None for c in verslaving.aandelen)
    # 68 - 40 - 25 would give the 3 away; the next-smallest row keeps it hidden.
    geldzorgen = rij(rapport, "geldzorgen")
    assert geldzorgen.aantallen[0].markering == "x"
    assert geldzorgen.aandelen[0].markering == "x"
    assert rij(rapport, "wonen").aantallen[0].markering == "<5"  # an empty thema: also "<5"
    assert rapport.totaal.aantallen[5].markering == "<5"  # no crisis at all: total hidden


def test_hidden_values_never_reach_any_format(rapport: Rapport) -> None:
    data = json.loads(als_json(rapport))
    rijen = {r["thema"]: r for r in data["rijen"]}
    assert rijen["verslaving"]["hulpvragen"] == "<5"
    assert rijen["geldzorgen"]["hulpvragen"] == "x"
    assert rijen["mantelzorg"]["hulpvragen"] == 40
    assert data["totaal"]["thema"] == "Totaal"
    assert data["totaal"]["hulpvragen"] == 68
    for vorm in (als_tekst(rapport), als_csv(rapport), als_json(rapport)):
        assert "25" not in vorm.replace("2026", "")  # geldzorgen's hidden count


def test_text_has_dutch_headings_title_and_legend(rapport: Rapport) -> None:
    tekst = als_tekst(rapport)
    assert tekst.startswith("Signalen per thema, 1 januari 2026 t/m 31 december 2026")
    for woord in (
        "Thema",
        "Hulp-",
        "Opgelost",
        "Verwezen",
        "Crisis",
        "Totaal",
        "<5 = minder dan 5",
    ):
        assert woord in tekst
    assert "Zorgen voor een naaste (mantelzorg)" in tekst
    assert "(geen thema)" in tekst
    assert "58,8%" in tekst  # 40 of 68, Dutch decimal comma
    regels = tekst.splitlines()
    tabel = regels[2 : regels.index("", 3)]
    assert len({len(r.rstrip()) for r in tabel[2:]}) <= 2  # aligned columns


def test_csv_for_dutch_excel(rapport: Rapport) -> None:
    rijen = list(csv.reader(io.StringIO(als_csv(rapport)), delimiter=";"))
    kop = rijen[0]
    assert kop[:3] == ["thema", "hulpvragen", "hulpvragen_pct"]
    assert len(kop) == 1 + 2 * len(MATEN)
    assert len(rijen) == 1 + 15 + 1
    mantelzorg = dict(zip(kop, rijen[1], strict=True))
    assert mantelzorg["hulpvragen"] == "40"
    assert mantelzorg["hulpvragen_pct"] == "58,8"
    assert rijen[-1][0] == "Totaal"
    assert rijen[15][0] == "geen_thema"


def test_xlsx_has_numbers_markers_and_a_legend(rapport: Rapport) -> None:
    boek = load_workbook(io.BytesIO(als_xlsx(rapport)))
    assert boek.sheetnames == ["Rapport", "Toelichting"]
    blad = boek["Rapport"]
    assert blad["A1"].value == "Thema"
    assert blad["B1"].value == "Hulpvragen"
    assert blad["A2"].value == "Zorgen voor een naaste (mantelzorg)"
    assert blad["B2"].value == 40
    assert blad["C2"].number_format == "0.0%"
    assert blad["C2"].value == pytest.approx(40 / 68, abs=0.001)
    assert blad.cell(row=blad.max_row, column=1).value == "Totaal"
    waarden = [c.value for r in blad.iter_rows() for c in r]
    assert "<5" in waarden and "x" in waarden and 25 not in waarden
    assert any("minder dan 5" in str(c.value) for c in boek["Toelichting"]["A"])


def test_groupings_combine_and_months_span_the_period() -> None:
    tellingen = {("Centrum", "2025-12"): telling(9, ja=6, nee=3)}
    rapport = bouw_rapport(
        tellingen,
        date(2025, 11, 15),
        date(2026, 2, 1),
        ["wijk", "maand"],
        wijken=["Centrum", "Oosterpark"],
    )
    wijken = ["Centrum", "Oosterpark", "onbekend"]
    maanden = ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert [r.groep for r in rapport.rijen] == [(w, m) for w in wijken for m in maanden]
    assert als_tekst(rapport).startswith("Signalen per wijk en maand, 15 november 2025")


def test_a_wijk_that_left_the_profile_is_still_reported() -> None:
    rapport = bouw_rapport({("Oud-Noord",): telling(7)}, VAN, TOT, ["wijk"], wijken=["Centrum"])
    assert [r.groep for r in rapport.rijen] == [("Centrum",), ("Oud-Noord",), ("onbekend",)]


def test_a_higher_k_hides_more() -> None:
    rapport = bouw_rapport(TELLINGEN, VAN, TOT, ["thema"], k=30)
    assert rij(rapport, "geldzorgen").aantallen[0].markering == "<30"
    assert rij(rapport, "mantelzorg").aantallen[0].waarde == 40


@pytest.mark.parametrize(
    ("van", "tot", "per", "k", "melding"),
    [
        (date(2026, 5, 1), date(2026, 1, 1), ["thema"], 5, "ligt na --tot"),
        (VAN, TOT, [], 5, "minstens één indeling"),
        (VAN, TOT, ["postcode"], 5, "Onbekende indeling --per 'postcode'"),
        (VAN, TOT, ["thema", "thema"], 5, "maar één keer"),
        (VAN, TOT, ["thema"], 0, "--k moet minstens 1"),
    ],
)
def test_bad_requests_get_a_dutch_message(
    van: date, tot: date, per: list[str], k: int, melding: str
) -> None:
    with pytest.raises(SignaalFout, match=melding):
        controleer_vraag(van, tot, per, k)


def test_too_many_combinations_are_refused() -> None:
    with pytest.raises(SignaalFout, match="te veel"):
        bouw_rapport({}, date(1900, 1, 1), date(2026, 12, 31), ["thema", "wijk", "maand"])


def test_unknown_format(rapport: Rapport) -> None:
    with pytest.raises(SignaalFout, match="Kies uit: tekst, csv, xlsx, json"):
        schrijf(rapport, "pdf")
