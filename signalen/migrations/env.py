"""Alembic environment of the signals: own version table (see :mod:`wegwijzer.migraties`)."""

from signalen.migraties import VERSIE_TABEL
from signalen.model import Base
from wegwijzer.migraties import voer_env_uit

voer_env_uit(Base.metadata, version_table=VERSIE_TABEL)
