"""The beheer page "Leren van vragen": label what the bot did not understand, export it for Rasa.

Thin handlers over :mod:`leren`: the candidates (de-identified messages of the bewaartermijn
that got a fallback, "niet begrepen" or an unsure thema) are read from the tracker store and
grouped by likeness; a beheerder gives a group (or part of it) the right intent, and downloads
every label as a Rasa NLU file for ``data/nlu/``. The form sends event ids, never text: the
label's text is read from the store, so only de-identified text can become training data.

Plain ``def`` handlers: the work is synchronous database and file access, which FastAPI runs
in its thread pool. The form is posted and answered with a redirect (POST/redirect/GET), so a
reload does not label twice; it works without JavaScript.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.exc import SQLAlchemyError

from leren.export import bestaande_voorbeelden, naar_nlu_yaml
from leren.groeperen import groepeer
from leren.kandidaten import Kandidaat, lees_kandidaten
from leren.labels import (
    BUITEN_SCOPE,
    LabelFout,
    alle_labels,
    bekende_intents,
    intent_naam,
    label,
    lees_vraag,
    verwijder,
)
from web.gedeeld import delen, pagina
from web.toegang import BEHEER, Ingelogd

logger = logging.getLogger("wegwijzer.web.labelen")

router = APIRouter()

PAD = "/beheer/labelen"
#: The page shows at most this many groups (the biggest); the rest come once these are done.
MAX_GROEPEN = 40
#: And at most this many labels in the table of kept labels (the export has them all).
MAX_LABELS_GETOOND = 200
DATABASE_WEG = (
    "De gegevens zijn nu niet bereikbaar. Probeer het over een paar minuten opnieuw; lukt het "
    "dan nog niet, meld het bij de beheerder van Wegwijzer."
)
REDENEN = {
    "fallback": "Niet herkend",
    "niet_begrepen": "Niet begrepen",
    "onzeker_thema": "Onzeker over thema",
}


def _keuzes() -> list[tuple[str, str]]:
    """The intents to choose from: "buiten scope" first, then the thema's, then the rest."""
    intents = bekende_intents()
    volgorde = sorted(
        intents,
        key=lambda i: (i != BUITEN_SCOPE, not i.startswith("hulpvraag_"), intent_naam(i)),
    )
    return [(i, intent_naam(i)) for i in volgorde]


def _datum(tijd: float) -> str:
    return datetime.fromtimestamp(tijd, timezone.utc).strftime("%d-%m-%Y")


def _rij(k: Kandidaat) -> dict[str, Any]:
    return {
        "id": k.id,
        "tekst": k.tekst,
        "model": f"{intent_naam(k.gok)} ({round(k.gok_zekerheid * 100)} %)"
        if k.gok
        else "geen idee",
        "redenen": ", ".join(REDENEN[r] for r in k.redenen),
        "datum": _datum(k.tijd),
    }


def _toon(
    request: Request,
    melding: str | None = None,
    fout: str | None = None,
    status: int = 200,
) -> Response:
    onderdelen = delen(request)
    dagen = onderdelen.settings.bewaartermijn_dagen
    try:
        labels = alle_labels(onderdelen.engine)
        kandidaten = lees_kandidaten(onderdelen.engine, dagen)
    except SQLAlchemyError:
        logger.exception("labelen: database niet bereikbaar")
        labels, kandidaten, fout, status = [], [], DATABASE_WEG, 503
    gelabeld = {lab.tekst for lab in labels}
    open_ = [k for k in kandidaten if k.tekst not in gelabeld]
    groepen = groepeer(open_)
    context = {
        "actief": "labelen",
        "dagen": dagen,
        "melding": melding,
        "fout": fout,
        "keuzes": _keuzes(),
        "aantal_open": len(open_),
        "al_gelabeld": len(kandidaten) - len(open_),
        "aantal_groepen": len(groepen),
        "groepen": [
            {
                "nummer": n,
                "leider": g.leider,
                "aantal": g.aantal,
                "rijen": [_rij(k) for k in g.berichten],
            }
            for n, g in enumerate(groepen[:MAX_GROEPEN], start=1)
        ],
        "labels": [
            {
                "id": lab.id,
                "tekst": lab.tekst,
                "intent": intent_naam(lab.intent),
                "door": lab.door,
                "op": lab.op.strftime("%d-%m-%Y %H:%M"),
            }
            for lab in sorted(labels, key=lambda lab: (lab.op, lab.id), reverse=True)[
                :MAX_LABELS_GETOOND
            ]
        ],
        "aantal_labels": len(labels),
    }
    return pagina(request, "labelen.html", context, status=status)


@router.get(PAD, include_in_schema=False)
def labelen_pagina(
    request: Request,
    gebruiker: Annotated[Ingelogd, Depends(BEHEER)],
    gelabeld: int | None = None,
    verwijderd: int | None = None,
) -> Response:
    """The groups still to label, the kept labels, and the export link."""
    melding = None
    if gelabeld is not None and gelabeld >= 0:
        melding = f"Opgeslagen: {gelabeld} {'bericht' if gelabeld == 1 else 'berichten'} gelabeld."
    elif verwijderd is not None:
        melding = "Het label is verwijderd."
    return _toon(request, melding=melding)


@router.post(PAD, include_in_schema=False)
def labelen_opslaan(
    request: Request,
    gebruiker: Annotated[Ingelogd, Depends(BEHEER)],
    bericht: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI copies defaults)
    intent: Annotated[str, Form()] = "",
) -> Response:
    """Label the chosen messages of one group; then back to the page (POST/redirect/GET)."""
    onderdelen = delen(request)
    try:
        vraag = lees_vraag(bericht, intent.strip(), bekende_intents())
        aantal = label(
            onderdelen.engine, vraag, gebruiker.naam, onderdelen.settings.bewaartermijn_dagen
        )
    except LabelFout as e:
        return _toon(request, fout=str(e), status=400)
    except SQLAlchemyError:
        logger.exception("labelen: opslaan mislukt")
        return _toon(request, fout=DATABASE_WEG, status=503)
    return RedirectResponse(f"{PAD}?gelabeld={aantal}", status_code=303)


@router.post(PAD + "/{label_id}/verwijderen", include_in_schema=False)
def label_verwijderen(
    request: Request, label_id: int, gebruiker: Annotated[Ingelogd, Depends(BEHEER)]
) -> Response:
    """Remove one kept label (a mistake); its message, if still there, comes back in the list."""
    try:
        weg = verwijder(delen(request).engine, label_id)
    except SQLAlchemyError:
        logger.exception("labelen: verwijderen mislukt")
        return _toon(request, fout=DATABASE_WEG, status=503)
    if not weg:
        return _toon(request, fout="Dit label bestaat niet (meer).", status=404)
    return RedirectResponse(f"{PAD}?verwijderd=1", status_code=303)


@router.get(PAD + "/export.yml", include_in_schema=False)
def labelen_export(request: Request, gebruiker: Annotated[Ingelogd, Depends(BEHEER)]) -> Response:
    """Every kept label as a Rasa NLU file (lines already in ``data/nlu/`` left out)."""
    try:
        labels = alle_labels(delen(request).engine)
    except SQLAlchemyError:
        logger.exception("labelen: export mislukt")
        return _toon(request, fout=DATABASE_WEG, status=503)
    vandaag = datetime.now(timezone.utc).date()
    export = naar_nlu_yaml(labels, bestaande_voorbeelden(), datum=vandaag.isoformat())
    naam = f"wegwijzer_gelabeld_{vandaag:%Y%m%d}.yml"
    return Response(
        export.yaml.encode("utf-8"),
        media_type="application/yaml; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{naam}"',
            "X-Wegwijzer-Regels": str(export.regels),
            "X-Wegwijzer-Al-Bekend": str(export.al_bekend),
        },
    )
