"""What the engine says: text, buttons and the structured payload for widget and evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Knop:
    """A quick-reply button; ``payload`` is what Rasa receives when it is pressed."""

    titel: str
    payload: str

    def as_rasa(self) -> dict[str, str]:
        """Rasa's button format."""
        return {"title": self.titel, "payload": self.payload}


@dataclass(frozen=True)
class Bericht:
    """One bot message: Dutch text and/or a custom JSON payload, with optional buttons."""

    tekst: str | None = None
    knoppen: tuple[Knop, ...] = ()
    payload: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
