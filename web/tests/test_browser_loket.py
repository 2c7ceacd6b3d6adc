"""The loket page in Debian's Chromium: keyboard first, copy a summary, print a selection.

Logged in through the real login page (``inloggen``). axe-core at 1280 px, 320 px and 200 %
zoom, zero CSP violations, screenshots in ``var/screenshots/``. Also the widget's side of the
stored-XSS check: kaart text with HTML in it, sent as the bot's ``aanbod`` payload, is shown
as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, Route

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


def _actief(page: Page) -> dict[str, str]:
    return page.evaluate(
        """() => { const e = document.activeElement;
            return {tag: e ? e.tagName : '', id: e ? e.id : '', naam: e ? e.getAttribute('name') || '' : '',
                    tekst: e ? (e.textContent || '').trim() : '', klasse: e ? e.className : ''}; }"""
    )


def _tab_naar(page: Page, klopt: Any, max_tabs: int = 80) -> dict[str, str]:
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        actief = _actief(page)
        if klopt(actief):
            return actief
    raise AssertionError(f"niet bereikbaar met Tab: {_actief(page)}")


@pytest.fixture
def context(browser: Browser, servers: Servers) -> Iterator[BrowserContext]:
    ctx = nieuwe_context(browser)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=servers.web_url)
    yield ctx
    ctx.close()


def _geen_fouten(page: Page, naam: str) -> None:
    ernstig = axe_ernstig(page)
    assert ernstig == [], f"axe op {naam}: {ernstig}"
    assert csp_fouten(page) == [], f"CSP op {naam}: {csp_fouten(page)}"


def test_loket_zoeken_kopieren_printen_met_toetsenbord(
    context: BrowserContext, servers: Servers
) -> None:
    page = context.new_page()
    inloggen(page, servers, "loket")
    page.goto(servers.web_url + "/loket")
    # Focus in the search box on load.
    assert _actief(page)["id"] == "hulpvraag"
    _geen_fouten(page, "loket leeg")
    schermafdruk(page, "loket-leeg")

    # Search with filters by keyboard only: type, Tab to the wijk select, pick with the keys.
    page.keyboard.type("mantelzorg dementie")
    _tab_naar(page, lambda e: e["id"] == "wijk")
    page.keyboard.press("ArrowDown")  # the first wijk of the profile
    page.keyboard.press("ArrowDown")  # the second: Oosterpark
    _tab_naar(page, lambda e: e["id"] == "leeftijd")
    page.keyboard.type("80")
    page.keyboard.press("Enter")
    page.wait_for_url("**/loket?*")
    assert "wijk=Oosterpark" in page.url and "leeftijd=80" in page.url
    assert page.locator("#resultaten-kop").inner_text().endswith("resultaten")
    eerste = page.locator(".loket__resultaat").first
    naam = eerste.locator(".loket__naam").inner_text()
    assert naam.startswith("1. ")
    assert "Waarom op plek 1" in eerste.inner_text()

    # Tab to the first result's copy button; Enter copies the server-made summary.
    knop = _tab_naar(page, lambda e: "loket__kopieer" in e["klasse"])
    assert knop["tekst"].startswith("Kopieer samenvatting")
    verwacht = eerste.locator("button.loket__kopieer").get_attribute("data-samenvatting")
    page.keyboard.press("Enter")
    bevestiging = eerste.locator(".loket__bevestiging")
    bevestiging.wait_for(state="visible")
    assert "gekopieerd" in bevestiging.inner_text()
    assert page.evaluate("navigator.clipboard.readText()") == verwacht
    assert verwacht and verwacht.startswith(naam.removeprefix("1. "))
    schermafdruk(page, "loket-resultaten")
    for breedte_naam, breedte, hoogte, schaal in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": hoogte})
        _geen_fouten(page, f"loket resultaten {breedte_naam} (schaal {schaal})")
        # No horizontal scrolling at 320 px / 200 %: the content reflows.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1280, "height": 800})

    # Select two results with the keyboard (Space on the checkbox) and open the print view.
    vinkjes = page.locator("input[name=ids]")
    for i in (0, 2):
        vinkjes.nth(i).focus()
        page.keyboard.press("Space")
    gekozen = [page.locator(".loket__naam").nth(i).inner_text().split(". ", 1)[1] for i in (0, 2)]
    page.get_by_role("button", name="Print selectie").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/loket/print?*")
    assert page.locator(".loket__printitem h2").all_inner_texts() == gekozen
    for breedte_naam, breedte, hoogte, schaal in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": hoogte})
        _geen_fouten(page, f"print selectie {breedte_naam} (schaal {schaal})")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.emulate_media(media="print")
    assert not page.locator(".wegwijzer-pagina__kop").is_visible()  # the staff menu is not printed
    assert not page.get_by_role("button", name="Afdrukken").is_visible()
    schermafdruk(page, "loket-print")
    page.emulate_media(media="screen")

    # Filters are remembered in this tab: a fresh /loket gets them back (not the free text).
    page.goto(servers.web_url + "/loket")
    assert page.locator("#wijk").input_value() == "Oosterpark"
    assert page.locator("#leeftijd").input_value() == "80"
    assert page.locator("#hulpvraag").input_value() == ""
    assert _actief(page)["id"] == "hulpvraag"

    # Bad input: the Dutch message in the page, never a 500.
    antwoord = page.goto(servers.web_url + "/loket?wijk=Oosterpak")
    assert antwoord is not None and antwoord.status == 400
    assert "Bedoelt u 'Oosterpark'?" in page.get_by_role("alert").inner_text()
    _geen_fouten(page, "loket fout")
    schermafdruk(page, "loket-fout")


XSS_NAAM = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


def test_widget_toont_kaarttekst_als_tekst(context: BrowserContext, servers: Servers) -> None:
    """A kaart entry with HTML in name and description, as the bot sends it, stays text."""
    page = context.new_page()
    dialogen: list[str] = []

    def dialoog(d: Dialog) -> None:
        dialogen.append(d.message)
        d.dismiss()

    page.on("dialog", dialoog)
    aanbod = {
        "type": "aanbod",
        "thema": "eenzaamheid",
        "items": [
            {
                "id": "xss-1",
                "naam": XSS_NAAM,
                "organisatie": f"Stichting {XSS_NAAM}",
                "niveau": "sociale_basis",
                "wijk": None,
                "telefoon": "0123 45 99 99",
                "website": "javascript:alert(1)",
                "email": None,
                "omschrijving": f"Koffie {XSS_NAAM}",
                "laatst_gecontroleerd": "2026-11-01",
                "verouderd": False,
            }
        ],
    }

    def bot(route: Route) -> None:
        route.fulfill(
            status=200,
            content_type="application/json",
            body=json.dumps(
                {"berichten": [{"tekst": "Dit kan helpen:", "knoppen": [], "payload": aanbod}]}
            ),
        )

    page.route("**/api/bericht", bot)
    page.goto(servers.web_url + "/")
    kaart = page.locator(".ww-kaart").first
    kaart.wait_for(state="visible", timeout=30_000)
    assert kaart.locator(".ww-kaart-naam").inner_text() == XSS_NAAM
    assert kaart.locator(".ww-kaart-wat").inner_text() == f"Koffie {XSS_NAAM}"
    # Nothing of it became markup: no element from the kaart text, no javascript: link.
    ingevoegd = page.evaluate(
        "() => { const h = document.querySelector('[data-wegwijzer], .wegwijzer-widget');"
        " const r = h && h.shadowRoot ? h.shadowRoot : document;"
        " return r.querySelectorAll('script, img[src=\"x\"], [onerror], .ww-kaart img').length; }"
    )
    assert ingevoegd == 0
    assert kaart.locator("a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)
    assert dialogen == []
    assert csp_fouten(page) == []
    schermafdruk(page, "widget-xss")
