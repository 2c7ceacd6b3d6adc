"""Alembic migrations of the sociale kaart (run through :mod:`sociale_kaart.migraties`)."""
