"""Text normalisation shared by the crisis layer and slot extraction."""

from __future__ import annotations

import re
import unicodedata

_REPEATS = re.compile(r"(.)\1{2,}")
_NON_WORD = re.compile(r"[^0-9a-z@'\- ]+")
_SPACES = re.compile(r"\s+")


def normaliseer(text: str) -> str:
    """Lower-case, strip accents, squeeze stretched letters ("dooood") and punctuation."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("m'n", "mijn").replace("z'n", "zijn").replace("'t", "het")
    text = _REPEATS.sub(r"\1\1", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()
