"""HMAC secrets kept in files of their own (mode 0600) under ``var/``, never in the database.

Used for the signals' ``sleutel`` (``Settings.signalen_geheim_path``) and for pseudonymous
sender ids in the tracker store (``Settings.tracker_sleutel_path``). Whoever has the signal
secret *and* the conversation state can link a signal to a conversation; whoever has only the
signal table cannot. Losing it is harmless apart from one thing: a hulpvraag that is still open
gets a second signal row after its next turn.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from pathlib import Path

logger = logging.getLogger(__name__)

GEHEIM_LENGTE = 32  # bytes; HMAC-SHA256 gains nothing from a longer key


class GeheimFout(ValueError):
    """A secret file exists but is not one we made; the message says what to do (Dutch)."""


def laad_of_maak(path: Path) -> bytes:
    """Read the secret, creating a random one (mode 0600) first if the file does not exist.

    Safe when several processes start at once: the new file is written completely under a
    temporary name and then hard-linked into place, which fails if another process won; the
    loser reads the winner's secret.

    Raises:
        GeheimFout: The file exists but cannot be read, or is too short to be a secret made
            by us. The Dutch message says what to do.
    """
    try:
        return _lees(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)  # whatever the umask says
            handle.write(secrets.token_bytes(GEHEIM_LENGTE))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another process was first: use its secret
            os.link(tijdelijk, path)
    finally:
        tijdelijk.unlink(missing_ok=True)
    return _lees(path)


def _lees(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:  # a directory, no permission, a disk error
        raise GeheimFout(
            f"{path} kan niet gelezen worden ({exc.strerror or exc}). Zet het bestand terug of "
            "herstel de rechten; verwijder het alleen als u een nieuw geheim wilt."
        ) from None
    if len(data) < GEHEIM_LENGTE:
        raise GeheimFout(
            f"{path} bevat geen geldig geheim (minstens {GEHEIM_LENGTE} bytes nodig). "
            "Zet het oorspronkelijke bestand terug, of verwijder het: dan maakt Wegwijzer een "
            "nieuw geheim."
        )
    if path.stat().st_mode & 0o077:
        logger.warning("%s is leesbaar voor anderen dan de eigenaar; zet het op 0600.", path)
    return data
