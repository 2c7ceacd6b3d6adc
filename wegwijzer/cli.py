"""The ``wegwijzer`` command: set-up, serving, status and the kaart tools."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from kern.geheim import GeheimFout
from kern.gemeente import ProfielFout
from kern.settings import Settings, SettingsFout
from signalen import SignaalFout
from sociale_kaart.template import KaartFout
from sociale_kaart.zoeken import ZoekFout
from wegwijzer.spacy_pipeline import PipelineFout


def _cmd_setup(settings: Settings, args: argparse.Namespace) -> int:
    from wegwijzer.provision import provision

    provision(settings, spacy_sha256=args.spacy_sha256, train=not args.zonder_training)
    return 0


def _cmd_serve(settings: Settings, _args: argparse.Namespace) -> int:
    from wegwijzer.serve import serve

    return serve(settings)


def _cmd_status(settings: Settings, args: argparse.Namespace) -> int:
    from wegwijzer.status import collect_status

    status = collect_status(settings)
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
    else:
        for key, value in status.items():
            print(f"{key:>16}: {value}")
    return 0


def _command_groups() -> list[Callable[[Any], None]]:
    """Each package that has commands registers them itself."""
    from privacy.cli import register as privacy
    from signalen.cli import register as signalen
    from sociale_kaart.cli import register as kaart
    from toegang.cli import register as gebruiker

    return [kaart, privacy, signalen, gebruiker]


class _Parser(argparse.ArgumentParser):
    """Argument errors in the same form as every other user error: ``Fout: …``, exit code 2.

    The ``type=`` functions of the commands raise Dutch messages that name the option
    themselves, so argparse's own (English) ``argument --van:`` prefix is left off.
    """

    def error(self, message: str) -> NoReturn:
        """Print the Dutch message and exit with code 2 (what argparse does, in our words)."""
        message = re.sub(r"^argument [^:]+: (?=--|[A-Z])", "", message)
        self.exit(2, f"Fout: {message}\n(hulp: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (Dutch help, since loket staff use the kaart commands)."""
    parser = _Parser(prog="wegwijzer", description="Wegwijzer sociaal domein")
    sub = parser.add_subparsers(dest="command", required=True)

    setup = sub.add_parser("setup", help="alles voorbereiden (spaCy, database, training)")
    setup.add_argument("--spacy-sha256", default=None, help="sha256 van het spaCy-model-wheel")
    setup.add_argument("--zonder-training", action="store_true", help="sla rasa train over")
    setup.set_defaults(func=_cmd_setup)

    serve = sub.add_parser("serve", help="start de Rasa-server en de actieserver")
    serve.set_defaults(func=_cmd_serve)

    status = sub.add_parser("status", help="toon welke pijplijn, model en kaart in gebruik zijn")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=_cmd_status)

    for register in _command_groups():
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; user errors become a Dutch message and exit code 2, never a traceback."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or an argument error (2, already printed)
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    try:
        settings = Settings.from_env()
        return int(args.func(settings, args))
    except (
        SettingsFout,
        ProfielFout,
        GeheimFout,
        KaartFout,
        PipelineFout,
        ZoekFout,
        SignaalFout,
    ) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
