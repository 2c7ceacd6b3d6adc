"""Run the web app, Rasa, the action server and the retention job as one unit (``make run``).

Output of all comes in one stream with a prefix per process (honcho). Ctrl-C or SIGTERM
stops all; if one dies, the others are stopped and we exit non-zero.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from honcho.manager import Manager

from kern.gemeente import load_profiel
from kern.settings import PROJECT_ROOT, Settings, rasa_omgeving

#: The web app's interpreter (``make setup`` creates the venv from requirements-web.lock).
WEB_PYTHON = PROJECT_ROOT / ".venv-web" / "bin" / "python"


def process_env(settings: Settings) -> dict[str, str]:
    """Environment for the servers: settings passed on, no telemetry, TensorFlow quiet."""
    return rasa_omgeving(
        {
            "WEGWIJZER_ACTION_ENDPOINT": settings.action_endpoint,
            "SANIC_HOST": settings.actions_host,  # rasa-sdk reads its interface from here
            "LOG_LEVEL": settings.log_level,  # read by Rasa and rasa-sdk
            "PYTHONUNBUFFERED": "1",
        }
    )


def commands(settings: Settings) -> dict[str, list[str]]:
    """Argv of each process; the Rasa HTTP API is only on with a token."""
    python = str(Path(sys.executable))
    rasa = [
        python, "-m", "wegwijzer.servers", "rasa", "run",
        "--model", str(settings.model_path),
        "--endpoints", "endpoints.yml",
        "--credentials", "credentials.yml",
        "--interface", settings.rasa_host,
        "--port", str(settings.rasa_port),
    ]  # fmt: skip
    if settings.rasa_api_token:
        rasa += ["--enable-api", "--auth-token", settings.rasa_api_token]
    acties = [
        python, "-m", "wegwijzer.servers", "acties",
        "--actions", "actions",
        "--port", str(settings.actions_port),
    ]  # fmt: skip
    if settings.log_level == "DEBUG":
        rasa.append("--debug")
        acties.append("--debug")
    opschonen = [python, "-m", "wegwijzer.cli", "privacy", "opschonen", "--herhaal", "3600"]
    # The public web app runs in its own venv (Python 3.12); uvicorn's own proxy-header
    # handling is off because the app applies the trusted-proxy list itself, and the access
    # log is off because client addresses are personal data.
    web = [
        str(WEB_PYTHON), "-m", "uvicorn", "web.app:maak_app", "--factory",
        "--app-dir", str(PROJECT_ROOT),
        "--host", settings.web_host,
        "--port", str(settings.web_port),
        "--no-proxy-headers", "--no-access-log", "--no-server-header",
        "--log-level", settings.log_level.lower(),
    ]  # fmt: skip
    return {"acties": acties, "rasa": rasa, "opschonen": opschonen, "web": web}


def serve(settings: Settings) -> int:
    """Start both servers and block; return the exit code for ``make run``."""
    if not settings.model_path.exists():
        print(
            f"Er is geen getraind model ({settings.model_path}). Start met 'make run', "
            "dat traint eerst. / No trained model: use 'make run'.",
            file=sys.stderr,
        )
        return 2
    if not WEB_PYTHON.exists():
        print(
            f"De webapp heeft zijn eigen venv nodig ({WEB_PYTHON.parent.parent}). Start met "
            "'make run', dat installeert die eerst. / The web app's venv is missing: use 'make run'.",
            file=sys.stderr,
        )
        return 2
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    load_profiel(settings.gemeente_path)  # a broken profile stops start-up, with its Dutch message
    manager = Manager()
    env = process_env(settings)
    for name, argv in commands(settings).items():
        manager.add_process(name, shlex.join(argv), env=env, cwd=str(PROJECT_ROOT))
    manager.loop()
    code = manager.returncode
    if code in (None, 0):
        print("Een van de servers stopte onverwacht; Wegwijzer is gestopt.", file=sys.stderr)
        return 1
    return int(code)
