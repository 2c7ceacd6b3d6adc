"""The password policy and argon2id hashing.

The policy follows current NCSC (and NIST SP 800-63B) advice: length over complexity. At
least :data:`MIN_LENGTE` characters, long passphrases welcome up to :data:`MAX_LENGTE`, no
composition rules (no "one capital, one digit"), and refused when it is a commonly used
password, the account name, or a common password with only digits or punctuation around it.
The list of common passwords is the one zxcvbn ships (30,000 from real leaks) plus a few
Dutch ones; it is read on first use, never at import time.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from toegang import ToegangFout

MIN_LENGTE = 12
MAX_LENGTE = 128

#: Dutch passwords that the English leak lists under-represent.
NEDERLANDS = frozenset(
    {
        "wachtwoord",
        "welkom",
        "welkom01",
        "geheim",
        "gemeente",
        "wegwijzer",
        "voorjaar",
        "zomer",
        "najaar",
        "winter",
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "amsterdam",
        "rotterdam",
        "utrecht",
        "nederland",
        "holland",
        "ajax",
        "feyenoord",
        "psv",
        "qwertyuiop",
        "azertyuiop",
        "wachtwoordje",
        "hallo",
        "hallohallo",
        "sociaaldomein",
        "wmoloket",
    }
)

#: argon2id with the library's defaults (RFC 9106 "low memory" profile: t=3, m=64 MiB, p=4).
_HASHER = PasswordHasher()
#: Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
_NEP_HASH: list[str] = []

_RAND = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@lru_cache(maxsize=1)
def veelgebruikt() -> frozenset[str]:
    """The common passwords (lower case), loaded once."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(w.lower() for w in FREQUENCY_LISTS["passwords"]) | NEDERLANDS


def _normaal(tekst: str) -> str:
    return unicodedata.normalize("NFKC", tekst).casefold()


def _kernen(wachtwoord: str) -> set[str]:
    """The password and what is left of it without digits/punctuation around it or repeats."""
    kernen = {wachtwoord, _RAND.sub("", wachtwoord), wachtwoord.replace(" ", "")}
    for kern in list(kernen):
        for lengte in range(1, len(kern) // 2 + 1):
            if len(kern) % lengte == 0 and kern[:lengte] * (len(kern) // lengte) == kern:
                kernen.add(kern[:lengte])
                break
    return {k for k in kernen if k}


def controleer(wachtwoord: str, naam: str) -> None:
    """Raise :class:`ToegangFout` with a Dutch reason when ``wachtwoord`` may not be used."""
    lengte = len(wachtwoord)
    if lengte < MIN_LENGTE:
        raise ToegangFout(
            f"Het wachtwoord is te kort: gebruik minstens {MIN_LENGTE} tekens. Een zin van "
            "een paar woorden is sterk en goed te onthouden."
        )
    if lengte > MAX_LENGTE:
        raise ToegangFout(f"Het wachtwoord is te lang: gebruik hoogstens {MAX_LENGTE} tekens.")
    if wachtwoord != wachtwoord.strip() or any(unicodedata.category(t) == "Cc" for t in wachtwoord):
        raise ToegangFout(
            "Het wachtwoord mag niet met een spatie beginnen of eindigen en geen "
            "onzichtbare tekens bevatten."
        )
    normaal = _normaal(wachtwoord)
    if len(set(normaal)) < 4:
        raise ToegangFout("Het wachtwoord bestaat uit te weinig verschillende tekens.")
    eigen = _normaal(naam)
    if eigen and eigen in normaal:
        raise ToegangFout("Het wachtwoord mag de accountnaam niet bevatten.")
    lijst = veelgebruikt()
    if any(kern in lijst for kern in _kernen(normaal)):
        raise ToegangFout(
            "Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies een "
            "ander, bijvoorbeeld een zin van een paar woorden."
        )


def maak_hash(wachtwoord: str) -> str:
    """The argon2id hash to store (salt and parameters included)."""
    return _HASHER.hash(wachtwoord)


def klopt(hash_: str, wachtwoord: str) -> bool:
    """Whether ``wachtwoord`` matches the stored hash (constant time in the library)."""
    try:
        return bool(_HASHER.verify(hash_, wachtwoord))
    except (VerificationError, InvalidHashError):
        return False


def moet_opnieuw(hash_: str) -> bool:
    """Whether the hash was made with older parameters and should be replaced at login."""
    try:
        return _HASHER.check_needs_rehash(hash_)
    except InvalidHashError:
        return True


def nep_controle(wachtwoord: str) -> None:
    """Spend the time of a real check, for a name that does not exist (no timing oracle)."""
    if not _NEP_HASH:
        _NEP_HASH.append(_HASHER.hash("geen-account-met-deze-naam"))
    klopt(_NEP_HASH[0], wachtwoord)
