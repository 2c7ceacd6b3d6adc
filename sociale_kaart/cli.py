"""``wegwijzer kaart …``: the kaart commands for gemeente staff and loket staff."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from wegwijzer.settings import Settings


def _import(settings: Settings, args: argparse.Namespace) -> int:
    from sociale_kaart.service import import_bestand

    samenvatting = import_bestand(settings, Path(args.bestand), vervang=args.vervang)
    print(f"Sociale kaart ingelezen: {samenvatting}.")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``kaart`` command group to the main parser."""
    kaart = subparsers.add_parser("kaart", help="de sociale kaart beheren en doorzoeken")
    kaart_sub = kaart.add_subparsers(dest="kaart_command", required=True)
    imp = kaart_sub.add_parser("import", help="lees een sociale kaart in (alles of niets)")
    imp.add_argument("bestand", help="CSV-bestand volgens het sjabloon")
    imp.add_argument("--vervang", action="store_true", help="vervang de hele kaart")
    imp.set_defaults(func=_import)
