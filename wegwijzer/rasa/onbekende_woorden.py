"""Rasa NLU component: a message without a single word the bot knows is not understood.

DIET always picks an intent, and for keyboard mash ("asdfgh jkl", "qwerty") it can be quite
sure of a short intent such as ``bevestigen``: a "ja" the resident never said. So when none
of the message's words is in the training vocabulary (allowing a typo or two), the message
gets ``nlu_fallback``, exactly as the FallbackClassifier sets it (the intent ranking stays,
so the engine can still offer the likeliest thema's, and a wijk the NLU never saw is still
read as the answer to the wijk question). The crisis layer runs after this and still wins.

Typo tolerance is deliberately narrow, because a word one edit away from a training word is
often simply another word: "drongen" (a place name) is one substitution from the training word
"dronken", and made "keiskant drongen" look understood (and then crisis). So a word that is not
in the vocabulary counts as a typo of a training word only when

- it is that word with two neighbouring letters swapped (the typo people make most, and one
  that rarely yields another real word): any word of four letters or more;
- or it is at least :data:`MIN_LENGTE_TIKFOUT` letters long and one edit away from a word that
  occurs at least :data:`MIN_FREQUENTIE` times in the training data (two edits from
  :data:`MIN_LENGTE_TWEE_FOUTEN` letters): long words have few real neighbours, and a word seen
  once in training is too rare to stand for what a resident meant.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein
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
FALLBACK_CONFIDENCE = 0.4


def woorden(tekst: str) -> list[str]:
    """The words that decide: letters only, three or more (so "ik", "ja", "ok" never decide)."""
    return _WOORD.findall(normaliseer(tekst))


#: Shorter words are only forgiven a swap of two neighbouring letters.
MIN_LENGTE_TIKFOUT = 8
#: From this length two edits are forgiven.
MIN_LENGTE_TWEE_FOUTEN = 11
#: A training word seen fewer times than this is never the target of a typo other than a swap.
MIN_FREQUENTIE = 2


def is_verwisseling(woord: str, term: str) -> bool:
    """Whether ``woord`` is ``term`` with exactly two neighbouring letters swapped."""
    return (
        len(woord) == len(term)
        and OSA.distance(woord, term, score_cutoff=1) == 1
        and Levenshtein.distance(woord, term, score_cutoff=2) == 2
    )


def is_tikfout(woord: str, termen: list[str], frequentie: Mapping[str, int] | None = None) -> bool:
    """Whether ``woord`` (not itself known) reads as a typo of one of ``termen``.

    ``frequentie`` gives how often each term occurs in the training data; without it every
    term counts as frequent (the old behaviour, for a vocabulary stored without counts).
    """
    if len(woord) < 4:
        return False
    fouten = 2 if len(woord) >= MIN_LENGTE_TWEE_FOUTEN else 1
    for term, afstand, _ in process.extract(
        woord, termen, scorer=OSA.distance, score_cutoff=fouten, limit=None
    ):
        if afstand == 1 and is_verwisseling(woord, term):
            return True
        if len(woord) >= MIN_LENGTE_TIKFOUT and (
            frequentie is None or frequentie.get(term, 0) >= MIN_FREQUENTIE
        ):
            return True
    return False


def kent_een_woord(
    tekst: str,
    woordenschat: frozenset[str],
    termen: list[str],
    frequentie: Mapping[str, int] | None = None,
) -> bool | None:
    """Whether any word of ``tekst`` is known, allowing typos; ``None``: no word to judge."""
    gevonden = woorden(tekst)
    if not gevonden:
        return None
    if any(woord in woordenschat for woord in gevonden):
        return True
    return any(is_tikfout(woord, termen, frequentie) for woord in gevonden)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class OnbekendeWoorden(GraphComponent):
    """Sets ``nlu_fallback`` when no word of the message is known."""

    def __init__(
        self,
        model_storage: ModelStorage,
        resource: Resource,
        woordenschat: Iterable[str] | Mapping[str, int] = (),
    ) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.frequentie: dict[str, int] | None = (
            dict(woordenschat) if isinstance(woordenschat, Mapping) else None
        )
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
        """The vocabulary with counts: every word of the examples, lookup tables and synonyms."""
        gezien: Counter[str] = Counter()
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
            (directory / _BESTAND).write_text(
                json.dumps(dict(sorted(gezien.items()))), encoding="utf-8"
            )
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
        """The vocabulary stored at training time (empty, so inactive, if there is none).

        A model trained before the counts were stored has a plain list: it loads without counts.
        """
        gelezen: Any
        try:
            with model_storage.read_from(resource) as directory:
                gelezen = json.loads((directory / _BESTAND).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            gelezen = []
        if isinstance(gelezen, dict):
            gelezen = {str(k): int(v) for k, v in gelezen.items()}
        elif isinstance(gelezen, list):
            gelezen = [str(w) for w in gelezen]
        else:
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
            tekst = message.get(TEXT) or ""
            if kent_een_woord(tekst, self.woordenschat, self._termen, self.frequentie) is False:
                fallback = {"name": "nlu_fallback", "confidence": FALLBACK_CONFIDENCE}
                message.data[INTENT] = fallback
                message.data.setdefault(INTENT_RANKING_KEY, [])
                message.data[INTENT_RANKING_KEY].insert(0, dict(fallback))
        return messages
