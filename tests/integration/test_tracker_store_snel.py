"""The faster tracker-store save writes exactly what the full de-identified copy wrote."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from kern.db import make_engine
from kern.settings import PROJECT_ROOT, Settings
from privacy import prepare
from wegwijzer.rasa.tracker_store import PrivacyTrackerStore

BEURTEN = (
    "Ik ben Jan de Vries en ik zorg voor mijn moeder, bel me op 06-12345678",
    "ik woon op de Kerkstraat 12, 9905 AB",
    "nee dat helpt niet",
)


@pytest.fixture(scope="session")
def deidentifier_ready() -> None:
    prepare(Settings.from_env({}).deduce_cache_dir)


@pytest.fixture
def store(
    db_settings: Settings, monkeypatch: pytest.MonkeyPatch, deidentifier_ready: None
) -> PrivacyTrackerStore:
    monkeypatch.setenv("WEGWIJZER_DB_URL", db_settings.db_url)
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(db_settings.var_dir))
    return PrivacyTrackerStore(domain=Domain.load(str(PROJECT_ROOT / "bot" / "domain.yml")))


def beurt(tekst: str, nummer: int) -> list[Event]:
    parse = {
        "text": tekst,
        "intent": {"name": "hulpvraag_mantelzorg", "confidence": 0.9},
        "entities": [{"entity": "relatie", "value": "moeder", "start": 3, "end": 9},
                     {"entity": "postcode", "value": "9905 AB", "start": 10, "end": 17}],
        "intent_ranking": [{"name": "hulpvraag_mantelzorg", "confidence": 0.9}],
        "metadata": {"ip": "203.0.113.7"},
    }  # fmt: skip
    return [
        UserUttered(
            tekst, parse["intent"], parse["entities"], parse_data=parse, metadata={"ip": "x"}
        ),
        ActionExecuted("action_triage", policy="RulePolicy", confidence=1.0),
        BotUttered("Waar woont u?", data={"custom": {"type": "vraag", "vraag": "wijk"}}),
        SlotSet("triage", json.dumps({"beurt": nummer})),
        ActionExecuted("action_listen"),
    ]


def rows(settings: Settings) -> list[tuple[Any, ...]]:
    engine = make_engine(settings.db_url)
    with engine.connect() as conn:
        result = conn.execute(
            text(
                "select sender_id, type_name, timestamp, intent_name, action_name, data "
                "from events order by id"
            )
        )
        found = [tuple(r) for r in result]
    engine.dispose()
    return found


def stappen() -> list[list[Event]]:
    """The events of each save: session start, three turns, a new session before the last."""
    begin: list[Event] = [ActionExecuted("action_session_start"), SessionStarted(),
                          ActionExecuted("action_listen")]  # fmt: skip
    result = [begin]
    for nummer, tekst in enumerate(BEURTEN):
        nieuw: list[Event] = []
        if nummer == 2:
            nieuw += [ActionExecuted("action_session_start"), SessionStarted()]
        result.append(nieuw + beurt(tekst, nummer))
    return result


async def gesprek(
    store: PrivacyTrackerStore, sender: str, save: Any, events: list[list[Event]]
) -> None:
    """Per message, as Rasa: retrieve, add the events, save; the same events for every run."""
    tracker = DialogueStateTracker(sender, store.domain.slots)
    for stap in events:
        for event in stap:
            tracker.update(event)
        await save(tracker)
        opgehaald = await store.retrieve(sender)
        assert opgehaald is not None
        tracker = opgehaald


def test_save_writes_the_same_rows_as_the_full_copy(
    store: PrivacyTrackerStore, db_settings: Settings
) -> None:
    async def oud(tracker: DialogueStateTracker) -> None:
        await SQLTrackerStore.save(store, store.veilige_kopie(tracker))

    events = stappen()
    asyncio.run(gesprek(store, "oud@example.nl", oud, events))
    verwacht = rows(db_settings)
    asyncio.run(gesprek(store, "nieuw@example.nl", store.save, events))
    alles = rows(db_settings)
    nieuw = alles[len(verwacht) :]
    assert len(nieuw) == len(verwacht) == 3 + 3 * 5 + 2
    assert {r[0] for r in nieuw} == {store.pseudoniem("nieuw@example.nl")}
    for oude_rij, nieuwe_rij in zip(verwacht, nieuw, strict=True):
        assert oude_rij[1:] == nieuwe_rij[1:]
    dump = "\n".join(str(r) for r in nieuw)
    for geheim in ("Jan de Vries", "06-12345678", "Kerkstraat 12", "9905 AB", "203.0.113.7",
                   "nieuw@example.nl"):  # fmt: skip
        assert geheim not in dump


def test_retrieve_after_the_fast_save(store: PrivacyTrackerStore) -> None:
    asyncio.run(gesprek(store, "widget-1", store.save, stappen()))
    tracker = asyncio.run(store.retrieve("widget-1"))
    assert tracker is not None
    assert tracker.sender_id == "widget-1"
    assert tracker.get_slot("triage") == json.dumps({"beurt": 2})
    assert tracker.latest_message.text == "nee dat helpt niet"


def test_sqlite_store_uses_a_pooled_wal_engine(
    deidentifier_ready: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    monkeypatch.setenv("WEGWIJZER_DB_URL", f"sqlite:///{tmp_path / 'rasa.db'}")
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(tmp_path))
    store = PrivacyTrackerStore(domain=Domain.load(str(PROJECT_ROOT / "bot" / "domain.yml")))
    assert isinstance(store.engine.pool, QueuePool)
    with store.engine.connect() as conn:
        assert conn.execute(text("pragma journal_mode")).scalar() == "wal"
        assert conn.execute(text("pragma synchronous")).scalar() == 1  # NORMAL
    asyncio.run(gesprek(store, "s", store.save, stappen()))
    assert asyncio.run(store.retrieve("s")) is not None
