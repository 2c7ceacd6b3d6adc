"""The search index of the kaart: building it, and the cached vocabulary queries are matched to.

Full-text search is done with a plain table of (offer, term) rows instead of SQLite FTS or
PostgreSQL tsvector, so both databases give exactly the same results. Query words are expanded
in Python against the vocabulary (all distinct terms): synonyms, derived and compound words,
and typos. The vocabulary is cached per database and reloaded when the kaart changes.
"""

from __future__ import annotations

import bisect
import math
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from kern.db import in_stukken
from kern.themas import DOELGROEPEN
from sociale_kaart.models import (
    Aanbod,
    AanbodDoelgroep,
    AanbodZoekterm,
    KaartStatus,
    Organisatie,
    Wijk,
    WijkPostcode,
    aanbod_thema,
)
from sociale_kaart.synoniemen import behoeften_van, synoniemen
from sociale_kaart.tekst import (
    STOPWOORDEN,
    VULWOORDEN,
    index_versie,
    is_beschermd,
    is_lijstwoord,
    is_woord,
    sorteer_naam,
    stam,
    termen,
    thema_teksten,
    verbeteringen,
    woorddelen,
    woorden,
)

#: Field → weight of a term found there; fields are listed from most to least telling.
VELD_GEWICHTEN: dict[str, int] = {
    "naam": 5,
    "trefwoord": 4,
    "thema": 3,
    "organisatie": 2,
    "omschrijving": 1,
}
VELD_LABELS: dict[str, str] = {
    "naam": "naam",
    "trefwoord": "trefwoorden",
    "thema": "thema",
    "organisatie": "organisatie",
    "omschrijving": "omschrijving",
}

_BATCH = 5000
_STATUS_ID = 1


def doelgroep_bit(groep: str) -> int:
    """The bit of one doelgroep in ``Aanbod.doelgroep_bits`` (order of ``DOELGROEPEN``)."""
    return 1 << DOELGROEPEN.index(groep)


def doelgroep_bits(groepen: Iterable[str]) -> int:
    """All doelgroepen of an offer as one integer; 0 means: no doelgroep given."""
    bits = 0
    for groep in groepen:
        bits |= doelgroep_bit(groep)
    return bits


def index_termen(
    naam: str,
    organisatie: str,
    omschrijving: str,
    trefwoorden: Iterable[str],
    themas: Iterable[str],
) -> dict[str, tuple[str, int]]:
    """Term → (field, weight) of one offer; a term keeps its most telling field."""
    velden = (
        ("naam", naam),
        ("trefwoord", " ".join(trefwoorden)),
        ("thema", thema_teksten(themas)),
        ("organisatie", organisatie),
        ("omschrijving", omschrijving),
    )
    result: dict[str, tuple[str, int]] = {}
    for veld, tekst in velden:
        gewicht = VELD_GEWICHTEN[veld]
        for term in termen(tekst):
            result.setdefault(term, (veld, gewicht))
    return result


def schrijf_termen(
    session: Session,
    per_aanbod: Iterable[tuple[str, dict[str, tuple[str, int]]]],
    bestaande_wissen: Sequence[str] = (),
) -> None:
    """Replace the index rows of the given offers (Core statements: an import writes 100k+ rows)."""
    for ids in in_stukken(bestaande_wissen):
        session.execute(delete(AanbodZoekterm).where(AanbodZoekterm.aanbod_id.in_(list(ids))))
    batch: list[dict[str, object]] = []
    for aanbod_id, index in per_aanbod:
        batch.extend(
            {"aanbod_id": aanbod_id, "term": term, "veld": veld, "gewicht": gewicht}
            for term, (veld, gewicht) in index.items()
        )
        if len(batch) >= _BATCH:
            session.execute(insert(AanbodZoekterm), batch)
            batch = []
    if batch:
        session.execute(insert(AanbodZoekterm), batch)


def markeer_gewijzigd(session: Session) -> None:
    """Give the kaart a new version token so every searcher reloads its vocabulary.

    Callers have just brought the index up to date, so it is marked as built with the
    current analysis.
    """
    status = session.get(KaartStatus, _STATUS_ID)
    if status is None:
        status = KaartStatus(id=_STATUS_ID)
        session.add(status)
    status.versie = uuid.uuid4().hex
    status.index_versie = index_versie()
    status.bijgewerkt = datetime.now(timezone.utc).replace(tzinfo=None)
    session.flush()


def markeer_referentie_gewijzigd(session: Session) -> None:
    """New version token after the wijken changed, without claiming the index is current."""
    status = session.get(KaartStatus, _STATUS_ID)
    if status is None:
        # Keep index_is_actueel's answer: only an empty kaart has a valid index without a row.
        leeg = not session.scalar(select(func.count()).select_from(Aanbod))
        status = KaartStatus(id=_STATUS_ID, index_versie=index_versie() if leeg else "")
        session.add(status)
    status.versie = uuid.uuid4().hex
    status.bijgewerkt = datetime.now(timezone.utc).replace(tzinfo=None)
    session.flush()


def index_is_actueel(session: Session) -> bool:
    """Whether the index was built with the current analysis (else: :func:`herbouw_index`)."""
    status = session.get(KaartStatus, _STATUS_ID)
    if status is not None:
        return status.index_versie == index_versie()
    # No status row: only an empty kaart can have a valid (empty) index.
    return not session.scalar(select(func.count()).select_from(Aanbod))


def herbouw_index(session: Session) -> int:
    """Rebuild the index, sort names and doelgroep bits from the offers; return the count."""
    themas: dict[str, list[str]] = {}
    for aanbod_id, code in session.execute(
        select(aanbod_thema.c.aanbod_id, aanbod_thema.c.thema_code)
    ):
        themas.setdefault(aanbod_id, []).append(code)
    groepen: dict[str, list[str]] = {}
    for aanbod_id, groep in session.execute(
        select(AanbodDoelgroep.aanbod_id, AanbodDoelgroep.doelgroep)
    ):
        if groep in DOELGROEPEN:
            groepen.setdefault(aanbod_id, []).append(groep)
    rows = session.execute(
        select(
            Aanbod.id, Aanbod.naam, Aanbod.omschrijving, Aanbod.trefwoorden, Organisatie.naam
        ).join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
    ).all()
    session.execute(delete(AanbodZoekterm))
    schrijf_termen(
        session,
        (
            (
                ident,
                index_termen(
                    naam,
                    org,
                    omschrijving or "",
                    (trefwoorden or "").split(";"),
                    themas.get(ident, ()),
                ),
            )
            for ident, naam, omschrijving, trefwoorden, org in rows
        ),
    )
    if rows:
        session.execute(
            update(Aanbod.__table__)
            .where(Aanbod.__table__.c.id == bindparam("b_id"))
            .values(sorteernaam=bindparam("b_naam"), doelgroep_bits=bindparam("b_bits")),
            [
                {
                    "b_id": ident,
                    "b_naam": sorteer_naam(naam),
                    "b_bits": doelgroep_bits(groepen.get(ident, ())),
                }
                for ident, naam, *_ in rows
            ],
        )
    markeer_gewijzigd(session)
    return len(rows)


def werk_statistieken_bij(engine: Engine) -> None:
    """Refresh planner statistics after a bulk change, outside any transaction.

    Right after an import PostgreSQL has no statistics for the new rows and picks plans that
    are a hundred times slower; VACUUM also enables index-only scans. SQLite's ANALYZE fills
    ``sqlite_stat1`` for the same reason.
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if engine.dialect.name == "postgresql":
            for tabel in ("aanbod", "aanbod_zoekterm", "aanbod_thema", "aanbod_doelgroep"):
                conn.execute(text(f"VACUUM ANALYZE {tabel}"))
        elif engine.dialect.name == "sqlite":
            conn.execute(text("ANALYZE"))


# --------------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class TermTreffer:
    """How an index term was reached from a query word."""

    term: str
    kwaliteit: float
    soort: str  # exact | synoniem | afleiding | samenstelling | woorddeel | tikfout | thema


class Vocabulaire:
    """All distinct index terms, with fast prefix, suffix and fuzzy lookups."""

    MAX_PER_SOORT = 40

    def __init__(self, terms: Iterable[str]):
        self.termen = sorted(set(terms))
        self._set = frozenset(self.termen)
        self._omgekeerd = sorted(t[::-1] for t in self.termen)

    def __contains__(self, term: object) -> bool:
        return term in self._set

    def __len__(self) -> int:
        return len(self.termen)

    def _met_begin(self, begin: str) -> list[str]:
        start = bisect.bisect_left(self.termen, begin)
        found: list[str] = []
        for term in self.termen[start : start + self.MAX_PER_SOORT + 1]:
            if not term.startswith(begin):
                break
            found.append(term)
        return found

    def _met_eind(self, eind: str) -> list[str]:
        omgekeerd = eind[::-1]
        start = bisect.bisect_left(self._omgekeerd, omgekeerd)
        found: list[str] = []
        for term in self._omgekeerd[start : start + self.MAX_PER_SOORT + 1]:
            if not term.startswith(omgekeerd):
                break
            found.append(term[::-1])
        return found

    def _afleidingen(self, basis: str) -> list[str]:
        """Longer and slightly shorter terms: mantelzorg ↔ mantelzorger (not compounds)."""
        beschermd = is_beschermd(basis)
        found = (
            [
                t
                for t in self._met_begin(basis)
                if t != basis and not _is_samenstelling(basis, t) and is_beschermd(t) == beschermd
            ]
            if len(basis) >= 4
            else []
        )
        for cut in (1, 2, 3) if not beschermd else ():
            korter = basis[:-cut]
            if len(korter) >= 5 and korter in self:
                found.append(korter)
        return found

    def _samenstellingen_met_begin(self, basis: str) -> list[str]:
        """Compounds that start with the term: werk → werkplaats, mantelzorg → mantelzorgcafé."""
        if len(basis) < 4:
            return []
        beschermd = is_beschermd(basis)
        return [
            t
            for t in self._met_begin(basis)
            if t != basis and _is_samenstelling(basis, t) and is_beschermd(t) == beschermd
        ]

    def uitbreiden(
        self,
        woord: str,
        behoeften: frozenset[str] | None = None,
        verwant: Iterable[str] = (),
        thema: str | None = None,
    ) -> dict[str, TermTreffer]:
        """Index terms a query word may stand for, each with a match quality in (0, 1].

        Exact 1.0; synonym 0.9; derived word 0.8 (of a synonym 0.7); compound ending in the
        word 0.6 (café → mantelzorgcafé); a typo 0.7 per edit less, and its derived words
        and synonyms a tenth lower still; a part of a compound the kaart does not know 0.7
        (its last part 0.5). ``verwant`` are words the query word stands for (a phrase's
        meaning), found as synonyms (0.6). ``thema`` is the need the word is about: offers
        of that thema are found too, weakly (0.5), as the answers of last resort.

        Meanings stay within the query's needs (``behoeften``; ``None``: no restriction):
        synonyms come from groups of those needs only, and a derived word, compound or typo
        that belongs to another need is left out ("ouders" never finds "ouderen"). Typos are
        corrected only for words that are not correct Dutch, so a common word never turns
        into a name on the kaart ("anderen" is not a typo for "Anker").
        """
        stem = stam(woord)
        toegestaan = set(behoeften_van(stem)) | set(behoeften or ())
        treffers: dict[str, TermTreffer] = {}

        def past(term: str) -> bool:
            if behoeften is None or not toegestaan:
                return True  # nothing known about the need: nothing to keep apart
            ander = behoeften_van(term)
            return not ander or bool(ander & toegestaan)

        def voeg_toe(term: str, kwaliteit: float, soort: str) -> None:
            huidig = treffers.get(term)
            if soort != "exact" and not past(term):
                return
            if huidig is None or huidig.kwaliteit < kwaliteit:
                treffers[term] = TermTreffer(term, round(kwaliteit, 1), soort)

        def rond(basis: str, kwaliteit: float, soort: str) -> None:
            if basis in self:
                voeg_toe(basis, kwaliteit, soort)
            for term in self._afleidingen(basis):
                voeg_toe(term, kwaliteit - 0.2, "afleiding" if soort == "exact" else soort)
            for term in self._samenstellingen_met_begin(basis):
                # werk → werkplaats: a compound is a thing of its own, found but lower.
                voeg_toe(term, kwaliteit * 0.6, "samenstelling" if soort == "exact" else soort)
            for syn in synoniemen(basis, behoeften):
                if syn in self:
                    voeg_toe(syn, kwaliteit - 0.1, "synoniem" if soort == "exact" else soort)
                for term in self._afleidingen(syn):
                    voeg_toe(term, kwaliteit - 0.3, "synoniem" if soort == "exact" else soort)

        rond(stem, 1.0, "exact")
        for ander_woord in verwant:
            # What a phrase stands for, below what it says: "koffie drinken" → ontmoeten.
            for deel in woorden(ander_woord):
                rond(stam(deel), 0.6, "synoniem")
        if thema is not None:
            for deel in thema.split("_"):
                if stam(deel) in self:
                    voeg_toe(stam(deel), 0.5, "thema")
        if len(stem) >= 4 or (len(stem) == 3 and len(woord) >= 4):
            for term in self._met_eind(stem):
                if term != stem and _is_woordbegin(term[: -len(stem)]):
                    voeg_toe(term, 0.6, "samenstelling")
        sterk = any(t.soort in ("exact", "synoniem") for t in treffers.values())
        if sterk:
            return treffers
        for basis in _werkwoordstammen(woord):
            # A verb form the stemmer leaves alone: slaapt → slap(en), woont → won(en).
            if basis != stem and basis in self and past(basis):
                rond(basis, 0.8, "afleiding")
                return treffers
        if woord.startswith("ge") and len(woord) >= 6:
            # A past participle the stemmer leaves alone: gepest → pest(en), gebeld → bel(len).
            for basis in (stam(woord[2:]), stam(woord[2:] + "en")):
                if basis in self and past(basis):
                    rond(basis, 0.8, "afleiding")
                    return treffers
        delen = woorddelen(woord)
        if delen is not None and is_lijstwoord(woord) and min(map(len, delen)) < 4:
            # A listed word is no compound of snippets: "moeder" is not "moe" + "der".
            delen = None
        if delen is not None:
            # A compound the kaart does not have (huiswerkbegeleiding): its parts, the first
            # (what it is about) above the last (what kind of thing).
            eerste, laatste = delen
            for deel, kwaliteit in ((eerste, 0.7), (laatste, 0.5)):
                if deel not in STOPWOORDEN and deel not in VULWOORDEN:
                    basis = stam(deel)
                    if basis in self:
                        voeg_toe(basis, kwaliteit, "woorddeel")
                    for syn in synoniemen(basis, behoeften):
                        if syn in self:
                            voeg_toe(syn, kwaliteit - 0.1, "woorddeel")
        elif len(stem) >= 5 and not is_woord(woord):
            for verbeterd in verbeteringen(woord):
                # One edit from a Dutch word whose stem the kaart has: eenzaamhied → eenzaamheid.
                basis = stam(verbeterd)
                if basis in self and past(basis):
                    toegestaan.update(behoeften_van(basis))
                    rond(basis, 0.7, "tikfout")
            max_fouten = 1 if len(stem) < 8 else 2
            for term, afstand, _ in process.extract(
                stem, self.termen, scorer=OSA.distance, score_cutoff=max_fouten, limit=5
            ):
                if abs(len(term) - len(stem)) <= max_fouten:
                    # The corrected word brings its own need (mantelzrog → mantelzorg).
                    toegestaan.update(behoeften_van(term))
                    rond(term, 0.7 - 0.1 * (afstand - 1), "tikfout")
        return treffers


_KLINKERS = "aeiou"


def _werkwoordstammen(woord: str) -> list[str]:
    """Index terms of the infinitive of a present-tense verb form: slaapt → slap(en).

    Dutch adds -t to the stem (hij slaapt, zij woont); the infinitive may undouble the vowel
    (slaap·en → slapen). Only for a word ending in -t after a consonant of at least 5 letters.
    """
    if len(woord) < 5 or not woord.endswith("t") or woord[-2] in _KLINKERS:
        return []
    basis = woord[:-1]
    vormen = [basis + "en"]
    if len(basis) >= 4 and basis[-3] == basis[-2] and basis[-2] in _KLINKERS:
        vormen.append(basis[:-3] + basis[-2] + basis[-1] + "en")
    return [stam(v) for v in vormen]


def _is_samenstelling(basis: str, term: str) -> bool:
    """Whether ``term`` is ``basis`` plus another word (a compound), not plus an ending.

    "werkplaats" is a workshop, not work; "mantelzorger" is a derived word of "mantelzorg".
    Index terms are stems, so the rest is also tried with the endings the stemmer removed.
    """
    rest = term[len(basis) :]
    if len(rest) <= 2:
        return False
    if any(is_woord(rest + einde) for einde in ("", "e", "en", "s")):
        return True
    # A linking sound between the parts: vrouw·en·praatgroep, oudere·n·adviseur, huis·s·...
    return any(
        rest.startswith(klank) and len(rest) - len(klank) >= 3 and is_woord(rest[len(klank) :])
        for klank in ("en", "n", "s", "e")
    )


def _is_woordbegin(begin: str) -> bool:
    """Whether the start of a compound is a word: buurt·koffie yes, v·rouw no."""
    if len(begin) < 3:
        return False
    if begin.endswith("s") and is_woord(begin[:-1]):  # linking s: vrijwilligers·werk
        return True
    # With a restored ending only a listed word counts: "dagbe" + "en" is no word, even though
    # "dagbeen" splits as dag·been (dagbesteding is dag·besteding, not dagbe·steding).
    return is_woord(begin) or any(is_lijstwoord(begin + einde) for einde in ("e", "en"))


#: A term must occur in at least this many offers before it points to a thema.
MIN_AANBOD = 1


class ThemaProfiel:
    """What the kaart itself says about its words: how rare each term is, and which themas use it.

    Built from the index once per kaart version, so it fits any gemeente's kaart without a word
    list: a term in the names and trefwoorden of the dementie offers points to dementie, whatever
    the kaart calls them. Two uses at query time:

    - :meth:`idf`: BM25's inverse document frequency; a word in half the kaart ("hulp",
      "drinken") tells less than one in a few offers ("mantelzorg");
    - :meth:`themas_van`: the themas a term points to, as shares that add up to 1. A thema's
      share is the field-weighted count of its offers with the term divided by the number of
      its offers, so a large thema does not win by size alone.
    """

    def __init__(
        self,
        aantal: int,
        df: dict[str, int],
        per_thema: dict[str, dict[str, int]],
        grootte: dict[str, int],
    ):
        self.aantal = aantal
        self._df = df
        self._per_thema = per_thema
        self._grootte = grootte
        self._max_idf = self._bm25_idf(1) if aantal else 1.0

    @classmethod
    def laad(cls, session: Session) -> ThemaProfiel:
        """Read the profile from the index (three aggregates, done by the database)."""
        z = AanbodZoekterm
        aantal = session.scalar(select(func.count()).select_from(Aanbod)) or 0
        df: dict[str, int] = {
            term: int(n)
            for term, n in session.execute(select(z.term, func.count()).group_by(z.term))
        }
        code = aanbod_thema.c.thema_code
        grootte: dict[str, int] = {
            c: int(n) for c, n in session.execute(select(code, func.count()).group_by(code))
        }
        per_thema: dict[str, dict[str, int]] = {}
        rows = session.execute(
            select(z.term, aanbod_thema.c.thema_code, func.sum(z.gewicht))
            .join(aanbod_thema, aanbod_thema.c.aanbod_id == z.aanbod_id)
            .group_by(z.term, aanbod_thema.c.thema_code)
        )
        for term, code, gewicht in rows:
            per_thema.setdefault(term, {})[code] = int(gewicht or 0)
        return cls(aantal, df, per_thema, grootte)

    def _bm25_idf(self, df: int) -> float:
        return math.log(1 + (self.aantal - df + 0.5) / (df + 0.5))

    def df(self, term: str) -> int:
        """Number of offers with the term."""
        return self._df.get(term, 0)

    def idf(self, term: str) -> float:
        """How telling the term is, from 0 (in every offer) to 1 (in one offer only)."""
        if not self.aantal:
            return 1.0
        return max(0.0, self._bm25_idf(self.df(term))) / self._max_idf

    def themas_van(self, term: str) -> dict[str, float]:
        """The themas the term points to, as shares adding up to 1 (empty: too little evidence).

        A term of one offer only says nothing about a thema ("zwemvierdaagse" in one name would
        make its thema mates answers): the kaart must use it in :data:`MIN_AANBOD` offers.
        """
        tellingen = self._per_thema.get(term)
        if not tellingen or self.df(term) < MIN_AANBOD:
            return {}
        ruw = {code: n / max(self._grootte.get(code, 1), 1) for code, n in tellingen.items()}
        totaal = sum(ruw.values())
        return {code: waarde / totaal for code, waarde in ruw.items()} if totaal else {}


@dataclass(frozen=True)
class WijkTabel:
    """The wijken of the kaart by name (case-insensitive) and by PC4: ``(id, naam)``."""

    per_naam: dict[str, tuple[int, str]]
    per_pc4: dict[str, tuple[int, str]]


class KaartCache:
    """What searches read over and over, loaded once per kaart version and database.

    Import and the profile sync give the kaart a new version token (:func:`markeer_gewijzigd`,
    :func:`markeer_referentie_gewijzigd`), so a cached value is never older than the kaart.
    """

    def __init__(self, versie: str):
        self.versie = versie
        self._lock = threading.Lock()
        self._vocabulaire: Vocabulaire | None = None
        self._wijken: WijkTabel | None = None
        self._profiel: ThemaProfiel | None = None

    def themaprofiel(self, session: Session) -> ThemaProfiel:
        """Term rarity and thema use of the kaart, for weighting words and finding the need."""
        with self._lock:
            if self._profiel is None:
                self._profiel = ThemaProfiel.laad(session)
            return self._profiel

    def vocabulaire(self, session: Session) -> Vocabulaire:
        """All distinct index terms, for query expansion."""
        with self._lock:
            if self._vocabulaire is None:
                self._vocabulaire = Vocabulaire(
                    session.scalars(select(AanbodZoekterm.term).distinct())
                )
            return self._vocabulaire

    def wijken(self, session: Session) -> WijkTabel:
        """Wijk names and postcodes (a search needs one of them on almost every call)."""
        with self._lock:
            if self._wijken is None:
                per_naam: dict[str, tuple[int, str]] = {}
                per_pc4: dict[str, tuple[int, str]] = {}
                rows = session.execute(
                    select(Wijk.id, Wijk.naam, WijkPostcode.pc4).outerjoin(
                        WijkPostcode, WijkPostcode.wijk_id == Wijk.id
                    )
                )
                for wijk_id, naam, pc4 in rows:
                    per_naam[naam.casefold()] = (wijk_id, naam)
                    if pc4 is not None:
                        per_pc4.setdefault(pc4, (wijk_id, naam))
                self._wijken = WijkTabel(per_naam, per_pc4)
            return self._wijken


_cache_lock = threading.Lock()
_cache: dict[str, KaartCache] = {}


def kaart_versie(session: Session) -> str | None:
    """The current version token, ``None`` for a kaart that was never imported."""
    return session.scalar(select(KaartStatus.versie).where(KaartStatus.id == _STATUS_ID))


def _cache_sleutel(session: Session) -> str:
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    return engine.url.render_as_string(hide_password=False)


def laatste_kaart_cache(session: Session) -> KaartCache | None:
    """The cache this process last used for this database, unchecked (no query).

    For a caller that reads :func:`versie_kolom` in its own statement and so checks the
    version without a round trip of its own.
    """
    with _cache_lock:
        return _cache.get(_cache_sleutel(session))


def versie_kolom() -> ColumnElement[Any]:
    """The kaart version as a scalar subquery, to read in the same snapshot as the results."""
    return (
        select(KaartStatus.versie)
        .where(KaartStatus.id == _STATUS_ID)
        .scalar_subquery()
        .label("kaart_versie")
    )


def kaart_cache(session: Session) -> KaartCache:
    """The cache of this database for the current kaart version (one query to check it)."""
    sleutel = _cache_sleutel(session)
    versie = kaart_versie(session) or ""
    with _cache_lock:
        cached = _cache.get(sleutel)
        if cached is None or cached.versie != versie:
            cached = _cache[sleutel] = KaartCache(versie)
        return cached
