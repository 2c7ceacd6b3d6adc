"""Building the report from counts (no database) and writing it in every format."""

import csv
import io
import json
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from kern.themas import THEMAS
from signalen import SignaalFout
from signalen.rapport import (
    MATEN,
    Rapport,
    RapportVraag,
    Tellingen,
    als_csv,
    als_json,
    als_tekst,
    als_xlsx,
    bouw_rapport,
    controleer_rapportvraag,
    schrijf,
    toelichting,
)

VAN, TOT = date(2026, 1, 1), date(2026, 12, 31)


def telling(
    n: int,
    opgelost: int = 0,
    verwezen: int = 0,
    ja: int = 0,
    nee: int = 0,
    crisis: int = 0,
    geen: int = 0,
    veilig_thuis: int = 0,
) -> tuple[int, ...]:
    return (n, opgelost, verwezen, ja, nee, crisis, geen, veilig_thuis)


WIJKEN = ["Centrum", "Oosterpark", "Westwijk"]
#: Per wijk: Westwijk is small (3); every other row is big, so it needs a partner.
TELLINGEN: Tellingen = {
    ("Centrum",): telling(40, opgelost=12, verwezen=10, ja=20, nee=8, crisis=0, geen=6),
    ("Oosterpark",): telling(27, opgelost=5, verwezen=9, ja=7, nee=6, crisis=0, geen=5),
    ("Westwijk",): telling(3, verwezen=3, nee=1),
    ("onbekend",): telling(13, opgelost=5, verwezen=5, ja=6, nee=5, crisis=0, geen=5),
}


@pytest.fixture
def rapport() -> Rapport:
    return bouw_rapport(TELLINGEN, VAN, TOT, ["wijk"], wijken=WIJKEN)


def rij(rapport: Rapport, groep: str | None):
    return next(r for r in rapport.rijen if r.groep == (groep,))


def test_every_thema_is_listed_also_without_hulpvragen() -> None:
    tellingen: Tellingen = {("wonen",): telling(9)}
    rapport = bouw_rapport(tellingen, VAN, TOT, ["thema"])
    assert [r.groep for r in rapport.rijen] == [(t,) for t in [*THEMAS, None]]
    assert rij(rapport, "wonen").aantallen[0].waarde == 9
    assert rij(rapport, "vervoer").aantallen[0].markering == "<5"  # none at all: also "<5"
    tekst = als_tekst(rapport)
    assert "Hulp in het huishouden" in tekst and "(geen thema)" in tekst
    assert list(csv.reader(io.StringIO(als_csv(rapport)), delimiter=";"))[15][0] == "geen_thema"


def test_counts_and_shares(rapport: Rapport) -> None:
    centrum = rij(rapport, "Centrum")
    assert [c.waarde for c in centrum.aantallen] == [40, 12, 10, 20, 8, None, 6, None]
    assert centrum.aandelen[0].waarde == round(100 * 40 / 83, 1)  # of all hulpvragen
    assert centrum.aandelen[1].waarde == 30.0  # 12 of the 40 in this row
    assert centrum.aandelen[5].markering == "x"  # share of a hidden count
    assert [c.waarde for c in rapport.totaal.aantallen] == [83, 22, 27, 33, 20, None, 16, None]
    assert rapport.totaal.aandelen[0].waarde == 100.0


def test_small_cells_and_their_partner_are_hidden(rapport: Rapport) -> None:
    westwijk = rij(rapport, "Westwijk")
    assert all(c.waarde is None and c.markering == "<5" for c in westwijk.aantallen)
    assert all(c.waarde is None for c in westwijk.aandelen)
    # 83 - 40 - 27 - 13 would give the 3 away: the next-smallest row (13) is hidden too.
    onbekend = rij(rapport, "onbekend")
    assert onbekend.aantallen[0].markering == "x"
    assert onbekend.aandelen[0].markering == "x"
    assert rapport.totaal.aantallen[5].markering == "<5"  # no crisis at all: total hidden


def test_hidden_values_never_reach_any_format(rapport: Rapport) -> None:
    data = json.loads(als_json(rapport))
    rijen = {r["wijk"]: r for r in data["rijen"]}
    assert rijen["Westwijk"]["hulpvragen"] == "<5"
    assert rijen["onbekend"]["hulpvragen"] == "x"
    assert rijen["Centrum"]["hulpvragen"] == 40
    assert data["totaal"]["wijk"] == "Totaal"
    assert data["totaal"]["hulpvragen"] == 83
    assert ";13;" not in als_csv(rapport)
    assert " 13 " not in als_tekst(rapport)


def test_text_has_dutch_headings_title_and_legend(rapport: Rapport) -> None:
    tekst = als_tekst(rapport)
    assert tekst.startswith("Signalen per wijk, 1 januari 2026 t/m 31 december 2026")
    for woord in ("Wijk", "Hulp-", "Opgelost", "Verwezen", "Crisis", "Totaal", "<5 = minder"):
        assert woord in tekst
    assert "48,2%" in tekst  # 40 of 83, Dutch decimal comma
    regels = tekst.splitlines()
    tabel = regels[2 : regels.index("", 3)]
    assert len({len(r.rstrip()) for r in tabel[2:]}) <= 2  # aligned columns


def test_csv_for_dutch_excel(rapport: Rapport) -> None:
    rijen = list(csv.reader(io.StringIO(als_csv(rapport)), delimiter=";"))
    kop = rijen[0]
    assert kop[:3] == ["wijk", "hulpvragen", "hulpvragen_pct"]
    assert len(kop) == 1 + 2 * len(MATEN)
    assert len(rijen) == 1 + 4 + 1
    centrum = dict(zip(kop, rijen[1], strict=True))
    assert centrum["hulpvragen"] == "40"
    assert centrum["hulpvragen_pct"] == "48,2"
    assert rijen[-1][0] == "Totaal"


def test_xlsx_has_numbers_markers_and_a_legend(rapport: Rapport) -> None:
    boek = load_workbook(io.BytesIO(als_xlsx(rapport)))
    assert boek.sheetnames == ["Rapport", "Toelichting"]
    blad = boek["Rapport"]
    assert blad["A1"].value == "Wijk"
    assert blad["B1"].value == "Hulpvragen"
    assert blad["A2"].value == "Centrum"
    assert blad["B2"].value == 40
    assert blad["C2"].number_format == "0.0%"
    assert blad["C2"].value == pytest.approx(40 / 83, abs=0.001)
    assert blad.cell(row=blad.max_row, column=1).value == "Totaal"
    waarden = [c.value for r in blad.iter_rows() for c in r]
    assert "<5" in waarden and "x" in waarden and 13 not in waarden
    assert any("minder dan 5" in str(c.value) for c in boek["Toelichting"]["A"])


def test_groupings_combine_and_months_span_the_period() -> None:
    tellingen: Tellingen = {("Centrum", "2025-12"): telling(9, ja=6, nee=3)}
    rapport = bouw_rapport(
        tellingen,
        date(2025, 11, 1),
        date(2026, 2, 28),
        ["wijk", "maand"],
        wijken=["Centrum", "Oosterpark"],
    )
    wijken = ["Centrum", "Oosterpark", "onbekend"]
    maanden = ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert [r.groep for r in rapport.rijen] == [(w, m) for w in wijken for m in maanden]
    assert als_tekst(rapport).startswith("Signalen per wijk en maand, 1 november 2025")


def test_a_wijk_that_left_the_profile_is_still_reported() -> None:
    tellingen: Tellingen = {("Oud-Noord",): telling(7)}
    rapport = bouw_rapport(tellingen, VAN, TOT, ["wijk"], wijken=["Centrum"])
    assert [r.groep for r in rapport.rijen] == [("Centrum",), ("Oud-Noord",), ("onbekend",)]


def test_a_higher_k_hides_more() -> None:
    rapport = bouw_rapport(TELLINGEN, VAN, TOT, ["wijk"], k=30, wijken=WIJKEN)
    assert rij(rapport, "Oosterpark").aantallen[0].markering == "<30"
    assert rij(rapport, "Centrum").aantallen[0].waarde == 40


@pytest.mark.parametrize(
    ("van", "tot", "per", "k", "melding"),
    [
        (date(2026, 5, 1), date(2026, 1, 31), ["thema"], 5, "ligt na --tot"),
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
        controleer_rapportvraag(van, tot, per, k)


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"van": date(2026, 1, 15)}, "van", "--van 2026-01-15 is niet de eerste dag van een maand"),
        (
            {"tot": date(2026, 3, 30)},
            "tot",
            "--tot 2026-03-30 is niet de laatste dag van een maand",
        ),
        ({"tot": date(2026, 2, 28)}, None, None),  # not a leap year: 28 February is the end
        ({"van": date(2024, 2, 1), "tot": date(2024, 2, 28)}, "tot", "niet de laatste dag"),
        ({"van": "2026-01", "tot": "2026-03"}, None, None),  # whole months as text (web forms)
        ({"van": "2026-01-02"}, "van", "niet de eerste dag"),
        ({"van": "morgen"}, "van", "--van 'morgen' is geen geldige datum"),
        ({"tot": 20260131}, "tot", "--tot moet een datum zijn"),
        ({"tot": date(2026, 12, 31), "vandaag": date(2026, 12, 1)}, "tot", "nog niet voorbij"),
        ({"tot": date(2026, 11, 30), "vandaag": date(2026, 12, 1)}, None, None),
        (
            {"tot": date(2026, 11, 30), "vandaag": date(2026, 11, 30)},
            "tot",
            "uiterlijk --tot 2026-10-31",
        ),
        ({"per": "thema,wijk"}, None, None),
        ({"per": ["Thema", "postcode"]}, "per", "Onbekende indeling --per 'postcode'"),
        ({"k": "5"}, "k", "--k moet een geheel getal zijn"),
        ({"k": True}, "k", "--k moet een geheel getal zijn"),
        ({"dag": 3}, "dag", "Onbekend veld 'dag'"),
    ],
)
def test_the_input_model_names_the_field(
    velden: dict[str, object], veld: str | None, melding: str | None
) -> None:
    """Periods are whole months (so quarters and years too) that are over, nothing else."""
    vraag = {"van": date(2026, 1, 1), "tot": date(2026, 3, 31), "per": ("thema",), "k": 5}
    vraag.update(velden)
    if melding is None:
        assert RapportVraag.maak(**vraag).k == 5
        return
    with pytest.raises(SignaalFout, match=re.escape(melding)) as fout:
        RapportVraag.maak(**vraag)
    assert fout.value.veld == veld


@pytest.mark.parametrize("tot", ["weg", None])
def test_a_missing_field_is_named(tot: str | None) -> None:
    velden: dict[str, object] = {"van": date(2026, 1, 1), "per": ["thema"], "k": 5}
    if tot is None:
        velden["tot"] = None
    with pytest.raises(SignaalFout, match=r"^--tot ontbreekt\.$") as fout:
        RapportVraag.maak(**velden)
    assert fout.value.veld == "tot"


def test_a_period_inside_a_month_is_refused_also_from_counts() -> None:
    """The pure builder (web dashboard, benchmarks) checks the period too, not only the CLI."""
    with pytest.raises(SignaalFout, match="niet de eerste dag"):
        bouw_rapport(TELLINGEN, date(2026, 3, 14), date(2026, 3, 31), ["wijk"], wijken=WIJKEN)


def test_the_legend_says_what_periods_protect_and_what_not(rapport: Rapport) -> None:
    uitleg = " ".join(toelichting(rapport))
    assert "hele maanden die voorbij zijn" in uitleg
    assert "nooit zien wat er op één dag gebeurde" in uitleg
    assert "kunnen nog wel van elkaar worden afgetrokken" in uitleg


def test_too_many_combinations_are_refused() -> None:
    with pytest.raises(SignaalFout, match="te veel"):
        bouw_rapport(
            {},
            date(1900, 1, 1),
            date(2026, 12, 31),
            ["thema", "wijk", "maand"],
            wijken=[f"Wijk {i}" for i in range(10)],
        )


def test_unknown_format(rapport: Rapport) -> None:
    with pytest.raises(SignaalFout, match="Kies uit: tekst, csv, xlsx, json"):
        schrijf(rapport, "pdf")
