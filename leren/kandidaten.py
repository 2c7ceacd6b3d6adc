"""The resident messages worth labelling, read from Rasa's tracker-store table.

Plain SQLAlchemy Core on the ``events`` table of Rasa's ``SQLTrackerStore`` (the columns of
``rasa.core.tracker_store.SQLTrackerStore.SQLEvent``), so this runs in the web app without Rasa.
What is in that table is already de-identified by ``wegwijzer.rasa.tracker_store`` (names,
BSNs, phone numbers … replaced by tags, sender ids pseudonymised); this module never sees
anything else, and it only reads events younger than the bewaartermijn, even when the
retention job (``privacy.bewaartermijn.opschonen``) has not run yet.

A user message is a candidate (:class:`Reden`) when

- ``fallback``: the NLU gave ``nlu_fallback`` (FallbackClassifier below its threshold, or the
  ``OnbekendeWoorden`` layer: not one known word);
- ``niet_begrepen``: the dialogue answered with ``action_niet_begrepen`` (Rasa's core fallback),
  or the triage did not understand the answer to its question (the ``niet_begrepen`` counter
  in the ``triage`` slot went up in that turn);
- ``onzeker_thema``: a ``hulpvraag_*`` intent with a confidence below :data:`ZEKER`, the bar
  ``BuitenScopeMarge`` (``config.yml``, ``zeker: 0.6``) uses for "sure of the thema".

Button clicks (a payload such as ``/geef_info{...}``) are never candidates: no resident wrote them.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    inspect,
    or_,
    select,
)
from sqlalchemy.engine import Engine

Reden = Literal["fallback", "niet_begrepen", "onzeker_thema"]

#: Below this confidence a thema guess counts as unsure (``zeker`` of ``BuitenScopeMarge``).
ZEKER = 0.6
FALLBACK = "nlu_fallback"
NIET_BEGREPEN_ACTIE = "action_niet_begrepen"
THEMA_PREFIX = "hulpvraag_"
TRIAGE_SLOT = "triage"
#: At most this many candidates, the most recent first: a page a person can work through.
MAX_KANDIDATEN = 2000

#: Rasa's tracker-store table, described as ``SQLTrackerStore.SQLEvent`` creates it.
EVENTS_METADATA = MetaData()
events_tabel = Table(
    "events",
    EVENTS_METADATA,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


@dataclass(frozen=True)
class Kandidaat:
    """One stored, de-identified user message that the bot did not handle with confidence.

    Attributes:
        id: The row id in ``events``; a label refers to it, so its text comes from the store.
        tekst: The de-identified text as stored.
        intent: What the NLU made of it (``None`` when it gave nothing).
        zekerheid: The NLU's confidence in ``intent``.
        redenen: Why it is a candidate, in a fixed order.
        tijd: Unix time of the message.
        gok: The likeliest real intent (``intent`` itself, or after ``nlu_fallback`` the best
            of the intent ranking), with its confidence ``gok_zekerheid``: a hint for the
            beheerder, never a label by itself.
    """

    id: int
    tekst: str
    intent: str | None
    zekerheid: float
    redenen: tuple[Reden, ...]
    tijd: float
    gok: str | None = None
    gok_zekerheid: float = 0.0


def grens(dagen: int, nu: float | None = None) -> float:
    """The oldest timestamp still inside the bewaartermijn."""
    return (time.time() if nu is None else nu) - dagen * 86400


def _json(data: Any) -> dict[str, Any]:
    if not isinstance(data, str):
        return {}
    try:
        waarde = json.loads(data)
    except ValueError:
        return {}
    return waarde if isinstance(waarde, dict) else {}


def _dict(waarde: Any) -> dict[str, Any]:
    return waarde if isinstance(waarde, dict) else {}


def _zekerheid(waarde: Any) -> float:
    try:
        return float(waarde or 0.0)
    except (TypeError, ValueError):
        return 0.0


def _niet_begrepen_teller(slotwaarde: Any) -> int | None:
    """The ``niet_begrepen`` counter in the triage slot's JSON (``triage.gesprek.Toestand``)."""
    teller = _json(slotwaarde).get("niet_begrepen")
    return teller if isinstance(teller, int) and not isinstance(teller, bool) else None


@dataclass
class _Bericht:
    id: int
    tekst: str
    intent: str | None
    zekerheid: float
    tijd: float
    redenen: set[str]
    gok: str | None
    gok_zekerheid: float


_VOLGORDE: tuple[Reden, ...] = ("fallback", "niet_begrepen", "onzeker_thema")


def _bericht(rij: Any, data: dict[str, Any]) -> _Bericht | None:
    tekst = data.get("text")
    if not isinstance(tekst, str) or not tekst.strip() or tekst.lstrip().startswith("/"):
        return None
    parse = _dict(data.get("parse_data"))
    intent = _dict(parse.get("intent"))
    naam = intent.get("name") if isinstance(intent.get("name"), str) else None
    zekerheid = _zekerheid(intent.get("confidence"))
    redenen: set[str] = set()
    if naam == FALLBACK:
        redenen.add("fallback")
    elif naam is not None and naam.startswith(THEMA_PREFIX) and zekerheid < ZEKER:
        redenen.add("onzeker_thema")
    tijd = rij.timestamp if rij.timestamp is not None else _zekerheid(data.get("timestamp"))
    gok, gok_zekerheid = naam, zekerheid
    if naam == FALLBACK:
        echt = [
            r
            for r in parse.get("intent_ranking") or []
            if isinstance(r, dict) and isinstance(r.get("name"), str) and r["name"] != FALLBACK
        ]
        gok, gok_zekerheid = (
            (echt[0]["name"], _zekerheid(echt[0].get("confidence"))) if echt else (None, 0.0)
        )
    return _Bericht(
        int(rij.id),
        " ".join(tekst.split()),
        naam,
        zekerheid,
        float(tijd),
        redenen,
        gok,
        gok_zekerheid,
    )


def lees_kandidaten(engine: Engine, dagen: int, nu: float | None = None) -> list[Kandidaat]:
    """The candidates of the last ``dagen`` days, the most recent first.

    Reads each conversation's user messages, ``action_niet_begrepen`` and triage-slot events
    in the order they were stored, so each fallback or triage "niet begrepen" is put on the
    message it answered. Rows that do not parse are skipped: a broken row must not hide the rest.
    """
    if not inspect(engine).has_table(events_tabel.name):
        return []
    e = events_tabel.c
    vraag = (
        select(e.id, e.sender_id, e.type_name, e.action_name, e.timestamp, e.data)
        .where(
            e.timestamp >= grens(dagen, nu),
            or_(
                e.type_name == "user",
                e.type_name == "slot",
                and_(e.type_name == "action", e.action_name == NIET_BEGREPEN_ACTIE),
            ),
        )
        .order_by(e.sender_id, e.id)
    )
    gevonden: list[_Bericht] = []
    vorige_sender: str | None = None
    laatste: _Bericht | None = None
    teller = 0
    with engine.connect() as conn:
        for rij in conn.execute(vraag):
            if rij.sender_id != vorige_sender:
                vorige_sender, laatste, teller = rij.sender_id, None, 0
            if rij.type_name == "action":
                if laatste is not None:
                    laatste.redenen.add("niet_begrepen")
                continue
            data = _json(rij.data)
            if rij.type_name == "user":
                laatste = _bericht(rij, data)
                if laatste is not None:
                    gevonden.append(laatste)
                continue
            if data.get("name") != TRIAGE_SLOT:
                continue
            nieuw = _niet_begrepen_teller(data.get("value"))
            if nieuw is None:
                continue
            if nieuw > teller and laatste is not None:
                laatste.redenen.add("niet_begrepen")
            teller = nieuw
    kandidaten = [
        Kandidaat(
            id=b.id,
            tekst=b.tekst,
            intent=b.intent,
            zekerheid=b.zekerheid,
            redenen=tuple(r for r in _VOLGORDE if r in b.redenen),
            tijd=b.tijd,
            gok=b.gok,
            gok_zekerheid=b.gok_zekerheid,
        )
        for b in gevonden
        if b.redenen
    ]
    kandidaten.sort(key=lambda k: (-k.tijd, -k.id))
    return kandidaten[:MAX_KANDIDATEN]


def lees_teksten(
    engine: Engine, ids: list[int], dagen: int, nu: float | None = None
) -> dict[int, str]:
    """The stored text of the user messages ``ids`` still inside the bewaartermijn.

    A label takes its text from here, never from a form: what a beheerder labels can only be
    text the tracker store de-identified. Ids that are gone (or no user message) are absent.
    """
    if not ids or not inspect(engine).has_table(events_tabel.name):
        return {}
    e = events_tabel.c
    vraag = select(e.id, e.timestamp, e.data).where(
        e.id.in_(sorted(set(ids))), e.type_name == "user", e.timestamp >= grens(dagen, nu)
    )
    teksten: dict[int, str] = {}
    with engine.connect() as conn:
        for rij in conn.execute(vraag):
            bericht = _bericht(rij, _json(rij.data))
            if bericht is not None:
                teksten[bericht.id] = bericht.tekst
    return teksten
