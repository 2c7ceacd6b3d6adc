"""Grouping candidate messages by likeness, so a beheerder labels ten alike lines at once.

The method, kept simple on purpose so a beheerder can predict it:

1. Normalise: lower case, punctuation becomes a space, whitespace collapsed. De-identification
   tags stay as words (``[NAAM]`` → ``naam``), so "mijn naam is [NAAM]" messages fall together.
2. Two texts are alike when rapidfuzz's ``token_set_ratio`` (word order and repeated words do
   not count) is at least :data:`DREMPEL` **and** they share at least :data:`MIN_GEDEELD`
   distinct words or the shorter has at least :data:`MIN_DEEL` of the distinct words of the
   longer. ``token_set_ratio`` alone says 100 whenever one text's words are a subset of the
   other's ("hulp" and "ik zoek hulp bij mijn administratie"); a question inside a longer
   message ("wanneer komt de vuilniswagen" in "mijn naam is [NAAM] ... wanneer komt de
   vuilniswagen") shares enough words to stay alike.
3. Leader clustering: distinct texts in a fixed order (most frequent first, then
   alphabetically), each joins the existing group whose leader it is most alike (the earliest
   on a tie), or starts a new group. Same input, same groups: no randomness, no training.

Groups come biggest first, then by leader text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from leren.kandidaten import Kandidaat

#: Minimal ``token_set_ratio`` (0-100) for two texts to be alike.
DREMPEL = 80.0
#: Minimal share of the longer text's distinct words that the shorter one must have.
MIN_DEEL = 0.5
#: Or at least this many distinct words in common.
MIN_GEDEELD = 3

_NIET_WOORD = re.compile(r"[^\w]+")


def normaliseer(tekst: str) -> str:
    """The form texts are compared in (see the module docstring)."""
    return " ".join(_NIET_WOORD.sub(" ", tekst.casefold()).split())


def lijken(a: str, b: str) -> bool:
    """Whether two normalised texts are alike (rule 2 of the module docstring)."""
    return score(a, b) >= DREMPEL


def score(a: str, b: str) -> float:
    """How alike two normalised texts are, 0-100 (0 when the word counts differ too much)."""
    woorden_a, woorden_b = set(a.split()), set(b.split())
    if not woorden_a or not woorden_b:
        return 100.0 if a == b else 0.0
    if not _genoeg_gedeeld(woorden_a, woorden_b):
        return 0.0
    return float(fuzz.token_set_ratio(a, b))


def _genoeg_gedeeld(woorden_a: set[str], woorden_b: set[str]) -> bool:
    """Rule 2's word check: enough words in common, or a big enough share of the longer."""
    if not woorden_a or not woorden_b:
        return woorden_a == woorden_b
    deel = min(len(woorden_a), len(woorden_b)) / max(len(woorden_a), len(woorden_b))
    return deel >= MIN_DEEL or len(woorden_a & woorden_b) >= MIN_GEDEELD


@dataclass(frozen=True)
class Groep:
    """Alike candidates; ``leider`` is the text the group was started with."""

    leider: str
    berichten: tuple[Kandidaat, ...]

    @property
    def aantal(self) -> int:
        """How many messages (not distinct texts) the group holds."""
        return len(self.berichten)

    @property
    def ids(self) -> tuple[int, ...]:
        """The event ids of its messages."""
        return tuple(k.id for k in self.berichten)


def groepeer(kandidaten: list[Kandidaat]) -> list[Groep]:
    """Group ``kandidaten`` by likeness (see the module docstring); deterministic."""
    per_vorm: dict[str, list[Kandidaat]] = {}
    for k in kandidaten:
        per_vorm.setdefault(normaliseer(k.tekst), []).append(k)
    tellingen = Counter({vorm: len(ks) for vorm, ks in per_vorm.items()})
    volgorde = sorted(per_vorm, key=lambda vorm: (-tellingen[vorm], vorm))
    leiders: list[str] = []
    leider_woorden: list[set[str]] = []
    leden: dict[str, list[str]] = {}
    for vorm in volgorde:
        woorden = set(vorm.split())
        # rapidfuzz scores all leaders in C; the best over the bar that passes the word
        # check wins, the earliest leader on a tie.
        treffers = process.extract(
            vorm, leiders, scorer=fuzz.token_set_ratio, score_cutoff=DREMPEL, limit=None
        )
        beste = next(
            (
                index
                for _, _, index in sorted(treffers, key=lambda t: (-t[1], t[2]))
                if _genoeg_gedeeld(woorden, leider_woorden[index])
            ),
            None,
        )
        if beste is None:
            leiders.append(vorm)
            leider_woorden.append(woorden)
            leden[vorm] = [vorm]
        else:
            leden[leiders[beste]].append(vorm)
    groepen = []
    for leider in leiders:
        berichten = sorted(
            (k for vorm in leden[leider] for k in per_vorm[vorm]),
            key=lambda k: (normaliseer(k.tekst), k.tekst, k.id),
        )
        groepen.append(Groep(leider=per_vorm[leider][0].tekst, berichten=tuple(berichten)))
    groepen.sort(key=lambda g: (-g.aantal, normaliseer(g.leider), g.leider))
    return groepen
