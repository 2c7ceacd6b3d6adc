"""A small Dutch synonym table for the sociaal domein, used at query time.

Residents and loket staff use everyday words ("oppas", "schulden") where the kaart uses the
words of the organisations ("respijtzorg", "geldzorgen"). Synonyms are expanded at query time
only, so changing this table never requires rebuilding the index. Groups are symmetric: every
word of a group finds the others. Keep words single (no phrases) and keep groups tight: a loose
group makes every search return everything.
"""

from __future__ import annotations

import difflib
import functools

from kern.themas import THEMAS
from sociale_kaart.tekst import stam, woorden

SYNONIEMEN: tuple[tuple[str, ...], ...] = (
    ("respijt", "respijtzorg", "oppas", "oppassen", "ontlasten", "ontlasting", "adempauze"),
    (
        "schulden",
        "schuld",
        "geldzorgen",
        "geldproblemen",
        "geldnood",
        "betalingsachterstand",
        "schuldhulp",
        "schuldhulpverlening",
        "achterstanden",
    ),
    ("armoede", "geldzorgen", "rondkomen", "minima"),
    ("eenzaam", "eenzaamheid", "isolement", "geisoleerd", "vereenzaming"),
    ("dementie", "dement", "alzheimer", "vergeetachtig", "geheugenproblemen"),
    ("mantelzorg", "mantelzorger", "mantelzorgers"),
    ("maatje", "buddy", "steunmaatje"),
    ("depressie", "depressief", "somber", "somberheid", "neerslachtig"),
    ("angst", "bang", "angstig", "paniek"),
    ("verslaving", "verslaafd", "afkicken"),
    ("alcohol", "drank", "drinken", "drankprobleem"),
    ("drugs", "blowen", "wiet", "cannabis"),
    ("schoonmaken", "poetsen", "poetshulp", "schoonmaakhulp", "huishoudhulp", "thuishulp"),
    ("vervoer", "taxi", "lift", "rijden"),
    ("rollator", "looprek"),
    ("opvoeden", "opvoeding", "opvoedvragen", "opvoedingsvragen"),
    ("puber", "tiener", "jongere", "jongeren"),
    ("baby", "zuigeling"),
    ("peuter", "dreumes"),
    ("oudere", "ouderen", "senior", "senioren", "bejaard", "bejaarde", "oudjes"),
    ("geweld", "mishandeling", "mishandeld", "huiselijk"),
    ("formulier", "formulieren", "papieren", "papierwerk", "administratie"),
    ("toeslag", "toeslagen", "huurtoeslag", "zorgtoeslag", "kinderopvangtoeslag"),
    ("werk", "baan", "job", "werkloos"),
    ("eten", "maaltijd", "voedsel", "maaltijden"),
    ("buurthuis", "wijkcentrum", "buurtcentrum", "buurtkamer", "buurthuiskamer"),
    ("rouw", "verdriet", "verlies", "overlijden"),
    ("dagbesteding", "dagopvang", "dagactiviteiten"),
    ("overbelast", "overbelasting", "uitgeput", "opgebrand"),
    ("klus", "klusjes", "klussen", "reparatie", "repareren"),
    ("ruzie", "conflict", "onenigheid"),
    ("laaggeletterd", "laaggeletterdheid", "analfabeet"),
    ("computer", "laptop", "tablet", "smartphone", "digitaal"),
    ("kind", "kinderen", "kids"),
    ("psychisch", "ggz", "psychiatrisch"),
    ("woning", "woonruimte", "huurwoning"),
)

#: Everyday words people put in a thema column or a search filter, mapped to the thema code.
THEMA_WOORDEN: dict[str, str] = {
    "schulden": "geldzorgen",
    "geld": "geldzorgen",
    "armoede": "geldzorgen",
    "financien": "geldzorgen",
    "eenzaam": "eenzaamheid",
    "alzheimer": "dementie",
    "opvoeding": "opvoeden_opgroeien",
    "opgroeien": "opvoeden_opgroeien",
    "jeugd": "opvoeden_opgroeien",
    "gezin": "opvoeden_opgroeien",
    "schoonmaken": "huishouden",
    "huishoudelijke": "huishouden",
    "taxi": "vervoer",
    "woning": "wonen",
    "rolstoel": "hulpmiddelen",
    "ggz": "psychisch",
    "depressie": "psychisch",
    "alcohol": "verslaving",
    "drugs": "verslaving",
    "werk": "werk_meedoen",
    "meedoen": "werk_meedoen",
    "vrijwilligerswerk": "werk_meedoen",
    "post": "administratie",
    "formulieren": "administratie",
    "geweld": "huiselijk_geweld",
    "respijt": "mantelzorg",
}


@functools.lru_cache(maxsize=1)
def _groepen_per_term() -> dict[str, frozenset[str]]:
    per_term: dict[str, set[str]] = {}
    for groep in SYNONIEMEN:
        stammen = {stam(w) for woord in groep for w in woorden(woord)}
        for term in stammen:
            per_term.setdefault(term, set()).update(stammen)
    return {term: frozenset(stammen - {term}) for term, stammen in per_term.items()}


def synoniemen(term: str) -> frozenset[str]:
    """Index terms that mean the same as ``term`` (itself excluded)."""
    return _groepen_per_term().get(term, frozenset())


def dichtstbijzijnde_thema(waarde: str) -> str:
    """The valid thema code closest to what someone typed: a synonym first, else spelling."""
    tekst = " ".join(woorden(waarde.replace("_", " ")))
    if tekst.replace(" ", "_") in THEMAS:
        return tekst.replace(" ", "_")
    for woord in tekst.split():
        if woord in THEMA_WOORDEN:
            return THEMA_WOORDEN[woord]
        for code in THEMAS:
            if stam(woord) in {stam(w) for w in woorden(code.replace("_", " "))}:
                return code
    for woord in tekst.split():
        for code, label in THEMAS.items():
            if len(woord) >= 4 and stam(woord) in {stam(w) for w in woorden(label)}:
                return code
    close = difflib.get_close_matches(tekst.replace(" ", "_"), list(THEMAS), n=1, cutoff=0.0)
    return close[0] if close else next(iter(THEMAS))
