"""Fixed vocabularies shared by the kaart, the bot and the signals: thema's, niveaus, doelgroepen."""

from __future__ import annotations

import re
from enum import Enum

#: A kaart entry's ``id``: the template enforces it, the signals keep only ids that match it.
KAART_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

#: Thema code → short Dutch label (B1) shown to residents and in reports.
THEMAS: dict[str, str] = {
    "mantelzorg": "Zorgen voor een naaste (mantelzorg)",
    "eenzaamheid": "Eenzaamheid en contact",
    "dementie": "Geheugen en dementie",
    "opvoeden_opgroeien": "Opvoeden en opgroeien",
    "geldzorgen": "Geldzorgen en schulden",
    "huishouden": "Hulp in het huishouden",
    "vervoer": "Vervoer",
    "wonen": "Wonen",
    "hulpmiddelen": "Hulpmiddelen",
    "psychisch": "Psychische klachten",
    "verslaving": "Verslaving",
    "werk_meedoen": "Werk en meedoen",
    "administratie": "Post en formulieren",
    "huiselijk_geweld": "Huiselijk geweld",
}


class Niveau(str, Enum):
    """Rung of the ladder: sociale basis first, maatwerk last."""

    SOCIALE_BASIS = "sociale_basis"
    ALGEMENE_VOORZIENING = "algemene_voorziening"
    MAATWERK = "maatwerk"

    @property
    def rang(self) -> int:
        """Lower ranks are offered first."""
        return list(Niveau).index(self)


DOELGROEPEN: tuple[str, ...] = (
    "jeugd",
    "ouders",
    "volwassenen",
    "ouderen",
    "mantelzorgers",
    "iedereen",
)
