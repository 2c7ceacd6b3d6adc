"""``wegwijzer signalen …``: reports and exports for beleidsmedewerkers, and the schema upgrade.

Every user error raises :class:`signalen.SignaalFout`; ``wegwijzer.cli.main`` turns that into
a Dutch message and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import sessionmaker

from kern.settings import Settings
from signalen import SignaalFout

RAPPORT_FORMATEN = ("tekst", "csv", "xlsx", "json")
EXPORT_FORMATEN = ("jsonl", "csv")


def standaard_k(settings: Settings) -> int:
    """The k of the settings (``WEGWIJZER_SIGNALEN_K``, default 5): the floor for ``--k``."""
    return settings.signalen_k


def _datum(optie: str) -> Callable[[str], date]:
    """An argparse ``type=``: an ISO date, or a Dutch message that names the option."""

    def lees(waarde: str) -> date:
        try:
            return date.fromisoformat(waarde.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{optie} {waarde!r} is geen geldige datum. Schrijf JJJJ-MM-DD, "
                "bijvoorbeeld 2026-01-31."
            ) from None

    return lees


def _geheel_getal(optie: str) -> Callable[[str], int]:
    """An argparse ``type=``: a whole number (the minimum comes from the settings later)."""

    def lees(waarde: str) -> int:
        try:
            return int(waarde)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{optie} moet een geheel getal zijn, niet {waarde!r}."
            ) from None

    return lees


def _formaat(toegestaan: tuple[str, ...]) -> Callable[[str], str]:
    """An argparse ``type=`` for ``--format``: one of ``toegestaan``, any case."""

    def lees(waarde: str) -> str:
        formaat = waarde.strip().lower()
        if formaat not in toegestaan:
            raise argparse.ArgumentTypeError(
                f"Onbekend formaat {waarde!r}. Kies uit: {', '.join(toegestaan)}."
            )
        return formaat

    return lees


def _periode(args: argparse.Namespace, verplicht: bool) -> tuple[date | None, date | None]:
    van, tot = args.van, args.tot
    if verplicht:
        tot = tot or date.today()
        van = van or date(tot.year, 1, 1)
    if van is not None and tot is not None and van > tot:
        raise SignaalFout(
            f"--van ({van.isoformat()}) ligt na --tot ({tot.isoformat()}). Draai ze om."
        )
    return van, tot


def _k(settings: Settings, k: int | None) -> int:
    minimum = standaard_k(settings)
    if k is None:
        return minimum
    if k < minimum:
        raise SignaalFout(
            f"--k mag niet lager zijn dan {minimum} (de ingestelde grens, "
            "WEGWIJZER_SIGNALEN_K): kleinere groepen zijn herkenbaar."
        )
    return k


def _per(waarden: list[str] | None) -> list[str]:
    return [p.strip().lower() for w in waarden or [] for p in w.split(",") if p.strip()]


@contextmanager
def _database(settings: Settings) -> Iterator[sessionmaker]:
    """Sessions on the configured database; a clear error when the signal table is missing."""
    from sqlalchemy import inspect

    from kern.db import make_engine, make_session_factory

    engine = make_engine(settings.db_url)
    try:
        if not inspect(engine).has_table("signaal"):
            raise SignaalFout(
                "De database heeft nog geen tabel voor signalen. Maak die met: "
                "wegwijzer signalen migreer."
            )
        yield make_session_factory(engine)
    finally:
        engine.dispose()


def _schrijf(inhoud: str | bytes, uit: str | None, bom: bool = False) -> None:
    if uit is None:
        assert isinstance(inhoud, str)
        sys.stdout.write(inhoud)
        return
    pad = Path(uit)
    try:
        if isinstance(inhoud, bytes):
            pad.write_bytes(inhoud)
        else:
            with pad.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
                handle.write(inhoud)
    except OSError as exc:
        raise SignaalFout(f"Kan {pad} niet schrijven: {exc.strerror or exc}.") from None


def _rapport(settings: Settings, args: argparse.Namespace) -> int:
    from kern.gemeente import load_profiel
    from signalen.rapport import controleer_rapportvraag, maak_rapport, schrijf

    formaat = args.format
    if formaat == "xlsx" and not args.uit:
        raise SignaalFout("Een xlsx-bestand kan niet naar het scherm: geef --uit BESTAND.xlsx.")
    van, tot = _periode(args, verplicht=True)
    assert van is not None and tot is not None
    k = _k(settings, args.k)
    per = controleer_rapportvraag(van, tot, _per(args.per), k)  # before touching the database
    wijken = [w.naam for w in load_profiel(settings.gemeente_path).wijken]
    with _database(settings) as session_factory:
        rapport = maak_rapport(session_factory, van, tot, per, k=k, wijken=wijken)
    _schrijf(schrijf(rapport, formaat), args.uit, bom=formaat == "csv")
    if args.uit:
        print(f"Rapport ({len(rapport.rijen)} rijen) geschreven naar {args.uit}.")
    return 0


def _export(settings: Settings, args: argparse.Namespace) -> int:
    from signalen.export import exporteer

    formaat = args.format
    van, tot = _periode(args, verplicht=False)
    with _database(settings) as session_factory:
        if not args.uit:
            exporteer(session_factory, formaat, sys.stdout, van, tot)
            return 0
        pad = Path(args.uit)
        try:
            with pad.open(
                "w", encoding="utf-8-sig" if formaat == "csv" else "utf-8", newline=""
            ) as handle:
                aantal = exporteer(session_factory, formaat, handle, van, tot)
        except OSError as exc:
            raise SignaalFout(f"Kan {pad} niet schrijven: {exc.strerror or exc}.") from None
    print(f"{aantal} signalen geschreven naar {pad}.")
    return 0


def _migreer(settings: Settings, _args: argparse.Namespace) -> int:
    from signalen.migraties import richt_in

    print(f"Signalen bijgewerkt tot revisie {richt_in(settings)}; het geheim staat klaar.")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``signalen`` command group to the main parser."""
    signalen = subparsers.add_parser(
        "signalen", help="anonieme signalen voor beleid: rapporten en export"
    )
    sub = signalen.add_subparsers(dest="signalen_command", required=True)

    rap = sub.add_parser(
        "rapport",
        help="aantallen en percentages per thema, wijk en/of maand",
        description="Tel hulpvragen per thema, wijk en/of maand. Kleine aantallen (minder dan "
        "k) worden afgeschermd, ook als ze uit de totalen terug te rekenen zouden zijn. "
        "Voorbeeld: wegwijzer signalen rapport --van 2026-01-01 --tot 2026-12-31 --per thema "
        "--per wijk",
    )
    rap.add_argument(
        "--van",
        type=_datum("--van"),
        help="eerste dag, JJJJ-MM-DD (standaard: 1 januari van --tot)",
    )
    rap.add_argument(
        "--tot", type=_datum("--tot"), help="laatste dag, JJJJ-MM-DD (standaard: vandaag)"
    )
    rap.add_argument(
        "--per", action="append", help="thema, wijk of maand; mag vaker (--per thema --per wijk)"
    )
    rap.add_argument(
        "--format",
        type=_formaat(RAPPORT_FORMATEN),
        default="tekst",
        help="tekst (standaard), csv, xlsx of json",
    )
    rap.add_argument("--uit", help="schrijf naar dit bestand in plaats van naar het scherm")
    rap.add_argument(
        "--k",
        type=_geheel_getal("--k"),
        help="kleinste aantal dat getoond wordt (standaard en minimum: 5)",
    )
    rap.set_defaults(func=_rapport)

    exp = sub.add_parser(
        "export",
        help="de anonieme signalen zelf, als jsonl of csv",
        description="Schrijf alle signalen (één per hulpvraag) weg, zonder sleutel. Let op: dit "
        "zijn losse hulpvragen zonder afscherming van kleine groepen; houd de export intern.",
    )
    exp.add_argument(
        "--format", type=_formaat(EXPORT_FORMATEN), default="jsonl", help="jsonl (standaard) of csv"
    )
    exp.add_argument("--uit", help="schrijf naar dit bestand in plaats van naar het scherm")
    exp.add_argument("--van", type=_datum("--van"), help="alleen vanaf deze dag, JJJJ-MM-DD")
    exp.add_argument("--tot", type=_datum("--tot"), help="alleen tot en met deze dag, JJJJ-MM-DD")
    exp.set_defaults(func=_export)

    mig = sub.add_parser(
        "migreer", help="maak of werk de signalentabel bij en maak het geheim (ook bij setup)"
    )
    mig.set_defaults(func=_migreer)
