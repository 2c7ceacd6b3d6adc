"""What every handler of the web app shares: the parts built at start-up, JSON errors, pages.

The rooms (chat, toegang, loket, beleid, beheer, organisatie) each have their own router module;
they import from here, never from ``web.app``, so the app factory can import them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from kern.gemeente import GemeenteProfiel
from kern.settings import Settings
from web.gesprekken import GesprekkenWisser
from web.limiet import Venster
from web.rasa_client import RasaClient


@dataclass
class Onderdelen:
    """What the handlers share; built once at start-up (``web.app.maak_app``)."""

    settings: Settings
    profiel: GemeenteProfiel
    engine: Engine
    session_factory: sessionmaker
    #: Signs staff sessions, CSRF tokens and organisation links (``var/web.key``).
    sleutel: bytes
    rasa: RasaClient
    wisser: GesprekkenWisser
    limiet: Venster
    max_tekens: int


def delen(request: Request) -> Onderdelen:
    """The app's :class:`Onderdelen` (a FastAPI dependency as well)."""
    result: Onderdelen = request.app.state.delen
    return result


def client_adres(request: Request) -> str:
    """The client's address; behind a trusted proxy uvicorn's middleware has already set it."""
    return request.client.host if request.client else "onbekend"


def fout(status: int, code: str, melding: str, **extra: Any) -> JSONResponse:
    """A JSON error with a Dutch message the widget and the staff pages show as it is."""
    return JSONResponse({"fout": code, "melding": melding, **extra}, status_code=status)


def pagina(
    request: Request, sjabloon: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    """Render a page with what every template may use.

    Always in the context: ``profiel``, ``teksten``, ``gebruiker`` (the logged-in staff member
    or ``None``) and ``csrf_token`` (for the hidden ``csrftoken`` field every form carries, see
    ``_csrf.html``).
    """
    from web import teksten
    from web.toegang import csrf_token, huidige_gebruiker

    sjablonen: Jinja2Templates = request.app.state.sjablonen
    basis = {
        "profiel": delen(request).profiel,
        "teksten": teksten,
        "gebruiker": huidige_gebruiker(request),
        "csrf_token": csrf_token(request),
    }
    antwoord: HTMLResponse = sjablonen.TemplateResponse(
        request, sjabloon, {**basis, **(context or {})}, status_code=status
    )
    return antwoord
