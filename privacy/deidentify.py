"""De-identification of Dutch resident text: deduce plus Wegwijzer's own recognisers.

Use :func:`get_deidentifier` for the process-wide instance; call :func:`prepare` once at set-up
and at server start so that no resident's message waits for the lookup lists to load.

Decisions (see also the recognisers' docstrings):

- Every identifier becomes a tag (``[NAAM]``, ``[BSN]``, ...); overlapping findings are merged
  so that nothing of an identifier survives ("NL91ABNA" of an IBAN that deduce only partly saw).
- IBANs: scrubbed when the mod-97 checksum holds, and also when the checksum fails but the
  string has the exact Dutch format or follows "IBAN"/"rekening": a mistyped account number
  still identifies someone. BSNs likewise after the word "BSN".
- Kept visible on purpose (the bot needs them, they do not identify anyone on their own):
  ages, PC4 ("9903"), wijk and place names (a place name is scrubbed only as part of an
  address line, right after a street or postcode), 0800/0900/112/113/14 0xx numbers, amounts,
  a day and month without a year ("afspraak op 14 mei"), institutions and public websites.
- Any other run of 7+ digits becomes ``[NUMMER]`` (client, dossier or policy numbers).
- Fail closed: if deduce fails on a text, the whole text becomes ``[TEKST]``; so does a text
  over :data:`MAX_CHARS`, and the rest of a text on which deduce spends more than
  :data:`DEDUCE_BUDGET_S` (deduce runs on overlapping windows so its cost stays linear).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from privacy.engine import DeduceLexicon, load_deduce
from privacy.recognisers import (
    PRIORITY,
    NameLexicon,
    NoLexicon,
    Soort,
    Vondst,
    find_patterns,
    is_public_url,
    is_service_number,
)
from privacy.wordlists import KEEP_TERMS_DEFAULT

logger = logging.getLogger(__name__)

_RANK: dict[str, int] = {kind: i for i, kind in enumerate(PRIORITY)}
# deduce runs on windows of this many characters, overlapping by WINDOW_OVERLAP.
WINDOW = 240
WINDOW_OVERLAP = 60
# Seconds deduce may spend on one text; the rest of a text that needs more is replaced
# whole. Real messages take milliseconds (10,000 characters of prose: about 0.15 s); only
# adversarial input ("Jan Jan Jan ...") gets near this.
DEDUCE_BUDGET_S = 2.0
# Longer texts are replaced whole ("[TEKST]"): no resident types that much into a chat box,
# and it bounds the time one message can cost.
MAX_CHARS = 10_000
_POSTCODE_FULL = re.compile(r"[1-9]\d{3} ?[A-Za-z]{2}")
_POSTCODE_PLACE = re.compile(r"([1-9]\d{3} ?[A-Za-z]{2})([ ,]+)(\S.*)")
# "in De Weiden", "uit Het Gooi": a capitalised article after a place preposition starts a
# place (a wijk), not a surname, even when deduce's surname list says "Weiden".
_PLACE_ARTICLE = re.compile(r"(?:De|Het|'t|Den) ")
_PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?i)\b(?:in|uit|naar|rond|richting|omgeving|wijk|buurt|vanuit)\s+$"
)
# Titles deduce includes in a name span; they are no identifier and tell the bot how to
# address someone, so they stay: "mevrouw [NAAM]".
_TITLE = re.compile(
    r"(?i)(?:mevrouw|mevr|mw|meneer|mijnheer|mnr|dhr|heer|dr|drs|mr|ir|ing|prof|juf|"
    r"meester|zuster|dokter)\.?\s+"
)
_ADDRESS_LINE_GAP = re.compile(r"[ ,]{1,3}")
# Kinds a keep term may overrule; a number or e-mail is never "kept".
_KEEPABLE: frozenset[str] = frozenset({"naam", "locatie"})


def default_cache_dir() -> Path:
    """``Settings.deduce_cache_dir`` (``<WEGWIJZER_VAR_DIR>/cache/deduce``) of this environment."""
    from kern.settings import Settings

    return Settings.from_env().deduce_cache_dir


class Deidentifier:
    """Finds and replaces identifiers in Dutch text.

    Args:
        model: A loaded deduce model (see :func:`privacy.engine.load_deduce`), or None for
            pattern-only mode: no name lists, so names are found by context and capitals
            only. That mode is meant for the logging filter before deduce is loaded.
        keep_terms: Extra words that are never scrubbed as a name or place, e.g. the wijk
            names of the gemeente profile.
    """

    def __init__(self, model: Any | None = None, keep_terms: Iterable[str] = ()) -> None:
        self._model = model
        self._lexicon: NameLexicon = DeduceLexicon(model) if model is not None else NoLexicon()
        self._keep = frozenset(KEEP_TERMS_DEFAULT | {t.strip().casefold() for t in keep_terms})

    @property
    def uses_deduce(self) -> bool:
        """Whether deduce's name and place lists are in use (False in pattern-only mode)."""
        return self._model is not None

    def annotate(self, text: str) -> list[Vondst]:
        """All identifiers in ``text``, merged so they do not overlap, sorted by position."""
        if not text or text.isspace():
            return []
        if len(text) > MAX_CHARS:
            return [Vondst("tekst", 0, len(text))]
        found = find_patterns(text, self._lexicon)
        if self._model is not None:
            try:
                from_deduce = self._deduce_vondsten(text)
            except Exception:  # fail closed: better no text than a leak
                logger.warning("privacy: deduce faalde; de hele tekst wordt vervangen")
                return [Vondst("tekst", 0, len(text))]
            # deduce takes "aan de Oude" in "aan de Oude Ebbingestraat 12" for a name; where
            # our address pattern found the street, its name guesses there are dropped.
            streets = [v for v in found if v.kind == "adres"]
            found.extend(
                v
                for v in from_deduce
                if not (v.kind == "naam" and any(_overlaps(v, s) for s in streets))
            )
        found = [v for v in found if not self._is_kept(text, v)]
        return _merge(text, found)

    def deidentify(self, text: str) -> str:
        """``text`` with every identifier replaced by its tag, e.g. ``[NAAM]``."""
        return replace(text, self.annotate(text))

    def _is_kept(self, text: str, vondst: Vondst) -> bool:
        return (
            vondst.kind in _KEEPABLE
            and text[vondst.start : vondst.end].strip(" .,").casefold() in self._keep
        )

    def _deduce_vondsten(self, text: str) -> list[Vondst]:
        assert self._model is not None
        found: list[Vondst] = []
        places: list[Vondst] = []
        deadline = time.monotonic() + DEDUCE_BUDGET_S
        for offset, end_of_window in _windows(text):
            if time.monotonic() > deadline:
                logger.warning("privacy: tekst te zwaar voor deduce; rest wordt vervangen")
                found.append(Vondst("tekst", offset, len(text)))
                break
            doc = self._model.deidentify(text[offset:end_of_window])
            for ann in doc.annotations:
                self._add_deduce_annotation(
                    text, ann.tag, offset + ann.start_char, offset + ann.end_char, found, places
                )
        return found + _places_in_address_lines(text, places, found)

    @staticmethod
    def _add_deduce_annotation(
        text: str, tag: str, start: int, end: int, found: list[Vondst], places: list[Vondst]
    ) -> None:
        """Map one deduce annotation to our kinds and fix what deduce gets wrong for us."""
        ann_text = text[start:end]
        kind = _map_tag(tag, ann_text)
        if kind is None:
            return
        if kind == "naam":
            if _PLACE_ARTICLE.match(text, start) and _PLACE_PREPOSITION_BEFORE.search(
                text, max(0, start - 12), start
            ):
                return
            title = _TITLE.match(text, start, end)
            if title and title.end() < end:
                start = title.end()
        elif kind == "adres" and (pp := _POSTCODE_PLACE.fullmatch(ann_text)):
            # deduce merges "9903 AB Appingedam" into one location: split it.
            found.append(Vondst("postcode", start, start + pp.end(1)))
            found.append(Vondst("locatie", start + pp.start(3), end))
            return
        vondst = Vondst(kind, start, end)
        if kind == "locatie" and not any(c.isdigit() for c in ann_text):
            places.append(vondst)
        else:
            found.append(vondst)


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """Overlapping windows of at most :data:`WINDOW` characters, cut at spaces.

    deduce's name-context rules grow faster than linearly with the number of name-like
    tokens in a row ("Jan Jan Jan ..." of 8,000 characters takes minutes and gigabytes).
    Short windows bound that; the overlap keeps a name at a window edge whole in one of them.
    """
    if len(text) <= WINDOW:
        yield 0, len(text)
        return
    start = 0
    while True:
        end = min(len(text), start + WINDOW)
        if end < len(text):
            cut = text.rfind(" ", start + WINDOW // 2, end)
            if cut > start:
                end = cut
        yield start, end
        if end >= len(text):
            return
        next_start = end - WINDOW_OVERLAP
        space = text.find(" ", next_start, end)
        start = space + 1 if space != -1 else next_start


def _overlaps(a: Vondst, b: Vondst) -> bool:
    return a.start < b.end and b.start < a.end


def _map_tag(tag: str, text: str) -> Soort | None:
    """Deduce's tag for an annotation to our kind; None for what we keep visible."""
    if tag in {"persoon", "patient"}:
        return "naam"
    if tag == "locatie":
        if _POSTCODE_FULL.fullmatch(text.strip()):
            return "postcode"
        has_digit = any(c.isdigit() for c in text)
        return "adres" if has_digit and not text.lower().startswith("postbus") else "locatie"
    if tag == "telefoonnummer":
        return None if is_service_number(text) else "telefoon"
    if tag == "id":
        return None if is_service_number(text) else "nummer"
    if tag == "url":
        return None if is_public_url(text) else "url"
    simple: dict[str, Soort] = {
        "bsn": "bsn",
        "emailadres": "email",
        "datum": "datum",
    }
    if tag in simple:
        return simple[tag]
    if tag in {"leeftijd", "ziekenhuis", "zorginstelling", "pseudo_name"}:
        return None
    return "nummer" if any(c.isdigit() for c in text) else "naam"


def _places_in_address_lines(text: str, places: list[Vondst], others: list[Vondst]) -> list[Vondst]:
    """Place names that complete an address ("Kerkstraat 12, 9903 AB Appingedam").

    A place name alone stays visible; right after a street, house number or postcode it is
    part of an address and goes.
    """
    anchors = sorted(v.end for v in others if v.kind in {"adres", "postcode"})
    kept: list[Vondst] = []
    for place in places:
        for end in anchors:
            if end <= place.start and _ADDRESS_LINE_GAP.fullmatch(text[end : place.start]):
                kept.append(place)
                break
    return kept


def _merge(text: str, found: list[Vondst]) -> list[Vondst]:
    """Merge overlapping spans (and same-kind spans split by spaces) into one each."""
    if not found:
        return []
    spans = sorted(found, key=lambda v: (v.start, -v.end))
    merged: list[Vondst] = []
    for v in spans:
        if merged:
            last = merged[-1]
            touching = (
                v.kind == last.kind
                and v.start >= last.end
                and text[last.end : v.start].strip(" -") == ""
                and v.start - last.end <= 3
            )
            if v.start < last.end or touching:
                kind = min((last.kind, v.kind), key=_RANK.__getitem__)
                merged[-1] = Vondst(kind, last.start, max(last.end, v.end))
                continue
        merged.append(v)
    return merged


def replace(text: str, vondsten: list[Vondst]) -> str:
    """Replace non-overlapping, sorted spans by their tags."""
    parts: list[str] = []
    pos = 0
    for v in vondsten:
        parts.append(text[pos : v.start])
        parts.append(v.tag)
        pos = v.end
    parts.append(text[pos:])
    return "".join(parts)


# --------------------------------------------------------------------------- process-wide

_lock = threading.Lock()
_instance: Deidentifier | None = None
_cache_dir: Path | None = None
_keep_terms: tuple[str, ...] = ()


def prepare(cache_dir: Path | None = None, keep_terms: Iterable[str] = ()) -> None:
    """Build or load the lookup lists now and install the process-wide instance.

    Call it from set-up (it writes the cache, about 2 s the first time) and at the start of
    the Rasa and action servers (loading the cache takes well under a second), so that no
    resident waits. All processes must use the same ``cache_dir``.

    Args:
        cache_dir: Cache directory; default :func:`default_cache_dir`.
        keep_terms: Words never scrubbed as name or place, e.g. the wijk names.
    """
    global _instance, _cache_dir, _keep_terms
    directory = cache_dir or default_cache_dir()
    terms = tuple(keep_terms)
    with _lock:
        model = load_deduce(directory)
        _instance = Deidentifier(model, keep_terms=terms)
        _cache_dir = directory
        _keep_terms = terms


def get_deidentifier() -> Deidentifier:
    """The process-wide :class:`Deidentifier`, built on first use (no I/O before that)."""
    global _instance
    if _instance is not None:
        return _instance
    with _lock:
        if _instance is None:
            model = load_deduce(_cache_dir or default_cache_dir())
            _instance = Deidentifier(model, keep_terms=_keep_terms)
        return _instance


def peek_deidentifier() -> Deidentifier | None:
    """The process-wide instance if it is already built, else None (never builds)."""
    return _instance
