"""Schema upgrades of the labels table with Alembic, independent of the other rooms.

The plumbing is :class:`kern.migraties.Kamer`, with its own script directory and its own
version table (``alembic_version_leren``), so the rooms share one database and are still
upgraded, rolled back and released separately.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from kern.migraties import Kamer
from kern.settings import Settings

MIGRATIES_DIR = Path(__file__).resolve().parent / "migrations"
VERSIE_TABEL = "alembic_version_leren"
BASIS_REVISIE = "l0001"


def _revisie_van_oude_database(connection: Connection) -> str | None:
    # Made by create_all (a test helper or a hand-made database): take it as the base.
    return BASIS_REVISIE if inspect(connection).has_table("leren_label") else None


#: The labels' migrations.
LEREN = Kamer(MIGRATIES_DIR, VERSIE_TABEL, herken=_revisie_van_oude_database)

head_revisie = LEREN.head
huidige_revisie = LEREN.huidige
migreer = LEREN.migreer
upgrade = LEREN.migreer_url


def richt_in(settings: Settings) -> str:
    """Everything set-up needs for the labels: the schema; returns the revision."""
    return upgrade(settings.db_url)
