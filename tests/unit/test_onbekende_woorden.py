"""Keyboard mash gets nlu_fallback; real words, typos, numbers and short answers do not."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from wegwijzer.rasa.onbekende_woorden import (
    FALLBACK_CONFIDENCE,
    OnbekendeWoorden,
    is_tikfout,
    is_verwisseling,
    kent_een_woord,
    woorden,
)

WOORDENSCHAT = frozenset({"mantelzorg", "schulden", "hallo", "moeder", "dementie", "heb"})
TERMEN = sorted(WOORDENSCHAT)


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("asdfgh jkl", False),
        ("xqz vlumpf grobbel", False),
        ("qwerty", False),
        ("ik heb schulden", True),
        ("Hallo!", True),
        ("mantelzrog", True),  # one transposition
        ("dementei", True),
        ("ok", None),  # too short to judge: the classifier decides
        ("9904", None),
        ("🙂🙂", None),
    ],
)
def test_kent_een_woord(tekst: str, verwacht: bool | None) -> None:
    assert kent_een_woord(tekst, WOORDENSCHAT, TERMEN) is verwacht


FREQUENTIE = {"dronken": 5, "mantelzorg": 9, "schulden": 4, "bewindvoering": 3, "dagbesteding": 1}


@pytest.mark.parametrize(
    ("woord", "verwacht"),
    [
        ("drongen", False),  # a place name one substitution from "dronken": another word
        ("dronkne", True),  # a swap of two neighbouring letters: a typo
        ("mantelzorgg", True),  # long enough for one edit, and the term is frequent
        ("mantelzor", True),
        ("shculden", True),
        ("schulde", False),  # seven letters: only a swap is forgiven
        ("bewindvoerign", True),
        ("bewindvoring", True),
        ("bewinvoerig", True),  # eleven letters: two edits
        ("dagbestedin", False),  # "dagbesteding" was seen once: too rare to be the target
    ],
)
def test_typos_are_forgiven_narrowly(woord: str, verwacht: bool) -> None:
    assert is_tikfout(woord, sorted(FREQUENTIE), FREQUENTIE) is verwacht


def test_without_counts_every_term_counts_as_frequent() -> None:
    assert is_tikfout("dagbestedin", ["dagbesteding"]) is True


def test_swap_is_two_neighbouring_letters() -> None:
    assert is_verwisseling("dronkne", "dronken")
    assert not is_verwisseling("drongen", "dronken")
    assert not is_verwisseling("dronken", "dronken")


def test_place_name_near_a_training_word_is_not_known() -> None:
    woordenschat = frozenset(FREQUENTIE)
    assert (
        kent_een_woord("keiskant drongen", woordenschat, sorted(woordenschat), FREQUENTIE) is False
    )


def test_woorden_are_normalised() -> None:
    assert woorden("Mijn MOEDER, dementié") == ["mijn", "moeder", "dementie"]


def _bericht(tekst: str) -> Message:
    bericht = Message(data={"text": tekst})
    bericht.set("intent", {"name": "bevestigen", "confidence": 0.88})
    bericht.set("intent_ranking", [{"name": "bevestigen", "confidence": 0.88}])
    return bericht


def test_process_sets_fallback_like_the_fallback_classifier() -> None:
    laag = OnbekendeWoorden(model_storage=None, resource=None, woordenschat=WOORDENSCHAT)
    onzin, echt = laag.process([_bericht("asdfgh jkl"), _bericht("hallo")])
    assert onzin.get("intent") == {"name": "nlu_fallback", "confidence": FALLBACK_CONFIDENCE}
    # The ranking keeps the classifier's guesses after the fallback (as FallbackClassifier does).
    assert [r["name"] for r in onzin.get("intent_ranking")] == ["nlu_fallback", "bevestigen"]
    assert echt.get("intent")["name"] == "bevestigen"


def test_layer_with_counts_is_strict_about_rare_targets() -> None:
    laag = OnbekendeWoorden(model_storage=None, resource=None, woordenschat=FREQUENTIE)
    (plaats, tikfout) = laag.process([_bericht("keiskant drongen"), _bericht("mantelzorgg")])
    assert plaats.get("intent")["name"] == "nlu_fallback"
    assert tikfout.get("intent")["name"] == "bevestigen"


def test_untrained_layer_does_nothing() -> None:
    laag = OnbekendeWoorden(model_storage=None, resource=None)
    (bericht,) = laag.process([_bericht("asdfgh jkl")])
    assert bericht.get("intent")["name"] == "bevestigen"
