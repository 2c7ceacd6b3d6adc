"""Anonymous policy signals: one record per hulpvraag, reports with small-cell suppression.

Modules: ``signaal`` (state → record), ``model`` + ``migraties`` (own table and Alembic
branch), ``opslag`` (idempotent upsert, keyed by the HMAC secret of :mod:`kern.geheim` in
``Settings.signalen_geheim_path``), ``onderdrukking`` (small-cell suppression), ``rapport`` (SQL aggregation and formats), ``export`` (rows) and
``cli`` (``wegwijzer signalen …``). Importing the package does no I/O.
"""

from __future__ import annotations


class SignaalFout(ValueError):
    """A user error in the signal commands; the message is Dutch and says what to change."""
