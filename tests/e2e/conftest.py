"""Start the real servers (`wegwijzer serve`) on free ports with a fresh database.

One start per test session (``servers``, session-scoped): starting Rasa with a model costs
tens of seconds. The servers log at DEBUG level, so the privacy test can check that even
DEBUG output holds no personal data; ``debug_servers`` is the same servers under that name.
Tests share the database: compare before and after instead of counting everything.

When a run selects e2e tests, the servers are launched as soon as collection ends and the
e2e tests run last (:func:`pytest_collection_modifyitems`): the 25-35 s start-up then runs
beside the rest of the suite instead of before the first e2e test. The servers and the
tests are the same; only the order and the moment of the start differ.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
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


MODEL = PROJECT_ROOT / "models" / "wegwijzer.tar.gz"
#: The e2e session's servers and temp dir, launched when collection ends (see below).
_VROEG: dict[str, Any] = {}


def start_servers(tmp: Path, **extra_env: str) -> Servers:
    """Launch ``wegwijzer serve`` and wait until Rasa and the action server answer."""
    servers = launch_servers(tmp, **extra_env)
    try:
        _wait_ready(servers)
    except Exception:
        stop_servers(servers)
        raise
    return servers


def launch_servers(tmp: Path, **extra_env: str) -> Servers:
    """A fresh database under ``tmp`` and ``wegwijzer serve`` started on it; does not wait."""
    if not MODEL.exists():
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
    return Servers(process=process, settings=settings, env=env, log=log)


def stop_servers(servers: Servers) -> int:
    if servers.process.poll() is None:
        servers.process.send_signal(signal.SIGTERM)
        try:
            servers.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(servers.process.pid, signal.SIGKILL)
            servers.process.wait(timeout=10)
    return int(servers.process.returncode)


SERVER_OMGEVING = {"WEGWIJZER_LOG_LEVEL": "DEBUG"}


def _is_e2e(item: pytest.Item) -> bool:
    return item.get_closest_marker("e2e") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """e2e tests last (same relative order), so their servers start beside the other tests."""
    if any(_is_e2e(item) for item in items):
        items[:] = [i for i in items if not _is_e2e(i)] + [i for i in items if _is_e2e(i)]


def pytest_collection_finish(session: pytest.Session) -> None:
    """Launch the servers now if e2e tests will run (and a model exists); do not wait."""
    if session.config.option.collectonly or not MODEL.exists():
        return
    if not any("servers" in getattr(item, "fixturenames", ()) for item in session.items):
        return
    tmp = Path(tempfile.mkdtemp(prefix="wegwijzer-e2e-"))
    _VROEG["tmp"] = tmp
    try:
        _VROEG["servers"] = launch_servers(tmp, **SERVER_OMGEVING)
    except Exception:  # the fixture starts them again, and reports the error on its test
        _VROEG.pop("tmp")
        shutil.rmtree(tmp, ignore_errors=True)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stop early-launched servers the tests never used (-x, a failed collection, ...)."""
    servers: Servers | None = _VROEG.pop("servers", None)
    if servers is not None:
        stop_servers(servers)
    tmp: Path | None = _VROEG.pop("tmp", None)
    if tmp is not None and exitstatus == 0:
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    started: Servers | None = _VROEG.pop("servers", None)
    if started is None:
        started = start_servers(tmp_path_factory.mktemp("e2e"), **SERVER_OMGEVING)
    else:
        try:
            _wait_ready(started)
        except Exception:
            stop_servers(started)
            raise
    yield started
    stop_servers(started)


@pytest.fixture(scope="session")
def debug_servers(servers: Servers) -> Servers:
    """The session's servers, which log at DEBUG level (the name the privacy test uses)."""
    return servers
