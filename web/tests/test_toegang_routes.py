"""Authorisation of EVERY route of the app, found at run time (so routes added later count too).

A route is public only when its path is on :data:`PUBLIEK` (the chat, the demo, the widget's
small API, the login pages, static files, the organisation link pages). Every other route must
declare ``LOKET``, ``BELEID`` or ``BEHEER`` as a dependency (read from ``route.dependant``), or
this test fails and names it. Then, for every method of every such route: anonymous gets a
redirect to /inloggen (pages) or 401 (``/api/``); an account without the role gets 403; an
account with it gets past the check. So ``loket`` cannot open beleid or beheer, ``beleid``
cannot change the kaart, and ``beheer`` alone cannot open loket or beleid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.routing import Mount

from kern.settings import Settings
from toegang.migraties import TOEGANG
from toegang.rollen import Rol
from web.app import maak_app
from web.tests.conftest import NepRasa
from web.tests.inlog_hulp import log_in_met_client

#: Exact public paths (as the route declares them).
PUBLIEK = {
    "/",
    "/demo",
    "/privacy",
    "/thema.css",
    "/logo.{soort}",
    "/api/config",
    "/api/status",
    "/api/bericht",
    "/api/wis",
    # Logout of whoever is logged in (CSRF-checked; anonymous is sent to the login page).
    "/uitloggen",
}
#: Public path prefixes: the login pages and the organisation link pages (a signed link each).
PUBLIEK_BEGIN = ("/inloggen", "/organisatie/")
METHODEN = ("GET", "POST", "PUT", "PATCH", "DELETE")
ROLSETS = [
    frozenset({Rol.loket}),
    frozenset({Rol.beleid}),
    frozenset({Rol.beheer}),
    frozenset({Rol.loket, Rol.beleid}),
    frozenset({Rol.loket, Rol.beleid, Rol.beheer}),
]


@dataclass(frozen=True)
class Route:
    pad: str
    methoden: frozenset[str]
    rollen: frozenset[Rol]
    #: Needs a login but no particular role (the API's own description).
    ingelogd: bool = False

    def url(self) -> str:
        return re.sub(r"\{[^}]+\}", "1", self.pad)


def _rollen_van(dependant: Any) -> set[Rol]:
    """Every role a dependency (or one of its own dependencies) requires."""
    gevonden: set[Rol] = set()
    for sub in getattr(dependant, "dependencies", []) or []:
        rol = getattr(sub.call, "vereiste_rol", None)
        if isinstance(rol, Rol):
            gevonden.add(rol)
        gevonden |= _rollen_van(sub)
    return gevonden


def _routes(app: Any) -> Iterator[tuple[Any, Any]]:
    """(route, its context) for every route, also inside included routers."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # FastAPI versions that flatten included routers into app.routes
        for route in app.routes:
            yield route, route
        return
    for context in iter_route_contexts(app.routes):
        yield context.original_route, context


def _vraagt_login(dependant: Any) -> bool:
    """Whether a dependency (or one of its own) is the any-staff-member check."""
    return any(
        getattr(sub.call, "vereist_ingelogd", False) or _vraagt_login(sub)
        for sub in getattr(dependant, "dependencies", []) or []
    )


def alle_routes(app: Any) -> tuple[list[Route], list[str]]:
    """The protected routes, and the public paths (to show what the allow-list let through)."""
    beschermd: list[Route] = []
    publiek: list[str] = []
    for route, context in _routes(app):
        if isinstance(route, Mount):
            assert route.path in ("", "/"), f"onverwachte mount {route.path}"
            publiek.append("(statische bestanden)")
            continue
        pad = str(getattr(context, "path", None) or getattr(route, "path", ""))
        methoden = frozenset(getattr(context, "methods", None) or ()) & set(METHODEN)
        if pad in PUBLIEK or pad.startswith(PUBLIEK_BEGIN):
            publiek.append(pad)
            continue
        dependant = getattr(context, "dependant", None) or getattr(route, "dependant", None)
        beschermd.append(
            Route(pad, methoden, frozenset(_rollen_van(dependant)), _vraagt_login(dependant))
        )
    return beschermd, publiek


@pytest.fixture
def app_en_settings(maak_settings: Callable[..., Settings], nep_rasa: NepRasa) -> tuple[Any, Settings]:
    settings = maak_settings()
    TOEGANG.migreer_url(settings.db_url)
    return maak_app(settings, rasa_transport=httpx.MockTransport(nep_rasa)), settings


@pytest.fixture
def snelle_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    from toegang import wachtwoord

    monkeypatch.setattr(wachtwoord, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_elke_niet_publieke_route_vraagt_een_rol(app_en_settings: tuple[Any, Settings]) -> None:
    app, _ = app_en_settings
    beschermd, publiek = alle_routes(app)
    zonder = [
        f"{sorted(r.methoden)} {r.pad}" for r in beschermd if not r.rollen and not r.ingelogd
    ]
    assert not zonder, f"routes zonder LOKET/BELEID/BEHEER en niet op de publieke lijst: {zonder}"
    # The allow-list is not so wide that it swallows the staff rooms.
    assert not [p for p in publiek if p.startswith(("/loket", "/beleid", "/beheer", "/api/v1/"))]
    # The enumeration really reaches into the included routers.
    assert any(p.startswith("/inloggen") for p in publiek)


def test_anoniem_wordt_naar_inloggen_gestuurd_of_krijgt_401(app_en_settings: tuple[Any, Settings]) -> None:
    app, _ = app_en_settings
    beschermd, _ = alle_routes(app)
    with TestClient(app, base_url="http://127.0.0.1:8080", raise_server_exceptions=False) as c:
        for route in beschermd:
            for methode in route.methoden:
                antwoord = c.request(methode, route.url(), follow_redirects=False)
                if route.pad.startswith("/api/"):
                    assert antwoord.status_code == 401, (methode, route.pad, antwoord.status_code)
                    assert antwoord.json()["fout"] == "niet_ingelogd"
                else:
                    assert antwoord.status_code == 303, (methode, route.pad, antwoord.status_code)
                    assert antwoord.headers["location"].startswith("/inloggen")


def test_het_publieke_deel_vraagt_geen_login(app_en_settings: tuple[Any, Settings]) -> None:
    app, _ = app_en_settings
    with TestClient(app, base_url="http://127.0.0.1:8080", raise_server_exceptions=False) as c:
        for pad in ("/", "/demo", "/privacy", "/thema.css", "/api/config", "/inloggen"):
            assert c.get(pad, follow_redirects=False).status_code == 200, pad


@pytest.mark.parametrize("rollen", ROLSETS, ids=lambda r: "+".join(sorted(x.value for x in r)))
def test_alleen_wie_de_rol_heeft_komt_erin(
    app_en_settings: tuple[Any, Settings], snelle_hash: None, rollen: frozenset[Rol]
) -> None:
    app, settings = app_en_settings
    beschermd, _ = alle_routes(app)
    with TestClient(app, base_url="http://127.0.0.1:8080", raise_server_exceptions=False) as c:
        log_in_met_client(c, settings, [r.value for r in rollen])
        for route in beschermd:
            for methode in route.methoden:
                antwoord = c.request(methode, route.url(), follow_redirects=False)
                wat = (sorted(r.value for r in rollen), methode, route.pad, antwoord.status_code)
                if route.rollen <= rollen:
                    assert antwoord.status_code not in (401, 403), wat
                    if antwoord.status_code in (302, 303, 307):
                        assert not antwoord.headers["location"].startswith("/inloggen"), wat
                else:
                    assert antwoord.status_code == 403, wat
                    tekst = antwoord.text
                    assert "geen toegang" in tekst.lower() or "geen_toegang" in tekst, wat


def test_rollen_van_de_kamers_kloppen(app_en_settings: tuple[Any, Settings]) -> None:
    """Loket pages need loket, beleid pages beleid, beheer pages beheer (no room is mixed up)."""
    app, _ = app_en_settings
    beschermd, _ = alle_routes(app)
    for route in beschermd:
        for kamer in ("loket", "beleid", "beheer"):
            if route.pad == f"/{kamer}" or route.pad.startswith((f"/{kamer}/", f"/api/v1/{kamer}/")):
                assert Rol(kamer) in route.rollen, (route.pad, route.rollen)


def test_de_controle_vangt_een_vergeten_route(app_en_settings: tuple[Any, Settings]) -> None:
    """The enumeration flags a staff route that forgot its dependency (the test can fail)."""
    from fastapi import APIRouter, Depends

    from web.toegang import BELEID

    app, _ = app_en_settings
    extra = APIRouter()

    @extra.get("/beleid/vergeten")
    async def vergeten() -> dict[str, str]:
        return {}

    @extra.get("/beleid/goed", dependencies=[Depends(BELEID)])
    async def goed() -> dict[str, str]:
        return {}

    app.include_router(extra)
    beschermd, _ = alle_routes(app)
    per_pad = {r.pad: r.rollen for r in beschermd}
    assert per_pad["/beleid/vergeten"] == frozenset()
    assert per_pad["/beleid/goed"] == {Rol.beleid}
