"""Use cases of the kaart that the CLI, set-up and actions call: each is one unit of work."""

from __future__ import annotations

import getpass
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.gemeente import GemeenteProfiel, load_profiel
from kern.settings import KAART_VERS_DAGEN, Settings
from kern.themas import DOELGROEPEN, THEMAS
from sociale_kaart.bestanden import GelezenBestand, lees_bestand
from sociale_kaart.controle import OrganisatieControle, verouderd_per_organisatie
from sociale_kaart.export import exporteer
from sociale_kaart.importer import (
    ImportPlan,
    ImportSamenvatting,
    VoortgangMaker,
    aantal_aanbod,
    import_rijen,
    maak_plan,
    sync_referentiedata,
)
from sociale_kaart.migraties import head_revisie, huidige_revisie, migreer
from sociale_kaart.synoniemen import dichtstbijzijnde_thema
from sociale_kaart.template import KaartFout, KaartProbleem
from sociale_kaart.wijzigingen import Terugdraaiing, terugdraaiingen
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


class VervangNietBevestigd(KaartFout):
    """A full replace would undo changes logged after the file was exported; not confirmed."""

    def __init__(self, terug: Sequence[Terugdraaiing]):
        self.terugdraaiingen = list(terug)
        super().__init__(
            [
                KaartProbleem(
                    0,
                    None,
                    "Dit bestand vervangt de hele kaart, maar deze wijzigingen zijn vastgelegd "
                    "nadat het bestand is geëxporteerd en gaan dan verloren:",
                ),
                *(KaartProbleem(0, None, f"- {t}") for t in self.terugdraaiingen),
                KaartProbleem(
                    0,
                    None,
                    "Er is niets opgeslagen. Exporteer de kaart opnieuw en breng uw wijzigingen "
                    "daarin aan, of bevestig dat deze wijzigingen mogen vervallen (--ja).",
                ),
            ]
        )


def cli_gebruiker() -> str:
    """Who the change log names for a command-line import: ``cli:<os user>``."""
    try:
        naam = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a bare container
        naam = "onbekend"
    return f"cli:{naam}"


@dataclass
class Proef:
    """A dry run: the file as read, what importing it would do, what a replace would undo."""

    gelezen: GelezenBestand
    plan: ImportPlan
    terugdraaiingen: list[Terugdraaiing]


def proef(session: Session, gelezen: GelezenBestand, vervang: bool) -> Proef:
    """What importing ``gelezen`` would do now, read only (the caller may roll back)."""
    plan = maak_plan(session, gelezen.rijen, vervang)
    terug = terugdraaiingen(session, gelezen.kaartstand, plan.geraakt) if vervang else []
    return Proef(gelezen, plan, terug)


def importeer(
    session: Session,
    profiel: GemeenteProfiel,
    gelezen: GelezenBestand,
    vervang: bool,
    *,
    wie: str,
    bevestigd: bool = False,
    verwacht_plan: str | None = None,
    toelichting: str = "",
    voortgang: VoortgangMaker | None = None,
) -> ImportSamenvatting:
    """Import a read file in the caller's transaction: the one write path of CLI and web.

    A full replace that would undo changes logged after the file's ``kaartstand`` raises
    :class:`VervangNietBevestigd` unless ``bevestigd``; ``verwacht_plan`` (the dry run's
    ``vingerafdruk``) refuses when the kaart changed since the dry run. The change is logged
    under ``wie``.
    """
    terug: list[Terugdraaiing] = []
    if vervang:
        terug = proef(session, gelezen, vervang).terugdraaiingen
        if terug and not bevestigd:
            raise VervangNietBevestigd(terug)
    samenvatting = import_rijen(
        session,
        profiel,
        gelezen.rijen,
        vervang=vervang,
        voortgang=voortgang,
        wie=wie,
        toelichting=toelichting,
        verwacht_plan=verwacht_plan,
    )
    samenvatting.overgeslagen = len(gelezen.overgeslagen)
    samenvatting.meldingen = list(gelezen.overgeslagen)
    samenvatting.opmerkingen = list(gelezen.opmerkingen)
    samenvatting.terugdraaiingen = terug
    return samenvatting


def import_bestand(
    settings: Settings,
    path: Path,
    vervang: bool,
    *,
    droog: bool = False,
    koppeling: Path | None = None,
    streng: bool = False,
    voortgang: VoortgangMaker | None = None,
    wie: str | None = None,
    ja: bool = False,
) -> ImportSamenvatting:
    """Validate a whole file, then write it in one transaction (all or nothing).

    ``droog`` does everything, summary included, and then rolls back. ``streng`` refuses an
    HSDS feed with any unusable record or field instead of leaving those out with a note.
    ``voortgang`` makes a progress callback per stage (the CLI shows them as progress bars).
    An import is a write that set-up also does (the demo kaart), so it may migrate. The change
    log names ``wie`` (default ``cli:<os user>``); a replace that would undo later logged
    changes needs ``ja`` (a dry run only lists them).
    """
    profiel = load_profiel(settings.gemeente_path)
    gelezen = lees_bestand(path, profiel, koppeling, streng=streng)
    with _engine(settings, migreren=True) as engine:
        session: Session = make_session_factory(engine)()
        try:
            samenvatting = importeer(
                session,
                profiel,
                gelezen,
                vervang,
                wie=wie or cli_gebruiker(),
                bevestigd=ja or droog,
                toelichting=f"bestand {path.name}",
                voortgang=voortgang,
            )
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
            voorbeeld = next((pc for w in profiel.wijken for pc in w.postcodes), "1234")
            raise ZoekFout(
                f"Postcode {vraag.postcode!r} hoort niet bij een wijk van {profiel.naam}. "
                f"Geef een postcode als {voorbeeld} of {voorbeeld} AB, of kies een wijk."
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
