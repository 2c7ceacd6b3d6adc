"""Stored XSS: kaart text with HTML in it is shown as text on the loket page, print view and API.

The widget's side (it renders the bot's ``aanbod`` payload with text nodes) is proven in a real
browser in ``test_browser_loket.py::test_widget_toont_kaarttekst_als_tekst``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kern.settings import Settings
from web.tests.test_loket import DEMO_KAART, kaart_klaar

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
NAAM = f"Buurtkoffie {SCRIPT}{IMG}"
OMSCHRIJVING = f"Koffie {IMG} in de buurt {SCRIPT}. Tweede zin."


def kaart_met_xss(doel: Path) -> Path:
    """The demo kaart plus one entry whose name, organisation and texts hold HTML."""
    with DEMO_KAART.open(encoding="utf-8") as bron:
        rijen = list(csv.DictReader(bron))
    xss = {
        **rijen[0],
        "id": "xss-1",
        "naam": NAAM,
        "organisatie": f"Stichting {IMG}",
        "omschrijving": OMSCHRIJVING,
        "openingstijden": f"maandag {SCRIPT}",
        "telefoon": "0123 45 99 99",
        "trefwoorden": "buurtkoffie;koffie",
        "website": "https://www.voorbeeld.example/",
    }
    with doel.open("w", encoding="utf-8", newline="") as uit:
        schrijver = csv.DictWriter(uit, fieldnames=list(rijen[0]))
        schrijver.writeheader()
        schrijver.writerows([*rijen, xss])
    return doel


@pytest.fixture
def loket(
    maak_settings: Callable[..., Settings],
    medewerker: Callable[..., TestClient],
    tmp_path: Path,
) -> TestClient:
    kaart_klaar(maak_settings(), kaart_met_xss(tmp_path / "kaart.csv"))
    return medewerker("loket")


def _geen_ruwe_html(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "onerror=alert(1)>" not in html.replace("onerror=alert(1)&gt;", "")


def test_loket_pagina_escapet(loket: TestClient) -> None:
    r = loket.get("/loket", params={"hulpvraag": "buurtkoffie"})
    assert r.status_code == 200
    assert "xss-1" in r.text, "het XSS-aanbod staat in de resultaten"
    _geen_ruwe_html(r.text)
    assert "Buurtkoffie &lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x" in r.text
    # In the summary attribute the quote is escaped too, so it cannot end the attribute.
    assert 'data-samenvatting="Buurtkoffie &lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;' in r.text


def test_print_escapet(loket: TestClient) -> None:
    r = loket.get("/loket/print", params={"hulpvraag": "buurtkoffie", "ids": "xss-1"})
    assert r.status_code == 200
    _geen_ruwe_html(r.text)
    assert "<h2>Buurtkoffie &lt;script&gt;" in r.text


def test_api_geeft_de_tekst_zoals_hij_is(loket: TestClient) -> None:
    r = loket.get("/api/v1/kaart/zoek", params={"hulpvraag": "buurtkoffie"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    treffer = next(t for t in r.json()["resultaten"] if t["id"] == "xss-1")
    assert treffer["naam"] == NAAM  # JSON keeps the text; the client must insert it as text
    assert treffer["samenvatting"].startswith(NAAM)
    assert "nosniff" in r.headers.get("x-content-type-options", "")
