"""Alembic revision scripts of the access tables; file names start with a letter so type checkers accept them."""
