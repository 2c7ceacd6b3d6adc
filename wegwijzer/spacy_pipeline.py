"""The Dutch spaCy pipeline that Rasa's ``SpacyNLP`` loads from one project-local path.

``config.yml`` names one fixed path, ``var/spacy/nl`` (Rasa reads no settings); set-up fills
:attr:`kern.settings.Settings.spacy_dir` (``<WEGWIJZER_VAR_DIR>/spacy/nl``, by default exactly
that path) with the best pipeline available, so the same config trains and runs with either:

* **official**: Explosion's ``nl_core_news_sm`` 3.4.0 (tagger, parser, NER), when it is installed
  in the venv or ``WEGWIJZER_SPACY_MODEL`` names its wheel file or URL;
* **offline**: ``spacy.blank("nl")`` with the lookup lemmatizer from ``spacy-lookups-data``,
  built from PyPI packages only, for machines without internet access.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kern.settings import PROJECT_ROOT, Settings

#: The path ``config.yml`` gives ``SpacyNLP`` (relative to the project, where Rasa runs).
CONFIG_PAD = PROJECT_ROOT / "var" / "spacy" / "nl"
MARKER = "wegwijzer-pipeline.json"

OFFICIAL_PACKAGE = "nl_core_news_sm"
OFFICIAL_VERSION = "3.4.0"
OFFICIAL_URL = (
    "https://github.com/explosion/spacy-models/releases/download/"
    "nl_core_news_sm-3.4.0/nl_core_news_sm-3.4.0-py3-none-any.whl"
)
#: sha256 of the wheel at OFFICIAL_URL. It could not be read on the offline build machines;
#: until it is filled in, set-up prints the digest of what it installs and
#: ``WEGWIJZER_SPACY_MODEL_SHA256`` pins it (see README, "spaCy-pijplijn").
OFFICIAL_SHA256: str | None = None


class PipelineFout(RuntimeError):
    """The pipeline cannot be prepared; the message says what to do (Dutch)."""


@dataclass(frozen=True)
class PipelineInfo:
    """Which pipeline is in use; written next to it and shown by ``wegwijzer status``."""

    soort: str  # "officieel" | "offline"
    naam: str
    versie: str
    componenten: tuple[str, ...]

    @property
    def heeft_ner(self) -> bool:
        """Named-entity recognition is only in the official model."""
        return "ner" in self.componenten

    @property
    def heeft_pos(self) -> bool:
        """Part-of-speech tags are only in the official model."""
        return "tagger" in self.componenten or "morphologizer" in self.componenten

    def beschrijving(self) -> str:
        """One Dutch line for set-up output and status pages."""
        if self.soort == "officieel":
            return f"officiële spaCy-pijplijn {self.naam} {self.versie} ({', '.join(self.componenten)})"
        return (
            f"offline spaCy-pijplijn {self.naam} {self.versie} "
            "(spacy.blank('nl') met lookup-lemmatizer; geen NER of woordsoorten)"
        )


def pipeline_dir() -> Path:
    """Where the pipeline is prepared: ``Settings.spacy_dir`` of the current environment."""
    return Settings.from_env().spacy_dir


def read_info(path: Path | None = None) -> PipelineInfo | None:
    """The pipeline currently prepared at ``path`` (default :func:`pipeline_dir`), if any."""
    path = pipeline_dir() if path is None else path
    try:
        data: dict[str, Any] = json.loads((path / MARKER).read_text(encoding="utf-8"))
        return PipelineInfo(
            soort=data["soort"],
            naam=data["naam"],
            versie=data["versie"],
            componenten=tuple(data["componenten"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def official_installed() -> bool:
    """Whether ``nl_core_news_sm`` is importable in this environment."""
    return importlib.util.find_spec(OFFICIAL_PACKAGE) is not None


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, streamed."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def install_official(source: str, expected_sha256: str | None) -> None:
    """Install the official model wheel from a file or URL into this venv, checking its hash."""
    expected = expected_sha256 or (OFFICIAL_SHA256 if source == OFFICIAL_URL else None)
    local = Path(source).expanduser()
    if local.exists():
        digest = sha256_of(local)
        print(f"spaCy-model {local.name}: sha256 {digest}")
        if expected and digest != expected:
            raise PipelineFout(
                f"De sha256 van {local} klopt niet: verwacht {expected}, gevonden {digest}. "
                f"/ The wheel's sha256 does not match."
            )
        target = str(local)
    elif source.startswith(("https://", "http://")):
        target = source
        if expected:
            target = f"{OFFICIAL_PACKAGE} @ {source}#sha256={expected}"
    else:
        raise PipelineFout(
            f"WEGWIJZER_SPACY_MODEL={source!r} is geen bestaand wheel-bestand en geen URL."
        )
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", target]
    if expected and not local.exists():
        cmd.insert(4, "--require-hashes")
    result = subprocess.run(cmd, check=False)
    if result.returncode != 0:
        raise PipelineFout(
            f"Installeren van het spaCy-model uit {source} is mislukt (pip gaf {result.returncode})."
        )


def _build_official(target: Path) -> PipelineInfo:
    # Every spaCy model package exposes load(); importing it directly also works for a package
    # that is importable but not registered as a distribution.
    nlp = importlib.import_module(OFFICIAL_PACKAGE).load()
    meta = nlp.meta
    info = PipelineInfo(
        soort="officieel",
        naam=f"{meta.get('lang', 'nl')}_{meta.get('name', 'core_news_sm')}",
        versie=str(meta.get("version", "?")),
        componenten=tuple(nlp.pipe_names),
    )
    nlp.to_disk(target)
    return info


def _build_offline(target: Path) -> PipelineInfo:
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    # initialize() loads the lookup tables from spacy-lookups-data; to_disk() stores them with
    # the pipeline, so loading it later needs neither that package nor the network.
    nlp.initialize()
    nlp.meta["name"] = "wegwijzer_blank"
    nlp.meta["version"] = "1.0.0"
    info = PipelineInfo(
        soort="offline",
        naam="nl_wegwijzer_blank",
        versie=f"spaCy {spacy.__version__}",
        componenten=tuple(nlp.pipe_names),
    )
    nlp.to_disk(target)
    return info


def prepare(
    model_source: str | None = None,
    model_sha256: str | None = None,
    target: Path | None = None,
) -> PipelineInfo:
    """Fill ``target`` (default :func:`pipeline_dir`) with the official pipeline, else the offline one.

    Idempotent: an existing pipeline of the wanted kind is kept as it is.
    """
    target = pipeline_dir() if target is None else target
    if model_source and not official_installed():
        install_official(model_source, model_sha256)
        importlib.invalidate_caches()
    wanted = "officieel" if official_installed() else "offline"
    current = read_info(target)
    if current is not None and current.soort == wanted and (target / "config.cfg").exists():
        return current
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    info = _build_official(tmp) if wanted == "officieel" else _build_offline(tmp)
    (tmp / MARKER).write_text(
        json.dumps(asdict(info), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return info
