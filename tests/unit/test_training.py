from pathlib import Path

import pytest

from wegwijzer import training


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "config.yml").write_text("language: nl\n")
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "domain.yml").write_text("intents: [a]\n")
    (tmp_path / "data" / "nlu").mkdir(parents=True)
    (tmp_path / "data" / "nlu" / "a.yml").write_text("nlu: []\n")
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(tmp_path / "var"))
    return tmp_path


def test_training_needed_only_when_inputs_change(project: Path) -> None:
    model = project / "models" / "wegwijzer.tar.gz"
    assert training.needs_training(model, project)
    model.parent.mkdir()
    model.write_bytes(b"model")
    training.fingerprint_file(model).write_text(training.fingerprint(project))
    assert not training.needs_training(model, project)

    (project / "data" / "nlu" / "a.yml").write_text("nlu: [changed]\n")
    assert training.needs_training(model, project)


def test_pipeline_switch_changes_fingerprint(project: Path) -> None:
    before = training.fingerprint(project)
    (project / "var" / "spacy" / "nl").mkdir(parents=True)
    (project / "var" / "spacy" / "nl" / "wegwijzer-pipeline.json").write_text('{"soort": "officieel"}')
    assert training.fingerprint(project) != before
