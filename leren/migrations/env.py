"""Alembic environment of the labels: own version table (see :mod:`kern.migraties`)."""

from kern.migraties import voer_env_uit
from leren.migraties import VERSIE_TABEL
from leren.model import Base

voer_env_uit(Base.metadata, version_table=VERSIE_TABEL)
