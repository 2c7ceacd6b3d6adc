"""Train the Rasa model only when its inputs changed since the last training."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from kern.settings import PROJECT_ROOT, rasa_omgeving
from wegwijzer.spacy_pipeline import MARKER, pipeline_dir

#: What the trained model depends on. The spaCy marker is included so that switching between
#: the official and the offline pipeline retrains (Rasa itself only fingerprints the path).
TRAINING_INPUTS: tuple[str, ...] = ("config.yml", "bot", "data")


def _files(root: Path, spacy_dir: Path | None) -> list[Path]:
    files: list[Path] = []
    for name in TRAINING_INPUTS:
        path = root / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix in {".yml", ".yaml", ".txt"}
            )
    marker = (pipeline_dir() if spacy_dir is None else spacy_dir) / MARKER
    if marker.exists():
        files.append(marker)
    return files


def fingerprint(root: Path = PROJECT_ROOT, spacy_dir: Path | None = None) -> str:
    """Hash of every training input (path and content), independent of file times.

    ``spacy_dir`` is the prepared spaCy pipeline (default: ``Settings.spacy_dir``).
    """
    digest = hashlib.sha256()
    for path in _files(root, spacy_dir):
        rel = path.relative_to(root) if path.is_relative_to(root) else path
        digest.update(str(rel).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def fingerprint_file(model_path: Path) -> Path:
    """Where the fingerprint of the model's inputs is stored."""
    return model_path.with_suffix("").with_suffix(".fingerprint")


def needs_training(
    model_path: Path, root: Path = PROJECT_ROOT, spacy_dir: Path | None = None
) -> bool:
    """True when there is no model or its inputs changed."""
    stamp = fingerprint_file(model_path)
    if not model_path.exists() or not stamp.exists():
        return True
    return stamp.read_text().strip() != fingerprint(root, spacy_dir)


def train(model_path: Path, root: Path = PROJECT_ROOT, spacy_dir: Path | None = None) -> None:
    """Run ``rasa train`` into ``model_path`` and record the fingerprint of its inputs."""
    print_fingerprint = fingerprint(root, spacy_dir)
    cmd = [
        str(Path(sys.executable).with_name("rasa")),
        "train",
        "--config", "config.yml",
        "--domain", "bot/domain.yml",
        "--data", "bot", "data/nlu",
        "--out", str(model_path.parent),
        "--fixed-model-name", model_path.name.removesuffix(".tar.gz"),
        "--force",
    ]  # fmt: skip
    result = subprocess.run(cmd, cwd=root, check=False, env=rasa_omgeving())
    if result.returncode != 0:
        raise RuntimeError(f"rasa train is mislukt (code {result.returncode}).")
    fingerprint_file(model_path).write_text(print_fingerprint + "\n")
