"""Both pipeline paths: the offline build, and the official model (a fake installed package)."""

import sys
import textwrap
from pathlib import Path

import pytest
import spacy

from wegwijzer import spacy_pipeline
from wegwijzer.spacy_pipeline import PipelineFout, prepare, read_info


def test_offline_pipeline_lemmatises_dutch_and_loads_from_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spacy_pipeline, "official_installed", lambda: False)
    target = tmp_path / "nl"
    info = prepare(target=target)
    assert info.soort == "offline"
    assert not info.heeft_ner and not info.heeft_pos
    assert "offline" in info.beschrijving()
    nlp = spacy.load(target)
    lemmas = {t.text: t.lemma_ for t in nlp("ik vergeet mijn schulden")}
    assert lemmas["vergeet"] == "vergeten"
    assert lemmas["schulden"] == "schuld"
    assert read_info(target) == info


def test_prepare_is_idempotent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacy_pipeline, "official_installed", lambda: False)
    target = tmp_path / "nl"
    prepare(target=target)
    stamp = (target / "config.cfg").stat().st_mtime_ns
    prepare(target=target)
    assert (target / "config.cfg").stat().st_mtime_ns == stamp


FAKE_MODEL = textwrap.dedent(
    """
    import spacy

    def load(**overrides):
        nlp = spacy.blank("nl")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("ner")
        nlp.get_pipe("ner").add_label("PER")
        nlp.initialize()
        nlp.meta.update({"name": "core_news_sm", "version": "3.4.0", "lang": "nl"})
        return nlp
    """
)


def test_official_model_is_used_when_installed_and_replaces_offline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "nl"
    monkeypatch.setattr(spacy_pipeline, "official_installed", lambda: False)
    assert prepare(target=target).soort == "offline"

    package = tmp_path / "site" / "nl_core_news_sm"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(FAKE_MODEL, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(spacy_pipeline, "official_installed", lambda: True)
    try:
        info = prepare(target=target)
    finally:
        sys.modules.pop("nl_core_news_sm", None)
    assert info.soort == "officieel"
    assert info.naam == "nl_core_news_sm" and info.versie == "3.4.0"
    assert info.heeft_ner
    assert "officiële" in info.beschrijving()
    assert "ner" in spacy.load(target).pipe_names


def test_wheel_with_wrong_sha256_is_refused_before_installing(tmp_path: Path) -> None:
    wheel = tmp_path / "nl_core_news_sm-3.4.0-py3-none-any.whl"
    wheel.write_bytes(b"not really a wheel")
    with pytest.raises(PipelineFout, match="sha256"):
        spacy_pipeline.install_official(str(wheel), "0" * 64)


def test_unknown_model_source_is_a_clear_error() -> None:
    with pytest.raises(PipelineFout, match="geen bestaand wheel-bestand en geen URL"):
        spacy_pipeline.install_official("nergens/model.whl", None)
