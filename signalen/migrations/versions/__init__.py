"""Alembic revision scripts of the signals; file names start with a letter so type checkers accept them."""
