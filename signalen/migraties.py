"""Schema upgrades of the signal table with Alembic, independent of the kaart's migrations.

Same shape as :mod:`sociale_kaart.migraties`, but with its own script directory and its own
version table (``alembic_version_signalen``), so both rooms can share one database and still
be upgraded, rolled back and released separately.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

from kern import migraties as gedeeld
from kern.settings import Settings

MIGRATIES_DIR = Path(__file__).resolve().parent / "migrations"
VERSIE_TABEL = "alembic_version_signalen"
BASIS_REVISIE = "s0001"


def alembic_config(connection: Connection | None = None) -> Config:
    """This room's configuration; ``connection`` is handed to ``env.py``."""
    return gedeeld.alembic_config(MIGRATIES_DIR, connection)


def head_revisie() -> str:
    """The newest revision in the code."""
    return gedeeld.head_revisie(MIGRATIES_DIR)


def _context(conn: Connection) -> MigrationContext:
    return MigrationContext.configure(conn, opts={"version_table": VERSIE_TABEL})


def huidige_revisie(engine: Engine) -> str | None:
    """The revision the signal table is at (``None``: never migrated)."""
    with engine.connect() as conn:
        return _context(conn).get_current_revision()


def migreer(engine: Engine) -> str:
    """Bring the signal schema to the newest revision, in one transaction; return it."""
    with engine.begin() as conn:
        config = alembic_config(conn)
        if _context(conn).get_current_revision() is None and inspect(conn).has_table("signaal"):
            # Made by create_all (a test helper or a hand-made database): take it as the base.
            command.stamp(config, BASIS_REVISIE)
        command.upgrade(config, "head")
    return head_revisie()


def upgrade(db_url: str) -> str:
    """:func:`migreer` for a database URL (engine created and disposed here)."""
    from kern.db import make_engine

    engine = make_engine(db_url)
    try:
        return migreer(engine)
    finally:
        engine.dispose()


def richt_in(settings: Settings) -> str:
    """Everything set-up needs for signals: the schema and the HMAC secret; returns the revision."""
    from signalen.geheim import geheim_pad, laad_of_maak

    revisie = upgrade(settings.db_url)
    laad_of_maak(geheim_pad(settings.var_dir))
    return revisie
