"""Schema upgrades of the signal table with Alembic, independent of the kaart's migrations.

The plumbing is :class:`kern.migraties.Kamer`, with its own script directory and its own
version table (``alembic_version_signalen``), so both rooms can share one database and still
be upgraded, rolled back and released separately.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from kern.geheim import laad_of_maak
from kern.migraties import Kamer
from kern.settings import Settings

MIGRATIES_DIR = Path(__file__).resolve().parent / "migrations"
VERSIE_TABEL = "alembic_version_signalen"
BASIS_REVISIE = "s0001"


def _revisie_van_oude_database(connection: Connection) -> str | None:
    # Made by create_all (a test helper or a hand-made database): take it as the base.
    return BASIS_REVISIE if inspect(connection).has_table("signaal") else None


#: The signals' migrations.
SIGNALEN = Kamer(MIGRATIES_DIR, VERSIE_TABEL, herken=_revisie_van_oude_database)

alembic_config = SIGNALEN.config
head_revisie = SIGNALEN.head
huidige_revisie = SIGNALEN.huidige
migreer = SIGNALEN.migreer
upgrade = SIGNALEN.migreer_url


def richt_in(settings: Settings) -> str:
    """Everything set-up needs for signals: the schema and the HMAC secret; returns the revision."""
    revisie = upgrade(settings.db_url)
    laad_of_maak(settings.signalen_geheim_path)
    return revisie
