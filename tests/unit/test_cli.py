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
    assert err.startswith("Fout: ")
    assert "cjg.telefoon" in err


def test_damaged_tracker_key_at_setup_is_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """main() turns GeheimFout into "Fout: …" and exit code 2 (an uncaught one would raise)."""
    import privacy
    from wegwijzer import spacy_pipeline
    from wegwijzer.spacy_pipeline import PipelineInfo

    var = tmp_path / "var"
    var.mkdir()
    (var / "tracker.key").write_bytes(b"kapot")
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(var))
    # The slow steps before the secret are not what this test is about.
    info = PipelineInfo("offline", "nep", "0", ())
    monkeypatch.setattr(spacy_pipeline, "prepare", lambda *a, **k: info)
    monkeypatch.setattr(privacy, "prepare", lambda *a, **k: None)
    assert main(["setup", "--zonder-training"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ")
    assert "tracker.key bevat geen geldig geheim" in err
    assert (var / "tracker.key").read_bytes() == b"kapot"  # not silently replaced


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
