"""In a real browser: a beheerder labels one group of messages and downloads the NLU file.

The tracker-store rows are written straight into the servers' database (as the tracker store
writes them, already de-identified), so the page has something predictable to show.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, expect

from kern.db import make_engine
from leren.kandidaten import events_tabel
from web.tests.browser import (
    BREEDTES,
    axe_ernstig,
    csp_fouten,
    inloggen,
    nieuwe_context,
    schermafdruk,
)
from web.tests.test_labelen import _user, voeg_toe

pytestmark = pytest.mark.browser

PARKEREN = [
    "Waar kan ik een parkeervergunning voor [NAAM] aanvragen?",
    "waar kan ik een parkeervergunning aanvragen",
    "waar kan ik een parkeervergunning krijgen",
]


def _vul(db_url: str) -> None:
    engine = make_engine(db_url)
    events_tabel.create(engine, checkfirst=True)  # Rasa made it already; the same table
    nu = time.time()
    for i, tekst in enumerate(PARKEREN):
        voeg_toe(
            engine,
            f"browser-labelen-{i}".ljust(40, "0"),
            [_user(tekst, "nlu_fallback", 0.3, nu - 60 + i)],
        )
    voeg_toe(
        engine,
        "browser-labelen-x".ljust(40, "0"),
        [_user("mijn vader vergeet steeds zijn pillen", "hulpvraag_dementie", 0.42, nu - 30)],
    )
    engine.dispose()


def test_label_a_group_and_export(browser: Browser, servers: Any, tmp_path: Path) -> None:
    _vul(servers.db_url)
    context = nieuwe_context(browser)
    page = context.new_page()
    inloggen(page, servers, "beheer")  # once: a second login would wait for a fresh TOTP code
    page.goto(f"{servers.web_url}/beheer/labelen")
    groep = page.locator("form.labelen__groep").filter(has_text="parkeervergunning").first
    expect(groep.get_by_role("checkbox")).to_have_count(3)
    groep.get_by_label("Juiste onderwerp").select_option("buiten_scope")
    groep.get_by_role("button", name="Label opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Opgeslagen: 3 berichten gelabeld.")
    expect(page.locator("form.labelen__groep").filter(has_text="parkeervergunning")).to_have_count(
        0
    )
    assert axe_ernstig(page) == []
    assert csp_fouten(page) == []
    schermafdruk(page, "beheer-labelen-na-label")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download gelabelde berichten").click()
    bestand = tmp_path / download.value.suggested_filename
    download.value.save_as(bestand)
    assert bestand.suffix == ".yml"
    data = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    assert data["version"] == "3.1"
    blok = next(b for b in data["nlu"] if b["intent"] == "buiten_scope")
    for tekst in PARKEREN:
        assert f"- {tekst}\n" in blok["examples"]
    assert csp_fouten(page) == []
    # every width, with the labels table and the group still to label on the page
    koekjes = context.cookies()
    for naam, breedte, hoogte, schaal in BREEDTES:
        breed = nieuwe_context(browser, breedte, hoogte, schaal)
        breed.add_cookies(koekjes)  # type: ignore[arg-type]
        p = breed.new_page()
        p.goto(f"{servers.web_url}/beheer/labelen")
        expect(p.get_by_role("heading", name="Leren van vragen van inwoners")).to_be_visible()
        expect(p.get_by_role("cell", name="mijn vader vergeet steeds zijn pillen")).to_be_visible()
        expect(p.get_by_role("heading", name="Bewaarde labels")).to_be_visible()
        assert axe_ernstig(p) == [], naam
        assert csp_fouten(p) == [], naam
        breedte_pagina = p.evaluate("document.documentElement.scrollWidth")
        assert breedte_pagina <= breedte + 1, (naam, breedte_pagina)  # no sideways scrolling
        schermafdruk(p, f"beheer-labelen-{naam}")
        breed.close()

    context.close()
