"""From conversation state to an anonymous signal: closed vocabularies only, no free text.

Every field of :class:`Signaal` comes from a fixed list (or is a kaart id that matches the
kaart's id pattern), so nothing a resident typed can reach the signal table. The hulpvraag id
is deliberately *not* part of the signal: :mod:`signalen.opslag` turns it into a keyed hash.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from kern.routes import ROUTES, Route
from kern.themas import KAART_ID, THEMAS

ONBEKEND = "onbekend"

#: Age bands; a band is only filled in when an exact age is known (see :func:`leeftijdsgroep`).
LEEFTIJDSGROEPEN: tuple[str, ...] = ("0-11", "12-17", "18-64", "65+", ONBEKEND)
VOOR_WIE: tuple[str, ...] = ("zelf", "kind", "naaste", ONBEKEND)
GEHOLPEN: tuple[str, ...] = ("ja", "nee", ONBEKEND)
# The routes are one closed list on the ground floor (kern.routes), shared with triage.
MAX_GETOOND = 10  # the bot shows 3; the column has room for 10 ids
MAX_LEEFTIJD = 120  # anything above is a misread number, not an age


@dataclass(frozen=True)
class Signaal:
    """One hulpvraag as policy sees it: no id, no time, no text, nothing that links to a person."""

    datum: date
    thema: str | None
    leeftijdsgroep: str
    voor_wie: str
    wijk: str
    route: Route
    getoond: tuple[str, ...]
    geholpen: str
    geen_passend_aanbod: bool

    def als_dict(self) -> dict[str, Any]:
        """JSON-friendly values (ISO date, list of ids)."""
        return {
            "datum": self.datum.isoformat(),
            "thema": self.thema,
            "leeftijdsgroep": self.leeftijdsgroep,
            "voor_wie": self.voor_wie,
            "wijk": self.wijk,
            "route": self.route,
            "getoond": list(self.getoond),
            "geholpen": self.geholpen,
            "geen_passend_aanbod": self.geen_passend_aanbod,
        }


def leeftijdsgroep(leeftijd: int | None, onder_18: bool | None = None) -> str:
    """The age band, or ``onbekend`` when no exact age is known.

    Without an exact age we know at most "under 18" or "18 or older". Neither fits one band
    (0-11 vs 12-17, 18-64 vs 65+), and guessing would bias exactly the bands policy reads, so
    both become ``onbekend``. The minor/adult split of those hulpvragen is not lost: it decides
    the road (``cjg`` vs ``wmo_loket``), which the signal keeps. ``onder_18`` is accepted so
    the decision is explicit and tested, not forgotten.
    """
    del onder_18  # deliberately unused, see above
    if leeftijd is None or isinstance(leeftijd, bool) or not 0 <= leeftijd <= MAX_LEEFTIJD:
        return ONBEKEND
    if leeftijd <= 11:
        return "0-11"
    if leeftijd <= 17:
        return "12-17"
    if leeftijd <= 64:
        return "18-64"
    return "65+"


def _wijk(wijk: str | None, wijken: Collection[str] | None) -> str:
    if not wijk:
        return ONBEKEND
    if wijken is None:
        return wijk
    bekend = {w.casefold(): w for w in wijken}
    return bekend.get(wijk.casefold(), ONBEKEND)


class HulpvraagStand(Protocol):
    """What a signal reads of the conversation state (triage's ``Toestand`` fits it).

    Declared here so signals depend on these fields only, not on the triage package.
    """

    @property
    def hulpvraag_id(self) -> str | None: ...  # noqa: D102
    @property
    def thema(self) -> str | None: ...  # noqa: D102
    @property
    def voor_wie(self) -> str | None: ...  # noqa: D102
    @property
    def leeftijd(self) -> int | None: ...  # noqa: D102
    @property
    def onder_18(self) -> bool | None: ...  # noqa: D102
    @property
    def wijk(self) -> str | None: ...  # noqa: D102
    @property
    def getoond(self) -> tuple[str, ...]: ...  # noqa: D102
    @property
    def route(self) -> Route | None: ...  # noqa: D102
    @property
    def geholpen(self) -> str | None: ...  # noqa: D102
    @property
    def geen_aanbod(self) -> bool: ...  # noqa: D102


def _getoond(ids: tuple[str, ...]) -> tuple[str, ...]:
    schoon: list[str] = []
    for ident in ids:
        if isinstance(ident, str) and KAART_ID.match(ident) and ident not in schoon:
            schoon.append(ident)
    return tuple(schoon[:MAX_GETOOND])


def signaal_uit(
    toestand: HulpvraagStand, datum: date, wijken: Collection[str] | None = None
) -> Signaal | None:
    """The signal of the hulpvraag in ``toestand``; ``None`` while no road has been reached.

    Args:
        toestand: Conversation state after a turn.
        datum: The day to record (the caller's "today"; no time is kept).
        wijken: Wijk names of the gemeente profile. When given, any other wijk becomes
            ``onbekend``, so even a tampered state cannot put text into the signal. Pass it.

    Raises:
        ValueError: The route is not one of :data:`ROUTES` (a programming error in triage).
    """
    if toestand.route is None or toestand.hulpvraag_id is None:
        return None
    if toestand.route not in ROUTES:
        raise ValueError(f"Onbekende route voor een signaal: {toestand.route!r}.")
    voor_wie = toestand.voor_wie if toestand.voor_wie in VOOR_WIE else ONBEKEND
    geholpen = toestand.geholpen if toestand.geholpen in GEHOLPEN else ONBEKEND
    return Signaal(
        datum=datum,
        thema=toestand.thema if toestand.thema in THEMAS else None,
        leeftijdsgroep=leeftijdsgroep(toestand.leeftijd, toestand.onder_18),
        voor_wie=voor_wie or ONBEKEND,
        wijk=_wijk(toestand.wijk, wijken),
        route=toestand.route,
        getoond=_getoond(toestand.getoond),
        geholpen=geholpen or ONBEKEND,
        geen_passend_aanbod=bool(toestand.geen_aanbod),
    )
