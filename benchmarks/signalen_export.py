"""Benchmark of the k-anonymous export: time, and how much it generalises and leaves out.

Uses the realistic signals of :mod:`benchmarks.signalen_rapport` (one year, demo wijken),
loaded into SQLite by the real migrations, then runs :func:`signalen.export.exporteer` (CSV to
memory) for a few k and prints time and what was held back. No target: the figures tell the web
download whether it needs a background job or a per-month cache (finished months never change).

Usage::

    .venv/bin/python benchmarks/signalen_export.py [--aantal 100000] [--k 5 10]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for pad in (ROOT, ROOT / "benchmarks"):
    if str(pad) not in sys.path:
        sys.path.insert(0, str(pad))

from signalen_rapport import PROFIEL, genereer, laad_sqlite  # noqa: E402

from kern.db import make_engine, make_session_factory  # noqa: E402
from kern.gemeente import load_profiel  # noqa: E402
from signalen.export import exporteer  # noqa: E402
from signalen.migraties import upgrade  # noqa: E402


def main() -> int:
    """Load, export per k, print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=100_000)
    parser.add_argument("--k", type=int, nargs="+", default=[5, 10])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as map_:
        url = f"sqlite:///{map_}/export.db"
        upgrade(url)
        wijken = [w.naam for w in load_profiel(PROFIEL).wijken]
        laad_sqlite(url, genereer(args.aantal, wijken))
        engine = make_engine(url)
        try:
            sessies = make_session_factory(engine)
            for k in args.k:
                start = time.perf_counter()
                v = exporteer(sessies, "csv", io.StringIO(), k=k).vrijgave
                duur = time.perf_counter() - start
                print(
                    f"{args.aantal:,} signalen, k={k}: {duur:.1f} s; vrijgegeven {v.vrijgegeven:,} "
                    f"({100 * v.vrijgegeven / max(v.aangeboden, 1):.1f}%), waarvan "
                    f"{v.gegeneraliseerd:,} gegeneraliseerd; weggelaten {v.weggelaten:,}; "
                    f"per kolom {dict(v.per_kolom)}; {len(v.klassen):,} combinaties"
                )
        finally:
            engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
