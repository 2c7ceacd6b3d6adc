"""Slot extraction from free Dutch text: for whom, age, wijk or postcode.

Wijken come from the gemeente profile at run time (the NLU model never saw them), so this runs
on the resident's own words, with the NLU entities only as a hint.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kern.gemeente import GemeenteProfiel
from triage.normaliseer import normaliseer

KIND_RELATIES = frozenset(
    [
        "zoon",
        "zoontje",
        "dochter",
        "dochtertje",
        "kind",
        "kindje",
        "kinderen",
        "kids",
        "baby",
        "peuter",
        "kleuter",
        "puber",
        "tiener",
        "kleinzoon",
        "kleindochter",
        "kleinkind",
        "kleinkinderen",
        "pleegkind",
        "pleegzoon",
        "pleegdochter",
        "stiefzoon",
        "stiefdochter",
        "stiefkind",
        "neefje",
        "nichtje",
        "tweeling",
        "jongste",
        "oudste",
    ]
)
NAASTE_RELATIES = frozenset(
    [
        "moeder",
        "vader",
        "mama",
        "papa",
        "mam",
        "pap",
        "ma",
        "pa",
        "ouders",
        "man",
        "vrouw",
        "partner",
        "echtgenoot",
        "echtgenote",
        "vriend",
        "vriendin",
        "buurvrouw",
        "buurman",
        "buren",
        "buurvrouwtje",
        "oma",
        "opa",
        "grootmoeder",
        "grootvader",
        "broer",
        "zus",
        "broertje",
        "zusje",
        "zwager",
        "schoonzus",
        "schoonmoeder",
        "schoonvader",
        "oom",
        "tante",
        "neef",
        "nicht",
        "collega",
        "kennis",
        "vriendje",
        "vriendinnetje",
        "schoonzoon",
        "schoondochter",
        "familielid",
    ]
)
#: Words that already say the child is under 18, so we need not ask.
JONGE_KINDEREN = frozenset(
    ["baby", "peuter", "kleuter", "puber", "tiener", "zoontje", "dochtertje", "kindje"]
)
_BEZIT = r"(?:mijn|mn|onze|ons|zijn|haar|de|het|een|voor|lieve)"
_RELATIE = re.compile(
    rf"\b{_BEZIT} ((?:\w+ )?)({'|'.join(sorted(KIND_RELATIES | NAASTE_RELATIES, key=len, reverse=True))})\b"
)
_ZELF = re.compile(
    r"^(?:voor )?(?:mezelf|mijzelf|ikzelf|zelf|mij|ik|mijn eigen|voor mij|ik zelf|ikke)$"
    r"|\bvoor (?:mezelf|mijzelf|mij zelf|mij)\b|\b(?:mezelf|mijzelf|ikzelf)\b"
)
_IK = re.compile(r"\b(?:ik|mij|me|mezelf|mijzelf)\b")
_IEMAND_ANDERS = re.compile(r"\biemand anders\b|\been ander\b|\bvoor een naaste\b")

_GETALWOORDEN = {
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90,
}  # fmt: skip
_GETAL = r"(\d{1,3}|" + "|".join(_GETALWOORDEN) + r")"
_LEEFTIJD_RELATIE = re.compile(rf"\b(?:{'|'.join(KIND_RELATIES | NAASTE_RELATIES)}) van {_GETAL}\b")
_LEEFTIJD_ZELF = re.compile(rf"\bik ben {_GETAL}(?: jaar)?(?!\s*(?:uur|keer|euro|kilo|km))\b")
#: "een jaar of 60", "rond de 85", "bijna 12": checked before "een jaar", which is 1.
_LEEFTIJD_ONGEVEER = re.compile(
    rf"\b(?:(?:een )?jaar of|rond de|rond|ongeveer|bijna|circa|zo'?n|in de|net|pas) {_GETAL}\b"
    r"(?! (?:uur|keer|euro|kilo|km|minuten|dagen|weken|maanden))"
)
_LEEFTIJD_JAAR = re.compile(rf"\b{_GETAL}(?: |-)?(?:jaar|jarige|jr)\b(?! geleden| lang| al| bezig)")
_LEEFTIJD_KAAL = re.compile(
    r"^(?:hij is |zij is |ze is |is |die is |leeftijd )?(\d{1,3})(?: jaar(?: oud)?)?$"
)
_ONDER_18 = re.compile(
    r"\b(?:jonger dan (?:18|achttien)|onder (?:de )?(?:18|achttien)|minderjarig|nog geen 18)\b"
)
_BOVEN_18 = re.compile(
    r"\b(?:ouder dan (?:18|achttien)|18 of ouder|18 jaar of ouder|boven (?:de )?18|18\+|meerderjarig"
    r"|volwassen(?:e)?)\b"
)
_POSTCODE = re.compile(r"\b([1-9]\d{3}) ?([a-z]{2})?\b")
_WEET_NIET = re.compile(
    r"\b(?:weet (?:ik )?(?:het )?(?:niet|nie)|geen idee|liever (?:niet|nie)|zeg ik (?:liever )?niet"
    r"|maakt (?:niet|nie) uit|overal|hele gemeente|wil ik niet zeggen|onbekend|overslaan"
    r"|sla (?:deze |die |het |maar )?(?:vraag )?over|skip)\b"
)


@dataclass(frozen=True)
class Gegevens:
    """What one message says about the hulpvraag; ``None`` means: not said."""

    voor_wie: str | None = None  # "zelf" | "kind" | "naaste"
    relatie: str | None = None
    leeftijd: int | None = None
    onder_18: bool | None = None
    wijk: str | None = None
    wijk_onbekend: bool = False
    postcode_buiten_gemeente: bool = False
    leeftijd_onbekend: bool = False


def _getal(token: str) -> int | None:
    value = int(token) if token.isdigit() else _GETALWOORDEN.get(token)
    return value if value is not None and 0 <= value <= 120 else None


def _entity_values(entities: Iterable[Mapping[str, Any]], name: str) -> list[str]:
    return [str(e.get("value")) for e in entities if e.get("entity") == name and e.get("value")]


def vind_relatie(norm: str) -> tuple[str, str] | None:
    """First relation word with a possessive before it: (relatie, voor_wie)."""
    match = _RELATIE.search(norm)
    if not match:
        return None
    relatie = match.group(2)
    return relatie, ("kind" if relatie in KIND_RELATIES else "naaste")


def vind_leeftijd(norm: str, gevraagd: str | None) -> tuple[int | None, bool]:
    """The age the message gives, and whether it is the writer's own (``ik ben 82``)."""
    for pattern, eigen in (
        (_LEEFTIJD_RELATIE, False),
        (_LEEFTIJD_ZELF, True),
        (_LEEFTIJD_ONGEVEER, False),
        (_LEEFTIJD_JAAR, False),
    ):
        match = pattern.search(norm)
        if match:
            value = _getal(match.group(1))
            if value is not None:
                return value, eigen
    if gevraagd == "leeftijd":
        match = _LEEFTIJD_KAAL.match(norm)
        if match:
            return _getal(match.group(1)), False
        if norm in _GETALWOORDEN:
            return _GETALWOORDEN[norm], False
    return None, False


def vind_wijk(norm: str, profiel: GemeenteProfiel, gevraagd: str | None) -> tuple[str | None, bool]:
    """Wijk named or implied by a postcode: (wijk naam, postcode outside the gemeente)."""
    for wijk in sorted(profiel.wijken, key=lambda w: len(w.naam), reverse=True):
        if re.search(rf"\b{re.escape(normaliseer(wijk.naam))}\b", norm):
            return wijk.naam, False
    for match in _POSTCODE.finditer(norm):
        pc = match.group(1)
        if match.group(2) is None and gevraagd != "wijk" and not re.search(r"\bpostcode\b", norm):
            continue  # a bare 4-digit number is only a postcode when we asked for one
        gevonden = profiel.wijk_by_postcode(pc)
        if gevonden is not None:
            return gevonden.naam, False
        return None, True
    if gevraagd == "wijk" and norm:
        namen = {normaliseer(w.naam): w.naam for w in profiel.wijken}
        close = difflib.get_close_matches(
            norm.removeprefix("in ").removeprefix("de wijk "), list(namen), n=1, cutoff=0.75
        )
        if close:
            return namen[close[0]], False
    return None, False


def extraheer(
    text: str,
    profiel: GemeenteProfiel,
    gevraagd: str | None = None,
    entities: Iterable[Mapping[str, Any]] = (),
) -> Gegevens:
    """Everything the message says; ``gevraagd`` is the question we just asked, if any."""
    norm = normaliseer(text)
    entities = list(entities)

    voor_wie: str | None = None
    relatie: str | None = None
    gevonden = vind_relatie(norm)
    if gevonden is None:
        for value in _entity_values(entities, "voor_wie"):
            if value in {"zelf", "kind", "naaste"}:
                voor_wie = value
        for value in _entity_values(entities, "relatie"):
            gevonden = vind_relatie(f"mijn {normaliseer(value)}")
            if gevonden:
                break
    if gevonden is not None:
        relatie, voor_wie = gevonden
    elif voor_wie is None and _ZELF.search(norm):
        voor_wie = "zelf"
    elif voor_wie is None and gevraagd == "voor_wie" and _IEMAND_ANDERS.search(norm):
        voor_wie = "naaste"
    elif voor_wie is None and gevraagd is None and _IK.search(norm):
        voor_wie = "zelf"

    leeftijd, eigen = vind_leeftijd(norm, gevraagd)
    if leeftijd is None and gevraagd == "leeftijd":
        # The classifier's age entity only counts as an answer to our question: in free text
        # it also tags house numbers ("Kerkstraat 12") and amounts.
        for value in _entity_values(entities, "leeftijd"):
            if value.isdigit() and int(value) <= 120:
                leeftijd = int(value)
    if eigen and voor_wie not in (None, "zelf"):
        leeftijd = None  # "ik ben 82 en mijn man ..." — the age is not the age of the person helped
    onder_18: bool | None = None
    if relatie in JONGE_KINDEREN:
        onder_18 = True
    if _ONDER_18.search(norm):
        onder_18 = True
    elif _BOVEN_18.search(norm):
        onder_18 = False
    for value in _entity_values(entities, "leeftijd_groep"):
        onder_18 = value == "onder_18"
    if leeftijd is not None:
        onder_18 = leeftijd < 18

    wijk, buiten = vind_wijk(norm, profiel, gevraagd)
    if wijk is None and not buiten:
        for value in _entity_values(entities, "wijk"):
            match = profiel.wijk_by_naam(value)
            if match:
                wijk = match.naam
    weet_niet = bool(_WEET_NIET.search(norm)) or "onbekend" in _entity_values(entities, "wijk")
    return Gegevens(
        voor_wie=voor_wie,
        relatie=relatie,
        leeftijd=leeftijd,
        onder_18=onder_18,
        wijk=wijk,
        wijk_onbekend=gevraagd == "wijk" and wijk is None and (weet_niet or buiten),
        postcode_buiten_gemeente=buiten,
        leeftijd_onbekend=gevraagd == "leeftijd"
        and leeftijd is None
        and onder_18 is None
        and weet_niet,
    )
