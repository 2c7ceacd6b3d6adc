"""Organisations check their entries: links in the database, confirmations, the proposal queue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.gemeente import load_profiel
from kern.settings import Settings
from sociale_kaart import service
from sociale_kaart.controle import verouderd_per_organisatie
from sociale_kaart.models import Aanbod, KaartWijziging, Organisatie, OrganisatieVoorstel
from sociale_kaart.organisatie_link import (
    ONBEKEND,
    VERVANGEN,
    LinkOngeldig,
    nieuwe_link,
    organisatie_van_link,
    teken,
)
from sociale_kaart.template import KaartFout
from sociale_kaart.voorstellen import (
    AANVAARD,
    AFGEWEZEN,
    NietGevonden,
    VoorstelFout,
    aanbod_van,
    aanvaard,
    bevestig,
    dien_in,
    open_voorstellen,
    wijs_af,
)
from sociale_kaart.zoeken import ZoekVraag
from tests.kaart_hulp import DEMO_KAART, HSDS, HSDS_KOPPELING

SLEUTEL = b"k" * 32
NU = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def kaart(db_settings: Settings) -> Iterator[sessionmaker]:
    service.init_database(db_settings, load_profiel(db_settings.gemeente_path))
    service.import_bestand(db_settings, DEMO_KAART, vervang=True)
    engine = make_engine(db_settings.db_url)
    yield make_session_factory(engine)
    engine.dispose()


def _org(session: Session, naam: str = "Mantelzorgsteunpunt Lindewaard") -> Organisatie:
    org = session.scalar(select(Organisatie).where(Organisatie.naam == naam))
    assert org is not None
    return org


def _snapshot(session: Session) -> list[tuple[object, ...]]:
    return [
        (a.id, a.naam, a.omschrijving, a.telefoon, a.email, a.website, a.laatst_gecontroleerd)
        for a in session.scalars(select(Aanbod).order_by(Aanbod.id)).unique()
    ]


M = TypeVar("M")


def _haal(session: Session, model: type[M], ident: object) -> M:
    rij = session.get(model, ident)
    assert rij is not None
    return rij


def _log(session: Session) -> list[KaartWijziging]:
    """The change log without the imports the fixture did."""
    stmt = select(KaartWijziging).where(KaartWijziging.soort.in_(["bevestiging", "voorstel"]))
    return list(session.scalars(stmt))


def test_nieuwe_link_vervangt_de_oude(kaart: sessionmaker) -> None:
    with unit_of_work(kaart) as s:
        org_id = _org(s).id
        oud = nieuwe_link(s, SLEUTEL, org_id, NU)
        assert organisatie_van_link(s, SLEUTEL, oud, 30, NU).id == org_id
        nieuw = nieuwe_link(s, SLEUTEL, org_id, NU)
    with unit_of_work(kaart) as s:
        assert organisatie_van_link(s, SLEUTEL, nieuw, 30, NU).id == org_id
        with pytest.raises(LinkOngeldig) as info:
            organisatie_van_link(s, SLEUTEL, oud, 30, NU)
        assert info.value.reden == VERVANGEN
        assert info.value.status == 410


def test_link_van_een_verdwenen_organisatie(kaart: sessionmaker) -> None:
    with unit_of_work(kaart) as s:
        with pytest.raises(LinkOngeldig) as info:
            organisatie_van_link(s, SLEUTEL, teken(SLEUTEL, 999_999, 0, NU), 30, NU)
        assert info.value.reden == ONBEKEND


def test_klopt_nog_zet_de_datum_en_logt(kaart: sessionmaker) -> None:
    with unit_of_work(kaart) as s:
        org = _org(s)
        eerste = aanbod_van(s, org.id)[0]
        ident, org_id = eerste.id, org.id
        assert eerste.laatst_gecontroleerd != NU.date()
        bevestig(s, org_id, ident, NU)
    with unit_of_work(kaart) as s:
        assert _haal(s, Aanbod, ident).laatst_gecontroleerd == NU.date()
        log = _log(s)
        assert [(w.soort, json.loads(w.gewijzigd)) for w in log] == [("bevestiging", [ident])]
        assert log[0].wie == "organisatie:Mantelzorgsteunpunt Lindewaard"


def test_een_organisatie_kan_alleen_eigen_aanbod_raken(kaart: sessionmaker) -> None:
    with unit_of_work(kaart) as s:
        eigen = _org(s)
        ander = s.scalar(select(Organisatie).where(Organisatie.id != eigen.id))
        assert ander is not None
        vreemd = aanbod_van(s, ander.id)[0].id
        voor = _snapshot(s)
        with pytest.raises(NietGevonden):
            bevestig(s, eigen.id, vreemd, NU)
        with pytest.raises(NietGevonden):
            dien_in(s, eigen.id, vreemd, {"telefoon": "0123 45 67 89"}, NU)
        with pytest.raises(NietGevonden):
            bevestig(s, eigen.id, "bestaat-niet", NU)
        assert _snapshot(s) == voor


@pytest.mark.parametrize(
    ("invoer", "veld", "stukje"),
    [
        ({"email": "geen-adres"}, "email", "geen geldig e-mailadres"),
        ({"postcode": "12345"}, "postcode", "geen postcode"),
        ({"website": "niet een site"}, "website", "geen geldig webadres"),
        ({"telefoon": "bel maar"}, "telefoon", "geen telefoonnummer"),
        ({"naam": "   "}, "naam", "Vul de naam"),
        ({"omschrijving": "x" * 4001}, "omschrijving", "te lang"),
        ({}, "", "niets gewijzigd"),
    ],
)
def test_ongeldig_voorstel_geeft_nederlandse_fout(
    kaart: sessionmaker, invoer: dict[str, str], veld: str, stukje: str
) -> None:
    with unit_of_work(kaart) as s:
        org = _org(s)
        ident = aanbod_van(s, org.id)[0].id
        with pytest.raises(VoorstelFout) as info:
            dien_in(s, org.id, ident, invoer, NU)
        assert stukje in info.value.fouten[veld]
        assert s.scalars(select(OrganisatieVoorstel)).all() == []


def test_voorstel_wacht_en_wordt_aanvaard(kaart: sessionmaker, db_settings: Settings) -> None:
    with unit_of_work(kaart) as s:
        org = _org(s)
        aanbod = aanbod_van(s, org.id)[0]
        ident, oude_tel = aanbod.id, aanbod.telefoon
        voor = _snapshot(s)
        voorstel = dien_in(
            s,
            org.id,
            ident,
            {
                "telefoon": "0123 99 88 77",
                "omschrijving": "Nieuw: elke week een kwispelwandeling met de hond.",
                "postcode": "9902bc",
                "website": "www.voorbeeld.example/nieuw",
            },
            NU,
        )
        voorstel_id = voorstel.id
        # Nothing on the kaart changes yet.
        assert _snapshot(s) == voor
        # The same proposal twice (a double click) is refused with a message.
        with pytest.raises(VoorstelFout, match="al verstuurd"):
            dien_in(
                s,
                org.id,
                ident,
                {
                    "telefoon": "0123 99 88 77",
                    "omschrijving": ("Nieuw: elke week een kwispelwandeling met de hond."),
                    "postcode": "9902bc",
                    "website": "www.voorbeeld.example/nieuw",
                },
                NU,
            )
    with unit_of_work(kaart) as s:
        [weergave] = open_voorstellen(s)
        velden = {v.veld: (v.oud, v.nieuw) for v in weergave.verschillen}
        assert velden["telefoon"] == (oude_tel, "0123 99 88 77")
        assert velden["website"][1] == "https://www.voorbeeld.example/nieuw"
        assert "postcode" not in velden or velden["postcode"][1] == "9902 BC"
        aanvaard(s, voorstel_id, "beheerder Bea", NU + timedelta(days=1))
    with unit_of_work(kaart) as s:
        aanbod = _haal(s, Aanbod, ident)
        assert aanbod.telefoon == "0123 99 88 77"
        assert aanbod.website == "https://www.voorbeeld.example/nieuw"
        assert aanbod.laatst_gecontroleerd == (NU + timedelta(days=1)).date()
        voorstel = _haal(s, OrganisatieVoorstel, voorstel_id)
        assert (voorstel.status, voorstel.besloten_door) == (AANVAARD, "beheerder Bea")
        [log] = _log(s)
        assert log.soort == "voorstel" and json.loads(log.gewijzigd) == [ident]
        assert "Bea" in log.wie and log.wie.startswith("organisatie:")
        assert open_voorstellen(s) == []
        with pytest.raises(VoorstelFout, match="al behandeld"):
            wijs_af(s, voorstel_id, "iemand anders")
    # The search index follows at once: the new word is found.
    resultaten = service.zoek_op_kaart(
        db_settings, ZoekVraag(tekst="kwispelwandeling", vers_dagen=365), 5
    )
    assert [r.aanbod.id for r in resultaten][:1] == [ident]


def test_afgewezen_voorstel_verandert_niets(kaart: sessionmaker) -> None:
    with unit_of_work(kaart) as s:
        org = _org(s)
        ident = aanbod_van(s, org.id)[0].id
        voorstel_id = dien_in(s, org.id, ident, {"telefoon": "0123 00 00 00"}, NU).id
        voor = _snapshot(s)
    with unit_of_work(kaart) as s:
        wijs_af(s, voorstel_id, "beheerder Bea", NU)
    with unit_of_work(kaart) as s:
        assert _snapshot(s) == voor
        assert _haal(s, OrganisatieVoorstel, voorstel_id).status == AFGEWEZEN
        assert _log(s) == []
        with pytest.raises(VoorstelFout, match="al behandeld"):
            aanvaard(s, voorstel_id, "beheerder Bea")
        with pytest.raises(NietGevonden):
            aanvaard(s, 987_654, "beheerder Bea")


def test_intussen_gewijzigd_wordt_getoond(kaart: sessionmaker) -> None:
    with unit_of_work(kaart) as s:
        org = _org(s)
        aanbod = aanbod_van(s, org.id)[0]
        dien_in(s, org.id, aanbod.id, {"telefoon": "0123 11 11 11"}, NU)
        aanbod.telefoon = "0123 22 22 22"  # a beheerder changed it meanwhile
    with unit_of_work(kaart) as s:
        [weergave] = open_voorstellen(s)
        [verschil] = weergave.verschillen
        assert verschil.intussen == "0123 22 22 22"


# ------------------------------------------------------------- the organisation's own address


def _csv_met_org_email(tmp_path: Path, waarden: dict[str, str]) -> Path:
    regels = DEMO_KAART.read_text(encoding="utf-8").splitlines()
    uit = [regels[0] + ",organisatie_email"]
    for regel in regels[1:]:
        org = next((o for o in waarden if f",{o}," in regel), None)
        uit.append(regel + "," + (waarden[org] if org else ""))
    pad = tmp_path / "met_org_email.csv"
    pad.write_text("\n".join(uit) + "\n", encoding="utf-8")
    return pad


def test_organisatie_email_uit_het_sjabloon(
    kaart: sessionmaker, db_settings: Settings, tmp_path: Path
) -> None:
    org = "Mantelzorgsteunpunt Lindewaard"
    pad = _csv_met_org_email(tmp_path, {org: "kaart@mantelzorglindewaard.example"})
    service.import_bestand(db_settings, pad, vervang=False)
    with unit_of_work(kaart) as s:
        assert _org(s, org).email == "kaart@mantelzorglindewaard.example"
        controles = {c.organisatie: c for c in verouderd_per_organisatie(s, date(2030, 1, 1), 1)}
    assert controles[org].emails == ("kaart@mantelzorglindewaard.example",)
    assert controles[org].organisatie_id is not None
    # Others fall back to the addresses of their offers.
    anderen = [c for naam, c in controles.items() if naam != org and c.emails]
    assert anderen and all("@" in e for c in anderen for e in c.emails)
    # An old file without the column keeps the address; empty cells clear it.
    service.import_bestand(db_settings, DEMO_KAART, vervang=False)
    with unit_of_work(kaart) as s:
        assert _org(s, org).email == "kaart@mantelzorglindewaard.example"
    service.import_bestand(db_settings, _csv_met_org_email(tmp_path, {}), vervang=False)
    with unit_of_work(kaart) as s:
        assert _org(s, org).email is None


def test_organisatie_email_wordt_gecontroleerd(db_settings: Settings, tmp_path: Path) -> None:
    org = "Mantelzorgsteunpunt Lindewaard"
    with pytest.raises(KaartFout) as info:
        service.import_bestand(
            db_settings, _csv_met_org_email(tmp_path, {org: "geen adres"}), False
        )
    assert "kolom organisatie_email: 'geen adres' is geen geldig e-mailadres." in str(info.value)
    tekst = _csv_met_org_email(tmp_path, {org: "a@x.example"}).read_text(encoding="utf-8")
    tweede = tekst.replace("a@x.example", "b@x.example", 2).replace("b@x.example", "a@x.example", 1)
    pad = tmp_path / "twee.csv"
    pad.write_text(tweede, encoding="utf-8")
    with pytest.raises(KaartFout) as info:
        service.import_bestand(db_settings, pad, False)
    assert "heeft in rij 2 al het e-mailadres 'a@x.example'" in str(info.value)


def test_organisatie_email_gaat_mee_in_de_export(
    kaart: sessionmaker, db_settings: Settings, tmp_path: Path
) -> None:
    org = "Mantelzorgsteunpunt Lindewaard"
    service.import_bestand(
        db_settings, _csv_met_org_email(tmp_path, {org: "kaart@lindewaard.example"}), False
    )
    for naam in ("export.csv", "export.xlsx"):
        pad = tmp_path / naam
        service.exporteer_bestand(db_settings, pad)
        with unit_of_work(kaart) as s:
            _org(s, org).email = None
        service.import_bestand(db_settings, pad, vervang=False)
        with unit_of_work(kaart) as s:
            assert _org(s, org).email == "kaart@lindewaard.example", naam


def test_organisatie_email_uit_hsds(db_settings: Settings) -> None:
    service.init_database(db_settings, load_profiel(db_settings.gemeente_path))
    service.import_bestand(db_settings, HSDS, vervang=False, koppeling=HSDS_KOPPELING)
    engine = make_engine(db_settings.db_url)
    try:
        with unit_of_work(make_session_factory(engine)) as s:
            org = _org(s, "Stichting Welzijn Lindewaard")
            assert org.email == "info@welzijnlindewaard.example"
    finally:
        engine.dispose()
