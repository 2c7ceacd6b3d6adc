"""Keyboard mash gets nlu_fallback; real words, typos, numbers and short answers do not."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from wegwijzer.rasa.onbekende_woorden import OnbekendeWoorden, kent_een_woord, woorden

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
    assert onzin.get("intent") == {"name": "nlu_fallback", "confidence": 0.5}
    # The ranking keeps the classifier's guesses after the fallback (as FallbackClassifier does).
    assert [r["name"] for r in onzin.get("intent_ranking")] == ["nlu_fallback", "bevestigen"]
    assert echt.get("intent")["name"] == "bevestigen"


def test_untrained_layer_does_nothing() -> None:
    laag = OnbekendeWoorden(model_storage=None, resource=None)
    (bericht,) = laag.process([_bericht("asdfgh jkl")])
    assert bericht.get("intent")["name"] == "bevestigen"
