"""The access tables, on their own declarative ``Base`` so they migrate apart from the rest.

Every table name starts with ``toegang_`` so the room cannot collide with the kaart, the
signals or Rasa's tracker store in the one database. Times are naive UTC (``DateTime``
without a zone), the same on SQLite and PostgreSQL.

- ``toegang_account``: one staff member; only the argon2id hash of the password is kept.
- ``toegang_rol``: the roles of an account (several per account).
- ``toegang_sessie``: server-side sessions; the key is the SHA-256 of the random token in
  the cookie, so a copy of the database does not give anyone a session.
- ``toegang_poging``: failed logins per (name as typed, client address), for the delay.
- ``toegang_inlog_log``: every login and failure (never the password), kept
  ``Settings.inlog_log_maanden`` months.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, declarative_base

from toegang.rollen import Rol

Base = declarative_base()

NAAM_LENGTE = 64
ADRES_LENGTE = 64  # an IPv6 address with zone fits
HASH_LENGTE = 255
REDEN_LENGTE = 32
GEHEIM_LENGTE = 64  # base32 TOTP secret (32 characters today)
TOKEN_HASH_LENGTE = 64  # hex of SHA-256

ROL_WAARDEN = tuple(r.value for r in Rol)


def _in(kolom: str, waarden: tuple[str, ...]) -> str:
    return f"{kolom} IN ({', '.join(repr(w) for w in waarden)})"


class AccountRij(Base):
    """A staff account."""

    __tablename__ = "toegang_account"

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    naam: Mapped[str] = Column(String(NAAM_LENGTE), nullable=False, unique=True)
    wachtwoord_hash: Mapped[str] = Column(String(HASH_LENGTE), nullable=False)
    geblokkeerd: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    #: Confirmed TOTP secret (base32); ``None`` until the account has enrolled.
    totp_geheim = Column(String(GEHEIM_LENGTE), nullable=True)
    #: Second factor required for this account even without ``beheer``.
    totp_verplicht: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    #: The TOTP time step of the last accepted code: a code is accepted once only.
    totp_laatste_stap = Column(Integer, nullable=True)
    aangemaakt: Mapped[datetime] = Column(DateTime, nullable=False)
    wachtwoord_gewijzigd: Mapped[datetime] = Column(DateTime, nullable=False)


class RolRij(Base):
    """One role of one account."""

    __tablename__ = "toegang_rol"
    __table_args__ = (CheckConstraint(_in("rol", ROL_WAARDEN), name="ck_toegang_rol_rol"),)

    account_id: Mapped[int] = Column(
        Integer, ForeignKey("toegang_account.id", ondelete="CASCADE"), primary_key=True
    )
    rol: Mapped[str] = Column(String(16), primary_key=True)


class SessieRij(Base):
    """A server-side session (or a login halfway, waiting for the second factor)."""

    __tablename__ = "toegang_sessie"
    __table_args__ = (Index("ix_toegang_sessie_account", "account_id"),)

    token_hash: Mapped[str] = Column(String(TOKEN_HASH_LENGTE), primary_key=True)
    account_id: Mapped[int] = Column(
        Integer, ForeignKey("toegang_account.id", ondelete="CASCADE"), nullable=False
    )
    aangemaakt: Mapped[datetime] = Column(DateTime, nullable=False)
    laatst_gezien: Mapped[datetime] = Column(DateTime, nullable=False)
    #: ``False`` while the second factor (or its enrolment) is still to come.
    voltooid: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    #: A TOTP secret offered during enrolment, moved to the account once a code confirms it.
    nieuw_geheim = Column(String(GEHEIM_LENGTE), nullable=True)


class PogingRij(Base):
    """Failed logins for one (name as typed, client address) since the last success."""

    __tablename__ = "toegang_poging"

    naam: Mapped[str] = Column(String(NAAM_LENGTE), primary_key=True)
    adres: Mapped[str] = Column(String(ADRES_LENGTE), primary_key=True)
    mislukt: Mapped[int] = Column(Integer, nullable=False, default=0)
    laatste: Mapped[datetime] = Column(DateTime, nullable=False)


class InlogLogRij(Base):
    """One login attempt: when, which name, from where, and how it ended."""

    __tablename__ = "toegang_inlog_log"
    __table_args__ = (Index("ix_toegang_inlog_log_tijd", "tijd"),)

    id: Mapped[int] = Column(Integer, primary_key=True, autoincrement=True)
    tijd: Mapped[datetime] = Column(DateTime, nullable=False)
    naam: Mapped[str] = Column(String(NAAM_LENGTE), nullable=False)
    adres: Mapped[str] = Column(String(ADRES_LENGTE), nullable=False)
    gelukt: Mapped[bool] = Column(Boolean, nullable=False)
    reden: Mapped[str] = Column(String(REDEN_LENGTE), nullable=False)


account_tabel = AccountRij.__table__
rol_tabel = RolRij.__table__
sessie_tabel = SessieRij.__table__
poging_tabel = PogingRij.__table__
inlog_log_tabel = InlogLogRij.__table__
