"""Search the sociale kaart: filters, the ladder's ranking, and the reasons for each rank.

One implementation for the bot, the CLI and the loket page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from sociale_kaart.models import Aanbod, Thema, Wijk
from sociale_kaart.themas import Niveau
from wegwijzer.db import unit_of_work


@dataclass(frozen=True)
class AanbodKaartje:
    """What the bot shows of one offer (and sends in the ``aanbod`` payload)."""

    id: str
    naam: str
    organisatie: str
    niveau: str
    wijk: str | None
    telefoon: str | None
    website: str | None
    email: str | None
    omschrijving: str


@dataclass(frozen=True)
class ZoekVraag:
    """Filters of one search; ``None`` means: do not filter on it."""

    thema: str | None = None
    leeftijd: int | None = None
    minderjarig: bool | None = None
    wijk: str | None = None
    niveaus: tuple[Niveau, ...] = tuple(Niveau)
    peildatum: date = field(default_factory=date.today)
    vers_dagen: int = 365


@dataclass(frozen=True)
class Resultaat:
    """One hit with the reasons for its rank (for loket staff and for tests)."""

    aanbod: Aanbod
    vers: bool
    redenen: tuple[str, ...]
    sorteer: tuple[object, ...]

    def kaartje(self) -> AanbodKaartje:
        """The resident-facing summary."""
        a = self.aanbod
        return AanbodKaartje(
            id=a.id,
            naam=a.naam,
            organisatie=a.organisatie.naam,
            niveau=a.niveau.value,
            wijk=a.wijk.naam if a.wijk else None,
            telefoon=a.telefoon,
            website=a.website,
            email=a.email,
            omschrijving=eerste_zin(a.omschrijving),
        )


def eerste_zin(text: str) -> str:
    """The first sentence: the template asks gemeenten to make it a one-line summary."""
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


def zoek(session: Session, vraag: ZoekVraag, limiet: int = 10) -> list[Resultaat]:
    """Filter in SQL, rank by the ladder: niveau, own wijk, freshness, name."""
    stmt = select(Aanbod).where(Aanbod.niveau.in_(list(vraag.niveaus)))
    if vraag.thema:
        stmt = stmt.where(Aanbod.themas.any(Thema.code == vraag.thema))
    if vraag.wijk:
        stmt = stmt.where(or_(Aanbod.wijk_id.is_(None), Aanbod.wijk.has(Wijk.naam == vraag.wijk)))
    if vraag.leeftijd is not None:
        stmt = stmt.where(or_(Aanbod.leeftijd_min.is_(None), Aanbod.leeftijd_min <= vraag.leeftijd))
        stmt = stmt.where(or_(Aanbod.leeftijd_max.is_(None), Aanbod.leeftijd_max >= vraag.leeftijd))
    elif vraag.minderjarig is True:
        stmt = stmt.where(or_(Aanbod.leeftijd_min.is_(None), Aanbod.leeftijd_min < 18))
    elif vraag.minderjarig is False:
        stmt = stmt.where(or_(Aanbod.leeftijd_max.is_(None), Aanbod.leeftijd_max >= 18))
    resultaten = []
    for aanbod in session.scalars(stmt).unique():
        if not _past_bij_doelgroep(aanbod, vraag):
            continue
        resultaten.append(_rangschik(aanbod, vraag))
    resultaten.sort(key=lambda r: r.sorteer)
    return resultaten[:limiet]


def _past_bij_doelgroep(aanbod: Aanbod, vraag: ZoekVraag) -> bool:
    groepen = set(aanbod.doelgroep_codes)
    if not groepen or "iedereen" in groepen:
        return True
    minderjarig = vraag.minderjarig if vraag.leeftijd is None else vraag.leeftijd < 18
    if minderjarig is True:
        return bool(groepen & {"jeugd", "ouders", "mantelzorgers"})
    if minderjarig is False:
        if groepen <= {"jeugd"}:
            return False
        if vraag.leeftijd is not None and vraag.leeftijd < 65 and groepen <= {"ouderen"}:
            return False
    return True


def _rangschik(aanbod: Aanbod, vraag: ZoekVraag) -> Resultaat:
    niveau = Niveau(aanbod.niveau)
    vers = aanbod.is_vers(vraag.peildatum, vraag.vers_dagen)
    eigen_wijk = aanbod.wijk is not None and vraag.wijk is not None and aanbod.wijk.naam == vraag.wijk
    redenen = [f"niveau: {niveau.value.replace('_', ' ')}"]
    if eigen_wijk:
        redenen.append(f"in de eigen wijk ({vraag.wijk})")
    elif aanbod.wijk is None:
        redenen.append("voor de hele gemeente")
    else:
        redenen.append(f"in wijk {aanbod.wijk.naam}")
    redenen.append(
        "actueel" if vers else f"verouderd: laatst gecontroleerd {aanbod.laatst_gecontroleerd or 'nooit'}"
    )
    # Unknown wijk: whole-gemeente offers before offers in some other wijk.
    wijk_rang = 0 if eigen_wijk else (1 if aanbod.wijk is None else 2)
    return Resultaat(
        aanbod=aanbod,
        vers=vers,
        redenen=tuple(redenen),
        sorteer=(niveau.rang, wijk_rang, 0 if vers else 1, aanbod.naam.casefold(), aanbod.id),
    )


BOT_NIVEAUS: Sequence[Niveau] = (Niveau.SOCIALE_BASIS, Niveau.ALGEMENE_VOORZIENING)


class KaartZoeker:
    """The bot's view of the kaart: never maatwerk, sociale basis first."""

    def __init__(self, session_factory: sessionmaker, vers_dagen: int = 365):
        self.session_factory = session_factory
        self.vers_dagen = vers_dagen

    def aanbod_voor(
        self, thema: str, leeftijd: int | None, minderjarig: bool | None, wijk: str | None, limiet: int
    ) -> list[AanbodKaartje]:
        """Up to ``limiet`` offers that fit thema, age and wijk."""
        vraag = ZoekVraag(
            thema=thema,
            leeftijd=leeftijd,
            minderjarig=minderjarig,
            wijk=wijk,
            niveaus=tuple(BOT_NIVEAUS),
            vers_dagen=self.vers_dagen,
        )
        with unit_of_work(self.session_factory) as session:
            return [r.kaartje() for r in zoek(session, vraag, limiet)]
