"""Slot extraction from free Dutch text: for whom, age, wijk or postcode.

Wijken come from the gemeente profile at run time (the NLU model never saw them), so this runs
on the resident's own words, with the NLU entities only as a hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz.fuzz import ratio as gelijkenis

from kern.gemeente import GemeenteProfiel, naamvorm
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
        "stiefvader",
        "stiefmoeder",
        "schoonouders",
        "grootouders",
        "client",
        "clienten",
        "cliente",
        "leerling",
        "bewoner",
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
#: The writer speaks of themself. "mijn energierekening", "mijn huis": when no relation word
#: follows "mijn" (those are found first), the help is for the writer.
_IK = re.compile(r"\b(?:ik|mij|me|mezelf|mijzelf|mijn|mn)\b")
#: A relation who has died is not the person to help: "sinds mijn vrouw is overleden",
#: "na de dood van mijn man". Asking "In welke wijk woont uw vrouw?" would hurt.
_OVERLEDEN_NA = re.compile(
    r"^(?: \w+){0,4} (?:overleden|gestorven|omgekomen|overleed|stierf|verongelukt)\b"
)
_OVERLEDEN_VOOR = re.compile(
    r"\b(?:dood|overlijden|verlies|sterven|begrafenis|crematie) van (?:\w+ )?$"
)
#: Neighbours who cause a nuisance are not the people to help: "de buren maken herrie",
#: "ik heb last van mijn bovenburen" - the writer is.
_BUREN = frozenset(["buren", "buurman", "buurvrouw", "buurvrouwtje"])
_OVERLAST_NA = re.compile(
    r"^(?: \w+){0,5} (?:herrie|lawaai|geluidsoverlast|overlast|stank|rotzooi|troep|kabaal)\b"
)
_OVERLAST_VOOR = re.compile(r"\b(?:last|overlast|hinder) (?:\w+ )?(?:van|door) (?:\w+ )?$")
_IEMAND_ANDERS = re.compile(r"\biemand anders\b|\been ander\b|\bvoor een naaste\b")

_GETALWOORDEN = {
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90, "honderd": 100,
}  # fmt: skip
_EENHEDEN = "een|twee|drie|vier|vijf|zes|zeven|acht|negen"
_TIENTALLEN = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
#: "vierentachtig", "tweeënzeventig" (after normalising: "tweeenzeventig" or "tweenzeventig").
_SAMENGESTELD = re.compile(rf"({_EENHEDEN})e?n({_TIENTALLEN})")
_WOORDEN = "|".join(sorted((w for w in _GETALWOORDEN if w != "een"), key=len, reverse=True))
#: A number that can be an age. "een" only as "een jaar": "de moeder van een vriendin" is no age.
_N = (
    rf"(?P<n>\d{{1,3}}|(?:{_EENHEDEN})e?n(?:{_TIENTALLEN})|{_WOORDEN}|een(?= jaar\b)(?! jaar of\b))"
)
#: Any number of a duration, "een" included ("al een jaar", "sinds een paar maanden").
_HOEVEEL = (
    rf"(?:(?:\d{{1,3}}(?:-\d{{1,3}})?|(?:{_EENHEDEN})e?n(?:{_TIENTALLEN})|{_WOORDEN}|een)"
    rf"(?: (?:a|of|tot) (?:\d{{1,3}}|{_WOORDEN}))?"
    r"|een paar|paar|enkele|een aantal|aantal|meerdere|vele|heel wat|tig|anderhalf"
    r"|een half|half|een halve|halve)"
)
_EENHEID = (
    r"(?:jaar|jaren|jaartje|jaartjes|jr|maand|maanden|maandje|maandjes|week|weken|weekje|weekjes"
    r"|dag|dagen|dagje|dagjes|nacht|nachten|uur|uren|uurtje|minuut|minuten|seconde|seconden"
    r"|decennium|decennia|eeuw|tijd|tijdje|poos|poosje|weekend|weekenden|schooljaar)"
)
_BIJWOORD = (
    r"(?:bijna|ruim|ongeveer|zo'n|zon|circa|pakweg|meer dan|minder dan|nog geen|nog maar|maar"
    r"|pas|rond de|een kleine|een dikke|een goede|een ruime|zeker|wel|al|nu|nu al|ook al|toch"
    r"|langer dan|inmiddels)"
)
#: Durations, led by a word like "al" or "sinds": "al twee jaar", "sinds 3 jaar", "al jaren",
#: "nog maar een paar maanden". "al 84 jaar oud" is an age, so "jaar oud" never counts.
_DUUR_VOOR = re.compile(
    r"\b(?:al|sinds|sind|sedert|vanaf|tot|reeds|inmiddels|gedurende|tijdens|afgelopen|laatste"
    r"|komende|voorbije|volgende|over|binnen|na|nog|nog maar|pas|net|elk|elke|ieder|iedere|per"
    rf"|om de|hele|heel|voor) (?:{_BIJWOORD} )*(?:{_HOEVEEL} )?{_EENHEID}\b(?! oude?\b)"
)
#: Durations told by the word after them: "twee jaar geleden", "40 jaar getrouwd".
_DUUR_NA = re.compile(
    rf"\b{_HOEVEEL} {_EENHEID} (?:geleden|terug|lang|langer|getrouwd|samen|samenwonend|bezig"
    r"|achter elkaar|achtereen|aaneen|aan een stuk|op rij|mantelzorger|mantelzorg|gezorgd"
    r"|verzorgd|gewerkt|gewoond|weduwe|weduwnaar|gescheiden|werkloos|ziek|dement|verslaafd"
    r"|in dienst|in nederland|hier)\b"
)
#: Words that may follow an age in a sentence; any other word makes "ik ben 40 jaar getrouwd",
#: "hij is 3 jaar ziek" or "een 3 jaar oud huis" something else than an age.
_NA_LEEFTIJD = (
    r"(?=$| @| (?:en|maar|of|want|dus|omdat|terwijl|sinds|is|was|wordt|werd|heeft|had|heb"
    r"|hebben|die|dat|wie|waar|ze|zij|hij|ik|we|wij|u|je|jij|ook|geworden|geweest|denk|geloof"
    r"|volgens|hoor|ofzo|erg|heel|zeer)\b)"
)
_PERSONEN = "|".join(
    sorted(
        KIND_RELATIES
        | NAASTE_RELATIES
        | {"jongen", "jongetje", "meisje", "meid", "knul", "dame", "heer", "mevrouw", "meneer"}
        | {"iemand", "persoon", "weduwe", "weduwnaar", "oudere", "bejaarde", "jongere"},
        key=len,
        reverse=True,
    )
)
#: After "84-jarige" or "84 jaar oude": a person ("moeder"), perhaps with one word between.
_NA_ATTRIBUTIEF = rf"(?=(?: \w+)? (?:{_PERSONEN})\b|$| @)"
_JAAR = r"(?: (?:jaar|jr))?(?: oud| jong)?"
#: Words between the verb and the age: "ze is bijna 12", "hij is net 18 geworden".
_BIJ = (
    r"(?:(?:al|nu|net|pas|bijna|ruim|ongeveer|circa|pakweg|zo'n|zon|rond de|rond|in de"
    r"|een jaar of|inmiddels|reeds|sinds kort|binnenkort|zelf|ook|midden|begin|eind|al bijna) )*"
)
_GEEN_LEEFTIJD_NA = (
    r"(?! (?:uur|uren|keer|maal|euro|eur|cent|procent|kilo|kg|gram|km|kilometer|meter|cm"
    r"|minuten|minuut|seconden|dagen|dag|weken|week|maanden|maand|jaren|stuks|personen|mensen"
    r"|kinderen|nachten|huizen|vragen|punten|graden|liter)\b)"
)
_REL = rf"\b(?:{_PERSONEN})"
_IS = r"(?:is|wordt|werd|was|zijn|worden|werden|waren)"
#: "mijn baby van 6 maanden": an age in months or weeks, under one year for weeks and days.
_LEEFTIJD_MAANDEN = re.compile(
    rf"{_REL} van {_N} (?P<eenheid>maand|maanden|maandjes|week|weken|weekjes|dag|dagen)\b"
)
#: (pattern, is the writer's own age), the most telling first.
_LEEFTIJD_PATRONEN: tuple[tuple[re.Pattern[str], bool], ...] = (
    # "mijn moeder van 84": the usual Dutch way to give an age, whatever follows.
    (re.compile(rf"{_REL} van {_BIJ}{_N}\b{_GEEN_LEEFTIJD_NA}{_JAAR}"), False),
    # "mijn zoon (17)", "vader, 84 jaar oud".
    (re.compile(rf"{_REL} (?:@ )?{_N}{_JAAR}{_NA_LEEFTIJD}"), False),
    # "mijn moeder is 84 en ...", "mijn dochter is bijna 12".
    (re.compile(rf"{_REL} {_IS} {_BIJ}{_N}{_JAAR}{_NA_LEEFTIJD}"), False),
    (re.compile(rf"\b(?:hij|zij|ze|die|en|het kind) {_IS} {_BIJ}{_N}{_JAAR}{_NA_LEEFTIJD}"), False),
    (re.compile(rf"\b(?:ik ben|ben ik|ik word|ik ben zelf) {_BIJ}{_N}{_JAAR}{_NA_LEEFTIJD}"), True),
    # "een jaar of 60", "rond de 85", "bijna 12": checked before "een jaar", which is 1.
    (
        re.compile(
            rf"\b(?:een jaar of|rond de|rond|ongeveer|bijna|circa|zo'n|zon|in de|pakweg) {_N}"
            rf"{_JAAR}{_NA_LEEFTIJD}"
        ),
        False,
    ),
    # "mijn 84-jarige moeder", "een 15-jarige die ...", "mijn 84 jaar oude vader".
    (re.compile(rf"\b{_N}(?:-| )?jarigen?\b(?:{_NA_ATTRIBUTIEF}|{_NA_LEEFTIJD})"), False),
    (re.compile(rf"\b{_N} jaar oude?\b{_NA_ATTRIBUTIEF}"), False),
)
#: The whole answer to "Hoe oud is ...?": "84", "84 jaar", "ze is 84", "hij is bijna 12".
_LEEFTIJD_ANTWOORD = re.compile(
    rf"^(?:(?:leeftijd|(?:hij|zij|ze|die|ik|mijn \w+|het kind) {_IS}|{_IS}|ik ben|ben) )?"
    rf"{_BIJ}{_N}{_JAAR}(?: @)?$"
)
#: Punctuation that ends a phrase; kept as the token "@" so "ik ben 40, getrouwd" stays an age.
_GRENS = re.compile(r"[()\[\]{}<>;:!?\"“”]|[,.](?!\d)|\s[-–—]\s|[\r\n]+")
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
    """An age from digits or a Dutch number word ("zeventien", "vierentachtig"), else None."""
    if token.isdigit():
        value: int | None = int(token)
    else:
        samengesteld = _SAMENGESTELD.fullmatch(token)
        if samengesteld:
            value = _GETALWOORDEN[samengesteld.group(1)] + _GETALWOORDEN[samengesteld.group(2)]
        else:
            value = _GETALWOORDEN.get(token)
    return value if value is not None and 0 <= value <= 120 else None


def leeftijd_tekst(text: str) -> str:
    """:func:`normaliseer`, but punctuation that ends a phrase stays as the token ``@``.

    Without it "ik ben 40, getrouwd" and "ik ben 40 jaar getrouwd" would look the same.
    """
    return normaliseer(_GRENS.sub(" @ ", text or ""))


def duur_spans(norm: str) -> list[tuple[int, int]]:
    """Where ``norm`` (from :func:`leeftijd_tekst`) speaks of a duration: no age lives there."""
    return [m.span() for pattern in (_DUUR_VOOR, _DUUR_NA) for m in pattern.finditer(norm)]


def _in_duur(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _entity_values(entities: Iterable[Mapping[str, Any]], name: str) -> list[str]:
    return [str(e.get("value")) for e in entities if e.get("entity") == name and e.get("value")]


def vind_relatie(norm: str) -> tuple[str, str] | None:
    """First relation word with a possessive before it: (relatie, voor_wie).

    A relation who has died ("sinds mijn vrouw is overleden") or neighbours who cause a
    nuisance ("de buren maken elke nacht herrie") are part of the story, not the person the
    help is for; the next relation word, or the writer, is.
    """
    for match in _RELATIE.finditer(norm):
        relatie = match.group(2)
        if not _in_verhaal(norm, match.start(), match.end(), relatie):
            return relatie, ("kind" if relatie in KIND_RELATIES else "naaste")
    return None


def _in_verhaal(norm: str, start: int, end: int, relatie: str) -> bool:
    """Whether the relation word at ``norm[start:end]`` is someone who died or a nuisance."""
    voor, na = norm[:start], norm[end:]
    if _OVERLEDEN_NA.match(na) or _OVERLEDEN_VOOR.search(voor):
        return True
    return relatie in _BUREN and bool(_OVERLAST_NA.match(na) or _OVERLAST_VOOR.search(voor))


def _verhaal_relaties(norm: str) -> set[str]:
    """Relation words that :func:`vind_relatie` passed over.

    The classifier's entity for the same word must not bring them back.
    """
    return {
        m.group(2)
        for m in _RELATIE.finditer(norm)
        if _in_verhaal(norm, m.start(), m.end(), m.group(2))
    }


def vind_leeftijd(text: str, gevraagd: str | None) -> tuple[int | None, bool]:
    """The age the message gives, and whether it is the writer's own (``ik ben 82``).

    A number inside a duration ("al twee jaar", "twee jaar geleden", "40 jaar getrouwd") is
    never an age: read as one, the carer of an 80-year-old would be sent to the CJG.
    """
    norm = leeftijd_tekst(text)
    duren = duur_spans(norm)
    maanden = _LEEFTIJD_MAANDEN.search(norm)
    if maanden and not _in_duur(duren, maanden.start("n"), maanden.end()):
        aantal = _getal(maanden.group("n"))
        if aantal is not None:
            return (aantal // 12 if maanden.group("eenheid").startswith("maand") else 0), False
    patronen = list(_LEEFTIJD_PATRONEN)
    if gevraagd == "leeftijd":
        patronen.append((_LEEFTIJD_ANTWOORD, False))
    for pattern, eigen in patronen:
        for match in pattern.finditer(norm):
            if _in_duur(duren, match.start("n"), match.end()):
                continue
            value = _getal(match.group("n"))
            if value is not None:
                return value, eigen
    return None, False


def _leeftijd_past(norm: str, start: int, end: int) -> bool:
    """Whether the number at ``norm[start:end]`` reads as an age, not a duration or amount."""
    staart = norm[end:]
    vorm = (
        re.match(rf"{_JAAR}{_NA_LEEFTIJD}", staart)
        or re.match(rf"(?:-| )?jarigen?\b(?:{_NA_ATTRIBUTIEF}|{_NA_LEEFTIJD})", staart)
        or re.match(rf" jaar oude?\b{_NA_ATTRIBUTIEF}", staart)
    )
    return vorm is not None and not _in_duur(duur_spans(norm), start, end + vorm.end())


def leeftijd_uit_entiteiten(text: str, entities: Iterable[Mapping[str, Any]]) -> int | None:
    """The classifier's ``leeftijd`` entity, unless it sits inside a duration phrase.

    The CRF extractor tags "twee" in "ik zorg al twee jaar voor haar" as well: an entity only
    counts where the words around it read as an age.
    """
    for entity in entities:
        if entity.get("entity") != "leeftijd" or not entity.get("value"):
            continue
        waarde = normaliseer(str(entity["value"]))
        value = _getal(waarde)
        if value is None:
            continue
        start, end = entity.get("start"), entity.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            # Normalise around the entity so that its place in the normalised text is known.
            voor = leeftijd_tekst(text[:start])
            kern = normaliseer(text[start:end])
            if kern:
                norm = f"{voor} {kern} {leeftijd_tekst(text[end:])}".strip()
                begin = len(voor) + 1 if voor else 0
                if _leeftijd_past(norm, begin, begin + len(kern)):
                    return value
                continue
        norm = leeftijd_tekst(text)
        plekken = [m.span() for m in re.finditer(rf"\b{re.escape(waarde)}\b", norm)]
        if not plekken or any(_leeftijd_past(norm, s, e) for s, e in plekken):
            return value  # from a button payload, or at least once where an age can stand
    return None


#: Articles a wijk name may start with; residents often leave them out ("oude stad").
_LIDWOORDEN = frozenset(["de", "het", "den", "der"])
#: Words that put a place name after them in free text: "ik woon in oude stad".
_PLAATS_CUE = r"(?:in|uit|te|wijk|buurt|dorp|kern|woonwijk|stadsdeel)"
#: A prefix of a wijk name counts ("zuidwolde" for "Zuidwolde aan de Vaart") from this length.
_MIN_PREFIX = 6
#: Similarity (rapidfuzz's ratio, 0-1) from which a typed wijk name counts as that wijk ("boerakkr", "centrum-oots").
_MIN_GELIJK = 0.85


#: The form in which wijk names are compared (:func:`kern.gemeente.naamvorm`).
plaatsvorm = naamvorm


@dataclass(frozen=True)
class _Naam:
    wijk: str
    vol: str  # plaatsvorm of the whole name
    kern: str  # without a leading article


def _namen(profiel: GemeenteProfiel) -> list[_Naam]:
    namen = []
    for wijk in profiel.wijken:
        vol = plaatsvorm(wijk.naam)
        woorden = vol.split()
        kern = " ".join(woorden[1:]) if len(woorden) > 1 and woorden[0] in _LIDWOORDEN else vol
        namen.append(_Naam(wijk.naam, vol, kern))
    return sorted(namen, key=lambda n: len(n.vol), reverse=True)


def _bevat(tekst: str, woorden: str) -> bool:
    return re.search(rf"(?<!\S){re.escape(woorden)}(?!\S)", tekst) is not None


def _uniek(kandidaten: Iterable[str]) -> str | None:
    gevonden = set(kandidaten)
    return gevonden.pop() if len(gevonden) == 1 else None


def _op_prefix(vorm: str, namen: list[_Naam], cue: bool) -> str | None:
    """The one wijk whose name starts with words the resident typed ("zuidwolde")."""
    voor = rf"\b{_PLAATS_CUE} " if cue else r"(?<!\S)"
    kandidaten = []
    for naam in namen:
        woorden = naam.kern.split()
        for k in range(len(woorden) - 1, 0, -1):
            prefix = " ".join(woorden[:k])
            if len(prefix.replace(" ", "")) >= _MIN_PREFIX and re.search(
                rf"{voor}{re.escape(prefix)}(?!\S)", vorm
            ):
                kandidaten.append(naam.wijk)
                break
    return _uniek(kandidaten)


def _op_gelijkenis(vorm: str, namen: list[_Naam]) -> str | None:
    """The wijk a typed answer most resembles ("boerakkr", "oosteres", "centrum-oots")."""
    woorden = vorm.split()
    beste: dict[str, float] = {}
    for naam in namen:
        for doel in {naam.vol, naam.kern}:
            aaneen = doel.replace(" ", "")
            if len(aaneen) < 5:
                continue
            n = len(doel.split())
            for grootte in {max(1, n - 1), n, n + 1}:
                for i in range(0, max(1, len(woorden) - grootte + 1)):
                    if doel == naam.kern != naam.vol and woorden[i] in _LIDWOORDEN:
                        continue  # "de stad" is not "Oude Stad" with a typo
                    stuk = "".join(woorden[i : i + grootte])
                    ratio = gelijkenis(stuk, aaneen) / 100
                    if ratio >= _MIN_GELIJK and ratio > beste.get(naam.wijk, 0.0):
                        beste[naam.wijk] = ratio
    if not beste:
        return None
    top = max(beste.values())
    return _uniek(w for w, r in beste.items() if r == top)


def noemt_gemeente(tekst: str, profiel: GemeenteProfiel) -> bool:
    """Whether the text names the gemeente itself ("Hofwolde"): no wijk, the whole gemeente."""
    naam = plaatsvorm(profiel.naam)
    naam = naam.removeprefix("gemeente ").strip()
    return bool(naam) and _bevat(plaatsvorm(tekst), naam)


def vind_wijk(
    tekst: str, profiel: GemeenteProfiel, gevraagd: str | None
) -> tuple[str | None, bool]:
    """Wijk named or implied by a postcode: (wijk naam, postcode outside the gemeente).

    Wijk names come from the profile, so nothing here knows them in advance: names are
    compared as words (:func:`plaatsvorm`), with or without their article. In free text a name
    counts when it is there in full, or without its article or as the first words of the
    name after "in", "uit" or "wijk". As the answer to the wijk question the name may also be
    cut short ("zuidwolde") or mistyped ("boerakkr").
    """
    vorm = plaatsvorm(tekst)
    namen = _namen(profiel)
    for naam in namen:
        if _bevat(vorm, naam.vol):
            return naam.wijk, False
    for match in _POSTCODE.finditer(vorm):
        pc = match.group(1)
        if match.group(2) is None and gevraagd != "wijk" and not re.search(r"\bpostcode\b", vorm):
            continue  # a bare 4-digit number is only a postcode when we asked for one
        gevonden = profiel.wijk_by_postcode(pc)
        if gevonden is not None:
            return gevonden.naam, False
        return None, True
    antwoord = gevraagd == "wijk"
    zonder_lidwoord = _uniek(
        n.wijk
        for n in namen
        if n.kern != n.vol
        and (
            _bevat(vorm, n.kern)
            if antwoord
            else re.search(rf"\b{_PLAATS_CUE} {re.escape(n.kern)}(?!\S)", vorm)
        )
    )
    if zonder_lidwoord:
        return zonder_lidwoord, False
    op_prefix = _op_prefix(vorm, namen, cue=not antwoord)
    if op_prefix:
        return op_prefix, False
    if antwoord and vorm and not _WEET_NIET.search(normaliseer(tekst)):
        gelijk = _op_gelijkenis(vorm, namen)
        if gelijk:
            return gelijk, False
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
        verhaal = _verhaal_relaties(norm)
        for value in _entity_values(entities, "relatie"):
            if normaliseer(value) in verhaal:
                continue
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

    leeftijd, eigen = vind_leeftijd(text, gevraagd)
    if leeftijd is None and gevraagd == "leeftijd":
        # The classifier's age entity only counts as an answer to our question: in free text
        # it also tags house numbers ("Kerkstraat 12") and amounts.
        leeftijd = leeftijd_uit_entiteiten(text, entities)
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

    wijk, buiten = vind_wijk(text, profiel, gevraagd)
    if wijk is None and not buiten:
        for value in _entity_values(entities, "wijk"):
            match = profiel.wijk_by_naam(value)
            if match:
                wijk = match.naam
    weet_niet = (
        bool(_WEET_NIET.search(norm))
        or "onbekend" in _entity_values(entities, "wijk")
        # "Hofwolde" as the answer to "In welke wijk?": search the whole gemeente.
        or (gevraagd == "wijk" and wijk is None and noemt_gemeente(text, profiel))
    )
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
