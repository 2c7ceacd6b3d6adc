"""What is in use right now: pipeline, model, database, kaart; for ``wegwijzer status``."""

from __future__ import annotations

from kern.settings import Settings
from wegwijzer import spacy_pipeline, training


def _redact_url(url: str) -> str:
    """Hide a password in a database URL before printing it."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else url


def collect_status(settings: Settings) -> dict[str, str]:
    """A flat, printable status report."""
    info = spacy_pipeline.read_info()
    model = settings.model_path
    if not model.exists():
        model_status = "niet getraind"
    elif training.needs_training(model):
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
