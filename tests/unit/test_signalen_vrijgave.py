"""k-anonymity of every export, proven over random signal tables (hypothesis), plus examples.

The property tests build random tables -- tiny wijken, repeated and unique rows, k from 2 to
10 -- release them with :func:`signalen.vrijgave.vrijgeven`, *write the files* (JSON Lines and
CSV, as the CLI and the downloads do) and check the files themselves: every combination of all
released columns occurs at least k times, the counts add up, and no day-level date is left.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kern.routes import ROUTES
from signalen.export import Export, schrijf_export
from signalen.signaal import GEHOLPEN, LEEFTIJDSGROEPEN, ONBEKEND, VOOR_WIE, Signaal
from signalen.vrijgave import (
    AFGESCHERMD,
    GENERALISATIES,
    KOLOMMEN,
    OVERIG,
    ExportRij,
    Vrijgave,
    vrijgeven,
)

#: A big, a middle and two tiny wijken (one or two households) -- the case this is about.
WIJKEN = ["Centrum", "Oosterpark", "Gehucht", "Polder"]
THEMAS = ["mantelzorg", "geldzorgen", "eenzaamheid", None]
GETOOND = [(), ("LW-001",), ("LW-001", "LW-007"), ("GZ-003",)]
DAG = re.compile(r"\d{4}-\d{2}-\d{2}")
MAAND = re.compile(r"^\d{4}-\d{2}$")
EIGENSCHAPPEN = settings(
    max_examples=200,
    deadline=None,  # never a wall-clock assertion
    derandomize=True,  # the same examples on every run and in CI
    database=None,  # no .hypothesis folder in the work tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

signaal = st.builds(
    Signaal,
    datum=st.dates(date(2025, 11, 1), date(2026, 2, 28)),
    thema=st.sampled_from(THEMAS),
    leeftijdsgroep=st.sampled_from(LEEFTIJDSGROEPEN),
    voor_wie=st.sampled_from(VOOR_WIE),
    wijk=st.sampled_from(WIJKEN),
    route=st.sampled_from(ROUTES),
    getoond=st.sampled_from(GETOOND),
    geholpen=st.sampled_from(GEHOLPEN),
    geen_passend_aanbod=st.booleans(),
)


@st.composite
def tabel(draw: st.DrawFn) -> list[Signaal]:
    """Signals as real tables look: common hulpvragen many times, near-misses and odd ones.

    Near-misses share month, thema, route and answers with others but differ in wijk (tiny
    wijken included), age band, for whom or the offers shown: the rows generalisation is for.
    """
    gewoon = draw(st.lists(signaal, max_size=6))
    herhaald = [s for s in gewoon for _ in range(draw(st.integers(min_value=1, max_value=20)))]
    bases = draw(st.lists(signaal, min_size=1, max_size=4))
    bijna = [
        replace(
            draw(st.sampled_from(bases)),
            wijk=draw(st.sampled_from(["Centrum"] * 4 + WIJKEN)),
            leeftijdsgroep=draw(st.sampled_from(["18-64", "65+", "18-64", ONBEKEND, "0-11"])),
            voor_wie=draw(st.sampled_from(["zelf", "zelf", "naaste", ONBEKEND])),
            getoond=draw(st.sampled_from(GETOOND)),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=80)))
    ]
    los = draw(st.lists(signaal, max_size=20))
    rijen = herhaald + bijna + los
    return draw(st.permutations(rijen)) if rijen else rijen


def combinaties_in_bestanden(vrijgave: Vrijgave) -> tuple[Counter[str], str, str]:
    """Write both formats and count the combinations of all columns as the files hold them."""
    export = Export(vrijgave=vrijgave, van=None, tot=None)
    jsonl, tekst_csv = io.StringIO(), io.StringIO()
    schrijf_export(export, "jsonl", jsonl)
    schrijf_export(export, "csv", tekst_csv)
    regels = jsonl.getvalue().splitlines()
    assert "samenvatting" in json.loads(regels[0])
    uit_json = [json.loads(r) for r in regels[1:]]
    assert all(list(r) == list(KOLOMMEN) for r in uit_json)
    assert not any(r.startswith('"#') for r in tekst_csv.getvalue().splitlines())
    data = [r for r in tekst_csv.getvalue().splitlines() if not r.startswith("# ")]
    uit_csv = list(csv.DictReader(io.StringIO("\n".join(data)), delimiter=";"))
    assert len(uit_csv) == len(uit_json) == vrijgave.vrijgegeven
    json_combinaties = Counter(json.dumps(r, sort_keys=True) for r in uit_json)
    csv_combinaties = Counter(json.dumps(r, sort_keys=True) for r in uit_csv)
    assert sorted(json_combinaties.values()) == sorted(csv_combinaties.values())
    return json_combinaties, jsonl.getvalue(), tekst_csv.getvalue()


@EIGENSCHAPPEN
@given(rijen=tabel(), k=st.integers(min_value=2, max_value=10))
def test_every_export_is_k_anonymous(rijen: list[Signaal], k: int) -> None:
    vrijgave = vrijgeven(rijen, k)
    combinaties, jsonl, tekst_csv = combinaties_in_bestanden(vrijgave)

    # Every combination of ALL released columns, as written in the files, occurs >= k times.
    assert all(aantal >= k for aantal in combinaties.values()), combinaties.most_common()[-1]
    # The counts add up: released + left out = offered = the table.
    assert vrijgave.aangeboden == len(rijen)
    assert vrijgave.vrijgegeven + vrijgave.weggelaten == len(rijen)
    assert sum(combinaties.values()) == vrijgave.vrijgegeven
    assert 0 <= vrijgave.gegeneraliseerd <= vrijgave.vrijgegeven
    per_kolom = dict(vrijgave.per_kolom)
    assert all(0 < n <= vrijgave.gegeneraliseerd for n in per_kolom.values())
    assert sum(per_kolom.values()) >= vrijgave.gegeneraliseerd
    # No day-level date anywhere: months only, and no JJJJ-MM-DD in either file.
    assert all(MAAND.match(r.maand) for r in vrijgave.rijen())
    assert not DAG.search(jsonl) and not DAG.search(tekst_csv)
    assert "datum" not in jsonl and "datum" not in tekst_csv
    # The summary in the files says the same numbers.
    samenvatting = json.loads(jsonl.splitlines()[0])["samenvatting"]
    assert (samenvatting["signalen"], samenvatting["vrijgegeven"]) == (
        len(rijen),
        vrijgave.vrijgegeven,
    )
    assert (samenvatting["gegeneraliseerd"], samenvatting["weggelaten"]) == (
        vrijgave.gegeneraliseerd,
        vrijgave.weggelaten,
    )
    assert f"Weggelaten omdat ze te zeldzaam bleven: {vrijgave.weggelaten}." in tekst_csv


@settings(EIGENSCHAPPEN, max_examples=100)
@given(rijen=tabel(), k=st.integers(min_value=2, max_value=10))
def test_released_rows_are_the_table_generalised_never_invented(
    rijen: list[Signaal], k: int
) -> None:
    vrijgave = vrijgeven(rijen, k)
    origineel = Counter(ExportRij.uit_signaal(s) for s in rijen)

    def vast(r: ExportRij) -> tuple[Any, ...]:
        """The columns that are never generalised."""
        return (r.maand, r.thema, r.route, r.geholpen, r.geen_passend_aanbod)

    uit = Counter(vast(r) for r in vrijgave.rijen())
    bron = Counter(vast(r) for r in origineel.elements())
    assert all(uit[sleutel] <= bron[sleutel] for sleutel in uit)
    for rij in vrijgave.rijen():
        for kolom, algemeen in GENERALISATIES.items():
            waarde = getattr(rij, kolom)
            assert waarde == algemeen or any(getattr(o, kolom) == waarde for o in origineel)
    # A combination that was already common enough is released exactly, all of its rows.
    gegeven = dict(vrijgave.klassen)
    for rij, aantal in origineel.items():
        if aantal >= k:
            assert gegeven.get(rij, 0) >= aantal


@settings(EIGENSCHAPPEN, max_examples=100)
@given(rijen=tabel(), k=st.integers(min_value=2, max_value=10), seed=st.integers(0, 2**16))
def test_deterministic_and_every_month_on_its_own(rijen: list[Signaal], k: int, seed: int) -> None:
    vrijgave = vrijgeven(rijen, k)
    geschud = list(rijen)
    random.Random(seed).shuffle(geschud)
    assert vrijgeven(geschud, k) == vrijgave  # order of the table does not matter

    # An export over several months is the exports of its months put together, so two
    # overlapping exports cannot be subtracted to learn anything new.
    samen: Counter[ExportRij] = Counter()
    weggelaten = 0
    for maand in {ExportRij.uit_signaal(s).maand for s in rijen}:
        apart = vrijgeven([s for s in rijen if ExportRij.uit_signaal(s).maand == maand], k)
        samen.update(dict(apart.klassen))
        weggelaten += apart.weggelaten
    assert samen == Counter(dict(vrijgave.klassen))
    assert weggelaten == vrijgave.weggelaten


# -- examples ------------------------------------------------------------------------------------


def hulpvraag(dag: int = 3, maand: int = 3, **velden: Any) -> Signaal:
    basis: dict[str, Any] = {
        "datum": date(2026, maand, dag),
        "thema": "mantelzorg",
        "leeftijdsgroep": "65+",
        "voor_wie": "naaste",
        "wijk": "Centrum",
        "route": "sociale_basis",
        "getoond": ("LW-001",),
        "geholpen": "ja",
        "geen_passend_aanbod": False,
    }
    basis.update(velden)
    return Signaal(**basis)


def test_the_day_becomes_the_month_and_common_rows_stay_exact() -> None:
    rijen = [hulpvraag(dag=d) for d in range(1, 6)]  # five days, one combination per month
    vrijgave = vrijgeven(rijen, 5)
    [(rij, aantal)] = vrijgave.klassen
    assert (rij.maand, aantal, rij.wijk, rij.getoond) == ("2026-03", 5, "Centrum", ("LW-001",))
    assert (vrijgave.gegeneraliseerd, vrijgave.weggelaten, vrijgave.per_kolom) == (0, 0, ())


def test_a_household_in_a_tiny_wijk_joins_overig_with_other_small_wijken() -> None:
    gewoon = [hulpvraag() for _ in range(6)]
    klein = [hulpvraag(wijk=w) for w in ("Gehucht", "Gehucht", "Polder", "Polder", "Dijk")]
    vrijgave = vrijgeven(gewoon + klein, 5)
    wijken = Counter(r.wijk for r in vrijgave.rijen())
    assert wijken == {"Centrum": 6, OVERIG: 5}
    assert vrijgave.gegeneraliseerd == 5
    assert dict(vrijgave.per_kolom) == {"wijk": 5}
    assert vrijgave.weggelaten == 0


def test_the_column_that_rescues_most_goes_first() -> None:
    """Four rare rows differ only in age band: generalising that rescues them all at once."""
    rare = [hulpvraag(leeftijdsgroep=g) for g in ("0-11", "12-17", "18-64", "18-64")]
    vrijgave = vrijgeven([*rare, hulpvraag(leeftijdsgroep=ONBEKEND)], 5)
    [(rij, aantal)] = vrijgave.klassen
    assert (rij.leeftijdsgroep, rij.wijk, rij.getoond, aantal) == (
        ONBEKEND,
        "Centrum",
        ("LW-001",),
        5,
    )
    # The row that already said "onbekend" is released unchanged: not counted as generalised.
    assert vrijgave.gegeneraliseerd == 4
    assert dict(vrijgave.per_kolom) == {"leeftijdsgroep": 4}


def test_each_row_loses_only_the_columns_it_must() -> None:
    """Rows that differ only in wijk lose the wijk; rows that differ only in age, the age."""
    wijk = [hulpvraag(wijk=w) for w in ("Gehucht", "Polder", "Dijk", "Dijk", "Gehucht")]
    leeftijd = [
        hulpvraag(thema="geldzorgen", leeftijdsgroep=g)
        for g in ("0-11", "12-17", "18-64", "18-64", "65+")
    ]
    vrijgave = vrijgeven(wijk + leeftijd, 5)
    uit = {(r.thema, r.wijk, r.leeftijdsgroep) for r in vrijgave.rijen()}
    assert uit == {("mantelzorg", OVERIG, "65+"), ("geldzorgen", "Centrum", ONBEKEND)}
    assert dict(vrijgave.per_kolom) == {"leeftijdsgroep": 5, "wijk": 5}
    assert all(r.getoond == ("LW-001",) and r.voor_wie == "naaste" for r in vrijgave.rijen())


def test_what_stays_rare_is_left_out_and_counted() -> None:
    rijen = [hulpvraag() for _ in range(5)] + [hulpvraag(thema="wonen", route="wmo_loket")]
    vrijgave = vrijgeven(rijen, 5)
    assert (vrijgave.vrijgegeven, vrijgave.weggelaten) == (5, 1)
    assert all(r.thema == "mantelzorg" for r in vrijgave.rijen())


def test_the_shown_offers_can_be_hidden() -> None:
    rijen = [hulpvraag(getoond=(f"LW-00{i}",)) for i in range(1, 6)]
    vrijgave = vrijgeven(rijen, 5)
    [(rij, _)] = vrijgave.klassen
    assert rij.getoond is None
    assert rij.als_dict()["getoond"] is None
    uit = io.StringIO()
    schrijf_export(Export(vrijgave, None, None), "csv", uit)
    assert f";{AFGESCHERMD};" in uit.getvalue()


def test_months_are_never_mixed() -> None:
    rijen = [hulpvraag(maand=3) for _ in range(3)] + [hulpvraag(maand=4) for _ in range(3)]
    vrijgave = vrijgeven(rijen, 5)
    assert (vrijgave.vrijgegeven, vrijgave.weggelaten) == (0, 6)


def test_empty_table_and_bad_k() -> None:
    leeg = vrijgeven([], 5)
    assert (leeg.aangeboden, leeg.vrijgegeven, leeg.klassen) == (0, 0, ())
    with pytest.raises(ValueError, match="minstens 1"):
        vrijgeven([hulpvraag()], 0)
