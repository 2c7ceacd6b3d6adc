"""What every browser test shares: Debian's Chromium, axe-core, the CSP listener, widths.

Playwright cannot download its own browser here; it drives ``/usr/bin/chromium``. The session
fixtures (``servers``, ``playwright``, ``browser``) are in ``conftest.py``, so all rooms' browser
tests share one set of servers.
"""

from __future__ import annotations

import os
import re
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from kern.settings import PROJECT_ROOT

CHROMIUM = os.environ.get("WEGWIJZER_CHROMIUM", "/usr/bin/chromium")
AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHERMAFDRUKKEN = PROJECT_ROOT / "var" / "screenshots"
#: Collects every CSP violation the page reports, also from inside the widget's shadow root.
CSP_LUISTERAAR = """
window.__cspFouten = [];
const meld = (e) => window.__cspFouten.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
window.addEventListener('securitypolicyviolation', meld, true);
document.addEventListener('securitypolicyviolation', meld, true);
"""

#: (name, viewport width, viewport height, device scale factor): 200 % zoom of a 1280 px
#: window is a 640 px CSS viewport at twice the pixel density.
BREEDTES = [("1280", 1280, 800, 1), ("320", 320, 640, 1), ("zoom200", 640, 400, 2)]


def nieuwe_context(browser: Browser, breedte: int = 1280, hoogte: int = 800, schaal: float = 1) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": breedte, "height": hoogte}, device_scale_factor=schaal, locale="nl-NL"
    )
    context.add_init_script(CSP_LUISTERAAR)
    context.add_init_script(path=str(AXE))
    return context




def axe_ernstig(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    resultaat: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
        " doel: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [v for v in resultaat if v["impact"] in ("serious", "critical")]


def schermafdruk(page: Page, naam: str) -> None:
    """A full-page screenshot in ``var/screenshots/`` (the issue asks for one of each page)."""
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCHERMAFDRUKKEN / f"{re.sub(r'[^a-z0-9-]+', '', naam)}.png"), full_page=True)


def csp_fouten(page: Page) -> list[str]:
    """CSP violations the page has reported so far (see ``CSP_LUISTERAAR``)."""
    fouten: list[str] = page.evaluate("window.__cspFouten || []")
    return fouten


def inloggen(page: Any, servers: Any, *rollen: str) -> None:
    """Log in through the real login page as a staff member holding ``rollen``.

    Creates (or reuses) an account with exactly those roles in the servers' database through
    the CLI (``wegwijzer gebruiker maak``), and answers the second-factor step when the roles
    need it: the enrolment page's secret is kept per account, so a later login answers the
    code step (waiting for the next 30-second step when the last code was just used, since a
    code is accepted once only).
    """
    import subprocess

    if not rollen:
        raise ValueError("inloggen(page, servers, *rollen): geef minstens één rol")
    naam = "e2e-" + "-".join(sorted(set(rollen)))
    if naam not in _ACCOUNTS:
        argv = [str(PROJECT_ROOT / ".venv" / "bin" / "python"), "-m", "wegwijzer.cli"]
        argv += ["gebruiker", "maak", naam, "--wachtwoord-stdin"]
        for rol in sorted(set(rollen)):
            argv += ["--rol", rol]
        uitvoer = subprocess.run(
            argv, input=E2E_WACHTWOORD + "\n", env=servers.env, cwd=PROJECT_ROOT,
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if uitvoer.returncode != 0 and "al een account" not in uitvoer.stderr:
            raise RuntimeError(f"gebruiker maak mislukt: {uitvoer.stderr}")
        _ACCOUNTS.add(naam)
    page.goto(f"{servers.web_url}/inloggen")
    page.fill("#naam", naam)
    page.fill("#wachtwoord", E2E_WACHTWOORD)
    with page.expect_navigation():
        page.click("form[action='/inloggen'] button[type=submit]")
    if "/inloggen/instellen" in page.url:
        _GEHEIMEN[naam] = page.get_attribute("#totp-geheim", "data-geheim") or ""
    if "/inloggen/instellen" in page.url or "/inloggen/code" in page.url:
        page.fill("#code", _volgende_code(naam))
        with page.expect_navigation():
            page.click("form[action^='/inloggen/'] button[type=submit]")
    if "/inloggen" in page.url:
        melding = page.locator("main").inner_text()
        raise AssertionError(f"inloggen als {naam} mislukt: {melding}")


E2E_WACHTWOORD = "paarse olifant fietst naar de markt"
_ACCOUNTS: set[str] = set()
_GEHEIMEN: dict[str, str] = {}
_GEBRUIKTE_STAP: dict[str, int] = {}


def _volgende_code(naam: str) -> str:
    """A code of a 30-second step this account has not used yet (waits for one if needed)."""
    import time

    import pyotp

    totp = pyotp.TOTP(_GEHEIMEN[naam])
    while True:
        nu = time.time()
        stap = int(nu // 30)
        for extra in (0, 1):  # the server accepts one step ahead as well
            if stap + extra > _GEBRUIKTE_STAP.get(naam, -1):
                _GEBRUIKTE_STAP[naam] = stap + extra
                return totp.at(nu + 30 * extra)
        time.sleep(1)
