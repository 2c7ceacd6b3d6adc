"""Staff accounts: roles, password hashing, second factor, login throttling and the login log.

Domain code: it imports only ``kern``, so the CLI (Rasa venv) and the web app (Python 3.12)
share it.
"""
