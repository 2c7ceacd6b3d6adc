"""Logging in: password, second factor, server-side sessions, the delay after failures, the log.

The web app holds only the random session token (in an ``HttpOnly`` cookie); the database
holds its SHA-256, so a copy of the database gives no session. A session ends when it has
not been used for ``Settings.sessie_idle_minuten`` minutes, after :data:`MAX_SESSIE_UREN`
hours in any case, at logout, and when the account is blocked or gets a new password.

Failed logins are counted per (name as typed, client address): after :data:`VRIJ` failures
each next attempt must wait twice as long (2, 4, 8 … seconds, at most :data:`MAX_WACHT`).
Because the address is part of the key, someone elsewhere cannot lock a colleague out; and
because unknown names are counted the same way, the answer never tells whether a name
exists. Every attempt goes into the login log (time, name as typed, address, outcome, never
the password); the retention job deletes rows after ``Settings.inlog_log_maanden`` months.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from kern.db import unit_of_work
from kern.settings import Settings
from toegang import tweede_factor, wachtwoord
from toegang.accounts import Account, als_account, nu_utc
from toegang.model import (
    ADRES_LENGTE,
    NAAM_LENGTE,
    AccountRij,
    InlogLogRij,
    PogingRij,
    SessieRij,
)

#: Failures that cost nothing; from then on the wait doubles per failure.
VRIJ = 3
#: The longest wait, in seconds.
MAX_WACHT = 15 * 60
#: A counter nobody touched for this long starts again from zero.
POGING_VERGETEN = timedelta(hours=24)
#: A session ends after this many hours, however active.
MAX_SESSIE_UREN = 12
#: Time for the second step (code or enrolment) after the password was right.
STAP_MINUTEN = 10
#: ``laatst_gezien`` is written at most this often per session (fewer writes per request).
GEZIEN_INTERVAL = timedelta(seconds=30)

Stap = Literal["binnen", "code", "instellen", "geweigerd", "wachten"]


@dataclass(frozen=True)
class Uitkomst:
    """How an attempt ended.

    Attributes:
        stap: ``binnen`` (logged in), ``code`` (give the TOTP code next), ``instellen``
            (enrol a second factor first), ``geweigerd`` (wrong name, password or code; never
            which), ``wachten`` (too many failures: try again after ``wacht_seconden``).
        token: The new session token for the cookie (``binnen``, ``code``, ``instellen``).
        wacht_seconden: How long to wait before the next attempt (``wachten``; also set after
            a failure that starts the delay).
    """

    stap: Stap
    token: str | None = None
    wacht_seconden: int = 0


@dataclass(frozen=True)
class Sessie:
    """A valid session: whose it is and whether the login is complete."""

    account: Account
    voltooid: bool
    #: The second factor still has to be enrolled (only while not ``voltooid``).
    moet_instellen: bool


def token_hash(token: str) -> str:
    """The key under which a session token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def vertraging(mislukt: int) -> int:
    """Seconds to wait after ``mislukt`` failures in a row (0, …, then 2, 4, 8 … up to 15 min)."""
    if mislukt < VRIJ:
        return 0
    return int(min(2 ** min(mislukt - VRIJ + 1, 20), MAX_WACHT))


def _sleutel(naam: str, adres: str) -> tuple[str, str]:
    return naam.strip().lower()[:NAAM_LENGTE], adres[:ADRES_LENGTE]


class Poort:
    """The login service the web app uses; every method is one unit of work."""

    def __init__(
        self,
        session_factory: sessionmaker,
        idle_minuten: int = 30,
        totp_voor_iedereen: bool = False,
    ) -> None:
        self.session_factory = session_factory
        self.idle = timedelta(minutes=idle_minuten)
        self.totp_voor_iedereen = totp_voor_iedereen

    @classmethod
    def uit_settings(cls, settings: Settings, session_factory: sessionmaker) -> Poort:
        """The service with the configured idle timeout and second-factor policy."""
        return cls(session_factory, settings.sessie_idle_minuten, settings.totp_voor_iedereen)

    # -- the delay ---------------------------------------------------------------------------

    def _wacht(self, session: Session, naam: str, adres: str, nu: datetime) -> int:
        rij = session.get(PogingRij, _sleutel(naam, adres))
        if rij is None or nu - rij.laatste > POGING_VERGETEN:
            return 0
        over = (rij.laatste - nu).total_seconds() + vertraging(rij.mislukt)
        return max(0, math.ceil(over))

    def wachttijd(self, naam: str, adres: str, nu: datetime | None = None) -> int:
        """Seconds before this name may be tried again from this address (0: now)."""
        with unit_of_work(self.session_factory) as session:
            return self._wacht(session, naam, adres, nu or nu_utc())

    def _mislukt(self, session: Session, naam: str, adres: str, nu: datetime) -> int:
        """Count a failure; return the wait it causes."""
        session.execute(delete(PogingRij).where(PogingRij.laatste < nu - POGING_VERGETEN))
        sleutel = _sleutel(naam, adres)
        rij = session.get(PogingRij, sleutel)
        if rij is None:
            rij = PogingRij(naam=sleutel[0], adres=sleutel[1], mislukt=0, laatste=nu)
            session.add(rij)
        rij.mislukt += 1
        rij.laatste = nu
        return vertraging(rij.mislukt)

    def _gelukt(self, session: Session, naam: str, adres: str) -> None:
        session.execute(
            delete(PogingRij).where(
                PogingRij.naam == _sleutel(naam, adres)[0], PogingRij.adres == adres
            )
        )

    # -- the log -----------------------------------------------------------------------------

    @staticmethod
    def _log(
        session: Session, naam: str, adres: str, gelukt: bool, reden: str, nu: datetime
    ) -> None:
        naam, adres = _sleutel(naam, adres)
        session.add(InlogLogRij(tijd=nu, naam=naam, adres=adres, gelukt=gelukt, reden=reden))

    # -- sessions ----------------------------------------------------------------------------

    def _nieuwe_sessie(
        self, session: Session, account_id: int, voltooid: bool, nu: datetime
    ) -> str:
        token = secrets.token_urlsafe(32)
        session.add(
            SessieRij(
                token_hash=token_hash(token),
                account_id=account_id,
                aangemaakt=nu,
                laatst_gezien=nu,
                voltooid=voltooid,
            )
        )
        return token

    def _tweede_factor_nodig(self, session: Session, rij: AccountRij) -> bool:
        account = als_account(session, rij)
        return rij.totp_geheim is not None or tweede_factor.nodig(
            account.rollen, rij.totp_verplicht, self.totp_voor_iedereen
        )

    def _geldig(self, rij: SessieRij, nu: datetime) -> bool:
        if rij.voltooid:
            return nu - rij.laatst_gezien <= self.idle and nu - rij.aangemaakt <= timedelta(
                hours=MAX_SESSIE_UREN
            )
        return nu - rij.aangemaakt <= timedelta(minutes=STAP_MINUTEN)

    def sessie(self, token: str, nu: datetime | None = None) -> tuple[Sessie | None, bool]:
        """The session of ``token`` and whether it had just expired (``(None, True)``).

        A valid session's ``laatst_gezien`` moves on; an expired one is deleted. A blocked
        account has no sessions (blocking deletes them), and is refused here too.
        """
        nu = nu or nu_utc()
        with unit_of_work(self.session_factory) as session:
            rij = session.get(SessieRij, token_hash(token))
            if rij is None:
                return None, False
            account_rij = session.get(AccountRij, rij.account_id)
            if account_rij is None or account_rij.geblokkeerd or not self._geldig(rij, nu):
                session.delete(rij)
                return None, True
            if rij.voltooid and nu - rij.laatst_gezien >= GEZIEN_INTERVAL:
                rij.laatst_gezien = nu
            return (
                Sessie(
                    account=als_account(session, account_rij),
                    voltooid=rij.voltooid,
                    moet_instellen=not rij.voltooid and account_rij.totp_geheim is None,
                ),
                False,
            )

    def log_uit(self, token: str, adres: str = "onbekend", nu: datetime | None = None) -> bool:
        """End the session of ``token``; whether there was one."""
        nu = nu or nu_utc()
        with unit_of_work(self.session_factory) as session:
            rij = session.get(SessieRij, token_hash(token))
            if rij is None:
                return False
            account = session.get(AccountRij, rij.account_id)
            if account is not None:
                self._log(session, account.naam, adres, True, "uitgelogd", nu)
            session.delete(rij)
            return True

    # -- logging in --------------------------------------------------------------------------

    def meld_aan(
        self, naam: str, wachtwoord_: str, adres: str, nu: datetime | None = None
    ) -> Uitkomst:
        """Check name and password (step one); the answer never says whether the name exists."""
        nu = nu or nu_utc()
        with unit_of_work(self.session_factory) as session:
            wacht = self._wacht(session, naam, adres, nu)
            if wacht:
                self._log(session, naam, adres, False, "vertraagd", nu)
                return Uitkomst("wachten", wacht_seconden=wacht)
            rij = session.execute(
                select(AccountRij).where(AccountRij.naam == naam.strip().lower())
            ).scalar_one_or_none()
            if rij is None or len(wachtwoord_) > wachtwoord.MAX_LENGTE:
                wachtwoord.nep_controle(wachtwoord_[: wachtwoord.MAX_LENGTE])
                goed = False
                reden = "onbekende_naam" if rij is None else "wachtwoord"
            else:
                goed = wachtwoord.klopt(rij.wachtwoord_hash, wachtwoord_)
                reden = "wachtwoord"
                if goed and rij.geblokkeerd:
                    goed, reden = False, "geblokkeerd"
            if not goed or rij is None:
                wacht = self._mislukt(session, naam, adres, nu)
                self._log(session, naam, adres, False, reden, nu)
                return Uitkomst("geweigerd", wacht_seconden=wacht)
            if wachtwoord.moet_opnieuw(rij.wachtwoord_hash):
                rij.wachtwoord_hash = wachtwoord.maak_hash(wachtwoord_)
            # Sessions nobody can use any more go now (no job needed for them).
            session.execute(
                delete(SessieRij).where(
                    SessieRij.aangemaakt < nu - timedelta(hours=MAX_SESSIE_UREN)
                )
            )
            self._gelukt(session, naam, adres)
            if self._tweede_factor_nodig(session, rij):
                token = self._nieuwe_sessie(session, rij.id, voltooid=False, nu=nu)
                stap: Stap = "code" if rij.totp_geheim is not None else "instellen"
                return Uitkomst(stap, token=token)
            token = self._nieuwe_sessie(session, rij.id, voltooid=True, nu=nu)
            self._log(session, rij.naam, adres, True, "gelukt", nu)
            return Uitkomst("binnen", token=token)

    def _halve_sessie(
        self, session: Session, token: str, nu: datetime
    ) -> tuple[SessieRij, AccountRij] | None:
        rij = session.get(SessieRij, token_hash(token))
        if rij is None or rij.voltooid or not self._geldig(rij, nu):
            return None
        account = session.get(AccountRij, rij.account_id)
        if account is None or account.geblokkeerd:
            return None
        return rij, account

    def geheim_voor_instellen(self, token: str, nu: datetime | None = None) -> str | None:
        """The secret to enrol during this half-way login (made on first call), else ``None``."""
        nu = nu or nu_utc()
        with unit_of_work(self.session_factory) as session:
            gevonden = self._halve_sessie(session, token, nu)
            if gevonden is None or gevonden[1].totp_geheim is not None:
                return None
            rij = gevonden[0]
            if rij.nieuw_geheim is None:
                rij.nieuw_geheim = tweede_factor.nieuw_geheim()
            return rij.nieuw_geheim

    def bevestig_code(
        self, token: str, code: str, adres: str, nu: datetime | None = None
    ) -> Uitkomst:
        """Step two: the TOTP code, or during enrolment the first code of the new secret.

        On success the half-way session is replaced by a new, complete one (new token).
        """
        nu = nu or nu_utc()
        with unit_of_work(self.session_factory) as session:
            gevonden = self._halve_sessie(session, token, nu)
            if gevonden is None:
                return Uitkomst("geweigerd")
            sessie_rij, account = gevonden
            wacht = self._wacht(session, account.naam, adres, nu)
            if wacht:
                self._log(session, account.naam, adres, False, "vertraagd", nu)
                return Uitkomst("wachten", wacht_seconden=wacht)
            instellen = account.totp_geheim is None
            geheim = sessie_rij.nieuw_geheim if instellen else account.totp_geheim
            stap = (
                None
                if geheim is None
                else tweede_factor.code_stap(geheim, code, nu, account.totp_laatste_stap)
            )
            if stap is None:
                wacht = self._mislukt(session, account.naam, adres, nu)
                self._log(session, account.naam, adres, False, "code", nu)
                return Uitkomst("geweigerd", wacht_seconden=wacht)
            if instellen:
                account.totp_geheim = geheim
            account.totp_laatste_stap = stap
            session.delete(sessie_rij)
            self._gelukt(session, account.naam, adres)
            nieuw = self._nieuwe_sessie(session, account.id, voltooid=True, nu=nu)
            self._log(
                session, account.naam, adres, True, "ingesteld" if instellen else "gelukt", nu
            )
            return Uitkomst("binnen", token=nieuw)


def log_regels(
    session_factory: sessionmaker, limiet: int = 100
) -> list[tuple[datetime, str, str, bool, str]]:
    """The newest login-log rows (time, name, address, success, reason), newest first."""
    with unit_of_work(session_factory) as session:
        rijen = session.execute(
            select(
                InlogLogRij.tijd,
                InlogLogRij.naam,
                InlogLogRij.adres,
                InlogLogRij.gelukt,
                InlogLogRij.reden,
            )
            .order_by(InlogLogRij.tijd.desc(), InlogLogRij.id.desc())
            .limit(limiet)
        ).all()
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rijen]
