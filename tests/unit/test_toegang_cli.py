"""``wegwijzer gebruiker``: accounts from the terminal, Dutch errors, exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from kern.db import make_engine, make_session_factory
from toegang import accounts, wachtwoord
from toegang.migraties import TOEGANG
from toegang.poort import Poort
from toegang.rollen import Rol
from wegwijzer.cli import main

WW = "paarse olifant fietst naar de markt"


@pytest.fixture(autouse=True)
def omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'var' / 'test.db'}"
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WEGWIJZER_DB_URL", url)
    monkeypatch.setattr(wachtwoord, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    TOEGANG.migreer_url(url)
    return url


def _stdin(monkeypatch: pytest.MonkeyPatch, tekst: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(tekst))


def _maak(monkeypatch: pytest.MonkeyPatch, naam: str = "jan.jansen", *rollen: str, ww: str = WW) -> int:
    _stdin(monkeypatch, ww + "\n")
    argv = ["gebruiker", "maak", naam, "--wachtwoord-stdin"]
    for rol in rollen or ("loket",):
        argv += ["--rol", rol]
    return main(argv)


def test_maak_lijst_rol_blokkeer(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], omgeving: str) -> None:
    assert _maak(monkeypatch, "jan.jansen", "loket", "beleid") == 0
    uit = capsys.readouterr()
    assert "Account gemaakt" in uit.out and "loket, beleid" in uit.out and WW not in uit.out + uit.err
    assert main(["gebruiker", "rol", "jan.jansen", "--rol", "beheer"]) == 0
    assert main(["gebruiker", "rol", "jan.jansen", "--rol", "loket", "--weg"]) == 0
    assert main(["gebruiker", "lijst"]) == 0
    assert "jan.jansen: rollen beleid, beheer; actief" in capsys.readouterr().out
    assert main(["gebruiker", "blokkeer", "jan.jansen"]) == 0
    assert main(["gebruiker", "lijst"]) == 0
    assert "geblokkeerd" in capsys.readouterr().out
    sf = make_session_factory(make_engine(omgeving))
    assert Poort(sf).meld_aan("jan.jansen", WW, "a").stap == "geweigerd"
    assert main(["gebruiker", "blokkeer", "jan.jansen", "--deblokkeer"]) == 0
    assert Poort(sf).meld_aan("jan.jansen", WW, "a").stap == "instellen"  # beheer now: 2nd step


def test_wachtwoord_wijzigen_via_stdin(monkeypatch: pytest.MonkeyPatch, omgeving: str) -> None:
    assert _maak(monkeypatch) == 0
    nieuw = "een ander heel lang wachtwoord"
    _stdin(monkeypatch, nieuw + "\r\n")
    assert main(["gebruiker", "wachtwoord", "jan.jansen", "--wachtwoord-stdin"]) == 0
    sf = make_session_factory(make_engine(omgeving))
    assert Poort(sf).meld_aan("jan.jansen", nieuw, "a").stap == "binnen"


def test_wachtwoord_twee_keer_gevraagd_moet_gelijk_zijn(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    antwoorden = iter([WW, WW + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(antwoorden))
    assert main(["gebruiker", "maak", "jan.jansen", "--rol", "loket"]) == 2
    assert "niet gelijk" in capsys.readouterr().err
    antwoorden = iter([WW, WW])
    assert main(["gebruiker", "maak", "jan.jansen", "--rol", "loket"]) == 0


@pytest.mark.parametrize(
    ("argv", "stdin", "melding"),
    [
        (["gebruiker", "maak", "Jan Jansen", "--rol", "loket", "--wachtwoord-stdin"], WW, "accountnaam"),
        (["gebruiker", "maak", "jan.jansen", "--wachtwoord-stdin"], WW, "minstens één rol"),
        (["gebruiker", "maak", "jan.jansen", "--rol", "loket", "--wachtwoord-stdin"], "kort", "te kort"),
        (["gebruiker", "maak", "jan.jansen", "--rol", "loket", "--wachtwoord-stdin"], "wachtwoord123456", "veel gebruikt"),
        (["gebruiker", "maak", "jan.jansen", "--rol", "loket", "--wachtwoord-stdin"], "", "Geen wachtwoord"),
        (["gebruiker", "rol", "niemand", "--rol", "loket"], "", "geen account"),
        (["gebruiker", "blokkeer", "niemand"], "", "geen account"),
        (["gebruiker", "wachtwoord", "niemand", "--wachtwoord-stdin"], WW, "geen account"),
    ],
)
def test_fouten_in_het_nederlands_met_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], stdin: str, melding: str
) -> None:
    _stdin(monkeypatch, stdin + ("\n" if stdin else ""))
    assert main(argv) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: ") and melding in fout and "Traceback" not in fout


def test_onbekende_rol_weigert_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gebruiker", "maak", "jan.jansen", "--rol", "admin"]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: Onbekende rol 'admin': kies uit loket, beleid, beheer.")
    assert main(["gebruiker", "rol", "jan.jansen", "--rol", "baas"]) == 2
    assert "Onbekende rol 'baas'" in capsys.readouterr().err
    assert main(["gebruiker", "maak", "jan.jansen", "--rol", "Beleid", "--help"]) == 0
    assert "{loket,beleid,beheer}" in capsys.readouterr().out


def test_dubbel_account_geweigerd(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert _maak(monkeypatch) == 0
    assert _maak(monkeypatch) == 2
    assert "al een account" in capsys.readouterr().err


def test_zonder_tabellen_zegt_het_wat_te_doen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WEGWIJZER_DB_URL", f"sqlite:///{tmp_path / 'leeg.db'}")
    assert main(["gebruiker", "lijst"]) == 2
    assert "make setup" in capsys.readouterr().err


def test_lijst_leeg_en_log(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], omgeving: str) -> None:
    assert main(["gebruiker", "lijst"]) == 0
    assert "nog geen accounts" in capsys.readouterr().out
    assert _maak(monkeypatch) == 0
    sf = make_session_factory(make_engine(omgeving))
    Poort(sf).meld_aan("jan.jansen", "fout fout fout fout", "192.0.2.1")
    capsys.readouterr()
    assert main(["gebruiker", "log", "--aantal", "5"]) == 0
    regel = capsys.readouterr().out
    assert "jan.jansen" in regel and "mislukt" in regel and "fout fout" not in regel
    assert main(["gebruiker", "log", "--aantal", "nul"]) == 2


def test_herstel_code(monkeypatch: pytest.MonkeyPatch, omgeving: str) -> None:
    assert _maak(monkeypatch, "bob.beheer", "beheer") == 0
    sf = make_session_factory(make_engine(omgeving))
    assert main(["gebruiker", "herstel-code", "bob.beheer"]) == 0
    account = accounts.zoek(sf, "bob.beheer")
    assert account is not None and not account.totp_ingesteld and account.rollen == {Rol.beheer}


def test_opschonen_verwijdert_oude_inlogregels(omgeving: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The retention job (`privacy opschonen`, run hourly by `wegwijzer serve`) covers the log."""
    from datetime import timedelta

    from sqlalchemy import func, select

    from kern.db import unit_of_work
    from toegang.accounts import nu_utc
    from toegang.model import InlogLogRij

    sf = make_session_factory(make_engine(omgeving))
    with unit_of_work(sf) as s:
        for dagen in (500, 1):
            s.add(InlogLogRij(tijd=nu_utc() - timedelta(days=dagen), naam="x", adres="a", gelukt=False, reden="wachtwoord"))
    assert main(["privacy", "opschonen"]) == 0
    assert "Inloglog ouder dan 12 maanden opgeschoond: 1 regels verwijderd." in capsys.readouterr().out
    with unit_of_work(sf) as s:
        assert s.scalar(select(func.count()).select_from(InlogLogRij)) == 1
