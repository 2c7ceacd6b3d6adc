"""Login, sessions, CSRF and who may open what (skeleton: the auth work fills this in).

Contract the staff rooms rely on:

- ``LOKET``, ``BELEID``, ``BEHEER``: FastAPI dependencies (``Depends(LOKET)``) that give the
  logged-in :class:`Ingelogd` holding that role. Anonymous: an HTML page redirects to
  ``/inloggen``, an ``/api/`` route answers 401 JSON; the wrong role gives 403.
- :func:`huidige_gebruiker` and :func:`csrf_token` for templates (``web.gedeeld.pagina``).
- Every form carries ``{% include "_csrf.html" %}``; scripts send the token of
  ``<meta name="csrf-token">`` as the ``x-csrftoken`` header.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import APIRouter, HTTPException, Request

from toegang.rollen import Rol

router = APIRouter()


@dataclass(frozen=True)
class Ingelogd:
    """The staff member behind this request."""

    gebruiker_id: int
    naam: str
    rollen: frozenset[Rol]


def huidige_gebruiker(request: Request) -> Ingelogd | None:
    """The logged-in staff member, or ``None``."""
    gebruiker: Ingelogd | None = getattr(request.state, "gebruiker", None)
    return gebruiker


def csrf_token(request: Request) -> str:
    """The CSRF token for this session's forms."""
    return ""


def vereist(rol: Rol) -> Callable[[Request], Ingelogd]:
    """A dependency that lets only staff with ``rol`` through."""

    def controleer(request: Request) -> Ingelogd:
        gebruiker = huidige_gebruiker(request)
        if gebruiker is None:
            raise HTTPException(401)
        if rol not in gebruiker.rollen:
            raise HTTPException(403)
        return gebruiker

    controleer.__name__ = f"vereist_{rol.value}"
    return controleer


LOKET = vereist(Rol.loket)
BELEID = vereist(Rol.beleid)
BEHEER = vereist(Rol.beheer)
