"""Rasa's SQL tracker store, with resident text de-identified before it is written.

The tracker in memory keeps the raw text for the turn in progress (the actions need it); what
reaches the database has names, BSNs, phone numbers, addresses … replaced by tags, channel
metadata removed and the sender id pseudonymised (HMAC), so a client that uses an e-mail
address as sender id does not leak it either. Configured in ``endpoints.yml``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from kern.geheim import laad_of_maak
from kern.settings import Settings
from privacy.deidentify import get_deidentifier

logger = logging.getLogger(__name__)

#: Entities whose values are the resident's own words and may identify them.
_ENTITY_VALUES_TO_SCRUB = ("postcode",)


def schoon_event(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of one serialised event without personal data."""
    if data.get("event") != "user":
        return data
    deidentify = get_deidentifier().deidentify
    clean = json.loads(json.dumps(data))
    if isinstance(clean.get("text"), str):
        clean["text"] = deidentify(clean["text"])
    clean.pop("metadata", None)
    parse_data = clean.get("parse_data")
    if isinstance(parse_data, dict):
        if isinstance(parse_data.get("text"), str):
            parse_data["text"] = deidentify(parse_data["text"])
        parse_data.pop("metadata", None)
        for entity in parse_data.get("entities") or []:
            if not isinstance(entity, dict):
                continue
            if entity.get("entity") in _ENTITY_VALUES_TO_SCRUB:
                entity["value"] = "[POSTCODE]"
            elif isinstance(entity.get("value"), str):
                entity["value"] = deidentify(entity["value"])
            entity.pop("start", None)  # offsets into the raw text tell its length
            entity.pop("end", None)
    return clean


class PrivacyTrackerStore(SQLTrackerStore):
    """SQL tracker store on ``WEGWIJZER_DB_URL`` that only ever stores de-identified events."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: Any = None,
        **kwargs: Any,
    ) -> None:
        settings = Settings.from_env()
        self._sleutel = laad_of_maak(settings.tracker_sleutel_path)
        super().__init__(domain=domain, host=settings.db_url, event_broker=event_broker, **kwargs)

    def pseudoniem(self, sender_id: str) -> str:
        """Stable per conversation, meaningless without the key in var/."""
        return hmac.new(self._sleutel, sender_id.encode("utf-8"), hashlib.sha256).hexdigest()[:40]

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store a de-identified copy of the tracker under the pseudonymous sender id."""
        events = [Event.from_parameters(schoon_event(e.as_dict())) for e in tracker.events]
        slots = list(self.domain.slots) if self.domain else None
        veilig = DialogueStateTracker.from_events(
            self.pseudoniem(tracker.sender_id), [e for e in events if e is not None], slots
        )
        await super().save(veilig)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """Load by pseudonym; hand Rasa the tracker under the id it asked for."""
        tracker = await super().retrieve(self.pseudoniem(sender_id))
        if tracker is not None:
            tracker.sender_id = sender_id
        return tracker

    async def retrieve_full_tracker(self, conversation_id: str) -> DialogueStateTracker | None:
        """As :meth:`retrieve`, over all sessions."""
        tracker = await super().retrieve_full_tracker(self.pseudoniem(conversation_id))
        if tracker is not None:
            tracker.sender_id = conversation_id
        return tracker
