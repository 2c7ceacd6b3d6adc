"""The public web app: the resident chat page, the demo page, the widget and its small API.

It is the only public entry: Rasa and the action server stay on 127.0.0.1 behind it. Handlers
are thin; pairing Rasa's answer, deleting a conversation and the headers live in their own
modules. No message text is ever logged.

Run with ``uvicorn web.app:maak_app --factory`` (``make run`` does).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from kern.db import make_engine, make_session_factory
from kern.geheim import laad_of_maak
from kern.gemeente import load_profiel
from kern.settings import Settings
from triage.poort import MAX_BERICHT, keur
from triage.teksten import bericht_te_lang
from web import beheer, beleid, labelen, loket, organisatie, teksten, toegang
from web.beveiliging import BeveiligingsKoppen, MaxBody
from web.gedeeld import Onderdelen, client_adres, delen, fout
from web.gesprekken import GesprekkenWisser
from web.limiet import Venster
from web.rasa_client import Bericht, RasaClient, RasaOnbereikbaar

logger = logging.getLogger("wegwijzer.web")

HIER = Path(__file__).resolve().parent
STATIC = HIER / "static" / "build"  # written by `npm run build` (make setup)
#: A conversation id as the widget makes it (crypto.randomUUID) or any similar random token.
GESPREK_ID = r"^[A-Za-z0-9_-]{16,64}$"
#: No request of the widget is larger than this; the message limit itself is in characters.
MAX_BODY = 64 * 1024


class BerichtVraag(BaseModel):
    """One resident message from the widget."""

    gesprek: str = Field(pattern=GESPREK_ID)
    tekst: str = Field(max_length=MAX_BODY)


class WisVraag(BaseModel):
    """The resident asks to erase this conversation."""

    gesprek: str = Field(pattern=GESPREK_ID)


class Antwoord(BaseModel):
    """The bot's answer to one message."""

    berichten: list[Bericht]


def maak_app(settings: Settings | None = None, rasa_transport: Any = None) -> FastAPI:
    """Build the app; ``rasa_transport`` lets tests stand in for Rasa."""
    settings = settings or Settings.from_env()
    profiel = load_profiel(settings.gemeente_path)
    sjablonen = Jinja2Templates(directory=str(HIER / "sjablonen"))
    max_tekens = MAX_BERICHT

    @asynccontextmanager
    async def levensloop(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.db_url)
        sleutel = await asyncio.to_thread(laad_of_maak, settings.tracker_sleutel_path)
        web_sleutel = await asyncio.to_thread(laad_of_maak, settings.sessie_sleutel_path)
        app.state.sjablonen = sjablonen
        app.state.delen = Onderdelen(
            settings=settings,
            profiel=profiel,
            engine=engine,
            session_factory=make_session_factory(engine),
            sleutel=web_sleutel,
            rasa=RasaClient(
                f"http://{settings.rasa_host}:{settings.rasa_port}",
                f"http://{settings.actions_host}:{settings.actions_port}",
                timeout=settings.web_rasa_timeout,
                transport=rasa_transport,
            ),
            wisser=GesprekkenWisser(engine, sleutel),
            limiet=Venster(settings.web_berichten_per_minuut, 60.0),
            max_tekens=max_tekens,
        )
        try:
            yield
        finally:
            await app.state.delen.rasa.sluit()
            engine.dispose()

    app = FastAPI(
        title="Wegwijzer",
        docs_url=None,
        redoc_url=None,
        # The staff JSON API (kaart search, signal reports) is documented at
        # /api/v1/openapi.json, for logged-in staff only (below); pages are not in it.
        openapi_url=None,
        lifespan=levensloop,
    )

    @app.exception_handler(RequestValidationError)
    async def ongeldig(request: Request, exc: RequestValidationError) -> JSONResponse:
        return fout(400, "ongeldig", teksten.ONGELDIGE_VRAAG)

    @app.exception_handler(StarletteHTTPException)
    async def http_fout(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return fout(404, "niet_gevonden", teksten.NIET_GEVONDEN)
        if exc.status_code == 405:
            return fout(405, "methode", teksten.ONGELDIGE_VRAAG)
        return fout(exc.status_code, "fout", teksten.ONGELDIGE_VRAAG)

    @app.exception_handler(Exception)
    async def onverwacht(request: Request, exc: Exception) -> JSONResponse:
        logger.error("onverwachte fout: %s", type(exc).__name__)
        return fout(500, "intern", teksten.even_geduld(profiel))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def chat_pagina(request: Request) -> Response:
        return sjablonen.TemplateResponse(
            request, "chat.html", {"profiel": profiel, "teksten": teksten}
        )

    @app.get("/demo", response_class=HTMLResponse, include_in_schema=False)
    async def demo_pagina(request: Request) -> Response:
        return sjablonen.TemplateResponse(
            request, "demo.html", {"profiel": profiel, "teksten": teksten}
        )

    @app.get("/privacy", response_class=HTMLResponse, include_in_schema=False)
    async def privacy_pagina(request: Request) -> Response:
        return sjablonen.TemplateResponse(
            request,
            "privacy.html",
            {"profiel": profiel, "teksten": teksten, "settings": settings},
        )

    @app.get("/thema.css", include_in_schema=False)
    async def thema() -> Response:
        return Response(
            teksten.thema_css(profiel),
            media_type="text/css",
            headers={"cache-control": "public, max-age=300"},
        )

    @app.get("/logo.{soort}", include_in_schema=False)
    async def logo(soort: str) -> Response:
        pad = profiel.widget.logo
        if pad is None or pad.suffix.lower() != f".{soort}":
            return fout(404, "niet_gevonden", teksten.NIET_GEVONDEN)
        media = "image/svg+xml" if soort == "svg" else "image/png"
        return Response(await asyncio.to_thread(pad.read_bytes), media_type=media)

    @app.get("/api/config", include_in_schema=False)
    async def config(request: Request) -> dict[str, Any]:
        return teksten.widget_config(profiel, delen(request).max_tekens)

    @app.get("/api/status", include_in_schema=False)
    async def status(request: Request) -> JSONResponse:
        gereed = await delen(request).rasa.gereed()
        return JSONResponse({"gereed": gereed}, status_code=200 if gereed else 503)

    @app.post("/api/bericht", response_model=Antwoord, include_in_schema=False)
    async def bericht(vraag: BerichtVraag, request: Request) -> Any:
        d = delen(request)
        if not d.limiet.hit("bericht", client_adres(request)):
            return fout(429, "te_snel", teksten.TE_SNEL)
        keuring = keur(vraag.tekst, profiel)  # the same gate as Rasa's own input channel
        if not keuring.doorlaten:
            return Antwoord(berichten=[Bericht(tekst=keuring.antwoord)])
        try:
            berichten = await d.rasa.stuur(vraag.gesprek, keuring.tekst)
        except RasaOnbereikbaar as reden:
            logger.warning("rasa niet bereikbaar: %s", reden)
            return fout(503, "even_geduld", teksten.even_geduld(profiel))
        return Antwoord(berichten=berichten)

    @app.post("/api/wis", include_in_schema=False)
    async def wis(vraag: WisVraag, request: Request) -> dict[str, Any]:
        d = delen(request)
        if not d.limiet.hit("wis", client_adres(request)):
            return fout(429, "te_snel", teksten.TE_SNEL)  # type: ignore[return-value]
        rijen = await asyncio.to_thread(d.wisser.wis, vraag.gesprek)
        logger.info("gesprek gewist (%d rijen)", rijen)
        return {"gewist": True, "melding": teksten.GEWIST}

    @app.get(
        "/api/v1/openapi.json",
        include_in_schema=False,
        dependencies=[Depends(toegang.MEDEWERKER)],
    )
    async def api_beschrijving() -> JSONResponse:
        return JSONResponse(app.openapi())

    for kamer in (toegang, loket, beleid, beheer, labelen, organisatie):
        app.include_router(kamer.router)

    app.mount("/", StaticFiles(directory=str(STATIC), check_dir=False), name="static")

    toegang.installeer(app)  # staff sessions (innermost middleware) and the 401/403 pages
    origins = list(profiel.widget.origins)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=["GET", "POST"],
        allow_headers=["content-type"],
        allow_credentials=False,
        max_age=600,
    )
    app.add_middleware(
        MaxBody,
        limiet=MAX_BODY,
        melding=bericht_te_lang(max_tekens, profiel),
        ruimer=beheer.RUIME_PADEN,
    )
    app.add_middleware(BeveiligingsKoppen)
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.web_proxies)
    return app
