"""Labels: the intent a beheerder gives to de-identified messages, kept as training data.

The only way in is :func:`label`, which takes event ids, not text: the text is read from the
tracker store (:func:`leren.kandidaten.lees_teksten`), which only ever holds de-identified
text. So the labels table can never hold what a resident typed before de-identification, nor
anything a beheerder typed. The messages themselves go with the bewaartermijn; their labels stay.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import yaml
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from kern.pydantic_compat import BaseModel, Field, ValidationError, validator
from kern.settings import PROJECT_ROOT
from leren.kandidaten import lees_teksten
from leren.model import DOOR_LENGTE, label_tabel

#: The project's out-of-scope intent (``data/nlu/buiten_scope.yml``): "buiten scope" in the page.
BUITEN_SCOPE = "buiten_scope"
DOMAIN_PAD = PROJECT_ROOT / "bot" / "domain.yml"
#: At most this many messages in one labelling step (a big group is still one form).
MAX_PER_KEER = 500
#: Event ids are a 32-bit ``Integer`` column; anything bigger is no event (and no SQL error).
MAX_ID = 2**31 - 1

#: Dutch names for the intents that are no thema (the thema's read "Hulpvraag: wonen").
_NAMEN = {
    "begroeten": "Begroeten",
    "afscheid": "Afscheid nemen",
    "bedanken": "Bedanken",
    "bevestigen": "Ja / bevestigen",
    "ontkennen": "Nee / ontkennen",
    "iets_anders": "Iets anders vragen",
    "opnieuw_beginnen": "Opnieuw beginnen",
    "vraag_loket": "Vraagt naar het loket",
    "bot_vraag": "Vraag over de chatbot",
    "geef_info": "Geeft informatie (antwoord op een vraag)",
    BUITEN_SCOPE: "Buiten scope (geen vraag over zorg en welzijn)",
    "crisis": "Crisis (direct hulp nodig)",
}


class LabelFout(ValueError):
    """A labelling request that cannot be carried out; the message is Dutch, for the page."""


@lru_cache(maxsize=8)
def bekende_intents(domain_pad: Path = DOMAIN_PAD) -> tuple[str, ...]:
    """The intents of the bot's domain, in the domain's order (read once per path).

    Only these can be a label: an export with an intent the domain does not know would fail
    ``rasa data validate``.
    """
    data = yaml.safe_load(domain_pad.read_text(encoding="utf-8")) or {}
    intents: list[str] = []
    for item in data.get("intents") or []:
        naam = (
            item
            if isinstance(item, str)
            else next(iter(item), None)
            if isinstance(item, dict)
            else None
        )
        if isinstance(naam, str) and naam not in intents:
            intents.append(naam)
    return tuple(intents)


def intent_naam(intent: str) -> str:
    """The Dutch name of an intent for the page ("Hulpvraag: opvoeden opgroeien")."""
    if intent.startswith("hulpvraag_"):
        return "Hulpvraag: " + intent.removeprefix("hulpvraag_").replace("_", " ")
    return _NAMEN.get(intent, intent.replace("_", " "))


class LabelVraag(BaseModel):
    """One labelling step from the page: these stored messages get this intent."""

    berichten: list[int] = Field(..., min_items=1, max_items=MAX_PER_KEER)
    intent: str = Field(..., min_length=1, max_length=64)

    @validator("berichten", each_item=True)
    def _positief(cls, waarde: int) -> int:  # noqa: N805 (pydantic validators take cls)
        if not 1 <= waarde <= MAX_ID:
            raise ValueError("ongeldig bericht")
        return waarde


def lees_vraag(berichten: list[str], intent: str, intents: tuple[str, ...]) -> LabelVraag:
    """Validate what the form sent; every problem becomes a :class:`LabelFout` in Dutch."""
    if not berichten:
        raise LabelFout("Kies minstens één bericht om te labelen.")
    if not intent:
        raise LabelFout("Kies het juiste onderwerp (intent) voor deze berichten.")
    keuze_fout = f"De keuze van berichten klopt niet (kies er 1 tot {MAX_PER_KEER})."
    try:
        vraag = LabelVraag(berichten=[int(b) for b in berichten], intent=intent)
    except ValidationError as fout:  # before ValueError: pydantic's is one too
        if any(e["loc"] and e["loc"][0] == "intent" for e in fout.errors()):
            raise LabelFout("Kies een onderwerp uit de lijst.") from None
        raise LabelFout(keuze_fout) from None
    except ValueError:  # int() of something that is no number
        raise LabelFout(keuze_fout) from None
    if vraag.intent not in intents:
        raise LabelFout("Kies een onderwerp uit de lijst.")
    return vraag


@dataclass(frozen=True)
class Label:
    """A stored label."""

    id: int
    tekst: str
    intent: str
    door: str
    op: datetime


def label(
    engine: Engine,
    vraag: LabelVraag,
    door: str,
    dagen: int,
    nu: float | None = None,
) -> int:
    """Give the stored messages ``vraag.berichten`` the intent; returns how many texts got it.

    All or nothing: when a message has gone (the bewaartermijn passed while the page was open)
    nothing is stored and the beheerder is asked to reload. A text labelled before gets the
    new intent (the latest judgement wins, and who made it).
    """
    nu = time.time() if nu is None else nu
    moment = datetime.fromtimestamp(nu, timezone.utc).replace(tzinfo=None)
    teksten = lees_teksten(engine, vraag.berichten, dagen, nu=nu)
    if set(teksten) != set(vraag.berichten):
        raise LabelFout(
            "Een of meer berichten zijn er niet meer (de bewaartermijn is verstreken). "
            "Vernieuw de pagina en probeer het opnieuw."
        )
    uniek = sorted(set(teksten.values()))
    c = label_tabel.c
    with engine.begin() as conn:
        bestaand = {
            rij.tekst: rij.id
            for rij in conn.execute(select(c.id, c.tekst).where(c.tekst.in_(uniek)))
        }
        for tekst in uniek:
            waarden = {"intent": vraag.intent, "door": door[:DOOR_LENGTE], "op": moment}
            if tekst in bestaand:
                conn.execute(label_tabel.update().where(c.id == bestaand[tekst]).values(**waarden))
            else:
                conn.execute(label_tabel.insert().values(tekst=tekst, **waarden))
    return len(uniek)


def alle_labels(engine: Engine) -> list[Label]:
    """Every label, by intent and text (the order of the export)."""
    c = label_tabel.c
    with engine.connect() as conn:
        rijen = conn.execute(select(label_tabel).order_by(c.intent, c.tekst, c.id)).all()
    return [Label(r.id, r.tekst, r.intent, r.door, r.op) for r in rijen]


def verwijder(engine: Engine, label_id: int) -> bool:
    """Remove one label (a mistake); ``False`` when it did not exist."""
    with engine.begin() as conn:
        result = conn.execute(delete(label_tabel).where(label_tabel.c.id == label_id))
    return bool(result.rowcount)
