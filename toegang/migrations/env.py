"""Alembic environment of the access tables: own version table (see :mod:`kern.migraties`)."""

from kern.migraties import voer_env_uit
from toegang.migraties import VERSIE_TABEL
from toegang.model import Base

voer_env_uit(Base.metadata, version_table=VERSIE_TABEL)
