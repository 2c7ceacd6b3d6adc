"""The public web app (Python 3.12 venv): the resident chat page, the widget and its API."""
