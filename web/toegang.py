"""Login, sessions, CSRF and who may open what.

Contract the staff rooms rely on:

- ``LOKET``, ``BELEID``, ``BEHEER``: FastAPI dependencies (``Depends(LOKET)``) that give the
  logged-in :class:`Ingelogd` holding that role. Anonymous: an HTML page redirects to
  ``/inloggen``, an ``/api/`` route answers 401 JSON; the wrong role gives 403 (a Dutch page,
  or JSON under ``/api/``). On every request that can change something (not GET/HEAD/OPTIONS)
  they also check the CSRF token: form field ``csrftoken`` or header ``x-csrftoken``.
- :func:`huidige_gebruiker` and :func:`csrf_token` for templates (``web.gedeeld.pagina``).
- Every form carries ``{% include "_csrf.html" %}``; scripts send the token of
  ``<meta name="csrf-token">`` as the ``x-csrftoken`` header.

The logic (passwords, second factor, sessions, delay, log) is :mod:`toegang.poort`; this
module is the HTTP side: cookies, the login pages, the session middleware (:class:`Sessies`),
and the error pages. The session cookie holds only a random token (``HttpOnly``,
``SameSite=Strict``, ``Path=/``, ``Secure`` when the request came over https). The CSRF token
is an HMAC of that token with ``Onderdelen.sleutel``; before login it is an HMAC of a random
value in a separate cookie, so the login form is protected too. The widget's public POSTs
(``/api/bericht``, ``/api/wis``) carry no cookies and are not touched.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.requests import HTTPConnection

from toegang import tweede_factor
from toegang.poort import Poort, Sessie, Uitkomst
from toegang.rollen import Rol
from web.gedeeld import client_adres, delen, fout, pagina

logger = logging.getLogger("wegwijzer.web.toegang")

router = APIRouter()

SESSIE_COOKIE = "wegwijzer_sessie"
INLOG_COOKIE = "wegwijzer_inlog"
CSRF_VELD = "csrftoken"
CSRF_KOP = "x-csrftoken"
VEILIGE_METHODEN = frozenset({"GET", "HEAD", "OPTIONS"})
#: The first room each role opens after login, in this order.
KAMERS = ((Rol.loket, "/loket"), (Rol.beleid, "/beleid"), (Rol.beheer, "/beheer"))
MAX_VELD = 512

NIET_INGELOGD = "Log eerst in om deze pagina te gebruiken."
GEEN_TOEGANG = "U heeft geen toegang tot deze pagina. Vraag een beheerder om de juiste rol."
CSRF_FOUT = (
    "Dit formulier is verlopen of komt niet van deze website. Laad de pagina opnieuw en "
    "probeer het nog eens."
)
FOUT_INLOG = "De naam of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw."
FOUT_CODE = "De code klopt niet of is al gebruikt. Wacht op de volgende code en probeer het opnieuw."
VERLOPEN = "U was {minuten} minuten niet actief en bent daarom uitgelogd. Log opnieuw in."
UITGELOGD = "U bent uitgelogd."
STAP_VERLOPEN = "Het inloggen duurde te lang. Begin opnieuw met uw naam en wachtwoord."


def te_vaak(seconden: int) -> str:
    """The Dutch note when logins from here are slowed down."""
    eenheid = "seconde" if seconden == 1 else "seconden"
    return (
        f"Te vaak een verkeerd wachtwoord of een verkeerde code. Wacht {seconden} {eenheid} "
        "en probeer het dan opnieuw. Dit geldt alleen voor deze computer."
    )


@dataclass(frozen=True)
class Ingelogd:
    """The staff member behind this request."""

    gebruiker_id: int
    naam: str
    rollen: frozenset[Rol]


class NietIngelogd(HTTPException):
    """No (valid) session: an HTML page sends the visitor to the login page."""

    def __init__(self) -> None:
        super().__init__(401, NIET_INGELOGD)


class GeenToegang(HTTPException):
    """Logged in, but not allowed here (wrong role or a missing/wrong CSRF token)."""

    def __init__(self, melding: str = GEEN_TOEGANG, code: str = "geen_toegang") -> None:
        super().__init__(403, melding)
        self.code = code


# -- tokens ------------------------------------------------------------------------------------


def _hmac(sleutel: bytes, doel: str, waarde: str) -> str:
    return hmac.new(sleutel, f"{doel}:{waarde}".encode(), hashlib.sha256).hexdigest()


def csrf_voor(sleutel: bytes, sessie_token: str) -> str:
    """The CSRF token bound to a session token."""
    return _hmac(sleutel, "csrf", sessie_token)


def _staat(request: HTTPConnection) -> MutableMapping[str, Any]:
    state: MutableMapping[str, Any] = request.scope.setdefault("state", {})
    return state


def huidige_gebruiker(request: Request) -> Ingelogd | None:
    """The logged-in staff member, or ``None``."""
    gebruiker: Ingelogd | None = getattr(request.state, "gebruiker", None)
    return gebruiker


def _sessie_token(request: Request) -> str | None:
    token: str | None = _staat(request).get("sessie_token")
    return token


def csrf_token(request: Request) -> str:
    """The CSRF token for this session's forms (before login: for the login form)."""
    sleutel = delen(request).sleutel
    token = _sessie_token(request)
    if token:
        return csrf_voor(sleutel, token)
    nonce = _staat(request).get("inlog_nonce") or request.cookies.get(INLOG_COOKIE)
    return _hmac(sleutel, "inlog", nonce) if nonce else ""


def _klopt(verwacht: str, gegeven: str | None) -> bool:
    return bool(verwacht) and bool(gegeven) and hmac.compare_digest(verwacht, str(gegeven))


async def _gegeven_token(request: Request) -> str | None:
    """The token the request carries: the header, or the form field of a form post."""
    kop = request.headers.get(CSRF_KOP)
    if kop:
        return kop
    soort = request.headers.get("content-type", "")
    if soort.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        formulier = await request.form()
        waarde = formulier.get(CSRF_VELD)
        return waarde if isinstance(waarde, str) else None
    return None


async def controleer_csrf(request: Request) -> None:
    """Raise :class:`GeenToegang` unless the request carries this session's CSRF token."""
    if request.method in VEILIGE_METHODEN:
        return
    if not _klopt(csrf_token(request), await _gegeven_token(request)):
        raise GeenToegang(CSRF_FOUT, "csrf")


# -- who may open what -------------------------------------------------------------------------


def vereist(rol: Rol) -> Callable[[Request], Awaitable[Ingelogd]]:
    """A dependency that lets only staff with ``rol`` through (and checks CSRF on changes)."""

    async def controleer(request: Request) -> Ingelogd:
        gebruiker = huidige_gebruiker(request)
        if gebruiker is None:
            raise NietIngelogd()
        if rol not in gebruiker.rollen:
            raise GeenToegang()
        await controleer_csrf(request)
        return gebruiker

    controleer.__name__ = f"vereist_{rol.value}"
    controleer.vereiste_rol = rol  # type: ignore[attr-defined]
    return controleer


LOKET = vereist(Rol.loket)
BELEID = vereist(Rol.beleid)
BEHEER = vereist(Rol.beheer)


async def medewerker(request: Request) -> Ingelogd:
    """Any logged-in staff member, whatever the role (the API's own description)."""
    gebruiker = huidige_gebruiker(request)
    if gebruiker is None:
        raise NietIngelogd()
    await controleer_csrf(request)
    return gebruiker


medewerker.vereist_ingelogd = True  # type: ignore[attr-defined]
MEDEWERKER = medewerker


def eerste_kamer(rollen: frozenset[Rol]) -> str:
    """Where a staff member lands after login when no (valid) ``terug`` was asked."""
    for rol, pad in KAMERS:
        if rol in rollen:
            return pad
    return "/"


_LOKAAL = re.compile(r"^/(?![/\\])[\x21-\x7e]*$")


def veilig_terug(terug: str | None) -> str | None:
    """``terug`` when it is a path on this site (no open redirect), else ``None``."""
    if not terug or len(terug) > MAX_VELD or not _LOKAAL.fullmatch(terug):
        return None
    delen_ = urlsplit(terug)
    if delen_.scheme or delen_.netloc or "\\" in terug:
        return None
    if delen_.path.startswith(("/inloggen", "/uitloggen")):
        return None
    return terug


# -- the session middleware --------------------------------------------------------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def poort(request: HTTPConnection) -> Poort:
    """The login service of this app (made on first use from the shared parts)."""
    staat = request.app.state
    gevonden: Poort | None = getattr(staat, "poort", None)
    if gevonden is None:
        d = staat.delen
        gevonden = Poort.uit_settings(d.settings, d.session_factory)
        staat.poort = gevonden
    return gevonden


def _cookie_weg(naam: str) -> bytes:
    return f"{naam}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict".encode("latin-1")


class Sessies:
    """Reads the session cookie on every request and puts the staff member in ``request.state``.

    ``state.gebruiker``: :class:`Ingelogd` of a complete login (else ``None``);
    ``state.sessie``: the :class:`toegang.poort.Sessie` (also half-way, before the code);
    ``state.sessie_token``: the raw token (for the CSRF token); ``state.sessie_verlopen``: the
    cookie's session had just expired (the login page says so). An unusable cookie is deleted.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """ASGI entry point."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        verbinding = HTTPConnection(scope)
        token = verbinding.cookies.get(SESSIE_COOKIE)
        staat = scope.setdefault("state", {})
        staat["gebruiker"] = None
        wissen = False
        if token:
            sessie, verlopen = await asyncio.to_thread(poort(verbinding).sessie, token)
            if sessie is None:
                wissen = True
                staat["sessie_verlopen"] = verlopen
            else:
                staat["sessie"] = sessie
                staat["sessie_token"] = token
                if sessie.voltooid:
                    a = sessie.account
                    staat["gebruiker"] = Ingelogd(a.id, a.naam, a.rollen)

        async def verstuur(message: Message) -> None:
            if wissen and message["type"] == "http.response.start":
                koppen = list(message.get("headers", []))
                if not any(
                    k.lower() == b"set-cookie" and v.startswith(SESSIE_COOKIE.encode())
                    for k, v in koppen
                ):
                    koppen.append((b"set-cookie", _cookie_weg(SESSIE_COOKIE)))
                message["headers"] = koppen
            await send(message)

        await self.app(scope, receive, verstuur)


# -- error pages -------------------------------------------------------------------------------


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _niet_ingelogd(request: Request, exc: Exception) -> Response:
    if _is_api(request):
        return fout(401, "niet_ingelogd", NIET_INGELOGD)
    doel = "/inloggen"
    vraag = []
    if request.method == "GET":
        terug = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if veilig_terug(terug):
            vraag.append(f"terug={quote(terug, safe='/')}")
    if _staat(request).get("sessie_verlopen"):
        vraag.append("verlopen=1")
    if vraag:
        doel += "?" + "&".join(vraag)
    return RedirectResponse(doel, status_code=303)


async def _geen_toegang(request: Request, exc: Exception) -> Response:
    melding = exc.detail if isinstance(exc, HTTPException) else GEEN_TOEGANG
    code = getattr(exc, "code", "geen_toegang")
    if _is_api(request):
        return fout(403, code, melding)
    return pagina(request, "inloggen_geweigerd.html", {"melding": melding}, status=403)


def installeer(app: FastAPI) -> None:
    """Add the session middleware and the 401/403 handlers to ``app`` (``web.app`` calls it)."""
    app.add_exception_handler(NietIngelogd, _niet_ingelogd)
    app.add_exception_handler(GeenToegang, _geen_toegang)
    app.add_middleware(Sessies)


# -- cookies -----------------------------------------------------------------------------------


def _zet_sessie(request: Request, antwoord: Response, token: str) -> None:
    antwoord.set_cookie(
        SESSIE_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )


def _nieuwe_nonce(request: Request) -> str:
    nonce = secrets.token_urlsafe(24)
    _staat(request)["inlog_nonce"] = nonce
    return nonce


def _zet_nonce(request: Request, antwoord: Response) -> None:
    nonce = _staat(request).get("inlog_nonce")
    if nonce:
        antwoord.set_cookie(
            INLOG_COOKIE,
            nonce,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/inloggen",
        )


# -- the login pages ---------------------------------------------------------------------------


def _veld(formulier: Any, naam: str) -> str:
    waarde = formulier.get(naam)
    return waarde[:MAX_VELD] if isinstance(waarde, str) else ""


def _met_terug(pad: str, terug: str | None) -> str:
    return f"{pad}?terug={quote(terug, safe='/')}" if terug else pad


def _inlogpagina(
    request: Request,
    terug: str | None,
    melding: str | None = None,
    soort: str = "fout",
    naam: str = "",
    status: int = 200,
) -> Response:
    nonce = request.cookies.get(INLOG_COOKIE)
    if not nonce or status != 200:
        nonce = _nieuwe_nonce(request)
    # Bound to the login cookie, also when a half-way session cookie is present (start over).
    token = _hmac(delen(request).sleutel, "inlog", nonce)
    antwoord = pagina(
        request,
        "inloggen.html",
        {
            "terug": terug or "",
            "melding": melding,
            "soort": soort,
            "naam": naam,
            "csrf_token": token,
        },
        status=status,
    )
    _zet_nonce(request, antwoord)
    return antwoord


def _halve_sessie(request: Request) -> Sessie | None:
    sessie: Sessie | None = _staat(request).get("sessie")
    return sessie if sessie is not None and not sessie.voltooid else None


async def _na_uitkomst(request: Request, uitkomst: Uitkomst, terug: str | None) -> Response:
    """The redirect after a successful step, with the new session cookie."""
    assert uitkomst.token is not None
    if uitkomst.stap == "binnen":
        sessie, _ = await asyncio.to_thread(poort(request).sessie, uitkomst.token)
        rollen = sessie.account.rollen if sessie else frozenset()
        doel = terug or eerste_kamer(rollen)
    else:
        doel = _met_terug(f"/inloggen/{uitkomst.stap}", terug)
    antwoord = RedirectResponse(doel, status_code=303)
    _zet_sessie(request, antwoord, uitkomst.token)
    antwoord.delete_cookie(INLOG_COOKIE, path="/inloggen")
    return antwoord


@router.get("/inloggen", response_class=HTMLResponse, include_in_schema=False)
async def inlogpagina(
    request: Request, terug: str | None = None, verlopen: str | None = None, uit: str | None = None
) -> Response:
    """The login form (name and password)."""
    terug = veilig_terug(terug)
    gebruiker = huidige_gebruiker(request)
    if gebruiker is not None:
        return RedirectResponse(terug or eerste_kamer(gebruiker.rollen), status_code=303)
    melding, soort = None, "info"
    if verlopen or _staat(request).get("sessie_verlopen"):
        melding = VERLOPEN.format(minuten=delen(request).settings.sessie_idle_minuten)
    elif uit:
        melding, soort = UITGELOGD, "goed"
    return _inlogpagina(request, terug, melding, soort)


@router.post("/inloggen", response_class=HTMLResponse, include_in_schema=False)
async def inloggen(request: Request) -> Response:
    """Step one: name and password."""
    formulier = await request.form()
    terug = veilig_terug(_veld(formulier, "terug"))
    naam = _veld(formulier, "naam")
    nonce = request.cookies.get(INLOG_COOKIE)
    verwacht = _hmac(delen(request).sleutel, "inlog", nonce) if nonce else ""
    if not _klopt(verwacht, _veld(formulier, CSRF_VELD)):
        return _inlogpagina(request, terug, CSRF_FOUT, naam=naam, status=403)
    wachtwoord_ = formulier.get("wachtwoord")
    uitkomst = await asyncio.to_thread(
        poort(request).meld_aan,
        naam,
        wachtwoord_ if isinstance(wachtwoord_, str) else "",
        client_adres(request),
    )
    if uitkomst.stap == "wachten":
        return _inlogpagina(request, terug, te_vaak(uitkomst.wacht_seconden), naam=naam, status=429)
    if uitkomst.stap == "geweigerd":
        melding = FOUT_INLOG
        if uitkomst.wacht_seconden:
            melding += " " + te_vaak(uitkomst.wacht_seconden)
        return _inlogpagina(request, terug, melding, naam=naam, status=401)
    return await _na_uitkomst(request, uitkomst, terug)


async def _stap_pagina(
    request: Request,
    sessie: Sessie,
    terug: str | None,
    melding: str | None = None,
    status: int = 200,
) -> Response:
    if sessie.moet_instellen:
        geheim = await asyncio.to_thread(
            poort(request).geheim_voor_instellen, _sessie_token(request) or ""
        )
        if geheim is None:
            return RedirectResponse("/inloggen", status_code=303)
        uri = tweede_factor.provisioning_uri(geheim, sessie.account.naam, delen(request).profiel.naam)
        return pagina(
            request,
            "inloggen_instellen.html",
            {
                "terug": terug or "",
                "melding": melding,
                "geheim": geheim,
                "geheim_groepen": " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4)),
                "qr": Markup(tweede_factor.qr_svg(uri)),  # segno's own markup, no user text
                "naam": sessie.account.naam,
            },
            status=status,
        )
    return pagina(
        request, "inloggen_code.html", {"terug": terug or "", "melding": melding}, status=status
    )


async def _stap_get(request: Request, terug: str | None, instellen: bool) -> Response:
    terug = veilig_terug(terug)
    sessie = _halve_sessie(request)
    if sessie is None or sessie.moet_instellen != instellen:
        if huidige_gebruiker(request) is not None:
            return RedirectResponse(terug or "/inloggen", status_code=303)
        if sessie is not None:  # the other second step is the right one
            doel = "instellen" if sessie.moet_instellen else "code"
            return RedirectResponse(_met_terug(f"/inloggen/{doel}", terug), status_code=303)
        return _inlogpagina(request, terug, STAP_VERLOPEN)
    return await _stap_pagina(request, sessie, terug)


async def _stap_post(request: Request) -> Response:
    formulier = await request.form()
    terug = veilig_terug(_veld(formulier, "terug"))
    sessie = _halve_sessie(request)
    token = _sessie_token(request)
    if sessie is None or token is None:
        return _inlogpagina(request, terug, STAP_VERLOPEN)
    if not _klopt(csrf_token(request), _veld(formulier, CSRF_VELD)):
        return await _stap_pagina(request, sessie, terug, CSRF_FOUT, status=403)
    uitkomst = await asyncio.to_thread(
        poort(request).bevestig_code, token, _veld(formulier, "code"), client_adres(request)
    )
    if uitkomst.stap == "wachten":
        return await _stap_pagina(request, sessie, terug, te_vaak(uitkomst.wacht_seconden), 429)
    if uitkomst.stap == "geweigerd":
        melding = FOUT_CODE
        if uitkomst.wacht_seconden:
            melding += " " + te_vaak(uitkomst.wacht_seconden)
        return await _stap_pagina(request, sessie, terug, melding, status=401)
    return await _na_uitkomst(request, uitkomst, terug)


@router.get("/inloggen/code", response_class=HTMLResponse, include_in_schema=False)
async def codepagina(request: Request, terug: str | None = None) -> Response:
    """Step two: the code of the authenticator app."""
    return await _stap_get(request, terug, instellen=False)


@router.post("/inloggen/code", response_class=HTMLResponse, include_in_schema=False)
async def code(request: Request) -> Response:
    """Check the code of step two."""
    return await _stap_post(request)


@router.get("/inloggen/instellen", response_class=HTMLResponse, include_in_schema=False)
async def instelpagina(request: Request, terug: str | None = None) -> Response:
    """Enrol a second factor: the secret as text and as a QR code, confirmed by a first code."""
    return await _stap_get(request, terug, instellen=True)


@router.post("/inloggen/instellen", response_class=HTMLResponse, include_in_schema=False)
async def instellen(request: Request) -> Response:
    """Confirm the enrolment with the first code."""
    return await _stap_post(request)


@router.post("/uitloggen", include_in_schema=False)
async def uitloggen(request: Request) -> Response:
    """End the session (CSRF-checked, so no other site can log a colleague out)."""
    token = _sessie_token(request)
    if token is None:
        return RedirectResponse("/inloggen", status_code=303)
    formulier = await request.form()
    gegeven = request.headers.get(CSRF_KOP) or _veld(formulier, CSRF_VELD)
    if not _klopt(csrf_token(request), gegeven):
        raise GeenToegang(CSRF_FOUT, "csrf")
    await asyncio.to_thread(poort(request).log_uit, token, client_adres(request))
    antwoord = RedirectResponse("/inloggen?uit=1", status_code=303)
    antwoord.delete_cookie(SESSIE_COOKIE, path="/", httponly=True, samesite="strict")
    return antwoord
