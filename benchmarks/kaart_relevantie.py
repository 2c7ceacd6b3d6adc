"""Relevance of the kaart search on labelled loket queries: precision@3 and nDCG@5.

The judgements are in ``tests/fixtures/kaart/relevantie.yml`` (written from the offers' content,
before the ranking was tuned). Each query is searched as the loket does (all niveaus, limit 10)
on the demo kaart in a scratch SQLite database, and scored:

- precision@3: relevant offers (``verwacht`` or ``passend``) among the first three results,
  divided by ``min(3, number of relevant offers)``, so a query with one right answer can score 1;
- nDCG@5: gain 2 for ``verwacht``, 1 for ``passend``, log2 discount, against the ideal order.

Usage::

    .venv/bin/python benchmarks/kaart_relevantie.py [--set demo|toets|hofwolde|veenmarke]
        [--alle] [--uitleg]
    .venv/bin/python benchmarks/kaart_relevantie.py --overzicht

``--set toets`` (or ``--toets``) scores the second set ``relevantie_toets.yml`` (27 queries
written before the search was tuned); report it next to the development figure. It was held
out until the ranking review of 2026-12-01, whose misses were analysed on both sets (the rules
it added are general ones, no query or offer names).

Two more gemeenten, each with its own kaart and a set written blind on 2026-12-02 from the
offers' content only, by someone who had not seen the search code or its results:
``--set hofwolde`` (``tests/fixtures/gemeente_tweede``, 69 queries; its misses were analysed
the same day) and ``--set veenmarke`` (``tests/fixtures/gemeente_derde``, a kaart of 85 offers
made for this, 82 queries; only its figure was read, before and after: the one for a kaart the
ranking was not tuned on). ``--overzicht`` prints the means of all four side by side.

``--alle`` prints every query; by default only those with precision@3 below 1. ``--uitleg``
adds, per printed query, the labelled offers with their place and each top-5 result's score
and reasons (niveau, wijk, freshness, text matches), to classify what went wrong. The test
``tests/integration/test_kaart_relevantie.py`` runs the same set and requires a floor.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy.orm import sessionmaker  # noqa: E402

from kern.db import make_engine, make_session_factory, unit_of_work  # noqa: E402
from kern.settings import Settings  # noqa: E402
from sociale_kaart.service import import_bestand  # noqa: E402
from sociale_kaart.zoeken import ZoekVraag, zoek  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
RELEVANTIE_SET = FIXTURES / "kaart" / "relevantie.yml"
#: Queries written before the search was tuned (``--toets``; analysed since 2026-12-01).
TOETS_SET = FIXTURES / "kaart" / "relevantie_toets.yml"
DEMO = ROOT / "demo_gemeente"


@dataclass(frozen=True)
class Verzameling:
    """A labelled set and the gemeente (profile and kaart) it was written for."""

    set: Path
    gemeente: Path
    uitleg: str


#: Every labelled set, by the name ``--set`` takes. Hofwolde's and Veenmarke's were written
#: blind on 2026-12-02, from the offers' content only, by someone who had not seen the search
#: code or its results. Hofwolde's misses were analysed that day; Veenmarke's kaart and set
#: were made that day too, and its figure was only read, before and after: the unseen figure.
VERZAMELINGEN: dict[str, Verzameling] = {
    "demo": Verzameling(RELEVANTIE_SET, DEMO, "demo kaart, ontwikkelset"),
    "toets": Verzameling(TOETS_SET, DEMO, "demo kaart, tweede set (geanalyseerd)"),
    "hofwolde": Verzameling(
        FIXTURES / "kaart" / "relevantie_hofwolde.yml",
        FIXTURES / "gemeente_tweede",
        "Hofwolde, blind geschreven (geanalyseerd)",
    ),
    "veenmarke": Verzameling(
        FIXTURES / "kaart" / "relevantie_derde.yml",
        FIXTURES / "gemeente_derde",
        "Veenmarke, blind geschreven, nooit op afgestemd",
    ),
}


@dataclass(frozen=True)
class Oordeel:
    """One labelled query: the search and the grade of every relevant offer."""

    vraag: ZoekVraag
    cijfers: dict[str, int]  # offer id -> 2 (verwacht) or 1 (passend)

    @property
    def label(self) -> str:
        """The query as a loket user would type it, with its filters."""
        extra = [
            f"{k}={getattr(self.vraag, k)}"
            for k in ("wijk", "leeftijd", "thema", "doelgroep")
            if getattr(self.vraag, k) is not None
        ]
        return " ".join([repr(self.vraag.tekst), *extra])


@dataclass(frozen=True)
class Score:
    """The result of one query."""

    oordeel: Oordeel
    ids: tuple[str, ...]
    precisie3: float
    ndcg5: float


@dataclass(frozen=True)
class Uitslag:
    """Scores of the whole set."""

    scores: tuple[Score, ...]

    @property
    def precisie3(self) -> float:
        """Mean precision@3."""
        return statistics.fmean(s.precisie3 for s in self.scores)

    @property
    def ndcg5(self) -> float:
        """Mean nDCG@5."""
        return statistics.fmean(s.ndcg5 for s in self.scores)


def lees_set(path: Path = RELEVANTIE_SET) -> list[Oordeel]:
    """Read the judgements; every query gets the set's fixed peildatum (freshness is stable)."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    peildatum = data["peildatum"]
    if not isinstance(peildatum, date):
        peildatum = date.fromisoformat(str(peildatum))
    oordelen = []
    for item in data["vragen"]:
        cijfers = {i: 1 for i in item.get("passend") or []}
        cijfers.update({i: 2 for i in item["verwacht"]})
        vraag = ZoekVraag(
            tekst=item["tekst"],
            wijk=item.get("wijk"),
            leeftijd=item.get("leeftijd"),
            thema=item.get("thema"),
            doelgroep=item.get("doelgroep"),
            peildatum=peildatum,
        )
        oordelen.append(Oordeel(vraag, cijfers))
    return oordelen


def _dcg(cijfers: list[int]) -> float:
    return sum((2**c - 1) / math.log2(i + 2) for i, c in enumerate(cijfers))


def scoor(oordeel: Oordeel, ids: list[str]) -> Score:
    """Precision@3 and nDCG@5 of one result list."""
    relevant = oordeel.cijfers
    top3 = [i for i in ids[:3] if i in relevant]
    precisie = len(top3) / min(3, len(relevant))
    ideaal = _dcg(sorted(relevant.values(), reverse=True)[:5])
    ndcg = _dcg([relevant.get(i, 0) for i in ids[:5]]) / ideaal
    return Score(oordeel, tuple(ids), precisie, ndcg)


def onbereikbaar(factory: sessionmaker, oordeel: Oordeel) -> list[str]:
    """Labelled offers that the query's filters exclude (a labelling error, not a ranking one)."""
    from dataclasses import replace

    with unit_of_work(factory) as session:
        toegelaten = {r.aanbod.id for r in zoek(session, replace(oordeel.vraag, tekst=None), 500)}
    return sorted(set(oordeel.cijfers) - toegelaten)


def meet(factory: sessionmaker, oordelen: list[Oordeel], limiet: int = 10) -> Uitslag:
    """Search every labelled query and score it."""
    scores = []
    for oordeel in oordelen:
        with unit_of_work(factory) as session:
            ids = [r.aanbod.id for r in zoek(session, oordeel.vraag, limiet)]
        scores.append(scoor(oordeel, ids))
    return Uitslag(tuple(scores))


@contextmanager
def demo_kaart(tmp: Path, gemeente: Path = DEMO) -> Iterator[sessionmaker]:
    """A gemeente's kaart (the demo by default) in a scratch SQLite database under ``tmp``."""
    url = f"sqlite:///{tmp / 'relevantie.db'}"
    settings = Settings.from_env(
        {
            "WEGWIJZER_VAR_DIR": str(tmp / "var"),
            "WEGWIJZER_DB_URL": url,
            "WEGWIJZER_GEMEENTE": str(gemeente / "gemeente.yml"),
        }
    )
    import_bestand(settings, gemeente / "sociale_kaart.csv", vervang=False)
    engine = make_engine(url)
    try:
        yield make_session_factory(engine)
    finally:
        engine.dispose()


def _uitleg(factory: sessionmaker, s: Score, namen: dict[str, str]) -> list[str]:
    """The labels of one query, and the place, score and reasons of the top 5 and the misses."""
    with unit_of_work(factory) as session:
        resultaten = zoek(session, s.oordeel.vraag, 10)
    plaats = {r.aanbod.id: i for i, r in enumerate(resultaten, start=1)}
    regels = []
    for cijfer, soort in ((2, "verwacht"), (1, "passend")):
        ids = [i for i, c in s.oordeel.cijfers.items() if c == cijfer]
        if ids:
            regels.append(
                f"{soort}: "
                + ", ".join(f"{i} {namen.get(i, '?')[:24]} (#{plaats.get(i, '-')})" for i in ids)
            )
    getoond = [r for r in resultaten[:5]]
    getoond += [r for r in resultaten[5:] if s.oordeel.cijfers.get(r.aanbod.id) == 2]
    for r in getoond:
        cijfer = s.oordeel.cijfers.get(r.aanbod.id, 0)
        regels.append(
            f"#{plaats[r.aanbod.id]} [{'-*'[cijfer > 0] if cijfer < 2 else '**'}] {r.aanbod.id} "
            f"{r.aanbod.naam[:30]} score={r.score:.1f} sorteer={r.sorteer[:2]}"
        )
        regels.extend(f"     {reden}" for reden in r.redenen[1:])
    return regels


def _meet_set(naam: str) -> tuple[list[Oordeel], Uitslag]:
    """One named set, on a fresh scratch copy of its gemeente's kaart."""
    verzameling = VERZAMELINGEN[naam]
    oordelen = lees_set(verzameling.set)
    with (
        tempfile.TemporaryDirectory(prefix="kaart-relevantie-") as tmp,
        demo_kaart(Path(tmp), verzameling.gemeente) as factory,
    ):
        return oordelen, meet(factory, oordelen)


def overzicht() -> None:
    """Precision@3 and nDCG@5 of every set, side by side."""
    print(f"{'set':<10} {'vragen':>6} {'P@3':>6} {'nDCG@5':>7}  kaart")
    for naam, verzameling in VERZAMELINGEN.items():
        oordelen, uitslag = _meet_set(naam)
        print(
            f"{naam:<10} {len(oordelen):>6} {uitslag.precisie3:>6.3f} {uitslag.ndcg5:>7.3f}"
            f"  {verzameling.uitleg}"
        )


def main() -> int:
    """Command-line entry point: print per-query problems and the two means."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        choices=sorted(VERZAMELINGEN),
        default="demo",
        help="which labelled set (and its gemeente's kaart); default: demo",
    )
    parser.add_argument("--toets", action="store_true", help="the same as --set toets")
    parser.add_argument(
        "--overzicht", action="store_true", help="only the two means of every set, side by side"
    )
    parser.add_argument("--alle", action="store_true", help="print every query")
    parser.add_argument(
        "--uitleg",
        action="store_true",
        help="per printed query also the labels and every top-5 result's reasons and score",
    )
    args = parser.parse_args()
    if args.overzicht:
        overzicht()
        return 0
    verzameling = VERZAMELINGEN["toets" if args.toets else args.set]
    oordelen = lees_set(verzameling.set)
    with (
        tempfile.TemporaryDirectory(prefix="kaart-relevantie-") as tmp,
        demo_kaart(Path(tmp), verzameling.gemeente) as factory,
    ):
        for oordeel in oordelen:
            if missen := onbereikbaar(factory, oordeel):
                print(f"LET OP: {oordeel.label}: gelabeld maar uitgefilterd: {missen}")
        uitslag = meet(factory, oordelen)
        with unit_of_work(factory) as session:
            namen = {r.aanbod.id: r.aanbod.naam for r in zoek(session, ZoekVraag(), 500)}
        uitleg: dict[str, list[str]] = {}
        if args.uitleg:
            for s in uitslag.scores:
                if args.alle or s.precisie3 < 1:
                    uitleg[s.oordeel.label] = _uitleg(factory, s, namen)
    for s in uitslag.scores:
        if args.alle or s.precisie3 < 1:
            top = ", ".join(
                f"{i}{'**' if s.oordeel.cijfers.get(i) == 2 else '*' if i in s.oordeel.cijfers else ''}"
                f" {namen.get(i, '?')[:28]}"
                for i in s.ids[:3]
            )
            print(f"P@3={s.precisie3:.2f} nDCG@5={s.ndcg5:.2f}  {s.oordeel.label}\n    {top}")
            for regel in uitleg.get(s.oordeel.label, ()):
                print(f"      {regel}")
    print(
        f"\n{len(oordelen)} zoekvragen: precision@3 = {uitslag.precisie3:.3f}, "
        f"nDCG@5 = {uitslag.ndcg5:.3f}   (** verwacht, * passend)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
