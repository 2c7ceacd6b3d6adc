"""Size of the widget bundle as a resident's browser downloads it, raw and gzipped.

A benchmark, not a test: it prints figures and never fails on them. Runs with any python3::

    python3 benchmarks/widget_grootte.py [--geen-build]

It first builds the widget (``node web/widget/build.mjs``), then reports ``wegwijzer.js`` and
``wegwijzer.css`` (what a gemeente page loads for the widget) raw and gzipped at level 9, as a
server or CDN compressing static files would, and their gzipped sum against the 50 KB target of
issue 11. ``pagina.css`` (only our own chat and demo pages load it) is reported apart. No fonts
are shipped: the widget uses the system font stack.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "web" / "static" / "build"
#: Script and styles of the widget together, gzipped (issue 11, "Benchmarks").
DOEL_KB = 50.0
WIDGET = ("wegwijzer.js", "wegwijzer.css")
APART = ("pagina.css",)


def gzip_grootte(data: bytes) -> int:
    """Bytes after gzip level 9; mtime fixed so the figure does not depend on the clock."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def kb(n: int) -> str:
    """Bytes as KB (1 KB = 1024 bytes), one decimal."""
    return f"{n / 1024:.1f} KB"


def main() -> int:
    """Build, measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--geen-build", action="store_true", help="measure the existing build")
    args = parser.parse_args()
    if not args.geen_build:
        uit = subprocess.run(
            ["node", str(ROOT / "web" / "widget" / "build.mjs")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if uit.returncode != 0:
            print(uit.stdout + uit.stderr, file=sys.stderr)
            print("build mislukt / build failed", file=sys.stderr)
            return 1
        print("build: " + " | ".join(uit.stdout.strip().splitlines()))
    ontbreekt = [n for n in (*WIDGET, *APART) if not (BUILD / n).exists()]
    if ontbreekt:
        print(f"niet gevonden in {BUILD}: {', '.join(ontbreekt)}", file=sys.stderr)
        return 1

    print(f"{'bestand':<16}{'ruw':>12}{'gzip -9':>12}")
    totaal_ruw = totaal_gz = 0
    for naam in WIDGET:
        data = (BUILD / naam).read_bytes()
        ruw, gz = len(data), gzip_grootte(data)
        totaal_ruw += ruw
        totaal_gz += gz
        print(f"{naam:<16}{kb(ruw):>12}{kb(gz):>12}")
    print(f"{'widget samen':<16}{kb(totaal_ruw):>12}{kb(totaal_gz):>12}")
    for naam in APART:
        data = (BUILD / naam).read_bytes()
        print(f"{naam:<16}{kb(len(data)):>12}{kb(gzip_grootte(data)):>12}  (alleen eigen pagina's)")
    binnen = "binnen" if totaal_gz / 1024 <= DOEL_KB else "BOVEN"
    print(
        f"widget (script + stijl) gzipped: {totaal_gz} bytes = {kb(totaal_gz)}; "
        f"doel <= {DOEL_KB:.0f} KB: {binnen} het doel ({totaal_gz / 1024 / DOEL_KB:.0%})"
    )
    print("lettertypen: geen (systeemlettertypen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
