"""Logging in from tests through the real login pages (TestClient side of ``medewerker``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import httpx
from fastapi.testclient import TestClient

from kern.db import make_engine, make_session_factory
from kern.settings import Settings
from toegang import accounts, tweede_factor
from toegang.accounts import nu_utc
from toegang.migraties import TOEGANG
from toegang.rollen import Rol
from web.toegang import CSRF_KOP, SESSIE_COOKIE, csrf_voor

#: Passes the policy (long, not common, not the name).
WACHTWOORD = "paarse olifant fietst naar de markt"
_CSRF = re.compile(r'name="csrftoken" value="([^"]+)"')
_GEHEIM = re.compile(r'data-geheim="([A-Z2-7]+)"')


def csrf_uit(html: str) -> str:
    """The CSRF token of the (first) form on a page."""
    gevonden = _CSRF.search(html)
    assert gevonden, "geen csrftoken in de pagina"
    return gevonden.group(1)


def maak_account(
    settings: Settings, naam: str, rollen: Iterable[str], wachtwoord: str = WACHTWOORD
) -> accounts.Account:
    """Migrate the access tables of the app's database and create an account there."""
    TOEGANG.migreer_url(settings.db_url)
    engine = make_engine(settings.db_url)
    try:
        return accounts.maak(
            make_session_factory(engine), naam, wachtwoord, accounts.lees_rollen(rollen)
        )
    finally:
        engine.dispose()


def post_inloggen(
    c: TestClient, naam: str, wachtwoord: str = WACHTWOORD, terug: str = ""
) -> httpx.Response:
    """Open the login page and post name and password with its CSRF token (no redirects)."""
    pagina = c.get("/inloggen")
    return c.post(
        "/inloggen",
        data={
            "naam": naam,
            "wachtwoord": wachtwoord,
            "csrftoken": csrf_uit(pagina.text),
            "terug": terug,
        },
        follow_redirects=False,
    )


def tweede_stap(
    c: TestClient, antwoord: httpx.Response, geheimen: dict[str, str], naam: str
) -> httpx.Response:
    """Answer the code or enrolment step when ``antwoord`` leads there; else return it."""
    doel = antwoord.headers.get("location", "")
    if doel.startswith("/inloggen/instellen"):
        pagina = c.get(doel)
        gevonden = _GEHEIM.search(pagina.text)
        assert gevonden, "geen sleutel op de instelpagina"
        geheimen[naam] = gevonden.group(1)
        return c.post(
            "/inloggen/instellen",
            data={
                "code": tweede_factor.code_voor(geheimen[naam], nu_utc()),
                "csrftoken": csrf_uit(pagina.text),
            },
            follow_redirects=False,
        )
    if doel.startswith("/inloggen/code"):
        pagina = c.get(doel)
        return c.post(
            "/inloggen/code",
            data={
                "code": tweede_factor.code_voor(geheimen[naam], nu_utc()),
                "csrftoken": csrf_uit(pagina.text),
            },
            follow_redirects=False,
        )
    return antwoord


def zet_csrf_kop(c: TestClient) -> None:
    """Send this session's CSRF token on every request of ``c`` (as the staff scripts do)."""
    token = c.cookies.get(SESSIE_COOKIE)
    assert token, "geen sessiecookie: inloggen mislukt"
    c.headers[CSRF_KOP] = csrf_voor(c.app.state.delen.sleutel, token)  # type: ignore[attr-defined]


def log_in_met_client(
    c: TestClient, settings: Settings, rollen: Iterable[str], volgnummer: int = 1
) -> str:
    """Create an account with ``rollen``, log ``c`` in as it, set the CSRF header; its name."""
    rollen = tuple(rollen)
    if not rollen:
        raise ValueError("medewerker(...) heeft minstens één rol nodig")
    for rol in rollen:
        Rol(rol)
    naam = f"test-{'-'.join(rollen)}-{volgnummer}"
    maak_account(settings, naam, rollen)
    antwoord = tweede_stap(c, post_inloggen(c, naam), {}, naam)
    assert antwoord.status_code == 303, antwoord.text[:500]
    assert not antwoord.headers["location"].startswith("/inloggen"), antwoord.headers["location"]
    zet_csrf_kop(c)
    return naam
