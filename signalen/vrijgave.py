"""Which signal rows may leave the system: month instead of day, k-anonymous over every column.

A single signal row is a quasi-identifier: in a small wijk, "March, 65+, mantelzorg, for a
naaste, referred to the Wmo-loket" can point at one household. So every row that leaves the
system (CLI export, download, API) goes through :func:`vrijgeven`:

1. **Month, not day.** ``datum`` becomes ``maand`` (``JJJJ-MM``).
2. **k-anonymity over all columns.** A row is released only if its combination of *every*
   released column (maand, thema, leeftijdsgroep, voor_wie, wijk, route, getoond, geholpen,
   geen_passend_aanbod) occurs at least ``k`` times in the release (``k`` =
   ``Settings.signalen_k``, the same k as the reports).
3. **Rarer rows are generalised first, as little as needed.** The generalisable columns and
   what they become: ``getoond`` → afgeschermd (``None``), ``voor_wie`` → ``onbekend``,
   ``leeftijdsgroep`` → ``onbekend``, ``wijk`` → ``overig``. Within a month, the rows that are
   still rare first try one column, then two, three and all four. Each step takes, among the
   column sets of that size not yet tried, the one that rescues the most rows (makes them part
   of a combination of at least ``k``); ties go to the set that leaves the fewest distinct
   combinations, then to the order just given (least useful to policy first). The rescued rows
   are released with that set generalised; the others try the next set, from their original
   values. So a row loses only the columns it must, and rows that are common enough are
   never touched.
4. **What is still rarer than k is left out.** ``maand``, ``thema``, ``route``, ``geholpen`` and
   ``geen_passend_aanbod`` are never generalised: they are what the export is for.

The outcome is deterministic (a function of the multiset of rows, not of their order) and says
how many rows were generalised (per column) and how many left out. Because ``maand`` is never
generalised, every month is released on its own: the export of a period equals the exports of
its months put together, so two overlapping exports cannot be subtracted to learn more.

Limit: this is k-anonymity, not l-diversity. When all ``k`` rows of a combination share the
same value of a column, anyone who knows a person is in that combination learns that value
(but that combination has at least ``k`` people in it, so the export does not say which).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Any

from signalen.periode import maand_code
from signalen.signaal import ONBEKEND, Signaal

#: The wijk of a generalised row: several small wijken (or rare rows in a big one) together.
OVERIG = "overig"
#: How a generalised ``getoond`` is written in CSV and text (``null`` in JSON).
AFGESCHERMD = "afgeschermd"

#: Released columns, in file order.
KOLOMMEN: tuple[str, ...] = (
    "maand",
    "thema",
    "leeftijdsgroep",
    "voor_wie",
    "wijk",
    "route",
    "getoond",
    "geholpen",
    "geen_passend_aanbod",
)
#: The columns that may be generalised and the value they become, in tie-break order.
GENERALISATIES: dict[str, Any] = {
    "getoond": None,
    "voor_wie": ONBEKEND,
    "leeftijdsgroep": ONBEKEND,
    "wijk": OVERIG,
}
VOORRANG: tuple[str, ...] = tuple(GENERALISATIES)


@dataclass(frozen=True)
class ExportRij:
    """One released row: a hulpvraag at month level (``getoond`` ``None`` = afgeschermd)."""

    maand: str
    thema: str | None
    leeftijdsgroep: str
    voor_wie: str
    wijk: str
    route: str
    getoond: tuple[str, ...] | None
    geholpen: str
    geen_passend_aanbod: bool

    @classmethod
    def uit_signaal(cls, signaal: Signaal) -> ExportRij:
        """The row of a signal: its month instead of its day, nothing else changed yet."""
        return cls(
            maand=maand_code(signaal.datum),
            thema=signaal.thema,
            leeftijdsgroep=signaal.leeftijdsgroep,
            voor_wie=signaal.voor_wie,
            wijk=signaal.wijk,
            route=signaal.route,
            getoond=tuple(signaal.getoond),
            geholpen=signaal.geholpen,
            geen_passend_aanbod=bool(signaal.geen_passend_aanbod),
        )

    def combinatie(self) -> tuple[Any, ...]:
        """All released values, in :data:`KOLOMMEN` order: what k-anonymity is about."""
        return tuple(getattr(self, kolom) for kolom in KOLOMMEN)

    def als_dict(self) -> dict[str, Any]:
        """JSON-friendly values (``getoond`` a list, or ``None`` when afgeschermd)."""
        waarden = {kolom: getattr(self, kolom) for kolom in KOLOMMEN}
        waarden["getoond"] = list(self.getoond) if self.getoond is not None else None
        return waarden

    def sorteersleutel(self) -> tuple[Any, ...]:
        """Order by content only (never by when a row was written), ``None`` sorted first."""
        return (
            self.maand,
            self.thema or "",
            self.wijk,
            self.leeftijdsgroep,
            self.voor_wie,
            self.route,
            self.geholpen,
            self.geen_passend_aanbod,
            (0, ()) if self.getoond is None else (1, self.getoond),
        )


@dataclass(frozen=True)
class Vrijgave:
    """The released rows (as combinations with their count) and what was done to get there."""

    k: int
    #: Released combinations, each at least ``k`` times, sorted by content.
    klassen: tuple[tuple[ExportRij, int], ...]
    #: Rows offered (every signal in the period).
    aangeboden: int
    #: Released rows with at least one generalised value.
    gegeneraliseerd: int
    #: Rows left out because even generalised their combination stayed rarer than k.
    weggelaten: int
    #: Per generalised column (in :data:`VOORRANG` order): released rows whose value it changed.
    per_kolom: tuple[tuple[str, int], ...]

    @property
    def vrijgegeven(self) -> int:
        """Rows released: ``aangeboden - weggelaten``."""
        return sum(aantal for _, aantal in self.klassen)

    def rijen(self) -> Iterator[ExportRij]:
        """Every released row (a combination of n rows comes n times), in content order."""
        for rij, aantal in self.klassen:
            for _ in range(aantal):
                yield rij


def generaliseer(rij: ExportRij, kolommen: Iterable[str]) -> ExportRij:
    """``rij`` with ``kolommen`` set to their generalised value (see :data:`GENERALISATIES`)."""
    return replace(rij, **{kolom: GENERALISATIES[kolom] for kolom in kolommen})


def vrijgeven(rijen: Iterable[Signaal | ExportRij], k: int) -> Vrijgave:
    """The k-anonymous release of ``rijen`` (signals or month-level rows).

    Args:
        rijen: The signals of the period; any order (the outcome does not depend on it).
        k: Every released combination of all columns occurs at least this often.

    Raises:
        ValueError: ``k`` < 1.
    """
    tellingen: Counter[ExportRij] = Counter(
        r if isinstance(r, ExportRij) else ExportRij.uit_signaal(r) for r in rijen
    )
    return vrijgeven_tellingen(tellingen, k)


def vrijgeven_tellingen(tellingen: Mapping[ExportRij, int], k: int) -> Vrijgave:
    """As :func:`vrijgeven`, from rows already counted (e.g. by a ``GROUP BY``).

    Each month is released on its own (:func:`_vrijgeven_maand`), so a month comes out the same
    in every export that contains it.
    """
    if k < 1:
        raise ValueError("k moet minstens 1 zijn.")
    per_maand: dict[str, dict[ExportRij, int]] = {}
    for rij, aantal in tellingen.items():
        if aantal < 0:
            raise ValueError("Aantallen kunnen niet negatief zijn.")
        if aantal:
            per_maand.setdefault(rij.maand, {})[rij] = aantal
    vrij: Counter[ExportRij] = Counter()
    veranderd: Counter[str] = Counter()
    gegeneraliseerd = weggelaten = 0
    for maand in sorted(per_maand):
        uitkomst = _vrijgeven_maand(per_maand[maand], k)
        vrij.update(uitkomst.vrij)
        veranderd.update(uitkomst.veranderd)
        gegeneraliseerd += uitkomst.gegeneraliseerd
        weggelaten += uitkomst.weggelaten
    klassen = tuple(sorted(vrij.items(), key=lambda item: item[0].sorteersleutel()))
    if any(aantal < k for _, aantal in klassen):  # the invariant of _vrijgeven_maand
        raise AssertionError("Een vrijgegeven combinatie komt minder dan k keer voor.")
    return Vrijgave(
        k=k,
        klassen=klassen,
        aangeboden=sum(sum(m.values()) for m in per_maand.values()),
        gegeneraliseerd=gegeneraliseerd,
        weggelaten=weggelaten,
        per_kolom=tuple((c, veranderd[c]) for c in VOORRANG if veranderd[c]),
    )


@dataclass
class _Maand:
    vrij: Counter[ExportRij]
    veranderd: Counter[str]
    gegeneraliseerd: int
    weggelaten: int


#: Positions of the generalisable columns in :meth:`ExportRij.combinatie`.
_PLAATS = {kolom: KOLOMMEN.index(kolom) for kolom in VOORRANG}
Combinatie = tuple[Any, ...]
Open = list[tuple[Combinatie, int]]


def _met(combinatie: Combinatie, kolommen: tuple[str, ...]) -> Combinatie:
    """``combinatie`` with ``kolommen`` generalised (tuples, not dataclasses: the hot loop)."""
    uit = list(combinatie)
    for kolom in kolommen:
        uit[_PLAATS[kolom]] = GENERALISATIES[kolom]
    return tuple(uit)


def _vrijgeven_maand(tellingen: Mapping[ExportRij, int], k: int) -> _Maand:
    """One month: keep common combinations, generalise rare ones as little as needed, drop the rest.

    Invariant: every combination in ``vrij`` has at least ``k`` rows. It holds at the start, and
    a step adds rows only to combinations that reach ``k`` with all the rare rows that the
    step maps onto them (``gered``), so it holds after every step.
    """
    vrij: Counter[Combinatie] = Counter()
    open_: Open = []
    for rij, aantal in tellingen.items():
        if aantal >= k:
            vrij[rij.combinatie()] += aantal
        else:
            open_.append((rij.combinatie(), aantal))
    veranderd: Counter[str] = Counter()
    gegeneraliseerd = 0
    for grootte in range(1, len(VOORRANG) + 1):
        over = list(itertools.combinations(VOORRANG, grootte))  # VOORRANG order within a size
        while open_ and over:
            kolommen, gered, gered_aantal = _beste_stap(open_, vrij, over, k)
            if not gered_aantal:
                break  # nothing of this size rescues a row now, and vrij will not change
            over.remove(kolommen)
            blijft: Open = []
            for origineel, aantal in open_:
                nieuw = _met(origineel, kolommen)
                if nieuw not in gered:
                    blijft.append((origineel, aantal))
                    continue
                vrij[nieuw] += aantal
                anders = [c for c in kolommen if origineel[_PLAATS[c]] != nieuw[_PLAATS[c]]]
                gegeneraliseerd += aantal if anders else 0
                for c in anders:
                    veranderd[c] += aantal
            open_ = blijft
    return _Maand(
        Counter({ExportRij(*c): n for c, n in vrij.items()}),
        veranderd,
        gegeneraliseerd,
        sum(aantal for _, aantal in open_),
    )


def _sleutel(kolommen: tuple[str, ...]) -> Callable[[Combinatie], Any]:
    """The columns *not* in ``kolommen``, as a fast getter (this is the hot loop).

    Rows generalised in ``kolommen`` meet exactly when these columns are equal, so they key
    the groups; ``itemgetter`` runs in C.
    """
    weg = {_PLAATS[c] for c in kolommen}
    return itemgetter(*(i for i in range(len(KOLOMMEN)) if i not in weg))


def _beste_stap(
    open_: Open, vrij: Counter[Combinatie], over: list[tuple[str, ...]], k: int
) -> tuple[tuple[str, ...], set[Combinatie], int]:
    """The next columns to generalise (module docstring), what they rescue, and how many rows."""
    beste: tuple[tuple[int, int, int], tuple[str, ...], set[Any]] | None = None
    for positie, kolommen in enumerate(over):
        sleutel = _sleutel(kolommen)
        vast = [(_PLAATS[c], GENERALISATIES[c]) for c in kolommen]
        groepen: Counter[Any] = Counter()
        for origineel, aantal in open_:
            groepen[sleutel(origineel)] += aantal
        al_vrij: Counter[Any] = Counter()  # released combinations these rows would join
        for combinatie, aantal in vrij.items():
            if all(combinatie[i] == waarde for i, waarde in vast):
                al_vrij[sleutel(combinatie)] += aantal
        gered = {g for g, aantal in groepen.items() if al_vrij[g] + aantal >= k}
        score = (sum(groepen[g] for g in gered), -len(groepen), -positie)
        if beste is None or score > beste[0]:
            beste = (score, kolommen, gered)
    assert beste is not None  # called only while a step is left
    (aantal_gered, _, _), kolommen, gered = beste
    sleutel = _sleutel(kolommen)
    combinaties = {_met(o, kolommen) for o, _ in open_ if sleutel(o) in gered}
    return kolommen, combinaties, aantal_gered
