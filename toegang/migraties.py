"""Schema upgrades of the access tables with Alembic, independent of the other rooms.

The plumbing is :class:`kern.migraties.Kamer`, with its own script directory and its own
version table (``alembic_version_toegang``). Set-up (``wegwijzer setup``) and the browser
tests' preparation run :func:`richt_in`; no read path migrates.
"""

from __future__ import annotations

from pathlib import Path

from kern.migraties import Kamer
from kern.settings import Settings

MIGRATIES_DIR = Path(__file__).resolve().parent / "migrations"
VERSIE_TABEL = "alembic_version_toegang"

#: The access room's migrations.
TOEGANG = Kamer(MIGRATIES_DIR, VERSIE_TABEL)

alembic_config = TOEGANG.config
head_revisie = TOEGANG.head
huidige_revisie = TOEGANG.huidige
migreer = TOEGANG.migreer
upgrade = TOEGANG.migreer_url


def richt_in(settings: Settings) -> str:
    """Everything set-up needs for accounts: the schema; returns the revision."""
    return upgrade(settings.db_url)
