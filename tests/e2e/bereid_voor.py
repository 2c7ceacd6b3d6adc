"""Prepare a fresh Wegwijzer for a browser test run and print how to start its processes.

The browser tests run in the web app's venv (Python 3.12), which has no Rasa, Alembic or
kaart importer; this script runs in the Rasa venv and does that part::

    .venv/bin/python -m tests.e2e.bereid_voor TMP_DIR WEB_PORT RASA_PORT ACTIES_PORT

It creates the database with the demo kaart, the signal table and the account tables under ``TMP_DIR`` and prints
one JSON object: the environment and the argv of each process (as ``wegwijzer serve`` would
start them), so the test can stop and restart Rasa on its own.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from kern.gemeente import load_profiel
from leren import migraties as leren_migraties
from signalen.migraties import richt_in
from sociale_kaart import service
from tests.conftest import DEMO_KAART, make_settings
from toegang.migraties import richt_in as toegang_richt_in
from wegwijzer.serve import commands, process_env


def main(argv: list[str]) -> None:
    """See the module docstring."""
    tmp, web_port, rasa_port, acties_port = Path(argv[0]), argv[1], argv[2], argv[3]
    env_settings = {
        "WEGWIJZER_WEB_PORT": web_port,
        "WEGWIJZER_RASA_PORT": rasa_port,
        "WEGWIJZER_ACTIONS_PORT": acties_port,
    }
    settings = make_settings(tmp, **env_settings)
    service.init_database(settings, load_profiel(settings.gemeente_path))
    service.import_bestand(settings, DEMO_KAART, vervang=True)
    richt_in(settings)
    toegang_richt_in(settings)
    leren_migraties.richt_in(settings)
    env = {k: v for k, v in process_env(settings).items() if not k.startswith("WEGWIJZER_")}
    env.update(
        {
            "WEGWIJZER_VAR_DIR": str(settings.var_dir),
            "WEGWIJZER_DB_URL": settings.db_url,
            "WEGWIJZER_GEMEENTE": str(settings.gemeente_path),
            "WEGWIJZER_ACTION_ENDPOINT": settings.action_endpoint,
            **env_settings,
        }
    )
    env.pop("VIRTUAL_ENV", None)
    procs = commands(settings)
    procs.pop("opschonen", None)
    json.dump(
        {"env": env, "commands": procs, "db_url": settings.db_url, "var_dir": str(settings.var_dir)},
        sys.stdout,
    )


if __name__ == "__main__":
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    main(sys.argv[1:])
