"""The beleid dashboard in Debian's Chromium: charts drawn as SVG under the strict CSP, tables,
downloads, axe-core at 1280 px, 320 px and 200 % zoom, and zero CSP violations.

The servers' database gets the seeded signals of tests/equivalentie_rapport.py (months July to
October 2026; the servers' "today" is the real date, so the default period is the last quarter
that is over).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Page
from sqlalchemy import create_engine, select

from signalen.dashboard import WEERGAVEN, standaard_periode
from signalen.model import signaal_tabel
from tests.equivalentie_rapport import zaad_rijen
from web.tests.browser import (
    BREEDTES,
    axe_ernstig,
    csp_fouten,
    inloggen,
    nieuwe_context,
    schermafdruk,
)
from web.tests.servers import Servers

pytestmark = pytest.mark.browser

TEKEN_MS = 30_000


@pytest.fixture(scope="module")
def signalen(servers: Servers) -> Iterator[str]:
    """Insert the seeded signals once (idempotent: the keys are fixed)."""
    rijen = zaad_rijen()
    engine = create_engine(servers.db_url)
    try:
        with engine.begin() as conn:
            bestaand = set(conn.execute(select(signaal_tabel.c.sleutel)).scalars())
            nieuw = [r for r in rijen if r["sleutel"] not in bestaand]
            if nieuw:
                conn.execute(signaal_tabel.insert(), nieuw)
    finally:
        engine.dispose()
    yield standaard_periode(date.today()).code


def _open_dashboard(page: Page, servers: Servers, periode: str) -> dict[str, float]:
    page.goto(f"{servers.web_url}/beleid?periode={periode}")
    page.wait_for_function("() => window.__beleidGrafieken !== undefined", timeout=TEKEN_MS)
    tijden: dict[str, float] = page.evaluate("() => window.__beleidGrafieken")
    return tijden


@pytest.mark.parametrize(("naam", "breedte", "hoogte", "schaal"), BREEDTES)
def test_dashboard_tekent_grafieken_en_tabellen(
    browser: Browser,
    servers: Servers,
    signalen: str,
    naam: str,
    breedte: int,
    hoogte: int,
    schaal: float,
) -> None:
    context = nieuwe_context(browser, breedte, hoogte, schaal)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    try:
        inloggen(page, servers, "beleid")
        tijden = _open_dashboard(page, servers, signalen)
        assert set(tijden) == {f"grafiek-{s.code}" for s in WEERGAVEN}
        print(f"SVG-tekentijd ({naam}): {sum(tijden.values()):.0f} ms", tijden)
        grafieken = page.locator(".beleid__grafiek")
        assert grafieken.count() == len(WEERGAVEN)
        for i in range(grafieken.count()):
            grafiek = grafieken.nth(i)
            assert grafiek.is_visible()
            assert grafiek.get_attribute("role") == "img"
            assert (grafiek.get_attribute("aria-label") or "").startswith("Grafiek: ")
            svg = grafiek.locator("svg")
            assert svg.count() == 1
            assert svg.get_attribute("aria-hidden") == "true"
            assert svg.locator("path, rect, line, symbol").count() > 3  # marks were drawn
        assert page.locator("table.medewerker__tabel").count() == len(WEERGAVEN)
        assert page.locator("td.beleid__afgeschermd").count() > 0
        # At 320 px and at 200 % zoom nothing sticks out sideways (WCAG 1.4.10 reflow).
        breder = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert breder <= 1, f"{breder}px horizontaal scrollen"
        ernstig = axe_ernstig(page)
        assert ernstig == [], ernstig
        schermafdruk(page, f"beleid-{naam}")
        assert csp_fouten(page) == []
        assert not [c for c in console if "Content Security Policy" in c], console
        assert not [c for c in console if "grafiek niet getekend" in c], console
    finally:
        context.close()


def test_downloads_werken(browser: Browser, servers: Servers, signalen: str) -> None:
    context = nieuwe_context(browser)
    page = context.new_page()
    try:
        inloggen(page, servers, "beleid")
        _open_dashboard(page, servers, signalen)
        verwacht = {
            "#thema .beleid__downloads a >> nth=0": b"\xef\xbb\xbfthema;hulpvragen;",
            "#thema .beleid__downloads a >> nth=1": b"PK\x03\x04",
            "#gaten .beleid__downloads a >> nth=0": b"\xef\xbb\xbfthema;wijk;hulpvragen;",
            "#downloads a >> nth=0": b"\xef\xbb\xbf# Wegwijzer, anonieme signalen",
            "#downloads a >> nth=1": b'{"samenvatting": {',
        }
        for selector, begin in verwacht.items():
            with page.expect_download() as info:
                page.locator(selector).click()
            pad = info.value.path()
            assert pad.read_bytes().startswith(begin), selector
        assert csp_fouten(page) == []
    finally:
        context.close()
