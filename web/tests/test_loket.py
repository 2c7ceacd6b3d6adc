"""The loket room: lookup page, print view and the kaart-search API (same search as the CLI)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kern.gemeente import load_profiel
from kern.settings import PROJECT_ROOT, Settings
from sociale_kaart import service
from sociale_kaart.samenvatting import samenvatting
from sociale_kaart.zoeken import ZoekVraag

DEMO_KAART = PROJECT_ROOT / "demo_gemeente" / "sociale_kaart.csv"


def kaart_klaar(settings: Settings, kaart: Path = DEMO_KAART) -> None:
    """The test's database with the schema and a kaart, as set-up makes it."""
    service.init_database(settings, load_profiel(settings.gemeente_path))
    service.import_bestand(settings, kaart, vervang=True)


@pytest.fixture
def loket(
    maak_settings: Callable[..., Settings], medewerker: Callable[..., TestClient]
) -> TestClient:
    kaart_klaar(maak_settings())
    return medewerker("loket")


def _resultaat_namen(html: str) -> list[str]:
    return [
        unescape(re.sub(r"<[^>]+>", "", m)).split(". ", 1)[1].strip()
        for m in re.findall(r'<h3 class="loket__naam"[^>]*>(.*?)</h3>', html, re.S)
    ]


def test_pagina_toont_formulier_met_focus_en_keuzes(loket: TestClient) -> None:
    r = loket.get("/loket")
    assert r.status_code == 200
    assert re.search(r'<input type="search" id="hulpvraag" name="hulpvraag"[^>]*autofocus', r.text)
    assert '<option value="mantelzorg">Zorgen voor een naaste (mantelzorg)</option>' in r.text
    assert '<option value="Oosterpark">Oosterpark</option>' in r.text
    assert 'name="niveau" value="maatwerk"' in r.text
    assert 'method="get" action="/loket"' in r.text
    assert "loket__resultaat" not in r.text  # no search without a query
    assert '<script src="/loket.js" defer></script>' in r.text
    assert "style=" not in r.text  # CSP: no inline styles


def test_zoeken_geeft_dezelfde_volgorde_en_redenen_als_de_cli(
    loket: TestClient, maak_settings: Callable[..., Settings]
) -> None:
    r = loket.get(
        "/loket",
        params={"hulpvraag": "mantelzorg dementie", "wijk": "Oosterpark", "leeftijd": "80"},
    )
    assert r.status_code == 200
    cli = service.zoek_op_kaart(
        maak_settings(), ZoekVraag(tekst="mantelzorg dementie", wijk="Oosterpark", leeftijd=80)
    )
    assert cli
    assert _resultaat_namen(r.text) == [x.aanbod.naam for x in cli]
    eerste = cli[0]
    tekst_reden = next(x for x in eerste.redenen if x.startswith("tekst:"))
    assert tekst_reden.replace("'", "&#39;") in r.text
    assert f"{len(cli)} resultaten" in r.text
    assert f'href="#resultaten-kop">Direct naar de {len(cli)} resultaten' in r.text
    # The summary the copy button copies is the plain function's text, escaped in the attribute.
    assert f'data-samenvatting="{_attr(samenvatting(eerste))}"' in r.text


def _attr(tekst: str) -> str:
    return (
        tekst.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def test_filters_thema_niveau_en_postcode(loket: TestClient) -> None:
    r = loket.get(
        "/api/v1/kaart/zoek",
        params={"thema": "eenzaamheid", "postcode": "9905 AB", "niveau": "sociale_basis"},
    )
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["vraag"]["wijk"] == "Oosterpark"  # the postcode answered as its wijk
    assert data["vraag"]["niveaus"] == ["sociale_basis"]
    assert data["resultaten"]
    for t in data["resultaten"]:
        assert "eenzaamheid" in t["themas"]
        assert t["niveau"] == "sociale_basis"
        assert t["wijk"] in (None, "Oosterpark")
    assert [t["rang"] for t in data["resultaten"]] == list(range(1, data["aantal"] + 1))


def test_verouderd_aanbod_heeft_een_tekstmerk(loket: TestClient) -> None:
    data = loket.get("/api/v1/kaart/zoek", params={"limiet": "50"}).json()
    oud = [t for t in data["resultaten"] if t["verouderd"]]
    vers = [t for t in data["resultaten"] if not t["verouderd"]]
    assert oud and vers, "de demo-kaart heeft verouderd en actueel aanbod"
    assert oud[0]["verouderd_label"] == f"VEROUDERD (> {data['vers_dagen']} dagen)"
    assert vers[0]["verouderd_label"] is None
    assert all(not r.startswith(("niveau:", "actueel:", "verouderd:")) for r in oud[0]["waarom"])
    html = loket.get("/loket", params={"limiet": "50"}).text
    blok = html.split(f'id="resultaat-{oud[0]["id"]}"', 1)[1].split("</li>", 1)[0]
    assert "VEROUDERD (&gt; " in blok and "Bel eerst" in blok
    blok_vers = html.split(f'id="resultaat-{vers[0]["id"]}"', 1)[1].split("</li>", 1)[0]
    assert "VEROUDERD" not in blok_vers and "(actueel)" in blok_vers


@pytest.mark.parametrize(
    ("params", "melding"),
    [
        ({"wijk": "Oosterpak"}, "Bedoelt u 'Oosterpark'?"),
        ({"postcode": "1234"}, "hoort niet bij een wijk van Gemeente Lindewaard"),
        ({"postcode": "abc"}, "hoort niet bij een wijk"),
        ({"leeftijd": "abc"}, "Vul de leeftijd in als heel getal van 0 tot en met 120"),
        ({"leeftijd": "130"}, "Vul de leeftijd in als heel getal"),
        ({"hulpvraag": "x" * 10_000}, "De hulpvraag is te lang: gebruik maximaal 500 tekens."),
        ({"thema": "schulden"}, "Onbekend thema 'schulden'. Bedoelt u 'geldzorgen'?"),
        ({"doelgroep": "ouderenn"}, "Bedoelt u 'ouderen'?"),
        ({"niveau": "hoog"}, "Onbekend niveau. Kies uit: sociale basis"),
        ({"limiet": "0"}, "Het aantal resultaten moet een getal van 1 tot en met 50 zijn."),
        ({"wijk": "Centrum", "postcode": "9904"}, "niet allebei"),
    ],
)
def test_slechte_invoer_geeft_nederlandse_melding(
    loket: TestClient, params: dict[str, str], melding: str
) -> None:
    pagina = loket.get("/loket", params=params)
    assert pagina.status_code == 400
    assert 'role="alert"' in pagina.text
    assert melding.replace("'", "&#39;") in pagina.text
    assert "loket__resultaat" not in pagina.text
    api = loket.get("/api/v1/kaart/zoek", params=params)
    assert api.status_code == 400
    assert api.json()["fout"] == "ongeldig"
    assert melding in api.json()["melding"]


def test_lege_hulpvraag_zoekt_op_filters_alleen(loket: TestClient) -> None:
    r = loket.get("/loket", params={"hulpvraag": "", "thema": "", "leeftijd": "", "limiet": ""})
    assert r.status_code == 200
    assert len(_resultaat_namen(r.text)) == 10


def test_print_selectie_toont_alleen_gekozen_in_volgorde(loket: TestClient) -> None:
    q = {"hulpvraag": "mantelzorg dementie", "wijk": "Oosterpark"}
    data = loket.get("/api/v1/kaart/zoek", params=q).json()
    ids = [t["id"] for t in data["resultaten"]]
    gekozen = [ids[2], ids[0]]  # order of the choice does not matter, the list's order does
    r = loket.get("/loket/print", params=[*q.items(), *(("ids", i) for i in gekozen)])
    assert r.status_code == 200
    namen = re.findall(r"<h2>(.*?)</h2>", r.text)
    verwacht = [t["naam"] for t in data["resultaten"] if t["id"] in gekozen]
    assert [unescape(n) for n in namen] == verwacht
    assert "Waarom op plek" not in r.text  # the staff-only reasons stay off the print
    assert 'href="/loket?hulpvraag=mantelzorg+dementie&amp;wijk=Oosterpark"' in r.text
    leeg = loket.get("/loket/print", params=q)
    assert "U hebt geen resultaten gekozen" in leeg.text
    fout = loket.get("/loket/print", params={"leeftijd": "abc", "ids": ids[0]})
    assert fout.status_code == 400 and "Vul de leeftijd in" in fout.text


def test_selectieformulier_herhaalt_de_zoekvraag(loket: TestClient) -> None:
    r = loket.get("/loket", params={"hulpvraag": "oppas", "niveau": ["sociale_basis", "maatwerk"]})
    form = r.text.split('<form id="selectie"', 1)[1].split("</form>", 1)[0]
    assert '<input type="hidden" name="hulpvraag" value="oppas">' in form
    assert form.count('name="niveau"') == 2
    assert re.search(r'<input type="checkbox" form="selectie" name="ids" value="lw-\d+"', r.text)


def test_anoniem_en_verkeerde_rol(
    client: TestClient, medewerker: Callable[..., TestClient]
) -> None:
    assert client.get("/api/v1/kaart/zoek").status_code == 401
    anoniem = client.get("/loket", params={"hulpvraag": "oppas"}, follow_redirects=False)
    assert anoniem.status_code == 303
    assert anoniem.headers["location"].startswith("/inloggen?terug=/loket")
    assert "loket__zoek" not in anoniem.text
    assert client.get("/loket/print", follow_redirects=False).status_code == 303
    beleid = medewerker("beleid")
    assert beleid.get("/api/v1/kaart/zoek").status_code == 403
    assert beleid.get("/loket").status_code == 403
    assert beleid.get("/loket/print").status_code == 403


def test_kaart_niet_bereikbaar_is_geen_500(medewerker: Callable[..., TestClient]) -> None:
    c = medewerker("loket")  # no schema in this database
    api = c.get("/api/v1/kaart/zoek", params={"hulpvraag": "oppas"})
    assert api.status_code == 503
    assert "niet bereikbaar" in api.json()["melding"]
    pagina = c.get("/loket", params={"hulpvraag": "oppas"})
    assert pagina.status_code == 503 and "niet bereikbaar" in pagina.text


def test_api_is_gedocumenteerd(loket: TestClient) -> None:
    doc = loket.get("/api/v1/openapi.json").json()
    op = doc["paths"]["/api/v1/kaart/zoek"]["get"]
    assert {"200", "400", "401", "403", "503"} <= set(op["responses"])
    namen = {p["name"] for p in op["parameters"]}
    assert {"hulpvraag", "thema", "wijk", "postcode", "leeftijd", "doelgroep", "niveau"} <= namen
    assert not any(p.startswith("/loket") for p in doc["paths"])
