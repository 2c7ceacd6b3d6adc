"""Use cases of the kaart that the CLI, set-up and actions call: each is one unit of work."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.gemeente import GemeenteProfiel, load_profiel
from kern.settings import KAART_VERS_DAGEN, Settings
from kern.themas import DOELGROEPEN, THEMAS
from sociale_kaart.bestanden import lees_bestand
from sociale_kaart.controle import OrganisatieControle, verouderd_per_organisatie
from sociale_kaart.export import exporteer
from sociale_kaart.importer import (
    ImportSamenvatting,
    VoortgangMaker,
    aantal_aanbod,
    import_rijen,
    sync_referentiedata,
)
from sociale_kaart.migraties import head_revisie, huidige_revisie, migreer
from sociale_kaart.synoniemen import dichtstbijzijnde_thema
from sociale_kaart.template import KaartFout, KaartProbleem
from sociale_kaart.zoeken import Resultaat, ZoekFout, ZoekVraag, zoek
from sociale_kaart.zoekindex import herbouw_index, index_is_actueel, werk_statistieken_bij


class KaartNietKlaar(KaartFout):
    """The database schema is not at the code's revision: run set-up first.

    A :class:`KaartFout` so every front end that already reports kaart errors in Dutch
    (the CLI: ``Fout: …`` and exit code 2) reports this one too, without its own branch.
    """

    def __init__(self, melding: str):
        self.problemen = [KaartProbleem(0, None, melding)]
        ValueError.__init__(self, melding)


def controleer_schema(engine: Engine) -> None:
    """Refuse to read from a database that set-up has not brought to the newest revision.

    Read calls never migrate: a search or an export must not change the schema (or take the
    migration lock) behind the back of a running server. Set-up and start do that.
    """
    huidig, nodig = huidige_revisie(engine), head_revisie()
    if huidig == nodig:
        return
    if huidig is None:
        raise KaartNietKlaar(
            "De database heeft nog geen sociale kaart. Voer eerst `wegwijzer setup` uit "
            "(of alleen de database: `wegwijzer kaart migreer`)."
        )
    raise KaartNietKlaar(
        f"De database van de sociale kaart is niet bijgewerkt (revisie {huidig}, nodig: "
        f"{nodig}). Voer eerst `wegwijzer setup` uit (of `wegwijzer kaart migreer`)."
    )


@contextmanager
def _engine(settings: Settings, *, migreren: bool) -> Iterator[Engine]:
    """An engine for one use case: ``migreren`` for set-up and imports, else a schema check."""
    engine = make_engine(settings.db_url)
    try:
        if migreren:
            migreer(engine)
        else:
            controleer_schema(engine)
        yield engine
    finally:
        engine.dispose()


def init_database(settings: Settings, profiel: GemeenteProfiel) -> int:
    """Upgrade the schema (Alembic), sync wijken and thema's, refresh the index; count offers."""
    with _engine(settings, migreren=True) as engine:
        herbouwd = False
        with unit_of_work(make_session_factory(engine)) as session:
            sync_referentiedata(session, profiel)
            if not index_is_actueel(session):
                herbouw_index(session)
                herbouwd = True
            aantal = aantal_aanbod(session)
        if herbouwd:
            werk_statistieken_bij(engine)
        return aantal


def import_bestand(
    settings: Settings,
    path: Path,
    vervang: bool,
    *,
    droog: bool = False,
    koppeling: Path | None = None,
    streng: bool = False,
    voortgang: VoortgangMaker | None = None,
) -> ImportSamenvatting:
    """Validate a whole file, then write it in one transaction (all or nothing).

    ``droog`` does everything, summary included, and then rolls back. ``streng`` refuses an
    HSDS feed with any unusable record or field instead of leaving those out with a note.
    ``voortgang`` makes a progress callback per stage (the CLI shows them as progress bars).
    An import is a write that set-up also does (the demo kaart), so it may migrate.
    """
    profiel = load_profiel(settings.gemeente_path)
    gelezen = lees_bestand(path, profiel, koppeling, streng=streng)
    with _engine(settings, migreren=True) as engine:
        session: Session = make_session_factory(engine)()
        try:
            samenvatting = import_rijen(
                session, profiel, gelezen.rijen, vervang=vervang, voortgang=voortgang
            )
            samenvatting.overgeslagen = len(gelezen.overgeslagen)
            samenvatting.meldingen = list(gelezen.overgeslagen)
            samenvatting.opmerkingen = list(gelezen.opmerkingen)
            if droog:
                session.rollback()
            else:
                session.commit()
                werk_statistieken_bij(engine)
            return samenvatting
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


def exporteer_bestand(settings: Settings, path: Path, scheidingsteken: str = ";") -> int:
    """Write the kaart to a template file; return the number of offers written."""
    with (
        _engine(settings, migreren=False) as engine,
        unit_of_work(make_session_factory(engine)) as session,
    ):
        return exporteer(session, path, scheidingsteken)


def verouderd(
    settings: Settings, dagen: int | None = None, peildatum: date | None = None
) -> list[OrganisatieControle]:
    """Stale entries per organisation (default threshold: ``Settings.kaart_vers_dagen``)."""
    with (
        _engine(settings, migreren=False) as engine,
        unit_of_work(make_session_factory(engine)) as session,
    ):
        return verouderd_per_organisatie(
            session, peildatum or date.today(), dagen or settings.kaart_vers_dagen
        )


def _lijkt_op(tekst: str, keuzes: Sequence[str]) -> str:
    """The choice most like ``tekst`` (for a "Bedoelt u …?" hint; never empty)."""
    beste = process.extractOne(tekst.casefold(), [k.casefold() for k in keuzes], scorer=fuzz.ratio)
    return keuzes[beste[2]] if beste else keuzes[0]


def controleer_vraag(vraag: ZoekVraag, profiel: GemeenteProfiel) -> ZoekVraag:
    """Check a loket search against the profile; unknown values get a Dutch suggestion."""
    if vraag.thema and vraag.thema not in THEMAS:
        raise ZoekFout(
            f"Onbekend thema {vraag.thema!r}. Bedoelt u {dichtstbijzijnde_thema(vraag.thema)!r}? "
            f"Kies uit: {', '.join(THEMAS)}."
        )
    if vraag.doelgroep and vraag.doelgroep not in DOELGROEPEN:
        raise ZoekFout(
            f"Onbekende doelgroep {vraag.doelgroep!r}. Bedoelt u {_lijkt_op(vraag.doelgroep, DOELGROEPEN)!r}? "
            f"Kies uit: {', '.join(DOELGROEPEN)}."
        )
    if vraag.leeftijd is not None and not 0 <= vraag.leeftijd <= 120:
        raise ZoekFout(
            f"Leeftijd {vraag.leeftijd} kan niet; geef een leeftijd van 0 tot en met 120."
        )
    if vraag.wijk:
        wijk = profiel.wijk_by_naam(vraag.wijk)
        if wijk is None:
            namen = [w.naam for w in profiel.wijken]
            raise ZoekFout(
                f"De wijk {vraag.wijk!r} staat niet in het gemeenteprofiel. "
                f"Bedoelt u {_lijkt_op(vraag.wijk, namen)!r}? "
                f"Wijken: {', '.join(namen)}."
            )
        vraag = replace(vraag, wijk=wijk.naam)
    elif vraag.postcode:
        wijk = profiel.wijk_by_postcode(vraag.postcode)
        if wijk is None:
            raise ZoekFout(
                f"Postcode {vraag.postcode!r} hoort niet bij een wijk van {profiel.naam}. "
                "Geef een postcode als 9904 of 9904 AB, of zoek met --wijk."
            )
        vraag = replace(vraag, wijk=wijk.naam, postcode=None)
    return vraag


class LoketZoeker:
    """The loket's search for long-running processes (the loket page): one engine, many searches.

    Every search is checked against the profile first, so a typo in a wijk or thema gives a
    Dutch suggestion (:class:`ZoekFout`) instead of an empty list.
    """

    def __init__(
        self,
        session_factory: sessionmaker,
        profiel: GemeenteProfiel,
        vers_dagen: int = KAART_VERS_DAGEN,
    ):
        self.session_factory = session_factory
        self.profiel = profiel
        self.vers_dagen = vers_dagen

    def zoek(self, vraag: ZoekVraag, limiet: int = 10) -> list[Resultaat]:
        """Results with their reasons; ``vraag.vers_dagen`` is set from the settings."""
        vraag = replace(controleer_vraag(vraag, self.profiel), vers_dagen=self.vers_dagen)
        with unit_of_work(self.session_factory) as session:
            return zoek(session, vraag, limiet)


def zoek_op_kaart(settings: Settings, vraag: ZoekVraag, limiet: int = 10) -> list[Resultaat]:
    """One loket search from the command line: check the schema and the profile, then search.

    The schema is never upgraded here (:class:`KaartNietKlaar` says to run set-up); a search
    index built by an older version of the code is rebuilt, as at start.
    """
    with _engine(settings, migreren=False) as engine:
        factory = make_session_factory(engine)
        with unit_of_work(factory) as session:
            if not index_is_actueel(session):
                herbouw_index(session)
        loket = LoketZoeker(
            factory, load_profiel(settings.gemeente_path), settings.kaart_vers_dagen
        )
        return loket.zoek(vraag, limiet)
