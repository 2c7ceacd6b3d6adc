"""The HMAC secret that turns a hulpvraag id into the signal's ``sleutel``.

Whoever has the secret *and* the conversation state (Rasa tracker store) can link a signal to
a conversation; whoever has only the signal table cannot. So the secret lives in its own
file (mode 0600) under ``Settings.var_dir``, never in the database. Losing it is harmless
apart from one thing: a hulpvraag that is still open gets a second row after its next turn.
"""

from __future__ import annotations

from pathlib import Path

from kern import geheim
from kern.geheim import GEHEIM_LENGTE
from signalen import SignaalFout

__all__ = ["BESTANDSNAAM", "GEHEIM_LENGTE", "geheim_pad", "laad_of_maak"]

BESTANDSNAAM = "signalen.geheim"


def geheim_pad(var_dir: Path) -> Path:
    """Where set-up keeps the secret: ``<var_dir>/signalen.geheim``."""
    return var_dir / BESTANDSNAAM


def laad_of_maak(path: Path) -> bytes:
    """Read the signal secret, creating it first when missing (see :mod:`kern.geheim`)."""
    try:
        return geheim.laad_of_maak(path)
    except geheim.GeheimFout as exc:
        raise SignaalFout(str(exc)) from None
