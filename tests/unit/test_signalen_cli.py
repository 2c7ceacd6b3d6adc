"""``wegwijzer signalen``: bad input gives a Dutch ``Fout: …`` message and exit code 2."""

from pathlib import Path

import pytest

from wegwijzer.cli import main


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
        (["--van", "2026-05-01", "--tot", "2026-01-01", "--per", "thema"], "ligt na --tot"),
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
    argumenten: list[str], melding: str, capsys: pytest.CaptureFixture[str]
) -> None:
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
        (["--van", "2026-02-01", "--tot", "2026-01-01"], "ligt na --tot"),
    ],
)
def test_export_input_errors(
    argumenten: list[str], melding: str, capsys: pytest.CaptureFixture[str]
) -> None:
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
