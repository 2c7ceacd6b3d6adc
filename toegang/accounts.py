"""Managing staff accounts: create, roles, block, password, list (the CLI's domain side).

Names are lower case letters, digits and ``. _ -`` (3 to 64), so they are unambiguous in the
login log and in the throttle. Blocking an account or changing its password ends all of its
sessions at once; a role change takes effect on the next request, because every request reads
the roles afresh.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from kern.db import unit_of_work
from toegang import ToegangFout, wachtwoord
from toegang.model import AccountRij, RolRij, SessieRij
from toegang.rollen import Rol

NAAM_PATROON = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")


def nu_utc() -> datetime:
    """Now, as the naive UTC datetime the tables store."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Account:
    """An account as the rest of the code sees it (never the hash or the secret)."""

    id: int
    naam: str
    rollen: frozenset[Rol]
    geblokkeerd: bool
    totp_ingesteld: bool
    totp_verplicht: bool

    def rollen_tekst(self) -> str:
        """The roles in a fixed order, for lists and messages."""
        return ", ".join(r.value for r in Rol if r in self.rollen) or "(geen)"


def controleer_naam(naam: str) -> str:
    """The name, or :class:`ToegangFout` when it is not a valid account name."""
    if not NAAM_PATROON.fullmatch(naam):
        raise ToegangFout(
            f"De accountnaam {naam[:80]!r} kan niet: gebruik 3 tot 64 kleine letters, cijfers, "
            "punten, streepjes of liggende streepjes, en begin met een letter of cijfer."
        )
    return naam


def lees_rollen(waarden: Iterable[str]) -> frozenset[Rol]:
    """Roles from text, or :class:`ToegangFout` naming the unknown one."""
    rollen = set()
    for waarde in waarden:
        try:
            rollen.add(Rol(waarde))
        except ValueError:
            keuze = ", ".join(r.value for r in Rol)
            raise ToegangFout(f"Onbekende rol {waarde!r}: kies uit {keuze}.") from None
    return frozenset(rollen)


def _rollen_van(session: Session, account_id: int) -> frozenset[Rol]:
    rijen = session.execute(select(RolRij.rol).where(RolRij.account_id == account_id))
    return frozenset(Rol(r) for (r,) in rijen)


def als_account(session: Session, rij: AccountRij) -> Account:
    """The :class:`Account` of a row (reads its roles)."""
    return Account(
        id=rij.id,
        naam=rij.naam,
        rollen=_rollen_van(session, rij.id),
        geblokkeerd=rij.geblokkeerd,
        totp_ingesteld=rij.totp_geheim is not None,
        totp_verplicht=rij.totp_verplicht,
    )


def _rij(session: Session, naam: str) -> AccountRij:
    rij = session.execute(select(AccountRij).where(AccountRij.naam == naam)).scalar_one_or_none()
    if rij is None:
        raise ToegangFout(f"Er is geen account met de naam {naam[:80]!r}.")
    return rij


def beeindig_sessies(session: Session, account_id: int) -> int:
    """End every session of an account; return how many there were."""
    result = session.execute(delete(SessieRij).where(SessieRij.account_id == account_id))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def maak(
    session_factory: sessionmaker,
    naam: str,
    nieuw_wachtwoord: str,
    rollen: Iterable[Rol],
    totp_verplicht: bool = False,
    nu: datetime | None = None,
) -> Account:
    """Create an account; the password must pass the policy."""
    controleer_naam(naam)
    rollen = frozenset(rollen)
    if not rollen:
        raise ToegangFout("Geef het account minstens één rol (--rol loket, beleid of beheer).")
    wachtwoord.controleer(nieuw_wachtwoord, naam)
    moment = nu or nu_utc()
    with unit_of_work(session_factory) as session:
        bestaat = session.execute(select(AccountRij.id).where(AccountRij.naam == naam)).first()
        if bestaat is not None:
            raise ToegangFout(f"Er is al een account met de naam {naam!r}.")
        rij = AccountRij(
            naam=naam,
            wachtwoord_hash=wachtwoord.maak_hash(nieuw_wachtwoord),
            geblokkeerd=False,
            totp_verplicht=totp_verplicht,
            aangemaakt=moment,
            wachtwoord_gewijzigd=moment,
        )
        session.add(rij)
        session.flush()
        session.add_all(RolRij(account_id=rij.id, rol=r.value) for r in rollen)
        session.flush()
        return als_account(session, rij)


def zet_rollen(
    session_factory: sessionmaker, naam: str, rollen: Iterable[Rol], weg: bool = False
) -> Account:
    """Give an account these roles (``weg``: take them away); at least one role stays."""
    rollen = frozenset(rollen)
    with unit_of_work(session_factory) as session:
        rij = _rij(session, naam)
        huidig = _rollen_van(session, rij.id)
        nieuw = huidig - rollen if weg else huidig | rollen
        if not nieuw:
            raise ToegangFout(
                f"Het account {naam!r} houdt dan geen rol over. Blokkeer het account als het "
                "niet meer gebruikt mag worden."
            )
        session.execute(delete(RolRij).where(RolRij.account_id == rij.id))
        session.add_all(RolRij(account_id=rij.id, rol=r.value) for r in nieuw)
        session.flush()
        return als_account(session, rij)


def blokkeer(session_factory: sessionmaker, naam: str, geblokkeerd: bool = True) -> Account:
    """Block (or unblock) an account; blocking ends its sessions at once."""
    with unit_of_work(session_factory) as session:
        rij = _rij(session, naam)
        rij.geblokkeerd = geblokkeerd
        if geblokkeerd:
            beeindig_sessies(session, rij.id)
        session.flush()
        return als_account(session, rij)


def zet_wachtwoord(
    session_factory: sessionmaker, naam: str, nieuw_wachtwoord: str, nu: datetime | None = None
) -> Account:
    """Set a new password (policy checked); ends every session of the account."""
    wachtwoord.controleer(nieuw_wachtwoord, naam)
    with unit_of_work(session_factory) as session:
        rij = _rij(session, naam)
        rij.wachtwoord_hash = wachtwoord.maak_hash(nieuw_wachtwoord)
        rij.wachtwoord_gewijzigd = nu or nu_utc()
        beeindig_sessies(session, rij.id)
        session.flush()
        return als_account(session, rij)


def herstel_tweede_factor(session_factory: sessionmaker, naam: str) -> Account:
    """Forget the account's TOTP secret (lost phone): it enrols again at the next login."""
    with unit_of_work(session_factory) as session:
        rij = _rij(session, naam)
        rij.totp_geheim = None
        rij.totp_laatste_stap = None
        beeindig_sessies(session, rij.id)
        session.flush()
        return als_account(session, rij)


def zoek(session_factory: sessionmaker, naam: str) -> Account | None:
    """The account with this name, or ``None``."""
    with unit_of_work(session_factory) as session:
        rij = session.execute(
            select(AccountRij).where(AccountRij.naam == naam)
        ).scalar_one_or_none()
        return None if rij is None else als_account(session, rij)


def lijst(session_factory: sessionmaker) -> list[Account]:
    """All accounts, by name."""
    with unit_of_work(session_factory) as session:
        rijen = session.execute(select(AccountRij).order_by(AccountRij.naam)).scalars().all()
        return [als_account(session, rij) for rij in rijen]
