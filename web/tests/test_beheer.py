"""The beheer room: dry run, apply, change log, the replace guard, exports, bad files, XSS."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.gemeente import load_profiel
from kern.settings import Settings
from sociale_kaart.models import Aanbod, KaartWijziging
from sociale_kaart.service import import_bestand, init_database
from sociale_kaart.template import KOLOMMEN
from sociale_kaart.wijzigingen import registreer
from web.beheer import MAX_UPLOAD

Maak = Callable[..., TestClient]
FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "kaart" / "kleine_kaart.csv"

XSS_NAAM = "<script>alert('naam')</script>"
XSS_OMSCHRIJVING = '"><img src=x onerror=alert(1)>'


@pytest.fixture
def kaart(maak_settings: Callable[..., Settings]) -> Settings:
    """The app's database with the small kaart (16 offers) loaded through the CLI path."""
    settings = maak_settings()
    init_database(settings, load_profiel(settings.gemeente_path))
    import_bestand(settings, FIXTURE, vervang=False, wie="cli:test")
    return settings


def _aanbod(session: Session, ident: str) -> Aanbod:
    aanbod = session.get(Aanbod, ident)
    assert aanbod is not None
    return aanbod


def _rijen() -> list[dict[str, str]]:
    with FIXTURE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _csv(rijen: list[dict[str, str]], kolommen: tuple[str, ...] = KOLOMMEN) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(kolommen), lineterminator="\r\n")
    writer.writeheader()
    for rij in rijen:
        writer.writerow({k: rij.get(k, "") for k in kolommen})
    return buffer.getvalue().encode("utf-8")


def _tel(settings: Settings, model: type) -> int:
    engine = make_engine(settings.db_url)
    try:
        with unit_of_work(make_session_factory(engine)) as session:
            return session.scalar(select(func.count()).select_from(model)) or 0
    finally:
        engine.dispose()


def _proef(
    c: TestClient,
    inhoud: bytes,
    naam: str = "kaart.csv",
    vervang: bool = False,
    koppeling: bytes | None = None,
) -> httpx.Response:
    files: dict[str, tuple[str, bytes, str]] = {"bestand": (naam, inhoud, "text/csv")}
    if koppeling is not None:
        files["koppeling"] = ("koppeling.yml", koppeling, "application/yaml")
    data = {"vervang": "ja"} if vervang else {}
    return c.post("/beheer/proef", files=files, data=data)


def _formulier(html: str) -> dict[str, str]:
    upload = re.search(r'name="upload" value="([0-9a-f]{32})"', html)
    plan = re.search(r'name="plan" value="([0-9a-f]{64})"', html)
    assert upload and plan, "geen inleesformulier op de pagina"
    return {"upload": upload.group(1), "plan": plan.group(1)}


def test_proef_met_foutrij_toont_rij_en_kolom_en_slaat_niets_op(
    kaart: Settings, medewerker: Maak
) -> None:
    c = medewerker("beheer")
    rijen = _rijen()
    rijen[1]["niveau"] = "superhulp"  # file row 3 (header is row 1)
    voor = _tel(kaart, Aanbod)
    antwoord = _proef(c, _csv(rijen))
    assert antwoord.status_code == 400
    html = antwoord.text
    fouten = html[html.index('id="fouten"') :]
    assert re.search(r"<td>3</td><td>niveau</td><td>onbekend niveau &#39;superhulp&#39;", fouten)
    assert 'name="upload"' not in html  # nothing to apply
    assert _tel(kaart, Aanbod) == voor
    assert list((kaart.var_dir / "beheer_uploads").iterdir()) == []  # not kept


def test_proef_dan_inlezen_en_de_wijziging_staat_in_het_logboek(
    kaart: Settings, medewerker: Maak
) -> None:
    c = medewerker("beheer")
    rijen = _rijen()
    rijen[0]["telefoon"] = "0123 45 99 99"
    rijen[0]["kosten"] = "5 euro"
    nieuw = dict(rijen[2], id="k-99", naam="Nieuw koffie-uurtje")
    antwoord = _proef(c, _csv([*rijen, nieuw]))
    assert antwoord.status_code == 200, antwoord.text
    html = antwoord.text
    plan = html[html.index('id="plan"') :]
    assert re.search(r"<td>2</td><td>k-01</td><td>[^<]+</td><td>gewijzigd</td>", plan)
    assert "telefoon, kosten" in plan
    assert re.search(r"<td>18</td><td>k-99</td><td>Nieuw koffie-uurtje</td><td>nieuw</td>", plan)
    assert _tel(kaart, Aanbod) == 16  # a dry run writes nothing

    gelogd = _tel(kaart, KaartWijziging)
    klaar = c.post("/beheer/inlezen", data=_formulier(html), follow_redirects=False)
    assert klaar.status_code == 303
    assert _tel(kaart, Aanbod) == 17
    assert _tel(kaart, KaartWijziging) == gelogd + 1
    pagina = c.get(klaar.headers["location"]).text
    assert "Het bestand is ingelezen: 1 nieuw, 1 gewijzigd, 0 verwijderd." in pagina
    log = pagina[pagina.index('id="kop-log"') :]
    tbody = log.index("<tbody>")
    eerste = log[tbody : log.index("</tr>", tbody)]
    assert "test-beheer-1" in eerste  # the account that did it, newest first
    assert "Nieuw: k-99" in eerste and "Gewijzigd: k-01" in eerste
    assert "cli:test" in log  # the CLI's import is logged too

    # The stored upload is gone: the same form cannot be applied twice.
    nog_eens = c.post("/beheer/inlezen", data=_formulier(html))
    assert nog_eens.status_code == 400
    assert "verlopen" in nog_eens.text


def test_inlezen_alleen_het_getoonde_plan(kaart: Settings, medewerker: Maak) -> None:
    c = medewerker("beheer")
    rijen = _rijen()
    rijen[0]["kosten"] = "10 euro"
    html = _proef(c, _csv(rijen)).text
    velden = _formulier(html)

    # Another plan than the one previewed, or an id that is not ours: refused.
    anders = c.post("/beheer/inlezen", data={**velden, "plan": "0" * 64})
    assert anders.status_code == 400
    onbekend = c.post("/beheer/inlezen", data={**velden, "upload": "f" * 32})
    assert onbekend.status_code == 400
    pad = c.post("/beheer/inlezen", data={**velden, "upload": "../../etc"})
    assert pad.status_code == 400

    # A stored file changed behind the preview's back (hash check).
    bestand = kaart.var_dir / "beheer_uploads" / velden["upload"] / "bestand.csv"
    bestand.write_bytes(_csv(_rijen()[:3]))
    gewijzigd = c.post("/beheer/inlezen", data=velden)
    assert gewijzigd.status_code == 400
    assert _tel(kaart, Aanbod) == 16

    # The kaart changed between dry run and apply: nothing written, a Dutch message.
    html = _proef(c, _csv(rijen)).text
    velden = _formulier(html)
    engine = make_engine(kaart.db_url)
    with unit_of_work(make_session_factory(engine)) as session:
        _aanbod(session, "k-01").kosten = "intussen anders"
    engine.dispose()
    laat = c.post("/beheer/inlezen", data=velden, follow_redirects=False)
    assert laat.status_code == 409
    assert "gewijzigd sinds de proefimport" in laat.text


def test_vervang_na_organisatiewijziging_vraagt_bevestiging(
    kaart: Settings, medewerker: Maak
) -> None:
    c = medewerker("beheer")
    export = c.get("/beheer/export.csv")
    assert export.status_code == 200
    assert "attachment" in export.headers["content-disposition"]
    # After the export an organisation confirms k-02 (as the organisation pages log it).
    engine = make_engine(kaart.db_url)
    with unit_of_work(make_session_factory(engine)) as session:
        from datetime import date

        _aanbod(session, "k-02").laatst_gecontroleerd = date(2026, 11, 30)
        registreer(
            session, "organisatie:Mantelzorgsteunpunt Lindewaard", "bevestiging", gewijzigd=["k-02"]
        )
    engine.dispose()

    html = _proef(c, export.content, naam="kaart.csv", vervang=True).text
    assert 'id="terugdraaiingen"' in html
    assert "organisatie:Mantelzorgsteunpunt Lindewaard" in html
    assert 'name="bevestig"' in html
    velden = _formulier(html)
    zonder = c.post("/beheer/inlezen", data=velden)
    assert zonder.status_code == 400
    assert "Vink eerst aan" in zonder.text
    assert _tel(kaart, KaartWijziging) == 2
    met = c.post("/beheer/inlezen", data={**velden, "bevestig": "ja"}, follow_redirects=False)
    assert met.status_code == 303
    with unit_of_work(make_session_factory(make_engine(kaart.db_url))) as session:
        assert _aanbod(session, "k-02").laatst_gecontroleerd.isoformat() == "2026-09-01"


def test_vervang_met_verse_export_vraagt_niets(kaart: Settings, medewerker: Maak) -> None:
    c = medewerker("beheer")
    export = c.get("/beheer/export.csv").content
    html = _proef(c, export, vervang=True).text
    assert 'id="terugdraaiingen"' not in html
    assert "<strong>16</strong> ongewijzigd" in html


@pytest.mark.parametrize(
    ("naam", "inhoud", "verwacht"),
    [
        ("kaart.csv", b"", "leeg"),
        ("kaart.csv", bytes(range(256)) * 40, "geen tekst"),
        ("kaart.csv", b"a;b;c\n1;2;3\n", "ontbreekt in de kopregel"),
        ("kaart.csv", "id,naam\n".encode("utf-16-le"), "kopregel"),
        ("kaart.xlsx", b"PK\x03\x04 geen echte zip", "geen geldig Excel-bestand"),
        ("kaart.xls", b"\xd0\xcf\x11\xe0", "oud Excel-bestand"),
        ("kaart.pdf", b"%PDF-1.4", "onbekend bestandstype"),
        ("kaart.json", b"{niet: json", "koppelbestand"),
    ],
)
def test_slechte_bestanden_geven_een_nederlandse_melding(
    kaart: Settings, medewerker: Maak, naam: str, inhoud: bytes, verwacht: str
) -> None:
    c = medewerker("beheer")
    antwoord = _proef(c, inhoud, naam=naam)
    assert antwoord.status_code in (400, 413), antwoord.text
    assert verwacht in antwoord.text
    assert "text/html" in antwoord.headers["content-type"]


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("feed.json", b"{niet: json"),
        ("feed.json", bytes(range(256)) * 10),
        ("feed.json", b"[]"),
        ("feed.json", b'{"services": [{"id": 1}]}'),
        ("feed.zip", b"PK\x03\x04 kapot"),
    ],
)
def test_kapotte_hsds_met_koppeling_geeft_een_melding(
    kaart: Settings, medewerker: Maak, naam: str, inhoud: bytes
) -> None:
    c = medewerker("beheer")
    koppeling = (FIXTURE.parent / "hsds_koppeling.yml").read_bytes()
    antwoord = _proef(c, inhoud, naam=naam, koppeling=koppeling)
    assert antwoord.status_code == 400, antwoord.text
    assert "text/html" in antwoord.headers["content-type"]
    assert 'role="alert"' in antwoord.text and "Er is niets opgeslagen" in antwoord.text


def test_hsds_met_koppeling(kaart: Settings, medewerker: Maak) -> None:
    fixtures = FIXTURE.parent
    c = medewerker("beheer")
    antwoord = _proef(
        c,
        (fixtures / "hsds_lindewaard.json").read_bytes(),
        naam="feed.json",
        koppeling=(fixtures / "hsds_koppeling.yml").read_bytes(),
    )
    assert antwoord.status_code == 200, antwoord.text
    assert "<strong>5</strong> nieuw" in antwoord.text
    assert "status defunct" in antwoord.text  # the skipped service, as the CLI says


def test_te_groot_bestand_413(kaart: Settings, medewerker: Maak) -> None:
    c = medewerker("beheer")
    antwoord = _proef(c, b"x" * (MAX_UPLOAD + 2 * 1024 * 1024))
    assert antwoord.status_code == 413
    assert "te groot" in antwoord.json()["melding"]


@pytest.mark.parametrize("rol", ["loket", "beleid"])
def test_andere_rollen_kunnen_hier_niets(kaart: Settings, medewerker: Maak, rol: str) -> None:
    c = medewerker(rol)
    assert c.get("/beheer", follow_redirects=False).status_code == 403
    assert c.get("/beheer/export.csv", follow_redirects=False).status_code == 403
    assert _proef(c, _csv(_rijen())).status_code == 403
    inlezen = c.post("/beheer/inlezen", data={"upload": "0" * 32, "plan": "0" * 64})
    assert inlezen.status_code == 403
    assert not (kaart.var_dir / "beheer_uploads").exists()


def test_anoniem_naar_inloggen(kaart: Settings, client: TestClient) -> None:
    antwoord = client.get("/beheer", follow_redirects=False)
    assert antwoord.status_code in (302, 303, 307)
    assert "/inloggen" in antwoord.headers["location"]
    anoniem = client.post(
        "/beheer/proef", files={"bestand": ("k.csv", b"x")}, follow_redirects=False
    )
    assert anoniem.status_code in (303, 401, 403)
    assert not (kaart.var_dir / "beheer_uploads").exists()


def test_stored_xss_escaped_op_de_beheerpagina_en_in_de_proef(
    kaart: Settings, medewerker: Maak
) -> None:
    c = medewerker("beheer")
    rijen = _rijen()
    rijen[0].update(naam=XSS_NAAM, omschrijving=XSS_OMSCHRIJVING, laatst_gecontroleerd="")
    proef = _proef(c, _csv(rijen))
    assert "<script>alert" not in proef.text
    assert "&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt;" in proef.text
    klaar = c.post("/beheer/inlezen", data=_formulier(proef.text), follow_redirects=False)
    assert klaar.status_code == 303
    pagina = c.get("/beheer").text
    assert "<script>alert" not in pagina
    assert "<img src=x" not in pagina
    assert "&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt;" in pagina  # stale list + mail


def test_export_neutraliseert_formules_en_blijft_verliesvrij(
    kaart: Settings, medewerker: Maak
) -> None:
    from openpyxl import load_workbook

    c = medewerker("beheer")
    rijen = _rijen()
    rijen[0].update(naam='=HYPERLINK("http://x")', omschrijving="@SUM(1)", kosten="-5 euro")
    rijen[1].update(
        naam="+31 telefoonlijn", omschrijving="''=al een apostrof", kosten=XSS_OMSCHRIJVING
    )
    c.post("/beheer/inlezen", data=_formulier(_proef(c, _csv(rijen)).text))

    tekst = c.get("/beheer/export.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in tekst and ";'@SUM(1);" in tekst and "'+31 telefoonlijn" in tekst
    assert "''=al een apostrof" in tekst  # stored as "'=al ...": one more on export
    boek = load_workbook(io.BytesIO(c.get("/beheer/export.xlsx").content))
    blad = boek["kaart"]
    kop = [cel.value for cel in blad[1]]
    waarden = {r[0].value: r for r in blad.iter_rows(min_row=2)}
    naam = waarden["k-01"][kop.index("naam")]
    assert naam.data_type == "s" and naam.value == '=HYPERLINK("http://x")'

    # Round trip: both downloads read back as an unchanged kaart.
    for soort, inhoud in (
        ("csv", tekst.encode("utf-8")),
        ("xlsx", c.get("/beheer/export.xlsx").content),
    ):
        html = _proef(c, inhoud, naam=f"terug.{soort}", vervang=True).text
        assert "<strong>16</strong> ongewijzigd" in html, soort
        assert "<strong>0</strong> gewijzigd" in html, soort


def test_een_andere_beheerder_kan_mijn_proef_niet_inlezen(
    kaart: Settings, medewerker: Maak
) -> None:
    ik, ander = medewerker("beheer"), medewerker("beheer")
    rijen = _rijen()
    rijen[0]["kosten"] = "7 euro"
    velden = _formulier(_proef(ik, _csv(rijen)).text)
    assert ander.post("/beheer/inlezen", data=velden).status_code == 400
    assert ik.post("/beheer/inlezen", data=velden, follow_redirects=False).status_code == 303


def test_logboek_per_pagina_nieuwste_eerst(kaart: Settings, medewerker: Maak) -> None:
    engine = make_engine(kaart.db_url)
    with unit_of_work(make_session_factory(engine)) as session:
        for i in range(30):
            registreer(session, f"organisatie:Org {i:02d}", "bevestiging", gewijzigd=["k-01"])
    engine.dispose()
    c = medewerker("beheer")
    eerste = c.get("/beheer").text
    assert "pagina 1 van 2, 31 in totaal" in eerste
    assert "organisatie:Org 29" in eerste and "organisatie:Org 05" in eerste
    assert "organisatie:Org 04" not in eerste and "cli:test" not in eerste
    assert eerste.index("Org 29") < eerste.index("Org 28")
    assert 'href="/beheer?pagina=2#kop-log"' in eerste
    tweede = c.get("/beheer?pagina=2").text
    assert "organisatie:Org 04" in tweede and "cli:test" in tweede
    assert c.get("/beheer?pagina=0").status_code == 400
