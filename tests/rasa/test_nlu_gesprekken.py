"""The trained model understands every user line of the conversation tests.

`rasa test core` takes the intent written in a test story as given; this checks that the NLU
(including the crisis layer in the pipeline) actually predicts it from the text.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from kern.settings import PROJECT_ROOT
from triage.crisis import detecteer

pytestmark = pytest.mark.rasa

MODEL = PROJECT_ROOT / "models" / "wegwijzer.tar.gz"
GESPREKKEN = PROJECT_ROOT / "tests" / "gesprekken"


def user_turns() -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    for path in sorted(GESPREKKEN.glob("*.yml")):
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]:
            for step in story["steps"]:
                text = str(step.get("user", "")).strip()
                if text and not text.startswith("/"):
                    turns.append((text, step["intent"]))
    return turns


@pytest.mark.parametrize(("text", "intent"), user_turns())
def test_conversation_line_is_understood(parse: Any, text: str, intent: str) -> None:
    assert parse(text)["intent"]["name"] == intent


@pytest.mark.parametrize(
    ("text", "soort"),
    [
        ("ik wil er een eind aan maken", "suicide"),
        ("ik wil dood gewoon", "suicide"),
        ("mijn ex slaat me nog steeds", "huiselijk_geweld"),
        ("mijn vader ademt niet meer", "acuut"),
    ],
)
def test_crisis_layer_runs_inside_the_pipeline(parse: Any, text: str, soort: str) -> None:
    result = parse(text)
    assert result["intent"] == {"name": "crisis", "confidence": 1.0}
    assert result["intent_ranking"][0]["name"] == "crisis"
    oordeel = detecteer(text)
    assert oordeel is not None and oordeel.soort.value == soort


@pytest.mark.parametrize(
    "text",
    [
        "ik zorg voor mijn man en ik ben op",
        "mijn peuter heeft elke dag driftbuien",
        "ik ben doodmoe van alle zorg",
        "mijn dochter van 3 slaat als ze boos is",
    ],
)
def test_ordinary_hulpvragen_are_no_crisis(parse: Any, text: str) -> None:
    assert parse(text)["intent"]["name"] != "crisis"


@pytest.mark.parametrize("text", ["xqz vlumpf grobbel", "asdfgh jkl"])
def test_gibberish_falls_back(parse: Any, text: str) -> None:
    assert parse(text)["intent"]["name"] == "nlu_fallback"
