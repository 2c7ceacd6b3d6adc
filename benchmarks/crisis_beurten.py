"""The labelled crisis set through the trained NLU model and through the engine as a later turn.

``benchmarks/crisis_set.py`` scores the rules alone. This one asks what a resident meets:

- ``nlu``: the intent the Rasa model (with the crisis layer) gives; ``crisis`` means Rasa's crisis
  rule fires. ``nlu_vt`` also counts ``hulpvraag_huiselijk_geweld`` for huiselijk_geweld lines
  (that thema puts Veilig Thuis first too).
- ``beurt``: the line as a later turn in an ongoing conversation (after a hulpvraag, while a
  question is pending), through :class:`triage.gesprek.Gesprek` with the model's intent. Caught
  means the first payload of the answer is the crisis payload, or for huiselijk_geweld the
  Veilig Thuis payload.

Usage (loads the model: about a minute, 800 MB)::

    .venv/bin/python benchmarks/crisis_beurten.py [--deel apart] [--fouten]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from crisis_set import DELEN, lees  # noqa: E402

OPENERS = (
    "ik heb hulp nodig bij het huishouden",
    "mijn moeder heeft dementie en ik kan het niet meer aan",
    "ik heb schulden en kom niet rond",
)


class _LegeKaart:
    def aanbod_voor(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def zoekwoorden(self, tekst: str) -> tuple[str, ...]:
        return ()


async def meet(delen: list[str], fouten: bool) -> None:
    """Print recall, precision (and for ``beurt`` the kind) per part."""
    from rasa.core.agent import Agent

    from kern.gemeente import load_profiel
    from triage.gesprek import Gesprek, Invoer, Toestand

    logging.disable(logging.WARNING)
    agent = Agent.load(str(ROOT / "models" / "wegwijzer.tar.gz"))
    gesprek = Gesprek(load_profiel(ROOT / "demo_gemeente" / "gemeente.yml"), _LegeKaart())

    async def parse(tekst: str) -> tuple[str, float]:
        uit = await agent.parse_message(tekst)
        return uit["intent"]["name"], float(uit["intent"].get("confidence") or 0.0)

    starts = []
    for opener in OPENERS:
        intent, conf = await parse(opener)
        stap = gesprek.verwerk(Toestand(), Invoer(opener, intent, conf, ()))
        starts.append(stap.toestand)
    for deel in delen:
        tel: dict[str, list[int]] = {k: [0, 0, 0, 0, 0] for k in ("nlu", "nlu_vt", "beurt")}
        lijst: list[str] = []
        for n, (tekst, label) in enumerate(lees(deel)):
            intent, conf = await parse(tekst)
            toestand = Toestand.from_slot(starts[n % len(starts)].to_slot())
            stap = gesprek.verwerk(toestand, Invoer(tekst, intent, conf, ()))
            eerste = next((b.payload for b in stap.berichten if b.payload), {}) or {}
            if eerste.get("type") == "crisis":
                soort: str | None = eerste["soort"]
            elif eerste.get("type") == "veilig_thuis":
                soort = "huiselijk_geweld"
            else:
                soort = None
            vt = intent == "crisis" or (
                intent == "hulpvraag_huiselijk_geweld" and label in ("huiselijk_geweld", None)
            )
            for sleutel, raak in (
                ("nlu", intent == "crisis"),
                ("nlu_vt", vt),
                ("beurt", soort is not None),
            ):
                t = tel[sleutel]
                if label is None:
                    t[2 if raak else 3] += 1
                    if raak and sleutel != "nlu_vt":
                        lijst.append(f"{sleutel} vals alarm ({intent}): {tekst}")
                else:
                    t[0 if raak else 1] += 1
                    if not raak and sleutel != "nlu_vt":
                        lijst.append(f"{sleutel} gemist ({intent} {conf:.2f}): {label}: {tekst}")
                    if raak and sleutel == "beurt":
                        if soort == label:
                            t[4] += 1
                        else:
                            lijst.append(f"beurt soort {label} -> {soort}: {tekst}")
        for sleutel, (tp, fn, fp, _, goed) in tel.items():
            regel = (
                f"{deel:10s} {sleutel:6s} recall {tp / max(1, tp + fn):.3f} ({tp}/{tp + fn})  "
                f"precisie {tp / max(1, tp + fp):.3f} ({tp}/{tp + fp})"
            )
            if sleutel == "beurt":
                regel += f"  soort {goed / max(1, tp):.3f} ({goed}/{tp})"
            print(regel)
        if fouten:
            for regel in lijst:
                print("  " + regel)


def main() -> None:
    """Parse the arguments and measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deel", choices=DELEN, action="append", help="only this part")
    parser.add_argument("--fouten", action="store_true", help="list the errors too")
    args = parser.parse_args()
    asyncio.run(meet(args.deel or list(DELEN), args.fouten))


if __name__ == "__main__":
    main()
