"""Writing signals: one row per hulpvraag, exactly once, however often an action runs.

The row is keyed by ``sleutel = HMAC-SHA256(geheim, hulpvraag_id)`` and written with a single
``INSERT … ON CONFLICT (sleutel) DO UPDATE`` (the PostgreSQL and SQLite constructs), so two
sessions saving the same hulpvraag at the same moment end with one row; there is no
select-then-insert window.

Merge rules on conflict, so a late or repeated call with an *older* state cannot erase what a
newer one recorded (within one hulpvraag the conversation never forgets these facts, see
``triage.gesprek``): a known thema, age band, voor wie, wijk, "helped" answer or list of
offers is not overwritten by ``onbekend``/empty; ``geen_passend_aanbod`` once true stays true;
the route is the latest one; the date stays the day the hulpvraag was first recorded.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from sqlalchemy import case, func, or_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from kern.db import unit_of_work
from kern.geheim import GEHEIM_LENGTE
from kern.settings import Settings
from signalen.model import signaal_tabel
from signalen.signaal import ONBEKEND, HulpvraagStand, Signaal, signaal_uit

LIJST_SCHEIDING = ";"  # kaart ids never contain it (same convention as the kaart template)


def maak_sleutel(geheim: bytes, hulpvraag_id: str) -> str:
    """HMAC-SHA256 of the hulpvraag id, hex: stable per hulpvraag, unlinkable without the secret."""
    return hmac.new(geheim, hulpvraag_id.encode("utf-8"), hashlib.sha256).hexdigest()


def rij_waarden(signaal: Signaal) -> dict[str, Any]:
    """Column values of a signal (without the key)."""
    return {
        "datum": signaal.datum,
        "thema": signaal.thema,
        "leeftijdsgroep": signaal.leeftijdsgroep,
        "voor_wie": signaal.voor_wie,
        "wijk": signaal.wijk,
        "route": signaal.route,
        "getoond": LIJST_SCHEIDING.join(signaal.getoond),
        "geholpen": signaal.geholpen,
        "geen_passend_aanbod": signaal.geen_passend_aanbod,
    }


class SignaalOpslag:
    """Saves the signal of a conversation state; safe to share between threads."""

    def __init__(
        self,
        session_factory: sessionmaker,
        geheim: bytes,
        *,
        wijken: Iterable[str] | None = None,
    ) -> None:
        """Create the store.

        Args:
            session_factory: From :func:`kern.db.make_session_factory`.
            geheim: The HMAC secret (:func:`kern.geheim.laad_of_maak`), 32 bytes or more.
            wijken: Wijk names of the gemeente profile; any other wijk is saved as ``onbekend``.
        """
        if len(geheim) < GEHEIM_LENGTE:
            raise ValueError(f"Het geheim moet minstens {GEHEIM_LENGTE} bytes zijn.")
        self._session_factory = session_factory
        self._geheim = geheim
        self._wijken: Collection[str] | None = tuple(wijken) if wijken is not None else None

    def bewaar(self, toestand: HulpvraagStand, datum: date) -> Signaal | None:
        """Insert or update the signal of ``toestand``'s hulpvraag; ``None`` if there is none yet.

        Call it after every turn (with ``date.today()``); repeated and concurrent calls for the
        same hulpvraag leave one row.
        """
        signaal = signaal_uit(toestand, datum, self._wijken)
        if signaal is None or toestand.hulpvraag_id is None:
            return None
        sleutel = maak_sleutel(self._geheim, toestand.hulpvraag_id)
        with unit_of_work(self._session_factory) as session:
            session.execute(_upsert(session, sleutel, signaal))
        return signaal


def _upsert(session: Session, sleutel: str, signaal: Signaal) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        maker: Any = pg_insert
    elif dialect == "sqlite":
        maker = sqlite_insert
    else:
        raise ValueError(f"Signalen ondersteunen SQLite en PostgreSQL, niet {dialect}.")
    stmt = maker(signaal_tabel).values(sleutel=sleutel, **rij_waarden(signaal))
    nieuw, oud = stmt.excluded, signaal_tabel.c

    def bekend(kolom: str, leeg: str) -> Any:
        """The new value unless it is the 'not known' value; then keep the old one."""
        return case((nieuw[kolom] == leeg, oud[kolom]), else_=nieuw[kolom])

    return stmt.on_conflict_do_update(
        index_elements=[oud.sleutel],
        set_={
            "thema": func.coalesce(nieuw.thema, oud.thema),
            "leeftijdsgroep": bekend("leeftijdsgroep", ONBEKEND),
            "voor_wie": bekend("voor_wie", ONBEKEND),
            "wijk": bekend("wijk", ONBEKEND),
            "route": nieuw.route,
            "getoond": bekend("getoond", ""),
            "geholpen": bekend("geholpen", ONBEKEND),
            "geen_passend_aanbod": or_(nieuw.geen_passend_aanbod, oud.geen_passend_aanbod),
        },
    )


def maak_opslag(settings: Settings, session_factory: sessionmaker | None = None) -> SignaalOpslag:
    """The store as the action server needs it: secret from ``var_dir``, wijken from the profile.

    Does I/O (reads the secret, creating it if set-up has not; reads the profile): call it once
    at start-up, e.g. next to the kaart in ``actions.context.get_context``.
    """
    from kern.db import make_engine, make_session_factory
    from kern.geheim import laad_of_maak
    from kern.gemeente import load_profiel

    profiel = load_profiel(settings.gemeente_path)
    if session_factory is None:
        session_factory = make_session_factory(make_engine(settings.db_url))
    return SignaalOpslag(
        session_factory,
        laad_of_maak(settings.signalen_geheim_path),
        wijken=[w.naam for w in profiel.wijken],
    )
