"""Dutch text analysis shared by the search index and the search queries.

Index and query must be analysed by exactly the same code, or words stop matching. The analyser
is deliberately simple and deterministic (no model, no I/O): lower-case, accents stripped,
stop words removed, then the Dutch Snowball (Porter) stemmer with a few repairs for irregular
Dutch forms the stemmer misses (``kinderen`` → ``kind``, ``brieven`` → ``brief``).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import hashlib
import json
import logging
import re
import threading
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from importlib import resources

import snowballstemmer

from kern.themas import DOELGROEPEN, THEMAS

#: Bump when the analysis changes: set-up then rebuilds the search index of existing kaarten.
ANALYSE_VERSIE = 3

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
        # "met anderen", "voor mensen": they say nothing about the need, but match half a kaart
        "anderen",
        "elkaar",
        "mensen",
        "lukt",
        "lukken",
        # Words that say there is a problem, or how bad, but not which: "psychische problemen",
        # "ik kan niet goed rekenen", "hij vergeet steeds meer", "werk vinden" (like "zoeken").
        "probleem",
        "problemen",
        "klachten",
        "vinden",
        "goed",
        "slecht",
        "steeds",
        "vaak",
        "erg",
        "heel",
        "echt",
        "even",
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

#: Endings the stemmer reduces to a word of another meaning, kept as they are (also at the end
#: of a compound): "rekening" (a bill) is not "rekenen" (arithmetic), energierekening neither.
_EIND_UITZONDERINGEN: tuple[tuple[str, str], ...] = (
    ("rekeningen", "rekening"),
    ("rekening", "rekening"),
)

_BESCHERMD = tuple(term for _, term in _EIND_UITZONDERINGEN)


def is_beschermd(term: str) -> bool:
    """Whether an index term is one the stemmer must keep apart (see _EIND_UITZONDERINGEN).

    Derived-word matching must keep it apart too: "rekening" is not a longer "reken".
    """
    return term.endswith(_BESCHERMD)


_DIMINUTIEF = re.compile(r"^(.{3,}?)(etjes|etje|tjes|tje|jes|je)$")
_KLINKERS = frozenset("aeiouy")


_lokaal = threading.local()
_log = logging.getLogger(__name__)


def _stemmer() -> snowballstemmer.Stemmer:
    # One per thread: a Snowball stemmer keeps the word it works on in its own state.
    # The classic Dutch Porter algorithm: the newer "dutch" one in snowballstemmer 3 also strips
    # the prefix "ge-" (geldzorgen → ldzorg, geweld → wel), which ruins our vocabulary.
    stemmer = getattr(_lokaal, "stemmer", None)
    if stemmer is None:
        stemmer = _lokaal.stemmer = snowballstemmer.stemmer("dutch_porter")
    return stemmer


def zonder_accenten(tekst: str) -> str:
    """Lower-case and strip accents (café → cafe, coöperatie → cooperatie)."""
    tekst = tekst.casefold()
    if tekst.isascii():
        return tekst
    decomposed = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=100_000)
def _vouw(ruw: str) -> tuple[str, ...]:
    """The words in one raw token once accents are gone (cached: kaarten repeat words)."""
    return tuple(_WOORD.findall(zonder_accenten(ruw)))


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
    for einde, term in _EIND_UITZONDERINGEN:
        if woord.endswith(einde):
            return (woord[: -len(einde)] + term)[:64]
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


#: Names of a profession in two words, where the second word has lost its own meaning: the
#: "werk" in "maatschappelijk werk" is social work, not a job. The index keeps them as one term
#: (a compound to the search, below a plain "werk"), so "werk zoeken" does not find the
#: maatschappelijk werker by name; the first word is indexed on its own as well.
VASTE_BEGRIPPEN: frozenset[tuple[str, str]] = frozenset(
    (eerste, tweede)
    for eerste in ("maatschappelijk", "sociaal")
    for tweede in ("werk", "werker", "werkers", "werkster")
)


def termen(tekst: str) -> Iterator[str]:
    """Index terms of a text, in order, stop words and one-letter words left out."""
    reeks = woorden(tekst)
    overslaan = False
    for i, woord in enumerate(reeks):
        if overslaan:
            overslaan = False
            continue
        if len(woord) < 2 or woord in STOPWOORDEN:
            continue
        if i + 1 < len(reeks) and (woord, reeks[i + 1]) in VASTE_BEGRIPPEN:
            yield stam(woord)
            yield stam(woord + reeks[i + 1])
            overslaan = True
            continue
        yield stam(woord)


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


# ------------------------------------------------------------------------------ Dutch word list

#: Common words the lemma tables of spacy-lookups-data do not list (pronouns, function words).
_EXTRA_WOORDEN: frozenset[str] = frozenset(
    (
        "anderen",
        "ander",
        "elkaar",
        "iemand",
        "niemand",
        "iedereen",
        "alles",
        "jullie",
        "hen",
        "haar",
        "hare",
        "zichzelf",
        "uzelf",
        "mezelf",
        "jezelf",
        "welke",
        "waar",
        "wanneer",
        "waarom",
        "teveel",
        "weinig",
        "samen",
        "alleen",
        "nooit",
        "altijd",
        "vaak",
        "soms",
        "graag",
        "even",
        "bakkie",
    )
)

_WOORDENLIJST_BESTANDEN = (
    "nl_lemma_lookup.json.gz",
    "nl_lemma_index.json.gz",
    "nl_lemma_exc.json.gz",
)


class Woordenlijst:
    """A set of normalised Dutch word forms, stored as sorted 64-bit hashes.

    400,000 forms as a Python set would take some 100 MB; as an array of hashes they take
    3 MB. ``hash`` is salted per process, which is fine: the array is built in the process that
    uses it. A false "known word" needs a 64-bit collision.
    """

    def __init__(self, hashes: Iterable[int]):
        uniek = hashes if isinstance(hashes, (set, frozenset)) else set(hashes)
        self._hashes = array("q", sorted(uniek))

    @classmethod
    def van_woorden(cls, woorden: Iterable[str]) -> Woordenlijst:
        """A list of the given (already normalised) words."""
        return cls(hash(w) for w in woorden)

    def __contains__(self, woord: object) -> bool:
        h = hash(woord)
        i = bisect.bisect_left(self._hashes, h)
        return i < len(self._hashes) and self._hashes[i] == h

    def __len__(self) -> int:
        return len(self._hashes)


_JSON_TEKST = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _woordvormen(json_tekst: str) -> Iterator[str]:
    """Every string in a JSON lemma table (keys and values alike), without parsing the tree.

    The tables are flat maps and lists of words; scanning the strings keeps the memory peak
    at the size of the text instead of a 200,000-entry dict.
    """
    for match in _JSON_TEKST.finditer(json_tekst):
        tekst = match.group(1)
        yield json.loads(f'"{tekst}"') if "\\" in tekst else tekst


def _genormaliseerd(woorden: Iterable[str]) -> Iterator[str]:
    for woord in woorden:
        if woord.isascii() and woord.isalpha():
            yield woord.lower()
        else:
            yield from _vouw(woord)


def _lees_woordenlijst() -> Woordenlijst:
    """All Dutch word forms of the lemma tables in spacy-lookups-data (offline, ~400k forms)."""
    hashes = {hash(w) for w in _genormaliseerd((*STOPWOORDEN, *VULWOORDEN, *_EXTRA_WOORDEN))}
    try:
        data = resources.files("spacy_lookups_data") / "data"
        for naam in _WOORDENLIJST_BESTANDEN:
            # One table at a time, hashed straight away: the parsed JSON is the memory peak.
            with (data / naam).open("rb") as ruw, gzip.open(ruw, "rt", encoding="utf-8") as f:
                hashes.update(hash(w) for w in _genormaliseerd(_woordvormen(f.read())))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError) as exc:
        # Without the tables every word the kaart does not know may be a typo, as before.
        _log.warning("Nederlandse woordenlijst niet beschikbaar (%s); tikfouten ruimer", exc)
    # Part-of-speech keys ("noun", "verb") end up in the list too: harmless.
    return Woordenlijst(hashes)


_woordenlijst_lock = threading.Lock()
_woordenlijst: Woordenlijst | None = None


def woordenlijst() -> Woordenlijst:
    """The Dutch word forms known offline, normalised like query words (loaded once, ~1 s)."""
    global _woordenlijst
    if _woordenlijst is None:
        with _woordenlijst_lock:
            if _woordenlijst is None:
                _woordenlijst = _lees_woordenlijst()
    return _woordenlijst


_TUSSENKLANKEN = ("", "s", "e", "en")


@functools.lru_cache(maxsize=20_000)
def woorddelen(woord: str) -> tuple[str, str] | None:
    """Split a compound into two known words (schuldhulp → schuld + hulp), else ``None``.

    Dutch writes compounds as one word, so a word list never holds them all. The longest
    first part wins; a linking s/e/en between the parts is allowed (ouderen·adviseur, huis·werk).
    Parts have at least three letters, so a typo does not pass for a compound of snippets.
    """
    lijst = woordenlijst()
    for i in range(len(woord) - 3, 2, -1):
        links, rechts = woord[:i], woord[i:]
        if rechts not in lijst:
            continue
        for klank in _TUSSENKLANKEN:
            if klank and not links.endswith(klank):
                continue
            basis = links[: len(links) - len(klank)]
            if len(basis) >= 3 and (basis in lijst or links in lijst):
                return (links if links in lijst else basis), rechts
    return None


def is_lijstwoord(woord: str) -> bool:
    """Whether a normalised word is a listed Dutch form itself (not only a compound of two)."""
    return woord in woordenlijst()


@functools.lru_cache(maxsize=50_000)
def is_woord(woord: str) -> bool:
    """Whether a normalised word is correct Dutch (a listed form or a compound of two).

    Typo tolerance applies only to words that are not: a correct word ("anderen") is meant as
    typed, and must never be "corrected" into some name on the kaart ("Anker").
    """
    return woord in woordenlijst() or woord.isdigit() or woorddelen(woord) is not None


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@functools.lru_cache(maxsize=4096)
def verbeteringen(woord: str) -> tuple[str, ...]:
    """Correct Dutch words one edit away from a word that is not one (eenzaamhied → eenzaamheid).

    An edit is a letter left out, added, changed or two neighbours swapped (Norvig's spelling
    corrector, checked against the offline word list). The kaart's own terms are stems, and a
    typo near the end of a long word is far from the stem ("eenzaamhied" is 5 edits from
    "eenzam"); correcting the word first and stemming the correction finds it. Empty for a word
    that is correct itself, or shorter than five letters (too many neighbours).
    """
    if len(woord) < 5 or not woord.isalpha() or is_woord(woord):
        return ()
    delen = [(woord[:i], woord[i:]) for i in range(len(woord) + 1)]
    kandidaten = {links + rechts[1:] for links, rechts in delen if rechts}
    kandidaten |= {
        links + rechts[1] + rechts[0] + rechts[2:] for links, rechts in delen if len(rechts) > 1
    }
    kandidaten |= {links + c + rechts[1:] for links, rechts in delen if rechts for c in _LETTERS}
    kandidaten |= {links + c + rechts for links, rechts in delen for c in _LETTERS}
    kandidaten.discard(woord)
    lijst = woordenlijst()
    return tuple(sorted(k for k in kandidaten if k in lijst))
