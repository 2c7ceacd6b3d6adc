"""The organisatie room: an organisation's check page (public, with its link) and the queue.

Public, no account: ``/organisatie/{token}`` shows the organisation's own entries. The token is
the personal, signed link of :mod:`sociale_kaart.organisatie_link`; an expired, altered or
superseded link gets a Dutch message page (403 or 410) and changes nothing. The page has no
session, so its forms carry a CSRF token derived from the link token and the app's key
(:func:`~sociale_kaart.organisatie_link.csrf_voor_link`), not the staff session's one.

- "Klopt nog" (POST) sets ``laatst_gecontroleerd`` to today at once and logs it;
- "Wijziging voorstellen" (a form) puts a validated proposal in the queue.

For beheerders (``Depends(BEHEER)``, which also checks the session's CSRF token on POSTs):
``/beheer/voorstellen`` lists pending proposals field by field (old → new) to accept (applied
in one transaction, logged with who) or reject, and has the button that mails every
organisation with stale entries its new link (as ``wegwijzer kaart controle --verstuur``).

All rules live in :mod:`sociale_kaart.voorstellen`; the handlers here only read the request,
run one unit of work in a thread and render.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from kern.db import unit_of_work
from sociale_kaart.mail import MailFout
from sociale_kaart.models import Organisatie, OrganisatieVoorstel, is_vers
from sociale_kaart.organisatie_link import (
    LinkOngeldig,
    csrf_klopt,
    csrf_voor_link,
    organisatie_van_link,
    verstuur_controles,
)
from sociale_kaart.voorstellen import (
    BEWERKBAAR,
    LABELS,
    MAX_LENGTE,
    MEERREGELIG,
    OPEN,
    NietGevonden,
    VoorstelFout,
    aanbod_van,
    aanvaard,
    bevestig,
    dien_in,
    huidige_waarden,
    open_voorstellen,
    wijs_af,
)
from sociale_kaart.weergave import datum_nl
from web.gedeeld import Onderdelen, client_adres, delen, pagina
from web.toegang import BEHEER, Ingelogd

logger = logging.getLogger("wegwijzer.web.organisatie")

router = APIRouter()

T = TypeVar("T")
Beheerder = Annotated[Ingelogd, Depends(BEHEER)]

FORMULIER_VERLOPEN = (
    "Dit formulier hoort niet bij deze pagina. Er is niets veranderd. Open de link uit de "
    "e-mail opnieuw en probeer het nog eens."
)
ONBEKEND_AANBOD = "Dit aanbod hoort niet bij uw organisatie, of staat niet meer op de kaart."
TE_SNEL = "U stuurt veel formulieren kort na elkaar. Wacht een minuut en probeer het opnieuw."
VOORSTEL_WEG = "Dit voorstel bestaat niet (meer)."

#: ``type`` attribute and ``autocomplete`` of each field of the proposal form.
_INVOER: dict[str, tuple[str, str]] = {
    "naam": ("text", "off"),
    "telefoon": ("tel", "tel"),
    "email": ("email", "email"),
    "website": ("url", "url"),
    "adres": ("text", "street-address"),
    "postcode": ("text", "postal-code"),
    "plaats": ("text", "address-level2"),
    "kosten": ("text", "off"),
}


def _nu() -> datetime:
    return datetime.now(timezone.utc)


def _geen_cache(antwoord: Response) -> Response:
    """The link page holds the link itself: no cache, no index, no referrer (set globally)."""
    antwoord.headers["cache-control"] = "no-store"
    antwoord.headers["x-robots-tag"] = "noindex, nofollow"
    return antwoord


async def _werk(d: Onderdelen, functie: Callable[[Session], T]) -> T:
    """Run ``functie`` in one transaction, off the event loop."""

    def doe() -> T:
        with unit_of_work(d.session_factory) as session:
            return functie(session)

    return await asyncio.to_thread(doe)


def _organisatie(d: Onderdelen, session: Session, token: str) -> Organisatie:
    return organisatie_van_link(session, d.sleutel, token, d.settings.organisatie_link_dagen)


def _linkfout(request: Request, fout: LinkOngeldig) -> Response:
    logger.info("controlelink geweigerd: %s", fout.reden)  # never the token itself
    return _geen_cache(
        pagina(
            request,
            "organisatie_fout.html",
            {"melding": fout.melding, "csrf_token": ""},
            status=fout.status,
        )
    )


def _formulierfout(request: Request, melding: str, status: int = 403) -> Response:
    return _geen_cache(
        pagina(request, "organisatie_fout.html", {"melding": melding, "csrf_token": ""}, status)
    )


async def _formulier(request: Request) -> dict[str, str]:
    formulier = await request.form()
    return {k: v for k, v in formulier.items() if isinstance(v, str)}


def _naar(token: str, **param: str) -> RedirectResponse:
    query = f"?{urlencode(param)}" if param else ""
    anker = f"#aanbod-{param['aanbod']}" if "aanbod" in param else ""
    return RedirectResponse(f"/organisatie/{token}{query}{anker}", status_code=303)


@dataclass(frozen=True)
class AanbodRegel:
    """One offer on the check page (plain values: the session is closed when rendering)."""

    id: str
    naam: str
    velden: list[tuple[str, str]]
    laatst_gecontroleerd: str
    voorstel_wacht: bool
    #: Not checked within ``Settings.kaart_vers_dagen``: the reason for the mail.
    verouderd: bool


def _pagina_gegevens(
    d: Onderdelen, token: str
) -> Callable[[Session], tuple[str, list[AanbodRegel]]]:
    def lees(session: Session) -> tuple[str, list[AanbodRegel]]:
        org = _organisatie(d, session, token)
        wachtend = set(
            session.scalars(
                select(OrganisatieVoorstel.aanbod_id).where(
                    OrganisatieVoorstel.organisatie_id == org.id,
                    OrganisatieVoorstel.status == OPEN,
                )
            )
        )
        regels = []
        vandaag = _nu().date()
        for aanbod in aanbod_van(session, org.id):
            waarden = huidige_waarden(aanbod)
            regels.append(
                AanbodRegel(
                    id=aanbod.id,
                    naam=aanbod.naam,
                    velden=[(LABELS[v], waarden[v]) for v in BEWERKBAAR if v != "naam"],
                    laatst_gecontroleerd=(
                        datum_nl(aanbod.laatst_gecontroleerd)
                        if aanbod.laatst_gecontroleerd
                        else "nog nooit"
                    ),
                    voorstel_wacht=aanbod.id in wachtend,
                    verouderd=not is_vers(
                        aanbod.laatst_gecontroleerd, vandaag, d.settings.kaart_vers_dagen
                    ),
                )
            )
        return org.naam, regels

    return lees


@router.get("/organisatie/{token}", include_in_schema=False)
async def controlepagina(request: Request, token: str) -> Response:
    """The organisation's entries, each with "Klopt nog" and "Wijziging voorstellen"."""
    d = delen(request)
    try:
        naam, regels = await _werk(d, _pagina_gegevens(d, token))
    except LinkOngeldig as fout:
        return _linkfout(request, fout)
    melding = None
    namen = {r.id: r.naam for r in regels}
    if request.query_params.get("klopt") in namen:
        melding = (
            f"Dank u wel. U hebt bevestigd dat '{namen[request.query_params['klopt']]}' klopt. "
            "De datum van de laatste controle is bijgewerkt."
        )
    elif request.query_params.get("voorstel") in namen:
        melding = (
            f"Dank u wel. Uw voorstel voor '{namen[request.query_params['voorstel']]}' is "
            "ontvangen. De gemeente bekijkt het en zet het daarna op de kaart."
        )
    return _geen_cache(
        pagina(
            request,
            "organisatie.html",
            {
                "organisatie": naam,
                "regels": regels,
                "token": token,
                "melding": melding,
                "csrf_token": csrf_voor_link(d.sleutel, token),
                "dagen": d.settings.organisatie_link_dagen,
                "vers_dagen": d.settings.kaart_vers_dagen,
            },
        )
    )


@router.post("/organisatie/{token}/klopt", include_in_schema=False)
async def klopt_nog(request: Request, token: str) -> Response:
    """Klopt nog: checked today, at once; then back to the page with a thank-you."""
    d = delen(request)
    if not d.limiet.hit("organisatie", client_adres(request)):
        return _formulierfout(request, TE_SNEL, 429)
    formulier = await _formulier(request)
    aanbod_id = formulier.get("aanbod", "")[:64]

    def doe(session: Session) -> None:
        org = _organisatie(d, session, token)
        bevestig(session, org.id, aanbod_id)

    try:
        if not csrf_klopt(d.sleutel, token, formulier.get("csrftoken")):
            # Check the link first: an expired link should say so, not blame the form.
            await _werk(d, lambda s: _organisatie(d, s, token))
            return _formulierfout(request, FORMULIER_VERLOPEN)
        await _werk(d, doe)
    except LinkOngeldig as fout:
        return _linkfout(request, fout)
    except NietGevonden:
        return _formulierfout(request, ONBEKEND_AANBOD, 404)
    return _naar(token, klopt=aanbod_id, aanbod=aanbod_id)


def _velden(waarden: dict[str, str], fouten: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "naam": veld,
            "label": LABELS[veld],
            "waarde": waarden.get(veld, ""),
            "fout": fouten.get(veld),
            "max": MAX_LENGTE[veld],
            "meerregelig": veld in MEERREGELIG,
            "type": _INVOER.get(veld, ("text", "off"))[0],
            "autocomplete": _INVOER.get(veld, ("text", "off"))[1],
        }
        for veld in BEWERKBAAR
    ]


def _voorstelpagina(
    request: Request,
    d: Onderdelen,
    token: str,
    organisatie: str,
    aanbod_id: str,
    aanbod_naam: str,
    waarden: dict[str, str],
    fouten: dict[str, str],
    status: int = 200,
) -> Response:
    return _geen_cache(
        pagina(
            request,
            "organisatie_voorstel.html",
            {
                "organisatie": organisatie,
                "aanbod_id": aanbod_id,
                "aanbod_naam": aanbod_naam,
                "velden": _velden(waarden, fouten),
                "algemeen": fouten.get(""),
                "fouten": [
                    (LABELS.get(k, ""), k, fouten[k]) for k in ("", *BEWERKBAAR) if k in fouten
                ],
                "token": token,
                "csrf_token": csrf_voor_link(d.sleutel, token),
            },
            status=status,
        )
    )


@router.get("/organisatie/{token}/voorstel/{aanbod_id}", include_in_schema=False)
async def voorstelformulier(request: Request, token: str, aanbod_id: str) -> Response:
    """The proposal form, filled in with what is on the kaart now."""
    d = delen(request)

    def lees(session: Session) -> tuple[str, str, dict[str, str]]:
        org = _organisatie(d, session, token)
        aanbod = next((a for a in aanbod_van(session, org.id) if a.id == aanbod_id), None)
        if aanbod is None:
            raise NietGevonden(aanbod_id)
        return org.naam, aanbod.naam, huidige_waarden(aanbod)

    try:
        org, naam, waarden = await _werk(d, lees)
    except LinkOngeldig as fout:
        return _linkfout(request, fout)
    except NietGevonden:
        return _formulierfout(request, ONBEKEND_AANBOD, 404)
    return _voorstelpagina(request, d, token, org, aanbod_id, naam, waarden, {})


@router.post("/organisatie/{token}/voorstel/{aanbod_id}", include_in_schema=False)
async def voorstel_indienen(request: Request, token: str, aanbod_id: str) -> Response:
    """Validate the proposal; errors go back to the form, a good one waits in the queue."""
    d = delen(request)
    if not d.limiet.hit("organisatie", client_adres(request)):
        return _formulierfout(request, TE_SNEL, 429)
    formulier = await _formulier(request)
    invoer = {k: formulier[k] for k in BEWERKBAAR if k in formulier}

    def doe(session: Session) -> tuple[str, str, dict[str, str] | None]:
        org = _organisatie(d, session, token)
        aanbod = next((a for a in aanbod_van(session, org.id) if a.id == aanbod_id), None)
        if aanbod is None:
            raise NietGevonden(aanbod_id)
        try:
            dien_in(session, org.id, aanbod_id, invoer)
        except VoorstelFout as fout:
            return org.naam, aanbod.naam, fout.fouten
        return org.naam, aanbod.naam, None

    try:
        if not csrf_klopt(d.sleutel, token, formulier.get("csrftoken")):
            await _werk(d, lambda s: _organisatie(d, s, token))
            return _formulierfout(request, FORMULIER_VERLOPEN)
        org, naam, fouten = await _werk(d, doe)
    except LinkOngeldig as fout:
        return _linkfout(request, fout)
    except NietGevonden:
        return _formulierfout(request, ONBEKEND_AANBOD, 404)
    if fouten is not None:
        waarden = {k: invoer.get(k, "") for k in BEWERKBAAR}
        return _voorstelpagina(request, d, token, org, aanbod_id, naam, waarden, fouten, 400)
    return _naar(token, voorstel=aanbod_id, aanbod=aanbod_id)


# ---------------------------------------------------------------------------- the beheer queue


def _getal(request: Request, naam: str) -> int | None:
    waarde = request.query_params.get(naam, "")
    return int(waarde) if waarde.isdigit() and len(waarde) < 10 else None


@router.get("/beheer/voorstellen", include_in_schema=False)
async def wachtrij(request: Request, gebruiker: Beheerder) -> Response:
    """Pending proposals with the difference per field, and the "send links" button."""
    d = delen(request)
    voorstellen = await _werk(d, open_voorstellen)
    meldingen: list[str] = []
    if (n := _getal(request, "aanvaard")) is not None:
        meldingen.append(f"Voorstel {n} is aanvaard en staat nu op de kaart.")
    if (n := _getal(request, "afgewezen")) is not None:
        meldingen.append(f"Voorstel {n} is afgewezen. De kaart is niet veranderd.")
    if (n := _getal(request, "verstuurd")) is not None:
        via = "verstuurd" if request.query_params.get("via") == "smtp" else "klaargezet als bestand"
        meldingen.append(f"{n} e-mails met een persoonlijke link {via}.")
        if (z := _getal(request, "zonder")) is not None and z:
            meldingen.append(
                f"{z} organisaties hebben geen e-mailadres; zij staan in de lijst op de "
                "beheerpagina. Bel ze."
            )
    return pagina(
        request,
        "voorstellen.html",
        {
            "actief": "beheer",
            "voorstellen": voorstellen,
            "meldingen": meldingen,
            "fout": None,
            "smtp": bool(d.settings.smtp_host),
            "dagen": d.settings.organisatie_link_dagen,
        },
    )


async def _beslis(
    request: Request,
    voorstel_id: int,
    functie: Callable[[Session, int, str], object],
    gebruiker: Ingelogd,
    param: str,
) -> Response:
    d = delen(request)
    try:
        await _werk(d, lambda s: functie(s, voorstel_id, gebruiker.naam))
    except (VoorstelFout, NietGevonden) as fout:
        melding = " ".join(fout.fouten.values()) if isinstance(fout, VoorstelFout) else VOORSTEL_WEG
        voorstellen = await _werk(d, open_voorstellen)
        return pagina(
            request,
            "voorstellen.html",
            {
                "actief": "beheer",
                "voorstellen": voorstellen,
                "meldingen": [],
                "fout": melding,
                "smtp": bool(d.settings.smtp_host),
                "dagen": d.settings.organisatie_link_dagen,
            },
            status=409 if isinstance(fout, VoorstelFout) else 404,
        )
    logger.info("voorstel %d: %s", voorstel_id, param)
    return RedirectResponse(f"/beheer/voorstellen?{param}={voorstel_id}", status_code=303)


@router.post("/beheer/voorstellen/{voorstel_id}/aanvaard", include_in_schema=False)
async def aanvaarden(request: Request, voorstel_id: int, gebruiker: Beheerder) -> Response:
    """Apply the proposal in one transaction (index and change log included)."""
    return await _beslis(request, voorstel_id, aanvaard, gebruiker, "aanvaard")


@router.post("/beheer/voorstellen/{voorstel_id}/afwijzen", include_in_schema=False)
async def afwijzen(request: Request, voorstel_id: int, gebruiker: Beheerder) -> Response:
    """Reject the proposal; the kaart stays as it is."""
    return await _beslis(request, voorstel_id, wijs_af, gebruiker, "afgewezen")


@router.post("/beheer/voorstellen/verstuur", include_in_schema=False)
async def verstuur(request: Request, gebruiker: Beheerder) -> Response:
    """Mail every organisation with stale entries a new personal link (as the CLI does)."""
    d = delen(request)
    try:
        uitkomst = await asyncio.to_thread(
            verstuur_controles, d.session_factory, d.settings, d.profiel, d.sleutel
        )
    except MailFout as fout:
        voorstellen = await _werk(d, open_voorstellen)
        return pagina(
            request,
            "voorstellen.html",
            {
                "actief": "beheer",
                "voorstellen": voorstellen,
                "meldingen": [],
                "fout": str(fout),
                "smtp": bool(d.settings.smtp_host),
                "dagen": d.settings.organisatie_link_dagen,
            },
            status=502,
        )
    logger.info(
        "controlelinks: %d verstuurd, %d zonder adres",
        len(uitkomst.verstuurd),
        len(uitkomst.zonder_adres),
    )
    via = "smtp" if uitkomst.via_smtp else "bestand"
    return RedirectResponse(
        f"/beheer/voorstellen?verstuurd={len(uitkomst.verstuurd)}"
        f"&zonder={len(uitkomst.zonder_adres)}&via={via}",
        status_code=303,
    )
