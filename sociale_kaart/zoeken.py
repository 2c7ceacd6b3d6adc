"""Search the sociale kaart: filters, Dutch-aware text search, the ladder's ranking, and reasons.

One implementation for the bot, the CLI and the loket page. With a text, only offers that
answer it are kept: a text score of at least :data:`RELEVANTIE_DREMPEL` percent of the best
(a word in a description alone does not make an offer an answer when others are named for it).
The results come in three tiers:

0. the best answers: fresh offers that match as many query words as the best fresh offer,
   score at least :data:`BESTE_ANTWOORD` percent of it, and are not meant only for
   mantelzorgers, ouders or jeugd when the query is about something else;
1. the other fresh answers, the better match first;
2. stale entries (not checked for ``vers_dagen`` days, or never).

Tiers 0 and 2 follow the ladder: niveau (sociale basis, algemene voorziening, maatwerk); own
wijk, whole gemeente, another wijk (with no wijk known, the better match before the
gemeente-wide one); text relevance; offers for an age group below open ones when the age is
unknown; the name. With a text a stale entry ranks below every fresh answer.

Without a text (the bot's lookups, :class:`KaartZoeker`) nothing tells offers apart but the
ladder, and niveau comes first: sociale basis, algemene voorziening, maatwerk; within a niveau
fresh before stale, own wijk or not; then own wijk, whole gemeente, another wijk; open offers
before age-bound ones when the age is unknown; an offer with fewer thema's (more specific)
first; the name. Either way a stale entry says so in its reasons, and the bot's card carries
``verouderd`` so the resident is told to call first.
Every result carries the reasons for its place, in Dutch, for loket staff and for tests.

The query is read for its meaning first (:func:`sociale_kaart.synoniemen.analyseer`): phrases
("koffie drinken"), the needs the query is about, and ambiguous words resolved by their cues,
so synonyms and derived words stay within the same need.

Who the question is for weighs in as well. A person word ("mijn vrouw", "voor ouderen")
counts half, in the score and in the coverage that decides the best answers, and an offer that
matches only person words is no answer when another offer matches what is sought. With the
age unknown, an offer for adults only ranks after the others when the query names a child
("driftbui peuter"), and one for young people only when the query is known to be about
something else ("overbelaste mantelzorger"); with the query's themas known, an offer of none of
them comes after those that are (:func:`_andere_leeftijd`, :func:`_andere_doelgroep`).

Then the kaart's own content weighs in (:class:`sociale_kaart.zoekindex.ThemaProfiel`, built per
kaart version, so it fits any gemeente's kaart): a rare word counts more than a common one
(BM25's idf, :data:`IDF_ONDERGRENS`), and the one or two themas the query is about are read from
the themas whose offers use its words, together with the synonym table's needs
(:func:`_themas_van_vraag`). Offers of those themas score a bonus (:data:`THEMA_SCORE`) that
orders the answers but never decides which offers are the best answers. When the words find a
short list (fewer than :data:`THEMA_AANVULLEN` offers, none stale), a second statement fills it:
offers of the detected themas and offers sharing the telling words of the best answers
(pseudo-relevance feedback, :func:`_terugkoppeling`) join, after the offers that match words.

Filtering, the ladder and text relevance are computed in SQL over the plain index table (no
FTS or tsvector), so SQLite and PostgreSQL give identical results. A warm search is one
statement that ranks, returns the rows to show as plain rows (not ORM objects) and reads the
kaart version that the cached wijken and vocabulary are checked against.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, collate, false, func, literal, or_, select, true, union_all
from sqlalchemy.engine import Row
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql import Select, Subquery
from sqlalchemy.sql.elements import ColumnElement

from kern.db import unit_of_work
from kern.gemeente import POSTCODE
from kern.settings import KAART_VERS_DAGEN
from kern.themas import DOELGROEPEN, THEMAS, Niveau
from kern.zoekwoorden import MAX_ZOEKWOORDEN, is_zoekwoord
from sociale_kaart.models import Aanbod, AanbodZoekterm, Organisatie, Wijk, is_vers
from sociale_kaart.models import aanbod_thema as aanbod_thema_tabel
from sociale_kaart.synoniemen import (
    ALGEMEEN,
    MEERDUIDIG,
    PERSOONWOORDEN,
    Zoekanalyse,
    analyseer,
)
from sociale_kaart.tekst import STOPWOORDEN, VULWOORDEN, stam
from sociale_kaart.tekst import woorden as tekstwoorden
from sociale_kaart.zoekindex import (
    VELD_GEWICHTEN,
    VELD_LABELS,
    KaartCache,
    TermTreffer,
    ThemaProfiel,
    Vocabulaire,
    WijkTabel,
    doelgroep_bit,
    doelgroep_bits,
    kaart_cache,
    kaart_versie,
    laatste_kaart_cache,
    versie_kolom,
)

#: An offer answers a text when its text score is at least this share (in percent) of the best
#: offer's score; the rest is left out.
RELEVANTIE_DREMPEL = 40

#: The best answers come first, in the ladder's order: fresh offers that match as many query
#: words as the best fresh offer and score at least this share (percent) of it. The other
#: answers follow, fresh ones first and the better match first. A stale offer is never a best
#: answer, so within a niveau it ranks below every fresh one, own wijk or not.
BESTE_ANTWOORD = 60

#: Weight of a match per field weight in the index (``VELD_GEWICHTEN``), at query time. A thema
#: is a broad category and a description mentions much in passing: a word in the name or the
#: trefwoorden says far more about what an offer is for. Applied here, not in the index, so
#: tuning it needs no rebuild.
SCORE_PER_VELD: dict[int, int] = {5: 10, 4: 8, 3: 4, 2: 3, 1: 2}

#: BM25's idea, on this kaart: a query word's matches count between this share (a word in
#: every offer, such as "hulp") and all of their weight (a word in one offer only), by its
#: inverse document frequency (:meth:`ThemaProfiel.idf`).
IDF_ONDERGRENS = 0.5

#: The need of a query, read from the kaart's own words (:func:`_themas_van_vraag`): a thema is
#: detected when it has at least this share of the query's thema profile, and at least
#: :data:`THEMA_NAAST_BESTE` of the top thema's share (at most :data:`MAX_THEMAS` themas).
THEMA_AANDEEL = 0.3
THEMA_NAAST_BESTE = 0.5
MAX_THEMAS = 2

#: Score (in the units of a match: quality in hundredths times the field's score) an offer of
#: a detected thema gets, times that thema's share relative to the top thema. About a thema
#: word matched in the trefwoorden at half quality: below a clear match of the query's words,
#: above a word in passing in the description of an offer about something else. When the words
#: find a short list (:data:`THEMA_AANVULLEN`), offers of a detected thema fill it, after the
#: offers that match.
THEMA_SCORE = 400

#: Offers of a detected thema that share no word with the query are added only when fewer
#: than this many offers match its words, none of them stale: they fill a short list, and do
#: not bury a stale exact answer (which must stay below every fresh offer of its niveau) under
#: fresh thema mates.
THEMA_AANVULLEN = 3

#: Pseudo-relevance feedback (:func:`_terugkoppeling`) for such a short list: the telling words
#: of the best one or two answers are searched at this quality (times their rarity), at most
#: this many words.
TERUGKOPPELING_BRONNEN = 2
TERUGKOPPELING_TERMEN = 10
VERWANT_KWALITEIT = 0.3


class ZoekFout(ValueError):
    """A search the kaart cannot answer as asked (unknown thema, wijk, postcode); Dutch message."""


@dataclass(frozen=True)
class AanbodKaartje:
    """What the bot shows of one offer (and sends in the ``aanbod`` payload).

    ``verouderd``: not checked within the freshness limit (or never), so the bot tells the
    resident to call first; the bot still shows it, below the fresh offers of its niveau.
    """

    id: str
    naam: str
    organisatie: str
    niveau: str
    wijk: str | None
    telefoon: str | None
    website: str | None
    email: str | None
    omschrijving: str
    laatst_gecontroleerd: date | None = None
    verouderd: bool = False


@dataclass(frozen=True)
class AanbodGegevens:
    """Everything a search result shows of one offer.

    Read as plain rows in one statement, not as ORM objects: a search is read-only, and
    loading ORM objects with their relations cost more than the search itself.
    """

    id: str
    naam: str
    organisatie: str
    niveau: Niveau
    omschrijving: str
    wijk_id: int | None
    wijk: str | None
    themas: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    leeftijd_min: int | None
    leeftijd_max: int | None
    telefoon: str | None
    email: str | None
    website: str | None
    adres: str | None
    postcode: str | None
    openingstijden: str | None
    laatst_gecontroleerd: date | None
    sorteernaam: str

    def is_vers(self, peildatum: date, max_dagen: int) -> bool:
        """Whether the entry was checked recently enough to trust."""
        return is_vers(self.laatst_gecontroleerd, peildatum, max_dagen)


@dataclass(frozen=True)
class ZoekVraag:
    """Filters of one search; ``None`` means: do not filter on it.

    ``tekst`` is free text ("mantelzorg dementie"); ``postcode`` (PC4 or full) stands in for
    ``wijk`` when the wijk is not known; ``doelgroep`` keeps offers for that group or everyone.
    """

    thema: str | None = None
    leeftijd: int | None = None
    minderjarig: bool | None = None
    wijk: str | None = None
    niveaus: tuple[Niveau, ...] = tuple(Niveau)
    peildatum: date = field(default_factory=date.today)
    vers_dagen: int = KAART_VERS_DAGEN
    tekst: str | None = None
    doelgroep: str | None = None
    postcode: str | None = None


@dataclass(frozen=True)
class Treffer:
    """Why an offer matched one query word."""

    zoekwoord: str
    term: str
    soort: str  # exact | synoniem | afleiding | samenstelling | woorddeel | tikfout
    veld: str

    def uitleg(self) -> str:
        """Dutch explanation for loket staff."""
        veld = VELD_LABELS.get(self.veld, self.veld)
        if self.soort == "exact":
            return f"'{self.zoekwoord}' in {veld}"
        soorten = {
            "synoniem": "als synoniem",
            "afleiding": "als afgeleid woord",
            "samenstelling": "in samenstelling",
            "woorddeel": "via woorddeel",
            "thema": "via het thema",
            "tikfout": "als tikfout voor",
        }
        return f"'{self.zoekwoord}' {soorten.get(self.soort, self.soort)} '{self.term}' in {veld}"


@dataclass(frozen=True)
class Resultaat:
    """One hit with the reasons for its rank (for loket staff and for tests)."""

    aanbod: AanbodGegevens
    vers: bool
    redenen: tuple[str, ...]
    sorteer: tuple[object, ...]
    score: float = 0.0
    treffers: tuple[Treffer, ...] = ()

    def kaartje(self) -> AanbodKaartje:
        """The resident-facing summary."""
        a = self.aanbod
        return AanbodKaartje(
            id=a.id,
            naam=a.naam,
            organisatie=a.organisatie,
            niveau=a.niveau.value,
            wijk=a.wijk,
            telefoon=a.telefoon,
            website=a.website,
            email=a.email,
            omschrijving=eerste_zin(a.omschrijving),
            laatst_gecontroleerd=a.laatst_gecontroleerd,
            verouderd=not self.vers,
        )

    def als_dict(self) -> dict[str, Any]:
        """JSON-ready view for scripts and the loket page."""
        a = self.aanbod
        return {
            "id": a.id,
            "naam": a.naam,
            "organisatie": a.organisatie,
            "niveau": a.niveau.value,
            "wijk": a.wijk,
            "themas": list(a.themas),
            "doelgroepen": list(a.doelgroepen),
            "leeftijd_min": a.leeftijd_min,
            "leeftijd_max": a.leeftijd_max,
            "telefoon": a.telefoon,
            "email": a.email,
            "website": a.website,
            "adres": a.adres,
            "postcode": a.postcode,
            "openingstijden": a.openingstijden,
            "laatst_gecontroleerd": (
                a.laatst_gecontroleerd.isoformat() if a.laatst_gecontroleerd else None
            ),
            "vers": self.vers,
            "score": round(self.score, 3),
            "redenen": list(self.redenen),
            "omschrijving": eerste_zin(a.omschrijving),
        }


def eerste_zin(text: str) -> str:
    """The first sentence: the template asks gemeenten to make it a one-line summary."""
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


@dataclass(frozen=True)
class _WijkKeuze:
    id: int | None
    naam: str | None
    filter: bool  # False: no wijk known, rank whole gemeente before other wijken


def _kies_wijk(tabel: WijkTabel, vraag: ZoekVraag) -> _WijkKeuze:
    if vraag.wijk:
        gevonden = tabel.per_naam.get(vraag.wijk.strip().casefold())
        if gevonden is not None:
            return _WijkKeuze(gevonden[0], gevonden[1], True)
        # An unknown wijk: we cannot tell where the resident lives, so no wijk offers at all.
        return _WijkKeuze(None, vraag.wijk, True)
    if vraag.postcode:
        match = POSTCODE.match(vraag.postcode)
        gevonden = tabel.per_pc4.get(match.group(1)) if match else None
        if gevonden is not None:
            return _WijkKeuze(gevonden[0], gevonden[1], True)
        return _WijkKeuze(None, None, True)
    return _WijkKeuze(None, None, False)


def _heeft_bits(masker: int) -> ColumnElement[Any]:
    return Aanbod.doelgroep_bits.op("&")(masker) != 0


def _filters(vraag: ZoekVraag, wijk: _WijkKeuze) -> list[ColumnElement[Any]]:
    filters: list[ColumnElement[Any]] = [Aanbod.niveau.in_(list(vraag.niveaus))]
    if vraag.thema:
        # IN (subquery) lets the database start from the thema index instead of every offer.
        filters.append(
            Aanbod.id.in_(
                select(aanbod_thema_tabel.c.aanbod_id).where(
                    aanbod_thema_tabel.c.thema_code == vraag.thema
                )
            )
        )
    if wijk.filter:
        in_wijk = Aanbod.wijk_id == wijk.id if wijk.id is not None else false()
        filters.append(or_(Aanbod.wijk_id.is_(None), in_wijk))
    if vraag.leeftijd is not None:
        filters.append(or_(Aanbod.leeftijd_min.is_(None), Aanbod.leeftijd_min <= vraag.leeftijd))
        filters.append(or_(Aanbod.leeftijd_max.is_(None), Aanbod.leeftijd_max >= vraag.leeftijd))
    elif vraag.minderjarig is True:
        filters.append(or_(Aanbod.leeftijd_min.is_(None), Aanbod.leeftijd_min < 18))
    elif vraag.minderjarig is False:
        filters.append(or_(Aanbod.leeftijd_max.is_(None), Aanbod.leeftijd_max >= 18))

    # Doelgroepen: an offer without doelgroepen, or for "iedereen", suits everyone.
    alle = doelgroep_bits(DOELGROEPEN)
    voor_iedereen = or_(Aanbod.doelgroep_bits == 0, _heeft_bits(doelgroep_bit("iedereen")))
    minderjarig = vraag.minderjarig if vraag.leeftijd is None else vraag.leeftijd < 18
    if minderjarig is True:
        filters.append(
            or_(voor_iedereen, _heeft_bits(doelgroep_bits(("jeugd", "ouders", "mantelzorgers"))))
        )
    elif minderjarig is False:
        # Not only for young people; under 65 also not only for older people. An offer that
        # names its own ages ("Gymclub 55+", "jongerencoach 16 tot 27") is judged by those:
        # the age filter above already checked them.
        volwassen = _heeft_bits(alle & ~doelgroep_bit("jeugd"))
        if vraag.leeftijd is not None and vraag.leeftijd < 65:
            volwassen = and_(volwassen, _heeft_bits(alle & ~doelgroep_bit("ouderen")))
        if vraag.leeftijd is not None:
            eigen_leeftijd = or_(Aanbod.leeftijd_min.is_not(None), Aanbod.leeftijd_max.is_not(None))
            volwassen = or_(volwassen, eigen_leeftijd)
        filters.append(or_(voor_iedereen, volwassen))
    if vraag.doelgroep in DOELGROEPEN:
        filters.append(or_(voor_iedereen, _heeft_bits(doelgroep_bit(vraag.doelgroep))))
    return filters


def _niveau_rang() -> ColumnElement[Any]:
    return case(*[(Aanbod.niveau == n, n.rang) for n in Niveau], else_=len(Niveau))


def _wijk_rang(wijk: _WijkKeuze) -> ColumnElement[Any]:
    eigen = Aanbod.wijk_id == wijk.id if wijk.id is not None else false()
    return case((eigen, 0), (Aanbod.wijk_id.is_(None), 1), else_=2)


def _vers_rang(vraag: ZoekVraag) -> ColumnElement[Any]:
    # Never checked (NULL) is stale: the comparison is not true, so it takes the else branch.
    grens = vraag.peildatum - timedelta(days=vraag.vers_dagen)
    return case((Aanbod.laatst_gecontroleerd >= grens, 0), else_=1)


def _thema_aantal() -> ColumnElement[Any]:
    """How many thema's an offer has: without words, one for this thema alone is more specific."""
    return (
        select(func.count())
        .select_from(aanbod_thema_tabel)
        .where(aanbod_thema_tabel.c.aanbod_id == Aanbod.id)
        .scalar_subquery()
    )


def _leeftijd_rang(vraag: ZoekVraag) -> ColumnElement[Any]:
    """With the age unknown, offers for an age group rank below offers for everyone."""
    open_voor_iedereen = and_(Aanbod.leeftijd_min.is_(None), Aanbod.leeftijd_max.is_(None))
    if vraag.leeftijd is not None:
        open_voor_iedereen = or_(open_voor_iedereen, true())
    return case((open_voor_iedereen, 0), else_=1)


def _binair(session: Session, column: Any) -> Any:
    """Byte order, as Python sorts; PostgreSQL's default collation ignores spaces."""
    if session.get_bind().dialect.name == "postgresql":
        return collate(column, "C")
    return column


def _honderdsten(treffer: TermTreffer, factor: float) -> int:
    """Match quality times the word's rarity factor, in hundredths.

    Integers, so SQLite and PostgreSQL add up scores identically.
    """
    return max(1, round(treffer.kwaliteit * factor * 100))


#: Scores are kept in SQL as integers: quality in hundredths times the field's score; shown
#: divided by this, on the scale of one exact match in a name being 10.
_SCHAAL = 100


#: Packing of one query word's best match into one integer, so SQL's MAX() finds the best
#: score and also tells which term and field gave it: score * 10000 + term number * 10 +
#: field weight. Ties on score go to the later term in sort order, as in :func:`_uitpakken`.
_SCORE_FACTOR = 10_000
_TERM_FACTOR = 10
_DEKKING_FACTOR = 1_000_000  # above any text score (at most 1000 per query word + thema)
_GEWICHT_VELD = {gewicht: veld for veld, gewicht in VELD_GEWICHTEN.items()}

#: Coverage counts in halves, so a unit of weight 0.5 (a person word) counts 1 and others 2.
_HEEL = 2


def _dekkingsgewichten(analyse: Zoekanalyse) -> dict[str, int]:
    """Per query unit its share in the coverage, in halves (integers: SQL adds them up)."""
    return {b.woord: max(1, round(b.gewicht * _HEEL)) for b in analyse.begrippen}


def _dekking_tekst(dekking: int) -> str:
    """Coverage in query words for the reasons: 2, or 1.5 when a person word counts half."""
    return f"{dekking / _HEEL:g}"


def _uitpakken(
    waarde: int, woord: str, termen: list[str], treffers: dict[str, TermTreffer]
) -> tuple[int, Treffer] | None:
    if not waarde:
        return None
    score, rest = divmod(waarde, _SCORE_FACTOR)
    term = termen[rest // _TERM_FACTOR - 1]
    veld = _GEWICHT_VELD[rest % _TERM_FACTOR]
    return score, Treffer(woord, term, treffers[term].soort, veld)


def _tekst_rangschikking(
    session: Session,
    vraag: ZoekVraag,
    wijk: _WijkKeuze,
    filters: list[ColumnElement[Any]],
    per_woord: dict[str, dict[str, TermTreffer]],
    behoeften: frozenset[str],
    limiet: int,
    factoren: dict[str, float] | None = None,
    thema_bonus: dict[str, int] | None = None,
    verwant: dict[str, int] | None = None,
    aanvullen: bool = False,
    bronnen: Sequence[str] = (),
    dekkingsgewicht: dict[str, int] | None = None,
    genoemd: frozenset[str] = frozenset(),
) -> Subquery:
    """The offers that answer a text: the best answers by the ladder, then the others.

    Scores are aggregated in SQL (one row per offer), so a common word that matches thousands
    of index rows costs the database a scan, not Python a loop; the packed maxima (columns
    ``s0``, ``s1``, ... per query word) also carry the explanation, so no second query is needed.
    The best score over all candidates (a window) sets the bar an offer must pass to be kept.
    Offers of a detected thema (``thema_bonus``: code → score) score on top of their text;
    with ``aanvullen`` they join the candidates through their thema rows, so they are found
    without sharing a word with the query. ``verwant``
    (term → quality in hundredths) are the telling words of the best answers (pseudo-relevance
    feedback, :func:`_terugkoppeling`): an offer that shares them scores, like the thema, on
    top of its text score. The ``bronnen`` those words came from do not: every source shares
    all of its own words, and would climb on its own echo above the offers that match.
    """
    z = AanbodZoekterm
    factoren = factoren or {}
    verwant = verwant or {}
    alle_termen = sorted({t for treffers in per_woord.values() for t in treffers} | set(verwant))
    verwant_score: ColumnElement[Any] = (
        case(verwant, value=z.term, else_=0) * case(SCORE_PER_VELD, value=z.gewicht, else_=0)
        if verwant
        else literal(0)
    )
    if verwant and bronnen:
        verwant_score = case((z.aanbod_id.in_(sorted(bronnen)), 0), else_=verwant_score)
    woordrijen = select(
        z.aanbod_id.label("aanbod_id"),
        z.term.label("term"),
        z.gewicht.label("gewicht"),
        verwant_score.label("verwant"),
    ).where(z.term.in_(alle_termen))
    at = aanbod_thema_tabel.c
    if thema_bonus and aanvullen:
        # The offers of the thema join the candidates (only for a short list: see _zoek).
        themarijen = select(
            at.aanbod_id.label("aanbod_id"),
            literal("").label("term"),
            literal(0).label("gewicht"),
            literal(0).label("verwant"),
        ).where(at.thema_code.in_(sorted(thema_bonus)))
        rijen = union_all(woordrijen, themarijen).subquery("rijen")
    else:
        rijen = woordrijen.subquery("rijen")
    bonus: ColumnElement[Any] = literal(0)
    if thema_bonus:
        # Per candidate: its themas' bonus; an offer about fewer themas is more about each
        # (1 thema: full, 2: two thirds, 3: half).
        bonus = (
            select(
                func.coalesce(func.sum(case(thema_bonus, value=at.thema_code, else_=0)), 0)
                * 2
                / (func.count() + 1)
            )
            .where(at.aanbod_id == Aanbod.id)
            .scalar_subquery()
        )
    r = rijen.c
    veldscore: ColumnElement[Any] = case(SCORE_PER_VELD, value=r.gewicht, else_=0)
    gepakt = []
    for woord, treffers in per_woord.items():
        termen = sorted(treffers)
        assert len(termen) < _SCORE_FACTOR // _TERM_FACTOR
        factor = factoren.get(woord, 1.0)
        # value per term: quality (hundredths) * field score * F + term number * 10 + weight
        kwaliteit: ColumnElement[Any] = case(
            {t: _honderdsten(treffers[t], factor) for t in termen}, value=r.term, else_=0
        )
        nummer: ColumnElement[Any] = case(
            {t: i for i, t in enumerate(termen, start=1)}, value=r.term, else_=0
        )
        waarde = kwaliteit * veldscore * _SCORE_FACTOR + nummer * _TERM_FACTOR + r.gewicht
        gepakt.append(func.max(case((kwaliteit > 0, waarde), else_=0)))
    sub = (
        select(
            r.aanbod_id.label("aanbod_id"),
            func.sum(r.verwant).label("verwant"),
            # Whether a query word's term is in the name (also when a longer trefwoord match
            # scored more): the name says what an offer is, so among equal scores it goes first.
            func.max(
                case(
                    (
                        and_(
                            r.gewicht == VELD_GEWICHTEN["naam"],
                            r.term.in_(sorted({t for tr in per_woord.values() for t in tr})),
                        ),
                        1,
                    ),
                    else_=0,
                )
            ).label("in_naam"),
            *[g.label(f"s{i}") for i, g in enumerate(gepakt)],
        )
        .group_by(r.aanbod_id)
        .subquery()
    )
    kolommen = [sub.c[f"s{i}"] for i in range(len(gepakt))]
    # Coverage: how much of the query's meaning an offer matches, each unit by its weight
    # (:func:`_dekkingsgewichten`): "peuter" in "driftbui peuter" says for whom, so an offer
    # matching only that does not cover as much as one matching the problem.
    gewichten = dekkingsgewicht or {}
    dekking: ColumnElement[Any] = sum(
        (
            case((k > 0, gewichten.get(woord, _HEEL)), else_=0)
            for woord, k in zip(per_woord, kolommen, strict=True)
        ),
        start=literal(0),
    )
    # The query units that say what is sought, not for whom: when some offer matches one of
    # them, an offer that matches only a person word is no answer ("mijn vrouw is overleden"
    # is not a question for the vrouwenopvang, "computerles voor ouderen" not for the
    # ouderenadviseur).
    inhoud: ColumnElement[Any] = sum(
        (
            case((k > 0, 1), else_=0)
            for woord, k in zip(per_woord, kolommen, strict=True)
            if gewichten.get(woord, _HEEL) >= _HEEL
        ),
        start=literal(0),
    )
    # Integer division on both databases.
    score: ColumnElement[Any] = sum((k / _SCORE_FACTOR for k in kolommen), start=literal(0))
    ladder = [
        *_ladder(vraag, wijk),
        _leeftijd_rang(vraag),
        _andere_doelgroep(vraag, behoeften, genoemd),
    ]
    kandidaten = (
        select(
            Aanbod.id.label("id"),
            dekking.label("dekking"),
            score.label("score"),
            func.max(score).over().label("beste"),
            inhoud.label("inhoud"),
            func.max(inhoud).over().label("beste_inhoud"),
            # The best fresh offer (most query words, then score) sets the bar for the best
            # answers, packed as dekking * F + score so that one window finds both.
            func.max(case((_vers_rang(vraag) == 0, dekking * _DEKKING_FACTOR + score), else_=0))
            .over()
            .label("beste_vers"),
            *[rang.label(f"r{i}") for i, rang in enumerate(ladder)],
            Aanbod.sorteernaam.label("naam_sortering"),
            bonus.label("bonus"),
            func.coalesce(sub.c.verwant, 0).label("verwant"),
            func.coalesce(sub.c.in_naam, 0).label("in_naam"),
            *[kolom.label(f"s{i}") for i, kolom in enumerate(kolommen)],
        )
        .join(sub, sub.c.aanbod_id == Aanbod.id)
        .where(*filters)
        .subquery("kandidaten")
    )
    k = kandidaten.c
    # The thema bonus orders answers, but which offers are the best answers and which are kept
    # is decided by the query's own words.
    totaal = k.score + k.bonus + k.verwant
    # r0 niveau, r1 freshness (0 = fresh), r2 wijk, r3 age; r4 1 = for another doelgroep.
    beste_dekking = k.beste_vers / _DEKKING_FACTOR  # integer division on both databases
    beste_score = k.beste_vers - beste_dekking * _DEKKING_FACTOR
    # Tier 0: the best answers; 1: the other fresh answers; 2: stale answers.
    trede: ColumnElement[Any] = case(
        (k.r1 != 0, 2),
        (
            and_(
                k.r4 == 0,
                k.dekking >= beste_dekking,
                k.score * 100 >= beste_score * BESTE_ANTWOORD,
            ),
            0,
        ),
        else_=1,
    )
    return (
        select(
            k.id,
            k.dekking,
            k.beste_vers,
            k.bonus,
            k.verwant,
            k.in_naam,
            *[k[f"s{i}"] for i in range(len(gepakt))],
        )
        # An answer scores near the best; filling a short list (see _zoek), so does an offer
        # of the query's thema or one like the best answers.
        .where(
            or_(
                k.score * 100 >= k.beste * RELEVANTIE_DREMPEL,
                or_(k.bonus > 0, k.verwant > 0),
            )
            if aanvullen
            else k.score * 100 >= k.beste * RELEVANTIE_DREMPEL,
            # Matching only who it is for is no answer when others match what is sought.
            or_(k.inhoud > 0, k.beste_inhoud == 0, k.dekking == 0),
        )
        .order_by(
            # The best answers and the stale ones by the ladder, the others best match first.
            trede,
            # Among the others, an offer only for another doelgroep after the rest.
            case((trede == 1, k.r4), else_=0),
            # Then, with the query's themas known, an offer of none of them after the rest: it
            # matched a word in another sense ("cafe" in "alzheimer cafe": the Repair Café).
            case((and_(trede == 1, k.bonus == 0), 1 if thema_bonus else 0), else_=0),
            case((trede == 1, -totaal), else_=0),
            k.r0,
            # Own wijk before the rest; with no wijk known, the better match before the
            # gemeente-wide one (a wijk offer may well be the resident's own).
            *((k.r2, totaal.desc()) if wijk.filter else (totaal.desc(), k.r2)),
            k.in_naam.desc(),
            k.r3,
            _binair(session, k.naam_sortering),
            _binair(session, k.id),
        )
        .limit(limiet)
        .subquery("gerangschikt")
    )


#: Doelgroepen an offer can be meant for only: such an offer is no best answer to a query that
#: does not point to that group ("koffie drinken" → not the mantelzorgers' meeting).
_BIJZONDERE_DOELGROEPEN = ("mantelzorgers", "ouders", "jeugd")
_DOELGROEPEN_PER_BEHOEFTE: dict[str, tuple[str, ...]] = {
    "mantelzorg": ("mantelzorgers",),
    "dementie": ("mantelzorgers",),
    "opvoeden_opgroeien": ("ouders", "jeugd"),
    "ouders": ("ouders",),
}


#: With the age unknown, an offer that ends at this age or younger is for young people. In the
#: sociaal domein "jongeren" and "jonge mantelzorgers" run up to 24 or 25 (CBS: 15 to 25).
JEUGD_TOT_EN_MET = 25


def _bedoelde_doelgroepen(
    vraag: ZoekVraag, behoeften: frozenset[str], genoemd: frozenset[str] = frozenset()
) -> set[str] | None:
    """The special doelgroepen the query points to; ``None``: unknown, so demote nothing.

    ``genoemd`` are the doelgroepen the query's words name (:attr:`Zoekanalyse.doelgroepen`).
    """
    if not behoeften and not vraag.doelgroep and not genoemd:
        return None
    groepen = {g for b in behoeften for g in _DOELGROEPEN_PER_BEHOEFTE.get(b, ())}
    groepen.update(genoemd)
    if vraag.doelgroep:
        groepen.add(vraag.doelgroep)
    if (vraag.leeftijd is not None and vraag.leeftijd < 18) or vraag.minderjarig:
        groepen.add("jeugd")
    return groepen


def _leeftijd_onbekend(vraag: ZoekVraag) -> bool:
    return vraag.leeftijd is None and vraag.minderjarig is None


#: Doelgroepen of grown-ups only: an offer for just these does not serve a child.
_VOLWASSEN_DOELGROEPEN = ("volwassenen", "ouderen")


def _andere_leeftijd(
    vraag: ZoekVraag,
    bedoeld: set[str] | None,
    leeftijd_min: int | None,
    leeftijd_max: int | None,
    groepen: Sequence[str] = (),
) -> str | None:
    """Why an offer's age range does not fit a query whose age is unknown, else ``None``.

    A query about a child ("driftbui peuter") does not fit an offer for adults only (by age or
    by doelgroepen); a query
    about something else (known, but not about young people) does not fit an offer for young
    people only ("overbelaste mantelzorger" → not the club for young carers). With the age
    known the filters already keep out what does not fit.
    """
    if bedoeld is None or not _leeftijd_onbekend(vraag):
        return None
    if "jeugd" in bedoeld:
        if leeftijd_min is not None and leeftijd_min >= 18:
            return f"alleen voor {leeftijd_min} jaar en ouder; de vraag gaat over een kind"
        if groepen and set(groepen) <= set(_VOLWASSEN_DOELGROEPEN):
            return f"alleen voor {', '.join(sorted(groepen))}; de vraag gaat over een kind"
    elif leeftijd_max is not None and leeftijd_max <= JEUGD_TOT_EN_MET and "ouders" not in groepen:
        # For ouders the ages are the child's (logeeropvang for children 4 to 17 is asked for
        # by the parent): whether the question is about them, the doelgroep rule decides.
        return f"alleen voor jongeren tot {leeftijd_max} jaar; de vraag gaat niet over jongeren"
    return None


def _andere_doelgroep(
    vraag: ZoekVraag, behoeften: frozenset[str], genoemd: frozenset[str] = frozenset()
) -> ColumnElement[Any]:
    """1 for an offer meant for another group than the query (see :func:`_andere_leeftijd`).

    Only for mantelzorgers, ouders or jeugd when the query is not about them; or, with the age
    unknown, for adults only when the query is about a child, or for young people only when it
    is not.
    """
    groepen = _bedoelde_doelgroepen(vraag, behoeften, genoemd)
    if groepen is None:
        return literal(0)
    bijzonder = doelgroep_bits(_BIJZONDERE_DOELGROEPEN)
    alle = doelgroep_bits(DOELGROEPEN)
    overig = alle & ~bijzonder
    bedoeld = doelgroep_bits(groepen)
    bits = Aanbod.doelgroep_bits
    alleen_bijzonder = and_(bits != 0, bits.op("&")(overig) == 0)
    if bedoeld:
        alleen_bijzonder = and_(alleen_bijzonder, bits.op("&")(bedoeld) == 0)
    anders: list[ColumnElement[Any]] = [alleen_bijzonder]
    if _leeftijd_onbekend(vraag):
        if "jeugd" in groepen:
            volwassen = doelgroep_bits(_VOLWASSEN_DOELGROEPEN)
            anders.append(Aanbod.leeftijd_min >= 18)
            anders.append(and_(bits != 0, bits.op("&")(~volwassen & alle) == 0))
        else:
            # For ouders the ages are the child's (see _andere_leeftijd).
            anders.append(
                and_(
                    Aanbod.leeftijd_max <= JEUGD_TOT_EN_MET,
                    bits.op("&")(doelgroep_bit("ouders")) == 0,
                )
            )
    return case((or_(*anders), 1), else_=0)


def _ladder(vraag: ZoekVraag, wijk: _WijkKeuze) -> list[ColumnElement[Any]]:
    return [_niveau_rang(), _vers_rang(vraag), _wijk_rang(wijk)]


def _thema_lijst(session: Session) -> ColumnElement[Any]:
    """An offer's thema codes as one comma-separated string (codes never hold a comma)."""
    codes = aanbod_thema_tabel.c.thema_code
    if session.get_bind().dialect.name == "postgresql":
        samen = func.string_agg(codes, literal(","))
    else:
        samen = func.group_concat(codes, literal(","))
    return (
        select(samen)
        .where(aanbod_thema_tabel.c.aanbod_id == Aanbod.id)
        .scalar_subquery()
        .label("themas")
    )


def _met_gegevens(session: Session, gerangschikt: Subquery) -> Select:
    """The ranked ids joined with everything a result shows: one round trip, plain rows."""
    return (
        select(
            gerangschikt,
            Aanbod.naam,
            Organisatie.naam.label("organisatie"),
            Aanbod.niveau,
            Aanbod.omschrijving,
            Aanbod.wijk_id,
            Wijk.naam.label("wijk"),
            _thema_lijst(session),
            Aanbod.doelgroep_bits,
            Aanbod.leeftijd_min,
            Aanbod.leeftijd_max,
            Aanbod.telefoon,
            Aanbod.email,
            Aanbod.website,
            Aanbod.adres,
            Aanbod.postcode,
            Aanbod.openingstijden,
            Aanbod.laatst_gecontroleerd,
            Aanbod.sorteernaam,
            versie_kolom(),
        )
        .select_from(gerangschikt)
        .join(Aanbod, Aanbod.id == gerangschikt.c.id)
        .join(Organisatie, Organisatie.id == Aanbod.organisatie_id)
        .outerjoin(Wijk, Wijk.id == Aanbod.wijk_id)
    )


def _gegevens(row: Row) -> AanbodGegevens:
    bits = row.doelgroep_bits or 0
    return AanbodGegevens(
        id=row.id,
        naam=row.naam,
        organisatie=row.organisatie,
        niveau=Niveau(row.niveau),
        omschrijving=row.omschrijving or "",
        wijk_id=row.wijk_id,
        wijk=row.wijk,
        themas=tuple(sorted(row.themas.split(","))) if row.themas else (),
        doelgroepen=tuple(sorted(g for g in DOELGROEPEN if bits & doelgroep_bit(g))),
        leeftijd_min=row.leeftijd_min,
        leeftijd_max=row.leeftijd_max,
        telefoon=row.telefoon,
        email=row.email,
        website=row.website,
        adres=row.adres,
        postcode=row.postcode,
        openingstijden=row.openingstijden,
        laatst_gecontroleerd=row.laatst_gecontroleerd,
        sorteernaam=row.sorteernaam,
    )


def zoek(session: Session, vraag: ZoekVraag, limiet: int = 10) -> list[Resultaat]:
    """Filter, rank by the ladder (then text relevance) and explain every rank.

    One statement on a warm cache: it ranks in SQL, returns the rows to show and reads the
    kaart version in the same snapshot. When that version is not the one the cached wijken and
    vocabulary belong to (an import happened), the search runs again on a fresh cache.
    """
    cache = laatste_kaart_cache(session)
    if cache is not None:
        resultaten = _zoek(session, vraag, limiet, cache)
        if resultaten is not None:
            return resultaten
    resultaten = _zoek(session, vraag, limiet, kaart_cache(session))
    if resultaten is None:  # the kaart changed again in between: check once more, no loop
        resultaten = _zoek(session, vraag, limiet, kaart_cache(session), gecontroleerd=True)
    return resultaten or []


def _zoek(
    session: Session,
    vraag: ZoekVraag,
    limiet: int,
    cache: KaartCache,
    *,
    gecontroleerd: bool = False,
) -> list[Resultaat] | None:
    """One search on ``cache``; ``None`` when the kaart version moved on from it."""

    def verouderd() -> bool:
        return not gecontroleerd and (kaart_versie(session) or "") != cache.versie

    wijk = _kies_wijk(cache.wijken(session), vraag)
    filters = _filters(vraag, wijk)
    analyse = analyseer(vraag.tekst or "", vraag.thema)
    woorden = [b.woord for b in analyse.begrippen]
    per_woord: dict[str, dict[str, TermTreffer]] = {}
    if woorden:
        per_woord = _uitgebreid(analyse, cache.vocabulaire(session))
        if not per_woord:
            # Unknown words, or words that a newer kaart knows: only the version can tell.
            return None if verouderd() else []
        profiel = cache.themaprofiel(session)
        factoren = _zeldzaamheid(per_woord, profiel)
        gevonden_themas = {} if vraag.thema else _themas_van_vraag(analyse, per_woord, profiel)
        thema_bonus = {
            code: round(THEMA_SCORE * aandeel) for code, aandeel in gevonden_themas.items()
        }
        rangschik = functools.partial(
            _tekst_rangschikking,
            session,
            vraag,
            wijk,
            filters,
            per_woord,
            analyse.behoeften,
            limiet,
            factoren,
            thema_bonus,
            dekkingsgewicht=_dekkingsgewichten(analyse),
            genoemd=analyse.doelgroepen,
        )
        gerangschikt = rangschik()
        rows = session.execute(_met_gegevens(session, gerangschikt)).all()
        if rows and not gecontroleerd and (rows[0].kaart_versie or "") != cache.versie:
            return None
        bronnen, verwant = _terugkoppeling(
            session, vraag, rows, per_woord, profiel, gevonden_themas
        )
        if verwant or (thema_bonus and _kort(vraag, rows, True)):
            gerangschikt = rangschik(verwant, aanvullen=True, bronnen=tuple(bronnen))
            rows = session.execute(_met_gegevens(session, gerangschikt)).all()
    else:
        gerangschikt = (
            select(Aanbod.id.label("id"))
            .where(*filters)
            .order_by(
                # Without words nothing tells the offers apart but the ladder: niveau first
                # (the bot must find the sociale basis), fresh before stale within a niveau,
                # then own wijk, then the specific offer before the broad one (issue 10).
                # The same order as _resultaat's key for a search without text.
                _niveau_rang(),
                _vers_rang(vraag),
                _wijk_rang(wijk),
                _leeftijd_rang(vraag),
                _thema_aantal(),
                _binair(session, Aanbod.sorteernaam),
                _binair(session, Aanbod.id),
            )
            .limit(limiet)
            .subquery("gerangschikt")
        )
        rows = session.execute(_met_gegevens(session, gerangschikt)).all()
        bronnen = {}
    if rows and not gecontroleerd and (rows[0].kaart_versie or "") != cache.versie:
        return None
    if not rows and verouderd():
        return None
    termen_per_woord = {w: sorted(treffers) for w, treffers in per_woord.items()}
    if not per_woord:
        gevonden_themas = {}
    bedoeld = _bedoelde_doelgroepen(vraag, analyse.behoeften, analyse.doelgroepen)
    resultaten = []
    for row in rows:
        tekst = None
        if per_woord:
            uitgepakt = [
                _uitpakken(
                    int(row._mapping[f"s{i}"] or 0), woord, termen_per_woord[woord], treffers
                )
                for i, (woord, treffers) in enumerate(per_woord.items())
            ]
            gevonden = [u for u in uitgepakt if u is not None]
            tekst = (
                sum(u[0] for u in gevonden),
                tuple(u[1] for u in gevonden),
                int(row.beste_vers or 0),
                int(row.bonus or 0) + int(row.verwant or 0),
                int(row.dekking or 0),
                int(bool(gevonden_themas) and not row.bonus),
                int(row.in_naam or 0),
            )
            thema = _thema_reden(row.themas, gevonden_themas) if row.bonus else None
            extra = [f"thema {thema} past bij de vraag"] if thema else []
            if row.verwant and row.id not in bronnen:
                extra.append("lijkt op " + " of ".join(f"'{n}'" for n in bronnen.values()))
        else:
            extra = []
        resultaten.append(
            _resultaat(_gegevens(row), vraag, wijk, tekst, len(woorden), bedoeld, tuple(extra))
        )
    # The SQL ranking chose these rows; the order is the same ladder, computed in Python
    # (sorteernaam in code point order is the byte order SQL sorted by).
    resultaten.sort(key=lambda r: r.sorteer)
    return resultaten


def _kort(vraag: ZoekVraag, rows: Sequence[Row], themas: bool = False) -> bool:
    """Whether the words found a short list (:data:`THEMA_AANVULLEN`), none of it stale.

    With the query's themas known (``themas``), only offers of those themas count: a word
    match outside the need ("café" in the Repair Café for "alzheimer café") is no answer.
    """
    met_woorden = [
        row for row in rows if (row.dekking or 0) > 0 and (not themas or (row.bonus or 0) > 0)
    ]
    return len(met_woorden) < THEMA_AANVULLEN and all(
        is_vers(row.laatst_gecontroleerd, vraag.peildatum, vraag.vers_dagen) for row in met_woorden
    )


#: Index terms of the person words (:data:`PERSOONWOORDEN`): not telling words of an offer.
_PERSOONTERMEN = frozenset(stam(w) for w in PERSOONWOORDEN)


def _terugkoppeling(
    session: Session,
    vraag: ZoekVraag,
    rows: Sequence[Row],
    per_woord: dict[str, dict[str, TermTreffer]],
    profiel: ThemaProfiel,
    themas: dict[str, float] | None = None,
) -> tuple[dict[str, str], dict[str, int]]:
    """Pseudo-relevance feedback for a query its words answer with few offers.

    When fewer than :data:`THEMA_AANVULLEN` offers match the words, none stale, the telling
    words (name and trefwoorden, the rarest first) of the best one or two are searched too,
    weakly: "traplift" finds the Wmo woningaanpassing, and through its "drempels" also the
    woonadviseurs. Returns the source offers (id → name) and the terms with their quality.

    With the query's themas known (``themas``), a word counts as far as the kaart uses it for
    those themas (:meth:`ThemaProfiel.themas_van`): the need spreads, the kind of offer does
    not. "Somber" finds the inloophuis of its thema before the lotgenotengroep for violence
    that only shares the word "lotgenoten" with the herstelgroep.
    """
    met_woorden = [row for row in rows if (row.dekking or 0) > 0]
    if not met_woorden or not _kort(vraag, rows, bool(themas)):
        return {}, {}
    kolommen = [f"s{i}" for i in range(len(per_woord))]

    def tekstscore(row: Row) -> tuple[int, int]:
        return row.dekking, sum(int(row._mapping[k] or 0) // _SCORE_FACTOR for k in kolommen)

    beste = sorted(met_woorden, key=tekstscore, reverse=True)[:TERUGKOPPELING_BRONNEN]
    bronnen = {row.id: row.naam for row in beste}
    al_gezocht = {t for treffers in per_woord.values() for t in treffers}
    gewicht: dict[str, float] = {}
    for (term,) in session.execute(
        select(AanbodZoekterm.term).where(
            AanbodZoekterm.aanbod_id.in_(list(bronnen)),
            AanbodZoekterm.gewicht >= VELD_GEWICHTEN["trefwoord"],
        )
    ):
        if term in al_gezocht or profiel.df(term) < 2:
            continue  # a word of the source alone finds nothing new
        if term in _PERSOONTERMEN:
            continue  # "partner" says for whom, not what: the rouwgroep is no violence offer
        waarde = profiel.idf(term)
        if themas:
            gebruik = profiel.themas_van(term)
            waarde *= sum(gebruik.get(code, 0.0) * aandeel for code, aandeel in themas.items())
        if waarde > 0:
            gewicht[term] = max(gewicht.get(term, 0.0), waarde)
    for code, aandeel in (themas or {}).items():
        # The thema's own words in an offer's name or trefwoorden: an offer for that need in
        # general ("ggz; psychische problemen"), not only in its thema column.
        for deel in code.split("_"):
            term = stam(deel)
            if term not in al_gezocht and profiel.df(term):
                gewicht[term] = max(gewicht.get(term, 0.0), aandeel * profiel.idf(term))
    gekozen = sorted(gewicht.items(), key=lambda x: (-x[1], x[0]))[:TERUGKOPPELING_TERMEN]
    verwant = {t: max(1, round(VERWANT_KWALITEIT * idf * 100)) for t, idf in gekozen}
    return (bronnen, verwant) if verwant else ({}, {})


def _beste_term(treffers: dict[str, TermTreffer], profiel: ThemaProfiel) -> str:
    """The term a query unit stands for most: best quality, then the rarest, then by name."""
    return min(treffers, key=lambda t: (-treffers[t].kwaliteit, profiel.df(t), t))


def _zeldzaamheid(
    per_woord: dict[str, dict[str, TermTreffer]], profiel: ThemaProfiel
) -> dict[str, float]:
    """Per query unit, the weight of its matches by how rare its best term is on this kaart."""
    return {
        woord: IDF_ONDERGRENS + (1 - IDF_ONDERGRENS) * profiel.idf(_beste_term(treffers, profiel))
        for woord, treffers in per_woord.items()
    }


def _themas_van_vraag(
    analyse: Zoekanalyse, per_woord: dict[str, dict[str, TermTreffer]], profiel: ThemaProfiel
) -> dict[str, float]:
    """The one or two themas the query is about, each with its share relative to the top one.

    Every unit of the query votes with the themas its index terms are used for on this kaart
    (:meth:`ThemaProfiel.themas_van`, better matches counting more), half-and-half with the
    needs the synonym table gives it; a unit weighs by how telling its word is (idf) and by
    its own weight ("mijn moeder" counts half). Nothing is detected when the votes are spread
    (a vague query) or the top thema has less than :data:`THEMA_AANDEEL` of them.
    """
    stemmen: dict[str, float] = {}
    totaal = 0.0
    for begrip in analyse.begrippen:
        if begrip.woord in MEERDUIDIG and not begrip.behoefte:
            continue  # an ambiguous word without a cue says nothing about the need ("drinken")
        if begrip.behoefte == ALGEMEEN:
            continue  # "weet niet waar te beginnen" is about no thema, whatever offers say it
        treffers = per_woord.get(begrip.woord, {})
        verdeling: dict[str, float] = {}
        massa = 0.0
        for term, treffer in treffers.items():
            themas = profiel.themas_van(term)
            if not themas:
                continue
            gewicht = treffer.kwaliteit**2
            massa += gewicht
            for code, aandeel in themas.items():
                verdeling[code] = verdeling.get(code, 0.0) + gewicht * aandeel
        if massa:
            verdeling = {code: v / massa for code, v in verdeling.items()}
        behoeften = [b for b in begrip.behoeften if b in THEMAS]
        if behoeften:
            helft = 0.5 if verdeling else 1.0
            verdeling = {code: v * (1 - helft) for code, v in verdeling.items()}
            for code in behoeften:
                verdeling[code] = verdeling.get(code, 0.0) + helft / len(behoeften)
        if not verdeling:
            continue
        idf = profiel.idf(_beste_term(treffers, profiel)) if treffers else 1.0
        gewicht = begrip.gewicht * idf
        totaal += gewicht
        for code, v in verdeling.items():
            stemmen[code] = stemmen.get(code, 0.0) + gewicht * v
    if not totaal:
        return {}
    aandelen = sorted(((v / totaal, code) for code, v in stemmen.items()), reverse=True)
    top = aandelen[0][0]
    if top < THEMA_AANDEEL:
        return {}
    return {
        code: round(aandeel / top, 2)
        for aandeel, code in aandelen[:MAX_THEMAS]
        if aandeel >= THEMA_AANDEEL and aandeel >= THEMA_NAAST_BESTE * top
    }


def _thema_reden(themas: str | None, gevonden: dict[str, float]) -> str | None:
    """Which of the offer's themas the query was found to be about (for the reasons)."""
    eigen = [c for c in (themas or "").split(",") if c in gevonden]
    if not eigen:
        return None
    return ", ".join(c.replace("_", " ") for c in sorted(eigen, key=lambda c: (-gevonden[c], c)))


def _uitgebreid(analyse: Zoekanalyse, vocab: Vocabulaire) -> dict[str, dict[str, TermTreffer]]:
    """Index terms per unit of the query, expanded within the query's needs."""
    per_woord: dict[str, dict[str, TermTreffer]] = {}
    for begrip in analyse.begrippen:
        treffers: dict[str, TermTreffer] = {}
        # The thema as a last resort only where the words themselves are vague (a phrase, an
        # ambiguous word): for every plain word it scans the whole thema (+35% index rows on
        # 10,000 offers) for +0.013 precision@3 on the relevance set.
        thema = begrip.behoefte if begrip.behoefte in THEMAS and begrip.verwant else None
        for i, woord in enumerate(begrip.zoek):
            verwant = begrip.verwant if i == 0 else ()
            uitgebreid = vocab.uitbreiden(woord, analyse.behoeften, verwant, thema)
            for term, treffer in uitgebreid.items():
                if begrip.gewicht != 1:
                    treffer = replace(
                        treffer, kwaliteit=round(treffer.kwaliteit * begrip.gewicht, 2)
                    )
                if term not in treffers or treffers[term].kwaliteit < treffer.kwaliteit:
                    treffers[term] = treffer
        if treffers:
            per_woord[begrip.woord] = treffers
    # An index term counts for one unit only, the one it matches best (then the first): in
    # "eenzaam, koffie drinken" the meaning of the phrase must not count 'eenzaam' twice.
    eigenaar: dict[str, tuple[float, int]] = {}
    for i, treffers in enumerate(per_woord.values()):
        for term, treffer in treffers.items():
            if term not in eigenaar or treffer.kwaliteit > eigenaar[term][0]:
                eigenaar[term] = (treffer.kwaliteit, i)
    return {
        woord: gehouden
        for i, (woord, treffers) in enumerate(per_woord.items())
        if (gehouden := {t: tr for t, tr in treffers.items() if eigenaar[t][1] == i})
    }


def _resultaat(
    aanbod: AanbodGegevens,
    vraag: ZoekVraag,
    wijk: _WijkKeuze,
    tekst: tuple[int, tuple[Treffer, ...], int, int, int, int, int] | None,
    aantal_woorden: int,
    bedoeld: set[str] | None = None,
    extra: tuple[str, ...] = (),
) -> Resultaat:
    niveau = aanbod.niveau
    vers = aanbod.is_vers(vraag.peildatum, vraag.vers_dagen)
    eigen_wijk = wijk.id is not None and aanbod.wijk_id == wijk.id
    redenen = [f"niveau: {niveau.value.replace('_', ' ')}"]
    if eigen_wijk:
        redenen.append(f"in de eigen wijk ({wijk.naam})")
    elif aanbod.wijk_id is None:
        redenen.append("voor de hele gemeente")
    else:
        redenen.append(f"in wijk {aanbod.wijk}")
    # Without text the niveau comes first, so stale goes below the fresh offers of its niveau.
    na = "dus na actueel aanbod" + ("" if tekst is not None else " van dit niveau")
    if aanbod.laatst_gecontroleerd is None:
        redenen.append(f"verouderd: nooit gecontroleerd, {na}")
    elif vers:
        redenen.append(f"actueel: laatst gecontroleerd {aanbod.laatst_gecontroleerd.isoformat()}")
    else:
        redenen.append(
            f"verouderd: laatst gecontroleerd {aanbod.laatst_gecontroleerd.isoformat()} "
            f"(langer dan {vraag.vers_dagen} dagen geleden), {na}"
        )
    leeftijdsgrens = aanbod.leeftijd_min is not None or aanbod.leeftijd_max is not None
    leeftijd_rang = 1 if leeftijdsgrens and vraag.leeftijd is None else 0
    if leeftijd_rang:
        redenen.append(
            f"alleen voor {aanbod.leeftijd_min or 0}-{aanbod.leeftijd_max or '...'} jaar; "
            "leeftijd onbekend, dus lager"
        )
    treffers: tuple[Treffer, ...] = ()
    score = 0.0
    beste_antwoord = True
    andere_groep = False
    andere_leeftijd: str | None = None
    if tekst is not None:
        score = (tekst[0] + tekst[3]) / _SCHAAL
        treffers = tekst[1]
        groepen = set(aanbod.doelgroepen)
        andere_groep = (
            bedoeld is not None
            and bool(groepen)
            and groepen <= set(_BIJZONDERE_DOELGROEPEN)
            and not groepen & bedoeld
        )
        andere_leeftijd = _andere_leeftijd(
            vraag, bedoeld, aanbod.leeftijd_min, aanbod.leeftijd_max, aanbod.doelgroepen
        )
        beste_dekking, beste_score = divmod(tekst[2], _DEKKING_FACTOR)
        beste_antwoord = (
            vers
            and not andere_groep
            and andere_leeftijd is None
            and tekst[4] >= beste_dekking
            and tekst[0] * 100 >= beste_score * BESTE_ANTWOORD
        )
        # Before the text reason: callers read the last reason as the text match.
        if vers and andere_groep:
            redenen.append(
                f"alleen voor {', '.join(sorted(groepen))}; de vraag gaat daar niet over, "
                "dus na de beste treffers"
            )
        elif vers and andere_leeftijd:
            redenen.append(f"{andere_leeftijd}, dus na de beste treffers")
        elif vers and not treffers:
            redenen.append(
                "raakt geen zoekwoord, maar past bij wat de vraag zoekt, dus na de treffers"
            )
        elif vers and tekst[5] and not beste_antwoord:
            redenen.append(
                "hoort bij geen van de thema's van de vraag, dus na de treffers die dat wel doen"
            )
        elif vers and not beste_antwoord:
            redenen.append(
                "past minder goed dan de beste actuele treffer "
                f"({_dekking_tekst(tekst[4])} zoekwoorden, score {tekst[0] / _SCHAAL:.1f}; "
                f"de beste: {_dekking_tekst(beste_dekking)}, score {beste_score / _SCHAAL:.1f}), "
                "dus daarna"
            )
        uitleg = "; ".join([t.uitleg() for t in treffers] + list(extra))
        redenen.append(
            f"tekst: {uitleg} ({len(treffers)} van {aantal_woorden} zoekwoorden, score {score:.1f})"
        )
    wijk_rang = 0 if eigen_wijk else (1 if aanbod.wijk_id is None else 2)
    if tekst is None:
        # No words: the ladder alone, as the SQL of the search without text orders it.
        if len(aanbod.themas) > 1:
            redenen.append(f"aanbod voor {len(aanbod.themas)} thema's, dus na specifieker aanbod")
        return Resultaat(
            aanbod=aanbod,
            vers=vers,
            redenen=tuple(redenen),
            sorteer=(
                niveau.rang,
                int(not vers),
                wijk_rang,
                leeftijd_rang,
                len(aanbod.themas),
                aanbod.sorteernaam,
                aanbod.id,
            ),
        )
    # Tier 0: the best answers; 1: the other fresh answers (best match first); 2: stale.
    trede = 2 if not vers else (0 if beste_antwoord else 1)
    return Resultaat(
        aanbod=aanbod,
        vers=vers,
        redenen=tuple(redenen),
        sorteer=(
            trede,
            # Among the other answers: one only for another doelgroep last, then best match.
            (int(andere_groep or andere_leeftijd is not None), tekst[5], -score)
            if trede == 1
            else (0, 0, 0.0),
            niveau.rang,
            *((wijk_rang, -score) if wijk.filter else (-score, wijk_rang)),
            -tekst[6],
            leeftijd_rang,
            aanbod.sorteernaam,
            aanbod.id,
        ),
        score=score,
        treffers=treffers,
    )


BOT_NIVEAUS: Sequence[Niveau] = (Niveau.SOCIALE_BASIS, Niveau.ALGEMENE_VOORZIENING)


#: How a word must reach an index term to be kept as a zoekwoord: as itself, a synonym, a
#: derived word or the end of a compound. Not as a typo, a part of an unknown compound or via
#: the thema: names and other words the kaart does not know reach the index only that way.
_ZOEKWOORD_SOORTEN = frozenset({"exact", "synoniem", "afleiding", "samenstelling"})

_EMAIL_OF_URL = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+", re.IGNORECASE)
_TELEFOON = re.compile(r"\+?\(?\d[\d\s().\-/]{6,}\d")
_POSTCODE_IN_TEKST = re.compile(r"\b[1-9][0-9]{3}\s?[a-zA-Z]{2}\b")
_LEESTEKENS = ".,;:!?\"'()[]{}«»“”‘’…-"
_ZINSEINDE = (".", "!", "?", ":", ";")
#: Words after which a name follows ("ik heet ...", "mevrouw ..."): up to this many words
#: after it are skipped (and the tussenvoegsels between them), to a stop word or punctuation.
_NAAM_VOLGT = frozenset(
    {"heet", "heten", "genaamd", "naam", "meneer", "mevrouw", "mevr", "mw", "dhr", "heer"}
)
_NAAM_WOORDEN = 2
_TUSSENVOEGSELS = frozenset({"van", "de", "der", "den", "het", "ten", "ter", "te", "la", "le"})
_GEEN_ZOEKWOORD = PERSOONWOORDEN | VULWOORDEN
#: Endings of street names: an address is no zoekwoord, whatever the index knows.
_STRAAT = ("straat", "laan", "plein", "gracht", "kade", "singel", "dreef", "steeg", "weg")


def _zonder_persoonsgegevens(tekst: str) -> tuple[str, frozenset[str]]:
    """The text without e-mail, links, numbers, postcodes and what follows a name cue.

    Also returns the normalised words that were written with a capital inside a sentence
    (in a text that is not all capitals): those look like names.
    """
    tekst = _EMAIL_OF_URL.sub(" ", tekst)
    tekst = _TELEFOON.sub(" ", tekst)
    tekst = _POSTCODE_IN_TEKST.sub(" ", tekst)
    schreeuwt = not any(c.islower() for c in tekst)
    gehouden: list[str] = []
    hoofdletter: set[str] = set()
    klein: set[str] = set()
    for regel in tekst.splitlines():
        zinsbegin = True
        overslaan = 0
        for ruw in regel.split():
            kaal = ruw.strip(_LEESTEKENS)
            einde = ruw.endswith(_ZINSEINDE)
            laag = kaal.casefold()
            if overslaan and laag in ("is", "was"):  # "mijn naam is ..."
                zinsbegin = einde
                continue
            if overslaan and (laag in _TUSSENVOEGSELS or laag not in STOPWOORDEN):
                overslaan = 0 if einde or ruw.endswith(",") else overslaan - 1
                zinsbegin = einde
                continue
            overslaan = 0
            zinsbegin, begin = einde, zinsbegin
            if not kaal or any(c.isdigit() for c in kaal):
                continue
            if laag in _NAAM_VOLGT:
                overslaan = 0 if einde else _NAAM_WOORDEN
                continue
            if any(laag.endswith(s) and len(laag) > len(s) + 2 for s in _STRAAT):
                continue
            genormaliseerd = tekstwoorden(kaal)
            if not schreeuwt and not begin and any(c.isupper() for c in kaal):
                hoofdletter.update(genormaliseerd)
            else:
                klein.update(genormaliseerd)
            gehouden.append(ruw)
    return " ".join(gehouden), frozenset(hoofdletter - klein)


def zoekwoorden_uit(
    tekst: str, vocab: Vocabulaire, wijknamen: Sequence[str] = ()
) -> tuple[str, ...]:
    """The words of a resident's message that the kaart's search vocabulary knows.

    Kept: units of meaning (:func:`analyseer`: a word, or a phrase of the synonym table such as
    "koffie drinken") that reach at least one index term of this kaart as themselves, a synonym,
    a derived word or a compound (:data:`_ZOEKWOORD_SOORTEN`), lower-case, at most
    :data:`MAX_ZOEKWOORDEN`, in the order of the message. Left out: stop words, person words
    (:data:`PERSOONWOORDEN`: "moeder" says for whom, which the conversation asks itself),
    filler words ("hulp", "zoek": :data:`VULWOORDEN`, they match almost every offer), words
    shorter than three letters, anything with a digit (ages, house numbers, phone
    numbers), e-mail addresses, links, postcodes, the words after a name cue ("ik heet",
    "mevrouw"), street names, and a word written with a capital inside a sentence unless the
    synonym table knows it ("Alzheimer" stays, "Jansen" goes), and the words of the gemeente's
    wijk names (``wijknamen``: "oude" in "De Oude Stad" is where, which the conversation keeps
    as the wijk, not what for).

    Why this holds no personal data: the words are stored in the conversation state (a Rasa
    slot, written to the tracker store as is), so no free text may pass. Only words that the
    public kaart index knows survive, and only by a match that needs the word itself to be a
    kaart word (a typo correction would turn any unknown name into some index term, so it does
    not count). What remains is a bag of the kaart's own vocabulary: it cannot quote the
    message, carries no number, and the name filters above keep out the one kind of kaart word
    that could also name a person (an organisation called after someone).
    """
    schoon, hoofdletter = _zonder_persoonsgegevens(tekst)
    analyse = analyseer(schoon)
    per_woord = _uitgebreid(analyse, vocab)
    plaats = {w for naam in wijknamen for w in tekstwoorden(naam)}
    gekozen: list[str] = []
    for begrip in analyse.begrippen:
        woord = begrip.woord
        if any(d in plaats for d in woord.split()):
            continue
        treffers = per_woord.get(woord, {})
        if not any(t.soort in _ZOEKWOORD_SOORTEN for t in treffers.values()):
            continue
        delen = woord.split()
        if not all(d.isascii() and d.isalpha() for d in delen) or woord in gekozen:
            continue
        if len(delen) == 1 and (len(woord) < 3 or woord in _GEEN_ZOEKWOORD):
            continue
        if any(d in hoofdletter for d in delen) and not (len(delen) == 1 and begrip.behoeften):
            continue
        gekozen.append(woord)
        if len(gekozen) == MAX_ZOEKWOORDEN:
            break
    return tuple(gekozen)


def _geldige_zoekwoorden(zoekwoorden: Sequence[str]) -> list[str]:
    """The stored words that can be zoekwoorden at all (the slot may be old or tampered with)."""
    return [w for w in zoekwoorden if is_zoekwoord(w)][:MAX_ZOEKWOORDEN]


def _op_woorden(
    gewoon: Sequence[Resultaat], met_tekst: Sequence[Resultaat], thema: str, wijk: str | None
) -> list[Resultaat]:
    """The thema's offers with those that match the resident's words first, within the ladder.

    The ladder stays the primary key, as in the search without words: niveau (sociale basis
    before algemene voorziening), fresh before stale, then own wijk before gemeente-wide before
    another wijk (help close to home first: the resident told the wijk for that). Within one
    such step the offers that match the words come first, in the text search's order, then
    the other offers of the plain search in its order. Every plain result is kept; a text
    match outside the thema is not added (both searches filter on it; this only makes sure).
    """
    eigen = wijk.casefold() if wijk else None

    def trede(r: Resultaat) -> tuple[int, bool, int]:
        buurt = r.aanbod.wijk.casefold() if r.aanbod.wijk else None
        if eigen is None:
            return (r.aanbod.niveau.rang, not r.vers, 0)  # no wijk known: the words decide
        plaats = 0 if buurt == eigen else 1 if buurt is None else 2
        return (r.aanbod.niveau.rang, not r.vers, plaats)

    treffers = {r.aanbod.id: r for r in met_tekst if thema in r.aanbod.themas}
    rest = [r for r in gewoon if r.aanbod.id not in treffers]
    volgorde = [(trede(r), 0, i, r) for i, r in enumerate(treffers.values())]
    volgorde += [(trede(r), 1, i, r) for i, r in enumerate(rest)]
    volgorde.sort(key=lambda v: v[:3])
    return [v[3] for v in volgorde]


class KaartZoeker:
    """The bot's view of the kaart: never maatwerk, sociale basis first."""

    def __init__(
        self,
        session_factory: sessionmaker,
        vers_dagen: int = KAART_VERS_DAGEN,
        vandaag: Callable[[], date] = date.today,
    ):
        self.session_factory = session_factory
        self.vers_dagen = vers_dagen
        # Freshness is measured against today; tests pass a fixed day so they do not age.
        self.vandaag = vandaag

    def aanbod_voor(
        self,
        thema: str,
        leeftijd: int | None,
        minderjarig: bool | None,
        wijk: str | None,
        limiet: int,
        zoekwoorden: Sequence[str] = (),
    ) -> list[AanbodKaartje]:
        """Up to ``limiet`` offers that fit thema, age and wijk, in the ladder's order.

        Sociale basis before algemene voorziening; within a niveau fresh before stale (stale
        cards say ``verouderd``), own wijk before gemeente-wide, the more specific offer (fewer
        thema's) before the broader one, then by name.

        With ``zoekwoorden`` (:meth:`zoekwoorden` of the hulpvraag) the same search runs once
        more with those words as its text, and within each step of the ladder (niveau, fresh
        or stale, own wijk or not) the offers that match the words come first (:func:`_op_woorden`). The
        words only reorder the thema's offers: a sociale basis offer still comes before every
        algemene voorziening, and when the words match nothing the order is the plain one.
        """
        vraag = ZoekVraag(
            thema=thema,
            leeftijd=leeftijd,
            minderjarig=minderjarig,
            wijk=wijk,
            niveaus=tuple(BOT_NIVEAUS),
            peildatum=self.vandaag(),
            vers_dagen=self.vers_dagen,
        )
        woorden = _geldige_zoekwoorden(zoekwoorden)
        with unit_of_work(self.session_factory) as session:
            met_tekst = (
                zoek(session, replace(vraag, tekst=" ".join(woorden)), limiet) if woorden else []
            )
            gewoon = zoek(session, vraag, limiet)
        if not met_tekst:
            return [r.kaartje() for r in gewoon]
        return [r.kaartje() for r in _op_woorden(gewoon, met_tekst, thema, wijk)[:limiet]]

    def zoekwoorden(self, tekst: str) -> tuple[str, ...]:
        """The words of a message that this kaart's search vocabulary knows.

        See :func:`zoekwoorden_uit`: no personal data, so the conversation may keep them.

        The words only refine the order of the offers: when the kaart cannot be read, there
        are none, and the conversation goes on (its search will report the failure).
        """
        try:
            with unit_of_work(self.session_factory) as session:
                cache = kaart_cache(session)
                vocab = cache.vocabulaire(session)
                wijknamen = [naam for _, naam in cache.wijken(session).per_naam.values()]
        except SQLAlchemyError:
            return ()
        return zoekwoorden_uit(tekst, vocab, wijknamen)
