"""The labelled crisis set: every crisis in the development part is caught, with the right kind.

``ontwikkel.jsonl`` is the part the rules were developed against; ``apart.jsonl`` is held out
(see ``benchmarks/crisis_set.py`` for the figures on both). Here the development part must
reach recall 1.0, suicide lines must come out as suicide (113 first), and false alarms stay
rare. The held-out part only has to stay usable as a set; its figures are reported, not tuned.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triage.crisis import CrisisSoort, detecteer, veilig_thuis_signaal

SET_DIR = Path(__file__).resolve().parent
SOORTEN = {s.value for s in CrisisSoort}
PRECISIE_VLOER = 0.97


def lees(deel: str) -> list[tuple[str, str | None]]:
    regels = []
    for regel in (SET_DIR / f"{deel}.jsonl").read_text(encoding="utf-8").splitlines():
        if regel.strip():
            data = json.loads(regel)
            regels.append((data["text"], data["crisis"]))
    return regels


ONTWIKKEL = lees("ontwikkel")
APART = lees("apart")


def test_the_set_is_large_varied_and_well_formed() -> None:
    alles = ONTWIKKEL + APART
    assert len(alles) >= 300 and len(APART) >= 100
    assert {label for _, label in alles} == SOORTEN | {None}
    teksten = [t for t, _ in alles]
    assert len(set(teksten)) == len(teksten), "a line is in the set twice"
    assert not {t for t, _ in ONTWIKKEL} & {t for t, _ in APART}


@pytest.mark.parametrize("tekst,label", [(t, label) for t, label in ONTWIKKEL if label is not None])
def test_every_crisis_in_the_development_part_is_caught(tekst: str, label: str) -> None:
    oordeel = detecteer(tekst)
    if oordeel is None and label == CrisisSoort.HUISELIJK_GEWELD.value:
        # control, stalking, fear at home: the huiselijk_geweld thema, Veilig Thuis first
        assert veilig_thuis_signaal(tekst), f"gemist: {tekst}"
        return
    assert oordeel is not None, f"gemist: {tekst}"
    if label == CrisisSoort.SUICIDE.value:
        assert oordeel.soort is CrisisSoort.SUICIDE
        assert oordeel.nummers()[0].telefoon == "113"
    else:
        assert oordeel.soort.value == label


def test_false_alarms_stay_rare_in_the_development_part() -> None:
    gevonden = sum(1 for t, label in ONTWIKKEL if label is not None and detecteer(t) is not None)
    vals = [
        t
        for t, label in ONTWIKKEL
        if label is None and (detecteer(t) is not None or veilig_thuis_signaal(t))
    ]
    assert gevonden / (gevonden + len(vals)) >= PRECISIE_VLOER, vals


def test_suicide_lines_in_the_held_out_part_that_are_caught_are_suicide() -> None:
    """The kind, not the recall: 113 must come first whenever suicide is recognised."""
    verkeerd = [
        t
        for t, label in APART
        if label == "suicide"
        and (o := detecteer(t)) is not None
        and o.soort is not CrisisSoort.SUICIDE
    ]
    assert verkeerd == []
