"""The Rasa SDK actions with a fake tracker, dispatcher, kaart and signal store (no servers)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import acties
from kern.gemeente import GemeenteProfiel
from triage.gesprek import Gesprek, Toestand
from triage.teksten import mens_spreken


class LegeKaart:
    """No offer anywhere: every hulpvraag ends at a loket (and so leaves a signal)."""

    def aanbod_voor(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def zoekwoorden(self, tekst: str) -> tuple[str, ...]:
        return ()


@dataclass
class NepSignalen:
    bewaard: list[Toestand] = field(default_factory=list)
    kapot: bool = False

    def bewaar(self, toestand: Toestand, datum: Any) -> None:
        if self.kapot:
            raise RuntimeError("database weg")
        self.bewaard.append(toestand)


@dataclass
class NepContext:
    profiel: GemeenteProfiel
    gesprek: Any
    signalen: NepSignalen

    def beurt_id(self, sender_id: str, bericht: str) -> str:
        return f"{sender_id}/{bericht}"


@pytest.fixture
def context(demo_profiel: GemeenteProfiel, monkeypatch: pytest.MonkeyPatch) -> NepContext:
    ctx = NepContext(demo_profiel, Gesprek(demo_profiel, LegeKaart()), NepSignalen())
    monkeypatch.setattr(acties, "get_context", lambda: ctx)
    return ctx


def tracker(
    tekst: str, intent: str | None, slot: str | None = None, message_id: str | None = "m1"
) -> Tracker:
    latest: dict[str, Any] = {
        "text": tekst,
        "intent": {"name": intent, "confidence": 0.93} if intent else {},
        "entities": [{"entity": "relatie", "value": "moeder"}, "geen dict"],
        "intent_ranking": [{"name": intent, "confidence": 0.93}, {"confidence": 0.1}],
    }
    if message_id:
        latest["message_id"] = message_id
    return Tracker(
        sender_id="inwoner",
        slots={"triage": slot},
        latest_message=latest,
        events=[{"event": "user", "timestamp": 1.5}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def draai(t: Tracker) -> tuple[CollectingDispatcher, list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(acties.ActionTriage().run(dispatcher, t, {}))
    return dispatcher, events


def test_invoer_reads_intent_ranking_and_dict_entities_only() -> None:
    invoer = acties.invoer_uit(tracker("mijn moeder", "hulpvraag_mantelzorg"), "b1")
    assert (invoer.tekst, invoer.intent, invoer.confidence) == (
        "mijn moeder", "hulpvraag_mantelzorg", 0.93,
    )  # fmt: skip
    assert invoer.entities == ({"entity": "relatie", "value": "moeder"},)
    assert invoer.ranking == (("hulpvraag_mantelzorg", 0.93),)  # the nameless entry is dropped
    assert invoer.beurt_id == "b1"


def test_message_key_is_the_message_id_else_the_user_event_time() -> None:
    assert acties.bericht_sleutel(tracker("x", None, message_id="abc")) == "abc"
    assert acties.bericht_sleutel(tracker("x", None, message_id=None)) == "1.5"


def test_one_turn_sends_text_and_payload_and_stores_the_state(context: NepContext) -> None:
    dispatcher, events = draai(tracker("ik heb schulden", "hulpvraag_geldzorgen"))
    teksten = [m["text"] for m in dispatcher.messages if m.get("text")]
    payloads = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    assert context.profiel.contact.telefoon in teksten[0]  # the opening names the gemeente
    assert {p["type"] for p in payloads} >= {"vraag"}
    assert [e["event"] for e in events] == ["slot"]
    assert events[0]["name"] == "triage"
    toestand = Toestand.from_slot(events[0]["value"])
    assert toestand.thema == "geldzorgen" and toestand.begroet
    assert toestand.gevraagd is not None
    assert context.signalen.bewaard == [toestand]  # a signal is offered every turn


def test_a_retried_turn_mints_the_same_hulpvraag_id(context: NepContext) -> None:
    _, eerste = draai(tracker("ik heb schulden", "hulpvraag_geldzorgen", message_id="m7"))
    _, tweede = draai(tracker("ik heb schulden", "hulpvraag_geldzorgen", message_id="m7"))
    a, b = (Toestand.from_slot(e[0]["value"]).hulpvraag_id for e in (eerste, tweede))
    assert a is not None and a == b


def test_a_failing_engine_gives_the_dutch_apology_not_an_error(
    context: NepContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def kapot(*args: Any) -> None:
        raise RuntimeError("geheime tekst van de inwoner")

    monkeypatch.setattr(context.gesprek, "verwerk", kapot)
    dispatcher, events = draai(tracker("hallo", "begroeten"))
    assert events == []
    assert [m["text"] for m in dispatcher.messages] == [
        acties.FOUTMELDING + " " + mens_spreken(context.profiel)
    ]


def test_a_failing_signal_store_does_not_break_the_conversation(context: NepContext) -> None:
    context.signalen.kapot = True
    dispatcher, events = draai(tracker("ik heb schulden", "hulpvraag_geldzorgen"))
    assert events and events[0]["name"] == "triage"
    assert all(acties.FOUTMELDING not in (m.get("text") or "") for m in dispatcher.messages)


def test_a_foreign_slot_starts_a_fresh_conversation(context: NepContext) -> None:
    _, events = draai(tracker("ik heb schulden", "hulpvraag_geldzorgen", slot='{"leeftijd": "x"}'))
    assert json.loads(events[0]["value"])["thema"] == "geldzorgen"


@pytest.mark.parametrize(
    "klasse",
    [
        acties.ActionTriage, acties.ActionGesprek, acties.ActionCrisis,
        acties.ActionBuitenScope, acties.ActionNietBegrepen,
    ],
)  # fmt: skip
def test_action_names_match_the_domain(klasse: type[acties.WegwijzerActie]) -> None:
    from kern.settings import PROJECT_ROOT

    domein = (PROJECT_ROOT / "bot" / "domain.yml").read_text(encoding="utf-8")
    assert f"- {klasse().name()}" in domein
