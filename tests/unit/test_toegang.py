"""The access domain: password policy, hashing, accounts, sessions, delay, TOTP, log retention."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pyotp
import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import sessionmaker

from kern.db import make_engine, make_session_factory, unit_of_work
from toegang import ToegangFout, accounts, tweede_factor, wachtwoord
from toegang.migraties import TOEGANG, VERSIE_TABEL
from toegang.model import AccountRij, Base, InlogLogRij, SessieRij
from toegang.poort import MAX_WACHT, VRIJ, Poort, log_regels, vertraging
from toegang.rollen import Rol

WW = "paarse olifant fietst naar de markt"
T0 = datetime(2026, 12, 1, 9, 0, 0)


@pytest.fixture(autouse=True)
def snelle_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2id parameters in these tests (the real ones cost ~0.1 s per hash)."""
    monkeypatch.setattr(
        wachtwoord, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    monkeypatch.setattr(wachtwoord, "_NEP_HASH", [])


@pytest.fixture
def sf(tmp_path: Path) -> Iterator[sessionmaker]:
    url = f"sqlite:///{tmp_path / 'toegang.db'}"
    TOEGANG.migreer_url(url)
    engine = make_engine(url)
    yield make_session_factory(engine)
    engine.dispose()


def _account(
    sf: sessionmaker, naam: str = "jan.jansen", *rollen: Rol, **kw: object
) -> accounts.Account:
    return accounts.maak(sf, naam, WW, rollen or (Rol.loket,), nu=T0, **kw)  # type: ignore[arg-type]


# -- the password policy ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "ww, stukje",
    [
        ("kort wacht", "te kort"),
        ("x" * 129, "te lang"),
        ("wachtwoord12345", "veel gebruikt"),
        ("Password123456!", "veel gebruikt"),
        ("iloveyouiloveyou", "veel gebruikt"),
        ("welkom01welkom01", "veel gebruikt"),
        ("qwertyuiop!!", "veel gebruikt"),
        ("aaaaaaaaaaaaaaaa", "te weinig verschillende"),
        ("ik-ben-Jan.Jansen-ja", "accountnaam"),
        (" spatie vooraan en zo", "spatie"),
        ("tab\tin het wachtwoord", "onzichtbare"),
    ],
)
def test_beleid_weigert_met_nederlandse_reden(ww: str, stukje: str) -> None:
    with pytest.raises(ToegangFout, match=stukje):
        wachtwoord.controleer(ww, "jan.jansen")


@pytest.mark.parametrize(
    "ww",
    [
        "paarse olifant fietst naar de markt",
        "kleine letters zonder cijfers",  # no composition rules
        "Zomerse-regen-op-het-dak",
        "é" * 3 + "ßüñ zinnetje hier",
        "z" * 60 + "abcdefghijklmnopqrstuvwxyz" + "q" * 42,  # 128: the maximum
    ],
)
def test_beleid_laat_lange_zinnen_toe(ww: str) -> None:
    assert len(ww) <= wachtwoord.MAX_LENGTE
    wachtwoord.controleer(ww, "jan.jansen")


def test_lijst_komt_uit_zxcvbn_en_heeft_nederlandse_woorden() -> None:
    lijst = wachtwoord.veelgebruikt()
    assert len(lijst) > 25_000
    assert {"123456", "password", "wachtwoord", "welkom"} <= lijst


def test_hash_is_argon2id_en_klopt_alleen_met_het_juiste_wachtwoord() -> None:
    h = wachtwoord.maak_hash(WW)
    assert h.startswith("$argon2id$")
    assert WW not in h
    assert wachtwoord.klopt(h, WW)
    assert not wachtwoord.klopt(h, WW + "x")
    assert not wachtwoord.klopt("geen hash", WW)
    assert not wachtwoord.moet_opnieuw(h)


def test_echte_parameters_zijn_argon2id_rfc9106() -> None:
    h = PasswordHasher().hash(WW)
    assert h.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert wachtwoord.moet_opnieuw(wachtwoord.maak_hash(WW)) is False


def test_oude_parameters_worden_bij_inloggen_vervangen(
    sf: sessionmaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    _account(sf)
    with unit_of_work(sf) as s:
        oud = s.execute(select(AccountRij.wachtwoord_hash)).scalar_one()
    monkeypatch.setattr(
        wachtwoord, "_HASHER", PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    )
    assert Poort(sf).meld_aan("jan.jansen", WW, "a", nu=T0).stap == "binnen"
    with unit_of_work(sf) as s:
        nieuw = s.execute(select(AccountRij.wachtwoord_hash)).scalar_one()
    assert nieuw != oud and "t=2" in nieuw


# -- accounts ----------------------------------------------------------------------------------


def test_migratie_maakt_eigen_tabellen_en_versietabel(sf: sessionmaker) -> None:
    engine = sf.kw["bind"]
    tabellen = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tabellen
    assert VERSIE_TABEL in tabellen
    assert TOEGANG.huidige(engine) == TOEGANG.head()
    assert TOEGANG.migreer(engine) == TOEGANG.head()  # idempotent


def test_migratie_en_model_zijn_gelijk(sf: sessionmaker) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with sf.kw["bind"].connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSIE_TABEL, "compare_type": True})
        verschil = compare_metadata(context, Base.metadata)
    assert [v for v in verschil if not (v[0] == "remove_table" and v[1].name == VERSIE_TABEL)] == []


def test_account_maken_met_meer_rollen_en_lijst(sf: sessionmaker) -> None:
    a = _account(sf, "jan.jansen", Rol.loket, Rol.beleid)
    assert a.rollen == {Rol.loket, Rol.beleid}
    assert a.rollen_tekst() == "loket, beleid"
    assert [x.naam for x in accounts.lijst(sf)] == ["jan.jansen"]
    with unit_of_work(sf) as s:
        rij = s.execute(select(AccountRij)).scalar_one()
        assert rij.wachtwoord_hash.startswith("$argon2id$")


@pytest.mark.parametrize("naam", ["Jan", "ja", "-jan", "jan jansen", "jan@x.nl", "x" * 65])
def test_ongeldige_naam_geweigerd(sf: sessionmaker, naam: str) -> None:
    with pytest.raises(ToegangFout, match="accountnaam"):
        accounts.maak(sf, naam, WW, {Rol.loket})


def test_dubbele_naam_en_zonder_rol_geweigerd(sf: sessionmaker) -> None:
    _account(sf)
    with pytest.raises(ToegangFout, match="al een account"):
        _account(sf)
    with pytest.raises(ToegangFout, match="minstens één rol"):
        accounts.maak(sf, "piet", WW, set())
    with pytest.raises(ToegangFout, match="Onbekende rol 'admin'"):
        accounts.lees_rollen(["loket", "admin"])


def test_rollen_erbij_en_eraf_maar_nooit_geen(sf: sessionmaker) -> None:
    _account(sf)
    assert accounts.zet_rollen(sf, "jan.jansen", {Rol.beheer}).rollen == {Rol.loket, Rol.beheer}
    assert accounts.zet_rollen(sf, "jan.jansen", {Rol.loket}, weg=True).rollen == {Rol.beheer}
    with pytest.raises(ToegangFout, match="geen rol over"):
        accounts.zet_rollen(sf, "jan.jansen", {Rol.beheer}, weg=True)
    with pytest.raises(ToegangFout, match="geen account"):
        accounts.zet_rollen(sf, "niemand", {Rol.beheer})


# -- sessions ----------------------------------------------------------------------------------


def test_inloggen_geeft_sessie_en_bewaart_alleen_de_hash(sf: sessionmaker) -> None:
    _account(sf)
    poort = Poort(sf)
    uit = poort.meld_aan("jan.jansen", WW, "10.0.0.1", nu=T0)
    assert uit.stap == "binnen" and uit.token
    sessie, verlopen = poort.sessie(uit.token, nu=T0 + timedelta(minutes=1))
    assert sessie is not None and sessie.voltooid and not verlopen
    assert sessie.account.naam == "jan.jansen"
    with unit_of_work(sf) as s:
        sleutels = s.execute(select(SessieRij.token_hash)).scalars().all()
    assert uit.token not in sleutels and len(sleutels) == 1


def test_sessie_verloopt_na_idle_tijd_maar_niet_bij_gebruik(sf: sessionmaker) -> None:
    _account(sf)
    poort = Poort(sf, idle_minuten=30)
    token = poort.meld_aan("jan.jansen", WW, "a", nu=T0).token
    assert token
    nu = T0
    for _ in range(4):  # active every 20 minutes: stays valid for 80 minutes
        nu += timedelta(minutes=20)
        assert poort.sessie(token, nu=nu)[0] is not None
    assert poort.sessie(token, nu=nu + timedelta(minutes=31)) == (None, True)
    assert poort.sessie(token, nu=nu) == (None, False)  # deleted, not just refused


def test_uitloggen_blokkeren_en_nieuw_wachtwoord_beeindigen_sessies(sf: sessionmaker) -> None:
    _account(sf)
    poort = Poort(sf)
    t1 = poort.meld_aan("jan.jansen", WW, "a", nu=T0).token
    assert t1 and poort.log_uit(t1) and poort.sessie(t1, nu=T0)[0] is None

    t2 = poort.meld_aan("jan.jansen", WW, "a", nu=T0).token
    assert t2
    accounts.blokkeer(sf, "jan.jansen")
    assert poort.sessie(t2, nu=T0)[0] is None
    assert poort.meld_aan("jan.jansen", WW, "a", nu=T0).stap == "geweigerd"
    accounts.blokkeer(sf, "jan.jansen", geblokkeerd=False)

    t3 = poort.meld_aan("jan.jansen", WW, "a", nu=T0).token
    assert t3
    nieuw = "een heel ander lang wachtwoord"
    accounts.zet_wachtwoord(sf, "jan.jansen", nieuw)
    assert poort.sessie(t3, nu=T0)[0] is None
    assert poort.meld_aan("jan.jansen", WW, "a", nu=T0).stap == "geweigerd"
    assert poort.meld_aan("jan.jansen", nieuw, "b", nu=T0).stap == "binnen"


def test_rolwijziging_geldt_bij_het_volgende_verzoek(sf: sessionmaker) -> None:
    _account(sf)
    poort = Poort(sf)
    token = poort.meld_aan("jan.jansen", WW, "a", nu=T0).token
    assert token
    accounts.zet_rollen(sf, "jan.jansen", {Rol.beleid})
    sessie = poort.sessie(token, nu=T0)[0]
    assert sessie is not None and sessie.account.rollen == {Rol.loket, Rol.beleid}


# -- the delay -------------------------------------------------------------------------------


def test_vertraging_groeit_exponentieel_tot_het_maximum() -> None:
    assert [vertraging(n) for n in range(VRIJ)] == [0] * VRIJ
    assert [vertraging(n) for n in range(VRIJ, VRIJ + 4)] == [2, 4, 8, 16]
    assert vertraging(100) == MAX_WACHT


def test_mislukte_pogingen_vertragen_per_naam_en_adres(sf: sessionmaker) -> None:
    _account(sf)
    poort = Poort(sf)
    for _ in range(VRIJ - 1):
        assert poort.meld_aan("jan.jansen", "fout fout fout", "6.6.6.6", nu=T0).wacht_seconden == 0
    uit = poort.meld_aan("jan.jansen", "fout fout fout", "6.6.6.6", nu=T0)
    assert uit.stap == "geweigerd" and uit.wacht_seconden == 2
    # Even the right password waits now, from that address...
    assert (
        poort.meld_aan("jan.jansen", WW, "6.6.6.6", nu=T0 + timedelta(seconds=1)).stap == "wachten"
    )
    # ...but the colleague at her own desk is not locked out.
    assert poort.meld_aan("jan.jansen", WW, "10.0.0.7", nu=T0).stap == "binnen"
    assert poort.wachttijd("jan.jansen", "10.0.0.7", nu=T0) == 0
    # After the wait one more try is allowed; a further failure doubles the wait.
    later = T0 + timedelta(seconds=2)
    assert poort.meld_aan("jan.jansen", "fout fout fout", "6.6.6.6", nu=later).wacht_seconden == 4
    assert poort.wachttijd("jan.jansen", "6.6.6.6", nu=later) == 4
    # A success clears the counter.
    assert (
        poort.meld_aan("jan.jansen", WW, "6.6.6.6", nu=later + timedelta(seconds=4)).stap
        == "binnen"
    )
    assert poort.wachttijd("jan.jansen", "6.6.6.6", nu=later + timedelta(seconds=4)) == 0


def test_onbekende_naam_gedraagt_zich_als_fout_wachtwoord(sf: sessionmaker) -> None:
    _account(sf)
    poort = Poort(sf)
    bestaand = [poort.meld_aan("jan.jansen", "fout fout fout", "x", nu=T0) for _ in range(VRIJ)]
    onbekend = [poort.meld_aan("niemand.hier", "fout fout fout", "x", nu=T0) for _ in range(VRIJ)]
    assert bestaand == onbekend


# -- the second factor -----------------------------------------------------------------------


def test_tweede_factor_nodig_voor_beheer_en_als_het_voor_iedereen_aan_staat() -> None:
    assert tweede_factor.nodig({Rol.beheer}, False, False)
    assert tweede_factor.nodig({Rol.loket, Rol.beheer}, False, False)
    assert not tweede_factor.nodig({Rol.loket, Rol.beleid}, False, False)
    assert tweede_factor.nodig({Rol.loket}, False, True)
    assert tweede_factor.nodig({Rol.loket}, True, False)


def test_code_venster_en_geen_hergebruik() -> None:
    geheim = pyotp.random_base32()
    totp = pyotp.TOTP(geheim)
    nu = T0
    stap = totp.timecode(tweede_factor._seconden(nu))
    code = tweede_factor.code_voor(geheim, nu)
    assert tweede_factor.code_stap(geheim, code, nu, None) == stap
    assert tweede_factor.code_stap(geheim, code[:3] + " " + code[3:], nu, None) == stap
    assert tweede_factor.code_stap(geheim, code, nu, stap) is None  # replay refused
    vorige = tweede_factor.code_voor(geheim, nu - timedelta(seconds=30))
    assert tweede_factor.code_stap(geheim, vorige, nu, None) == stap - 1  # one step of drift
    oud = tweede_factor.code_voor(geheim, nu - timedelta(seconds=90))
    assert tweede_factor.code_stap(geheim, oud, nu, None) is None
    assert tweede_factor.code_stap(geheim, "12345a", nu, None) is None


def test_qr_is_inline_svg_zonder_stijlattribuut() -> None:
    svg = tweede_factor.qr_svg(
        tweede_factor.provisioning_uri(pyotp.random_base32(), "jan", "Lindewaard")
    )
    assert svg.startswith("<svg") and "style=" not in svg and "data:" not in svg


def test_beheer_moet_instellen_en_daarna_code_geven(sf: sessionmaker) -> None:
    _account(sf, "beheerder", Rol.beheer)
    poort = Poort(sf)
    uit = poort.meld_aan("beheerder", WW, "a", nu=T0)
    assert uit.stap == "instellen" and uit.token
    half, _ = poort.sessie(uit.token, nu=T0)
    assert half is not None and not half.voltooid and half.moet_instellen
    geheim = poort.geheim_voor_instellen(uit.token, nu=T0)
    assert geheim and poort.geheim_voor_instellen(uit.token, nu=T0) == geheim  # stable
    assert poort.bevestig_code(uit.token, "000000", "a", nu=T0).stap == "geweigerd"
    klaar = poort.bevestig_code(uit.token, tweede_factor.code_voor(geheim, T0), "a", nu=T0)
    assert klaar.stap == "binnen" and klaar.token and klaar.token != uit.token
    assert poort.sessie(uit.token, nu=T0)[0] is None  # the half-way token is gone
    assert accounts.zoek(sf, "beheerder").totp_ingesteld  # type: ignore[union-attr]

    # Next login: the code step; the code just used does not work a second time.
    t = T0 + timedelta(seconds=10)
    tweede = poort.meld_aan("beheerder", WW, "a", nu=t)
    assert tweede.stap == "code" and tweede.token
    assert (
        poort.bevestig_code(tweede.token, tweede_factor.code_voor(geheim, T0), "a", nu=t).stap
        == "geweigerd"
    )
    t2 = T0 + timedelta(seconds=31)
    assert (
        poort.bevestig_code(tweede.token, tweede_factor.code_voor(geheim, t2), "a", nu=t2).stap
        == "binnen"
    )


def test_halve_sessie_verloopt_en_geeft_geen_toegang(sf: sessionmaker) -> None:
    _account(sf, "beheerder", Rol.beheer)
    poort = Poort(sf)
    token = poort.meld_aan("beheerder", WW, "a", nu=T0).token
    assert token
    assert poort.sessie(token, nu=T0 + timedelta(minutes=11)) == (None, True)


def test_voor_iedereen_vraagt_ook_loket_om_een_code(sf: sessionmaker) -> None:
    _account(sf)
    assert (
        Poort(sf, totp_voor_iedereen=True).meld_aan("jan.jansen", WW, "a", nu=T0).stap
        == "instellen"
    )


def test_codepogingen_tellen_mee_voor_de_vertraging(sf: sessionmaker) -> None:
    _account(sf, "beheerder", Rol.beheer)
    poort = Poort(sf)
    token = poort.meld_aan("beheerder", WW, "a", nu=T0).token
    assert token and poort.geheim_voor_instellen(token, nu=T0)
    uitkomsten = [poort.bevestig_code(token, "000000", "a", nu=T0) for _ in range(VRIJ + 1)]
    assert uitkomsten[-1].stap == "wachten"


# -- the log -----------------------------------------------------------------------------------


def test_log_zonder_wachtwoord_met_reden(sf: sessionmaker) -> None:
    _account(sf)
    poort = Poort(sf)
    poort.meld_aan("jan.jansen", "geheim fout wachtwoord", "10.1.1.1", nu=T0)
    poort.meld_aan("niemand", "nog een fout wachtwoord", "10.1.1.1", nu=T0)
    token = poort.meld_aan("Jan.Jansen ", WW, "10.1.1.2", nu=T0).token
    assert token
    poort.log_uit(token, "10.1.1.2", nu=T0)
    regels = log_regels(sf)
    assert {(r[1], r[2], r[3], r[4]) for r in regels} == {
        ("jan.jansen", "10.1.1.1", False, "wachtwoord"),
        ("niemand", "10.1.1.1", False, "onbekende_naam"),
        ("jan.jansen", "10.1.1.2", True, "gelukt"),
        ("jan.jansen", "10.1.1.2", True, "uitgelogd"),
    }
    tekst = repr(regels)
    assert "fout wachtwoord" not in tekst and WW not in tekst


def test_bewaartermijn_verwijdert_oude_logregels(sf: sessionmaker) -> None:
    from privacy.bewaartermijn import opschonen_inlog_log

    engine = sf.kw["bind"]
    with unit_of_work(sf) as s:
        for dagen in (400, 370, 360, 10):
            s.add(
                InlogLogRij(
                    tijd=T0 - timedelta(days=dagen),
                    naam="x",
                    adres="a",
                    gelukt=True,
                    reden="gelukt",
                )
            )
    assert opschonen_inlog_log(engine, maanden=12, nu=T0) == 2
    with unit_of_work(sf) as s:
        assert s.scalar(select(func.count()).select_from(InlogLogRij)) == 2
    assert opschonen_inlog_log(engine, maanden=12, nu=T0) == 0


def test_bewaartermijn_zonder_tabel_doet_niets(tmp_path: Path) -> None:
    from privacy.bewaartermijn import opschonen_inlog_log

    engine = make_engine(f"sqlite:///{tmp_path / 'leeg.db'}")
    assert opschonen_inlog_log(engine, maanden=12) == 0
    engine.dispose()
