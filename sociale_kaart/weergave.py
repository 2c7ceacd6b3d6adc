"""How a loket search result is shown to staff: one wording for the CLI table, the page and the API.

The search (:mod:`sociale_kaart.zoeken`) gives every result its reasons; the front ends show
niveau, wijk and freshness in their own columns or fields, and the rest of the reasons under
"Waarom". Keeping these few labels here means ``wegwijzer kaart zoek``, the loket page and
``/api/v1/kaart/zoek`` cannot drift apart.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kern.themas import Niveau
from sociale_kaart.zoeken import Resultaat, ZoekVraag

#: Reasons that start with these are shown as their own field (niveau, freshness), not under
#: "Waarom".
EIGEN_VELD = ("niveau:", "actueel:", "verouderd:")


def niveau_label(niveau: Niveau | str) -> str:
    """``sociale_basis`` → ``sociale basis``: the rung of the ladder as staff say it."""
    waarde = niveau.value if isinstance(niveau, Niveau) else niveau
    return waarde.replace("_", " ")


def wijk_label(wijk: str | None) -> str:
    """The wijk of an offer; an offer without a wijk is for the whole gemeente."""
    return wijk or "hele gemeente"


def waarom_hier(resultaat: Resultaat) -> list[str]:
    """The reasons for the rank apart from niveau and freshness (those have their own field)."""
    return [r for r in resultaat.redenen if not r.startswith(EIGEN_VELD)]


def verouderd_label(vers_dagen: int) -> str:
    """The textual mark of a stale entry (never colour alone)."""
    return f"VEROUDERD (> {vers_dagen} dagen)"


def datum_nl(datum: date | None) -> str:
    """``2026-03-12`` → ``12-03-2026``; ``None`` → ``nooit``."""
    return f"{datum:%d-%m-%Y}" if datum else "nooit"


def vraag_als_dict(vraag: ZoekVraag) -> dict[str, Any]:
    """What was searched for, after the profile check (a postcode is shown as its wijk)."""
    return {
        "tekst": vraag.tekst,
        "thema": vraag.thema,
        "doelgroep": vraag.doelgroep,
        "leeftijd": vraag.leeftijd,
        "wijk": vraag.wijk,
        "postcode": vraag.postcode,
        "niveaus": [n.value for n in vraag.niveaus],
    }
