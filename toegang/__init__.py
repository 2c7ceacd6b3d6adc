"""Staff accounts: roles, password hashing, second factor, login throttling and the login log.

Domain code: it imports only ``kern``, so the CLI (Rasa venv) and the web app (Python 3.12)
share it.
"""

from __future__ import annotations


class ToegangFout(Exception):
    """A user error about accounts (bad name, weak password, unknown account), in Dutch.

    The CLI prints it as ``Fout: …`` with exit code 2; the web app shows it as it is.
    """
