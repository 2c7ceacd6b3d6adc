"""Alembic revision scripts; file names start with a letter so type checkers accept them."""
