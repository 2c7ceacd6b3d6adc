"""Fixtures for the web app's tests (run in .venv-web, Python 3.12)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from kern.settings import PROJECT_ROOT, Settings
from web.app import maak_app

DEMO_PROFIEL = PROJECT_ROOT / "demo_gemeente" / "gemeente.yml"


class NepRasa:
    """Stands in for Rasa's REST channel and the two health checks."""

    def __init__(self) -> None:
        self.antwoord: list[dict[str, Any]] = [{"recipient_id": "x", "text": "Hallo!"}]
        self.bereikbaar = True
        self.ontvangen: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if not self.bereikbaar:
            raise httpx.ConnectError("verbinding geweigerd", request=request)
        if request.url.path == "/webhooks/rest/webhook":
            import json

            self.ontvangen.append(json.loads(request.content))
            return httpx.Response(200, json=self.antwoord)
        return httpx.Response(200, text="ok")


@pytest.fixture
def nep_rasa() -> NepRasa:
    return NepRasa()


@pytest.fixture
def maak_settings(tmp_path: Path) -> Callable[..., Settings]:
    def maak(**extra: str) -> Settings:
        env = {
            "WEGWIJZER_VAR_DIR": str(tmp_path / "var"),
            "WEGWIJZER_GEMEENTE": str(extra.pop("gemeente", DEMO_PROFIEL)),
            **{f"WEGWIJZER_{k.upper()}": v for k, v in extra.items()},
        }
        return Settings.from_env(env)

    return maak


@pytest.fixture
def client(maak_settings: Callable[..., Settings], nep_rasa: NepRasa) -> Iterator[TestClient]:
    app = maak_app(maak_settings(), rasa_transport=httpx.MockTransport(nep_rasa))
    with TestClient(app, base_url="http://127.0.0.1:8080") as c:
        yield c
