"""The triage conversation: one pure function from (state, message) to (messages, new state).

Rasa's rules send every intent to a thin action; the action builds a :class:`Invoer`, calls
:func:`verwerk` and turns the :class:`Stap` back into Rasa events and messages.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal, Protocol, Union, get_args, get_origin, get_type_hints

from kern.gemeente import GemeenteProfiel
from kern.pydantic_compat import (
    BaseModel,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    create_model,
)
from kern.routes import Route
from kern.themas import THEMAS
from kern.zoekwoorden import MAX_ZOEKWOORDEN, is_zoekwoord
from triage import teksten, teksten_talen
from triage.berichten import Bericht, Knop
from triage.crisis import (
    KINDERTELEFOON,
    NUMMER_112,
    VEILIG_THUIS,
    CrisisOordeel,
    beoordeel,
    veilig_thuis_signaal,
)
from triage.extractie import Gegevens, extraheer
from triage.poort import MAX_BERICHT
from triage.route import is_minderjarig, kies_route, leeftijd_nodig
from triage.talen import herken_taal

MAX_AANBOD = 3
HELPT_DIT_KNOPPEN = (
    Knop("Ja, dit helpt", "/bevestigen"),
    Knop("Nee, ik heb meer hulp nodig", "/ontkennen"),
    Knop("Iets anders", "/iets_anders"),
)
NOG_IETS_KNOPPEN = (
    Knop("Ja, ik heb nog een vraag", "/iets_anders"),
    Knop("Nee, dank u", "/afscheid"),
)
MAX_WIJK_KNOPPEN = 8  # more wijken than this: the resident types the name or postcode
#: A thema the classifier gives at least this much is offered as a button when unsure.
MIN_KANDIDAAT = 0.2  # a linear classifier spreads its doubt: 0.1 offered noise (eval_nlu)
THEMA_INTENT_PREFIX = "hulpvraag_"
HUISELIJK_GEWELD = "huiselijk_geweld"  # the thema that never takes the ordinary road
#: The question the bot is waiting for an answer to (stored in the slot as this text).
Vraag = Literal["hulpvraag", "voor_wie", "leeftijd", "wijk", "helpt_dit", "nog_iets"]
VRAGEN: tuple[Vraag, ...] = get_args(Vraag)
_LEESBAAR = re.compile(r"[^\W_]")  # at least one letter or digit
#: Intents the classifier gives to a typed answer it never saw ("het hofje" read as afscheid):
#: a short message that answers the pending question is that answer, whatever the intent.
KLEINE_PRAAT = frozenset({"afscheid", "bedanken", "begroeten", "bot_vraag"})
#: The questions about the person and place; the thema is known by then.
SLOT_VRAGEN = frozenset({"voor_wie", "leeftijd", "wijk"})


class Aanbod(Protocol):
    """One offer as the conversation shows it (the kaart's search results fit this).

    Declared here so the conversation engine does not import the kaart package.
    """

    @property
    def id(self) -> str: ...  # noqa: D102
    @property
    def naam(self) -> str: ...  # noqa: D102
    @property
    def organisatie(self) -> str: ...  # noqa: D102
    @property
    def niveau(self) -> str: ...  # noqa: D102
    @property
    def wijk(self) -> str | None: ...  # noqa: D102
    @property
    def telefoon(self) -> str | None: ...  # noqa: D102
    @property
    def website(self) -> str | None: ...  # noqa: D102
    @property
    def email(self) -> str | None: ...  # noqa: D102
    @property
    def omschrijving(self) -> str: ...  # noqa: D102
    @property
    def laatst_gecontroleerd(self) -> date | None: ...  # noqa: D102
    @property
    def verouderd(self) -> bool:
        """Not checked within the kaart's freshness limit: the resident should call first."""
        ...


#: The fields of an offer that go into the ``aanbod`` payload, in this order.
AANBOD_VELDEN = (
    "id", "naam", "organisatie", "niveau", "wijk", "telefoon", "website", "email", "omschrijving",
    "laatst_gecontroleerd", "verouderd",
)  # fmt: skip


def aanbod_payload(kaartje: Aanbod) -> dict[str, Any]:
    """The JSON form of one offer, for widgets that render their own cards (dates as ISO)."""
    payload = {veld: getattr(kaartje, veld) for veld in AANBOD_VELDEN}
    if isinstance(payload["laatst_gecontroleerd"], date):
        payload["laatst_gecontroleerd"] = payload["laatst_gecontroleerd"].isoformat()
    return payload


class Kaart(Protocol):
    """The part of the sociale kaart the conversation needs (search is in ``sociale_kaart``)."""

    def aanbod_voor(
        self,
        thema: str,
        leeftijd: int | None,
        minderjarig: bool | None,
        wijk: str | None,
        limiet: int,
        zoekwoorden: Sequence[str] = (),
    ) -> Sequence[Aanbod]:
        """Sociale basis and algemene voorzieningen (never maatwerk), best first.

        ``zoekwoorden`` (from :meth:`zoekwoorden`) reorder the thema's offers within each
        niveau, those that fit the words first; they never drop one or add another.
        """
        ...

    def zoekwoorden(self, tekst: str) -> tuple[str, ...]:
        """The words of a message that the kaart's public search vocabulary knows.

        Lower-case, at most :data:`MAX_ZOEKWOORDEN`, never a name, number, address or other
        personal data: the conversation keeps them in its state to order the offers.
        """
        ...


@dataclass(frozen=True)
class Toestand:
    """Everything the conversation remembers; stored in Rasa slots, never personal data."""

    begroet: bool = False
    hulpvraag_id: str | None = None
    thema: str | None = None
    voor_wie: str | None = None
    relatie: str | None = None
    leeftijd: int | None = None
    onder_18: bool | None = None
    leeftijd_onbekend: bool = False
    wijk: str | None = None
    wijk_onbekend: bool = False
    gevraagd: Vraag | None = None
    getoond: tuple[str, ...] = ()
    route: Route | None = None
    geholpen: Literal["ja", "nee"] | None = None  # None: onbekend
    geen_aanbod: bool = False
    niet_begrepen: int = 0
    #: Words of the hulpvraag that the kaart's search vocabulary knows (:meth:`Kaart.zoekwoorden`):
    #: they order the thema's offers. Only the public kaart's own words, never free text.
    zoekwoorden: tuple[str, ...] = ()

    def nieuwe_hulpvraag(self, hulpvraag_id: str | None, thema: str | None) -> Toestand:
        """A fresh hulpvraag of the same resident: keep only the greeting and the wijk."""
        return Toestand(
            begroet=True,
            hulpvraag_id=hulpvraag_id,
            thema=thema,
            wijk=self.wijk,
            wijk_onbekend=self.wijk_onbekend,
        )

    def to_slot(self) -> str:
        """Serialise for the single ``triage`` slot (JSON text)."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_slot(cls, value: Any) -> Toestand:
        """Parse the slot; anything unreadable starts a fresh conversation instead of crashing.

        The slot is checked by a pydantic model made from this class's own fields (see
        :func:`_slot_model`), so a field added later is checked too, whatever its type. A value
        of the wrong type means the slot was not written by us: we start afresh rather than act
        on it. Keys we do not know (an older or newer version) are ignored.
        """
        if not isinstance(value, str) or not value:
            return cls()
        try:
            slot = _slot_model(cls).parse_raw(value)
        except (ValidationError, ValueError, TypeError):
            return cls()
        toestand = cls(**{f.name: getattr(slot, f.name) for f in fields(cls)})
        if not _zijn_zoekwoorden(toestand.zoekwoorden):
            return cls()  # free text where kaart words belong: not written by us
        return toestand


def _zijn_zoekwoorden(woorden: Sequence[str]) -> bool:
    """Whether these can be kaart words at all: few, lower-case letters, no digits or signs."""
    return len(woorden) <= MAX_ZOEKWOORDEN and all(is_zoekwoord(w) for w in woorden)


_STRIKT: dict[Any, Any] = {bool: StrictBool, int: StrictInt, str: StrictStr, float: StrictFloat}


def _strikt(soort: Any) -> Any:
    """The same type, but without pydantic 1's coercion ("1" is no int, 1 is no bool)."""
    if soort in _STRIKT:
        return _STRIKT[soort]
    args = get_args(soort)
    if get_origin(soort) is Literal or not args:
        return soort
    if get_origin(soort) is tuple:
        return tuple[tuple(_strikt(a) if a is not Ellipsis else a for a in args)]  # type: ignore[misc]
    return Union[tuple(_strikt(a) for a in args)]  # noqa: UP007 (str | None and the like)


_SLOT_MODELLEN: dict[type, type[BaseModel]] = {}


def _slot_model(cls: type[Toestand]) -> type[BaseModel]:
    """A pydantic model of the slot JSON with one strict field per field of ``cls``."""
    if cls not in _SLOT_MODELLEN:
        soorten = get_type_hints(cls)
        velden = {f.name: (_strikt(soorten[f.name]), f.default) for f in fields(cls)}
        _SLOT_MODELLEN[cls] = create_model(f"{cls.__name__}Slot", **velden)
    return _SLOT_MODELLEN[cls]


@dataclass(frozen=True)
class Invoer:
    """One resident message as the NLU understood it."""

    tekst: str
    intent: str | None
    confidence: float = 1.0
    entities: tuple[dict[str, Any], ...] = ()
    ranking: tuple[tuple[str, float], ...] = ()  # (intent, confidence), best first
    #: Stable id of this user message (the same when Rasa runs the turn again); makes the
    #: hulpvraag ids it mints deterministic, so a retried turn cannot create a second signal.
    beurt_id: str | None = None

    @classmethod
    def uit_parse(cls, parse: Mapping[str, Any], beurt_id: str | None = None) -> Invoer:
        """From Rasa's parse data (a tracker's ``latest_message`` or ``Agent.parse_message``)."""
        intent = parse.get("intent") or {}
        return cls(
            beurt_id=beurt_id,
            tekst=str(parse.get("text") or ""),
            intent=intent.get("name"),
            confidence=float(intent.get("confidence") or 0.0),
            entities=tuple(e for e in parse.get("entities") or [] if isinstance(e, dict)),
            ranking=tuple(
                (str(r.get("name")), float(r.get("confidence") or 0.0))
                for r in parse.get("intent_ranking") or []
                if isinstance(r, dict) and r.get("name")
            ),
        )


@dataclass
class Stap:
    """The outcome of one turn."""

    berichten: list[Bericht] = field(default_factory=list)
    toestand: Toestand = field(default_factory=Toestand)
    crisis: CrisisOordeel | None = None
    beurt_id: str | None = None
    ids_gemaakt: int = 0

    def zeg(
        self,
        tekst: str | None = None,
        payload: dict[str, Any] | None = None,
        knoppen: tuple[Knop, ...] = (),
    ) -> None:
        """Append one message."""
        self.berichten.append(Bericht(tekst=tekst, payload=payload, knoppen=knoppen))


def nieuwe_id() -> str:
    """Random id of one hulpvraag: makes signal writes idempotent, links nothing to a person."""
    return uuid.uuid4().hex


class Gesprek:
    """The triage rules for one gemeente (profile) and one kaart."""

    def __init__(
        self, profiel: GemeenteProfiel, kaart: Kaart, id_factory: Callable[[], str] = nieuwe_id
    ):
        self.profiel = profiel
        self.kaart = kaart
        self.id_factory = id_factory

    # -- entry point ---------------------------------------------------------------------------

    def verwerk(self, toestand: Toestand, invoer: Invoer) -> Stap:
        """Crisis first, then the resident's intent, then the next question or offer."""
        tekst = (invoer.tekst or "")[:MAX_BERICHT]
        stap = Stap(toestand=toestand, beurt_id=invoer.beurt_id)
        oordeel = beoordeel(tekst, invoer.intent, invoer.confidence, thema=toestand.thema)
        if oordeel is not None:
            return self._crisis(stap, oordeel)
        if invoer.intent == "crisis":
            # The classifier said crisis but the crisis layer found no crisis word in it: answer
            # the next likeliest intent instead of "niet begrepen".
            invoer = _zonder_crisis(invoer)
        taal = self._andere_taal(stap.toestand, replace(invoer, tekst=tekst))
        if taal is not None:
            return self._anderstalig(stap, taal)
        if not stap.toestand.begroet and invoer.intent not in {
            "begroeten",
            "opnieuw_beginnen",
            "start",
        }:
            stap.zeg(teksten.opening(self.profiel))
            stap.toestand = replace(stap.toestand, begroet=True)
        if len(invoer.tekst or "") > MAX_BERICHT:
            stap.zeg(teksten.TE_LANG)
        if not _LEESBAAR.search(tekst):
            # Only emoji, punctuation or control characters: whatever the classifier guessed.
            stap.zeg(teksten.ONGELDIG_BERICHT)
            return self._herhaal_vraag(stap) if stap.toestand.gevraagd else stap
        handler = self._handler(invoer.intent)
        invoer = replace(invoer, tekst=tekst)
        if invoer.intent in KLEINE_PRAAT and self._beantwoordt_vraag(
            stap.toestand, invoer, kort=True
        ):
            handler = self._antwoord
        if stap.toestand.thema != HUISELIJK_GEWELD and veilig_thuis_signaal(tekst):
            # Control, stalking, fear at home: Veilig Thuis first, whatever thema was guessed
            # and whatever question was pending ("mijn ex stalkt me bij mijn werk" is no werk).
            stap.toestand = replace(stap.toestand, gevraagd=None)
            invoer = replace(invoer, intent=THEMA_INTENT_PREFIX + HUISELIJK_GEWELD)
            handler = self._hulpvraag
        return handler(stap, invoer)

    def _handler(self, intent: str | None) -> Callable[[Stap, Invoer], Stap]:
        if (
            intent
            and intent.startswith(THEMA_INTENT_PREFIX)
            and intent[len(THEMA_INTENT_PREFIX) :] in THEMAS
        ):
            return self._hulpvraag
        return {
            "begroeten": self._begroeten,
            "opnieuw_beginnen": self._opnieuw,
            "start": self._opnieuw,  # "/start" from a widget or chat app: not in the NLU data
            "afscheid": self._afscheid,
            "bedanken": self._bedanken,
            "bot_vraag": self._uitleg,
            "buiten_scope": self._buiten_scope,
            "geef_info": self._antwoord,
            "bevestigen": self._bevestigen,
            "ontkennen": self._ontkennen,
            "iets_anders": self._iets_anders,
            "vraag_loket": self._vraag_loket,
        }.get(intent or "", self._niet_begrepen)

    def _nieuwe_id(self, stap: Stap) -> str:
        """A hulpvraag id: derived from the turn when Rasa gave one, else random."""
        if stap.beurt_id is None:
            return self.id_factory()
        stap.ids_gemaakt += 1
        bron = f"{stap.beurt_id}:{stap.ids_gemaakt}".encode()
        return hashlib.sha256(bron).hexdigest()[:32]

    # -- intents -------------------------------------------------------------------------------

    def _crisis(self, stap: Stap, oordeel: CrisisOordeel) -> Stap:
        t = stap.toestand
        eerste = not t.begroet
        stap.crisis = oordeel
        stap.zeg(
            teksten.crisis(oordeel),
            payload={
                "type": "crisis",
                "soort": oordeel.soort.value,
                "nummers": [{"naam": n.naam, "telefoon": n.telefoon} for n in oordeel.nummers()],
                "taal": oordeel.taal,
            },
        )
        stap.zeg(teksten.crisis_vervolg(self.profiel, eerste, oordeel.taal))
        # Danger from a partner or family member (112 first) is huiselijk geweld too.
        hg = "huiselijk_geweld" if oordeel.route == "crisis_huiselijk_geweld" else None
        if t.hulpvraag_id is None or t.route is not None:
            # A road was already reached: the crisis is a hulpvraag of its own.
            t = t.nieuwe_hulpvraag(self._nieuwe_id(stap), hg)
        stap.toestand = replace(
            t,
            begroet=True,
            thema=hg or t.thema,
            route=oordeel.route,
            gevraagd=None,
            niet_begrepen=0,
        )
        return stap

    def _andere_taal(self, t: Toestand, invoer: Invoer) -> str | None:
        """The language of a message that is confidently not Dutch, else ``None``.

        An answer to our pending question ("Centrum", "9904", "mijn moeder") is Dutch whatever it
        looks like; :func:`triage.talen.herken_taal` already keeps short messages Dutch.
        """
        taal = herken_taal(invoer.tekst)
        if taal == "nl" or (t.gevraagd and self._beantwoordt_vraag(t, invoer)):
            return None
        return taal

    def _anderstalig(self, stap: Stap, taal: str) -> Stap:
        """Another language: say so in that language (or English), with the number to call.

        No triage question follows, and a pending question stays pending for a Dutch answer.
        """
        t = stap.toestand
        stap.zeg(
            teksten_talen.alleen_nederlands(taal, self.profiel),
            payload={
                "type": "buiten_scope",
                "taal": taal,
                "contact": self.profiel.contact_anderstalig.as_payload(),
            },
        )
        stap.zeg(teksten.ALLEEN_NEDERLANDS)
        if t.thema is None:
            stap.toestand = replace(
                t, hulpvraag_id=t.hulpvraag_id or self._nieuwe_id(stap), route="buiten_scope"
            )
        return stap

    def _begroeten(self, stap: Stap, invoer: Invoer) -> Stap:
        if not stap.toestand.begroet:
            stap.zeg(teksten.opening(self.profiel))
            stap.toestand = replace(stap.toestand, begroet=True)
        else:
            stap.zeg("Hallo!")
        return self._vraag_hulpvraag(stap)

    def _opnieuw(self, stap: Stap, invoer: Invoer) -> Stap:
        opnieuw = "Goed, we beginnen opnieuw. " if stap.toestand.begroet else ""
        stap.toestand = Toestand(begroet=True)
        stap.zeg(opnieuw + teksten.opening(self.profiel))
        return self._vraag_hulpvraag(stap)

    def _afscheid(self, stap: Stap, invoer: Invoer) -> Stap:
        stap.zeg(teksten.afscheid(self.profiel))
        stap.toestand = replace(stap.toestand, gevraagd=None)
        return stap

    def _bedanken(self, stap: Stap, invoer: Invoer) -> Stap:
        stap.zeg(teksten.BEDANKT)
        return self._vraag_nog_iets(stap)

    def _vraag_nog_iets(self, stap: Stap) -> Stap:
        return self._vraag(stap, "nog_iets", teksten.VRAAG_NOG_IETS, NOG_IETS_KNOPPEN)

    def _uitleg(self, stap: Stap, invoer: Invoer) -> Stap:
        stap.zeg(teksten.uitleg(self.profiel))
        return self._herhaal_vraag(stap) if stap.toestand.gevraagd else stap

    def _buiten_scope(self, stap: Stap, invoer: Invoer) -> Stap:
        if self._beantwoordt_vraag(stap.toestand, invoer):
            return self._antwoord(stap, invoer)
        t = stap.toestand
        stap.zeg(
            teksten.buiten_scope(self.profiel),
            payload={"type": "buiten_scope", "contact": self.profiel.contact.as_payload()},
        )
        if t.thema is None:
            stap.toestand = replace(
                t, hulpvraag_id=t.hulpvraag_id or self._nieuwe_id(stap), route="buiten_scope"
            )
        return stap

    def _niet_begrepen(self, stap: Stap, invoer: Invoer) -> Stap:
        if self._beantwoordt_vraag(stap.toestand, invoer):
            return self._antwoord(stap, invoer)
        t = stap.toestand
        if t.thema is None and t.gevraagd in (None, "hulpvraag"):
            # Keep what a vague first message already says ("mijn moeder van 90 ...").
            t = self._neem_over(t, extraheer(invoer.tekst, self.profiel, None, invoer.entities))
            t = self._met_zoekwoorden(t, invoer.tekst)
        poging = t.niet_begrepen + 1
        if t.thema and t.gevraagd in SLOT_VRAGEN and poging < 3:
            # The thema is known and we asked about the person or place: this was meant as the
            # answer. Say how to answer; offering thema buttons again would start over.
            stap.toestand = replace(t, niet_begrepen=poging)
            stap.zeg(teksten.niet_begrepen_antwoord(t.gevraagd))
            return self._herhaal_vraag(stap)
        kandidaten = [
            intent[len(THEMA_INTENT_PREFIX) :]
            for intent, confidence in invoer.ranking
            if intent.startswith(THEMA_INTENT_PREFIX)
            and intent[len(THEMA_INTENT_PREFIX) :] in THEMAS
            and confidence >= MIN_KANDIDAAT
        ][:3]
        if kandidaten and poging < 3:
            stap.toestand = replace(t, niet_begrepen=poging)
            knoppen = tuple(Knop(THEMAS[c], f"/{THEMA_INTENT_PREFIX}{c}") for c in kandidaten)
            return self._vraag(
                stap,
                "hulpvraag",
                teksten.WELK_THEMA,
                (*knoppen, Knop("Iets anders", "/iets_anders")),
            )
        stap.zeg(teksten.niet_begrepen(poging, self.profiel))
        if poging >= 3:
            stap.zeg(payload={"type": "buiten_scope", "contact": self.profiel.contact.as_payload()})
            stap.toestand = replace(
                t,
                niet_begrepen=0,
                hulpvraag_id=t.hulpvraag_id or self._nieuwe_id(stap),
                route=t.route or "niet_begrepen",
            )
            return stap
        stap.toestand = replace(t, niet_begrepen=poging)
        if t.gevraagd:
            return self._herhaal_vraag(stap)
        return stap

    def _hulpvraag(self, stap: Stap, invoer: Invoer) -> Stap:
        thema = (invoer.intent or "")[len(THEMA_INTENT_PREFIX) :]
        t = stap.toestand
        if (
            t.thema
            and t.thema != thema
            and t.gevraagd
            and self._beantwoordt_vraag(t, invoer, kort=True)
        ):
            return self._antwoord(stap, invoer)  # "mijn moeder" read as a thema: it is an answer
        if t.thema is None and t.route is None:
            # The first hulpvraag: keep what earlier messages said about who and how old.
            t = replace(t, thema=thema, hulpvraag_id=t.hulpvraag_id or self._nieuwe_id(stap))
        elif t.thema != thema or t.route is not None:
            # A new hulpvraag: keep only the wijk (same resident), forget who and how old.
            t = t.nieuwe_hulpvraag(self._nieuwe_id(stap), thema)
        # The same thema again adds to the hulpvraag; a new one started with no words.
        t = self._met_zoekwoorden(t, invoer.tekst)
        stap.toestand = self._neem_over(
            replace(t, niet_begrepen=0),
            extraheer(invoer.tekst, self.profiel, None, invoer.entities),
        )
        return self._volgende(stap)

    def _antwoord(self, stap: Stap, invoer: Invoer) -> Stap:
        t = stap.toestand
        gegevens = extraheer(invoer.tekst, self.profiel, t.gevraagd, invoer.entities)
        nieuw = self._neem_over(t, gegevens)
        if nieuw == t:
            if t.gevraagd and t.gevraagd != "hulpvraag":
                # Counted, so that a resident whose answers we keep missing is offered a
                # person instead of the same question forever.
                poging = t.niet_begrepen + 1
                stap.toestand = replace(t, niet_begrepen=poging)
                stap.zeg(teksten.niet_begrepen_antwoord(t.gevraagd))
                if poging >= 3:
                    stap.zeg(teksten.mens_spreken(self.profiel))
                return self._herhaal_vraag(stap)
            return self._niet_begrepen(stap, replace(invoer, intent=None))
        stap.toestand = replace(nieuw, niet_begrepen=0)
        if gegevens.postcode_buiten_gemeente:
            stap.zeg(teksten.POSTCODE_BUITEN_GEMEENTE)
        if stap.toestand.thema is None:
            return self._vraag_hulpvraag(stap)
        return self._volgende(stap)

    def _bevestigen(self, stap: Stap, invoer: Invoer) -> Stap:
        t = stap.toestand
        if t.gevraagd == "helpt_dit":
            stap.toestand = replace(t, geholpen="ja", gevraagd=None)
            stap.zeg(teksten.fijn(self.profiel))
            return self._vraag_nog_iets(stap)
        if t.gevraagd == "nog_iets":
            return self._iets_anders(stap, invoer)
        if t.gevraagd:
            return self._antwoord(stap, invoer)
        return self._vraag_hulpvraag(stap)

    def _ontkennen(self, stap: Stap, invoer: Invoer) -> Stap:
        t = stap.toestand
        if t.gevraagd == "nog_iets":
            # "Kan ik nog iets anders voor u doen?" - "Nee, dank u": goodbye, not the loket.
            return self._afscheid(stap, invoer)
        if t.gevraagd == "helpt_dit" or (
            t.getoond and t.route in (None, "sociale_basis") and t.geholpen != "ja"
        ):
            stap.toestand = replace(t, geholpen="nee")
            return self._verwijs(stap)
        if t.gevraagd == "wijk":
            stap.toestand = replace(t, wijk_onbekend=True)
            return self._volgende(stap)
        if t.gevraagd == "leeftijd":
            stap.toestand = replace(t, leeftijd_onbekend=True)
            return self._volgende(stap)
        if t.gevraagd:
            return self._antwoord(stap, invoer)
        if t.route in ("wmo_loket", "cjg"):
            # "Nee, ik heb meer hulp nodig" after the referral: the loket again, not a new topic.
            return self._verwijs(stap)
        return self._vraag_hulpvraag(stap)

    def _iets_anders(self, stap: Stap, invoer: Invoer) -> Stap:
        t = stap.toestand
        stap.toestand = t.nieuwe_hulpvraag(None, None)
        stap.zeg("Goed. Dan kijken we naar iets anders.")
        return self._vraag_hulpvraag(stap, opnieuw=True)

    def _vraag_loket(self, stap: Stap, invoer: Invoer) -> Stap:
        t = self._neem_over(
            stap.toestand, extraheer(invoer.tekst, self.profiel, None, invoer.entities)
        )
        if t.hulpvraag_id is None:
            t = replace(t, hulpvraag_id=self._nieuwe_id(stap))
        stap.toestand = t
        return self._verwijs(stap)

    # -- the ladder ----------------------------------------------------------------------------

    def _volgende(self, stap: Stap) -> Stap:
        """Ask only what is missing; then sociale basis first."""
        t = stap.toestand
        thema = t.thema
        if thema is None:
            return self._vraag_hulpvraag(stap)
        if thema == HUISELIJK_GEWELD:
            return self._veilig_thuis(stap)  # never an ordinary thema road
        if (
            t.thema == "opvoeden_opgroeien"
            and t.voor_wie in (None, "zelf")
            and t.onder_18 is not True
        ):
            t = stap.toestand = replace(t, voor_wie="kind")
        if t.voor_wie is None:
            return self._vraag(
                stap,
                "voor_wie",
                teksten.vraag_voor_wie(thema),
                (
                    Knop("Voor mezelf", '/geef_info{"voor_wie": "zelf"}'),
                    Knop("Voor mijn kind", '/geef_info{"voor_wie": "kind"}'),
                    Knop("Voor iemand anders", '/geef_info{"voor_wie": "naaste"}'),
                ),
            )
        if (
            leeftijd_nodig(t.thema, t.voor_wie)
            and t.leeftijd is None
            and t.onder_18 is None
            and not t.leeftijd_onbekend
        ):
            return self._vraag(
                stap,
                "leeftijd",
                teksten.vraag_leeftijd(t.voor_wie, t.relatie),
                (
                    Knop("Jonger dan 18", '/geef_info{"leeftijd_groep": "onder_18"}'),
                    Knop("18 jaar of ouder", '/geef_info{"leeftijd_groep": "18_plus"}'),
                ),
            )
        if t.wijk is None and not t.wijk_onbekend:
            wijken = self.profiel.wijken if len(self.profiel.wijken) <= MAX_WIJK_KNOPPEN else ()
            knoppen = tuple(Knop(w.naam, json_payload("geef_info", wijk=w.naam)) for w in wijken)
            return self._vraag(
                stap,
                "wijk",
                teksten.vraag_wijk(t.voor_wie, t.relatie),
                (*knoppen, Knop("Weet ik niet", '/geef_info{"wijk": "onbekend"}')),
            )
        return self._toon_aanbod(stap)

    def _veilig_thuis(self, stap: Stap) -> Stap:
        """Huiselijk geweld without acute danger: Veilig Thuis first, then offers, no questions.

        Acute danger never gets here (the crisis layer answers it with 112 first). Asking for
        whom, how old and which wijk before the number would delay the one thing that helps
        and make a resident who hesitates explain more than they may want to. So the first
        answer is the Veilig Thuis number; then what the kaart has for this thema, in the wijk
        if one is already known and otherwise in the whole gemeente; the resident may name a
        wijk afterwards (optional) to see offers nearby.
        """
        t = stap.toestand
        kind = bool(
            is_minderjarig(t.voor_wie, t.leeftijd, t.onder_18) and t.voor_wie in (None, "zelf")
        )
        nummers = [VEILIG_THUIS, NUMMER_112, *([KINDERTELEFOON] if kind else [])]
        stap.zeg(
            teksten.veilig_thuis(kind),
            payload={
                "type": "veilig_thuis",
                "nummers": [{"naam": n.naam, "telefoon": n.telefoon} for n in nummers],
            },
        )
        kaartjes = self.kaart.aanbod_voor(
            HUISELIJK_GEWELD,
            t.leeftijd,
            is_minderjarig(t.voor_wie, t.leeftijd, t.onder_18),
            t.wijk,
            MAX_AANBOD,
            zoekwoorden=t.zoekwoorden,
        )
        if kaartjes:
            wijk_vragen = t.wijk is None and not t.wijk_onbekend and bool(self.profiel.wijken)
            intro = teksten.veilig_thuis_aanbod_intro(t.wijk, wijk_vragen)
            self._zeg_aanbod(stap, kaartjes, intro=intro)
        stap.toestand = replace(
            t,
            hulpvraag_id=t.hulpvraag_id or self._nieuwe_id(stap),
            route="veilig_thuis",
            getoond=tuple(k.id for k in kaartjes),
            geen_aanbod=not any(k.niveau == "sociale_basis" for k in kaartjes),
            gevraagd=None,
        )
        return self._vraag_nog_iets(stap)

    def _toon_aanbod(self, stap: Stap) -> Stap:
        t = stap.toestand
        assert t.thema is not None
        kaartjes = self.kaart.aanbod_voor(
            t.thema,
            t.leeftijd,
            is_minderjarig(t.voor_wie, t.leeftijd, t.onder_18),
            t.wijk,
            MAX_AANBOD,
            zoekwoorden=t.zoekwoorden,
        )
        sociale_basis = [k for k in kaartjes if k.niveau == "sociale_basis"]
        if not sociale_basis:
            stap.toestand = replace(t, geen_aanbod=True, getoond=tuple(k.id for k in kaartjes))
            stap.zeg(teksten.geen_aanbod(t.thema))
            if kaartjes:
                self._zeg_aanbod(stap, kaartjes, intro="Wel kunt u zonder indicatie terecht bij:")
            return self._verwijs(stap)
        stap.toestand = replace(t, getoond=tuple(k.id for k in kaartjes), route="sociale_basis")
        self._zeg_aanbod(stap, kaartjes, intro=teksten.aanbod_intro(t.thema, t.wijk))
        return self._vraag(
            stap,
            "helpt_dit",
            teksten.VRAAG_HELPT_DIT,
            HELPT_DIT_KNOPPEN,
        )

    def _zeg_aanbod(self, stap: Stap, kaartjes: Sequence[Aanbod], intro: str) -> None:
        regels = [
            teksten.aanbod_regel(
                i, k.naam, k.organisatie, k.omschrijving, k.telefoon, k.website, k.verouderd
            )
            for i, k in enumerate(kaartjes, start=1)
        ]
        stap.zeg(
            intro + "\n\n" + "\n\n".join(regels),
            payload={
                "type": "aanbod",
                "thema": stap.toestand.thema,
                "items": [aanbod_payload(k) for k in kaartjes],
            },
        )

    def _verwijs(self, stap: Stap) -> Stap:
        t = stap.toestand
        route = kies_route(t.thema, t.voor_wie, t.leeftijd, t.onder_18)
        loket = self.profiel.cjg if route == "cjg" else self.profiel.wmo_loket
        stap.zeg(
            teksten.verwijzing(route, loket),
            payload={
                "type": "verwijzing",
                "thema": t.thema,
                "route": route,
                "loket": loket.as_payload(),
            },
        )
        stap.toestand = replace(
            t, route=route, gevraagd=None, hulpvraag_id=t.hulpvraag_id or self._nieuwe_id(stap)
        )
        stap.zeg("Kan ik nog iets anders voor u doen?")
        return stap

    # -- helpers -------------------------------------------------------------------------------

    def _vraag_hulpvraag(self, stap: Stap, opnieuw: bool = False) -> Stap:
        knoppen = tuple(
            Knop(label, f"/{THEMA_INTENT_PREFIX}{code}") for code, label in THEMAS.items()
        )
        tekst = teksten.VRAAG_HULPVRAAG_OPNIEUW if opnieuw else teksten.VRAAG_HULPVRAAG
        return self._vraag(stap, "hulpvraag", tekst, knoppen)

    def _vraag(self, stap: Stap, vraag: Vraag, tekst: str, knoppen: tuple[Knop, ...]) -> Stap:
        stap.zeg(
            tekst,
            payload={"type": "vraag", "vraag": vraag, "knoppen": [k.as_rasa() for k in knoppen]},
            knoppen=knoppen,
        )
        stap.toestand = replace(stap.toestand, gevraagd=vraag)
        return stap

    def _herhaal_vraag(self, stap: Stap) -> Stap:
        vraag = stap.toestand.gevraagd
        if vraag == "helpt_dit":
            return self._vraag(
                stap,
                "helpt_dit",
                teksten.VRAAG_HELPT_DIT,
                HELPT_DIT_KNOPPEN,
            )
        if vraag == "hulpvraag":
            return self._vraag_hulpvraag(stap)
        if vraag == "nog_iets":
            return self._vraag_nog_iets(stap)
        return self._volgende(stap)

    def _beantwoordt_vraag(self, t: Toestand, invoer: Invoer, kort: bool = False) -> bool:
        """Whether the message answers the question we asked (whatever the classifier said)."""
        if t.gevraagd not in {"voor_wie", "leeftijd", "wijk"}:
            return False
        if kort and len(invoer.tekst.split()) > 5:
            return False
        gegevens = extraheer(invoer.tekst, self.profiel, t.gevraagd, invoer.entities)
        return self._neem_over(t, gegevens) != t

    def _met_zoekwoorden(self, t: Toestand, tekst: str) -> Toestand:
        """The state with the kaart words of this hulpvraag message added (at most 8 in all).

        Only what :meth:`Kaart.zoekwoorden` returns and :func:`_zijn_zoekwoorden` accepts is
        kept, so the state never holds the resident's text. A button's payload
        ("/hulpvraag_dementie") is our text, not theirs: it adds nothing.
        """
        if tekst.lstrip().startswith("/"):
            return t
        nieuw = [w for w in self.kaart.zoekwoorden(tekst) if is_zoekwoord(w)]
        woorden = tuple(dict.fromkeys((*t.zoekwoorden, *nieuw)))[:MAX_ZOEKWOORDEN]
        return replace(t, zoekwoorden=woorden) if woorden != t.zoekwoorden else t

    @staticmethod
    def _neem_over(t: Toestand, g: Gegevens) -> Toestand:
        """Merge what a message says into the state; later answers overwrite earlier ones."""
        updates: dict[str, Any] = {}
        if g.voor_wie and g.voor_wie != t.voor_wie:
            updates["voor_wie"] = g.voor_wie
        if g.relatie and g.relatie != t.relatie:
            updates["relatie"] = g.relatie
        if g.leeftijd is not None and g.leeftijd != t.leeftijd:
            updates["leeftijd"] = g.leeftijd
        if g.onder_18 is not None and g.onder_18 != t.onder_18:
            updates["onder_18"] = g.onder_18
        if g.leeftijd_onbekend and not t.leeftijd_onbekend:
            updates["leeftijd_onbekend"] = True
        if g.wijk and g.wijk != t.wijk:
            updates["wijk"] = g.wijk
            updates["wijk_onbekend"] = False
        if g.wijk_onbekend and not t.wijk_onbekend and t.wijk is None:
            updates["wijk_onbekend"] = True
        return replace(t, **updates) if updates else t


def _zonder_crisis(invoer: Invoer) -> Invoer:
    """The input as if the classifier's runner-up had won (``crisis`` taken out)."""
    rest = tuple((i, c) for i, c in invoer.ranking if i != "crisis")
    if not rest:
        return replace(invoer, intent=None, confidence=0.0, ranking=())
    intent, confidence = rest[0]
    return replace(invoer, intent=intent, confidence=confidence, ranking=rest)


def json_payload(intent: str, **entities: str) -> str:
    """A Rasa ``/intent{...}`` button payload with properly escaped entity values."""
    return f"/{intent}{json.dumps(entities, ensure_ascii=False)}"
