"""The real servers for browser tests: web app, Rasa and action server, each its own process.

Started one by one (not under honcho) so a test can stop Rasa and start it again while the web
app keeps running, as happens during a deploy.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from kern.settings import PROJECT_ROOT

RASA_PYTHON = PROJECT_ROOT / ".venv" / "bin" / "python"
START_TIMEOUT = 300.0


def vrije_poort() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Servers:
    """The three processes and what the tests need to reach them."""

    tmp: Path
    env: dict[str, str]
    commands: dict[str, list[str]]
    db_url: str
    var_dir: Path
    web_url: str
    processen: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start(self, naam: str) -> None:
        log = (self.tmp / f"{naam}.log").open("ab")
        self.processen[naam] = subprocess.Popen(
            self.commands[naam],
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self, naam: str) -> None:
        proces = self.processen.pop(naam, None)
        if proces is None or proces.poll() is not None:
            return
        os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(timeout=10)

    def log(self, naam: str) -> str:
        pad = self.tmp / f"{naam}.log"
        return pad.read_text(encoding="utf-8", errors="replace") if pad.exists() else ""

    def wacht_gereed(self, timeout: float = START_TIMEOUT) -> None:
        """Until the web app says Rasa and the action server answer."""
        einde = time.monotonic() + timeout
        while time.monotonic() < einde:
            for naam, proces in self.processen.items():
                if proces.poll() is not None:
                    raise RuntimeError(f"{naam} stopte tijdens het starten:\n{self.log(naam)[-4000:]}")
            try:
                if httpx.get(f"{self.web_url}/api/status", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(1)
        raise RuntimeError("servers niet op tijd gestart:\n" + self.log("rasa")[-4000:])

    def stop_alles(self) -> None:
        for naam in list(self.processen):
            self.stop(naam)


def start_servers(tmp: Path) -> Servers:
    """Prepare a fresh database (in the Rasa venv) and start the three processes."""
    poorten = [str(vrije_poort()) for _ in range(3)]
    uitvoer = subprocess.run(
        [str(RASA_PYTHON), "-m", "tests.e2e.bereid_voor", str(tmp), *poorten],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("WEGWIJZER_")},
    )
    data = json.loads(uitvoer.stdout.strip().splitlines()[-1])
    servers = Servers(
        tmp=tmp,
        env=data["env"],
        commands=data["commands"],
        db_url=data["db_url"],
        var_dir=Path(data["var_dir"]),
        web_url=f"http://127.0.0.1:{poorten[0]}",
    )
    for naam in ("acties", "rasa", "web"):
        servers.start(naam)
    try:
        servers.wacht_gereed()
    except Exception:
        servers.stop_alles()
        raise
    return servers
