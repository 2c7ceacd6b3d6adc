"""The organisations' check pages (public, with a link) and the beheer queue."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.geheim import laad_of_maak
from kern.gemeente import load_profiel
from kern.settings import Settings
from sociale_kaart.models import Aanbod, KaartWijziging, Organisatie, OrganisatieVoorstel
from sociale_kaart.organisatie_link import csrf_voor_link, nieuwe_link, teken
from sociale_kaart.service import import_bestand, init_database

Maak = Callable[..., TestClient]
FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "kaart" / "kleine_kaart.csv"
_CSRF = re.compile(r'name="csrftoken" value="([^"]*)"')

XSS_NAAM = "<script>alert('naam')</script>"
XSS_OMSCHRIJVING = '"><img src=x onerror=alert(1)>'


@pytest.fixture
def kaart(maak_settings: Callable[..., Settings]) -> Settings:
    settings = maak_settings()
    init_database(settings, load_profiel(settings.gemeente_path))
    import_bestand(settings, FIXTURE, vervang=False)
    return settings


def _eerste_org(settings: Settings) -> tuple[int, str, list[str]]:
    engine = make_engine(settings.db_url)
    try:
        with unit_of_work(make_session_factory(engine)) as s:
            org = s.scalars(select(Organisatie).order_by(Organisatie.id)).first()
            assert org is not None
            ids = sorted(a.id for a in org.aanbod)
            return org.id, org.naam, ids
    finally:
        engine.dispose()


def _link(settings: Settings, org_id: int, nu: datetime | None = None) -> str:
    sleutel = laad_of_maak(settings.sessie_sleutel_path)
    engine = make_engine(settings.db_url)
    try:
        with unit_of_work(make_session_factory(engine)) as s:
            return nieuwe_link(s, sleutel, org_id, nu)
    finally:
        engine.dispose()


def _stand(settings: Settings) -> tuple[list[tuple[object, ...]], int, int]:
    engine = make_engine(settings.db_url)
    try:
        with unit_of_work(make_session_factory(engine)) as s:
            aanbod: list[tuple[object, ...]] = [
                (a.id, a.naam, a.telefoon, a.omschrijving, a.laatst_gecontroleerd)
                for a in s.scalars(select(Aanbod).order_by(Aanbod.id)).unique()
            ]
            voorstellen = len(s.scalars(select(OrganisatieVoorstel)).all())
            log = len(s.scalars(select(KaartWijziging)).all())
            return aanbod, voorstellen, log
    finally:
        engine.dispose()


def _csrf(html: str) -> str:
    gevonden = _CSRF.search(html)
    assert gevonden
    return gevonden.group(1)


def test_geldige_link_toont_het_eigen_aanbod(client: TestClient, kaart: Settings) -> None:
    org_id, naam, ids = _eerste_org(kaart)
    antwoord = client.get(f"/organisatie/{_link(kaart, org_id)}")
    assert antwoord.status_code == 200
    assert antwoord.headers["cache-control"] == "no-store"
    assert "noindex" in antwoord.headers["x-robots-tag"]
    tekst = antwoord.text
    assert naam.replace("&", "&amp;") in tekst
    for ident in ids:
        assert f'id="aanbod-{ident}"' in tekst
    assert tekst.count("Klopt nog<span") == len(ids)
    oud = [
        a
        for a in _stand(kaart)[0]
        if a[0] in ids and (a[4] is None or (date.today() - a[4]).days > kaart.kaart_vers_dagen)  # type: ignore[operator]
    ]
    assert tekst.count("Graag nakijken:") == len(oud)


@pytest.mark.parametrize("soort", ["verlopen", "veranderd", "vervangen", "onzin", "andere_sleutel"])
def test_slechte_link_geeft_nederlandse_melding_en_verandert_niets(
    client: TestClient, kaart: Settings, soort: str
) -> None:
    org_id, _, ids = _eerste_org(kaart)
    if soort == "verlopen":
        token = _link(kaart, org_id, datetime.now(timezone.utc) - timedelta(days=31))
        verwacht, stukje = 410, "verlopen"
    elif soort == "veranderd":
        goed = _link(kaart, org_id)
        token = goed[:-2] + ("AA" if not goed.endswith("AA") else "BB")
        verwacht, stukje = 403, "klopt niet"
    elif soort == "vervangen":
        token = _link(kaart, org_id)
        _link(kaart, org_id)
        verwacht, stukje = 410, "nieuwere link"
    elif soort == "andere_sleutel":
        token = teken(b"x" * 32, org_id, 1)
        verwacht, stukje = 403, "klopt niet"
    else:
        token = "<img src=x onerror=alert(1)>"
        verwacht, stukje = 403, "klopt niet"
    voor = _stand(kaart)
    pagina = client.get(f"/organisatie/{token}")
    assert pagina.status_code == verwacht
    assert stukje in pagina.text
    assert "Deze link werkt niet" in pagina.text
    assert "onerror=alert(1)>" not in pagina.text
    # The forms do nothing either, whatever CSRF token they carry.
    sleutel = laad_of_maak(kaart.sessie_sleutel_path)
    klopt = client.post(
        f"/organisatie/{token}/klopt",
        data={"aanbod": ids[0], "csrftoken": csrf_voor_link(sleutel, token)},
    )
    assert klopt.status_code == verwacht and stukje in klopt.text
    voorstel = client.post(
        f"/organisatie/{token}/voorstel/{ids[0]}",
        data={"telefoon": "0123 45 67 89", "csrftoken": csrf_voor_link(sleutel, token)},
    )
    assert voorstel.status_code == verwacht
    assert client.get(f"/organisatie/{token}/voorstel/{ids[0]}").status_code == verwacht
    assert _stand(kaart) == voor


def test_klopt_nog_zet_de_datum(client: TestClient, kaart: Settings) -> None:
    org_id, _, ids = _eerste_org(kaart)
    token = _link(kaart, org_id)
    pagina = client.get(f"/organisatie/{token}")
    antwoord = client.post(
        f"/organisatie/{token}/klopt",
        data={"aanbod": ids[0], "csrftoken": _csrf(pagina.text)},
        follow_redirects=False,
    )
    assert antwoord.status_code == 303
    assert antwoord.headers["location"].startswith(f"/organisatie/{token}?klopt={ids[0]}")
    aanbod, _, _ = _stand(kaart)
    assert dict((a[0], a[4]) for a in aanbod)[ids[0]] == date.today()
    bedankt = client.get(antwoord.headers["location"])
    assert "U hebt bevestigd" in bedankt.text


def test_formulier_zonder_juiste_csrf_verandert_niets(client: TestClient, kaart: Settings) -> None:
    org_id, _, ids = _eerste_org(kaart)
    token = _link(kaart, org_id)
    andere_pagina_token = csrf_voor_link(laad_of_maak(kaart.sessie_sleutel_path), "iets-anders")
    voor = _stand(kaart)
    for data in ({"aanbod": ids[0]}, {"aanbod": ids[0], "csrftoken": andere_pagina_token}):
        antwoord = client.post(f"/organisatie/{token}/klopt", data=data)
        assert antwoord.status_code == 403
        assert "Dit formulier hoort niet bij deze pagina" in antwoord.text
    assert _stand(kaart) == voor


def test_ander_aanbod_dan_het_eigen_kan_niet(client: TestClient, kaart: Settings) -> None:
    org_id, _, _ = _eerste_org(kaart)
    token = _link(kaart, org_id)
    csrf = csrf_voor_link(laad_of_maak(kaart.sessie_sleutel_path), token)
    engine = make_engine(kaart.db_url)
    with unit_of_work(make_session_factory(engine)) as s:
        vreemd = s.scalar(select(Aanbod.id).where(Aanbod.organisatie_id != org_id))
    engine.dispose()
    voor = _stand(kaart)
    assert (
        client.post(
            f"/organisatie/{token}/klopt", data={"aanbod": vreemd, "csrftoken": csrf}
        ).status_code
        == 404
    )
    assert client.get(f"/organisatie/{token}/voorstel/{vreemd}").status_code == 404
    assert _stand(kaart) == voor


def test_voorstel_met_fouten_blijft_op_het_formulier(client: TestClient, kaart: Settings) -> None:
    org_id, _, ids = _eerste_org(kaart)
    token = _link(kaart, org_id)
    formulier = client.get(f"/organisatie/{token}/voorstel/{ids[0]}")
    assert formulier.status_code == 200
    assert '<label for="veld-telefoon">' in formulier.text
    voor = _stand(kaart)
    antwoord = client.post(
        f"/organisatie/{token}/voorstel/{ids[0]}",
        data={
            "csrftoken": _csrf(formulier.text),
            "email": "geen adres",
            "postcode": "99999",
            "omschrijving": XSS_OMSCHRIJVING,
        },
    )
    assert antwoord.status_code == 400
    assert "Controleer uw invoer" in antwoord.text
    assert "is geen geldig e-mailadres" in antwoord.text
    assert "geen postcode zoals 1234 AB" in antwoord.text
    assert 'aria-invalid="true" aria-describedby="fout-email"' in antwoord.text
    assert XSS_OMSCHRIJVING not in antwoord.text  # shown escaped
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in antwoord.text
    assert _stand(kaart) == voor


def test_voorstel_gaat_in_de_wachtrij_en_wordt_aanvaard(
    client: TestClient, medewerker: Maak, kaart: Settings
) -> None:
    org_id, _, ids = _eerste_org(kaart)
    token = _link(kaart, org_id)
    formulier = client.get(f"/organisatie/{token}/voorstel/{ids[0]}")
    antwoord = client.post(
        f"/organisatie/{token}/voorstel/{ids[0]}",
        data={
            "csrftoken": _csrf(formulier.text),
            "telefoon": "0123 99 88 77",
            "naam": XSS_NAAM,
        },
        follow_redirects=False,
    )
    assert antwoord.status_code == 303
    aanbod_voor, voorstellen, _ = _stand(kaart)
    assert voorstellen == 1
    assert "0123 99 88 77" not in str(aanbod_voor)  # not on the kaart yet
    assert "Er wacht al een voorstel" in client.get(f"/organisatie/{token}").text

    beheer = medewerker("beheer")
    wachtrij = beheer.get("/beheer/voorstellen")
    assert wachtrij.status_code == 200
    assert "0123 99 88 77" in wachtrij.text
    assert XSS_NAAM not in wachtrij.text
    assert "&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt;" in wachtrij.text
    assert '<th scope="col">Was</th>' in wachtrij.text
    engine = make_engine(kaart.db_url)
    with unit_of_work(make_session_factory(engine)) as s:
        voorstel_id = s.scalar(select(OrganisatieVoorstel.id))
    engine.dispose()
    klaar = beheer.post(f"/beheer/voorstellen/{voorstel_id}/aanvaard", follow_redirects=False)
    assert klaar.status_code == 303
    aanbod_na, _, _ = _stand(kaart)
    rij = next(a for a in aanbod_na if a[0] == ids[0])
    assert rij[1] == XSS_NAAM and rij[2] == "0123 99 88 77"
    assert "is aanvaard" in beheer.get(klaar.headers["location"]).text
    # Twice is refused with a message, not a 500.
    nogmaals = beheer.post(f"/beheer/voorstellen/{voorstel_id}/afwijzen")
    assert nogmaals.status_code == 409
    assert "al behandeld" in nogmaals.text


def test_afwijzen_verandert_de_kaart_niet(
    client: TestClient, medewerker: Maak, kaart: Settings
) -> None:
    org_id, _, ids = _eerste_org(kaart)
    token = _link(kaart, org_id)
    formulier = client.get(f"/organisatie/{token}/voorstel/{ids[0]}")
    client.post(
        f"/organisatie/{token}/voorstel/{ids[0]}",
        data={"csrftoken": _csrf(formulier.text), "telefoon": "0123 99 88 77"},
    )
    voor, _, _ = _stand(kaart)
    beheer = medewerker("beheer")
    engine = make_engine(kaart.db_url)
    with unit_of_work(make_session_factory(engine)) as s:
        voorstel_id = s.scalar(select(OrganisatieVoorstel.id))
    engine.dispose()
    assert beheer.post(f"/beheer/voorstellen/{voorstel_id}/afwijzen").status_code == 200
    assert _stand(kaart)[0] == voor
    assert beheer.post("/beheer/voorstellen/999999/aanvaard").status_code == 404


def test_wachtrij_alleen_voor_beheer(client: TestClient, medewerker: Maak, kaart: Settings) -> None:
    anoniem = client.get("/beheer/voorstellen", follow_redirects=False)
    assert anoniem.status_code in (302, 303, 307)
    assert client.post("/beheer/voorstellen/verstuur", follow_redirects=False).status_code in (
        302,
        303,
        307,
        401,
        403,
    )
    loket = medewerker("loket")
    assert loket.get("/beheer/voorstellen").status_code == 403
    assert loket.post("/beheer/voorstellen/verstuur").status_code == 403


def test_knop_verstuurt_links_als_eml(medewerker: Maak, kaart: Settings) -> None:
    beheer = medewerker("beheer")
    antwoord = beheer.post("/beheer/voorstellen/verstuur", follow_redirects=False)
    assert antwoord.status_code == 303
    bestanden = list(kaart.mail_dir.glob("*.eml"))
    assert bestanden
    assert (
        "e-mails met een persoonlijke link klaargezet"
        in beheer.get(antwoord.headers["location"]).text
    )
    bericht = message_from_bytes(bestanden[0].read_bytes(), policy=policy.default)
    assert isinstance(bericht, EmailMessage)
    inhoud = bericht.get_content()
    token = re.search(r"/organisatie/([A-Za-z0-9_.-]+)", inhoud)
    assert token
    # The link in the mail opens the page (same key file as the app).
    assert beheer.get(f"/organisatie/{token.group(1)}").status_code == 200


def test_knop_zonder_csrf_doet_niets(medewerker: Maak, kaart: Settings) -> None:
    beheer = medewerker("beheer")
    beheer.headers.pop("x-csrftoken", None)
    antwoord = beheer.post("/beheer/voorstellen/verstuur")
    assert antwoord.status_code == 403
    assert not kaart.mail_dir.exists() or not list(kaart.mail_dir.glob("*.eml"))


def test_verouderd_aanbod_wordt_gemarkeerd(client: TestClient, kaart: Settings) -> None:
    engine = make_engine(kaart.db_url)
    with unit_of_work(make_session_factory(engine)) as s:
        oud = s.get(Aanbod, "k-06")
        assert oud is not None and oud.laatst_gecontroleerd == date(2024, 1, 10)
        org_id = oud.organisatie_id
        aantal = len(s.scalars(select(Aanbod).where(Aanbod.organisatie_id == org_id)).all())
    engine.dispose()
    tekst = client.get(f"/organisatie/{_link(kaart, org_id)}").text
    blok = tekst.split('id="aanbod-k-06"')[1].split("</section>")[0]
    assert "Graag nakijken:" in blok
    assert tekst.count("Graag nakijken:") < aantal or aantal == 1
