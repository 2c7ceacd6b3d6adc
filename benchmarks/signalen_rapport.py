"""Benchmark of the signal reports: 1,000,000 realistic signals on SQLite and PostgreSQL.

Generates signals for one year over the wijken of the demo profile (weekday rhythm, thema mix,
roads and answers that depend on the thema), bulk-loads them into a schema made by the real
migrations (SQLite: one executemany in one transaction; PostgreSQL: COPY into a scratch schema
that is dropped afterwards), then times ``maak_rapport`` + text output for several groupings
and prints the median of a few runs. Target: under 2 s per report on both databases.

Usage::

    .venv/bin/python benchmarks/signalen_rapport.py [--aantal 1000000] [--runs 5]
        [--pg-url URL | --geen-pg]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sqlalchemy import text  # noqa: E402

from kern.db import (  # noqa: E402
    make_engine,
    make_session_factory,
    tijdelijk_schema,
)
from kern.gemeente import load_profiel  # noqa: E402
from kern.themas import THEMAS  # noqa: E402
from signalen.migraties import upgrade  # noqa: E402
from signalen.model import signaal_tabel  # noqa: E402
from signalen.rapport import als_tekst, maak_rapport, tel  # noqa: E402
from signalen.signaal import LEEFTIJDSGROEPEN, VOOR_WIE  # noqa: E402

PG_URL = os.environ.get(
    "WEGWIJZER_TEST_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
)
PROFIEL = ROOT / "demo_gemeente" / "gemeente.yml"
JAAR = 2026
INDELINGEN: tuple[tuple[str, ...], ...] = (
    ("thema",),
    ("wijk",),
    ("thema", "wijk"),
    ("wijk", "maand"),
    ("thema", "wijk", "maand"),
)
KOLOMMEN = tuple(c.name for c in signaal_tabel.columns)
THEMA_GEWICHT = {
    "mantelzorg": 12,
    "eenzaamheid": 12,
    "dementie": 6,
    "opvoeden_opgroeien": 10,
    "geldzorgen": 14,
    "huishouden": 8,
    "vervoer": 5,
    "wonen": 7,
    "hulpmiddelen": 5,
    "psychisch": 8,
    "verslaving": 3,
    "werk_meedoen": 4,
    "administratie": 5,
    "huiselijk_geweld": 2,
}


def _kans(gewichten: list[float]) -> np.ndarray:
    p = np.asarray(gewichten, dtype=float)
    return p / p.sum()


def genereer(aantal: int, wijken: list[str], seed: int = 2026) -> list[tuple[object, ...]]:
    """``aantal`` signal rows (in column order of :data:`KOLOMMEN`), sorted by key."""
    rng = np.random.default_rng(seed)
    dagen = [date(JAAR, 1, 1) + timedelta(days=i) for i in range(365)]
    dag_gewicht = [
        (0.4 if d.weekday() >= 5 else 1.0) * (1.25 if d.month in (1, 2, 11, 12) else 1.0)
        for d in dagen
    ]
    datum = rng.choice(len(dagen), size=aantal, p=_kans(dag_gewicht))
    assert set(THEMA_GEWICHT) == set(THEMAS), "benchmark mist een thema"
    themas = [*THEMA_GEWICHT, None]
    thema = rng.choice(len(themas), size=aantal, p=_kans([*THEMA_GEWICHT.values(), 9]))
    wijk_namen = [*wijken, "onbekend"]
    wijk = rng.choice(
        len(wijk_namen), size=aantal, p=_kans([*(1.0 + i % 3 for i in range(len(wijken))), 1.5])
    )
    leeftijd = rng.choice(len(LEEFTIJDSGROEPEN), size=aantal, p=_kans([6, 9, 45, 25, 15]))
    voor_wie = rng.choice(len(VOOR_WIE), size=aantal, p=_kans([50, 15, 30, 5]))
    toeval = rng.random((aantal, 4))
    ids = [f"LW-{i:03d}" for i in range(1, 121)]
    rijen: list[tuple[object, ...]] = []
    sleutels = os.urandom(32 * aantal).hex()
    for i in range(aantal):
        t = themas[thema[i]]
        r1, r2, r3, r4 = toeval[i]
        if t is None:
            route = "buiten_scope" if r1 < 0.6 else "niet_begrepen" if r1 < 0.95 else "crisis_acuut"
        elif t == "huiselijk_geweld" and r1 < 0.4:
            route = "crisis_huiselijk_geweld"
        elif t == "psychisch" and r1 < 0.04:
            route = "crisis_suicide"
        elif r1 < 0.62:
            route = "sociale_basis"
        elif r1 < 0.97:
            route = "cjg" if t == "opvoeden_opgroeien" or leeftijd[i] <= 1 else "wmo_loket"
        else:
            route = "buiten_scope"
        if route == "sociale_basis":
            geholpen = "ja" if r2 < 0.45 else "nee" if r2 < 0.7 else "onbekend"
        elif route in ("wmo_loket", "cjg"):
            geholpen = "nee" if r2 < 0.4 else "onbekend"
        else:
            geholpen = "onbekend"
        geen_aanbod = route in ("wmo_loket", "cjg") and r3 < 0.3
        getoond = (
            ";".join(ids[int(r4 * 117) + j] for j in range(3))
            if route == "sociale_basis" or (geen_aanbod and r4 < 0.5)
            else ""
        )
        rijen.append(
            (
                sleutels[64 * i : 64 * i + 64],
                dagen[datum[i]],
                t,
                LEEFTIJDSGROEPEN[leeftijd[i]],
                VOOR_WIE[voor_wie[i]],
                wijk_namen[wijk[i]],
                route,
                getoond,
                geholpen,
                geen_aanbod,
            )
        )
    rijen.sort(key=lambda r: str(r[0]))  # append-order into the primary key: faster load
    return rijen


def laad_sqlite(url: str, rijen: list[tuple[object, ...]]) -> None:
    """One executemany in one transaction through the raw driver connection."""
    engine = make_engine(url)
    try:
        raw = engine.raw_connection()
        try:
            cursor: Any = raw.cursor()
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.executemany(
                f"INSERT INTO signaal ({', '.join(KOLOMMEN)}) VALUES ({', '.join('?' * len(KOLOMMEN))})",
                ((r[0], str(r[1]), *r[2:9], int(bool(r[9]))) for r in rijen),
            )
            raw.commit()
        finally:
            raw.close()
    finally:
        engine.dispose()


def laad_postgres(url: str, rijen: list[tuple[object, ...]]) -> None:
    """COPY in chunks, then VACUUM (as autovacuum would) so index-only scans are possible."""
    engine = make_engine(url)
    try:
        raw = engine.raw_connection()
        try:
            cursor: Any = raw.cursor()
            for start in range(0, len(rijen), 200_000):
                buffer = io.StringIO()
                schrijver = csv.writer(buffer)
                for r in rijen[start : start + 200_000]:
                    schrijver.writerow(["" if v is None else v for v in r])
                buffer.seek(0)
                cursor.copy_expert(
                    f"COPY signaal ({', '.join(KOLOMMEN)}) FROM STDIN WITH (FORMAT csv, FORCE_NOT_NULL (getoond))",
                    buffer,
                )
            raw.commit()
        finally:
            raw.close()
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM signaal"))
    finally:
        engine.dispose()


def _meet(functie: Callable[[], object], runs: int) -> list[float]:
    tijden = []
    for _ in range(runs):
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
    return tijden


def meet_database(
    naam: str, url: str, rijen: list[tuple[object, ...]], wijken: list[str], runs: int
) -> None:
    """Load, then time each grouping: SQL only, and the full report (SQL + suppression + text)."""
    upgrade(url)
    start = time.perf_counter()
    index = next(i for i in signaal_tabel.indexes if i.name == "ix_signaal_rapport")
    engine = make_engine(url)
    with engine.begin() as conn:
        index.drop(conn)  # built once after the load: much faster than row by row
    (laad_sqlite if naam == "SQLite" else laad_postgres)(url, rijen)
    with engine.begin() as conn:
        index.create(conn)
        conn.execute(text("ANALYZE signaal"))
    engine.dispose()
    print(f"\n{naam}: {len(rijen):,} signalen geladen in {time.perf_counter() - start:.1f} s")
    engine = make_engine(url)
    sessies = make_session_factory(engine)
    van, tot = date(JAAR, 1, 1), date(JAAR, 12, 31)
    print(
        f"  {'indeling':<22} {'rijen':>6} {'SQL p50':>9} {'rapport p50':>12} {'min':>7} {'max':>7}"
    )
    try:
        for per in INDELINGEN:
            sql = _meet(lambda per=per: tel(sessies, van, tot, per), runs)  # type: ignore[misc]
            rapporten: list[int] = []

            def rapport(per: tuple[str, ...] = per, rapporten: list[int] = rapporten) -> None:
                r = maak_rapport(sessies, van, tot, per, k=5, wijken=wijken)
                als_tekst(r)
                rapporten.append(len(r.rijen))

            volledig = _meet(rapport, runs)
            print(
                f"  {' x '.join(per):<22} {rapporten[-1]:>6} {statistics.median(sql):>8.3f}s"
                f" {statistics.median(volledig):>11.3f}s {min(volledig):>6.3f}s {max(volledig):>6.3f}s"
            )
    finally:
        engine.dispose()


def main() -> int:
    """Run the benchmark; print one table per database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pg-url", default=PG_URL)
    parser.add_argument("--geen-pg", action="store_true")
    args = parser.parse_args()

    wijken = [w.naam for w in load_profiel(PROFIEL).wijken]
    start = time.perf_counter()
    rijen = genereer(args.aantal, wijken)
    print(
        f"{len(rijen):,} signalen gegenereerd in {time.perf_counter() - start:.1f} s "
        f"({len(wijken)} wijken + onbekend, jaar {JAAR}); mediaan van {args.runs} runs."
    )
    with tempfile.TemporaryDirectory() as tmp:
        meet_database("SQLite", f"sqlite:///{Path(tmp) / 'signalen.db'}", rijen, wijken, args.runs)
    if not args.geen_pg:
        with tijdelijk_schema(args.pg_url, "bench_signalen") as url:
            meet_database("PostgreSQL", url, rijen, wijken, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
