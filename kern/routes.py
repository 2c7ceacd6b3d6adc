"""The roads a hulpvraag can take, one closed list for triage and signalen.

Triage picks one; signalen counts them, and its CHECK constraint allows exactly these.

A :data:`Route` is a plain string (a ``Literal``), so the conversation slot and the signal
table store the same text as before; mypy and the slot's pydantic model check the value.
"""

from __future__ import annotations

from typing import Literal, get_args

Route = Literal[
    "crisis_suicide",
    "crisis_huiselijk_geweld",
    "crisis_acuut",
    "veilig_thuis",
    "sociale_basis",
    "wmo_loket",
    "cjg",
    "buiten_scope",
    "niet_begrepen",
]
#: Every route, in the order reports list them.
ROUTES: tuple[Route, ...] = get_args(Route)
#: Acute danger: 112, 113 or Veilig Thuis was shown first (one per crisis kind of triage).
CrisisRoute = Literal["crisis_suicide", "crisis_huiselijk_geweld", "crisis_acuut"]
CRISIS_ROUTES: tuple[CrisisRoute, ...] = get_args(CrisisRoute)
#: Referred to maatwerk: the Wmo-loket (adults) or the CJG (children and parenting).
MaatwerkRoute = Literal["wmo_loket", "cjg"]
MAATWERK_ROUTES: tuple[MaatwerkRoute, ...] = get_args(MaatwerkRoute)


def crisis_route(soort: str) -> CrisisRoute:
    """The route of a crisis kind (``"suicide"`` → ``"crisis_suicide"``).

    Raises:
        ValueError: Triage has a crisis kind this list does not know (add it here, and to the
            signal table's CHECK constraint with a migration).
    """
    route = f"crisis_{soort}"
    for bekend in CRISIS_ROUTES:
        if bekend == route:
            return bekend
    raise ValueError(f"Onbekende crisissoort voor een route: {soort!r}.")
