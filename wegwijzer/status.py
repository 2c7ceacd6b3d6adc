"""What is in use right now: pipeline, model, database, kaart; for ``wegwijzer status``."""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from kern.settings import Settings
from wegwijzer import spacy_pipeline, training


def _redact_url(url: str) -> str:
    """Hide a password in a database URL before printing it (SQLAlchemy's own rendering)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(geen geldige database-URL)"


def collect_status(settings: Settings) -> dict[str, str]:
    """A flat, printable status report."""
    info = spacy_pipeline.read_info(settings.spacy_dir)
    model = settings.model_path
    if not model.exists():
        model_status = "niet getraind"
    elif training.needs_training(model, spacy_dir=settings.spacy_dir):
        model_status = "verouderd (training nodig)"
    else:
        model_status = "actueel"
    return {
        "spaCy-pijplijn": info.beschrijving() if info else "nog niet voorbereid",
        "model": f"{model} ({model_status})",
        "database": _redact_url(settings.db_url),
        "gemeenteprofiel": str(settings.gemeente_path),
        "rasa": f"http://{settings.rasa_host}:{settings.rasa_port}",
        "acties": settings.action_endpoint,
    }
