"""Alembic environment of the sociale kaart (plumbing in :mod:`wegwijzer.migraties`)."""

from sociale_kaart.models import Base
from wegwijzer.migraties import voer_env_uit

voer_env_uit(Base.metadata)
