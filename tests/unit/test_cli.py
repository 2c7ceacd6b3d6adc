from pathlib import Path

import pytest

from wegwijzer.cli import main


def test_broken_profile_stops_with_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    profiel = tmp_path / "gemeente.yml"
    profiel.write_text(
        "naam: X\ncontact: {telefoon: '1'}\nwmo_loket: {telefoon: '2'}\ncjg: {}\nwijken: []\n"
    )
    monkeypatch.setenv("WEGWIJZER_GEMEENTE", str(profiel))
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(tmp_path / "var"))
    assert main(["setup", "--zonder-training"]) == 2
    err = capsys.readouterr().err
    assert "cjg.telefoon" in err
    assert "Traceback" not in err


def test_bad_setting_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WEGWIJZER_RASA_PORT", "vijf")
    assert main(["status"]) == 2
    assert "WEGWIJZER_RASA_PORT" in capsys.readouterr().err


def test_status_names_the_pipeline(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WEGWIJZER_DB_URL", "postgresql+psycopg2://wie:geheim@127.0.0.1/test")
    assert main(["status", "--json"]) == 0
    out = capsys.readouterr().out
    assert "spaCy-pijplijn" in out
    assert "geheim" not in out
