"""``wegwijzer signalen …``: reports and exports for beleidsmedewerkers, and the schema upgrade.

Periods are whole months that are over (``--periode 2026-K1``, ``--van 2026-01 --tot
2026-03``; see :mod:`signalen.periode`), for reports and exports alike; the export releases
k-anonymous month-level rows only (:mod:`signalen.vrijgave`) and says on stderr what it held
back. Every user error raises :class:`signalen.SignaalFout`; ``wegwijzer.cli.main`` turns that
into a Dutch message and exit code 2.
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
from signalen.periode import (
    controleer_periode,
    laatste_afgesloten_dag,
    lees_datum,
    lees_periode,
)

RAPPORT_FORMATEN = ("tekst", "csv", "xlsx", "json")
EXPORT_FORMATEN = ("jsonl", "csv")


def standaard_k(settings: Settings) -> int:
    """The k of the settings (``WEGWIJZER_SIGNALEN_K``, default 5): the floor for ``--k``."""
    return settings.signalen_k


def _vandaag() -> date:
    """Today, in one place (tests replace it): it decides which months are over."""
    return date.today()


def _datum(optie: str) -> Callable[[str], date]:
    """An argparse ``type=``: ``JJJJ-MM-DD`` or ``JJJJ-MM`` (first day for --van, last for --tot).

    Whether the day is a month boundary is checked later, by the same code the web uses.
    """

    def lees(waarde: str) -> date:
        try:
            return lees_datum(waarde, optie, einde=optie == "--tot")
        except SignaalFout as fout:
            raise argparse.ArgumentTypeError(str(fout)) from None

    return lees


def _periode_type(waarde: str) -> tuple[date, date]:
    """An argparse ``type=`` for ``--periode``: a year, a quarter or a month."""
    try:
        return lees_periode(waarde)
    except SignaalFout as fout:
        raise argparse.ArgumentTypeError(str(fout)) from None


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


def _periode(
    args: argparse.Namespace, vandaag: date, verplicht: bool
) -> tuple[date | None, date | None]:
    """The requested ends; the checks themselves are in :mod:`signalen.periode`.

    With ``verplicht`` (reports): ``--tot`` defaults to the end of the last finished month and
    ``--van`` to 1 January of the year of ``--tot``.
    """
    if args.periode is not None:
        if args.van is not None or args.tot is not None:
            raise SignaalFout("Gebruik --periode óf --van en --tot, niet allebei.", veld="periode")
        van_periode, tot_periode = args.periode
        return van_periode, tot_periode
    van, tot = args.van, args.tot
    if verplicht:
        tot = tot or laatste_afgesloten_dag(vandaag)
        van = van or date(tot.year, 1, 1)
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
    vandaag = _vandaag()
    van, tot = _periode(args, vandaag, verplicht=True)
    assert van is not None and tot is not None
    k = _k(settings, args.k)
    # Before touching the database: whole, finished months, known groupings, a valid k.
    per = controleer_rapportvraag(van, tot, _per(args.per), k, vandaag)
    wijken = [w.naam for w in load_profiel(settings.gemeente_path).wijken]
    with _database(settings) as session_factory:
        rapport = maak_rapport(session_factory, van, tot, per, k=k, wijken=wijken, vandaag=vandaag)
    _schrijf(schrijf(rapport, formaat), args.uit, bom=formaat == "csv")
    if args.uit:
        print(f"Rapport ({len(rapport.rijen)} rijen) geschreven naar {args.uit}.")
    return 0


def _export(settings: Settings, args: argparse.Namespace) -> int:
    """Release and write; the summary (what was generalised or left out) goes to stderr."""
    from signalen.export import maak_export, melding, schrijf_export

    formaat = args.format
    vandaag = _vandaag()
    van, tot = _periode(args, vandaag, verplicht=False)
    k = _k(settings, args.k)
    tot = tot or laatste_afgesloten_dag(vandaag)  # only months that are over
    controleer_periode(van, tot, vandaag)  # before touching the database
    with _database(settings) as session_factory:
        export = maak_export(session_factory, k, van, tot, vandaag)
    if not args.uit:
        schrijf_export(export, formaat, sys.stdout)
    else:
        pad = Path(args.uit)
        try:
            with pad.open(
                "w", encoding="utf-8-sig" if formaat == "csv" else "utf-8", newline=""
            ) as handle:
                aantal = schrijf_export(export, formaat, handle)
        except OSError as exc:
            raise SignaalFout(f"Kan {pad} niet schrijven: {exc.strerror or exc}.") from None
        print(f"{aantal} signalen geschreven naar {pad}.")
    print(melding(export), file=sys.stderr)
    return 0


def _migreer(settings: Settings, _args: argparse.Namespace) -> int:
    from signalen.migraties import richt_in

    print(f"Signalen bijgewerkt tot revisie {richt_in(settings)}; het geheim staat klaar.")
    return 0


def _periode_opties(parser: argparse.ArgumentParser, standaard: bool) -> None:
    """``--periode`` or ``--van``/``--tot``, the same for reports and exports."""
    parser.add_argument(
        "--periode",
        type=_periode_type,
        help="een jaar (2026), kwartaal (2026-K1) of maand (2026-03); in plaats van --van/--tot",
    )
    parser.add_argument(
        "--van",
        type=_datum("--van"),
        help="eerste maand, JJJJ-MM of de eerste dag ervan, JJJJ-MM-01"
        + (
            " (standaard: januari van het jaar van --tot)"
            if standaard
            else " (standaard: het begin)"
        ),
    )
    parser.add_argument(
        "--tot",
        type=_datum("--tot"),
        help="laatste maand, JJJJ-MM of de laatste dag ervan (standaard: de vorige maand, de "
        "laatste die voorbij is)",
    )


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
        "k) worden afgeschermd, ook als ze uit de totalen terug te rekenen zouden zijn. Een "
        "rapport gaat over hele maanden die voorbij zijn (of kwartalen of jaren). "
        "Voorbeeld: wegwijzer signalen rapport --periode 2026-K1 --per thema --per wijk",
    )
    _periode_opties(rap, standaard=True)
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
        help="de anonieme signalen zelf (per maand, afgeschermd), als jsonl of csv",
        description="Schrijf de signalen (één rij per hulpvraag) weg, zonder sleutel en met de "
        "maand in plaats van de dag. Elke combinatie van alle kolommen komt minstens k keer "
        "voor: zeldzamere rijen worden algemener gemaakt (wijk wordt 'overig', leeftijdsgroep "
        "en voor wie 'onbekend', het getoonde aanbod 'afgeschermd') of weggelaten. Bovenaan "
        "het bestand en op het scherm staat hoeveel. Alleen hele maanden die voorbij zijn.",
    )
    exp.add_argument(
        "--format", type=_formaat(EXPORT_FORMATEN), default="jsonl", help="jsonl (standaard) of csv"
    )
    exp.add_argument("--uit", help="schrijf naar dit bestand in plaats van naar het scherm")
    _periode_opties(exp, standaard=False)
    exp.add_argument(
        "--k",
        type=_geheel_getal("--k"),
        help="elke combinatie komt minstens zo vaak voor (standaard en minimum: 5)",
    )
    exp.set_defaults(func=_export)

    mig = sub.add_parser(
        "migreer", help="maak of werk de signalentabel bij en maak het geheim (ook bij setup)"
    )
    mig.set_defaults(func=_migreer)
