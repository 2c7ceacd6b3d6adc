"""Scoring a de-identifier against labelled messages (benchmark and accuracy test).

Strict recall: a labelled identifier counts as found only when every letter and digit of it
lies inside a replacement, so "NL91ABNA[NUMMER]" is a miss. Precision per kind: the share of
found spans that overlap a labelled identifier. Over-scrubbing: word tokens outside every
labelled identifier that were replaced anyway.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from privacy.recognisers import Vondst

# The label "geboortedatum" is a date; everything else has the same name as the kind.
LABEL_TO_KIND: dict[str, str] = {"geboortedatum": "datum"}
_WORD = re.compile(r"\w+")
#: Recall each kind must reach: 0.99 for BSN, IBAN, phone, e-mail and postcode; 0.90 for names.
RECALL_DOELEN: dict[str, float] = {
    "bsn": 0.99,
    "iban": 0.99,
    "telefoon": 0.99,
    "email": 0.99,
    "postcode": 0.99,
    "naam": 0.90,
}


class Annotator(Protocol):
    """Anything with an ``annotate`` method like :class:`privacy.Deidentifier`."""

    def annotate(self, text: str) -> list[Vondst]:
        """Identifier spans in ``text``."""
        ...


@dataclass(frozen=True)
class Bericht:
    """A benchmark message with its labelled identifiers as ``(soort, tekst)`` pairs."""

    tekst: str
    vondsten: tuple[tuple[str, str], ...]


@dataclass
class KindScore:
    """Counts for one kind of identifier."""

    labelled: int = 0
    found: int = 0
    right_kind: int = 0
    predicted: int = 0
    predicted_true: int = 0

    @property
    def recall(self) -> float:
        """Found / labelled (1.0 when nothing was labelled)."""
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def precision(self) -> float:
        """Predicted spans overlapping a label / predicted spans (1.0 when none)."""
        return self.predicted_true / self.predicted if self.predicted else 1.0


@dataclass
class Evaluation:
    """The result of :func:`evaluate`."""

    per_kind: dict[str, KindScore] = field(default_factory=dict)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    other_tokens: int = 0
    other_tokens_removed: int = 0
    removed_words: Counter[str] = field(default_factory=Counter)

    @property
    def over_scrub_rate(self) -> float:
        """Share of non-identifier word tokens that were replaced."""
        return self.other_tokens_removed / self.other_tokens if self.other_tokens else 0.0

    def score(self, kind: str) -> KindScore:
        """The score of a label or kind, created empty on first use."""
        return self.per_kind.setdefault(kind, KindScore())


def load_berichten(path: Path) -> list[Bericht]:
    """Read the JSONL fixture: ``{"tekst": ..., "vondsten": [{"soort", "tekst"}]}``."""
    berichten: list[Bericht] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            data: dict[str, Any] = json.loads(line)
            labels = tuple((v["soort"], v["tekst"]) for v in data["vondsten"])
            berichten.append(Bericht(tekst=data["tekst"], vondsten=labels))
    return berichten


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    spans = []
    start = text.find(needle)
    while start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def evaluate(annotator: Annotator, berichten: Iterable[Bericht]) -> Evaluation:
    """Score ``annotator`` on ``berichten`` (see the module docstring for the measures)."""
    result = Evaluation()
    for bericht in berichten:
        text = bericht.tekst
        spans = annotator.annotate(text)
        covered = [False] * len(text)
        kind_at: list[str | None] = [None] * len(text)
        for v in spans:
            for i in range(v.start, v.end):
                covered[i] = True
                kind_at[i] = v.kind
        labelled: list[tuple[int, int]] = []
        for soort, value in bericht.vondsten:
            score = result.score(soort)
            for start, end in _occurrences(text, value) or [(0, 0)]:
                score.labelled += 1
                labelled.append((start, end))
                positions = [i for i in range(start, end) if text[i].isalnum()]
                if positions and all(covered[i] for i in positions):
                    score.found += 1
                    wanted = LABEL_TO_KIND.get(soort, soort)
                    if any(kind_at[i] == wanted for i in positions):
                        score.right_kind += 1
                else:
                    result.misses.append((soort, value, text))
        for v in spans:
            score = result.score(v.kind)
            score.predicted += 1
            if any(v.start < end and start < v.end for start, end in labelled):
                score.predicted_true += 1
            else:
                result.false_positives.append((v.kind, text[v.start : v.end], text))
        for m in _WORD.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in labelled):
                continue
            result.other_tokens += 1
            if any(covered[i] for i in range(m.start(), m.end())):
                result.other_tokens_removed += 1
                result.removed_words[m.group(0)] += 1
    return result
