"""Process-wide objects of the action server, built on first use (no I/O at import time)."""

from __future__ import annotations

import functools
import hashlib
import hmac
from dataclasses import dataclass

from kern.db import make_engine, make_session_factory
from kern.geheim import laad_of_maak
from kern.gemeente import GemeenteProfiel, load_profiel
from kern.settings import Settings
from signalen.opslag import SignaalOpslag, maak_opslag
from sociale_kaart.zoeken import KaartZoeker
from triage.gesprek import Gesprek


@dataclass(frozen=True)
class ActieContext:
    """What every action needs."""

    settings: Settings
    profiel: GemeenteProfiel
    gesprek: Gesprek
    signalen: SignaalOpslag
    sleutel: bytes

    def beurt_id(self, sender_id: str, bericht: str) -> str:
        """Stable id of one user message, meaningless without the key (no sender id inside)."""
        bron = f"{sender_id}\0{bericht}".encode()
        return hmac.new(self.sleutel, bron, hashlib.sha256).hexdigest()


@functools.lru_cache(maxsize=1)
def get_context() -> ActieContext:
    """Build settings, profile, database access, the engine and the signal store once."""
    settings = Settings.from_env()
    profiel = load_profiel(settings.gemeente_path)
    session_factory = make_session_factory(make_engine(settings.db_url))
    kaart = KaartZoeker(session_factory, vers_dagen=settings.kaart_vers_dagen)
    return ActieContext(
        settings=settings,
        profiel=profiel,
        gesprek=Gesprek(profiel, kaart),
        signalen=maak_opslag(settings, session_factory),
        sleutel=laad_of_maak(settings.tracker_sleutel_path),
    )
