"""Alembic environment of the signals: own version table (see :mod:`kern.migraties`)."""

from kern.migraties import voer_env_uit
from signalen.migraties import VERSIE_TABEL
from signalen.model import Base

voer_env_uit(Base.metadata, version_table=VERSIE_TABEL)
