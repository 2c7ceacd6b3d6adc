"""Anonymous policy signals: one record per hulpvraag, reports with small-cell suppression.

Modules: ``signaal`` (state → record), ``model`` + ``migraties`` (own table and Alembic
branch), ``opslag`` (idempotent upsert, keyed by the HMAC secret of :mod:`kern.geheim` in
``Settings.signalen_geheim_path``), ``periode`` (whole, finished months only),
``onderdrukking`` (small-cell suppression), ``rapport`` (SQL aggregation and formats),
``vrijgave`` (k-anonymous rows: month instead of day, rare combinations generalised or left
out), ``export`` (those rows as files) and ``cli`` (``wegwijzer signalen …``). Importing the
package does no I/O. The raw table (with its day-level dates) never leaves the database: every
report and export goes through ``periode`` and either ``onderdrukking`` or ``vrijgave``.
"""

from __future__ import annotations


class SignaalFout(ValueError):
    """A user error in the signal commands; the message is Dutch and says what to change.

    ``veld`` names the input field at fault (``van``, ``tot``, ``per``, ``k``…) when there is
    one, so a web form can put the message next to that field; the CLI prints the message.
    """

    def __init__(self, melding: str, veld: str | None = None) -> None:
        """Keep the Dutch message as the exception text and the field beside it."""
        super().__init__(melding)
        self.veld = veld
