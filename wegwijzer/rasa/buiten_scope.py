"""Rasa NLU component: when in doubt between a thema and "outside my field", say so honestly.

An everyday request ("zet de wekker om 7 uur", "boek een tafel") that the classifier is unsure
about would otherwise start a triage: either a weak ``hulpvraag_*`` wins outright, or the
FallbackClassifier says ``nlu_fallback`` and the engine offers the likeliest thema's as buttons
("Bedoelt u een van deze onderwerpen?"). Both ask a resident about zorg who asked about the
weather. This layer runs after the FallbackClassifier and before ``OnbekendeWoorden`` and
the crisis layer (which still win) and changes the intent to ``buiten_scope`` when

- the classifier fell back (``nlu_fallback``) and its best real guess was ``buiten_scope``; or
- the best guess is a ``hulpvraag_*`` below ``zeker`` and ``buiten_scope`` follows within
  ``marge`` of it.

A thema guess the classifier is sure of is never touched, and neither is any other intent.
``make eval-nlu`` reports what this costs and gains on the conversation tests, the contrast set
of care questions that sound everyday, and the out-of-scope set.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

BUITEN_SCOPE = "buiten_scope"
FALLBACK = "nlu_fallback"
THEMA_PREFIX = "hulpvraag_"


def herzie(
    intent: dict[str, Any], ranking: list[dict[str, Any]], marge: float, zeker: float
) -> dict[str, Any] | None:
    """The ``buiten_scope`` intent to use instead of ``intent``, or ``None`` to keep it."""
    echt = [r for r in ranking if r.get("name") != FALLBACK]
    if not echt:
        return None
    beste = echt[0]
    naam = str(intent.get("name") or "")
    if naam == FALLBACK:
        if beste.get("name") == BUITEN_SCOPE:
            return {"name": BUITEN_SCOPE, "confidence": float(beste.get("confidence") or 0.0)}
        return None
    if not naam.startswith(THEMA_PREFIX) or float(intent.get("confidence") or 0.0) >= zeker:
        return None
    top = float(intent.get("confidence") or 0.0)
    for r in echt[1:3]:
        if r.get("name") == BUITEN_SCOPE and top - float(r.get("confidence") or 0.0) <= marge:
            return {"name": BUITEN_SCOPE, "confidence": float(r.get("confidence") or 0.0)}
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class BuitenScopeMarge(GraphComponent):
    """Prefers ``buiten_scope`` over a fallback or a weak thema guess that it nearly equals."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """``marge``: how close buiten_scope must follow; ``zeker``: thema guesses left alone."""
        return {"marge": 0.1, "zeker": 0.6}

    def __init__(self, config: dict[str, Any]) -> None:
        """Thresholds from config.yml."""
        self.marge = float(config.get("marge", 0.1))
        self.zeker = float(config.get("zeker", 0.6))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> BuitenScopeMarge:
        """Stateless: only the thresholds."""
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: list[Message]) -> list[Message]:
        """Apply :func:`herzie` to each message."""
        for message in messages:
            intent = message.get(INTENT) or {}
            ranking = list(message.get(INTENT_RANKING_KEY) or [])
            nieuw = herzie(intent, ranking, self.marge, self.zeker)
            if nieuw is None:
                continue
            message.data[INTENT] = nieuw
            rest = [r for r in ranking if r.get("name") not in {BUITEN_SCOPE, FALLBACK}]
            message.data[INTENT_RANKING_KEY] = [dict(nieuw), *rest]
        return messages
