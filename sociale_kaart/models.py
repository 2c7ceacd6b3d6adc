"""SQLAlchemy models of the sociale kaart: wijken, thema's, organisaties and aanbod."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Column,
    Date,
    Enum,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import declarative_base, relationship

from sociale_kaart.themas import Niveau

Base = declarative_base()

aanbod_thema = Table(
    "aanbod_thema",
    Base.metadata,
    Column("aanbod_id", String(64), ForeignKey("aanbod.id", ondelete="CASCADE"), primary_key=True),
    Column("thema_code", String(32), ForeignKey("thema.code"), primary_key=True),
)


class Thema(Base):
    """A thema from the fixed list (codes are shared with the bot and the signals)."""

    __tablename__ = "thema"
    code = Column(String(32), primary_key=True)
    naam = Column(String(120), nullable=False)


class Wijk(Base):
    """A wijk of the gemeente, mirrored from the gemeente profile."""

    __tablename__ = "wijk"
    id = Column(Integer, primary_key=True)
    naam = Column(String(120), nullable=False, unique=True)
    postcodes = relationship(
        "WijkPostcode", back_populates="wijk", cascade="all, delete-orphan", lazy="selectin"
    )


class WijkPostcode(Base):
    """A PC4 area belonging to a wijk."""

    __tablename__ = "wijk_postcode"
    pc4 = Column(String(4), primary_key=True)
    wijk_id = Column(Integer, ForeignKey("wijk.id", ondelete="CASCADE"), nullable=False)
    wijk = relationship("Wijk", back_populates="postcodes")


class Organisatie(Base):
    """An organisation that runs one or more offers."""

    __tablename__ = "organisatie"
    id = Column(Integer, primary_key=True)
    naam = Column(String(200), nullable=False, unique=True)
    aanbod = relationship("Aanbod", back_populates="organisatie")


class AanbodDoelgroep(Base):
    """A doelgroep an offer is meant for."""

    __tablename__ = "aanbod_doelgroep"
    aanbod_id = Column(String(64), ForeignKey("aanbod.id", ondelete="CASCADE"), primary_key=True)
    doelgroep = Column(String(32), primary_key=True)


class Aanbod(Base):
    """One offer of the sociale kaart: one row of the CSV template."""

    __tablename__ = "aanbod"
    id = Column(String(64), primary_key=True)
    naam = Column(String(200), nullable=False)
    organisatie_id = Column(Integer, ForeignKey("organisatie.id"), nullable=False)
    omschrijving = Column(Text, nullable=False, default="")
    niveau = Column(
        Enum(Niveau, name="niveau", values_callable=lambda e: [m.value for m in e]),
        nullable=False,
    )
    leeftijd_min = Column(Integer)
    leeftijd_max = Column(Integer)
    wijk_id = Column(Integer, ForeignKey("wijk.id"))
    adres = Column(String(200))
    postcode = Column(String(7))
    plaats = Column(String(120))
    telefoon = Column(String(40))
    email = Column(String(200))
    website = Column(String(500))
    openingstijden = Column(Text)
    kosten = Column(String(200))
    trefwoorden = Column(Text, nullable=False, default="")
    laatst_gecontroleerd = Column(Date)

    organisatie = relationship("Organisatie", back_populates="aanbod", lazy="joined")
    wijk = relationship("Wijk", lazy="joined")
    themas = relationship("Thema", secondary=aanbod_thema, lazy="selectin")
    doelgroepen = relationship(
        "AanbodDoelgroep", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def thema_codes(self) -> list[str]:
        """Thema codes, sorted for stable output."""
        return sorted(t.code for t in self.themas)

    @property
    def doelgroep_codes(self) -> list[str]:
        """Doelgroep codes, sorted for stable output."""
        return sorted(d.doelgroep for d in self.doelgroepen)

    def is_vers(self, peildatum: date, max_dagen: int) -> bool:
        """Whether the entry was checked recently enough to trust."""
        if self.laatst_gecontroleerd is None:
            return False
        return (peildatum - self.laatst_gecontroleerd).days <= max_dagen
