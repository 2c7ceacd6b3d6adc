"""``wegwijzer gebruiker …``: staff accounts for the web app's loket, beleid and beheer pages.

``maak`` asks the password twice without showing it (or reads one line from stdin with
``--wachtwoord-stdin``, for scripts); the policy of :mod:`toegang.wachtwoord` applies.
``blokkeer`` and ``wachtwoord`` end the account's sessions at once. Every user error is a
Dutch ``Fout: …`` on stderr with exit code 2; the password is never printed or logged.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import sessionmaker

from kern.settings import Settings
from toegang import ToegangFout, accounts
from toegang.rollen import Rol

ROLLEN = [r.value for r in Rol]


@contextmanager
def _database(settings: Settings) -> Iterator[sessionmaker]:
    """Sessions on the configured database; a clear error when the tables are missing."""
    from sqlalchemy import inspect

    from kern.db import make_engine, make_session_factory
    from toegang.model import account_tabel

    engine = make_engine(settings.db_url)
    try:
        if not inspect(engine).has_table(account_tabel.name):
            raise ToegangFout(
                "De tabellen voor accounts ontbreken in de database. Voer eerst "
                "`make setup` (of `wegwijzer setup`) uit."
            )
        yield make_session_factory(engine)
    finally:
        engine.dispose()


def _lees_wachtwoord(args: argparse.Namespace) -> str:
    """The new password: one line from stdin, or asked twice without echo."""
    if args.wachtwoord_stdin:
        regel = sys.stdin.readline()
        if not regel:
            raise ToegangFout("Geen wachtwoord ontvangen op stdin.")
        return regel.removesuffix("\n").removesuffix("\r")
    try:
        eerste = getpass.getpass("Nieuw wachtwoord (minstens 12 tekens): ")
        tweede = getpass.getpass("Nog een keer: ")
    except EOFError:
        raise ToegangFout(
            "Geen wachtwoord ingevoerd. Gebruik --wachtwoord-stdin om het via stdin te geven."
        ) from None
    if eerste != tweede:
        raise ToegangFout("De twee wachtwoorden zijn niet gelijk. Probeer het opnieuw.")
    return eerste


def _opdracht(
    fn: Callable[[Settings, argparse.Namespace], int],
) -> Callable[[Settings, argparse.Namespace], int]:
    """Turn :class:`ToegangFout` into ``Fout: …`` and exit code 2."""

    def uitvoeren(settings: Settings, args: argparse.Namespace) -> int:
        try:
            return fn(settings, args)
        except ToegangFout as fout:
            print(f"Fout: {fout}", file=sys.stderr)
            return 2

    uitvoeren.__doc__ = fn.__doc__
    return uitvoeren


def _rollen(args: argparse.Namespace) -> frozenset[Rol]:
    return accounts.lees_rollen(args.rol or [])


def _beschrijf(account: accounts.Account) -> str:
    staat = "geblokkeerd" if account.geblokkeerd else "actief"
    code = "ingesteld" if account.totp_ingesteld else "niet ingesteld"
    return f"{account.naam}: rollen {account.rollen_tekst()}; {staat}; tweede stap {code}"


@_opdracht
def _maak(settings: Settings, args: argparse.Namespace) -> int:
    """Create an account."""
    accounts.controleer_naam(args.naam)
    rollen = _rollen(args)
    if not rollen:
        raise ToegangFout("Geef minstens één rol: --rol loket, --rol beleid of --rol beheer.")
    with _database(settings) as sf:
        if accounts.zoek(sf, args.naam) is not None:
            raise ToegangFout(f"Er is al een account met de naam {args.naam!r}.")
        account = accounts.maak(sf, args.naam, _lees_wachtwoord(args), rollen, args.totp)
    print(f"Account gemaakt. {_beschrijf(account)}")
    if Rol.beheer in rollen or args.totp or settings.totp_voor_iedereen:
        print("Bij de eerste keer inloggen stelt deze medewerker de tweede stap (code-app) in.")
    return 0


@_opdracht
def _rol(settings: Settings, args: argparse.Namespace) -> int:
    """Give or take roles."""
    rollen = _rollen(args)
    if not rollen:
        raise ToegangFout("Geef minstens één --rol.")
    with _database(settings) as sf:
        account = accounts.zet_rollen(sf, args.naam, rollen, weg=args.weg)
    print(f"Rollen aangepast. {_beschrijf(account)}")
    return 0


@_opdracht
def _blokkeer(settings: Settings, args: argparse.Namespace) -> int:
    """Block or unblock."""
    with _database(settings) as sf:
        account = accounts.blokkeer(sf, args.naam, geblokkeerd=not args.deblokkeer)
    if args.deblokkeer:
        print(f"Account gedeblokkeerd. {_beschrijf(account)}")
    else:
        print(f"Account geblokkeerd; open sessies zijn beëindigd. {_beschrijf(account)}")
    return 0


@_opdracht
def _wachtwoord(settings: Settings, args: argparse.Namespace) -> int:
    """Set a new password."""
    with _database(settings) as sf:
        if accounts.zoek(sf, args.naam) is None:
            raise ToegangFout(f"Er is geen account met de naam {args.naam[:80]!r}.")
        accounts.zet_wachtwoord(sf, args.naam, _lees_wachtwoord(args))
    print(f"Wachtwoord van {args.naam} gewijzigd; open sessies zijn beëindigd.")
    return 0


@_opdracht
def _herstel_code(settings: Settings, args: argparse.Namespace) -> int:
    """Forget the TOTP secret (lost phone)."""
    with _database(settings) as sf:
        account = accounts.herstel_tweede_factor(sf, args.naam)
    print(f"Tweede stap gewist; bij het volgende inloggen opnieuw instellen. {_beschrijf(account)}")
    return 0


@_opdracht
def _lijst(settings: Settings, args: argparse.Namespace) -> int:
    """List the accounts."""
    with _database(settings) as sf:
        alle = accounts.lijst(sf)
    if not alle:
        print(
            "Er zijn nog geen accounts. Maak er een met: wegwijzer gebruiker maak NAAM --rol loket"
        )
        return 0
    for account in alle:
        print(_beschrijf(account))
    return 0


@_opdracht
def _log(settings: Settings, args: argparse.Namespace) -> int:
    """Show the newest login-log rows."""
    from toegang.poort import log_regels

    with _database(settings) as sf:
        regels = log_regels(sf, args.aantal)
    for tijd, naam, adres, gelukt, reden in regels:
        uitkomst = "gelukt" if gelukt else "mislukt"
        print(f"{tijd:%Y-%m-%d %H:%M:%S} UTC  {naam:<24} {adres:<16} {uitkomst:<8} {reden}")
    return 0


def _rol_type(waarde: str) -> str:
    """An argparse ``type=`` for ``--rol``: a known role, else a Dutch message."""
    try:
        return Rol(waarde.strip().lower()).value
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"Onbekende rol {waarde!r}: kies uit {', '.join(ROLLEN)}."
        ) from None


def _aantal(waarde: str) -> int:
    try:
        aantal = int(waarde)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--aantal moet een geheel getal zijn, niet {waarde!r}."
        ) from None
    if not 1 <= aantal <= 10_000:
        raise argparse.ArgumentTypeError("--aantal moet tussen 1 en 10000 liggen.")
    return aantal


def register(subparsers: Any) -> None:
    """Add the ``gebruiker`` command group to the main parser."""
    groep = subparsers.add_parser(
        "gebruiker", help="accounts voor de medewerkerspagina's (loket, beleid, beheer)"
    )
    sub = groep.add_subparsers(dest="gebruiker_command", required=True)

    def rol_optie(parser: argparse.ArgumentParser, hulp: str) -> None:
        # type= runs before the choices check, so a wrong role gets the Dutch message.
        parser.add_argument("--rol", action="append", type=_rol_type, choices=ROLLEN, help=hulp)

    def wachtwoord_optie(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--wachtwoord-stdin",
            action="store_true",
            help="lees het wachtwoord als één regel van stdin (voor scripts) in plaats van het "
            "twee keer te vragen",
        )

    maak = sub.add_parser(
        "maak",
        help="maak een account",
        description="Maak een account met één of meer rollen. Het wachtwoord is minstens 12 "
        "tekens; een zin van een paar woorden is sterk en goed te onthouden. Veelgebruikte "
        "wachtwoorden en wachtwoorden met de accountnaam erin worden geweigerd. Accounts met "
        "de rol beheer stellen bij de eerste keer inloggen een tweede stap (code-app) in. "
        "Voorbeeld: wegwijzer gebruiker maak jan.jansen --rol loket --rol beleid",
    )
    maak.add_argument("naam", help="accountnaam: kleine letters, cijfers, . _ -")
    rol_optie(maak, "loket, beleid of beheer; mag vaker")
    maak.add_argument(
        "--totp", action="store_true", help="ook zonder rol beheer een tweede stap verplichten"
    )
    wachtwoord_optie(maak)
    maak.set_defaults(func=_maak)

    rol = sub.add_parser("rol", help="geef een account rollen erbij (of neem ze af met --weg)")
    rol.add_argument("naam")
    rol_optie(rol, "de rol die erbij komt (of eraf gaat met --weg); mag vaker")
    rol.add_argument("--weg", action="store_true", help="neem de rollen af in plaats van erbij")
    rol.set_defaults(func=_rol)

    blok = sub.add_parser("blokkeer", help="blokkeer een account (of deblokkeer met --deblokkeer)")
    blok.add_argument("naam")
    blok.add_argument("--deblokkeer", action="store_true", help="maak de blokkade ongedaan")
    blok.set_defaults(func=_blokkeer)

    ww = sub.add_parser("wachtwoord", help="stel een nieuw wachtwoord in")
    ww.add_argument("naam")
    wachtwoord_optie(ww)
    ww.set_defaults(func=_wachtwoord)

    herstel = sub.add_parser(
        "herstel-code", help="wis de tweede stap (telefoon kwijt); opnieuw instellen bij inloggen"
    )
    herstel.add_argument("naam")
    herstel.set_defaults(func=_herstel_code)

    lijst = sub.add_parser("lijst", help="toon alle accounts met hun rollen")
    lijst.set_defaults(func=_lijst)

    log = sub.add_parser("log", help="toon de laatste inlogpogingen (zonder wachtwoorden)")
    log.add_argument("--aantal", type=_aantal, default=50, help="hoeveel regels (standaard 50)")
    log.set_defaults(func=_log)
