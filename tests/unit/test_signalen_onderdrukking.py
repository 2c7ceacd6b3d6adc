"""Small-cell suppression on hand-made tables, and an independent check by linear programming."""

import random

import numpy as np
import pytest
from scipy.optimize import linprog

from signalen.onderdrukking import (
    Onderdrukking,
    Ongelijkheid,
    Status,
    grenzen,
    lp_onveilig,
    onderdruk,
)
from signalen.rapport import RELATIES

Z, P, S, W = Status.ZICHTBAAR, Status.PRIMAIR, Status.SECUNDAIR, Status.WEGGELATEN


def kolom(waarden: list[int], k: int = 5) -> tuple[list[Status], Status]:
    """Suppress a one-column table; return the body statuses and the total's."""
    uit = onderdruk([[w] for w in waarden], [sum(waarden)], k)
    return [rij[0] for rij in uit.cellen], uit.totaal[0]


def test_nothing_small_nothing_hidden() -> None:
    assert kolom([12, 8, 30]) == ([Z, Z, Z], Z)


def test_one_small_cell_takes_the_next_smallest_with_it() -> None:
    # Without the 12 hidden too, 35 - 12 - 20 would give the 3 away.
    assert kolom([12, 3, 20]) == ([S, P, Z], Z)
    assert kolom([3, 40, 9, 25]) == ([P, Z, S, Z], Z)


def test_two_tiny_cells_protect_each_other() -> None:
    # 1 + 1 = 2: each could be 0, 1 or 2; nobody is pinned down.
    assert kolom([1, 1, 30]) == ([P, P, Z], Z)


def test_two_small_cells_that_add_up_to_too_much_are_not_enough() -> None:
    # The rule "at least two hidden cells" is fooled here: 38 - 30 = 8 and both are below
    # 5, so both must be 4. The audit sees that and hides the 30 as well.
    assert kolom([4, 4, 30]) == ([P, P, S], Z)


def test_zero_is_hidden_as_well() -> None:
    # "Under k" includes 0: every combination is listed, so a visible 0 next to a "<5"
    # would tell that the "<5" holds at least one person.
    assert kolom([0, 7, 9]) == ([P, Z, Z], Z)


def test_a_small_total_is_hidden_too() -> None:
    assert kolom([1, 2]) == ([P, P], P)


def test_a_column_that_cannot_be_protected_is_withheld() -> None:
    # Two small rows and a total of 7: shown, it pins both; hidden as "x" (at least 5) it
    # still tells that each row holds at least one. Only withholding the column protects.
    assert kolom([3, 4]) == ([W, W], W)


def test_other_thresholds() -> None:
    assert kolom([9, 11, 30], k=10) == ([P, S, Z], Z)
    assert kolom([1, 30, 40], k=1) == ([Z, Z, Z], Z)


def test_pooled_small_rows_cannot_betray_a_small_cell_elsewhere() -> None:
    # Columns: hulpvragen, verwezen (verwezen <= hulpvragen in every row). The three small rows
    # hold 6 hulpvragen together, so at most 6 referrals; the total shows 22 referrals and the
    # big rows 15, so row A would have at least 1. Cell by cell bounds (each small row "up to
    # 4") miss this; the LP stage catches it and hides the 5 as well.
    waarden = [[6, 1], [3, 3], [2, 2], [1, 1], [20, 5], [30, 10]]
    totaal = [62, 22]
    relaties = [Ongelijkheid((1,), 0)]
    tabel = np.array([*waarden, totaal], dtype=float)
    alleen_primair = np.where(tabel < 5, 1, 0).astype(np.int8)
    assert grenzen(tabel, alleen_primair, 5, relaties)[0][0, 1] == 0  # propagation: "safe"
    assert lp_onveilig(tabel, alleen_primair, 5, relaties) == [(0, 1)]  # LP: not safe

    uit = onderdruk(waarden, totaal, 5, relaties)
    assert uit.cellen == ((Z, P), (P, P), (P, P), (P, P), (Z, S), (Z, Z))
    assert uit.totaal == (Z, Z)
    assert onthulde_cellen(waarden, totaal, uit, 5, relaties) == []


def test_inconsistent_tables_are_refused() -> None:
    with pytest.raises(ValueError, match="totalen"):
        onderdruk([[1], [2]], [4], 5)
    with pytest.raises(ValueError, match="Relatie"):
        onderdruk([[1, 2]], [1, 2], 5, [Ongelijkheid((1,), 0)])
    with pytest.raises(ValueError, match="k"):
        onderdruk([[1]], [1], 0)


# -- independent audit --------------------------------------------------------------------------


def onthulde_cellen(
    waarden: list[list[int]],
    totaal: list[int],
    uit: Onderdrukking,
    k: int,
    relaties: list[Ongelijkheid] | tuple[Ongelijkheid, ...],
) -> list[tuple[int, int, float]]:
    """Small cells a reader can prove to hold at least one, by one LP per cell (dense, slow)."""
    tabel = [*waarden, totaal]
    status = [*uit.cellen, uit.totaal]
    rijen, kolommen = len(tabel), len(totaal)
    index: dict[tuple[int, int], int] = {}
    grenzen: list[tuple[int, int | None]] = []
    for r in range(rijen):
        for c in range(kolommen):
            s = status[r][c]
            if s is Z:
                assert tabel[r][c] >= k, "a small count is shown"
                continue
            index[(r, c)] = len(grenzen)
            grenzen.append({P: (0, k - 1), S: (k, None), W: (0, None)}[s])

    def lijn(termen: list[tuple[int, int, float]]) -> tuple[np.ndarray, float]:
        rij, constant = np.zeros(len(grenzen)), 0.0
        for r, c, teken in termen:
            if (r, c) in index:
                rij[index[(r, c)]] += teken
            else:
                constant -= teken * tabel[r][c]
        return rij, constant

    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for c in range(kolommen):
        rij, b = lijn([*((r, c, 1.0) for r in range(rijen - 1)), (rijen - 1, c, -1.0)])
        a_eq.append(rij)
        b_eq.append(b)
    for r in range(rijen):
        for rel in relaties:
            rij, b = lijn([*((r, d, 1.0) for d in rel.delen), (r, rel.geheel, -1.0)])
            a_ub.append(rij)
            b_ub.append(b)
    onthuld = []
    for (r, c), i in index.items():
        if status[r][c] is not P:
            continue
        doel = np.zeros(len(grenzen))
        doel[i] = 1.0
        res = linprog(
            doel,
            A_ub=np.array(a_ub) if a_ub else None,
            b_ub=b_ub or None,
            A_eq=np.array(a_eq),
            b_eq=b_eq,
            bounds=grenzen,
            method="highs",
        )
        assert res.status == 0
        if res.fun > 1e-6:
            onthuld.append((r, c, float(res.fun)))
    return onthuld


def willekeurige_tabel(rng: random.Random, rijen: int) -> tuple[list[list[int]], list[int]]:
    """Rows that obey the report's relations: n, opgelost, verwezen, ja, nee, crisis, geen aanbod,
    veilig thuis."""
    waarden = []
    for _ in range(rijen):
        n = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 50])
        ja = rng.randint(0, n)
        nee = rng.randint(0, n - ja)
        opgelost = rng.randint(0, ja)
        verwezen = rng.randint(0, n - opgelost)
        crisis = rng.randint(0, n - opgelost - verwezen)
        veilig_thuis = rng.randint(0, n - opgelost - verwezen - crisis)
        waarden.append([n, opgelost, verwezen, ja, nee, crisis, rng.randint(0, n), veilig_thuis])
    return waarden, [sum(kol) for kol in zip(*waarden, strict=True)]


def test_no_small_cell_can_be_computed_back_from_random_report_tables() -> None:
    rng = random.Random(2026)
    for _ in range(120):
        waarden, totaal = willekeurige_tabel(rng, rng.randint(1, 7))
        uit = onderdruk(waarden, totaal, 5, RELATIES)
        assert onthulde_cellen(waarden, totaal, uit, 5, RELATIES) == [], (waarden, uit)


def test_the_independent_audit_does_catch_a_leak() -> None:
    """The checker itself must be able to fail: show the 4 + 4 table without the extra cell."""
    waarden, totaal = [[4], [4], [30]], [38]
    zwak = Onderdrukking(cellen=((P,), (P,), (Z,)), totaal=(Z,))
    assert [(r, c) for r, c, _ in onthulde_cellen(waarden, totaal, zwak, 5, [])] == [
        (0, 0),
        (1, 0),
    ]
