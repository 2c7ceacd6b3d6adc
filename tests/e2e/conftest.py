"""Start the real servers (`wegwijzer serve`) on free ports with a fresh database.

One start per test session (``servers``, session-scoped): starting Rasa with a model costs
tens of seconds. The servers log at DEBUG level, so the privacy test can check that even
DEBUG output holds no personal data; ``debug_servers`` is the same servers under that name.
Tests share the database: compare before and after instead of counting everything.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from kern.gemeente import load_profiel
from kern.settings import PROJECT_ROOT, Settings
from signalen.migraties import richt_in
from sociale_kaart import service
from tests.conftest import DEMO_KAART, IN_CI, make_settings

START_TIMEOUT = 240.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Servers:
    process: subprocess.Popen[bytes]
    settings: Settings
    env: dict[str, str]
    log: Path

    @property
    def rest_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_port}/webhooks/rest/webhook"

    def send(self, sender: str, message: str) -> list[dict[str, Any]]:
        response = requests.post(
            self.rest_url, json={"sender": sender, "message": message}, timeout=30
        )
        response.raise_for_status()
        result: list[dict[str, Any]] = response.json()
        return result

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _wait_ready(servers: Servers) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    s = servers.settings
    while time.monotonic() < deadline:
        if servers.process.poll() is not None:
            raise RuntimeError(
                "wegwijzer serve stopte tijdens het starten:\n" + servers.output()[-4000:]
            )
        try:
            rasa = requests.get(f"http://127.0.0.1:{s.rasa_port}/", timeout=2)
            acties = requests.get(f"http://127.0.0.1:{s.actions_port}/health", timeout=2)
            if rasa.ok and acties.ok:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise RuntimeError("servers niet op tijd gestart:\n" + servers.output()[-4000:])


def start_servers(tmp: Path, **extra_env: str) -> Servers:
    model = PROJECT_ROOT / "models" / "wegwijzer.tar.gz"
    if not model.exists():
        message = "geen getraind model; draai eerst 'make setup'"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    env_settings = {
        "WEGWIJZER_RASA_PORT": str(free_port()),
        "WEGWIJZER_ACTIONS_PORT": str(free_port()),
        "WEGWIJZER_WEB_PORT": str(free_port()),  # 8080 may be taken by another run
        **extra_env,
    }
    settings = make_settings(tmp, extra_env.get("WEGWIJZER_DB_URL"), **env_settings)
    service.init_database(settings, load_profiel(settings.gemeente_path))
    service.import_bestand(settings, DEMO_KAART, vervang=True)
    richt_in(settings)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEGWIJZER_")}
    env.update(
        {
            "WEGWIJZER_VAR_DIR": str(settings.var_dir),
            "WEGWIJZER_DB_URL": settings.db_url,
            "WEGWIJZER_GEMEENTE": str(settings.gemeente_path),
            **env_settings,
        }
    )
    log = tmp / "serve.log"
    handle = log.open("wb")
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("wegwijzer")), "serve"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    servers = Servers(process=process, settings=settings, env=env, log=log)
    try:
        _wait_ready(servers)
    except Exception:
        stop_servers(servers)
        raise
    return servers


def stop_servers(servers: Servers) -> int:
    if servers.process.poll() is None:
        servers.process.send_signal(signal.SIGTERM)
        try:
            servers.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(servers.process.pid, signal.SIGKILL)
            servers.process.wait(timeout=10)
    return int(servers.process.returncode)


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    started = start_servers(tmp_path_factory.mktemp("e2e"), WEGWIJZER_LOG_LEVEL="DEBUG")
    yield started
    stop_servers(started)


@pytest.fixture(scope="session")
def debug_servers(servers: Servers) -> Servers:
    """The session's servers, which log at DEBUG level (the name the privacy test uses)."""
    return servers
