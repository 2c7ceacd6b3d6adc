"""Fixtures for the web app's tests (run in .venv-web, Python 3.12)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Playwright, sync_playwright

from kern.settings import PROJECT_ROOT, Settings
from web.app import maak_app
from web.tests.browser import CHROMIUM
from web.tests.servers import Servers, start_servers

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


@pytest.fixture
def medewerker(
    maak_settings: Callable[..., Settings], nep_rasa: NepRasa
) -> Iterator[Callable[..., TestClient]]:
    """``medewerker("loket", "beleid")``: a client logged in as staff with those roles.

    A real login: the account is made in the app's database (its access tables migrated
    there first), the client posts the login form with its CSRF token, answers the second
    step (enrolment with pyotp) when the roles need it, and then sends the session's CSRF
    token as the ``x-csrftoken`` header on every request, so POSTs pass. Each call makes a
    new account (``test-loket-beleid-1``, …) in the same database.
    """
    from web.tests.inlog_hulp import log_in_met_client

    geopend: list[TestClient] = []

    def maak(*rollen: str) -> TestClient:
        settings = maak_settings()
        app = maak_app(settings, rasa_transport=httpx.MockTransport(nep_rasa))
        c = TestClient(app, base_url="http://127.0.0.1:8080")
        c.__enter__()
        geopend.append(c)
        log_in_met_client(c, settings, rollen, volgnummer=len(geopend))
        return c

    yield maak
    for c in geopend:
        c.__exit__(None, None, None)


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} ontbreekt: `make test` installeert Debian's chromium")
    gestart = start_servers(tmp_path_factory.mktemp("browser"))
    yield gestart
    gestart.stop_alles()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    b = playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    )
    yield b
    b.close()
