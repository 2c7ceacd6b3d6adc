"""``python -m privacy``: build the lookup cache, or de-identify text from stdin.

Usage::

    python -m privacy prepare [--cache-dir DIR]   # at set-up: build (or check) the cache
    echo "ik ben Jan, 06-12345678" | python -m privacy deidentify [--cache-dir DIR]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from privacy.deidentify import default_cache_dir, get_deidentifier, prepare


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m privacy", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["prepare", "deidentify"])
    parser.add_argument("--cache-dir", type=Path, default=default_cache_dir())
    args = parser.parse_args(argv)

    start = time.perf_counter()
    prepare(args.cache_dir)
    seconds = time.perf_counter() - start
    if args.command == "prepare":
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"privacy: opzoeklijsten klaar in {seconds:.2f} s ({args.cache_dir}), {rss_mb:.0f} MB"
        )
        return 0
    deidentifier = get_deidentifier()
    for line in sys.stdin:
        print(deidentifier.deidentify(line.rstrip("\n")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
