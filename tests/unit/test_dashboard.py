"""The beleid dashboard (signalen.dashboard): periods, and that every view hides what it must.

The proof of suppression does not trust the report code: counts are recomputed from the seeded
rows and a reader's derivations are redone (tests/beleid_controle.py) on what each view shows:
table, chart data and the one-sentence summary.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import sessionmaker

from kern import werkblad
from kern.db import make_engine, make_session_factory
from signalen import SignaalFout
from signalen.dashboard import (
    INDELINGEN,
    WEERGAVEN,
    Weergave,
    afgesloten_perioden,
    grafiek_data,
    kies_periode,
    label,
    maak_dashboard,
    maak_rapporten,
    standaard_periode,
)
from signalen.export import exporteer
from signalen.rapport import GEEN_AANBOD, MATEN, N, Rapport, als_xlsx, maak_rapport, schrijf
from tests.beleid_controle import controleer, getallen_in, lees_getal, ruwe_tellingen
from tests.equivalentie_rapport import PERIODEN, VANDAAG, WIJKEN, zaad_rijen, zaai

K = 5


@pytest.fixture(scope="module")
def zaad(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, sessionmaker]]:
    db_url = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'zaad.db'}"
    zaai(db_url)
    engine = make_engine(db_url)
    yield db_url, make_session_factory(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def dashboards(zaad: tuple[str, sessionmaker]) -> dict[str, list[Weergave]]:
    return {
        code: maak_dashboard(
            maak_rapporten(zaad[1], kies_periode(code, VANDAAG), K, WIJKEN, VANDAAG)
        )
        for code in PERIODEN
    }


# -- periods ------------------------------------------------------------------------------------


def test_perioden_alleen_wat_voorbij_is() -> None:
    perioden = afgesloten_perioden(date(2026, 12, 1))
    maanden = [p.code for p in perioden["Maanden"]]
    kwartalen = [p.code for p in perioden["Kwartalen"]]
    jaren = [p.code for p in perioden["Jaren"]]
    assert maanden[0] == "2026-11" and "2026-12" not in maanden
    assert kwartalen[:2] == ["2026-K3", "2026-K2"] and "2026-K4" not in kwartalen
    assert jaren == ["2025", "2024"]
    assert len(maanden) == 35  # three years back, the running month left out
    volgend_jaar = afgesloten_perioden(date(2027, 1, 1))
    assert volgend_jaar["Jaren"][0].code == "2026"
    assert volgend_jaar["Kwartalen"][0].code == "2026-K4"
    assert standaard_periode(date(2026, 12, 1)).code == "2026-K3"


def test_periode_namen() -> None:
    assert kies_periode("2026-k3", VANDAAG).naam == "3e kwartaal 2026"
    assert kies_periode(" 2026-03 ", VANDAAG).naam == "maart 2026"
    periode = kies_periode("2025", VANDAAG)
    assert (periode.van, periode.tot, periode.naam) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
        "2025",
    )


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("2026-12", "nog niet voorbij"),
        ("2026-K4", "nog niet voorbij"),
        ("2026", "nog niet voorbij"),
        ("2030-01", "nog niet voorbij"),
        ("2026-13", "geen periode"),
        ("2026-K5", "geen periode"),
        ("2026-03-14", "geen periode"),
        ("1999", "geen periode"),
        ("", "geen periode"),
        ("<script>alert(1)</script>", "geen periode"),
        (None, "Kies een periode"),
        (2026, "Kies een periode"),
    ],
)
def test_periode_fout_in_het_nederlands(waarde: Any, melding: str) -> None:
    with pytest.raises(SignaalFout) as fout:
        kies_periode(waarde, VANDAAG)
    assert melding in str(fout.value)
    assert fout.value.veld == "periode"
    assert "<script>" not in str(fout.value) or "'<script>alert(1)</" in str(fout.value)


# -- the same reports as the CLI ------------------------------------------------------------------


def test_dashboard_rapporten_zijn_die_van_de_cli(
    zaad: tuple[str, sessionmaker],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from signalen import cli as signalen_cli
    from wegwijzer.cli import main

    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WEGWIJZER_DB_URL", zaad[0])
    monkeypatch.setattr(signalen_cli, "_vandaag", lambda: VANDAAG)
    rapporten = maak_rapporten(zaad[1], kies_periode("2026-K3", VANDAAG), K, WIJKEN, VANDAAG)
    for per, rapport in rapporten.items():
        uit = tmp_path / f"{'-'.join(per)}.json"
        argv = [
            "signalen",
            "rapport",
            "--periode",
            "2026-K3",
            "--format",
            "json",
            "--uit",
            str(uit),
        ]
        for p in per:
            argv += ["--per", p]
        assert main(argv) == 0
        assert uit.read_text(encoding="utf-8") == schrijf(rapport, "json")


# -- suppression, view by view --------------------------------------------------------------------


def _ruw(rapport: Rapport) -> tuple[list[list[int]], list[int]]:
    ruw = ruwe_tellingen(zaad_rijen(), rapport.van, rapport.tot, rapport.per)
    lichaam = [ruw.get(tuple(rij.groep), [0] * len(MATEN)) for rij in rapport.rijen]
    totaal = [sum(kolom) for kolom in zip(*ruw.values(), strict=False)] if ruw else [0] * len(MATEN)
    return lichaam, totaal


@pytest.mark.parametrize("code", PERIODEN)
def test_elk_rapport_als_json_afgeschermd(code: str, zaad: tuple[str, sessionmaker]) -> None:
    """The JSON the API and the CLI write: every column, every grouping."""
    periode = kies_periode(code, VANDAAG)
    for per in (*INDELINGEN, ("wijk", "maand"), ("thema", "wijk", "maand")):
        rapport = maak_rapport(zaad[1], periode.van, periode.tot, per, k=K, wijken=WIJKEN)
        data = json.loads(str(schrijf(rapport, "json")))
        codes = [m.code for m in MATEN]
        lichaam = [[r[c] for c in codes] for r in data["rijen"]]
        totaal = [data["totaal"][c] for c in codes]
        ruw_lichaam, ruw_totaal = _ruw(rapport)
        controleer(lichaam, totaal, ruw_lichaam, ruw_totaal, K, list(range(len(MATEN))))
        # A share is shown only next to its own shown count: it never reveals a hidden one.
        for rij in [*data["rijen"], data["totaal"]]:
            for c in codes:
                if isinstance(rij[f"{c}_pct"], float):
                    assert isinstance(rij[c], int)


def _tabel_cellen(weergave: Weergave) -> tuple[list[list[Any]], list[Any], list[int]]:
    """The counts the page table shows, as (body, totals, MATEN columns), back to values."""
    tabel, soort = weergave.tabel, weergave.soort
    if soort.code == "gaten":
        lichaam = [[lees_getal(c.tekst)] for rij in tabel.rijen[:-1] for c in rij.cellen]
        return lichaam, [lees_getal(tabel.rijen[-1].cellen[0].tekst)], [GEEN_AANBOD]
    rijen = [[lees_getal(c.tekst) for c in rij.cellen[::2]] for rij in tabel.rijen]
    return rijen[:-1], rijen[-1], list(soort.maten)


@pytest.mark.parametrize("code", PERIODEN)
def test_elke_weergave_afgeschermd(code: str, dashboards: dict[str, list[Weergave]]) -> None:
    weergaven = dashboards[code]
    assert [w.soort.code for w in weergaven] == [s.code for s in WEERGAVEN]
    for weergave in weergaven:
        rapport = weergave.rapport
        ruw_lichaam, ruw_totaal = _ruw(rapport)
        lichaam, totaal, kolommen = _tabel_cellen(weergave)
        if weergave.soort.code == "gaten":
            # The cross table lists the thema × wijk rows thema by thema, wijk by wijk.
            volgorde = {tuple(r.groep): i for i, r in enumerate(rapport.rijen)}
            themas = list(dict.fromkeys(r.groep[0] for r in rapport.rijen))
            wijken = list(dict.fromkeys(r.groep[1] for r in rapport.rijen))
            ruw_lichaam = [ruw_lichaam[volgorde[(t, w)]] for t in themas for w in wijken]
        ruw_b = [[r[m] for m in kolommen] for r in ruw_lichaam]
        ruw_t = [ruw_totaal[m] for m in kolommen]
        controleer(lichaam, totaal, ruw_b, ruw_t, K, kolommen)

        # Chart data: shown body cells only, with their true values; no total, no marker.
        zichtbaar = {
            (
                tuple(label(p, g) for p, g in zip(rapport.per, rij.groep, strict=False)),
                MATEN[m].kop,
            ): cel.waarde
            for rij in rapport.rijen
            for m in weergave.soort.maten
            if (cel := rij.aantallen[m]).waarde is not None
        }
        data = weergave.grafiek["data"]["values"]
        assert data == grafiek_data(weergave.soort, rapport)
        for punt in data:
            sleutel = (tuple(punt[p] for p in rapport.per), punt["maat"])
            assert sleutel in zichtbaar, punt
            assert punt["aantal"] == zichtbaar[sleutel] >= K
        verwacht = {
            s
            for s in zichtbaar
            if not (weergave.soort.code in ("wegen", "geholpen") and s[1] == MATEN[N].kop)
        }
        assert {(tuple(p[d] for d in rapport.per), p["maat"]) for p in data} == verwacht

        # The summary names only numbers that the table shows.
        getoond = {c.tekst for rij in weergave.tabel.rijen for c in rij.cellen if not c.afgeschermd}
        for getal in getallen_in(weergave.samenvatting):
            assert getal in getoond, (weergave.soort.code, getal, weergave.samenvatting)


def test_er_valt_iets_af_te_schermen(dashboards: dict[str, list[Weergave]]) -> None:
    """The seed is a real test: small cells, secondary cells and shown cells all occur."""
    teksten = [c.tekst for w in dashboards["2026-K3"] for rij in w.tabel.rijen for c in rij.cellen]
    assert f"<{K}" in teksten and "x" in teksten
    assert sum(1 for t in teksten if isinstance(lees_getal(t), int)) > 20
    samenvattingen = {w.soort.code: w.samenvatting for w in dashboards["2026-K3"]}
    assert "Eenzaamheid en contact (97)" in samenvattingen["thema"]


def test_lege_periode_alles_afgeschermd(zaad: tuple[str, sessionmaker]) -> None:
    weergaven = maak_dashboard(
        maak_rapporten(zaad[1], kies_periode("2025-03", VANDAAG), K, WIJKEN, VANDAAG)
    )
    for w in weergaven:
        assert w.grafiek["data"]["values"] == []
        assert "afgeschermd" in w.samenvatting or "genoeg" in w.samenvatting
        assert all(c.afgeschermd for rij in w.tabel.rijen for c in rij.cellen if c.tekst)


# -- spreadsheet formulas ---------------------------------------------------------------------------


def test_neutraliseer() -> None:
    assert werkblad.neutraliseer("=1+1") == "'=1+1"
    assert werkblad.neutraliseer("+31 6") == "'+31 6"
    assert werkblad.neutraliseer("-x") == "'-x"
    assert werkblad.neutraliseer("@SUM(A1)") == "'@SUM(A1)"
    assert werkblad.neutraliseer("Centrum") == "Centrum"
    assert werkblad.neutraliseer("<5") == "<5"


def test_formules_in_downloads_onschadelijk(tmp_path: Path) -> None:
    """A wijk name read back from the table that looks like a formula stays inert everywhere."""
    db_url = f"sqlite:///{tmp_path / 'formule.db'}"
    kwaad = '=HYPERLINK("http://x","y")'
    rijen = [dict(r, wijk=kwaad) for r in zaad_rijen()[:60]]
    zaai(db_url, rijen)
    engine = make_engine(db_url)
    sessies = make_session_factory(engine)
    try:
        periode = kies_periode("2026-K3", VANDAAG)
        rapport = maak_rapport(sessies, periode.van, periode.tot, ["wijk"], k=K, wijken=WIJKEN)
        csv_tekst = str(schrijf(rapport, "csv"))
        assert f"'{kwaad}".replace('"', '""') in csv_tekst
        assert f"\r\n{kwaad[:5]}" not in csv_tekst
        boek = load_workbook(io.BytesIO(als_xlsx(rapport)))
        cellen = [c for rij in boek["Rapport"].iter_rows() for c in rij if c.value == kwaad]
        assert cellen and all(c.data_type == "s" for c in cellen)  # text, not a formula
        uit = io.StringIO()
        exporteer(sessies, "csv", uit, k=2, van=periode.van, tot=periode.tot, vandaag=VANDAAG)
        regels = [r for r in uit.getvalue().splitlines() if not r.startswith("#")]
        assert not any(veld.startswith("=") for r in regels for veld in r.split(";"))
    finally:
        engine.dispose()


def test_controle_vangt_een_lek(zaad: tuple[str, sessionmaker]) -> None:
    """The check itself can fail: without the secondary cells a small cell can be derived."""
    from tests.beleid_controle import afleidbaar

    assert afleidbaar([["<5"], [10]], [13], K) == [(0, 0)]  # 13 - 10 = 3
    assert afleidbaar([["<5"], ["<5"], [10]], [13], K) == []  # 3 = 0 + 3 = 1 + 2 = …
    assert afleidbaar([["<5"], ["<5"], [10]], [18], K) == [(0, 0), (1, 0)]  # 8 = 4 + 4 only
    periode = kies_periode("2026-K3", VANDAAG)
    rapport = maak_rapport(zaad[1], periode.van, periode.tot, ["thema"], k=K, wijken=WIJKEN)
    data = json.loads(str(schrijf(rapport, "json")))
    codes = [m.code for m in MATEN]
    ruw_lichaam, ruw_totaal = _ruw(rapport)
    lichaam = [
        [ruw if rij[c] == "x" else rij[c] for c, ruw in zip(codes, ruw_rij, strict=False)]
        for rij, ruw_rij in zip(data["rijen"], ruw_lichaam, strict=False)
    ]
    totaal = [data["totaal"][c] for c in codes]
    with pytest.raises(AssertionError, match="af te leiden"):
        controleer(lichaam, totaal, ruw_lichaam, ruw_totaal, K, list(range(len(MATEN))))


@pytest.mark.parametrize("code", PERIODEN)
def test_tabellen_samen_op_het_zaad(code: str, zaad: tuple[str, sessionmaker]) -> None:
    """Across views, on the seeded data: the per-thema and per-wijk totals on the same page,
    used as row and column sums of the thema × wijk table, give no small cell away, and every
    report shows or hides the grand totals alike.

    Not a guarantee for all data: each report is protected on its own (the CLI's documented
    limit); this guards the dashboard's own combination on a realistic table.
    """
    from tests.beleid_controle import afleidbaar

    periode = kies_periode(code, VANDAAG)
    rapporten = maak_rapporten(zaad[1], periode, K, WIJKEN, VANDAAG)
    kruis = rapporten[("thema", "wijk")]

    def uit(cel: Any) -> Any:
        return cel.waarde if cel.waarde is not None else cel.markering

    for positie, dim in enumerate(("thema", "wijk")):
        for rij in rapporten[(dim,)].rijen:
            for m in range(len(MATEN)):
                lichaam = [
                    [uit(r.aantallen[m])] for r in kruis.rijen if r.groep[positie] == rij.groep[0]
                ]
                assert not afleidbaar(lichaam, [uit(rij.aantallen[m])], K), (dim, rij.groep, m)
    totalen = {per: [uit(c) for c in r.totaal.aantallen] for per, r in rapporten.items()}
    assert len({json.dumps(t) for t in totalen.values()}) == 1, totalen
