"""Recall, precision and over-scrubbing of the de-identification layer.

Reads ``tests/fixtures/privacy_berichten.jsonl`` (make it with ``maak_privacy_berichten.py``)
and prints per kind of identifier: strict recall (nothing of the identifier survives), the
precision of what was scrubbed, how many non-identifier words were scrubbed, the load times
and the median time per message.

Usage::

    .venv/bin/python benchmarks/privacy_recall.py [--fixture PATH] [--cache-dir DIR] [-v]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from privacy.deidentify import Deidentifier, default_cache_dir  # noqa: E402
from privacy.engine import load_deduce  # noqa: E402
from privacy.evaluation import RECALL_DOELEN, evaluate, load_berichten  # noqa: E402

DEFAULT_FIXTURE = ROOT / "tests" / "fixtures" / "privacy_berichten.jsonl"


def main() -> int:
    """Run the benchmark; exit status 1 when a recall target is not met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixture", type=Path, default=DEFAULT_FIXTURE)
    parser.add_argument("--cache-dir", type=Path, default=default_cache_dir())
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()

    t0 = time.perf_counter()
    model = load_deduce(args.cache_dir)
    load_s = time.perf_counter() - t0
    deid = Deidentifier(model)
    berichten = load_berichten(args.fixture)

    result = evaluate(deid, berichten)

    timings = []
    for bericht in berichten:
        start = time.perf_counter()
        deid.deidentify(bericht.tekst)
        timings.append(time.perf_counter() - start)

    print(f"{len(berichten)} berichten uit {args.fixture.relative_to(ROOT)}")
    print(
        f"{'soort':<14}{'gelabeld':>9}{'gevonden':>9}{'recall':>8}{'goede soort':>12}"
        f"{'gemarkeerd':>11}{'precisie':>9}{'doel':>6}"
    )
    failed = False
    for kind in sorted(result.per_kind):
        s = result.per_kind[kind]
        target = RECALL_DOELEN.get(kind)
        ok = "" if target is None else ("ok" if s.recall >= target else "NEE")
        failed = failed or ok == "NEE"
        print(
            f"{kind:<14}{s.labelled:>9}{s.found:>9}{s.recall:>8.3f}{s.right_kind:>12}"
            f"{s.predicted:>11}{s.precision:>9.3f}{ok:>6}"
        )
    print(
        f"over-scrubbing: {result.other_tokens_removed} van {result.other_tokens} andere "
        f"woorden vervangen ({result.over_scrub_rate:.2%}); "
        f"meest: {result.removed_words.most_common(8)}"
    )
    print(
        f"deduce laden (cache {args.cache_dir}): {load_s:.2f} s; "
        f"mediaan per bericht {statistics.median(timings) * 1000:.2f} ms, "
        f"max {max(timings) * 1000:.2f} ms"
    )
    if args.verbose:
        for soort, value, text in result.misses:
            print(f"GEMIST {soort}: {value!r} in {text!r}")
        for kind, value, text in result.false_positives:
            print(f"EXTRA {kind}: {value!r} in {text!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
