"""Rasa's SQL tracker store, with resident text de-identified before it is written.

The tracker in memory keeps the raw text for the turn in progress (the actions need it); what
reaches the database has names, BSNs, phone numbers, addresses … replaced by tags, channel
metadata removed and the sender id pseudonymised (HMAC), so a client that uses an e-mail
address as sender id does not leak it either. Configured in ``endpoints.yml``.
"""

from __future__ import annotations

import itertools
import json
import logging
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from kern.db import make_engine
from kern.geheim import laad_of_maak
from kern.settings import Settings
from privacy.deidentify import get_deidentifier
from privacy.pseudoniem import pseudoniem

logger = logging.getLogger(__name__)

#: Entities whose values are the resident's own words and may identify them.
_ENTITY_VALUES_TO_SCRUB = ("postcode",)


def schoon_event(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of one serialised event without personal data."""
    if data.get("event") != "user":
        return data
    deidentifier = get_deidentifier()
    gedaan: dict[str, str] = {}

    def deidentify(tekst: str) -> str:
        # The text comes twice (event and parse_data); de-identify each string once.
        if tekst not in gedaan:
            gedaan[tekst] = deidentifier.deidentify(tekst)
        return gedaan[tekst]

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

    engine: Engine  # set by SQLTrackerStore.__init__ (untyped there)

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
        if self.engine.dialect.name == "sqlite":
            self._sqlite_engine(settings.db_url)

    def _sqlite_engine(self, db_url: str) -> None:
        """On SQLite, use our engine: pooled, WAL, busy timeout, ``synchronous=NORMAL``.

        Rasa's own SQLite engine opens a new connection for every query and, on a database it
        created itself, commits in rollback-journal mode (several fsyncs per turn). In WAL
        mode ``synchronous=NORMAL`` keeps the database consistent after any crash; a power
        cut may lose the last turns of a conversation, which for these short-lived,
        de-identified logs is an acceptable price for a commit without fsync. Production
        runs on PostgreSQL, where none of this applies.
        """
        engine = make_engine(db_url)

        @event.listens_for(engine, "connect")
        def _normal_sync(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        self.engine.dispose()
        self.engine = engine
        self.sessionmaker = sessionmaker(bind=engine)

    def pseudoniem(self, sender_id: str) -> str:
        """Stable per conversation, meaningless without the key in var/."""
        return pseudoniem(self._sleutel, sender_id)

    def veilige_kopie(self, tracker: DialogueStateTracker) -> DialogueStateTracker:
        """The whole tracker de-identified, under the pseudonym (for an event broker)."""
        events = [Event.from_parameters(schoon_event(e.as_dict())) for e in tracker.events]
        slots = list(self.domain.slots) if self.domain else None
        return DialogueStateTracker.from_events(
            self.pseudoniem(tracker.sender_id), [e for e in events if e is not None], slots
        )

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the events not yet stored, de-identified, under the pseudonymous sender id.

        Rasa's SQL store writes only the events after those already in the database (counted
        since the latest session start). So we de-identify only those, and write each one as
        Rasa's ``SQLTrackerStore.save`` would write its cleaned copy. De-identifying and
        replaying the whole conversation on every turn cost 18 % of the Rasa server's busy
        time (issue 9), growing with each turn. With an event broker, which streams the
        difference between the stored and the new tracker, Rasa's own path runs on a
        de-identified copy of the whole tracker.
        """
        if self.event_broker is not None:
            await super().save(self.veilige_kopie(tracker))
            return
        sender_id = self.pseudoniem(tracker.sender_id)
        with self.session_scope() as session:
            opgeslagen = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=False
            ).count()
            for event in itertools.islice(tracker.events, opgeslagen, None):
                schoon = Event.from_parameters(schoon_event(event.as_dict()))
                if schoon is None:
                    continue
                data = schoon.as_dict()
                session.add(
                    self.SQLEvent(
                        sender_id=sender_id,
                        type_name=schoon.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()

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
