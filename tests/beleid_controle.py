"""Checks that a published table hides what it must: shared by the dashboard and web tests.

Independent of :mod:`signalen.onderdrukking` on purpose: the counts are recomputed from the
seeded rows (:func:`ruwe_tellingen`) and the reader's reasoning is redone here
(:func:`afleidbaar`): every shown cell is exact, ``<k`` is ``[0, k-1]``, ``x`` is ``[k, ∞)``,
``–`` is ``[0, ∞)``; each column adds up to its total ("total minus the visible cells") and the
row relations of the report hold (parts ≤ whole). Interval propagation to a fixed point; a
small cell whose lower bound becomes 1 or more has been given away.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from signalen.rapport import MATEN, MOGELIJKE_RELATIES, RELATIES

#: What a cell of an output is: a number, or one of the CLI's markers.
Uitvoer = int | float | str | None
ONEINDIG = math.inf


def maten_van_rij(rij: Mapping[str, Any]) -> list[int]:
    """The counts of one seeded signal row, in the order of :data:`signalen.rapport.MATEN`."""
    route, geholpen = rij["route"], rij["geholpen"]
    return [
        1,
        int(route == "sociale_basis" and geholpen == "ja"),
        int(route in ("wmo_loket", "cjg")),
        int(geholpen == "ja"),
        int(geholpen == "nee"),
        int(route.startswith("crisis_")),
        int(bool(rij["geen_passend_aanbod"])),
        int(route == "veilig_thuis"),
    ]


def ruwe_tellingen(
    rijen: Iterable[Mapping[str, Any]], van: date, tot: date, per: Sequence[str]
) -> dict[tuple[Any, ...], list[int]]:
    """Counts per group, recomputed in plain Python from the seeded rows (no report code)."""
    uit: dict[tuple[Any, ...], list[int]] = {}
    for rij in rijen:
        if not van <= rij["datum"] <= tot:
            continue
        groep = tuple(
            f"{rij['datum'].year:04d}-{rij['datum'].month:02d}" if p == "maand" else rij[p]
            for p in per
        )
        som = uit.setdefault(groep, [0] * len(MATEN))
        for i, waarde in enumerate(maten_van_rij(rij)):
            som[i] += waarde
    return uit


def grenzen_van(cel: Uitvoer, k: int) -> tuple[float, float]:
    """What a reader knows about one output cell."""
    if isinstance(cel, bool):
        raise AssertionError(f"onverwachte cel {cel!r}")
    if isinstance(cel, int | float):
        return float(cel), float(cel)
    if cel == f"<{k}":
        return 0.0, float(k - 1)
    if cel == "x":
        return float(k), ONEINDIG
    if cel == "–":
        return 0.0, ONEINDIG
    raise AssertionError(f"onbekende cel {cel!r}")


def afleidbaar(
    lichaam: Sequence[Sequence[Uitvoer]],
    totaal: Sequence[Uitvoer],
    k: int,
    relaties: Sequence[tuple[tuple[int, ...], int]] = (),
) -> list[tuple[int, int]]:
    """Small cells (``<k``) a reader can prove hold at least one person: (row, column).

    Rows of ``lichaam`` add up to ``totaal`` per column; ``relaties`` are (parts, whole)
    column indices with sum(parts) <= whole in every row, the totals row included.
    """
    tabel = [list(r) for r in lichaam] + [list(totaal)]
    lo = [[grenzen_van(c, k)[0] for c in r] for r in tabel]
    hi = [[grenzen_van(c, k)[1] for c in r] for r in tabel]
    n, breedte = len(lichaam), len(totaal)
    for _ in range(1000):
        oud = ([r[:] for r in lo], [r[:] for r in hi])
        for c in range(breedte):
            som_lo = sum(lo[r][c] for r in range(n))
            som_hi = sum(hi[r][c] for r in range(n))
            lo[n][c] = max(lo[n][c], som_lo)
            hi[n][c] = min(hi[n][c], som_hi)
            for r in range(n):
                overig_lo = som_lo - lo[r][c]
                overig_hi = sum(hi[i][c] for i in range(n) if i != r)
                hi[r][c] = min(hi[r][c], hi[n][c] - overig_lo)
                lo[r][c] = max(lo[r][c], lo[n][c] - overig_hi)
        for delen, geheel in relaties:
            for r in range(n + 1):
                delen_lo = sum(lo[r][d] for d in delen)
                lo[r][geheel] = max(lo[r][geheel], delen_lo)
                for d in delen:
                    hi[r][d] = min(hi[r][d], hi[r][geheel] - (delen_lo - lo[r][d]))
        lo = [[math.ceil(v - 1e-9) for v in r] for r in lo]
        hi = [[v if math.isinf(v) else math.floor(v + 1e-9) for v in r] for r in hi]
        if (lo, hi) == oud:
            break
    return [
        (r, c)
        for r in range(n + 1)
        for c in range(breedte)
        if tabel[r][c] == f"<{k}" and lo[r][c] >= 1
    ]


def relaties_voor(
    kolommen: Sequence[int], ruw: Iterable[Sequence[int]]
) -> list[tuple[tuple[int, ...], int]]:
    """The report's relations between the shown MATEN columns, as positions in ``kolommen``.

    ``ruw`` holds the true counts of the shown columns only (same positions).

    The "possible" relations count only when every row obeys them (as in the report), since a
    reader who knows the bot may assume them.
    """
    rijen = list(ruw)
    uit = []
    for ong in (*RELATIES, *MOGELIJKE_RELATIES):
        if ong.geheel not in kolommen or not all(d in kolommen for d in ong.delen):
            continue
        delen, geheel = tuple(kolommen.index(d) for d in ong.delen), kolommen.index(ong.geheel)
        if ong in MOGELIJKE_RELATIES and not all(
            sum(r[d] for d in delen) <= r[geheel] for r in rijen
        ):
            continue
        uit.append((delen, geheel))
    return uit


def controleer(
    lichaam: Sequence[Sequence[Uitvoer]],
    totaal: Sequence[Uitvoer],
    ruw_lichaam: Sequence[Sequence[int]],
    ruw_totaal: Sequence[int],
    k: int,
    kolommen: Sequence[int],
) -> None:
    """The whole proof for one published table (counts only, columns = ``kolommen`` of MATEN).

    1. Every shown number is the true count, and no count below k is shown.
    2. No ``<k`` cell can be derived from totals minus visible cells or the row relations.
    """
    assert len(lichaam) == len(ruw_lichaam)
    for uit_rij, ruw_rij in zip([*lichaam, totaal], [*ruw_lichaam, ruw_totaal], strict=False):
        for cel, waarde in zip(uit_rij, ruw_rij, strict=False):
            if isinstance(cel, int | float) and not isinstance(cel, bool):
                assert cel == waarde, (uit_rij, ruw_rij)
                assert waarde >= k, f"waarde {waarde} < k={k} getoond"
            elif cel == f"<{k}":
                assert waarde < k
            elif cel == "x":
                assert waarde >= k, "x staat voor een groot aantal"
    onveilig = afleidbaar(lichaam, totaal, k, relaties_voor(kolommen, [*ruw_lichaam, ruw_totaal]))
    assert not onveilig, f"af te leiden kleine cellen: {onveilig}"


_GETAL = re.compile(r"\d[\d.]*(?:,\d+)?%?")


def getallen_in(tekst: str) -> list[str]:
    """The numbers in a Dutch sentence as written (``1.234``, ``12,5%``), years excluded."""
    return [g for g in _GETAL.findall(tekst) if not re.fullmatch(r"20\d\d", g)]


def lees_getal(tekst: str) -> Uitvoer:
    """A table cell as the page or the CLI text shows it, back to a value or a marker."""
    tekst = tekst.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})*", tekst):
        return int(tekst.replace(".", ""))
    if re.fullmatch(r"\d+(?:\.\d{3})*,\d%?", tekst):
        return float(tekst.rstrip("%").replace(".", "").replace(",", "."))
    return tekst
