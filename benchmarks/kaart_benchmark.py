"""Benchmark of the sociale kaart: import time and memory, search latency on SQLite and PostgreSQL.

Generates a kaart of 10,000 offers over 20 wijken (``kaart_data.py``), imports it with the
real CLI in a child process (wall time and peak RSS of that process), re-imports it unchanged,
with ``--vervang`` also re-imports it with ``kaart import --vervang`` (unchanged, then with 10 %
of the offers left out, which removes them), then runs a fixed mix of loket searches (text with filters) and bot lookups (thema, wijk,
age) and prints p50/p95/max per database. Targets: search p95 < 20 ms, import < 30 s,
import memory < 300 MB.

Usage::

    .venv/bin/python benchmarks/kaart_benchmark.py [--aantal 10000] [--wijken 20]
        [--zoekvragen 400] [--vervang] [--pg-url URL | --geen-pg]

``--zoekvragen 0`` skips the searches (to time imports only).

PostgreSQL uses a scratch schema on ``--pg-url`` (default: the test server at
127.0.0.1:5432/test) that is dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kaart_data import genereer  # noqa: E402  (same folder: sys.path[0] when run as a script)

from kern.db import make_engine, make_session_factory, tijdelijk_schema, unit_of_work  # noqa: E402
from kern.gemeente import load_profiel  # noqa: E402
from kern.themas import THEMAS, Niveau  # noqa: E402
from sociale_kaart.zoeken import BOT_NIVEAUS, ZoekVraag, zoek  # noqa: E402

PG_URL = os.environ.get(
    "WEGWIJZER_TEST_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
)

TEKSTEN = (
    "mantelzorg dementie",
    "oppas",
    "schulden",
    "kinderen",
    "eenzaam",
    "vergeten",
    "mantelzrog",
    "hulp bij formulieren",
    "rolstoel lenen",
    "maatje",
    "opvoeden puber",
    "wandelen",
    "taalcafe",
    "huishoudelijke hulp",
    "dagbesteding zonder indicatie",
    "verslaving alcohol",
    "geldzorgen kinderen",
    "respijt",
    "depressie",
    "buurthuis koffie",
)


def _p95(waarden: list[float]) -> float:
    geordend = sorted(waarden)
    return geordend[min(len(geordend) - 1, round(0.95 * len(geordend)) - 1)]


@dataclass(frozen=True)
class Meting:
    """Latencies of one kind of query on one database, in milliseconds.

    ``cpu`` is the CPU time of this process (for SQLite that includes the database engine):
    on a shared machine it shows what a query costs, apart from waiting for a free core.
    """

    naam: str
    ms: list[float]
    cpu: list[float]

    def regel(self) -> str:
        """One line of the report."""
        return (
            f"{self.naam:<40} n={len(self.ms):>4}  p50={statistics.median(self.ms):6.2f} ms  "
            f"p95={_p95(self.ms):6.2f} ms  max={max(self.ms):6.2f} ms  "
            f"(cpu p50={statistics.median(self.cpu):5.2f} p95={_p95(self.cpu):5.2f} ms)"
        )


def _importeer(
    db_url: str, profiel: Path, kaart: Path, var_dir: Path, *opties: str
) -> tuple[float, float, str]:
    """Run the CLI import in a child; return wall seconds, peak RSS in MB and its output."""
    env = {
        **os.environ,
        "WEGWIJZER_DB_URL": db_url,
        "WEGWIJZER_GEMEENTE": str(profiel),
        "WEGWIJZER_VAR_DIR": str(var_dir),
    }
    code = (
        "import resource, sys; from wegwijzer.cli import main; rc = main(sys.argv[1:]); "
        "print('RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(rc)"
    )
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, "kaart", "import", str(kaart), "--geen-voortgang", *opties],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    seconden = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"import mislukt:\n{proc.stdout}\n{proc.stderr}")
    rss_kb = next(int(r.split()[1]) for r in proc.stdout.splitlines() if r.startswith("RSS_KB"))
    uitvoer = next(r for r in proc.stdout.splitlines() if r.startswith("Sociale kaart"))
    return seconden, rss_kb / 1024, uitvoer


def _zoekvragen(
    n: int, wijken: list[str], seed: int = 7
) -> tuple[list[ZoekVraag], list[ZoekVraag]]:
    rng = random.Random(seed)
    loket: list[ZoekVraag] = []
    bot: list[ZoekVraag] = []
    for _ in range(n):
        loket.append(
            ZoekVraag(
                tekst=rng.choice(TEKSTEN),
                wijk=rng.choice(wijken) if rng.random() < 0.6 else None,
                leeftijd=rng.choice((8, 35, 80)) if rng.random() < 0.4 else None,
                thema=rng.choice(list(THEMAS)) if rng.random() < 0.15 else None,
                niveaus=tuple(Niveau),
            )
        )
        bot.append(
            ZoekVraag(
                thema=rng.choice(list(THEMAS)),
                wijk=rng.choice(wijken) if rng.random() < 0.8 else None,
                leeftijd=rng.choice((None, 8, 35, 80)),
                niveaus=tuple(BOT_NIVEAUS),
            )
        )
    return loket, bot


def _meet(db_url: str, vragen: list[ZoekVraag], naam: str, limiet: int) -> Meting:
    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    try:
        for vraag in vragen[:20]:  # warm-up: connection pool, vocabulary cache, plans
            with unit_of_work(factory) as session:
                zoek(session, vraag, limiet)
        ms = []
        cpu = []
        for vraag in vragen:
            start, start_cpu = time.perf_counter(), time.process_time()
            with unit_of_work(factory) as session:
                zoek(session, vraag, limiet)
            ms.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        return Meting(naam, ms, cpu)
    finally:
        engine.dispose()


def _kleiner(kaart: Path, doel: Path, weglaten: float = 0.1) -> Path:
    """A copy of the kaart without every tenth offer (what ``--vervang`` then removes)."""
    regels = kaart.read_text(encoding="utf-8").splitlines(keepends=True)
    stap = round(1 / weglaten)
    doel.write_text(
        "".join(r for i, r in enumerate(regels) if i == 0 or i % stap), encoding="utf-8"
    )
    return doel


def _database(
    naam: str, db_url: str, profiel: Path, kaart: Path, tmp: Path, n: int, vervang: bool
) -> None:
    seconden, rss, uitvoer = _importeer(db_url, profiel, kaart, tmp)
    print(f"[{naam}] import (nieuw):        {seconden:6.1f} s, piek-RSS {rss:6.0f} MB  ({uitvoer})")
    seconden, rss, uitvoer = _importeer(db_url, profiel, kaart, tmp)
    print(f"[{naam}] import (ongewijzigd):  {seconden:6.1f} s, piek-RSS {rss:6.0f} MB  ({uitvoer})")
    if vervang:
        seconden, rss, uitvoer = _importeer(db_url, profiel, kaart, tmp, "--vervang")
        print(
            f"[{naam}] import --vervang (ongewijzigd): {seconden:6.1f} s, "
            f"piek-RSS {rss:6.0f} MB  ({uitvoer})"
        )
        kleiner = _kleiner(kaart, tmp / "kleiner.csv")
        seconden, rss, uitvoer = _importeer(db_url, profiel, kleiner, tmp, "--vervang")
        print(
            f"[{naam}] import --vervang (10 % weg):    {seconden:6.1f} s, "
            f"piek-RSS {rss:6.0f} MB  ({uitvoer})"
        )
    if n <= 0:
        return
    wijken = [w.naam for w in load_profiel(profiel).wijken]
    loket, bot = _zoekvragen(n, wijken)
    print(f"[{naam}] {_meet(db_url, loket, 'loket: tekst + filters, limiet 10', 10).regel()}")
    print(f"[{naam}] {_meet(db_url, bot, 'bot: thema + wijk + leeftijd, limiet 3', 3).regel()}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=10_000)
    parser.add_argument("--wijken", type=int, default=20)
    parser.add_argument("--zoekvragen", type=int, default=400)
    parser.add_argument("--pg-url", default=PG_URL)
    parser.add_argument("--geen-pg", action="store_true")
    parser.add_argument(
        "--vervang", action="store_true", help="time `kaart import --vervang` as well"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kaart-bench-") as tmp_naam:
        tmp = Path(tmp_naam)
        profiel, kaart = genereer(tmp / "data", args.aantal, args.wijken)
        print(
            f"Kaart: {args.aantal} aanbod over {args.wijken} wijken "
            f"({kaart.stat().st_size / 1e6:.1f} MB CSV); load average {_load()}"
        )
        _database(
            "SQLite",
            f"sqlite:///{tmp / 'bench.db'}",
            profiel,
            kaart,
            tmp,
            args.zoekvragen,
            args.vervang,
        )
        if not args.geen_pg:
            with tijdelijk_schema(args.pg_url, "bench") as url:
                _database("PostgreSQL", url, profiel, kaart, tmp, args.zoekvragen, args.vervang)
    print(f"(meetmachine: {os.cpu_count()} cores, load average {_load()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
