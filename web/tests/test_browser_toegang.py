"""The login pages in Debian's Chromium: login, a wrong password, logout, TOTP enrolment.

axe-core (no serious or critical violations) and zero CSP violations on every login page at
1280 px, 320 px and 200 % zoom, and a screenshot of each in ``var/screenshots/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyotp
import pytest
from playwright.sync_api import Browser, Page

from web.tests.browser import (
    BREEDTES,
    E2E_WACHTWOORD,
    axe_ernstig,
    csp_fouten,
    inloggen,
    nieuwe_context,
    schermafdruk,
)
from web.tests.servers import Servers

pytestmark = pytest.mark.browser


@pytest.fixture
def pagina(browser: Browser) -> Iterator[Page]:
    context = nieuwe_context(browser)
    page = context.new_page()
    yield page
    fouten = csp_fouten(page)
    context.close()
    assert fouten == [], f"CSP-schendingen: {fouten}"


def _controleer(page: Page, naam: str) -> None:
    """axe, CSP and a screenshot at each width."""
    for breedte_naam, breedte, hoogte, _schaal in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": hoogte})
        assert axe_ernstig(page) == [], (naam, breedte_naam)
        schermafdruk(page, f"{naam}-{breedte_naam}")
        # Nothing sticks out sideways at 320 px or at 200 % zoom.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (naam, breedte_naam)
    page.set_viewport_size({"width": 1280, "height": 800})
    assert csp_fouten(page) == [], naam


def _maak_account(servers: Servers, naam: str, *rollen: str) -> None:
    import subprocess

    from kern.settings import PROJECT_ROOT

    argv = [str(PROJECT_ROOT / ".venv" / "bin" / "python"), "-m", "wegwijzer.cli", "gebruiker", "maak", naam, "--wachtwoord-stdin"]
    for rol in rollen:
        argv += ["--rol", rol]
    uit = subprocess.run(argv, input=E2E_WACHTWOORD + "\n", env=servers.env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, uit.stderr


def test_inlogpagina_fout_wachtwoord_en_uitloggen(pagina: Page, servers: Servers) -> None:
    page = pagina
    page.goto(f"{servers.web_url}/loket")
    assert "/inloggen?terug=/loket" in page.url
    assert page.evaluate("document.activeElement.id") == "naam"  # focus in the name field
    _controleer(page, "inloggen")

    page.fill("#naam", "e2e-bestaat-niet")
    page.fill("#wachtwoord", "een verkeerd wachtwoord hier")
    with page.expect_navigation():
        page.press("#wachtwoord", "Enter")
    melding = page.locator("#inloggen-melding")
    assert "De naam of het wachtwoord klopt niet" in melding.inner_text()
    assert page.input_value("#wachtwoord") == ""
    _controleer(page, "inloggen-fout")

    inloggen(page, servers, "loket")
    assert page.url.endswith("/loket")
    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()
    assert "/inloggen?uit=1" in page.url
    assert "U bent uitgelogd." in page.locator("main").inner_text()
    page.goto(f"{servers.web_url}/loket")
    assert "/inloggen" in page.url  # the session is really gone


def test_te_vaak_fout_zegt_hoe_lang_wachten(pagina: Page, servers: Servers) -> None:
    page = pagina
    page.goto(f"{servers.web_url}/inloggen")
    for _ in range(4):
        page.fill("#naam", "e2e-vertraagd")
        page.fill("#wachtwoord", "nog steeds niet goed")
        with page.expect_navigation():
            page.click("form[action='/inloggen'] button[type=submit]")
    tekst = page.locator("#inloggen-melding").inner_text()
    assert "Te vaak een verkeerd wachtwoord" in tekst and re.search(r"Wacht \d+ seconden?", tekst)
    _controleer(page, "inloggen-vertraagd")


def test_beheer_stelt_tweede_stap_in_en_gebruikt_die_daarna(pagina: Page, servers: Servers) -> None:
    page = pagina
    _maak_account(servers, "e2e-beheer-totp", "beheer")
    page.goto(f"{servers.web_url}/inloggen")
    page.fill("#naam", "e2e-beheer-totp")
    page.fill("#wachtwoord", E2E_WACHTWOORD)
    with page.expect_navigation():
        page.click("form[action='/inloggen'] button[type=submit]")
    assert "/inloggen/instellen" in page.url
    assert page.locator("figure svg").count() == 1  # the QR code, inline SVG
    geheim = page.get_attribute("#totp-geheim", "data-geheim") or ""
    assert len(geheim) >= 16
    _controleer(page, "inloggen-instellen")

    page.fill("#code", "000000")
    with page.expect_navigation():
        page.click("form[action='/inloggen/instellen'] button[type=submit]")
    assert "De code klopt niet" in page.locator("[role=alert]").inner_text()
    assert page.get_attribute("#totp-geheim", "data-geheim") == geheim  # same secret offered

    totp = pyotp.TOTP(geheim)
    page.fill("#code", totp.now())
    with page.expect_navigation():
        page.click("form[action='/inloggen/instellen'] button[type=submit]")
    assert page.url.endswith("/beheer"), page.url

    # Log out and in again: now the code step.
    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()
    page.fill("#naam", "e2e-beheer-totp")
    page.fill("#wachtwoord", E2E_WACHTWOORD)
    with page.expect_navigation():
        page.click("form[action='/inloggen'] button[type=submit]")
    assert "/inloggen/code" in page.url
    _controleer(page, "inloggen-code")
    import time

    page.fill("#code", totp.at(time.time() + 30))  # a step not used yet (one ahead is accepted)
    with page.expect_navigation():
        page.click("form[action='/inloggen/code'] button[type=submit]")
    assert page.url.endswith("/beheer"), page.url


def test_geen_toegang_pagina(pagina: Page, servers: Servers) -> None:
    page = pagina
    inloggen(page, servers, "loket")
    page.goto(f"{servers.web_url}/beheer")
    assert page.locator("h1").inner_text() == "Geen toegang"
    _controleer(page, "geen-toegang")
