"""Erase one conversation from Rasa's tracker store ("Wis dit gesprek").

Rasa 3.6 has no route to delete a conversation, so the web app deletes the rows itself. They
are keyed by the pseudonym of the sender id (:mod:`privacy.pseudoniem`), the same function the
tracker store uses. The anonymous signal of the conversation stays: it holds nothing of the
resident and cannot be linked back to the conversation.
"""

from __future__ import annotations

from sqlalchemy import MetaData, Table, delete, inspect
from sqlalchemy.engine import Engine

from privacy.pseudoniem import pseudoniem

#: The table of Rasa's SQLTrackerStore (rasa.core.tracker_store.SQLTrackerStore.SQLEvent).
EVENTS_TABEL = "events"


class GesprekkenWisser:
    """Deletes the tracker rows of one conversation, in one statement."""

    def __init__(self, engine: Engine, sleutel: bytes) -> None:
        self._engine = engine
        self._sleutel = sleutel
        self._tabel: Table | None = None

    def _events(self) -> Table | None:
        if self._tabel is None:
            if not inspect(self._engine).has_table(EVENTS_TABEL):
                return None
            self._tabel = Table(EVENTS_TABEL, MetaData(), autoload_with=self._engine)
        return self._tabel

    def wis(self, gesprek_id: str) -> int:
        """Delete every stored event of ``gesprek_id``; returns how many rows went."""
        tabel = self._events()
        if tabel is None:  # Rasa has not stored any conversation yet
            return 0
        with self._engine.begin() as conn:
            result = conn.execute(
                delete(tabel).where(tabel.c.sender_id == pseudoniem(self._sleutel, gesprek_id))
            )
        return int(result.rowcount or 0)
