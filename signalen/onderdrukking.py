"""Small-cell suppression for count tables: primary threshold rule plus audited secondary cells.

The method, in short (the report module explains it to readers in Dutch):

1. **Primary (threshold rule).** Every count below ``k`` -- body cells and totals, zero
   included -- is shown as ``<k``. Zero is included because the report lists every
   combination (every thema, wijk, month), so a visible 0 next to a ``<5`` would tell the
   reader that the ``<5`` holds at least one person.
2. **Secondary (next-smallest cell, audited).** A reader knows more than the cells: each
   column adds up to its published total, and within a row some counts are parts of others
   (e.g. helped-yes + helped-no <= hulpvragen). Given those relations, shown cells (exact),
   ``<k`` cells (``[0, k-1]``) and ``x`` cells (``[k, inf)``), a hidden small cell is *safe*
   when the reader cannot exclude that it is 0, i.e. cannot tell that anyone at all is in
   it. The audit runs in two stages: interval propagation (fast, catches the usual cases),
   then linear programming over all hidden cells (exact for these relations; it also sees
   combinations such as "the small rows hold 5 hulpvragen together, so at most 5 referrals,
   so this other row has at least 2"). While some small cell is unsafe, we hide the
   next-smallest visible cell in its column (shown as ``x``); if the column has none left we
   hide its total; failing that the smallest visible cell in its row; failing that (tiny
   tables only) the whole column is withheld (``–``). This is the classic "at least two
   suppressions per line, smallest complement first" rule, but with an audit instead of a
   count: two hidden cells of 4 and 4 next to a total are still unsafe (they must be 4 and
   4), two cells of 1 and 1 are not.

Limits: the audit reasons with fractions (LP), so a reader exploiting whole numbers could in
rare cases get slightly further. It covers the relations inside one table. Different tables over the same data
(another grouping, an overlapping period) can be subtracted from each other; periods are whole,
finished months (:mod:`signalen.periode`), so such a difference is a month or a grouping, never
a day. See the module docstring of :mod:`signalen.rapport` for what that means for users.
Exported rows are protected differently (k-anonymity, :mod:`signalen.vrijgave`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import numpy as np
import numpy.typing as npt

MAX_RONDES = 10_000  # propagation passes; real tables settle in a handful
NUL = 1e-7  # LP tolerance: a minimum above this means "at least one"
MAX_LP_RONDES = 50  # clearing rounds before the remaining cells get an LP each

Matrix = npt.NDArray[np.float64]


class Status(str, Enum):
    """What a count cell shows."""

    ZICHTBAAR = "zichtbaar"
    PRIMAIR = "primair"  # below k: shown as "<k"
    SECUNDAIR = "secundair"  # k or more, hidden to protect a small cell: shown as "x"
    WEGGELATEN = "weggelaten"  # whole column withheld: nothing else could protect it ("–")


@dataclass(frozen=True)
class Ongelijkheid:
    """Within every row: the sum of the columns ``delen`` is at most column ``geheel``."""

    delen: tuple[int, ...]
    geheel: int


@dataclass(frozen=True)
class Onderdrukking:
    """The outcome: a status per body cell and per total."""

    cellen: tuple[tuple[Status, ...], ...]
    totaal: tuple[Status, ...]


def onderdruk(
    waarden: Sequence[Sequence[int]],
    totaal: Sequence[int],
    k: int,
    ongelijkheden: Sequence[Ongelijkheid] = (),
) -> Onderdrukking:
    """Decide which cells to hide.

    Args:
        waarden: Body counts, one sequence per row, all rows the same length.
        totaal: Column totals; each equals the column sum of ``waarden``.
        k: Threshold; counts below it are hidden.
        ongelijkheden: Relations between the columns of one row that readers know.

    Returns:
        The status of every cell. When nothing is left to hide for an unsafe cell (only in
        degenerate tables, e.g. two rows whose hidden total is "x", hence at least k), its
        whole column is withheld: a column without any number tells the reader nothing.

    Raises:
        ValueError: ``k`` < 1, ragged rows, or totals/relations that the counts contradict.
    """
    if k < 1:
        raise ValueError("k moet minstens 1 zijn.")
    tabel = _tabel(waarden, totaal)
    _controleer(tabel, ongelijkheden)
    status = np.where(tabel < k, 1, 0).astype(np.int8)  # codes: index in _STATUSSEN
    while True:
        # Fast path first (interval propagation); the exact LP audit has the last word.
        lo, _hi = grenzen(tabel, status, k, ongelijkheden)
        onveilig = [
            (int(r), int(c)) for r, c in zip(*np.nonzero((status == 1) & (lo >= 1)), strict=True)
        ]
        if not onveilig:
            onveilig = lp_onveilig(tabel, status, k, ongelijkheden)
        if not onveilig:
            break
        per_kolom: dict[int, tuple[int, int]] = {}
        for r, c in onveilig:
            per_kolom.setdefault(c, (r, c))
        for r, c in per_kolom.values():
            cel = _aanvulling(tabel, status, r, c, ongelijkheden)
            if cel is None:
                status[:, c] = 3
            else:
                status[cel] = 2
    rijen = tabel.shape[0] - 1
    return Onderdrukking(
        cellen=tuple(tuple(_STATUSSEN[s] for s in status[r]) for r in range(rijen)),
        totaal=tuple(_STATUSSEN[s] for s in status[rijen]),
    )


def lezer_grenzen(
    waarden: Sequence[Sequence[int]],
    totaal: Sequence[int],
    onderdrukking: Onderdrukking,
    k: int,
    ongelijkheden: Sequence[Ongelijkheid] = (),
) -> tuple[Matrix, Matrix]:
    """What a reader can derive per cell: (lower, upper) arrays, last row = totals."""
    tabel = _tabel(waarden, totaal)
    codes = {s: i for i, s in enumerate(_STATUSSEN)}
    status = np.array(
        [[codes[s] for s in rij] for rij in (*onderdrukking.cellen, onderdrukking.totaal)],
        dtype=np.int8,
    ).reshape(tabel.shape)
    return grenzen(tabel, status, k, ongelijkheden)


def grenzen(
    tabel: Matrix, status: npt.NDArray[np.int8], k: int, ongelijkheden: Sequence[Ongelijkheid]
) -> tuple[Matrix, Matrix]:
    """Interval propagation over the relations a reader knows (last row of ``tabel`` = totals).

    Shown cells are exact; primary cells start in ``[0, k-1]``, secondary in ``[k, inf)``,
    withheld ones in ``[0, inf)``. The
    column sums and the row relations are applied until nothing tightens (bounds consistency;
    with integer rounding, since counts are whole numbers).
    """
    lo = np.select([status == 0, status == 1, status == 2], [tabel, 0.0, float(k)], 0.0)
    hi = np.select([status == 0, status == 1], [tabel, float(k - 1)], np.inf)
    n = tabel.shape[0] - 1
    for _ in range(MAX_RONDES):
        oud_lo, oud_hi = lo.copy(), hi.copy()
        # Column sums: body rows add up to the totals row.
        body_lo, body_hi = lo[:n], hi[:n]
        som_lo = body_lo.sum(axis=0)
        oneindig = np.isinf(body_hi)
        aantal_oneindig = oneindig.sum(axis=0)
        som_hi_eindig = np.where(oneindig, 0.0, body_hi).sum(axis=0)
        som_hi = np.where(aantal_oneindig > 0, np.inf, som_hi_eindig)
        lo[n] = np.maximum(lo[n], som_lo)
        hi[n] = np.minimum(hi[n], som_hi)
        overig_lo = som_lo - body_lo
        overig_hi = np.where(
            (aantal_oneindig - oneindig) > 0,
            np.inf,
            som_hi_eindig - np.where(oneindig, 0.0, body_hi),
        )
        hi[:n] = np.minimum(body_hi, hi[n] - overig_lo)
        lo[:n] = np.maximum(body_lo, lo[n] - overig_hi)
        # Row relations: sum(delen) <= geheel, in every row including the totals.
        for ong in ongelijkheden:
            delen = list(ong.delen)
            delen_lo = lo[:, delen].sum(axis=1)
            lo[:, ong.geheel] = np.maximum(lo[:, ong.geheel], delen_lo)
            for d in delen:
                hi[:, d] = np.minimum(hi[:, d], hi[:, ong.geheel] - (delen_lo - lo[:, d]))
        lo = np.ceil(lo - 1e-9)
        hi = np.floor(hi + 1e-9)
        if np.any(lo > hi):
            raise ValueError("De tabel klopt niet met haar eigen totalen of relaties.")
        if np.array_equal(lo, oud_lo) and np.array_equal(hi, oud_hi):
            break
    return lo, hi


def lp_onveilig(
    tabel: Matrix, status: npt.NDArray[np.int8], k: int, ongelijkheden: Sequence[Ongelijkheid]
) -> list[tuple[int, int]]:
    """Small cells a reader can prove non-empty by linear programming (exact for the relations).

    Interval propagation misses combinations across rows and columns (e.g. "the small rows
    hold 5 hulpvragen together, yet the total shows 7 referrals, so this row has at least 2").
    An LP over all hidden cells sees those. To keep it fast, one LP minimising the sum of the
    not-yet-cleared small cells clears every cell it can set to 0; the few left get an LP of
    their own. A cell is unsafe when its minimum is above 0.
    """
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix

    verborgen = [(int(r), int(c)) for r, c in zip(*np.nonzero(status != 0), strict=True)]
    primair = [i for i, (r, c) in enumerate(verborgen) if status[r, c] == 1]
    if not primair:
        return []
    index = {cel: i for i, cel in enumerate(verborgen)}
    grenswaarden = [_LP_GRENZEN[int(status[r, c])](k) for r, c in verborgen]
    n = tabel.shape[0] - 1
    rijen: list[int] = []
    kolommen: list[int] = []
    coeff: list[float] = []
    rechts: list[float] = []

    def term(lijn: int, r: int, c: int, teken: float) -> float:
        """Add a coefficient for a hidden cell; return the constant part for a shown one."""
        if (r, c) in index:
            rijen.append(lijn)
            kolommen.append(index[(r, c)])
            coeff.append(teken)
            return 0.0
        return teken * float(tabel[r, c])

    for c in range(tabel.shape[1]):
        lijn = len(rechts)
        constant = sum(term(lijn, r, c, 1.0) for r in range(n)) + term(lijn, n, c, -1.0)
        rechts.append(-constant)
    aantal_gelijk = len(rechts)
    for r in range(n + 1):
        for ong in ongelijkheden:
            lijn = len(rechts)
            constant = sum(term(lijn, r, d, 1.0) for d in ong.delen)
            constant += term(lijn, r, ong.geheel, -1.0)
            rechts.append(-constant)
    matrix = coo_matrix((coeff, (rijen, kolommen)), shape=(len(rechts), len(verborgen))).tocsr()
    a_eq, b_eq = matrix[:aantal_gelijk], rechts[:aantal_gelijk]
    a_ub, b_ub = matrix[aantal_gelijk:], rechts[aantal_gelijk:]

    def minimum(doel: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        uitkomst = linprog(
            doel,
            A_ub=a_ub if a_ub.shape[0] else None,
            b_ub=b_ub if a_ub.shape[0] else None,
            A_eq=a_eq,
            b_eq=b_eq,
            bounds=grenswaarden,
            method="highs",
        )
        if uitkomst.status != 0:
            raise ValueError(f"Controle van de onderdrukking mislukt: {uitkomst.message}")
        return np.asarray(uitkomst.x, dtype=np.float64)

    open_ = set(primair)
    rng = np.random.default_rng(0)
    for ronde in range(MAX_LP_RONDES):
        doel = np.zeros(len(verborgen))
        gewichten = rng.uniform(1.0, 2.0, len(open_)) if ronde else np.ones(len(open_))
        doel[sorted(open_)] = gewichten
        x = minimum(doel)
        vrij = {i for i in open_ if x[i] <= NUL}
        open_ -= vrij
        if not open_ or not vrij:
            break
    onveilig = []
    for i in sorted(open_):
        doel = np.zeros(len(verborgen))
        doel[i] = 1.0
        if minimum(doel)[i] > NUL:
            onveilig.append(verborgen[i])
    return onveilig


_STATUSSEN = (Status.ZICHTBAAR, Status.PRIMAIR, Status.SECUNDAIR, Status.WEGGELATEN)
_LP_GRENZEN = {
    1: lambda k: (0.0, float(k - 1)),
    2: lambda k: (float(k), None),
    3: lambda k: (0.0, None),
}


def _tabel(waarden: Sequence[Sequence[int]], totaal: Sequence[int]) -> Matrix:
    breedte = len(totaal)
    if any(len(rij) != breedte for rij in waarden):
        raise ValueError("Alle rijen moeten even veel kolommen hebben als het totaal.")
    return np.array([*map(list, waarden), list(totaal)], dtype=np.float64).reshape(
        len(waarden) + 1, breedte
    )


def _controleer(tabel: Matrix, ongelijkheden: Sequence[Ongelijkheid]) -> None:
    if np.any(tabel < 0):
        raise ValueError("Aantallen kunnen niet negatief zijn.")
    if not np.array_equal(tabel[:-1].sum(axis=0), tabel[-1]):
        raise ValueError("De totalen zijn niet de som van de rijen.")
    for ong in ongelijkheden:
        if np.any(tabel[:, list(ong.delen)].sum(axis=1) > tabel[:, ong.geheel]):
            raise ValueError(f"Relatie {ong} geldt niet voor alle rijen.")


def _aanvulling(
    tabel: Matrix,
    status: npt.NDArray[np.int8],
    r: int,
    c: int,
    ongelijkheden: Sequence[Ongelijkheid],
) -> tuple[int, int] | None:
    """The cell to hide next for unsafe cell (r, c): column first, then total, then row."""
    n = tabel.shape[0] - 1
    kolom = [(tabel[i, c], i) for i in range(n) if i != r and status[i, c] == 0]
    if kolom:
        return (min(kolom)[1], c)
    if r != n and status[n, c] == 0:
        return (n, c)
    verwant = {c}
    for ong in ongelijkheden:
        if c == ong.geheel or c in ong.delen:
            verwant.update(ong.delen)
            verwant.add(ong.geheel)
    rij = [(tabel[r, j], j) for j in sorted(verwant) if j != c and status[r, j] == 0]
    if rij:
        return (r, min(rij)[1])
    return None
