"""The beleid room: the signal dashboard, its downloads and the signal-report API.

Thin handlers over :mod:`signalen.dashboard` and the CLI's own report and export code: every
report is made by :func:`signalen.rapport.maak_rapport` and written by
:func:`signalen.rapport.schrijf` (CSV with the BOM the CLI writes, XLSX, JSON), the row export
by :func:`signalen.export.exporteer`. So the page, the downloads, the API and
``wegwijzer signalen rapport``/``export`` give the same numbers, suppressed the same way.
Periods are whole months, quarters and years that are over; ``k`` is the configured
``WEGWIJZER_SIGNALEN_K``. Handlers are plain ``def``: FastAPI runs them in its thread pool, so
the suppression audit (numpy/scipy) does not block the event loop.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import inspect

from signalen import SignaalFout
from signalen.dashboard import (
    INDELINGEN,
    Periode,
    afgesloten_perioden,
    kies_periode,
    legenda,
    maak_dashboard,
    maak_rapporten,
    standaard_periode,
)
from signalen.export import exporteer
from signalen.rapport import maak_rapport, schrijf
from web.gedeeld import Onderdelen, delen, fout, pagina
from web.toegang import BELEID, Ingelogd

router = APIRouter()

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GEEN_TABEL = (
    "Er is nog geen tabel met signalen. Vraag de beheerder om deze te maken met: "
    "wegwijzer signalen migreer."
)
PERIODE_UITLEG = "Een maand (2026-03), kwartaal (2026-K1) of jaar (2026) dat voorbij is."
PER_UITLEG = "Indeling: thema, wijk en/of maand, met komma's (thema,wijk)."


def vandaag() -> date:
    """Today, in one place: it decides which periods are over (tests may replace it)."""
    return date.today()


class Fout(BaseModel):
    """A Dutch error message (``veld``: the query parameter at fault, if any)."""

    fout: str
    melding: str
    veld: str | None = None


class RapportKolom(BaseModel):
    """A column of the report: its code (key in every row) and Dutch heading."""

    code: str
    kop: str


Waarde = int | float | str | None


class RapportAntwoord(BaseModel):
    """A suppressed report, exactly as ``wegwijzer signalen rapport --format json`` writes it.

    A hidden cell holds its marker instead of a number: ``"<k"`` (fewer than k, zero
    included), ``"x"`` (hidden so a small group cannot be computed back) or ``"–"``.
    """

    titel: str
    van: date
    tot: date
    per: list[str]
    k: int
    kolommen: list[RapportKolom]
    rijen: list[dict[str, Waarde]] = Field(description="Eén rij per combinatie van groepen.")
    totaal: dict[str, Waarde]
    toelichting: list[str]


FOUTEN: dict[int | str, dict[str, Any]] = {
    400: {
        "model": Fout,
        "description": "Ongeldige periode of indeling (melding in het Nederlands).",
    },
    401: {"model": Fout, "description": "Niet ingelogd."},
    403: {"model": Fout, "description": "Geen beleidsrol."},
    503: {"model": Fout, "description": "De signalentabel bestaat nog niet."},
}


def _web_melding(fout_: SignaalFout) -> str:
    """The CLI's message without its option dashes (``--per`` → ``per``)."""
    return str(fout_).replace("--", "")


def _tabel_bestaat(d: Onderdelen) -> bool:
    return bool(inspect(d.engine).has_table("signaal"))


def _wijken(d: Onderdelen) -> list[str]:
    return [w.naam for w in d.profiel.wijken]


def _indeling(per: str) -> list[str]:
    """``thema,wijk`` → ``["thema", "wijk"]``, as the CLI's ``--per thema --per wijk``."""
    return [p.strip().lower() for p in per.split(",") if p.strip()]


def _periode_of_standaard(periode: str | None, dag: date) -> Periode:
    return (
        standaard_periode(dag)
        if periode is None or not periode.strip()
        else kies_periode(periode, dag)
    )


PeriodeQuery = Annotated[str | None, Query(max_length=20, description=PERIODE_UITLEG)]
PerQuery = Annotated[str, Query(max_length=40, description=PER_UITLEG)]


# -- the page -----------------------------------------------------------------------------------


@router.get("/beleid", response_class=HTMLResponse, include_in_schema=False)
def beleid_pagina(
    request: Request,
    gebruiker: Annotated[Ingelogd, Depends(BELEID)],
    periode: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    """The dashboard for one period; a bad period shows the default one with a Dutch message."""
    d = delen(request)
    dag = vandaag()
    melding = None
    try:
        gekozen = _periode_of_standaard(periode, dag)
    except SignaalFout as fout_:
        melding, gekozen = _web_melding(fout_), standaard_periode(dag)
    context: dict[str, Any] = {
        "actief": "beleid",
        "perioden": afgesloten_perioden(dag),
        "gekozen": gekozen,
        "melding": melding,
        "weergaven": [],
        "legenda": [],
        "k": d.settings.signalen_k,
    }
    if not _tabel_bestaat(d):
        context["melding"] = GEEN_TABEL
        return pagina(request, "beleid.html", context, status=503)
    rapporten = maak_rapporten(d.session_factory, gekozen, d.settings.signalen_k, _wijken(d), dag)
    context["weergaven"] = maak_dashboard(rapporten)
    context["legenda"] = legenda(next(iter(rapporten.values())))
    return pagina(request, "beleid.html", context, status=400 if melding else 200)


# -- downloads ----------------------------------------------------------------------------------


def _bijlage(inhoud: bytes, naam: str, media: str) -> Response:
    return Response(
        inhoud,
        media_type=media,
        headers={
            "content-disposition": f'attachment; filename="{naam}"',
            "cache-control": "no-store",
        },
    )


def rapport_bestand(
    d: Onderdelen, periode: Periode, per: str, formaat: str, dag: date
) -> tuple[bytes, str, str]:
    """(bytes, file name, media type) of a report: the bytes ``signalen rapport --uit`` writes.

    Raises:
        SignaalFout: Unknown grouping or format (Dutch message).
    """
    if formaat not in ("csv", "xlsx"):
        raise SignaalFout(f"Onbekend formaat {formaat[:10]!r}. Kies csv of xlsx.", veld="formaat")
    rapport = maak_rapport(
        d.session_factory,
        periode.van,
        periode.tot,
        _indeling(per),
        k=d.settings.signalen_k,
        wijken=_wijken(d),
        vandaag=dag,
    )
    inhoud = schrijf(rapport, formaat)
    # The CLI writes CSV as UTF-8 with a BOM (so Excel reads the accents), XLSX as it is.
    data = inhoud.encode("utf-8-sig") if isinstance(inhoud, str) else inhoud
    naam = f"signalen-{periode.code}-{'-'.join(rapport.per)}.{formaat}"
    return data, naam, XLSX if formaat == "xlsx" else "text/csv; charset=utf-8"


@router.get("/beleid/rapport", include_in_schema=False)
def beleid_download(
    request: Request,
    gebruiker: Annotated[Ingelogd, Depends(BELEID)],
    periode: Annotated[str | None, Query(max_length=200)] = None,
    per: Annotated[str, Query(max_length=200)] = "thema",
    formaat: Annotated[str, Query(max_length=20)] = "csv",
) -> Response:
    """A report as CSV or XLSX, the same file as the CLI writes."""
    d = delen(request)
    if not _tabel_bestaat(d):
        return fout(503, "geen_tabel", GEEN_TABEL)
    dag = vandaag()
    try:
        data, naam, media = rapport_bestand(
            d, _periode_of_standaard(periode, dag), per, formaat, dag
        )
    except SignaalFout as fout_:
        return fout(400, "ongeldig", _web_melding(fout_), veld=fout_.veld)
    return _bijlage(data, naam, media)


@router.get("/beleid/export", include_in_schema=False)
def beleid_export(
    request: Request,
    gebruiker: Annotated[Ingelogd, Depends(BELEID)],
    periode: Annotated[str | None, Query(max_length=200)] = None,
    formaat: Annotated[str, Query(max_length=20)] = "csv",
) -> Response:
    """The k-anonymous signal rows (``signalen export``): month level, rare rows generalised."""
    d = delen(request)
    if not _tabel_bestaat(d):
        return fout(503, "geen_tabel", GEEN_TABEL)
    dag = vandaag()
    try:
        gekozen = _periode_of_standaard(periode, dag)
        uit = io.StringIO()
        exporteer(
            d.session_factory,
            formaat,
            uit,
            k=d.settings.signalen_k,
            van=gekozen.van,
            tot=gekozen.tot,
            vandaag=dag,
        )
    except SignaalFout as fout_:
        return fout(400, "ongeldig", _web_melding(fout_), veld=fout_.veld)
    # As the CLI writes --uit: CSV with a BOM, JSON Lines plain UTF-8.
    data = uit.getvalue().encode("utf-8-sig" if formaat == "csv" else "utf-8")
    media = "text/csv; charset=utf-8" if formaat == "csv" else "application/jsonl"
    return _bijlage(data, f"signalen-export-{gekozen.code}.{formaat}", media)


# -- the API ------------------------------------------------------------------------------------


@router.get(
    "/api/v1/signalen/rapport",
    response_model=None,
    response_class=JSONResponse,
    responses={
        200: {"model": RapportAntwoord, "description": "Het afgeschermde rapport."},
        **FOUTEN,
    },
    summary="Signalen per thema, wijk en/of maand, met afscherming van kleine aantallen",
    tags=["signalen"],
)
def api_rapport(
    request: Request,
    gebruiker: Annotated[Ingelogd, Depends(BELEID)],
    periode: PeriodeQuery = None,
    per: PerQuery = "thema",
) -> Response:
    """The report ``wegwijzer signalen rapport --periode P --per … --format json`` prints.

    Without ``periode``: the last quarter that is over. Small cells are hidden exactly as in
    the CLI (same code); overlapping reports can still be subtracted, see ``toelichting``.
    """
    d = delen(request)
    if not _tabel_bestaat(d):
        return fout(503, "geen_tabel", GEEN_TABEL)
    dag = vandaag()
    try:
        gekozen = _periode_of_standaard(periode, dag)
        rapport = maak_rapport(
            d.session_factory,
            gekozen.van,
            gekozen.tot,
            _indeling(per),
            k=d.settings.signalen_k,
            wijken=_wijken(d),
            vandaag=dag,
        )
    except SignaalFout as fout_:
        return fout(400, "ongeldig", _web_melding(fout_), veld=fout_.veld)
    return Response(str(schrijf(rapport, "json")), media_type="application/json")


__all__ = ["INDELINGEN", "router"]
