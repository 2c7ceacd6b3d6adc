"""SQLAlchemy models of the sociale kaart: wijken, thema's, organisaties and aanbod."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, declarative_base, relationship

from kern.themas import Niveau

Base = declarative_base()

aanbod_thema = Table(
    "aanbod_thema",
    Base.metadata,
    Column("aanbod_id", String(64), ForeignKey("aanbod.id", ondelete="CASCADE"), primary_key=True),
    Column("thema_code", String(32), ForeignKey("thema.code"), primary_key=True),
    # Filtering on a thema starts from the thema, not from the offer.
    Index("ix_aanbod_thema_thema_code", "thema_code", "aanbod_id"),
)


class Thema(Base):
    """A thema from the fixed list (codes are shared with the bot and the signals)."""

    __tablename__ = "thema"
    code: Mapped[str] = Column(String(32), primary_key=True)
    naam: Mapped[str] = Column(String(120), nullable=False)


class Wijk(Base):
    """A wijk of the gemeente, mirrored from the gemeente profile."""

    __tablename__ = "wijk"
    id: Mapped[int] = Column(Integer, primary_key=True)
    naam: Mapped[str] = Column(String(120), nullable=False, unique=True)
    postcodes: Mapped[list[WijkPostcode]] = relationship(
        "WijkPostcode", back_populates="wijk", cascade="all, delete-orphan", lazy="selectin"
    )


class WijkPostcode(Base):
    """A PC4 area belonging to a wijk."""

    __tablename__ = "wijk_postcode"
    pc4: Mapped[str] = Column(String(4), primary_key=True)
    wijk_id: Mapped[int] = Column(
        Integer, ForeignKey("wijk.id", ondelete="CASCADE"), nullable=False
    )
    wijk: Mapped[Wijk] = relationship("Wijk", back_populates="postcodes")


class Organisatie(Base):
    """An organisation that runs one or more offers."""

    __tablename__ = "organisatie"
    id: Mapped[int] = Column(Integer, primary_key=True)
    naam: Mapped[str] = Column(String(200), nullable=False, unique=True)
    #: Contact address for the check mails (template column ``organisatie_email``); when
    #: empty, the mails go to the addresses of its offers.
    email = Column(String(200))
    #: Raised for every new check link: only the link of the current generation works.
    link_generatie: Mapped[int] = Column(Integer, nullable=False, default=0, server_default="0")
    aanbod: Mapped[list[Aanbod]] = relationship("Aanbod", back_populates="organisatie")


class AanbodDoelgroep(Base):
    """A doelgroep an offer is meant for."""

    __tablename__ = "aanbod_doelgroep"
    aanbod_id: Mapped[str] = Column(
        String(64), ForeignKey("aanbod.id", ondelete="CASCADE"), primary_key=True
    )
    doelgroep: Mapped[str] = Column(String(32), primary_key=True)


def is_vers(laatst_gecontroleerd: date | None, peildatum: date, max_dagen: int) -> bool:
    """Whether an entry checked on ``laatst_gecontroleerd`` is recent enough to trust."""
    if laatst_gecontroleerd is None:
        return False
    return (peildatum - laatst_gecontroleerd).days <= max_dagen


class Aanbod(Base):
    """One offer of the sociale kaart: one row of the CSV template."""

    __tablename__ = "aanbod"
    id: Mapped[str] = Column(String(64), primary_key=True)
    naam: Mapped[str] = Column(String(200), nullable=False)
    organisatie_id: Mapped[int] = Column(Integer, ForeignKey("organisatie.id"), nullable=False)
    omschrijving: Mapped[str] = Column(Text, nullable=False, default="")
    niveau: Mapped[Niveau] = Column(
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
    trefwoorden: Mapped[str] = Column(Text, nullable=False, default="")
    laatst_gecontroleerd = Column(Date)
    #: Normalised name (see ``tekst.sorteer_naam``): one sort order on SQLite, PostgreSQL, Python.
    sorteernaam: Mapped[str] = Column(String(200), nullable=False, default="", server_default="")
    #: The doelgroepen as bits (``zoekindex.doelgroep_bits``) so search filters need no join.
    doelgroep_bits: Mapped[int] = Column(Integer, nullable=False, default=0, server_default="0")

    organisatie: Mapped[Organisatie] = relationship(
        "Organisatie", back_populates="aanbod", lazy="joined"
    )
    wijk: Mapped[Wijk | None] = relationship("Wijk", lazy="joined")
    themas: Mapped[list[Thema]] = relationship("Thema", secondary=aanbod_thema, lazy="selectin")
    doelgroepen: Mapped[list[AanbodDoelgroep]] = relationship(
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

    # Covering index for search: filters and ladder ranks are read without the wide rows.
    __table_args__ = (
        Index(
            "ix_aanbod_zoek",
            "id",
            "niveau",
            "wijk_id",
            "laatst_gecontroleerd",
            "leeftijd_min",
            "leeftijd_max",
            "doelgroep_bits",
            "sorteernaam",
        ),
    )


class AanbodZoekterm(Base):
    """One index term of an offer: the search index that works alike on SQLite and PostgreSQL.

    Built at import from naam, trefwoorden, thema's, organisatie and omschrijving; one row per
    offer and term, holding the most important field the term occurs in.
    """

    __tablename__ = "aanbod_zoekterm"
    aanbod_id: Mapped[str] = Column(
        String(64), ForeignKey("aanbod.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = Column(String(64), primary_key=True)
    veld: Mapped[str] = Column(String(16), nullable=False)
    gewicht: Mapped[int] = Column(Integer, nullable=False)

    # Covering index: a search reads (term → offer, weight) without touching the table.
    __table_args__ = (Index("ix_aanbod_zoekterm_term", "term", "aanbod_id", "gewicht"),)


class KaartStatus(Base):
    """A single row that changes with every import, so searchers know when to reload."""

    __tablename__ = "kaart_status"
    id: Mapped[int] = Column(Integer, primary_key=True)
    #: Random token per change of the kaart; cache key for the search vocabulary.
    versie: Mapped[str] = Column(String(36), nullable=False)
    #: Analysis the index was built with (``tekst.index_versie``); a mismatch means: rebuild.
    index_versie: Mapped[str] = Column(String(32), nullable=False, default="")
    bijgewerkt = Column(DateTime)


class OrganisatieVoorstel(Base):
    """A change an organisation proposed through its check link, waiting for a beheerder.

    ``wijzigingen`` is JSON: field → ``[old, new]`` as the organisation saw and wrote them.
    Nothing on the kaart changes until a beheerder accepts it.
    """

    __tablename__ = "organisatie_voorstel"
    id: Mapped[int] = Column(Integer, primary_key=True)
    organisatie_id: Mapped[int] = Column(
        Integer, ForeignKey("organisatie.id", ondelete="CASCADE"), nullable=False
    )
    aanbod_id: Mapped[str] = Column(
        String(64), ForeignKey("aanbod.id", ondelete="CASCADE"), nullable=False
    )
    wijzigingen: Mapped[str] = Column(Text, nullable=False)
    #: ``open``, ``aanvaard`` or ``afgewezen``.
    status: Mapped[str] = Column(String(16), nullable=False, default="open")
    ingediend = Column(DateTime, nullable=False)
    besloten = Column(DateTime)
    besloten_door = Column(String(200))

    __table_args__ = (Index("ix_organisatie_voorstel_status", "status", "ingediend"),)


class KaartWijziging(Base):
    """One change event of the kaart: who changed which offers when (migration v0003).

    An import is one row holding the id lists; an organisation's confirmation or an accepted
    proposal is one row too. The beheer page shows the log, and a full-replace import
    compares it with the file's ``kaartstand`` to warn before undoing later changes.
    """

    __tablename__ = "kaart_wijziging"
    id: Mapped[int] = Column(Integer, primary_key=True)
    #: UTC, without tzinfo (SQLite keeps none).
    tijdstip: Mapped[datetime] = Column(DateTime, nullable=False, index=True)
    #: Staff account name, ``cli:<os user>`` or ``organisatie:<naam>``.
    wie: Mapped[str] = Column(String(200), nullable=False)
    #: ``import``, ``import_vervang``, ``bevestiging``, ``voorstel``, ...
    soort: Mapped[str] = Column(String(32), nullable=False)
    #: JSON lists of offer ids.
    toegevoegd: Mapped[str] = Column(Text, nullable=False, default="[]", server_default="[]")
    gewijzigd: Mapped[str] = Column(Text, nullable=False, default="[]", server_default="[]")
    verwijderd: Mapped[str] = Column(Text, nullable=False, default="[]", server_default="[]")
    toelichting: Mapped[str] = Column(Text, nullable=False, default="", server_default="")
