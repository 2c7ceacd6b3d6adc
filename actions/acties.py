"""The custom actions. Each one hands the latest message to :class:`triage.gesprek.Gesprek`."""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import get_context
from triage.gesprek import Invoer, Stap, Toestand
from triage.teksten import mens_spreken

logger = logging.getLogger(__name__)

FOUTMELDING = "Sorry, er ging bij mij iets mis. Probeer het straks nog eens."


def bericht_sleutel(tracker: Tracker) -> str:
    """What identifies the latest user message across retries: its id, else its timestamp."""
    message: dict[str, Any] = tracker.latest_message or {}
    if message.get("message_id"):
        return str(message["message_id"])
    for event in reversed(tracker.events or []):
        if event.get("event") == "user":
            return f"{event.get('timestamp')}"
    return ""


def invoer_uit(tracker: Tracker, beurt_id: str | None = None) -> Invoer:
    """The latest user message as the engine's input."""
    return Invoer.uit_parse(tracker.latest_message or {}, beurt_id)


def verstuur(dispatcher: CollectingDispatcher, stap: Stap) -> None:
    """Send each message: Dutch text (with buttons), then its structured payload."""
    for bericht in stap.berichten:
        if bericht.tekst:
            buttons = [k.as_rasa() for k in bericht.knoppen]
            dispatcher.utter_message(text=bericht.tekst, buttons=buttons or None)
        if bericht.payload is not None:
            dispatcher.utter_message(json_message=bericht.payload)


async def bewaar_signaal(stap: Stap) -> None:
    """Record the anonymous signal of this hulpvraag; a failure never breaks the conversation."""
    try:
        await asyncio.to_thread(get_context().signalen.bewaar, stap.toestand, date.today())
    except Exception:
        logger.exception("signaal niet opgeslagen")


class WegwijzerActie(Action):
    """Shared run(): state in, engine, messages and state out; never a stack trace to a resident."""

    actie_naam = "action_triage"

    def name(self) -> str:
        """Rasa action name."""
        return self.actie_naam

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Run one turn of the triage conversation."""
        try:
            context = get_context()
            toestand = Toestand.from_slot(tracker.get_slot("triage"))
            beurt_id = context.beurt_id(tracker.sender_id, bericht_sleutel(tracker))
            stap = await asyncio.to_thread(
                context.gesprek.verwerk, toestand, invoer_uit(tracker, beurt_id)
            )
        except Exception:
            # Log the kind of failure only: the exception text may quote what the resident typed.
            logger.exception("action %s failed", self.name())
            try:
                extra = " " + mens_spreken(get_context().profiel)
            except Exception:  # the profile itself may be what failed
                extra = ""
            dispatcher.utter_message(text=FOUTMELDING + extra)
            return []
        verstuur(dispatcher, stap)
        await bewaar_signaal(stap)
        return [SlotSet("triage", stap.toestand.to_slot())]


class ActionTriage(WegwijzerActie):
    """Hulpvragen and the answers to the triage questions."""

    actie_naam = "action_triage"


class ActionGesprek(WegwijzerActie):
    """Greeting, goodbye, thanks, 'who are you', start over."""

    actie_naam = "action_gesprek"


class ActionCrisis(WegwijzerActie):
    """112 / 113 / Veilig Thuis, before anything else."""

    actie_naam = "action_crisis"


class ActionBuitenScope(WegwijzerActie):
    """Questions outside the social domain."""

    actie_naam = "action_buiten_scope"


class ActionNietBegrepen(WegwijzerActie):
    """NLU or dialogue fallback."""

    actie_naam = "action_niet_begrepen"
