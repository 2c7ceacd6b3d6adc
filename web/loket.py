"""The loket room: the lookup page for toegangsmedewerkers, its print view and the kaart-search API.

Thin handlers over the same search as ``wegwijzer kaart zoek``: the query is read into a
:class:`LoketParameters` (pydantic), turned into a :class:`~sociale_kaart.zoeken.ZoekVraag`,
checked against the gemeente profile and searched by :class:`~sociale_kaart.service.LoketZoeker`.
What each result shows (niveau, wijk, the stale mark, the reasons under "Waarom", the resident
summary) comes from :mod:`sociale_kaart.weergave` and :mod:`sociale_kaart.samenvatting`, which
the CLI uses too. Bad input gives a Dutch message, on the page or as a 400, never a 500.

The search form is a GET form, so a search can be bookmarked and the browser's back button
works; it carries no CSRF token (a search changes nothing, and a token does not belong in a
URL that ends up in the history).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import QueryParams

from kern.themas import DOELGROEPEN, KAART_ID, THEMAS, Niveau
from sociale_kaart.samenvatting import samenvatting
from sociale_kaart.service import LoketZoeker, controleer_vraag
from sociale_kaart.weergave import (
    datum_nl,
    niveau_label,
    verouderd_label,
    vraag_als_dict,
    waarom_hier,
    wijk_label,
)
from sociale_kaart.zoeken import Resultaat, ZoekFout, ZoekVraag
from web.gedeeld import delen, fout, pagina
from web.toegang import LOKET, Ingelogd

logger = logging.getLogger("wegwijzer.web.loket")

#: Longer than any real hulpvraag typed during a call; longer text is refused with a message.
MAX_HULPVRAAG = 500
#: The page and the API show at most this many results.
MAX_LIMIET = 50
STANDAARD_LIMIET = 10
#: At most this many results can be selected for one print view.
MAX_SELECTIE = MAX_LIMIET

ONBEKENDE_VRAAG = "Deze zoekvraag kan ik niet lezen. Controleer de velden en probeer het opnieuw."
KAART_WEG = (
    "De sociale kaart is nu niet bereikbaar. Probeer het over een paar minuten opnieuw; "
    "lukt het dan nog niet, meld het bij de beheerder van Wegwijzer."
)
NIVEAU_KEUZES = ", ".join(niveau_label(n) for n in Niveau)


def _leeg_is_niets(waarde: Any) -> Any:
    """A GET form sends every field; an empty field means: do not filter on it."""
    if isinstance(waarde, str):
        waarde = waarde.strip()
        return waarde or None
    return waarde


class LoketParameters(BaseModel):
    """The query of one loket search: the page's form fields and the API's query parameters."""

    model_config = ConfigDict(extra="ignore")

    hulpvraag: str | None = Field(
        None,
        max_length=MAX_HULPVRAAG,
        description="Vrije tekst, bijvoorbeeld 'mantelzorg dementie'.",
    )
    thema: str | None = Field(
        None, max_length=64, description="Themacode, bijvoorbeeld 'mantelzorg'."
    )
    wijk: str | None = Field(None, max_length=100, description="Wijk van de inwoner.")
    postcode: str | None = Field(
        None,
        max_length=10,
        description="Postcode van de inwoner (9904 of 9904 AB), als de wijk onbekend is.",
    )
    leeftijd: int | None = Field(None, ge=0, le=120, description="Leeftijd van de inwoner.")
    doelgroep: str | None = Field(
        None, max_length=64, description="Doelgroep, bijvoorbeeld 'ouderen'."
    )
    niveau: list[Niveau] = Field(
        default_factory=list,
        max_length=len(Niveau),
        description="Alleen deze niveaus (leeg: alle).",
    )
    limiet: int = Field(
        STANDAARD_LIMIET, ge=1, le=MAX_LIMIET, description="Maximaal aantal resultaten."
    )

    _leeg = field_validator(
        "hulpvraag", "thema", "wijk", "postcode", "leeftijd", "doelgroep", mode="before"
    )(_leeg_is_niets)

    @field_validator("limiet", mode="before")
    @classmethod
    def _standaard_limiet(cls, waarde: Any) -> Any:
        waarde = _leeg_is_niets(waarde)
        return STANDAARD_LIMIET if waarde is None else waarde

    @field_validator("niveau", mode="before")
    @classmethod
    def _lege_niveaus(cls, waarde: Any) -> Any:
        if isinstance(waarde, str):
            waarde = [waarde]
        if isinstance(waarde, list):
            return [n for n in waarde if not (isinstance(n, str) and not n.strip())]
        return waarde

    def zoekvraag(self) -> ZoekVraag:
        """The search as the kaart reads it (the profile check follows in :class:`LoketZoeker`)."""
        if self.wijk and self.postcode:
            raise ZoekFout("Vul een wijk óf een postcode in, niet allebei.")
        return ZoekVraag(
            tekst=self.hulpvraag,
            thema=self.thema,
            wijk=self.wijk,
            postcode=self.postcode,
            leeftijd=self.leeftijd,
            doelgroep=self.doelgroep,
            niveaus=tuple(n for n in Niveau if n in self.niveau) or tuple(Niveau),
        )


class PrintParameters(LoketParameters):
    """The same search, plus the ids of the results chosen for the print view."""

    ids: list[str] = Field(default_factory=list, max_length=MAX_SELECTIE)


P = TypeVar("P", bound=LoketParameters)


def melding_bij(fouten: Sequence[Mapping[str, Any]]) -> str:
    """One Dutch sentence per field that pydantic refused (the loc's last name is the field)."""
    zinnen: list[str] = []
    for f in fouten:
        velden = [d for d in f.get("loc", ()) if isinstance(d, str) and d not in ("query", "body")]
        veld = velden[-1] if velden else ""
        if veld == "hulpvraag":
            zin = f"De hulpvraag is te lang: gebruik maximaal {MAX_HULPVRAAG} tekens."
        elif veld == "leeftijd":
            zin = "Vul de leeftijd in als heel getal van 0 tot en met 120, bijvoorbeeld 80."
        elif veld == "niveau":
            zin = f"Onbekend niveau. Kies uit: {NIVEAU_KEUZES}."
        elif veld == "limiet":
            zin = f"Het aantal resultaten moet een getal van 1 tot en met {MAX_LIMIET} zijn."
        elif veld == "ids":
            zin = f"Kies maximaal {MAX_SELECTIE} resultaten om te printen."
        elif veld in ("thema", "wijk", "postcode", "doelgroep"):
            zin = f"Wat bij {veld} staat, is te lang."
        else:
            zin = ONBEKENDE_VRAAG
        if zin not in zinnen:
            zinnen.append(zin)
    return " ".join(zinnen) or ONBEKENDE_VRAAG


class MetNederlandseMelding(APIRoute):
    """API routes whose query FastAPI refuses answer 400 with a message per field, in Dutch.

    The app-wide handler gives one general sentence; a loket script or a colleague's tool is
    better helped by "Vul de leeftijd in als heel getal …".
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """Wrap the generated handler; everything but a refused query passes through."""
        handler = super().get_route_handler()

        async def met_melding(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                return fout(400, "ongeldig", melding_bij(exc.errors()))

        return met_melding


router = APIRouter(route_class=MetNederlandseMelding)
#: Every route of this room: staff holding the role loket (401/403 otherwise, see web.toegang).
LoketMedewerker = Annotated[Ingelogd, Depends(LOKET)]


# --- What one result shows (page, print view and API alike) ----------------------------------


class LoketTreffer(BaseModel):
    """One result of a loket search, with the reasons for its place."""

    rang: int = Field(description="Plaats in de lijst, vanaf 1.")
    id: str
    naam: str
    organisatie: str
    niveau: Niveau
    niveau_label: str
    wijk: str | None = Field(description="Wijk van het aanbod; leeg: voor de hele gemeente.")
    wijk_label: str
    themas: list[str]
    doelgroepen: list[str]
    leeftijd_min: int | None
    leeftijd_max: int | None
    telefoon: str | None
    email: str | None
    website: str | None
    adres: str | None
    postcode: str | None
    openingstijden: str | None
    omschrijving: str = Field(description="De eerste zin van de omschrijving: wat het is.")
    laatst_gecontroleerd: date | None
    laatst_gecontroleerd_label: str = Field(description="dd-mm-jjjj, of 'nooit'.")
    verouderd: bool = Field(description="Langer dan vers_dagen niet gecontroleerd (of nooit).")
    verouderd_label: str | None = Field(description="Tekst bij verouderd aanbod, anders leeg.")
    score: float
    redenen: list[str] = Field(description="Alle redenen voor de plaats, zoals de CLI ze geeft.")
    waarom: list[str] = Field(description="De redenen zonder niveau en actualiteit.")
    samenvatting: str = Field(description="Korte tekst voor de inwoner (B1), om te kopiëren.")

    @property
    def veilige_website(self) -> str | None:
        """The website only when it is an http(s) address, so it is safe as a link."""
        w = self.website
        return w if w and w.lower().startswith(("https://", "http://")) else None


def treffer(rang: int, resultaat: Resultaat, vers_dagen: int) -> LoketTreffer:
    """The view of one search result; the fields come from the kaart's own ``als_dict``."""
    gegevens = resultaat.als_dict()
    gegevens.pop("vers")
    return LoketTreffer(
        **gegevens,
        rang=rang,
        niveau_label=niveau_label(resultaat.aanbod.niveau),
        wijk_label=wijk_label(resultaat.aanbod.wijk),
        laatst_gecontroleerd_label=datum_nl(resultaat.aanbod.laatst_gecontroleerd),
        verouderd=not resultaat.vers,
        verouderd_label=None if resultaat.vers else verouderd_label(vers_dagen),
        waarom=waarom_hier(resultaat),
        samenvatting=samenvatting(resultaat),
    )


class ZoekVraagTerug(BaseModel):
    """What was searched for, after the profile check (a postcode is answered as its wijk)."""

    tekst: str | None
    thema: str | None
    doelgroep: str | None
    leeftijd: int | None
    wijk: str | None
    postcode: str | None
    niveaus: list[Niveau]


class ZoekAntwoord(BaseModel):
    """The answer of ``GET /api/v1/kaart/zoek``."""

    vraag: ZoekVraagTerug
    vers_dagen: int = Field(description="Aanbod dat langer niet gecontroleerd is, heet verouderd.")
    aantal: int
    resultaten: list[LoketTreffer]


class FoutAntwoord(BaseModel):
    """A refused request: a code and a Dutch message to show as it is."""

    fout: str
    melding: str


FOUTEN: dict[int | str, dict[str, Any]] = {
    400: {"model": FoutAntwoord, "description": "Ongeldige zoekvraag (Nederlandse melding)."},
    401: {"model": FoutAntwoord, "description": "Niet ingelogd."},
    403: {"model": FoutAntwoord, "description": "Ingelogd zonder de rol loket."},
    503: {"model": FoutAntwoord, "description": "De sociale kaart is even niet bereikbaar."},
}


@dataclass(frozen=True)
class Uitkomst:
    """One search as the page and the API see it: the answer, or the Dutch reason there is none."""

    antwoord: ZoekAntwoord | None = None
    melding: str | None = None
    status: int = 200


def zoeken(request: Request, params: LoketParameters) -> Uitkomst:
    """Run one loket search; a refused or failed search becomes a Dutch message."""
    d = delen(request)
    vers_dagen = d.settings.kaart_vers_dagen
    zoeker = LoketZoeker(d.session_factory, d.profiel, vers_dagen)
    try:
        # Checked here as well as in the search, so the echo says which wijk a postcode is in.
        vraag = controleer_vraag(params.zoekvraag(), d.profiel)
        resultaten = zoeker.zoek(vraag, params.limiet)
    except ZoekFout as reden:
        return Uitkomst(melding=str(reden), status=400)
    except SQLAlchemyError as reden:
        logger.error("kaart niet bereikbaar: %s", type(reden).__name__)
        return Uitkomst(melding=KAART_WEG, status=503)
    return Uitkomst(
        antwoord=ZoekAntwoord(
            vraag=ZoekVraagTerug(**vraag_als_dict(vraag)),
            vers_dagen=vers_dagen,
            aantal=len(resultaten),
            resultaten=[treffer(i, r, vers_dagen) for i, r in enumerate(resultaten, start=1)],
        )
    )


def _uit_formulier(query: QueryParams, model: type[P]) -> P:
    """Read the page's GET form into ``model``; list fields may come more than once."""
    ruw: dict[str, Any] = {k: query.get(k) for k in query}
    for lijst in ("niveau", "ids"):
        if lijst in query:
            ruw[lijst] = query.getlist(lijst)
    return model.model_validate(ruw)


def _keuzes(request: Request) -> dict[str, Any]:
    """The options of the form's selects, from the profile and the fixed vocabularies."""
    profiel = delen(request).profiel
    return {
        "themas": THEMAS,
        "wijken": [w.naam for w in profiel.wijken],
        "doelgroepen": DOELGROEPEN,
        "niveaus": [(n.value, niveau_label(n)) for n in Niveau],
        "limieten": (10, 25, MAX_LIMIET),
        "max_hulpvraag": MAX_HULPVRAAG,
    }


def _formulier_waarden(query: QueryParams) -> dict[str, Any]:
    """What the form shows again after a search (as typed, also when it was refused)."""
    return {
        "hulpvraag": (query.get("hulpvraag") or "")[:MAX_HULPVRAAG],
        "thema": query.get("thema") or "",
        "wijk": query.get("wijk") or "",
        "postcode": (query.get("postcode") or "")[:10],
        "leeftijd": (query.get("leeftijd") or "")[:3],
        "doelgroep": query.get("doelgroep") or "",
        "niveau": query.getlist("niveau"),
        "limiet": query.get("limiet") or str(STANDAARD_LIMIET),
    }


# --- Routes ------------------------------------------------------------------------------------


@router.get("/loket", response_class=HTMLResponse, include_in_schema=False)
def loket_pagina(request: Request, gebruiker: LoketMedewerker) -> HTMLResponse:
    """The lookup page; with a query string it also shows the results (or why there are none)."""
    query = request.query_params
    uitkomst: Uitkomst | None = None
    if query:
        try:
            uitkomst = zoeken(request, _uit_formulier(query, LoketParameters))
        except ValidationError as exc:
            uitkomst = Uitkomst(melding=melding_bij(exc.errors()), status=400)
    return pagina(
        request,
        "loket.html",
        {
            "actief": "loket",
            "keuzes": _keuzes(request),
            "waarden": _formulier_waarden(query),
            "uitkomst": uitkomst,
            "zoek_query_items": [(k, v) for k, v in query.multi_items() if k != "ids"],
        },
        status=uitkomst.status if uitkomst else 200,
    )


@router.get("/loket/print", response_class=HTMLResponse, include_in_schema=False)
def loket_print(request: Request, gebruiker: LoketMedewerker) -> HTMLResponse:
    """The chosen results of a search, laid out to print for the resident.

    The search runs again with the same query (so the ranking and the stale marks are the ones
    on the page) and keeps only the chosen ids, in the page's order.
    """
    uitkomst: Uitkomst
    gekozen: list[LoketTreffer] = []
    try:
        params = _uit_formulier(request.query_params, PrintParameters)
        ids = [i for i in params.ids if KAART_ID.match(i)]
        uitkomst = zoeken(request, params)
        if uitkomst.antwoord is not None:
            gekozen = [t for t in uitkomst.antwoord.resultaten if t.id in ids]
    except ValidationError as exc:
        uitkomst = Uitkomst(melding=melding_bij(exc.errors()), status=400)
    terug = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "ids"])
    return pagina(
        request,
        "loket_print.html",
        {
            "actief": "loket",
            "uitkomst": uitkomst,
            "gekozen": gekozen,
            "terug": terug,
            "vandaag": datum_nl(date.today()),
        },
        status=uitkomst.status,
    )


@router.get(
    "/api/v1/kaart/zoek",
    response_model=ZoekAntwoord,
    responses=FOUTEN,
    tags=["kaart"],
    summary="Zoek aanbod op de sociale kaart (zoals het loket)",
)
def api_zoek(
    request: Request,
    params: Annotated[LoketParameters, Query()],
    gebruiker: LoketMedewerker,
) -> Any:
    """The loket search as JSON: the same results, reasons and stale marks as the page and CLI."""
    uitkomst = zoeken(request, params)
    if uitkomst.antwoord is None:
        code = "kaart_niet_bereikbaar" if uitkomst.status == 503 else "ongeldig"
        return fout(uitkomst.status, code, uitkomst.melding or ONBEKENDE_VRAAG)
    return uitkomst.antwoord
