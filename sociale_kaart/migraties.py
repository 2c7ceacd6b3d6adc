"""Schema upgrades with Alembic, run programmatically by set-up and by every import.

The URL comes from the engine we are given (built from Settings), never from ``alembic.ini``.
Databases created before migrations existed (by ``create_all``, so without an
``alembic_version`` table) are recognised by their tables and stamped before upgrading, so no
data is lost.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

from kern import migraties as gedeeld

MIGRATIES_DIR = Path(__file__).resolve().parent / "migrations"
BASIS_REVISIE = "0001"


def alembic_config(connection: Connection | None = None) -> Config:
    """This room's configuration; ``connection`` is handed to ``env.py``."""
    return gedeeld.alembic_config(MIGRATIES_DIR, connection)


def head_revisie() -> str:
    """The newest revision in the code."""
    return gedeeld.head_revisie(MIGRATIES_DIR)


def huidige_revisie(engine: Engine) -> str | None:
    """The revision the database is at (``None``: never migrated)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _revisie_van_oude_database(connection: Connection) -> str | None:
    """Which revision an unversioned database matches, judged by its tables and columns."""
    inspector = inspect(connection)
    tabellen = set(inspector.get_table_names())
    if "aanbod" not in tabellen:
        return None
    kolommen = {c["name"] for c in inspector.get_columns("aanbod")}
    if {"aanbod_zoekterm", "kaart_status"} <= tabellen and "sorteernaam" in kolommen:
        # Made by create_all with today's models (e.g. a test helper): already complete.
        return head_revisie()
    return BASIS_REVISIE


def migreer(engine: Engine) -> str:
    """Bring the schema to the newest revision, in one transaction; return that revision."""
    with engine.begin() as conn:
        config = alembic_config(conn)
        if MigrationContext.configure(conn).get_current_revision() is None:
            bestaand = _revisie_van_oude_database(conn)
            if bestaand is not None:
                command.stamp(config, bestaand)
        command.upgrade(config, "head")
    return head_revisie()
