"""Schema upgrades of the sociale kaart with Alembic, run by set-up, start and imports.

The plumbing (config, head, current revision, stamp, upgrade) is :class:`kern.migraties.Kamer`;
this module says only where the kaart's migrations are and how to recognise a database made
before migrations existed (by ``create_all``, so without an ``alembic_version`` table): it is
stamped with the revision its tables match before upgrading, so no data is lost.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from kern.migraties import Kamer

MIGRATIES_DIR = Path(__file__).resolve().parent / "migrations"
BASIS_REVISIE = "0001"


def _revisie_van_oude_database(connection: Connection) -> str | None:
    """Which revision an unversioned database matches, judged by its tables and columns."""
    inspector = inspect(connection)
    tabellen = set(inspector.get_table_names())
    if "aanbod" not in tabellen:
        return None
    kolommen = {c["name"] for c in inspector.get_columns("aanbod")}
    if {"aanbod_zoekterm", "kaart_status"} <= tabellen and "sorteernaam" in kolommen:
        # Made by create_all with today's models (e.g. a test helper): already complete.
        return KAART.head()
    return BASIS_REVISIE


#: The kaart's migrations (version table ``alembic_version``).
KAART = Kamer(MIGRATIES_DIR, herken=_revisie_van_oude_database)

# The names the rest of the kaart uses; all of them are the shared helper's.
alembic_config = KAART.config
head_revisie = KAART.head
huidige_revisie = KAART.huidige
migreer = KAART.migreer
