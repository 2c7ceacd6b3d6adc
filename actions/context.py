"""Process-wide objects of the action server, built on first use (no I/O at import time)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sociale_kaart.zoeken import KaartZoeker
from triage.gesprek import Gesprek
from wegwijzer.db import make_engine, make_session_factory
from wegwijzer.gemeente import GemeenteProfiel, load_profiel
from wegwijzer.settings import Settings


@dataclass(frozen=True)
class ActieContext:
    """What every action needs."""

    settings: Settings
    profiel: GemeenteProfiel
    gesprek: Gesprek


@functools.lru_cache(maxsize=1)
def get_context() -> ActieContext:
    """Build settings, profile, database access and the conversation engine once."""
    settings = Settings.from_env()
    profiel = load_profiel(settings.gemeente_path)
    session_factory = make_session_factory(make_engine(settings.db_url))
    kaart = KaartZoeker(session_factory, vers_dagen=settings.kaart_vers_dagen)
    return ActieContext(settings=settings, profiel=profiel, gesprek=Gesprek(profiel, kaart))
