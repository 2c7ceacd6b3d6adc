"""Rasa NLU component that applies the crisis layer after the intent classifier.

Crisis detection must not rest on the classifier alone: when the Dutch rules in
:mod:`triage.crisis` fire, the message becomes intent ``crisis`` (confidence 1.0), so Rasa's
crisis rule runs whatever DIET predicted.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from triage.crisis import beoordeel


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisLaag(GraphComponent):
    """Overrides the predicted intent with ``crisis`` when the rule layer fires."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisLaag:
        """Stateless: nothing to load."""
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Apply the crisis layer to each message."""
        for message in messages:
            intent = message.get(INTENT) or {}
            oordeel = beoordeel(
                message.get(TEXT) or "", intent.get("name"), float(intent.get("confidence") or 0.0)
            )
            if oordeel is None:
                continue
            crisis = {"name": "crisis", "confidence": 1.0}
            ranking = [
                r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != "crisis"
            ]
            message.set(INTENT, crisis, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [crisis, *ranking], add_to_output=True)
            # The kind (suicide, huiselijk_geweld, acuut) is decided again by the action from the
            # same rules; no entity here, as it has no span in the text to evaluate against.
        return messages
