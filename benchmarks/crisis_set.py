"""Recall, precision and soort accuracy of the crisis rules on the labelled crisis set.

The set lives in ``tests/crisis/``: ``ontwikkel.jsonl`` (the rules were developed against it)
and ``apart.jsonl`` (held out: written before the rules were tuned, not looked at while writing
them). Each line is ``{"text": ..., "crisis": "suicide" | "huiselijk_geweld" | "acuut" | null}``.

Usage::

    .venv/bin/python benchmarks/crisis_set.py [--fouten]

A ``huiselijk_geweld`` line counts as caught when the crisis rules give huiselijk_geweld, or when
they find nothing and :func:`triage.crisis.veilig_thuis_signaal` fires (control, stalking, fear at
home: the conversation then takes the huiselijk_geweld thema, Veilig Thuis first, see
``triage.gesprek``). The signal firing on a ``null`` line is a false alarm like any other.

``--fouten`` also lists every miss, false alarm and wrong soort (do not use it on the held-out
part while writing rules).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from triage.crisis import CrisisSoort, detecteer, veilig_thuis_signaal

SET_DIR = Path(__file__).resolve().parents[1] / "tests" / "crisis"
DELEN = ("ontwikkel", "apart")


@dataclass
class Meting:
    """Counts on one part of the set."""

    regels: int = 0
    positief: int = 0
    gevonden: int = 0  # true positives
    vals_alarm: int = 0
    soort_goed: int = 0
    missers: list[str] = field(default_factory=list)
    vals: list[str] = field(default_factory=list)
    verkeerde_soort: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of the crisis lines that the rules caught."""
        return self.gevonden / self.positief if self.positief else 1.0

    @property
    def precisie(self) -> float:
        """Share of the rules' alarms that were a crisis line."""
        gemeld = self.gevonden + self.vals_alarm
        return self.gevonden / gemeld if gemeld else 1.0

    @property
    def soort_nauwkeurigheid(self) -> float:
        """Share of the caught crisis lines with the labelled kind."""
        return self.soort_goed / self.gevonden if self.gevonden else 1.0


def lees(deel: str) -> list[tuple[str, str | None]]:
    """The (text, label) pairs of one part."""
    regels = []
    for regel in (SET_DIR / f"{deel}.jsonl").read_text(encoding="utf-8").splitlines():
        if regel.strip():
            data = json.loads(regel)
            regels.append((data["text"], data["crisis"]))
    return regels


def soort_van(tekst: str) -> str | None:
    """The kind the rule layer gives ``tekst``: a crisis kind, huiselijk_geweld by the signal, or None."""
    oordeel = detecteer(tekst)
    if oordeel is not None:
        return oordeel.soort.value
    return CrisisSoort.HUISELIJK_GEWELD.value if veilig_thuis_signaal(tekst) else None


def meet(regels: list[tuple[str, str | None]]) -> Meting:
    """Score the rule layer on labelled lines."""
    m = Meting()
    for tekst, label in regels:
        m.regels += 1
        oordeel = soort_van(tekst)
        if label is None:
            if oordeel is not None:
                m.vals_alarm += 1
                m.vals.append(f"{oordeel}: {tekst}")
            continue
        m.positief += 1
        if oordeel is None:
            m.missers.append(f"{label}: {tekst}")
            continue
        m.gevonden += 1
        if oordeel == label:
            m.soort_goed += 1
        else:
            m.verkeerde_soort.append(f"{label} -> {oordeel}: {tekst}")
    return m


def main() -> None:
    """Print the figures of both parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fouten", action="store_true", help="list the errors too")
    parser.add_argument("--deel", choices=DELEN, action="append", help="only this part")
    args = parser.parse_args()
    for deel in args.deel or DELEN:
        m = meet(lees(deel))
        print(
            f"{deel:10s} regels {m.regels:4d}  positief {m.positief:4d}  "
            f"recall {m.recall:.3f} ({m.gevonden}/{m.positief})  "
            f"precisie {m.precisie:.3f} ({m.gevonden}/{m.gevonden + m.vals_alarm})  "
            f"soort {m.soort_nauwkeurigheid:.3f} ({m.soort_goed}/{m.gevonden})"
        )
        if args.fouten:
            for kop, lijst in (
                ("gemist", m.missers),
                ("vals alarm", m.vals),
                ("verkeerde soort", m.verkeerde_soort),
            ):
                for regel in lijst:
                    print(f"  {kop}: {regel}")


if __name__ == "__main__":
    main()
