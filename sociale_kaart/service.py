"""Use cases of the kaart that the CLI, set-up and actions call: each is one unit of work."""

from __future__ import annotations

from pathlib import Path

from sociale_kaart.importer import ImportSamenvatting, aantal_aanbod, import_rijen, sync_referentiedata
from sociale_kaart.models import Base
from sociale_kaart.template import read_csv
from wegwijzer.db import make_engine, make_session_factory, unit_of_work
from wegwijzer.gemeente import GemeenteProfiel, load_profiel
from wegwijzer.settings import Settings


def init_database(settings: Settings, profiel: GemeenteProfiel) -> int:
    """Create missing tables, sync wijken and thema's; return the number of offers."""
    engine = make_engine(settings.db_url)
    try:
        Base.metadata.create_all(engine)
        with unit_of_work(make_session_factory(engine)) as session:
            sync_referentiedata(session, profiel)
            return aantal_aanbod(session)
    finally:
        engine.dispose()


def import_bestand(settings: Settings, path: Path, vervang: bool) -> ImportSamenvatting:
    """Validate a whole file, then write it in one transaction (all or nothing)."""
    profiel = load_profiel(settings.gemeente_path)
    rijen = read_csv(path, [w.naam for w in profiel.wijken])
    engine = make_engine(settings.db_url)
    try:
        Base.metadata.create_all(engine)
        with unit_of_work(make_session_factory(engine)) as session:
            return import_rijen(session, profiel, rijen, vervang=vervang)
    finally:
        engine.dispose()
