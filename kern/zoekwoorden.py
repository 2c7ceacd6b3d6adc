"""What a zoekwoord is: the contract between the conversation (which keeps them) and the kaart.

The conversation stores the words of a hulpvraag that the kaart knows, to order its offers
(``triage.gesprek.Toestand.zoekwoorden``); the kaart makes them
(``sociale_kaart.zoeken.zoekwoorden_uit``) and reads them back. Both check stored words with
:func:`is_zoekwoord`, because a slot may be old or tampered with and must never carry free text.
"""

from __future__ import annotations

import re

#: At most this many words of a hulpvraag are kept to order the offers.
MAX_ZOEKWOORDEN = 8

#: A kept word: lower-case letters; a phrase of the synonym table: such words, single spaces.
_ZOEKWOORD = re.compile(r"[a-z]{3,64}|[a-z]+(?: [a-z]+){1,5}")


def is_zoekwoord(woord: object) -> bool:
    """Whether a stored value can be a zoekwoord at all: no digits, signs or capitals."""
    return isinstance(woord, str) and len(woord) <= 64 and bool(_ZOEKWOORD.fullmatch(woord))
