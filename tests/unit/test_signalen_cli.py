"""``wegwijzer signalen``: Dutch messages, whole finished months, and what the export holds back."""

import csv
import io
import json
import os
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kern.db import make_engine
from signalen.model import signaal_tabel
from signalen.opslag import rij_waarden
from signalen.signaal import Signaal
from wegwijzer.cli import main

VANDAAG = date(2026, 12, 1)  # what the CLI takes as today in these tests (see _vandaag)


@pytest.fixture(autouse=True)
def omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WEGWIJZER_DB_URL", f"sqlite:///{tmp_path / 'var' / 'test.db'}")
    return tmp_path


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["--van", "2026-13-01", "--per", "thema"], "--van '2026-13-01' is geen geldige datum"),
        (["--tot", "gisteren", "--per", "thema"], "--tot 'gisteren' is geen geldige datum"),
        (["--van", "2026-05-01", "--tot", "2026-01-31", "--per", "thema"], "ligt na --tot"),
        (["--van", "2026-05", "--tot", "2026-01", "--per", "thema"], "ligt na --tot"),
        (
            ["--van", "2026-01-15", "--per", "thema"],
            "--van 2026-01-15 is niet de eerste dag van een maand",
        ),
        (
            ["--tot", "2026-06-15", "--per", "thema"],
            "--tot 2026-06-15 is niet de laatste dag van een maand",
        ),
        (["--tot", "2026-12", "--per", "thema"], "ligt in een maand die nog niet voorbij is"),
        (["--periode", "2026", "--per", "thema"], "Kies uiterlijk --tot 2026-11-30"),
        (["--periode", "2026-K5", "--per", "thema"], "--periode '2026-K5' is geen jaar"),
        (["--periode", "2026", "--van", "2026-01", "--per", "thema"], "niet allebei"),
        (["--per", "postcode"], "Onbekende indeling --per 'postcode'"),
        (["--per", "thema,thema"], "maar één keer"),
        ([], "Kies minstens één indeling"),
        (["--per", "thema", "--format", "pdf"], "Onbekend formaat 'pdf'"),
        (["--per", "thema", "--format", "xlsx"], "geef --uit"),
        (["--per", "thema", "--k", "vijf"], "--k moet een geheel getal zijn"),
        (["--per", "thema", "--k", "3"], "niet lager zijn dan 5"),
        (["--per", "thema"], "signalen migreer"),  # no table yet
    ],
)
def test_rapport_input_errors(
    argumenten: list[str],
    melding: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("signalen.cli._vandaag", lambda: VANDAAG)
    assert main(["signalen", "rapport", *argumenten]) == 2
    uit = capsys.readouterr()
    assert melding in uit.err
    assert uit.err.startswith("Fout: ")
    assert uit.out == ""


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["--format", "xml"], "Onbekend formaat 'xml'. Kies uit: jsonl, csv."),
        (["--van", "1-1-2026"], "--van '1-1-2026' is geen geldige datum"),
        (["--van", "2026-02-01", "--tot", "2026-01-31"], "ligt na --tot"),
        (["--van", "2026-03-14"], "--van 2026-03-14 is niet de eerste dag van een maand"),
        (["--tot", "2026-03-14"], "--tot 2026-03-14 is niet de laatste dag van een maand"),
        (["--periode", "2026-12"], "nog niet voorbij"),
        (["--van", "2026-12"], "ligt na --tot (2026-11-30)"),  # nothing finished after it yet
        (["--k", "3"], "niet lager zijn dan 5"),
        (["--k", "veel"], "--k moet een geheel getal zijn"),
    ],
)
def test_export_input_errors(
    argumenten: list[str],
    melding: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("signalen.cli._vandaag", lambda: VANDAAG)
    assert main(["signalen", "export", *argumenten]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ")
    assert melding in err


def test_migreer_then_an_empty_report(omgeving: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["signalen", "migreer"]) == 0
    assert (omgeving / "var" / "signalen.geheim").stat().st_size == 32
    assert (
        main(["signalen", "rapport", "--van", "2026-01-01", "--tot", "2026-01-31", "--per", "wijk"])
        == 0
    )
    out = capsys.readouterr().out
    assert "Signalen per wijk, 1 januari 2026 t/m 31 januari 2026" in out
    assert "Totaal" in out
    assert "hele maanden die voorbij zijn" in out


@pytest.mark.parametrize(
    ("argumenten", "titel"),
    [
        (["--periode", "2026-K2"], "1 april 2026 t/m 30 juni 2026"),
        (["--periode", "2025"], "1 januari 2025 t/m 31 december 2025"),
        (["--van", "2026-02", "--tot", "2026-03"], "1 februari 2026 t/m 31 maart 2026"),
        ([], "1 januari 2026 t/m 30 november 2026"),  # default: this year's finished months
    ],
)
def test_report_periods(
    argumenten: list[str],
    titel: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("signalen.cli._vandaag", lambda: VANDAAG)
    assert main(["signalen", "migreer"]) == 0
    assert main(["signalen", "rapport", *argumenten, "--per", "thema"]) == 0
    assert f"Signalen per thema, {titel}" in capsys.readouterr().out


def test_an_unwritable_file_is_a_dutch_error(
    omgeving: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["signalen", "migreer"]) == 0
    doel = omgeving / "bestaat-niet" / "rapport.csv"
    assert (
        main(["signalen", "rapport", "--per", "thema", "--format", "csv", "--uit", str(doel)]) == 2
    )
    err = capsys.readouterr().err
    assert err.startswith("Fout: ")
    assert f"Kan {doel} niet schrijven" in err


# -- the export: k-anonymous month-level rows, and it says what it held back --------------------


def signaal(dag: date, **velden: object) -> Signaal:
    basis: dict[str, object] = {
        "datum": dag,
        "thema": "mantelzorg",
        "leeftijdsgroep": "65+",
        "voor_wie": "naaste",
        "wijk": "Centrum",
        "route": "sociale_basis",
        "getoond": ("LW-001", "LW-002"),
        "geholpen": "ja",
        "geen_passend_aanbod": False,
    }
    basis.update(velden)
    return Signaal(**basis)  # type: ignore[arg-type]


@pytest.fixture
def gevuld(omgeving: Path, monkeypatch: pytest.MonkeyPatch) -> list[Signaal]:
    """March: 6 alike in Centrum, 5 from three tiny wijken, 1 odd one; one signal today."""
    monkeypatch.setattr("signalen.cli._vandaag", lambda: VANDAAG)
    assert main(["signalen", "migreer"]) == 0
    rijen = [signaal(date(2026, 3, d)) for d in range(1, 7)]
    rijen += [
        signaal(date(2026, 3, 9), wijk=w) for w in ("Gehucht", "Gehucht", "Polder", "Dijk", "Dijk")
    ]
    rijen += [signaal(date(2026, 3, 20), thema="wonen", route="wmo_loket", geholpen="onbekend")]
    rijen += [signaal(VANDAAG)]  # this month is not over: never exported
    engine = make_engine(os.environ["WEGWIJZER_DB_URL"])
    with engine.begin() as conn:
        for i, s in enumerate(rijen):
            conn.execute(signaal_tabel.insert().values(sleutel=f"{i:064x}", **rij_waarden(s)))
    engine.dispose()
    return rijen


def test_export_to_the_screen_is_k_anonymous_and_says_what_it_held_back(
    gevuld: list[Signaal], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["signalen", "export"]) == 0
    uit = capsys.readouterr()
    regels = [json.loads(r) for r in uit.out.splitlines()]
    samenvatting, rijen = regels[0]["samenvatting"], regels[1:]
    assert (samenvatting["van"], samenvatting["tot"], samenvatting["k"]) == (None, "2026-11", 5)
    assert (samenvatting["signalen"], samenvatting["vrijgegeven"]) == (12, 11)
    assert (samenvatting["gegeneraliseerd"], samenvatting["weggelaten"]) == (5, 1)
    assert samenvatting["gegeneraliseerd_per_kolom"] == {"wijk": 5}
    assert {r["maand"] for r in rijen} == {"2026-03"}
    assert Counter(r["wijk"] for r in rijen) == {"Centrum": 6, "overig": 5}
    assert all("datum" not in r and "sleutel" not in r for r in rijen)
    assert "2026-03-0" not in uit.out and VANDAAG.isoformat() not in uit.out
    assert uit.err == (
        "Export het eerste signaal t/m november 2026: 11 van 12 signalen vrijgegeven (k = 5); "
        "5 daarvan gegeneraliseerd, 1 weggelaten omdat ze te zeldzaam bleven.\n"
        "Gegeneraliseerd: wijk → overig bij 5 rijen.\n"
    )


def test_export_csv_file_has_the_summary_on_top(
    gevuld: list[Signaal], omgeving: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = omgeving / "signalen.csv"
    assert (
        main(["signalen", "export", "--format", "csv", "--periode", "2026-K1", "--uit", str(pad)])
        == 0
    )
    uit = capsys.readouterr()
    assert uit.out == f"11 signalen geschreven naar {pad}.\n"
    assert "11 van 12 signalen vrijgegeven" in uit.err
    inhoud = pad.read_bytes()
    assert inhoud.startswith("\ufeff# Wegwijzer, anonieme signalen".encode())  # BOM for Excel
    tekst = inhoud.decode("utf-8-sig")
    uitleg = [r for r in tekst.splitlines() if r.startswith("# ")]
    assert "# Periode: januari 2026 t/m maart 2026." in uitleg
    assert "# Elke combinatie van alle kolommen komt minstens 5 keer voor (k = 5)." in uitleg
    assert (
        "# Signalen in de periode: 12. Vrijgegeven: 11, waarvan 5 gegeneraliseerd. "
        "Weggelaten omdat ze te zeldzaam bleven: 1."
    ) in uitleg
    data = "\n".join(r for r in tekst.splitlines() if not r.startswith("# "))
    rijen = list(csv.DictReader(io.StringIO(data), delimiter=";"))
    assert list(rijen[0])[:2] == ["maand", "thema"]
    assert len(rijen) == 11
    assert {r["getoond"] for r in rijen} == {"LW-001;LW-002"}
    assert min(Counter(tuple(r.values()) for r in rijen).values()) >= 5


def test_a_higher_k_holds_back_more(
    gevuld: list[Signaal], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["signalen", "export", "--k", "7", "--periode", "2026-03"]) == 0
    uit = capsys.readouterr()
    assert uit.err.startswith(
        "Export maart 2026: 11 van 12 signalen vrijgegeven (k = 7); 11 daarvan gegeneraliseerd"
    )
    assert {json.loads(r)["wijk"] for r in uit.out.splitlines()[1:]} == {"overig"}
    assert main(["signalen", "export", "--k", "12", "--periode", "2026-03"]) == 0
    uit = capsys.readouterr()
    assert "0 van 12 signalen vrijgegeven (k = 12)" in uit.err
    assert "12 weggelaten" in uit.err
    assert len(uit.out.splitlines()) == 1  # the summary only
    assert main(["signalen", "export", "--periode", "2026-02"]) == 0
    assert "0 van 0 signalen vrijgegeven" in capsys.readouterr().err
