"""Random secrets kept in a file under var/ (mode 0600), created once at set-up."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def laad_of_maak(path: Path, lengte: int = 32) -> bytes:
    """Read the secret at ``path``; create it atomically when missing."""
    try:
        data = path.read_bytes()
        if len(data) >= lengte:
            return data
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(secrets.token_bytes(lengte))
    try:
        os.link(tmp, path)  # fails if another process created it first: keep theirs
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_bytes()
