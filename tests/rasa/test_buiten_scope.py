"""Everyday requests do not start a triage, and never raise a crisis (issue 9 targets).

The trained model parses each line of ``tests/buiten_scope/evaluatie.txt`` (1,000+ everyday
Dutch messages that are not in the training data); the real conversation engine then handles it
as the first message of a chat (:mod:`wegwijzer.open_wereld` says what counts as a triage).
The shares are printed (``pytest -s``) with the thema accuracy on the conversation tests, so the
two are always read together; ``make eval-nlu`` writes the same figures to reports/nlu.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.rasa.test_nlu_gesprekken import user_turns
from wegwijzer.open_wereld import OosResultaat, evalueer_oos, lees_contrast, lees_regels

pytestmark = pytest.mark.rasa

#: At most this share of everyday messages may start a triage.
MAX_TRIAGE = 0.05
#: Contrast lines (care transport, kwijtschelding, ...) that must keep their thema.
MIN_CONTRAST = 0.9


@pytest.fixture(scope="module")
def oos(parse: Any) -> OosResultaat:
    return evalueer_oos(parse(regel) for regel in lees_regels())


def test_everyday_requests_rarely_start_a_triage(oos: OosResultaat, parse: Any) -> None:
    turns = user_turns()
    thema = [(t, i) for t, i in turns if i.startswith("hulpvraag_")]
    thema_goed = sum(parse(t)["intent"]["name"] == i for t, i in thema)
    telling = oos.telling()
    print(
        f"\nbuiten-scope-set: {oos.aantal} regels; triage {oos.aandeel('triage'):.1%}, "
        f"buiten_scope {oos.aandeel('buiten_scope'):.1%}, crisis {telling['crisis']}; "
        + ", ".join(f"{u} {n}" for u, n in telling.most_common())
        + f"\nthema-nauwkeurigheid gesprekstests: {thema_goed}/{len(thema)}"
        f" ({thema_goed / len(thema):.1%})"
    )
    assert oos.aantal >= 1000
    assert oos.aandeel("triage") <= MAX_TRIAGE, oos.met("triage")


def test_everyday_requests_never_raise_a_crisis(oos: OosResultaat) -> None:
    assert oos.met("crisis") == []


def test_everyday_sounding_care_questions_keep_their_thema(parse: Any) -> None:
    paren = lees_contrast()
    fout = [(t, i, parse(t)["intent"]["name"]) for t, i in paren]
    fout = [f for f in fout if f[1] != f[2]]
    assert len(fout) <= (1 - MIN_CONTRAST) * len(paren), fout
