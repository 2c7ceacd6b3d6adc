"""Dutch text analysis shared by the search index and the search queries.

Index and query must be analysed by exactly the same code, or words stop matching. The analyser
is deliberately simple and deterministic (no model, no I/O): lower-case, accents stripped,
stop words removed, then the Dutch Snowball (Porter) stemmer with a few repairs for irregular
Dutch forms the stemmer misses (``kinderen`` → ``kind``, ``brieven`` → ``brief``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator

import snowballstemmer

from kern.themas import DOELGROEPEN, THEMAS

#: Bump when the analysis changes: set-up then rebuilds the search index of existing kaarten.
ANALYSE_VERSIE = 1

_WOORD = re.compile(r"[0-9a-z]+")

#: Words that carry no meaning for search, in index and query alike.
STOPWOORDEN: frozenset[str] = frozenset(
    (
        "aan",
        "af",
        "al",
        "als",
        "andere",
        "ben",
        "bij",
        "bijvoorbeeld",
        "binnen",
        "daar",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "doe",
        "doen",
        "door",
        "dus",
        "een",
        "eens",
        "elk",
        "en",
        "er",
        "es",
        "ge",
        "geen",
        "had",
        "heb",
        "hebben",
        "heeft",
        "hem",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "ja",
        "je",
        "jij",
        "jou",
        "jouw",
        "kan",
        "kom",
        "komt",
        "kun",
        "kunnen",
        "laat",
        "maar",
        "me",
        "meer",
        "men",
        "met",
        "mij",
        "mijn",
        "mijnen",
        "moet",
        "na",
        "naar",
        "nee",
        "niet",
        "niets",
        "nog",
        "nu",
        "of",
        "om",
        "omdat",
        "onder",
        "ons",
        "onze",
        "ook",
        "op",
        "over",
        "te",
        "tegen",
        "toch",
        "toe",
        "tot",
        "u",
        "uit",
        "uw",
        "van",
        "veel",
        "voor",
        "want",
        "waren",
        "was",
        "wat",
        "we",
        "wel",
        "wie",
        "wij",
        "wil",
        "willen",
        "word",
        "wordt",
        "worden",
        "zal",
        "ze",
        "zei",
        "zelf",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zonder",
        "zou",
        "zulke",
        "zullen",
    )
)

#: Words a searcher types around the real question; dropped from a query unless nothing is left.
VULWOORDEN: frozenset[str] = frozenset(
    (
        "hulp",
        "help",
        "helpen",
        "zoek",
        "zoeken",
        "vraag",
        "vragen",
        "iets",
        "iemand",
        "graag",
        "advies",
        "informatie",
        "info",
    )
)

#: Irregular forms the stemmer cannot reduce; mapped straight to the term used in the index.
#: ``ouderen`` (elderly) is kept apart from ``ouders`` (parents) on purpose.
_UITZONDERINGEN: dict[str, str] = {
    "kinderen": "kind",
    "kinders": "kind",
    "kindje": "kind",
    "kindjes": "kind",
    "kids": "kind",
    "ouderen": "oudere",
    "oudere": "oudere",
    "maatje": "maatje",
    "maatjes": "maatje",
    "eieren": "ei",
    "liederen": "lied",
    "bladeren": "blad",
    "vergat": "verget",
    "vergaten": "verget",
    "vergeet": "verget",
    "vergeten": "verget",
    "babys": "baby",
}

_DIMINUTIEF = re.compile(r"^(.{3,}?)(etjes|etje|tjes|tje|jes|je)$")
_KLINKERS = frozenset("aeiouy")


_lokaal = threading.local()


def _stemmer() -> snowballstemmer.Stemmer:
    # One per thread: a Snowball stemmer keeps the word it works on in its own state.
    # The classic Dutch Porter algorithm: the newer "dutch" one in snowballstemmer 3 also strips
    # the prefix "ge-" (geldzorgen → ldzorg, geweld → wel), which ruins our vocabulary.
    stemmer = getattr(_lokaal, "stemmer", None)
    if stemmer is None:
        stemmer = _lokaal.stemmer = snowballstemmer.stemmer("dutch_porter")
    return stemmer


def normaliseer(tekst: str) -> str:
    """Lower-case and strip accents (café → cafe, coöperatie → cooperatie)."""
    tekst = tekst.casefold()
    if tekst.isascii():
        return tekst
    decomposed = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=100_000)
def _vouw(ruw: str) -> tuple[str, ...]:
    """The words in one raw token once accents are gone (cached: kaarten repeat words)."""
    return tuple(_WOORD.findall(normaliseer(ruw)))


def woorden(tekst: str) -> list[str]:
    """The normalised words of a text, stop words included (for display and suggestions)."""
    tekst = tekst.casefold()
    if tekst.isascii():
        return _WOORD.findall(tekst)
    return [w for ruw in tekst.split() for w in _vouw(ruw)]


@functools.lru_cache(maxsize=200_000)
def stam(woord: str) -> str:
    """The index term of one normalised word; cached because kaarten repeat their words."""
    if woord in _UITZONDERINGEN:
        return _UITZONDERINGEN[woord]
    if woord.isdigit():
        return woord
    match = _DIMINUTIEF.match(woord)
    if match and len(woord) >= 6 and match.group(1)[-1] not in _KLINKERS:
        woord = match.group(1)
    stem: str = _stemmer().stemWord(woord)
    # Undo the voicing the stemmer leaves behind: brieven → briev → brief, huizen → huiz → huis.
    if len(stem) > 3 and stem.endswith("v"):
        stem = stem[:-1] + "f"
    elif len(stem) > 3 and stem.endswith("z"):
        stem = stem[:-1] + "s"
    return stem[:64]


def termen(tekst: str) -> Iterator[str]:
    """Index terms of a text, in order, stop words and one-letter words left out."""
    for woord in woorden(tekst):
        if len(woord) < 2 or woord in STOPWOORDEN:
            continue
        yield stam(woord)


def zoekwoorden(tekst: str) -> list[str]:
    """The meaningful words of a query, without duplicates; filler only when nothing else."""
    alle = [w for w in dict.fromkeys(woorden(tekst)) if len(w) >= 2 and w not in STOPWOORDEN]
    inhoud = [w for w in alle if w not in VULWOORDEN]
    return inhoud or alle


def sorteer_naam(naam: str) -> str:
    """Sort key stored with each offer so SQLite, PostgreSQL and Python order names alike."""
    return " ".join(woorden(naam))[:200]


def thema_teksten(codes: Iterable[str]) -> str:
    """The words of the thema's of an offer, so a search for 'mantelzorg' finds its thema."""
    return " ".join(f"{code.replace('_', ' ')} {THEMAS.get(code, '')}" for code in codes)


def index_versie() -> str:
    """Identifies the analysis, thema labels and doelgroepen the index was built with."""
    bron = json.dumps([THEMAS, DOELGROEPEN], sort_keys=True).encode()
    labels = hashlib.sha1(bron).hexdigest()[:8]
    return f"{ANALYSE_VERSIE}-{labels}"
