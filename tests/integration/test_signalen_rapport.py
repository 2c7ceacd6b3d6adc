"""Reports and exports from a real database (SQLite and PostgreSQL), also through the CLI."""

import csv
import io
import json
import os
import random
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kern.db import make_engine, make_session_factory
from kern.routes import CRISIS_ROUTES, MAATWERK_ROUTES
from kern.settings import Settings
from kern.themas import THEMAS
from signalen import SignaalFout
from signalen.export import exporteer, tel_rijen
from signalen.migraties import upgrade
from signalen.opslag import SignaalOpslag
from signalen.rapport import maak_rapport, tel
from signalen.signaal import Signaal, signaal_uit
from signalen.vrijgave import KOLOMMEN, ExportRij, vrijgeven
from triage.gesprek import Toestand
from wegwijzer.cli import main

WIJKEN = ["Centrum", "Oosterpark", "Westwijk"]
VAN, TOT = date(2026, 1, 1), date(2026, 6, 30)


def willekeurige_toestanden(aantal: int, seed: int = 11) -> list[tuple[Toestand, date]]:
    rng = random.Random(seed)
    uit = []
    for i in range(aantal):
        route = rng.choice(
            ["sociale_basis"] * 4
            + ["wmo_loket", "cjg", "crisis_acuut", "veilig_thuis", "buiten_scope"]
        )
        toestand = Toestand(
            hulpvraag_id=f"{i:032x}",
            thema=None if route == "buiten_scope" else rng.choice(["mantelzorg", "geldzorgen"]),
            voor_wie=rng.choice(["zelf", "naaste", None]),
            leeftijd=rng.choice([None, 9, 15, 40, 80]),
            wijk=rng.choice([*WIJKEN, None]),
            getoond=("LW-001", "LW-007") if route == "sociale_basis" else (),
            route=route,  # type: ignore[arg-type]  # drawn from ROUTES, which are Routes
            geholpen=rng.choice(["ja", "nee", None]) if route == "sociale_basis" else None,
            geen_aanbod=route in MAATWERK_ROUTES and rng.random() < 0.5,
        )
        # The edges of the period and just outside it, to check that the range is respected.
        randen = [date(2025, 12, 31), VAN, TOT, date(2026, 7, 1)]
        dag = randen[i] if i < len(randen) else VAN + timedelta(days=rng.randrange(0, 181))
        uit.append((toestand, dag))
    return uit


@pytest.fixture
def gevuld(db_settings: Settings) -> Iterator[tuple[Settings, list[Signaal]]]:
    upgrade(db_settings.db_url)
    engine = make_engine(db_settings.db_url)
    opslag = SignaalOpslag(make_session_factory(engine), os.urandom(32), wijken=WIJKEN)
    bewaard = []
    for toestand, dag in willekeurige_toestanden(80):
        opslag.bewaar(toestand, dag)
        signaal = signaal_uit(toestand, dag, WIJKEN)
        assert signaal is not None
        bewaard.append(signaal)
    engine.dispose()
    yield db_settings, bewaard


@pytest.fixture
def sessies(gevuld: tuple[Settings, list[Signaal]]) -> Iterator[object]:
    engine = make_engine(gevuld[0].db_url)
    yield make_session_factory(engine)
    engine.dispose()


def verwacht(signalen_: list[Signaal], per: list[str]) -> dict[tuple[object, ...], tuple[int, ...]]:
    """The same counts, done the slow way in Python."""
    tellingen: dict[tuple[object, ...], Counter[str]] = {}
    for s in signalen_:
        if not VAN <= s.datum <= TOT:
            continue
        waarden = {"thema": s.thema, "wijk": s.wijk, "maand": s.datum.isoformat()[:7]}
        c = tellingen.setdefault(tuple(waarden[p] for p in per), Counter())
        c["n"] += 1
        c["opgelost"] += s.route == "sociale_basis" and s.geholpen == "ja"
        c["verwezen"] += s.route in MAATWERK_ROUTES
        c["ja"] += s.geholpen == "ja"
        c["nee"] += s.geholpen == "nee"
        c["crisis"] += s.route in CRISIS_ROUTES
        c["geen"] += s.geen_passend_aanbod
        c["veilig_thuis"] += s.route == "veilig_thuis"
    namen = ["n", "opgelost", "verwezen", "ja", "nee", "crisis", "geen", "veilig_thuis"]
    return {g: tuple(c[n] for n in namen) for g, c in tellingen.items()}


def test_sql_counts_match_a_count_in_python(
    gevuld: tuple[Settings, list[Signaal]], sessies: object
) -> None:
    for per in (["thema"], ["wijk"], ["maand"], ["wijk", "thema"], ["thema", "wijk", "maand"]):
        assert tel(sessies, VAN, TOT, per) == verwacht(gevuld[1], per), per  # type: ignore[arg-type]


def test_report_totals_cover_exactly_the_period(
    gevuld: tuple[Settings, list[Signaal]], sessies: object
) -> None:
    rapport = maak_rapport(sessies, VAN, TOT, ["thema"], wijken=WIJKEN)  # type: ignore[arg-type]
    in_periode = [s for s in gevuld[1] if VAN <= s.datum <= TOT]
    assert 0 < len(in_periode) < len(gevuld[1])
    assert rapport.totaal.aantallen[0].waarde == len(in_periode)
    assert [r.groep for r in rapport.rijen] == [(t,) for t in [*THEMAS, None]]


def test_export_is_the_k_anonymous_release_of_the_table(
    gevuld: tuple[Settings, list[Signaal]], sessies: object
) -> None:
    """The SQL grouping feeds the same release as the signals counted in Python."""
    bewaard = gevuld[1]
    uit = io.StringIO()
    export = exporteer(sessies, "jsonl", uit, k=5)  # type: ignore[arg-type]
    assert export.vrijgave == vrijgeven(bewaard, 5)
    assert export.vrijgave.vrijgegeven + export.vrijgave.weggelaten == len(bewaard)
    regels = [json.loads(r) for r in uit.getvalue().splitlines()]
    assert regels[0]["samenvatting"]["signalen"] == len(bewaard)
    rijen = regels[1:]
    assert len(rijen) == export.vrijgave.vrijgegeven
    assert all(list(r) == list(KOLOMMEN) for r in rijen)  # no sleutel, no datum
    combinaties = Counter(json.dumps(r, sort_keys=True) for r in rijen)
    assert all(aantal >= 5 for aantal in combinaties.values())
    volgorde = [(r["maand"], r["thema"] or "", r["wijk"]) for r in rijen]
    assert volgorde == sorted(volgorde)  # by content, never by when a row was written

    # k = 1 releases every signal, at month level and otherwise unchanged.
    alles = exporteer(sessies, "jsonl", io.StringIO(), k=1)  # type: ignore[arg-type]
    assert Counter(dict(alles.vrijgave.klassen)) == Counter(
        ExportRij.uit_signaal(s) for s in bewaard
    )

    uit = io.StringIO()
    export = exporteer(sessies, "csv", uit, k=2, van=VAN, tot=TOT)  # type: ignore[arg-type]
    assert export.vrijgave.aangeboden == sum(VAN <= s.datum <= TOT for s in bewaard)
    data = "\n".join(r for r in uit.getvalue().splitlines() if not r.startswith("# "))
    rijen_csv = list(csv.DictReader(io.StringIO(data), delimiter=";"))
    assert len(rijen_csv) == export.vrijgave.vrijgegeven > 0
    assert {r["maand"] for r in rijen_csv} <= {f"2026-0{m}" for m in range(1, 7)}
    assert {r["geen_passend_aanbod"] for r in rijen_csv} <= {"ja", "nee"}
    assert tel_rijen(sessies, van=date(2030, 1, 1)) == Counter()  # type: ignore[arg-type]
    with pytest.raises(SignaalFout, match="niet de eerste dag van een maand"):
        exporteer(sessies, "csv", io.StringIO(), k=5, van=date(2026, 3, 14))  # type: ignore[arg-type]


def test_cli_end_to_end(
    gevuld: tuple[Settings, list[Signaal]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings, bewaard = gevuld
    monkeypatch.setenv("WEGWIJZER_DB_URL", settings.db_url)
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(settings.var_dir))
    periode = ["--van", VAN.isoformat(), "--tot", TOT.isoformat()]

    json_pad = tmp_path / "rapport.json"
    per = ["--per", "wijk", "--per", "maand"]
    assert (
        main(["signalen", "rapport", *periode, *per, "--format", "json", "--uit", str(json_pad)])
        == 0
    )
    data = json.loads(json_pad.read_text(encoding="utf-8"))
    assert data["per"] == ["wijk", "maand"]
    assert len(data["rijen"]) == 7 * 6  # 6 wijken of the demo profile + onbekend, 6 months
    assert data["totaal"]["hulpvragen"] == sum(VAN <= s.datum <= TOT for s in bewaard)

    xlsx_pad = tmp_path / "rapport.xlsx"
    xlsx = ["--format", "xlsx", "--uit", str(xlsx_pad)]
    assert main(["signalen", "rapport", *periode, "--per", "thema", *xlsx]) == 0
    assert load_workbook(xlsx_pad)["Rapport"]["A1"].value == "Thema"

    assert main(["signalen", "rapport", *periode, "--per", "thema,wijk", "--format", "csv"]) == 0
    uit = capsys.readouterr().out
    assert uit.splitlines()[-1].startswith("Totaal;;")

    export_pad = tmp_path / "signalen.csv"
    assert main(["signalen", "export", "--format", "csv", "--uit", str(export_pad)]) == 0
    verwacht_ = vrijgeven(bewaard, settings.signalen_k)
    scherm = capsys.readouterr()
    assert f"{verwacht_.vrijgegeven} signalen geschreven" in scherm.out
    assert f"{verwacht_.vrijgegeven} van {len(bewaard)} signalen vrijgegeven" in scherm.err
    assert f"{verwacht_.weggelaten} weggelaten" in scherm.err
    inhoud = export_pad.read_bytes()
    assert inhoud.startswith("\ufeff# Wegwijzer".encode())  # BOM for Excel, then the summary
    regels = inhoud.decode("utf-8-sig").splitlines()
    uitleg = [r for r in regels if r.startswith("# ")]
    assert regels[len(uitleg)].startswith("maand;thema;")
    assert len(regels) == len(uitleg) + 1 + verwacht_.vrijgegeven
