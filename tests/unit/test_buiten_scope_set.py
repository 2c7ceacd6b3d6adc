"""The out-of-scope evaluation set stays an evaluation set: big enough, varied, never trained on."""

from __future__ import annotations

from collections import Counter

from kern.themas import THEMAS
from wegwijzer.open_wereld import (
    CONTRAST_SET,
    EVALUATIE_SET,
    lees_contrast,
    lees_regels,
    overlap_met_training,
    sleutel,
)


def test_the_set_has_at_least_1000_distinct_lines() -> None:
    regels = lees_regels(EVALUATIE_SET)
    dubbel = [r for r, n in Counter(sleutel(r) for r in regels).items() if n > 1]
    assert dubbel == []
    assert len(regels) >= 1000


def test_no_evaluation_line_is_a_training_example() -> None:
    regels = lees_regels(EVALUATIE_SET) + [t for t, _ in lees_contrast(CONTRAST_SET)]
    assert overlap_met_training(regels) == []


def test_contrast_lines_name_a_real_thema_and_are_not_in_the_evaluation_set() -> None:
    evaluatie = {sleutel(r) for r in lees_regels(EVALUATIE_SET)}
    paren = lees_contrast(CONTRAST_SET)
    assert len(paren) >= 30
    for tekst, intent in paren:
        assert intent.removeprefix("hulpvraag_") in THEMAS, intent
        assert tekst and sleutel(tekst) not in evaluatie, tekst


def test_sleutel_ignores_case_accents_and_punctuation() -> None:
    assert sleutel("Wat is het wéér?!") == sleutel("wat is het  weer")
    assert sleutel("zet de wekker") != sleutel("zet de wekker uit")
