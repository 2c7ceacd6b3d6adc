"""Rasa NLU component: a message without a single word the bot knows is not understood.

DIET always picks an intent, and for keyboard mash ("asdfgh jkl", "qwerty") it can be quite
sure of a short intent such as ``bevestigen``: a "ja" the resident never said. So when none
of the message's words is in the training vocabulary (allowing a typo or two), the message
gets ``nlu_fallback``, exactly as the FallbackClassifier sets it (the intent ranking stays,
so the engine can still offer the likeliest thema's, and a wijk the NLU never saw is still
read as the answer to the wijk question). The crisis layer runs after this and still wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from triage.normaliseer import normaliseer

_WOORD = re.compile(r"[a-z]{3,}")
_BESTAND = "woorden.json"
#: The confidence FallbackClassifier gives its own ``nlu_fallback`` (its threshold in config.yml).
FALLBACK_CONFIDENCE = 0.5


def woorden(tekst: str) -> list[str]:
    """The words that decide: letters only, three or more (so "ik", "ja", "ok" never decide)."""
    return _WOORD.findall(normaliseer(tekst))


def kent_een_woord(tekst: str, woordenschat: frozenset[str], termen: list[str]) -> bool | None:
    """Whether any word of ``tekst`` is known, allowing typos; ``None``: no word to judge."""
    gevonden = woorden(tekst)
    if not gevonden:
        return None
    for woord in gevonden:
        if woord in woordenschat:
            return True
        if len(woord) >= 4:
            fouten = 1 if len(woord) < 8 else 2
            if process.extractOne(woord, termen, scorer=OSA.distance, score_cutoff=fouten):
                return True
    return False


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class OnbekendeWoorden(GraphComponent):
    """Sets ``nlu_fallback`` when no word of the message is known."""

    def __init__(
        self,
        model_storage: ModelStorage,
        resource: Resource,
        woordenschat: Iterable[str] = (),
    ) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.woordenschat = frozenset(woordenschat)
        self._termen = sorted(self.woordenschat)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> OnbekendeWoorden:
        """Empty until trained."""
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """The vocabulary: every word of the examples, lookup tables and synonyms."""
        gezien: set[str] = set()
        for message in training_data.training_examples:
            gezien.update(woorden(message.get(TEXT) or ""))
        for tabel in training_data.lookup_tables:
            elementen = tabel.get("elements")
            if isinstance(elementen, list):
                for element in elementen:
                    gezien.update(woorden(str(element)))
        for synoniem, waarde in training_data.entity_synonyms.items():
            gezien.update(woorden(f"{synoniem} {waarde}"))
        with self._model_storage.write_to(self._resource) as directory:
            (directory / _BESTAND).write_text(json.dumps(sorted(gezien)), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> OnbekendeWoorden:
        """The vocabulary stored at training time (empty, so inactive, if there is none)."""
        try:
            with model_storage.read_from(resource) as directory:
                gelezen = json.loads((directory / _BESTAND).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            gelezen = []
        return cls(model_storage, resource, gelezen)

    def process(self, messages: list[Message]) -> list[Message]:
        """Fallback for messages without a known word; leaves everything else alone."""
        if not self.woordenschat:
            return messages
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get("name") == "nlu_fallback":
                continue
            if kent_een_woord(message.get(TEXT) or "", self.woordenschat, self._termen) is False:
                fallback = {"name": "nlu_fallback", "confidence": FALLBACK_CONFIDENCE}
                message.data[INTENT] = fallback
                message.data.setdefault(INTENT_RANKING_KEY, [])
                message.data[INTENT_RANKING_KEY].insert(0, dict(fallback))
        return messages
