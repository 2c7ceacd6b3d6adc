"""The three staff roles; one account may hold several."""

from __future__ import annotations

from enum import Enum


class Rol(str, Enum):
    """What a staff member may do on the web app's staff pages."""

    #: Toegangsmedewerker: searches the kaart while a resident is on the phone or at the desk.
    loket = "loket"
    #: Beleidsmedewerker: reads the signal reports (small cells suppressed).
    beleid = "beleid"
    #: Kaart beheerder: keeps the sociale kaart current, labels resident messages.
    beheer = "beheer"
