"""The tracker store keeps no personal data, and retention deletes what it should."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text

from kern.db import make_engine
from kern.settings import PROJECT_ROOT, Settings
from privacy import prepare
from privacy.bewaartermijn import opschonen
from wegwijzer.rasa.tracker_store import PrivacyTrackerStore

PERSOONLIJK = {
    "naam": "Jan de Vries",
    "bsn": "111222333",
    "iban": "NL91ABNA0417164300",
    "telefoon": "06-12345678",
    "email": "jan.devries@example.nl",
    "postcode": "9905 AB",
    "adres": "Kerkstraat 12",
}
BERICHT = (
    f"Mijn naam is {PERSOONLIJK['naam']}, mijn BSN is {PERSOONLIJK['bsn']}, rekening "
    f"{PERSOONLIJK['iban']}. Bel me op {PERSOONLIJK['telefoon']} of mail {PERSOONLIJK['email']}. "
    f"Ik woon op de {PERSOONLIJK['adres']}, {PERSOONLIJK['postcode']}. Ik heb schulden."
)


@pytest.fixture(scope="session")
def deidentifier_ready() -> None:
    prepare(Settings.from_env({}).deduce_cache_dir)  # the cache `make setup` leaves in var/


@pytest.fixture
def store(
    db_settings: Settings, monkeypatch: pytest.MonkeyPatch, deidentifier_ready: None
) -> PrivacyTrackerStore:
    monkeypatch.setenv("WEGWIJZER_DB_URL", db_settings.db_url)
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(db_settings.var_dir))
    domain = Domain.load(str(PROJECT_ROOT / "bot" / "domain.yml"))
    return PrivacyTrackerStore(domain=domain)


def gesprek(sender: str) -> DialogueStateTracker:
    parse = {
        "text": BERICHT,
        "intent": {"name": "hulpvraag_geldzorgen", "confidence": 0.9},
        "entities": [
            {"entity": "postcode", "value": PERSOONLIJK["postcode"], "start": 5, "end": 12}
        ],
    }
    return DialogueStateTracker.from_events(
        sender,
        [
            ActionExecuted("action_listen"),
            UserUttered(
                BERICHT,
                parse["intent"],
                parse["entities"],
                parse_data=parse,
                metadata={"ip": "203.0.113.7"},
            ),
            ActionExecuted("action_triage"),
            BotUttered("Waar woont u?"),
            SlotSet("triage", json.dumps({"thema": "geldzorgen"})),
            ActionExecuted("action_listen"),
        ],
    )


def stored_rows(settings: Settings) -> list[tuple[str, str]]:
    engine = make_engine(settings.db_url)
    with engine.connect() as conn:
        rows = [
            (str(r[0]), str(r[1])) for r in conn.execute(text("select sender_id, data from events"))
        ]
    engine.dispose()
    return rows


def test_no_personal_data_reaches_the_database(
    store: PrivacyTrackerStore, db_settings: Settings
) -> None:
    sender = "jan.devries@example.nl"  # a careless client using an e-mail address as sender id
    asyncio.run(store.save(gesprek(sender)))
    rows = stored_rows(db_settings)
    assert rows
    dump = "\n".join(sender_id + data for sender_id, data in rows)
    for soort, waarde in PERSOONLIJK.items():
        assert waarde not in dump, soort
    assert "203.0.113.7" not in dump
    assert "Ik heb schulden" in dump  # the hulpvraag itself is kept
    assert {sender_id for sender_id, _ in rows} == {store.pseudoniem(sender)}


def test_retrieve_gives_rasa_its_own_sender_id(store: PrivacyTrackerStore) -> None:
    asyncio.run(store.save(gesprek("widget-123")))
    tracker = asyncio.run(store.retrieve("widget-123"))
    assert tracker is not None
    assert tracker.sender_id == "widget-123"
    assert tracker.get_slot("triage") == json.dumps({"thema": "geldzorgen"})
    assert "[BSN]" in (tracker.latest_message.text or "")
    assert asyncio.run(store.retrieve("iemand-anders")) is None


def test_saving_again_adds_only_new_events(
    store: PrivacyTrackerStore, db_settings: Settings
) -> None:
    tracker = gesprek("s1")
    asyncio.run(store.save(tracker))
    aantal = len(stored_rows(db_settings))
    tracker.update(UserUttered("ja", {"name": "bevestigen", "confidence": 1.0}))
    asyncio.run(store.save(tracker))
    assert len(stored_rows(db_settings)) == aantal + 1


def test_retention_deletes_old_events_and_nothing_else(
    store: PrivacyTrackerStore, db_settings: Settings
) -> None:
    asyncio.run(store.save(gesprek("oud")))
    asyncio.run(store.save(gesprek("nieuw")))
    engine = make_engine(db_settings.db_url)
    oud_id = store.pseudoniem("oud")
    with engine.begin() as conn:
        conn.execute(
            text("update events set timestamp = :t where sender_id = :s"),
            {"t": time.time() - 31 * 86400, "s": oud_id},
        )
    assert opschonen(engine, dagen=30) > 0
    with engine.connect() as conn:
        senders = {r[0] for r in conn.execute(text("select distinct sender_id from events"))}
    assert senders == {store.pseudoniem("nieuw")}
    assert opschonen(engine, dagen=30) == 0
    engine.dispose()


def test_retention_on_an_empty_database(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'leeg.db'}")
    assert opschonen(engine, dagen=30) == 0
    engine.dispose()
