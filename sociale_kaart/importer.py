"""Loading validated template rows into the database: all or nothing, upsert by ``id``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociale_kaart.models import Aanbod, AanbodDoelgroep, Organisatie, Thema, Wijk, WijkPostcode
from sociale_kaart.template import AanbodRij
from sociale_kaart.themas import THEMAS
from wegwijzer.gemeente import GemeenteProfiel


@dataclass
class ImportSamenvatting:
    """What an import did, for the summary line at the end."""

    toegevoegd: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    verwijderd: int = 0

    def __str__(self) -> str:
        return (
            f"{self.toegevoegd} toegevoegd, {self.gewijzigd} gewijzigd, "
            f"{self.ongewijzigd} ongewijzigd, {self.verwijderd} verwijderd"
        )


def sync_referentiedata(session: Session, profiel: GemeenteProfiel) -> None:
    """Make the thema and wijk tables match the fixed list and the gemeente profile."""
    bestaande_themas = {t.code: t for t in session.scalars(select(Thema))}
    for code, naam in THEMAS.items():
        if code in bestaande_themas:
            bestaande_themas[code].naam = naam
        else:
            session.add(Thema(code=code, naam=naam))
    bestaande_wijken = {w.naam: w for w in session.scalars(select(Wijk))}
    for wijk in profiel.wijken:
        row = bestaande_wijken.get(wijk.naam) or Wijk(naam=wijk.naam)
        session.add(row)
        row.postcodes = [WijkPostcode(pc4=pc) for pc in wijk.postcodes]
    session.flush()


def _snapshot(aanbod: Aanbod) -> tuple[object, ...]:
    return (
        aanbod.naam,
        aanbod.organisatie.naam if aanbod.organisatie else None,
        aanbod.omschrijving,
        tuple(aanbod.thema_codes),
        aanbod.niveau,
        tuple(aanbod.doelgroep_codes),
        aanbod.leeftijd_min,
        aanbod.leeftijd_max,
        aanbod.wijk.naam if aanbod.wijk else None,
        aanbod.adres,
        aanbod.postcode,
        aanbod.plaats,
        aanbod.telefoon,
        aanbod.email,
        aanbod.website,
        aanbod.openingstijden,
        aanbod.kosten,
        aanbod.trefwoorden,
        aanbod.laatst_gecontroleerd,
    )


def import_rijen(
    session: Session, profiel: GemeenteProfiel, rijen: Sequence[AanbodRij], vervang: bool
) -> ImportSamenvatting:
    """Upsert rows by ``id`` (``vervang`` also removes rows not in the file).

    The caller owns the transaction, so a failure anywhere leaves the kaart unchanged.
    """
    sync_referentiedata(session, profiel)
    themas = {t.code: t for t in session.scalars(select(Thema))}
    wijken = {w.naam: w for w in session.scalars(select(Wijk))}
    organisaties = {o.naam: o for o in session.scalars(select(Organisatie))}
    bestaand = {a.id: a for a in session.scalars(select(Aanbod))}
    samenvatting = ImportSamenvatting()

    for rij in rijen:
        organisatie = organisaties.get(rij.organisatie)
        if organisatie is None:
            organisatie = Organisatie(naam=rij.organisatie)
            session.add(organisatie)
            organisaties[rij.organisatie] = organisatie
        aanbod = bestaand.get(rij.id)
        before = _snapshot(aanbod) if aanbod is not None else None
        if aanbod is None:
            aanbod = Aanbod(id=rij.id)
            session.add(aanbod)
        aanbod.naam = rij.naam
        aanbod.organisatie = organisatie
        aanbod.omschrijving = rij.omschrijving
        aanbod.themas = [themas[c] for c in rij.themas]
        aanbod.niveau = rij.niveau
        if sorted(rij.doelgroepen) != aanbod.doelgroep_codes:
            aanbod.doelgroepen = [AanbodDoelgroep(doelgroep=d) for d in rij.doelgroepen]
        aanbod.leeftijd_min = rij.leeftijd_min
        aanbod.leeftijd_max = rij.leeftijd_max
        aanbod.wijk = wijken[rij.wijk] if rij.wijk else None
        aanbod.adres = rij.adres
        aanbod.postcode = rij.postcode
        aanbod.plaats = rij.plaats
        aanbod.telefoon = rij.telefoon
        aanbod.email = rij.email
        aanbod.website = rij.website
        aanbod.openingstijden = rij.openingstijden
        aanbod.kosten = rij.kosten
        aanbod.trefwoorden = ";".join(rij.trefwoorden)
        aanbod.laatst_gecontroleerd = rij.laatst_gecontroleerd
        if before is None:
            samenvatting.toegevoegd += 1
        elif before != _snapshot(aanbod):
            samenvatting.gewijzigd += 1
        else:
            samenvatting.ongewijzigd += 1

    if vervang:
        ids_in_file = {r.id for r in rijen}
        weg = [i for i in bestaand if i not in ids_in_file]
        if weg:
            for ident in weg:
                session.delete(bestaand[ident])
            samenvatting.verwijderd = len(weg)
    session.flush()
    return samenvatting


def aantal_aanbod(session: Session) -> int:
    """Number of offers on the kaart (0 means: fill it with the demo kaart at set-up)."""
    return session.scalar(select(func.count()).select_from(Aanbod)) or 0
