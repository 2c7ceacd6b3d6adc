"""The order of the bot's offers (``KaartZoeker.aanbod_voor``, no text): three ladders compared.

The bot shows the first ``MAX_AANBOD`` (3) offers and says there is no sociale basis when none
of them is sociale basis. For every thema x wijk (and no wijk) x persona (age unknown, 40, 80,
15) on the demo kaart and the second gemeente's kaart, every candidate the bot may see is read
once (``zoek`` without text, sociale basis and algemene voorziening) and ordered three ways:

- ``oud``: freshness before niveau (the order before issue 10's fix);
- ``ladder``: niveau, fresh before stale, own wijk, age-bound last, name;
- ``ladder+thema``: as ``ladder``, but an offer with fewer thema's before the name (production).

Printed per kaart and ladder: lookups; lookups with sociale basis on the kaart but none among
the three shown (the bot would wrongly say "geen vrijwillige hulp"); lookups whose first offer
is not sociale basis although there is some; lookups showing an algemene voorziening above a
sociale-basis offer; stale offers shown (each now flagged); a stale
offer shown above a fresh one of the same niveau (must be 0); the mean number of thema's of
the first offer and of the three shown (lower is more specific); lookups whose three differ
from ``ladder``.

Usage::

    .venv/bin/python benchmarks/kaart_botpad_volgorde.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kern.db import make_engine, make_session_factory, unit_of_work  # noqa: E402
from kern.gemeente import load_profiel  # noqa: E402
from kern.settings import KAART_VERS_DAGEN, Settings  # noqa: E402
from kern.themas import THEMAS  # noqa: E402
from sociale_kaart import service  # noqa: E402
from sociale_kaart.zoeken import BOT_NIVEAUS, Resultaat, ZoekVraag, zoek  # noqa: E402

KAARTEN = {
    "demo": ROOT / "demo_gemeente",
    "tweede": ROOT / "tests" / "fixtures" / "gemeente_tweede",
}
PERSONAS: tuple[tuple[int | None, bool | None], ...] = (
    (None, None),
    (40, False),
    (80, False),
    (15, True),
)
TONEN = 3

Sleutel = Callable[[Resultaat], tuple[object, ...]]
# Production's key without text: (niveau, stale, wijk, leeftijd, thema's, name, id).
LADDERS: dict[str, Sleutel] = {
    "oud": lambda r: (r.sorteer[1], r.sorteer[0], *r.sorteer[2:4], *r.sorteer[5:]),
    "ladder": lambda r: (*r.sorteer[:4], *r.sorteer[5:]),
    "ladder+thema": lambda r: r.sorteer,
}


def _kandidaten(settings: Settings, wijken: Sequence[str | None]) -> list[list[Resultaat]]:
    engine = make_engine(settings.db_url)
    lijsten = []
    try:
        factory = make_session_factory(engine)
        with unit_of_work(factory) as session:
            for thema in THEMAS:
                for wijk in wijken:
                    for leeftijd, minderjarig in PERSONAS:
                        vraag = ZoekVraag(
                            thema=thema,
                            leeftijd=leeftijd,
                            minderjarig=minderjarig,
                            wijk=wijk,
                            niveaus=tuple(BOT_NIVEAUS),
                            peildatum=date.today(),
                            vers_dagen=KAART_VERS_DAGEN,
                        )
                        lijsten.append(zoek(session, vraag, limiet=1000))
    finally:
        engine.dispose()
    return lijsten


def _meet(naam: str, lijsten: list[list[Resultaat]]) -> None:
    basis = {id(lijst): sorted(lijst, key=LADDERS["ladder"])[:TONEN] for lijst in lijsten}
    print(f"\n{naam}: {len(lijsten)} lookups, {sum(1 for x in lijsten if x)} with offers")
    print(
        f"  {'ladder':<13} {'geen_sb_fout':>12} {'1e_niet_sb':>10} {'av_boven_sb':>11} "
        f"{'oud_getoond':>11} {'oud_boven_vers':>14} {'themas_1e':>9} {'themas_3':>8} {'anders':>6}"
    )
    for ladder, sleutel in LADDERS.items():
        geen_sb = eerste_niet_sb = av_boven = oud = oud_boven = anders = 0
        eerste_themas: list[int] = []
        alle_themas: list[int] = []
        for lijst in lijsten:
            if not lijst:
                continue
            getoond = sorted(lijst, key=sleutel)[:TONEN]
            heeft_sb = any(r.aanbod.niveau.value == "sociale_basis" for r in lijst)
            if heeft_sb and not any(r.aanbod.niveau.value == "sociale_basis" for r in getoond):
                geen_sb += 1
            if heeft_sb and getoond[0].aanbod.niveau.value != "sociale_basis":
                eerste_niet_sb += 1
            niveaus = [r.aanbod.niveau.rang for r in getoond]
            if niveaus != sorted(niveaus):
                av_boven += 1
            oud += sum(1 for r in getoond if not r.vers)
            for i, r in enumerate(getoond):
                if not r.vers and any(
                    s.vers and s.aanbod.niveau == r.aanbod.niveau for s in getoond[i + 1 :]
                ):
                    oud_boven += 1
            eerste_themas.append(len(getoond[0].aanbod.themas))
            alle_themas.extend(len(r.aanbod.themas) for r in getoond)
            if [r.aanbod.id for r in getoond] != [r.aanbod.id for r in basis[id(lijst)]]:
                anders += 1
        print(
            f"  {ladder:<13} {geen_sb:>12} {eerste_niet_sb:>10} {av_boven:>11} {oud:>11} {oud_boven:>14} "
            f"{statistics.mean(eerste_themas):>9.3f} {statistics.mean(alle_themas):>8.3f} "
            f"{anders:>6}"
        )


def main() -> int:
    """Command-line entry point."""
    for naam, map_ in KAARTEN.items():
        with tempfile.TemporaryDirectory(prefix="kaart-volgorde-") as tmp:
            profiel = load_profiel(map_ / "gemeente.yml")
            settings = Settings.from_env(
                {
                    "WEGWIJZER_VAR_DIR": str(Path(tmp) / "var"),
                    "WEGWIJZER_DB_URL": f"sqlite:///{Path(tmp) / 'kaart.db'}",
                    "WEGWIJZER_GEMEENTE": str(map_ / "gemeente.yml"),
                }
            )
            service.init_database(settings, profiel)
            service.import_bestand(settings, map_ / "sociale_kaart.csv", vervang=True)
            wijken: list[str | None] = [None, *(w.naam for w in profiel.wijken)]
            _meet(naam, _kandidaten(settings, wijken))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
