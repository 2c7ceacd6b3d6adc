"""``wegwijzer serve`` as a supervisor: one process dies, the others stop, the exit is non-zero.

This used to be an e2e test that started Rasa a second time only to kill its action server;
the supervision is honcho's and ours, so fake processes show it in a second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_settings
from wegwijzer import serve


def test_if_one_process_dies_the_others_stop_and_serve_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path, WEGWIJZER_MODELS_DIR=str(tmp_path / "models"))
    settings.model_path.parent.mkdir(parents=True)
    settings.model_path.write_bytes(b"nep-model")
    monkeypatch.setattr(serve, "WEB_PYTHON", Path(sys.executable), raising=False)
    pid_bestand = tmp_path / "blijft.pid"
    blijft = f"import os, pathlib, time; pathlib.Path({str(pid_bestand)!r}).write_text(str(os.getpid())); time.sleep(120)"
    monkeypatch.setattr(
        serve,
        "commands",
        lambda s: {
            "blijft": [sys.executable, "-c", blijft],
            "stopt": [sys.executable, "-c", "import time, sys; time.sleep(1.5); sys.exit(3)"],
        },
    )
    start = time.monotonic()
    assert serve.serve(settings) != 0
    assert time.monotonic() - start < 60  # did not wait for the long sleeper
    assert _gestopt(int(pid_bestand.read_text()), binnen=10.0)  # the other one was stopped


def _gestopt(pid: int, binnen: float) -> bool:
    """Whether ``pid`` is gone (or a zombie waiting to be reaped) within ``binnen`` seconds."""
    einde = time.monotonic() + binnen
    while time.monotonic() < einde:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            return True
        if "\nState:\tZ" in status:
            return True
        time.sleep(0.1)
    return False
