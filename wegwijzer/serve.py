"""Run the Rasa server and the action server as one unit (``make run``).

Output of both comes in one stream with a prefix per process (honcho). Ctrl-C or SIGTERM
stops both; if one dies, the other is stopped and we exit non-zero.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from honcho.manager import Manager

from wegwijzer.settings import PROJECT_ROOT, Settings


def process_env(settings: Settings) -> dict[str, str]:
    """Environment for both servers: settings passed on, and TensorFlow kept quiet."""
    env = dict(os.environ)
    env.update(
        {
            "WEGWIJZER_ACTION_ENDPOINT": settings.action_endpoint,
            "SANIC_HOST": settings.actions_host,  # rasa-sdk reads its interface from here
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def commands(settings: Settings) -> dict[str, list[str]]:
    """Argv of each server; the Rasa HTTP API is only on with a token."""
    bindir = Path(sys.executable).parent
    rasa = [
        str(bindir / "rasa"), "run",
        "--model", str(settings.model_path),
        "--endpoints", "endpoints.yml",
        "--credentials", "credentials.yml",
        "--interface", settings.rasa_host,
        "--port", str(settings.rasa_port),
        "--log-file", str(settings.var_dir / "rasa.log"),
    ]  # fmt: skip
    if settings.rasa_api_token:
        rasa += ["--enable-api", "--auth-token", settings.rasa_api_token]
    acties = [
        str(bindir / "python"), "-m", "rasa_sdk",
        "--actions", "actions",
        "--port", str(settings.actions_port),
    ]  # fmt: skip
    return {"acties": acties, "rasa": rasa}


def serve(settings: Settings) -> int:
    """Start both servers and block; return the exit code for ``make run``."""
    if not settings.model_path.exists():
        print(
            f"Er is geen getraind model ({settings.model_path}). Start met 'make run', "
            "dat traint eerst. / No trained model: use 'make run'.",
            file=sys.stderr,
        )
        return 2
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    manager = Manager()
    env = process_env(settings)
    for name, argv in commands(settings).items():
        manager.add_process(name, " ".join(_quote(a) for a in argv), env=env, cwd=str(PROJECT_ROOT))
    manager.loop()
    code = manager.returncode
    if code in (None, 0):
        print("Een van de servers stopte onverwacht; Wegwijzer is gestopt.", file=sys.stderr)
        return 1
    return int(code)


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)
