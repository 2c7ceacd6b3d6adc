"""The ground floor: settings, database, gemeente profile, secrets, migrations and thema codes.

Everything above imports from here; this package imports nothing of the project's own.
"""
