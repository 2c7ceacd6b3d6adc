"""Alembic environment of the sociale kaart (plumbing in :mod:`kern.migraties`)."""

from kern.migraties import voer_env_uit
from sociale_kaart.models import Base

voer_env_uit(Base.metadata)
