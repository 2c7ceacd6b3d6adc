"""The gate in front of the conversation: the message limit and characters nobody can read.

This is the one place where the limit lives. The Rasa input channels
(``wegwijzer/rasa/kanaal.py``) call :func:`keur` before Rasa parses, stores or logs a message, so
a pasted text of 300 KB costs milliseconds and never reaches the NLU, the tracker store or a log
line. The engine (:mod:`triage.gesprek`) imports the same :data:`MAX_BERICHT` for messages that
reach it another way (``rasa shell``, conversation tests).

What is refused here is what must not or cannot be parsed: too long, or nothing left once
control and invisible characters are gone. A message with only emoji or punctuation passes: the
engine answers it (``teksten.ONGELDIG_BERICHT``) and repeats its open question, which only the
engine knows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

from kern.gemeente import GemeenteProfiel
from triage import teksten

#: Characters one message may have. Longer messages are refused whole, not cut: a resident who
#: pasted a letter is asked for a few sentences, and nothing of the letter is read or kept.
MAX_BERICHT = 2000

#: Unicode categories that carry no text: control characters (Cc), invisible format characters
#: (Cf: the bidi embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, LRM/RLM,
#: zero-width spaces and joiners, the BOM, soft hyphens) and lone surrogates (Cs), which cannot
#: even be written as UTF-8 and would break the tracker store or a log line.
_ONZICHTBAAR = frozenset({"Cc", "Cf", "Cs"})
#: Whitespace control characters that separate words; they become a space, not nothing.
_WITRUIMTE = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")
#: Letters that render as nothing (Hangul fillers, braille blank, Khmer inherent vowels): a
#: message of only these looks empty to the resident, so it is treated as empty.
_LEGE_TEKENS = frozenset("\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")


class Reden(str, Enum):
    """Why a message was answered at the gate; safe to log (it says nothing of the text)."""

    TE_LANG = "te_lang"
    LEEG = "leeg"


@dataclass(frozen=True)
class Keuring:
    """The outcome of :func:`keur`: either a clean text to hand on, or an answer for the resident."""

    tekst: str
    antwoord: str | None = None
    reden: Reden | None = None

    @property
    def doorlaten(self) -> bool:
        """Whether the message goes on to the NLU and the conversation."""
        return self.antwoord is None


def schoon(tekst: str) -> str:
    """The text without control, bidi-override and other invisible characters.

    An RTL override (U+202E) makes "hallo" display backwards and hides what a message says from
    the person reading a log; the NLU only sees noise in it. Whitespace controls become spaces.
    """
    if tekst.isprintable() and _LEGE_TEKENS.isdisjoint(tekst):
        return tekst  # fast path: nothing to remove (spaces are printable, newlines are not)
    delen: list[str] = []
    for teken in tekst:
        if teken in _WITRUIMTE:
            delen.append(" ")
        elif teken not in _LEGE_TEKENS and unicodedata.category(teken) not in _ONZICHTBAAR:
            delen.append(teken)
    return "".join(delen)


def keur(tekst: str | None, profiel: GemeenteProfiel | None = None) -> Keuring:
    """Check one message before anything else reads it.

    The length is counted first, on the text as it came in, so the cost of a refused message
    does not grow with what is in it.

    Args:
        tekst: the message as the channel received it (``None`` when the client sent none).
        profiel: the gemeente, to offer its phone number in the answer; optional.

    Returns:
        A :class:`Keuring` with the cleaned text, or with the Dutch answer that replaces it.
    """
    tekst = tekst or ""
    if len(tekst) > MAX_BERICHT:
        return Keuring("", teksten.bericht_te_lang(MAX_BERICHT, profiel), Reden.TE_LANG)
    schone = schoon(tekst).strip()
    if not schone:
        return Keuring("", teksten.LEEG_BERICHT, Reden.LEEG)
    return Keuring(schone)
