"""Loading validated template rows into the database: all or nothing, upsert by ``id``.

The search index is kept in step in the same transaction: only offers that were added or
changed are re-indexed, so re-importing an unchanged kaart of 10,000 offers stays quick.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from kern.db import in_stukken
from kern.gemeente import GemeenteProfiel
from kern.themas import THEMAS, Niveau
from sociale_kaart.models import (
    Aanbod,
    AanbodDoelgroep,
    Organisatie,
    Thema,
    Wijk,
    WijkPostcode,
    aanbod_thema,
)
from sociale_kaart.tekst import sorteer_naam
from sociale_kaart.template import KOLOMMEN, AanbodRij, KaartFout, KaartProbleem
from sociale_kaart.wijzigingen import IMPORT, IMPORT_VERVANG, Terugdraaiing, registreer
from sociale_kaart.zoekindex import (
    doelgroep_bits,
    herbouw_index,
    index_is_actueel,
    index_termen,
    markeer_gewijzigd,
    markeer_referentie_gewijzigd,
    schrijf_termen,
)

#: Called with the number of rows just processed (drives a progress bar of the CLI).
Voortgang = Callable[[int], object]
#: Makes a :data:`Voortgang` for a named stage with a known number of rows.
VoortgangMaker = Callable[[str, int], Voortgang]

_BATCH = 2000


@dataclass
class ImportSamenvatting:
    """What an import did, for the summary line at the end."""

    toegevoegd: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    verwijderd: int = 0
    overgeslagen: int = 0
    #: Why rows were left out (e.g. inactive HSDS services), one line each.
    meldingen: list[str] = field(default_factory=list)
    #: Imported without a field, or a part of the feed that could not be linked, one line each.
    opmerkingen: list[str] = field(default_factory=list)
    #: What was (or, in a dry run, would be) done per offer.
    plan: ImportPlan | None = None
    #: Later logged changes a full replace undid (or, in a dry run, would undo).
    terugdraaiingen: list[Terugdraaiing] = field(default_factory=list)
    #: The change log row of this import (``None``: nothing changed, or not logged).
    wijziging_id: int | None = None

    def __str__(self) -> str:
        tekst = (
            f"{self.toegevoegd} toegevoegd, {self.gewijzigd} gewijzigd, "
            f"{self.ongewijzigd} ongewijzigd, {self.verwijderd} verwijderd"
        )
        if self.overgeslagen:
            tekst += f", {self.overgeslagen} overgeslagen"
        return tekst


#: What an import does with one offer.
TOEGEVOEGD = "toegevoegd"
GEWIJZIGD = "gewijzigd"
VERWIJDERD = "verwijderd"
ONGEWIJZIGD = "ongewijzigd"


@dataclass(frozen=True)
class PlanRegel:
    """One offer in an import plan: what happens to it, and which columns change."""

    id: str
    soort: str
    naam: str
    #: Row in the file (0 for an offer a full replace removes: it is not in the file).
    rij: int = 0
    #: Template columns whose value changes (only for ``gewijzigd``).
    velden: tuple[str, ...] = ()
    #: Digest of the stored values this plan starts from ("" for a new offer), so a plan made
    #: before someone else changed the offer no longer matches.
    stand: str = ""


@dataclass
class ImportPlan:
    """What importing a file would do, computed without writing (the dry run shows it).

    ``vingerafdruk`` identifies the plan: the beheer page previews a plan and applies the file
    only while the kaart still gives the very same plan.
    """

    regels: list[PlanRegel]
    vervang: bool

    def ids(self, soort: str) -> list[str]:
        """Offer ids with this outcome, in plan order."""
        return [r.id for r in self.regels if r.soort == soort]

    def aantal(self, soort: str) -> int:
        """Number of offers with this outcome."""
        return sum(1 for r in self.regels if r.soort == soort)

    @property
    def geraakt(self) -> list[str]:
        """Offers whose stored data would change or disappear."""
        return [r.id for r in self.regels if r.soort in (GEWIJZIGD, VERWIJDERD)]

    @property
    def vingerafdruk(self) -> str:
        """A hash of every outcome and changed column, stable across runs."""
        inhoud = json.dumps(
            [self.vervang, [[r.id, r.soort, list(r.velden), r.stand] for r in self.regels]],
            ensure_ascii=False,
        )
        return hashlib.sha256(inhoud.encode()).hexdigest()


class PlanVeranderd(KaartFout):
    """The kaart changed between the dry run and "inlezen": nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            [
                KaartProbleem(
                    0,
                    None,
                    "De kaart is gewijzigd sinds de proefimport. Er is niets opgeslagen; "
                    "doe de proefimport opnieuw en bekijk het resultaat.",
                )
            ]
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
    gewijzigd = False
    for wijk in profiel.wijken:
        row = bestaande_wijken.get(wijk.naam)
        if row is None:
            row = Wijk(naam=wijk.naam)
            session.add(row)
            gewijzigd = True
        if sorted(wijk.postcodes) != sorted(p.pc4 for p in row.postcodes):
            row.postcodes = [WijkPostcode(pc4=pc) for pc in wijk.postcodes]
            gewijzigd = True
    session.flush()
    if gewijzigd:
        # Searchers cache the wijken per kaart version.
        markeer_referentie_gewijzigd(session)


#: Template columns stored as they are on Aanbod (the others are relations), in template order.
_KOLOMMEN = tuple(
    k for k in KOLOMMEN if k not in {"id", "organisatie", "themas", "doelgroepen", "wijk"}
)

Snapshot = tuple[object, ...]


def _rij_snapshot(rij: AanbodRij) -> Snapshot:
    """Everything of a row that is stored, in a form comparable with :func:`_db_snapshots`."""
    return (
        rij.naam,
        rij.organisatie,
        rij.omschrijving,
        tuple(sorted(rij.themas)),
        rij.niveau.value,
        tuple(sorted(rij.doelgroepen)),
        rij.leeftijd_min,
        rij.leeftijd_max,
        rij.wijk,
        rij.adres,
        rij.postcode,
        rij.plaats,
        rij.telefoon,
        rij.email,
        rij.website,
        rij.openingstijden,
        rij.kosten,
        ";".join(rij.trefwoorden),
        rij.laatst_gecontroleerd,
    )


def _db_snapshots(session: Session) -> dict[str, Snapshot]:
    """The stored offers as snapshots, read with plain rows (10,000 ORM objects are slow)."""
    themas: dict[str, list[str]] = {}
    for ident, code in session.execute(select(aanbod_thema.c.aanbod_id, aanbod_thema.c.thema_code)):
        themas.setdefault(ident, []).append(code)
    groepen: dict[str, list[str]] = {}
    for ident, groep in session.execute(
        select(AanbodDoelgroep.aanbod_id, AanbodDoelgroep.doelgroep)
    ):
        groepen.setdefault(ident, []).append(groep)
    stmt = (
        select(Aanbod.id, Organisatie.naam, Wijk.naam, *[getattr(Aanbod, k) for k in _KOLOMMEN])
        .join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
        .outerjoin(Wijk, Wijk.id == Aanbod.wijk_id)
    )
    result: dict[str, Snapshot] = {}
    for row in session.execute(stmt):
        ident, org, wijk = row[0], row[1], row[2]
        waarden = dict(zip(_KOLOMMEN, row[3:], strict=True))
        result[ident] = (
            waarden["naam"],
            org,
            waarden["omschrijving"],
            tuple(sorted(themas.get(ident, ()))),
            Niveau(waarden["niveau"]).value,
            tuple(sorted(groepen.get(ident, ()))),
            waarden["leeftijd_min"],
            waarden["leeftijd_max"],
            wijk,
            *(waarden[k] for k in _KOLOMMEN[5:]),
        )
    return result


#: The template column of every snapshot position (snapshots hold all columns but ``id``).
_VELDEN = KOLOMMEN[1:]


def _stand(oud: Snapshot) -> str:
    return hashlib.sha256(repr(oud).encode()).hexdigest()[:16]


def _plan(bestaand: dict[str, Snapshot], rijen: Sequence[AanbodRij], vervang: bool) -> ImportPlan:
    regels: list[PlanRegel] = []
    for rij in rijen:
        oud = bestaand.get(rij.id)
        if oud is None:
            regels.append(PlanRegel(rij.id, TOEGEVOEGD, rij.naam, rij.rij))
            continue
        nieuw = _rij_snapshot(rij)
        velden = tuple(k for k, a, b in zip(_VELDEN, oud, nieuw, strict=True) if a != b)
        soort = GEWIJZIGD if velden else ONGEWIJZIGD
        regels.append(PlanRegel(rij.id, soort, rij.naam, rij.rij, velden, _stand(oud)))
    if vervang:
        in_bestand = {r.id for r in rijen}
        for ident, oud in bestaand.items():
            if ident not in in_bestand:
                regels.append(PlanRegel(ident, VERWIJDERD, str(oud[0]), stand=_stand(oud)))
    return ImportPlan(regels, vervang)


def maak_plan(session: Session, rijen: Sequence[AanbodRij], vervang: bool) -> ImportPlan:
    """What :func:`import_rijen` would do with ``rijen``, read only (the dry run).

    Per row: added, changed (with the changed columns) or unchanged; with ``vervang`` also
    the offers that would be removed.
    """
    return _plan(_db_snapshots(session), rijen, vervang)


def _organisatie_ids(session: Session, namen: Iterable[str]) -> dict[str, int]:
    ids: dict[str, int] = {
        naam: i for naam, i in session.execute(select(Organisatie.naam, Organisatie.id))
    }
    nieuw = sorted({n for n in namen if n not in ids})
    if nieuw:
        session.execute(insert(Organisatie), [{"naam": n} for n in nieuw])
        for chunk in in_stukken(nieuw):
            stmt = select(Organisatie.naam, Organisatie.id).where(Organisatie.naam.in_(chunk))
            ids.update({naam: i for naam, i in session.execute(stmt)})
    return ids


def import_rijen(
    session: Session,
    profiel: GemeenteProfiel,
    rijen: Sequence[AanbodRij],
    vervang: bool,
    *,
    voortgang: VoortgangMaker | None = None,
    wie: str | None = None,
    toelichting: str = "",
    verwacht_plan: str | None = None,
) -> ImportSamenvatting:
    """Upsert rows by ``id`` (``vervang`` also removes rows not in the file).

    The caller owns the transaction, so a failure anywhere leaves the kaart unchanged. Rows are
    written with Core statements (executemany), not ORM objects: an import of 10,000 offers
    has to fit in seconds and a few hundred MB. ORM objects the session already holds are
    expired afterwards.

    What is written is the plan of :func:`maak_plan`; ``verwacht_plan`` (its
    ``vingerafdruk`` from a dry run) refuses with :class:`PlanVeranderd` when the kaart has
    changed since. With ``wie`` the change is logged (:mod:`sociale_kaart.wijzigingen`).
    """
    index_was_actueel = index_is_actueel(session)
    sync_referentiedata(session, profiel)
    wijk_ids: dict[str, int] = {naam: i for naam, i in session.execute(select(Wijk.naam, Wijk.id))}
    org_ids = _organisatie_ids(session, (r.organisatie for r in rijen))
    from sociale_kaart.organisatie_link import werk_contact_bij  # column organisatie_email

    werk_contact_bij(session, rijen, org_ids)
    bestaand = _db_snapshots(session)
    stap = voortgang("Vergelijken", len(rijen)) if voortgang else None
    plan = _plan(bestaand, rijen, vervang)
    if stap is not None:
        stap(len(rijen))
    if verwacht_plan is not None and plan.vingerafdruk != verwacht_plan:
        raise PlanVeranderd()
    samenvatting = ImportSamenvatting(
        toegevoegd=plan.aantal(TOEGEVOEGD),
        gewijzigd=plan.aantal(GEWIJZIGD),
        ongewijzigd=plan.aantal(ONGEWIJZIGD),
        plan=plan,
    )
    soorten = {r.id: r.soort for r in plan.regels}
    nieuw = [r for r in rijen if soorten[r.id] == TOEGEVOEGD]
    gewijzigd = [r for r in rijen if soorten[r.id] == GEWIJZIGD]

    def waarden(rij: AanbodRij) -> dict[str, object]:
        return {
            "naam": rij.naam,
            "organisatie_id": org_ids[rij.organisatie],
            "omschrijving": rij.omschrijving,
            "niveau": rij.niveau,
            "leeftijd_min": rij.leeftijd_min,
            "leeftijd_max": rij.leeftijd_max,
            "wijk_id": wijk_ids[rij.wijk] if rij.wijk else None,
            "adres": rij.adres,
            "postcode": rij.postcode,
            "plaats": rij.plaats,
            "telefoon": rij.telefoon,
            "email": rij.email,
            "website": rij.website,
            "openingstijden": rij.openingstijden,
            "kosten": rij.kosten,
            "trefwoorden": ";".join(rij.trefwoorden),
            "laatst_gecontroleerd": rij.laatst_gecontroleerd,
            "sorteernaam": sorteer_naam(rij.naam),
            "doelgroep_bits": doelgroep_bits(rij.doelgroepen),
        }

    weg = plan.ids(VERWIJDERD)
    samenvatting.verwijderd = len(weg)
    opnieuw = [r.id for r in gewijzigd] + weg
    # Children first: not every SQLite connection enforces ON DELETE CASCADE.
    schrijf_termen(session, (), bestaande_wissen=opnieuw)
    for chunk in in_stukken(opnieuw):
        session.execute(delete(aanbod_thema).where(aanbod_thema.c.aanbod_id.in_(chunk)))
        session.execute(delete(AanbodDoelgroep).where(AanbodDoelgroep.aanbod_id.in_(chunk)))
    for chunk in in_stukken(weg):
        session.execute(delete(Aanbod).where(Aanbod.id.in_(chunk)))
    for start in range(0, len(nieuw), _BATCH):
        session.execute(
            insert(Aanbod), [{"id": r.id, **waarden(r)} for r in nieuw[start : start + _BATCH]]
        )
    if gewijzigd:
        tabel = Aanbod.__table__
        session.execute(
            update(tabel)
            .where(tabel.c.id == bindparam("b_id"))
            .values({k: bindparam(f"b_{k}") for k in waarden(gewijzigd[0])}),
            [{"b_id": r.id, **{f"b_{k}": v for k, v in waarden(r).items()}} for r in gewijzigd],
        )
    te_indexeren = nieuw + gewijzigd
    thema_rijen = [{"aanbod_id": r.id, "thema_code": c} for r in te_indexeren for c in r.themas]
    groep_rijen = [{"aanbod_id": r.id, "doelgroep": g} for r in te_indexeren for g in r.doelgroepen]
    if thema_rijen:
        session.execute(insert(aanbod_thema), thema_rijen)
    if groep_rijen:
        session.execute(insert(AanbodDoelgroep), groep_rijen)

    if index_was_actueel:
        stap = voortgang("Zoekindex", len(te_indexeren)) if voortgang else None

        def termen_per_aanbod() -> Iterator[tuple[str, dict[str, tuple[str, int]]]]:
            for r in te_indexeren:
                yield (
                    r.id,
                    index_termen(r.naam, r.organisatie, r.omschrijving, r.trefwoorden, r.themas),
                )
                if stap is not None:
                    stap(1)

        schrijf_termen(session, termen_per_aanbod())
    else:
        herbouw_index(session)
    # Organisations without offers are gone from the kaart (and from `kaart controle`).
    session.execute(
        delete(Organisatie)
        .where(~exists().where(Aanbod.organisatie_id == Organisatie.id))
        .execution_options(synchronize_session=False)
    )
    if te_indexeren or weg or not index_was_actueel:
        markeer_gewijzigd(session)
    if wie is not None:
        gelogd = registreer(
            session,
            wie,
            IMPORT_VERVANG if vervang else IMPORT,
            toegevoegd=[r.id for r in nieuw],
            gewijzigd=[r.id for r in gewijzigd],
            verwijderd=weg,
            toelichting=toelichting,
        )
        samenvatting.wijziging_id = gelogd.id if gelogd is not None else None
    session.flush()
    session.expire_all()
    return samenvatting


def aantal_aanbod(session: Session) -> int:
    """Number of offers on the kaart (0 means: fill it with the demo kaart at set-up)."""
    return session.scalar(select(func.count()).select_from(Aanbod)) or 0
