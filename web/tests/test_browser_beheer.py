"""The kaart beheer page in Debian's Chromium: a dry run with an error row, then "inlezen".

Logged in through the real login page (``inloggen``, with the second factor ``beheer`` needs).
axe-core at 1280 px, 320 px and 200 % zoom, zero CSP violations, screenshots in
``var/screenshots/``. The servers are shared with the other rooms' browser tests: this test
only adds one offer (no full replace), so their demo kaart stays as it is.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, FilePayload, Page

from sociale_kaart.template import KOLOMMEN
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

GOED = {
    "id": "browser-01",
    "naam": "Browsertest koffieochtend",
    "organisatie": "Buurthuis Browsertest",
    "omschrijving": "Koffie en een praatje, elke week.",
    "themas": "eenzaamheid",
    "niveau": "sociale_basis",
    "telefoon": "0123 45 67 89",
    "laatst_gecontroleerd": "2026-11-01",
}


def _csv(*rijen: dict[str, str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(KOLOMMEN), lineterminator="\r\n")
    writer.writeheader()
    for rij in rijen:
        writer.writerow({k: rij.get(k, "") for k in KOLOMMEN})
    return buffer.getvalue().encode("utf-8")


def _geen_fouten(page: Page, naam: str) -> None:
    ernstig = axe_ernstig(page)
    assert ernstig == [], f"axe op {naam}: {ernstig}"
    assert csp_fouten(page) == [], f"CSP op {naam}: {csp_fouten(page)}"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = nieuwe_context(browser)
    yield ctx
    ctx.close()


def _upload(page: Page, inhoud: bytes, naam: str = "kaart.csv") -> None:
    bestand: FilePayload = {"name": naam, "mimeType": "text/csv", "buffer": inhoud}
    page.set_input_files("#bestand", files=[bestand])
    page.get_by_role("button", name="Proefimport bekijken").click()
    page.wait_for_load_state("load")


def test_proefimport_met_foutrij_dan_inlezen_en_logboek(
    context: BrowserContext, servers: Servers
) -> None:
    page = context.new_page()
    inloggen(page, servers, "beheer")
    page.goto(servers.web_url + "/beheer")
    assert page.get_by_role("heading", name="Kaartbeheer", level=1).is_visible()
    _geen_fouten(page, "beheer")
    schermafdruk(page, "beheer")

    # A file with one bad row: the error with row and column, nothing applied.
    fout = dict(GOED, id="browser-02", naam="Foute rij", niveau="superhulp")
    _upload(page, _csv(GOED, fout))
    tabel = page.locator("#fouten")
    assert tabel.is_visible()
    regel = tabel.locator("tbody tr").first
    assert regel.locator("td").nth(0).inner_text() == "3"
    assert regel.locator("td").nth(1).inner_text() == "niveau"
    assert "onbekend niveau 'superhulp'" in regel.inner_text()
    assert page.get_by_role("button", name="Inlezen").count() == 0
    _geen_fouten(page, "proef met fout")
    schermafdruk(page, "beheer-proef-fout")

    # The corrected file: the plan, then "Inlezen".
    page.goto(servers.web_url + "/beheer")
    _upload(page, _csv(GOED))
    plan = page.locator("#plan")
    assert "browser-01" in plan.inner_text() and "nieuw" in plan.inner_text()
    _geen_fouten(page, "proef met plan")
    schermafdruk(page, "beheer-proef-plan")
    page.get_by_role("button", name="Inlezen").click()
    page.wait_for_url("**/beheer?ingelezen=*")
    assert "Het bestand is ingelezen: 1 nieuw" in page.get_by_role("status").first.inner_text()
    log = page.locator("section[aria-labelledby='kop-log'] tbody tr").first
    assert "import" in log.inner_text()
    log.locator("summary").click()
    assert "browser-01" in log.inner_text()
    _geen_fouten(page, "beheer na inlezen")
    schermafdruk(page, "beheer-ingelezen")


def test_beheer_toegankelijk_op_elke_breedte(
    browser: Browser, context: BrowserContext, servers: Servers
) -> None:
    # One login (the second factor accepts a code once per 30 s); the other widths reuse its
    # session cookie in their own context.
    page = context.new_page()
    inloggen(page, servers, "beheer")
    koekjes = context.cookies()
    for naam, breedte, hoogte, schaal in BREEDTES:
        ctx = nieuwe_context(browser, breedte, hoogte, schaal)
        try:
            ctx.add_cookies(koekjes)  # type: ignore[arg-type]
            page = ctx.new_page()
            page.goto(servers.web_url + "/beheer")
            assert page.url.endswith("/beheer"), page.url
            _geen_fouten(page, f"beheer {naam}")
            breed = page.evaluate("document.documentElement.scrollWidth")
            binnen = page.evaluate("window.innerWidth")
            assert breed <= binnen + 1, f"horizontaal scrollen op {naam}: {breed} > {binnen}"
            schermafdruk(page, f"beheer-{naam}")
            _upload(page, _csv(dict(GOED, niveau="superhulp")))
            assert page.locator("#fouten").is_visible()
            _geen_fouten(page, f"proef {naam}")
            schermafdruk(page, f"beheer-proef-{naam}")
        finally:
            ctx.close()
