"""Sweep the classifier-only crisis threshold (``triage.crisis.CLASSIFIER_DREMPEL``) on the model.

Each line is parsed once with the classifier-only path switched off, so the rule layer still
fires and the classifier's own intent and confidence are kept. Then, for every threshold, the
crisis layer is applied again as in the Rasa component (``nlu``) and the line goes through
:class:`triage.gesprek.Gesprek` as a later turn (``beurt``, as in ``crisis_beurten.py``). The
everyday out-of-scope set (``tests/buiten_scope/evaluatie.txt``) gives the false crisis count
that must stay 0.

Usage (loads the model: about a minute)::

    .venv/bin/python benchmarks/crisis_drempel.py [--model models/wegwijzer.tar.gz] [--fouten 0.75]
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

DREMPELS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
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


async def meet(model: Path, fouten: float | None) -> None:
    """Print, per threshold, recall and precision per part and the out-of-scope crisis count."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    import triage.crisis as crisis
    from kern.gemeente import load_profiel
    from triage.gesprek import Gesprek, Invoer, Toestand
    from wegwijzer.open_wereld import lees_regels

    logging.disable(logging.WARNING)
    configure_structlog(logging.WARNING)  # else every parse is printed at debug level
    oorspronkelijk = crisis.CLASSIFIER_DREMPEL
    crisis.CLASSIFIER_DREMPEL = 2.0  # parse with the classifier-only path off
    agent = Agent.load(str(model))
    gesprek = Gesprek(load_profiel(ROOT / "demo_gemeente" / "gemeente.yml"), _LegeKaart())

    async def parse(tekst: str) -> tuple[str, float]:
        uit = await agent.parse_message(tekst)
        return str(uit["intent"]["name"]), float(uit["intent"].get("confidence") or 0.0)

    starts = []
    for opener in OPENERS:
        intent, conf = await parse(opener)
        starts.append(gesprek.verwerk(Toestand(), Invoer(opener, intent, conf, ())).toestand)
    delen: dict[str, list[tuple[str, str | None, str, float]]] = {}
    for deel in DELEN:
        delen[deel] = []
        for tekst, label in lees(deel):
            delen[deel].append((tekst, label, *(await parse(tekst))))
    oos: list[tuple[str, str, float]] = []
    for tekst in lees_regels():
        oos.append((tekst, *(await parse(tekst))))

    print(f"model {model}  (huidige CLASSIFIER_DREMPEL {oorspronkelijk})")
    kop = "drempel | " + " | ".join(f"{d} nlu R / P | {d} beurt R / P" for d in DELEN)
    print(kop + " | OOS crisis")
    for drempel in DREMPELS:
        crisis.CLASSIFIER_DREMPEL = drempel
        cellen = []
        lijst: list[str] = []
        for deel, regels in delen.items():
            tel = {"nlu": [0, 0, 0], "beurt": [0, 0, 0]}  # tp, fn, fp
            for n, (tekst, label, intent, conf) in enumerate(regels):
                raak_nlu = crisis.beoordeel(tekst, intent, conf) is not None
                i2, c2 = ("crisis", 1.0) if raak_nlu else (intent, conf)
                toestand = Toestand.from_slot(starts[n % len(starts)].to_slot())
                stap = gesprek.verwerk(toestand, Invoer(tekst, i2, c2, ()))
                eerste = next((b.payload for b in stap.berichten if b.payload), {}) or {}
                raak_beurt = eerste.get("type") in ("crisis", "veilig_thuis")
                for sleutel, raak in (("nlu", raak_nlu), ("beurt", raak_beurt)):
                    t = tel[sleutel]
                    if label is None:
                        t[2] += raak
                        if raak and sleutel == "nlu":
                            lijst.append(f"{deel} vals alarm ({intent} {conf:.2f}): {tekst}")
                    else:
                        t[0 if raak else 1] += 1
                        if not raak and sleutel == "nlu":
                            lijst.append(f"{deel} gemist ({intent} {conf:.2f}): {label}: {tekst}")
            for sleutel in ("nlu", "beurt"):
                tp, fn, fp = tel[sleutel]
                cellen.append(
                    f"{tp / max(1, tp + fn):.3f} ({tp}/{tp + fn}) / {tp / max(1, tp + fp):.3f} ({fp} fp)"
                )
        oos_crisis = [t for t, i, c in oos if crisis.beoordeel(t, i, c) is not None]
        print(f"{drempel:.2f} | " + " | ".join(cellen) + f" | {len(oos_crisis)}")
        for tekst in oos_crisis:
            print(f"    OOS crisis: {tekst}")
        if fouten is not None and abs(drempel - fouten) < 1e-9:
            for regel in lijst:
                print("    " + regel)
    crisis.CLASSIFIER_DREMPEL = oorspronkelijk


def main() -> None:
    """Parse the arguments and measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "wegwijzer.tar.gz")
    parser.add_argument("--fouten", type=float, help="list the errors at this threshold")
    args = parser.parse_args()
    asyncio.run(meet(args.model, args.fouten))


if __name__ == "__main__":
    main()
