"""End to end in Debian's Chromium: keyboard only, crisis first, the demo page, a Rasa restart,
erasing, and axe-core on every page at 1280 px, 320 px and 200 % zoom. Zero CSP violations.

Playwright cannot download its own browser here; it drives ``/usr/bin/chromium``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from playwright.sync_api import Browser, Page, Response
from sqlalchemy import create_engine, text

from kern.settings import PROJECT_ROOT
from privacy.pseudoniem import pseudoniem
from web.tests.browser import BREEDTES, SCHERMAFDRUKKEN, nieuwe_context
from web.tests.servers import Servers

pytestmark = pytest.mark.browser

CONTRACT = Draft202012Validator(
    json.loads((PROJECT_ROOT / "docs" / "payload.schema.json").read_text("utf-8"))
)
ANTWOORD_MS = 30_000

@pytest.fixture
def pagina(browser: Browser, servers: Servers) -> Iterator[Page]:
    context = nieuwe_context(browser)
    page = context.new_page()
    console: list[str] = []
    contractfouten: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.on("response", lambda r: contractfouten.extend(contract_fouten(r)))
    yield page
    fouten = page.evaluate("window.__cspFouten || []")
    context.close()
    assert fouten == [], f"CSP-schendingen: {fouten}"
    assert not [c for c in console if "Content Security Policy" in c], console
    assert contractfouten == [], contractfouten


def contract_fouten(response: Response) -> list[str]:
    """Every payload the widget received must follow docs/payload.schema.json."""
    if not response.url.endswith("/api/bericht") or response.status != 200:
        return []
    fouten = []
    for bericht in response.json()["berichten"]:
        if bericht.get("payload") is not None:
            fouten += [f.message for f in CONTRACT.iter_errors(bericht["payload"])]
    return fouten


def log(page: Page) -> Any:
    return page.locator("[role=log]")


def bot_berichten(page: Page) -> Any:
    return page.locator(".ww-bericht--bot")


def wacht_op_antwoord(page: Page, aantal_voor: int) -> None:
    page.wait_for_function(
        "n => { const h = document.querySelector('[data-wegwijzer], .wegwijzer-widget');"
        " return h && h.shadowRoot.querySelectorAll('.ww-bericht--bot').length > n; }",
        arg=aantal_voor,
        timeout=ANTWOORD_MS,
    )


def actief_element(page: Page) -> dict[str, str]:
    """The focused element, looking into the widget's shadow root."""
    return page.evaluate(
        """() => { let e = document.activeElement;
            while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
            return {tag: e ? e.tagName : '', tekst: e ? (e.textContent || '').trim() : '',
                    id: e ? e.id : ''}; }"""
    )


def tab_naar(page: Page, klopt: Any, max_tabs: int = 60) -> None:
    """Press Tab until the focused element satisfies ``klopt``; fail if it never does."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if klopt(actief_element(page)):
            return
    raise AssertionError(f"niet bereikbaar met Tab: {actief_element(page)}")


def typ_en_verstuur(page: Page, tekst: str) -> None:
    voor = bot_berichten(page).count()
    if actief_element(page)["id"] != "ww-invoer":
        tab_naar(page, lambda e: e["id"] == "ww-invoer")
    page.keyboard.type(tekst)
    page.keyboard.press("Enter")
    wacht_op_antwoord(page, voor)


def kies_met_toetsenbord(page: Page, label: str) -> None:
    voor = bot_berichten(page).count()
    tab_naar(page, lambda e: e["tag"] == "BUTTON" and e["tekst"] == label)
    page.keyboard.press("Enter")
    wacht_op_antwoord(page, voor)


def open_chat(page: Page, servers: Servers, pad: str = "/") -> None:
    page.goto(servers.web_url + pad)
    if pad == "/demo":
        tab_naar(page, lambda e: e["tekst"] == "Chat met Wegwijzer")
        page.keyboard.press("Enter")
    wacht_op_antwoord(page, 0)


def test_a_resident_goes_from_hulpvraag_to_offer_to_referral_by_keyboard(
    pagina: Page, servers: Servers
) -> None:
    open_chat(pagina, servers)
    typ_en_verstuur(pagina, "Ik zorg voor mijn moeder met dementie en ik kan het niet meer aan")
    for _ in range(8):
        if pagina.locator(".ww-kaart--verwijzing").count():
            break
        laatste = bot_berichten(pagina).last
        knoppen = [k.strip() for k in laatste.locator("button").all_inner_texts()]
        tekst = " ".join(bot_berichten(pagina).all_inner_texts()[-3:])
        if "Nee, ik heb meer hulp nodig" in knoppen:
            assert pagina.locator(".ww-kaart").count() >= 1  # an offer came first
            kies_met_toetsenbord(pagina, "Nee, ik heb meer hulp nodig")
        elif "Oosterpark" in knoppen:
            kies_met_toetsenbord(pagina, "Oosterpark")
        elif "Voor iemand anders" in knoppen:
            kies_met_toetsenbord(pagina, "Voor iemand anders")
        elif "18 jaar of ouder" in knoppen:
            kies_met_toetsenbord(pagina, "18 jaar of ouder")
        elif "wijk" in tekst.lower():
            typ_en_verstuur(pagina, "Oosterpark")
        else:
            raise AssertionError(f"onverwachte vraag: {tekst} {knoppen}")
    verwijzing = pagina.locator(".ww-kaart--verwijzing")
    assert verwijzing.count() == 1
    assert "Wmo-loket" in verwijzing.inner_text()
    assert verwijzing.locator("a[href^='tel:']").count() == 1


def test_a_crisis_shows_the_numbers_first_large_and_as_links(
    pagina: Page, servers: Servers
) -> None:
    open_chat(pagina, servers)
    typ_en_verstuur(pagina, "ik wil niet meer leven")
    crisis = pagina.locator(".ww-crisis")
    assert crisis.is_visible()
    links = crisis.locator("a[href^='tel:']")
    assert links.first.get_attribute("href") == "tel:113"
    # Above the conversation and the input, whatever the page scrolled to.
    crisis_vak, log_vak = crisis.bounding_box(), log(pagina).bounding_box()
    assert crisis_vak is not None and log_vak is not None
    assert crisis_vak["y"] < log_vak["y"]
    grootte = links.first.evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
    normaal = pagina.locator(".ww-invoer").evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
    assert grootte > normaal


def test_the_demo_pages_one_tag_widget_works(pagina: Page, servers: Servers) -> None:
    open_chat(pagina, servers, "/demo")
    assert pagina.locator("script").count() == 1
    typ_en_verstuur(pagina, "Ik voel me zo alleen sinds mijn man is overleden")
    assert bot_berichten(pagina).count() >= 2
    pagina.keyboard.press("Escape")
    assert actief_element(pagina)["tekst"] == "Chat met Wegwijzer"


def test_erasing_removes_the_conversation_from_the_tracker_store(
    pagina: Page, servers: Servers
) -> None:
    open_chat(pagina, servers)
    typ_en_verstuur(pagina, "ik heb schulden en kom niet rond")
    gesprek = pagina.evaluate("sessionStorage.getItem('wegwijzer.gesprek')")
    sleutel = (servers.var_dir / "tracker.key").read_bytes()
    engine = create_engine(servers.db_url)
    vraag = text("select count(*) from events where sender_id = :s")
    with engine.connect() as conn:
        voor = conn.execute(vraag, {"s": pseudoniem(sleutel, gesprek)}).scalar_one()
    assert voor > 0
    tab_naar(pagina, lambda e: e["tekst"] == "Wis dit gesprek")
    pagina.keyboard.press("Enter")
    pagina.locator(".ww-status", has_text="Uw gesprek is gewist").wait_for(timeout=ANTWOORD_MS)
    with engine.connect() as conn:
        na = conn.execute(vraag, {"s": pseudoniem(sleutel, gesprek)}).scalar_one()
    assert na == 0
    assert pagina.evaluate("sessionStorage.getItem('wegwijzer.gesprek')") != gesprek


def test_a_rasa_restart_mid_conversation_shows_the_notice_and_goes_on(
    pagina: Page, servers: Servers
) -> None:
    open_chat(pagina, servers)
    typ_en_verstuur(pagina, "hallo")
    servers.stop("rasa")
    try:
        voor = bot_berichten(pagina).count()
        tab_naar(pagina, lambda e: e["id"] == "ww-invoer")
        pagina.keyboard.type("ik ben eenzaam")
        pagina.keyboard.press("Enter")
        status = pagina.locator(".ww-status")
        status.filter(has_text="Even geduld").wait_for(timeout=ANTWOORD_MS)
        assert "14 0123" in status.inner_text()
    finally:
        servers.start("rasa")
    servers.wacht_gereed()
    wacht_op_antwoord(pagina, voor)
    pagina.wait_for_function(
        "() => !document.querySelector('[data-wegwijzer]').shadowRoot"
        ".querySelector('.ww-status').textContent",
        timeout=ANTWOORD_MS,
    )


@pytest.mark.parametrize("pad", ["/", "/demo"])
@pytest.mark.parametrize(("naam", "breedte", "hoogte", "schaal"), BREEDTES)
def test_axe_finds_no_serious_or_critical_violations(
    browser: Browser, servers: Servers, pad: str, naam: str, breedte: int, hoogte: int, schaal: float
) -> None:
    context = nieuwe_context(browser, breedte, hoogte, schaal)
    page = context.new_page()
    try:
        open_chat(page, servers, pad)
        # Before axe and the screenshot: axe-core builds <style> elements to read the shadow
        # root's stylesheets, and Playwright injects one to hide the caret; our CSP blocks both.
        assert page.evaluate("window.__cspFouten") == []
        resultaat = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
            " doel: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
        )
        SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
        bestand = re.sub(r"[^a-z0-9]+", "", pad) or "chat"
        page.screenshot(path=str(SCHERMAFDRUKKEN / f"{bestand}-{naam}.png"), full_page=True)
        ernstig = [v for v in resultaat if v["impact"] in ("serious", "critical")]
        assert ernstig == [], ernstig
        breed = page.evaluate("document.documentElement.scrollWidth")
        assert breed <= page.viewport_size["width"] + 1, "horizontaal scrollen nodig"  # type: ignore[index]
    finally:
        context.close()



def test_focus_on_the_host_page_is_never_hidden_behind_the_open_panel(
    browser: Browser, servers: Servers
) -> None:
    context = nieuwe_context(browser, 320, 640)
    page = context.new_page()
    try:
        open_chat(page, servers, "/demo")
        gezien = 0
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            info = page.evaluate(
                """() => { const e = document.activeElement;
                    if (!e || e === document.body || e.classList.contains('wegwijzer-widget')) return null;
                    const r = e.getBoundingClientRect();
                    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
                    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
                    const boven = document.elementFromPoint(x, y);
                    return {tekst: e.textContent.trim(), zichtbaar: !!boven && (e === boven || e.contains(boven))}; }"""
            )
            if info is not None:
                gezien += 1
                assert info["zichtbaar"], f"verborgen achter de chat: {info['tekst']}"
        assert gezien > 0
        assert page.evaluate("window.__cspFouten") == []
    finally:
        context.close()


def test_forced_colours_and_reduced_motion(browser: Browser, servers: Servers) -> None:
    context = nieuwe_context(browser)
    page = context.new_page()
    try:
        page.emulate_media(forced_colors="active", reduced_motion="reduce")
        open_chat(page, servers)
        typ_en_verstuur(page, "ik wil niet meer leven")
        assert page.evaluate("window.__cspFouten") == []
        assert page.locator(".ww-crisis a[href^='tel:']").first.is_visible()
        gedrag = page.evaluate(
            "() => getComputedStyle(document.querySelector('[data-wegwijzer]').shadowRoot"
            ".querySelector('.ww-log')).scrollBehavior"
        )
        assert gedrag == "auto"
        ernstig = page.evaluate(
            "async () => (await axe.run(document)).violations"
            ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id)"
        )
        assert ernstig == []
    finally:
        context.close()
