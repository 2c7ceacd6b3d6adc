"""leren reads what the real tracker store wrote: de-identified, in the window, only the unsure.

The conversations go through ``PrivacyTrackerStore.save`` (deduce and all), so these tests
prove the whole path: raw resident text → de-identified row → candidate → label → NLU export
that Rasa's own reader accepts.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
import yaml
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from sqlalchemy import text

from kern.db import make_engine
from kern.settings import PROJECT_ROOT, Settings
from leren.export import naar_nlu_yaml
from leren.groeperen import groepeer
from leren.kandidaten import events_tabel, lees_kandidaten
from leren.labels import alle_labels, bekende_intents, label, lees_vraag
from leren.migraties import migreer
from privacy import prepare
from privacy.bewaartermijn import opschonen
from wegwijzer.rasa.tracker_store import PrivacyTrackerStore

NAAM = "Jan de Vries"
PERSOONLIJK_BERICHT = f"Mijn naam is {NAAM}, bel me op 06-12345678. Wanneer komt de vuilniswagen?"
OUD_BERICHT = "Ik heet Piet Jansen, bel me op 0687654321. Wanneer komt de vuilniswagen?"
DAG = 86400.0


@pytest.fixture(scope="module")
def deidentifier_ready() -> None:
    prepare(Settings.from_env({}).deduce_cache_dir)  # the cache `make setup` leaves in var/


@pytest.fixture
def store(
    sqlite_settings: Settings, monkeypatch: pytest.MonkeyPatch, deidentifier_ready: None
) -> PrivacyTrackerStore:
    monkeypatch.setenv("WEGWIJZER_DB_URL", sqlite_settings.db_url)
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(sqlite_settings.var_dir))
    return PrivacyTrackerStore(domain=Domain.load(str(PROJECT_ROOT / "bot" / "domain.yml")))


def _zeg(tekst: str, intent: str, zekerheid: float, tijd: float) -> UserUttered:
    parse = {
        "text": tekst,
        "intent": {"name": intent, "confidence": zekerheid},
        "entities": [],
        "intent_ranking": [{"name": intent, "confidence": zekerheid}],
    }
    return UserUttered(tekst, parse["intent"], [], parse_data=parse, timestamp=tijd)


def _sla_op(store: PrivacyTrackerStore, sender: str, events: list[Event]) -> None:
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))


@pytest.fixture
def gevuld(store: PrivacyTrackerStore) -> float:
    """Six conversations; returns "now"."""
    nu = time.time()
    _sla_op(
        store,
        "persoonlijk",
        [
            ActionExecuted("action_listen", timestamp=nu - 100),
            _zeg(PERSOONLIJK_BERICHT, "nlu_fallback", 0.4, nu - 99),
            ActionExecuted("action_niet_begrepen", timestamp=nu - 98),
            BotUttered("Dat begreep ik niet.", timestamp=nu - 98),
        ],
    )
    _sla_op(
        store,
        "zeker",
        [_zeg("ik kan de trap niet meer op", "hulpvraag_wonen", 0.95, nu - 90)],
    )
    _sla_op(
        store,
        "oud",
        [_zeg(OUD_BERICHT, "nlu_fallback", 0.3, nu - 40 * DAG)],
    )
    _sla_op(
        store,
        "onzeker",
        [_zeg("mijn moeder vergeet steeds dingen", "hulpvraag_dementie", 0.45, nu - 80)],
    )
    _sla_op(
        store,
        "triage",
        [
            _zeg("ik zoek hulp bij mijn administratie", "hulpvraag_administratie", 0.9, nu - 70),
            SlotSet("triage", json.dumps({"thema": "administratie", "niet_begrepen": 0}), nu - 69),
            _zeg("dat weet ik echt niet hoor", "geef_info", 0.7, nu - 60),
            ActionExecuted("action_triage", timestamp=nu - 59),
            SlotSet("triage", json.dumps({"thema": "administratie", "niet_begrepen": 1}), nu - 59),
        ],
    )
    _sla_op(store, "knop", [_zeg("/hulpvraag_wonen", "nlu_fallback", 0.2, nu - 50)])
    return nu


def test_events_table_is_described_as_rasa_creates_it() -> None:
    rasa = SQLTrackerStore.SQLEvent.__table__
    assert rasa.name == events_tabel.name
    ons = {c.name: type(c.type) for c in events_tabel.columns}
    assert {c.name: type(c.type) for c in rasa.columns} == ons


def test_candidates_are_de_identified_recent_and_unsure(
    gevuld: float, sqlite_settings: Settings
) -> None:
    engine = make_engine(sqlite_settings.db_url)
    kandidaten = lees_kandidaten(engine, dagen=30, nu=gevuld)
    teksten = {k.tekst: k.redenen for k in kandidaten}
    assert len(kandidaten) == 3, teksten
    persoonlijk = next(t for t in teksten if "vuilniswagen" in t)
    assert NAAM not in persoonlijk and "Vries" not in persoonlijk
    assert "06-12345678" not in persoonlijk
    assert "[NAAM]" in persoonlijk and "[TELEFOON]" in persoonlijk
    assert teksten[persoonlijk] == ("fallback", "niet_begrepen")
    assert teksten["mijn moeder vergeet steeds dingen"] == ("onzeker_thema",)
    assert teksten["dat weet ik echt niet hoor"] == ("niet_begrepen",)
    # the old one is outside the window; with a longer window it is there
    assert not any(t.startswith("Ik heet") for t in teksten)
    ouder = {k.tekst for k in lees_kandidaten(engine, dagen=60, nu=gevuld)}
    assert "Ik heet [NAAM], bel me op [TELEFOON]. Wanneer komt de vuilniswagen?" in ouder
    # the old and the new vuilniswagen questions are alike
    groepen = groepeer(lees_kandidaten(engine, dagen=60, nu=gevuld))
    assert any(
        g.aantal == 2 and all("vuilniswagen" in k.tekst for k in g.berichten) for g in groepen
    )
    engine.dispose()


def test_label_and_export_read_by_rasa(
    gevuld: float, sqlite_settings: Settings, tmp_path: Path
) -> None:
    engine = make_engine(sqlite_settings.db_url)
    migreer(engine)
    kandidaten = lees_kandidaten(engine, dagen=30, nu=gevuld)
    intents = bekende_intents()
    per_tekst = {k.tekst: k.id for k in kandidaten}
    persoonlijk = next(i for t, i in per_tekst.items() if "vuilniswagen" in t)
    label(engine, lees_vraag([str(persoonlijk)], "buiten_scope", intents), "beheerder", 30, gevuld)
    dementie = per_tekst["mijn moeder vergeet steeds dingen"]
    label(
        engine, lees_vraag([str(dementie)], "hulpvraag_dementie", intents), "beheerder", 30, gevuld
    )
    labels = alle_labels(engine)
    assert [lab.intent for lab in labels] == ["buiten_scope", "hulpvraag_dementie"]
    with engine.connect() as conn:
        opgeslagen = " ".join(r[0] for r in conn.execute(text("select tekst from leren_label")))
    assert NAAM not in opgeslagen and "[NAAM]" in opgeslagen

    export = naar_nlu_yaml(labels)
    data = yaml.safe_load(export.yaml)
    assert data["version"] == "3.1"
    pad = tmp_path / "gelabeld.yml"
    pad.write_text(export.yaml, encoding="utf-8")
    training = RasaYAMLReader().read(str(pad))
    assert {m.get("intent") for m in training.intent_examples} == {
        "buiten_scope",
        "hulpvraag_dementie",
    }
    assert not training.entity_examples  # "[NAAM]" and "[TELEFOON]" are no entity annotations
    voorbeeld = next(m for m in training.intent_examples if m.get("intent") == "buiten_scope")
    assert "[NAAM]" in voorbeeld.get("text")
    engine.dispose()


def test_retention_removes_the_messages_but_keeps_the_labels(
    gevuld: float, sqlite_settings: Settings
) -> None:
    engine = make_engine(sqlite_settings.db_url)
    migreer(engine)
    [eerste, *_] = lees_kandidaten(engine, dagen=30, nu=gevuld)
    label(engine, lees_vraag([str(eerste.id)], "buiten_scope", bekende_intents()), "b", 30, gevuld)
    assert opschonen(engine, dagen=30, nu=gevuld + 31 * DAG) > 0
    assert lees_kandidaten(engine, dagen=30, nu=gevuld + 31 * DAG) == []
    assert [lab.tekst for lab in alle_labels(engine)] == [eerste.tekst]
    engine.dispose()
