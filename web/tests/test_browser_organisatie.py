"""In Chromium: an organisation opens its check link, confirms one entry, proposes a change,
and a beheerder accepts it on the queue page. axe-core at 1280 px, 320 px and 200 % zoom on
every page, zero CSP violations, screenshots in var/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.geheim import laad_of_maak
from sociale_kaart.models import Aanbod, Organisatie
from sociale_kaart.organisatie_link import nieuwe_link, teken
from web.tests.browser import (
    BREEDTES,
    axe_ernstig,
    csp_fouten,
    inloggen,
    nieuwe_context,
    schermafdruk,
)

#: The first browser test of a run also waits for the servers to start (minutes on 2 cores).
pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

#: A demo organisation with at least two offers; the test changes one phone number of it.
ORGANISATIE = "Mantelzorgsteunpunt Lindewaard"
NIEUW_TELEFOON = "0123 45 99 99"


def _db(servers: Any) -> Any:
    engine = make_engine(servers.db_url)
    return engine, make_session_factory(engine)


def _link(servers: Any, nu: datetime | None = None) -> tuple[str, list[str]]:
    """A fresh link for the demo organisation, signed with the web app's own key file."""
    sleutel = laad_of_maak(servers.var_dir / "web.key")
    engine, factory = _db(servers)
    try:
        with unit_of_work(factory) as s:
            org = s.scalar(select(Organisatie).where(Organisatie.naam == ORGANISATIE))
            assert org is not None
            ids = sorted(a.id for a in org.aanbod)
            return nieuwe_link(s, sleutel, org.id, nu), ids
    finally:
        engine.dispose()


def _aanbod(servers: Any, ident: str) -> tuple[Any, Any]:
    engine, factory = _db(servers)
    try:
        with unit_of_work(factory) as s:
            a = s.get(Aanbod, ident)
            return a.telefoon, a.laatst_gecontroleerd
    finally:
        engine.dispose()


def _controleer(page: Page, naam: str) -> None:
    ernstig = axe_ernstig(page)
    assert ernstig == [], f"{naam}: {ernstig}"
    assert csp_fouten(page) == [], f"{naam}: {csp_fouten(page)}"
    schermafdruk(page, naam)


@pytest.fixture
def pagina(browser: Browser) -> Iterator[Page]:
    context = nieuwe_context(browser)
    page = context.new_page()
    yield page
    fouten = csp_fouten(page)
    context.close()
    assert fouten == []


def test_organisatie_bevestigt_stelt_voor_en_beheer_aanvaardt(
    browser: Browser, servers: Any, pagina: Page
) -> None:
    token, ids = _link(servers)
    url = f"{servers.web_url}/organisatie/{token}"
    page = pagina

    # Every width first, before anything changes.
    for naam, breedte, hoogte, schaal in BREEDTES:
        context = nieuwe_context(browser, breedte, hoogte, schaal)
        p = context.new_page()
        p.goto(url)
        expect(p.get_by_role("heading", level=1)).to_have_text("Klopt uw aanbod nog?")
        _controleer(p, f"organisatie-link-{naam}")
        p.goto(f"{url}/voorstel/{ids[1]}")
        _controleer(p, f"organisatie-voorstel-{naam}")
        context.close()

    # 1. Confirm the first entry.
    page.goto(url)
    page.locator(f"#aanbod-{ids[0]}").get_by_role("button", name=re.compile(r"^Klopt nog")).click()
    expect(page.get_by_role("status")).to_contain_text("U hebt bevestigd")
    assert _aanbod(servers, ids[0])[1] == date.today()

    # 2. Propose a change to the second: first with an error, then right.
    page.locator(f'a[href$="/voorstel/{ids[1]}"]').click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Wijziging voorstellen")
    oud_telefoon, _ = _aanbod(servers, ids[1])
    page.get_by_label("Telefoonnummer").fill(NIEUW_TELEFOON)
    page.get_by_label("E-mailadres").fill("geen adres")
    page.get_by_role("button", name="Voorstel versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("geen geldig e-mailadres")
    expect(page.get_by_label("E-mailadres")).to_have_attribute("aria-invalid", "true")
    _controleer(page, "organisatie-voorstel-fout")
    page.get_by_label("E-mailadres").fill("info@mantelzorglindewaard.example")
    page.get_by_role("button", name="Voorstel versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw voorstel")
    assert _aanbod(servers, ids[1])[0] == oud_telefoon  # waits for a beheerder

    # 3. An expired and an altered link: a Dutch message.
    verlopen, _ = _link(servers, datetime.now(timezone.utc) - timedelta(days=40))
    for naam, fout_token, tekst in (
        ("verlopen", verlopen, "verlopen"),
        ("veranderd", teken(b"x" * 32, 1, 1), "klopt niet"),
    ):
        page.goto(f"{servers.web_url}/organisatie/{fout_token}")
        expect(page.get_by_role("alert")).to_contain_text(tekst)
        _controleer(page, f"organisatie-link-{naam}")

    # 4. The beheerder sees it at every width (one login; its cookies go to each context),
    #    then accepts it on the queue page.
    inloggen(page, servers, "beheer")
    koekjes = page.context.cookies()
    for naam, breedte, hoogte, schaal in BREEDTES:
        context = nieuwe_context(browser, breedte, hoogte, schaal)
        context.add_cookies(koekjes)  # type: ignore[arg-type]
        p = context.new_page()
        p.goto(f"{servers.web_url}/beheer/voorstellen")
        tabel = p.get_by_role("table").first
        expect(tabel).to_contain_text(NIEUW_TELEFOON)
        _controleer(p, f"beheer-voorstellen-{naam}")
        context.close()
    page.goto(f"{servers.web_url}/beheer/voorstellen")
    page.get_by_role("button", name=re.compile(r"^Aanvaarden")).first.click()
    expect(page.get_by_role("status").first).to_contain_text("is aanvaard")
    _controleer(page, "beheer-voorstellen-aanvaard")
    assert _aanbod(servers, ids[1])[0] == NIEUW_TELEFOON
