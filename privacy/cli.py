"""``wegwijzer privacy …``: retention of conversation transcripts."""

from __future__ import annotations

import argparse
import time
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from kern.settings import Settings


def _opschonen(settings: Settings, args: argparse.Namespace) -> int:
    from kern.db import make_engine
    from privacy.bewaartermijn import opschonen, opschonen_inlog_log

    engine = make_engine(settings.db_url)
    try:
        while True:
            try:
                weg = opschonen(engine, settings.bewaartermijn_dagen)
                log_weg = opschonen_inlog_log(engine, settings.inlog_log_maanden)
            except SQLAlchemyError as exc:
                if not args.herhaal:
                    raise
                # A passing database hiccup must not stop the bot; the next round retries.
                print(
                    f"Opschonen mislukt ({type(exc).__name__}); volgende poging later.", flush=True
                )
            else:
                print(
                    f"Gesprekken ouder dan {settings.bewaartermijn_dagen} dagen opgeschoond: "
                    f"{weg} gebeurtenissen verwijderd.",
                    flush=True,
                )
                print(
                    f"Inloglog ouder dan {settings.inlog_log_maanden} maanden opgeschoond: "
                    f"{log_weg} regels verwijderd.",
                    flush=True,
                )
            if not args.herhaal:
                return 0
            time.sleep(args.herhaal)
    finally:
        engine.dispose()


def register(subparsers: Any) -> None:
    """Add the ``privacy`` command group."""
    privacy = subparsers.add_parser("privacy", help="bewaartermijn van gesprekken")
    sub = privacy.add_subparsers(dest="privacy_command", required=True)
    op = sub.add_parser(
        "opschonen", help="verwijder gesprekken ouder dan WEGWIJZER_BEWAARTERMIJN_DAGEN (30)"
    )
    op.add_argument(
        "--herhaal", type=int, default=0, metavar="SECONDEN", help="blijf dit elke N seconden doen"
    )
    op.set_defaults(func=_opschonen)
