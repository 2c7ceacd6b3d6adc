"""The road to maatwerk: CJG for children and parenting, otherwise the Wmo-loket."""

from __future__ import annotations

from kern.routes import MaatwerkRoute

JEUGD_THEMAS = frozenset({"opvoeden_opgroeien"})
#: Thema's where a resident asking for themself may well be under 18, so we ask.
THEMAS_MET_JONGEREN = frozenset(
    {
        "psychisch",
        "verslaving",
        "eenzaamheid",
        "huiselijk_geweld",
        "werk_meedoen",
        "opvoeden_opgroeien",
    }
)


def is_minderjarig(
    voor_wie: str | None, leeftijd: int | None, onder_18: bool | None
) -> bool | None:
    """Whether the person helped is under 18; ``None`` when we cannot tell."""
    if leeftijd is not None:
        return leeftijd < 18
    if onder_18 is not None:
        return onder_18
    if voor_wie == "naaste":
        return False  # moeder, buurvrouw, partner: adults unless an age says otherwise
    return None


def kies_route(
    thema: str | None, voor_wie: str | None, leeftijd: int | None, onder_18: bool | None
) -> MaatwerkRoute:
    """'cjg' when the help is for someone under 18 or about parenting, else 'wmo_loket'."""
    if thema in JEUGD_THEMAS:
        return "cjg"
    minderjarig = is_minderjarig(voor_wie, leeftijd, onder_18)
    if minderjarig:
        return "cjg"
    if minderjarig is None and voor_wie == "kind":
        return "cjg"  # "mijn kind" without an age: most likely under 18
    return "wmo_loket"


def leeftijd_nodig(thema: str | None, voor_wie: str | None) -> bool:
    """Ask the age only when it decides the road or the offer."""
    if voor_wie == "kind" or thema in JEUGD_THEMAS:
        return True
    return voor_wie == "zelf" and thema in THEMAS_MET_JONGEREN
