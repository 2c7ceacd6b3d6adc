"""The signal table, on its own declarative ``Base`` so it migrates apart from the kaart.

The primary key is the HMAC ``sleutel`` (never exported or reported). There is deliberately no
autoincrement id: consecutive ids would reveal which signals were written one after another,
i.e. probably by the same resident. CHECK constraints keep the closed vocabularies in the
database itself, so no code path can store free text in those columns.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Column, Date, Index, String
from sqlalchemy.orm import Mapped, declarative_base

from kern.routes import ROUTES
from signalen.signaal import GEHOLPEN, LEEFTIJDSGROEPEN, VOOR_WIE

Base = declarative_base()

SLEUTEL_LENGTE = 64  # hex of HMAC-SHA256
GETOOND_LENGTE = 700  # 10 kaart ids of at most 64 characters, joined with ';'
WIJK_LENGTE = 120  # same as the kaart's wijk.naam


RAPPORT_INDEX_KOLOMMEN = ("datum", "thema", "wijk", "route", "geholpen", "geen_passend_aanbod")


def _in(kolom: str, waarden: tuple[str, ...]) -> str:
    return f"{kolom} IN ({', '.join(repr(w) for w in waarden)})"


class SignaalRij(Base):
    """One hulpvraag (see :class:`signalen.signaal.Signaal` for the meaning of each column)."""

    __tablename__ = "signaal"
    __table_args__ = (
        CheckConstraint(_in("leeftijdsgroep", LEEFTIJDSGROEPEN), name="ck_signaal_leeftijdsgroep"),
        CheckConstraint(_in("voor_wie", VOOR_WIE), name="ck_signaal_voor_wie"),
        CheckConstraint(_in("route", ROUTES), name="ck_signaal_route"),
        CheckConstraint(_in("geholpen", GEHOLPEN), name="ck_signaal_geholpen"),
        # Reporting index: (datum, thema, wijk) first, then the columns the counts read, so a
        # report is answered from the index alone and grouped in index order (SQLite needs
        # that for 1,000,000 signals in well under 2 s; see benchmarks/signalen_rapport.py).
        Index("ix_signaal_rapport", *RAPPORT_INDEX_KOLOMMEN),
    )

    sleutel: Mapped[str] = Column(String(SLEUTEL_LENGTE), primary_key=True)
    datum: Mapped[date] = Column(Date, nullable=False)
    thema = Column(String(32), nullable=True)  # Mapped[str | None], inferred by the plugin
    leeftijdsgroep: Mapped[str] = Column(String(8), nullable=False)
    voor_wie: Mapped[str] = Column(String(8), nullable=False)
    wijk: Mapped[str] = Column(String(WIJK_LENGTE), nullable=False)
    route: Mapped[str] = Column(String(32), nullable=False)
    getoond: Mapped[str] = Column(String(GETOOND_LENGTE), nullable=False, default="")
    geholpen: Mapped[str] = Column(String(8), nullable=False)
    geen_passend_aanbod: Mapped[bool] = Column(Boolean, nullable=False, default=False)


signaal_tabel = SignaalRij.__table__
