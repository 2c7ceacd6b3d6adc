"""Alembic revision scripts of the labels; file names start with a letter so type checkers accept them."""
