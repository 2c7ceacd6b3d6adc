"""Rasa NLU component: Rasa's ``LogisticRegressionClassifier`` with tf-idf weighting and ``C``.

Why not the stock component: it feeds raw counts of the CountVectors features to scikit-learn's
``LogisticRegression`` with the fixed regularisation ``C=1``. A long message then weighs more
than a short one, frequent words ("ik", "mijn", char n-grams like "ij") count as much as the
words that decide, and the probabilities come out flat, so many clear messages fall below the
FallbackClassifier threshold. Measured on the same five folds (``make eval-nlu``, see
``benchmarks/nlu_pijplijnen/``), sublinear tf-idf with L2 normalisation and a weaker
regularisation lift intent macro F1 and make the confidences usable, at the same speed.

The transformation is the one of scikit-learn's ``TfidfTransformer(sublinear_tf=True)``
(smooth idf, L2 norm), applied to the sentence-level sparse features the featurizers produce.
The idf vector is stored next to the classifier as JSON; everything else is the stock component.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, diags
from sklearn.preprocessing import normalize

_IDF_BESTAND = "idf.json"


def idf_van(x: csr_matrix) -> np.ndarray:
    """Smoothed inverse document frequency per column, as scikit-learn computes it."""
    n = x.shape[0]
    df = np.bincount(x.indices, minlength=x.shape[1]) if x.nnz else np.zeros(x.shape[1])
    result: np.ndarray = np.log((1.0 + n) / (1.0 + df)) + 1.0
    return result


def tfidf(x: csr_matrix, idf: np.ndarray) -> csr_matrix:
    """Sublinear tf (1 + log count), times idf, rows scaled to unit length."""
    x = csr_matrix(x, dtype=np.float64, copy=True)
    x.eliminate_zeros()
    np.log(x.data, out=x.data)
    x.data += 1.0
    result: csr_matrix = normalize(x @ diags(idf), norm="l2", copy=False)
    return result


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LineaireIntentClassifier(LogisticRegressionClassifier):
    """Logistic regression over tf-idf weighted sparse features, with a configurable ``C``."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The stock defaults plus ``C`` (inverse regularisation) and ``tfidf``."""
        return {**LogisticRegressionClassifier.get_default_config(), "C": 1.0, "tfidf": True}

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        """The stock classifier with ``C`` set; the idf vector comes from training."""
        super().__init__(config, name, model_storage, resource)
        self.clf.C = float(self.config["C"])
        self.idf: np.ndarray | None = None

    def _create_X(self, messages: list[Message]) -> csr_matrix:  # noqa: N802 (Rasa's name)
        """The stock feature matrix, tf-idf weighted once the idf is known."""
        x = super()._create_X(messages)
        if self.config["tfidf"] and self.idf is not None:
            return tfidf(x, self.idf)
        return x

    def train(self, training_data: TrainingData) -> Resource:
        """Learn the idf on the training examples, then fit as the stock component does."""
        if self.config["tfidf"]:
            examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
            if examples:
                self.idf = idf_van(csr_matrix(super()._create_X(examples)))
        return super().train(training_data)

    def persist(self) -> None:
        """The stock skops file plus the idf vector."""
        super().persist()
        with self._model_storage.write_to(self._resource) as model_dir:
            idf = None if self.idf is None else [float(v) for v in self.idf]
            (model_dir / _IDF_BESTAND).write_text(json.dumps(idf), encoding="utf-8")

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LineaireIntentClassifier:
        """The stock loading, then the idf (a model without one is refused, not half-used)."""
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        assert isinstance(component, LineaireIntentClassifier)
        if not component.config["tfidf"]:
            return component
        try:
            with model_storage.read_from(resource) as model_dir:
                idf = json.loads((model_dir / _IDF_BESTAND).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError) as fout:
            raise ValueError(
                f"{cls.__name__}: het getrainde model mist {_IDF_BESTAND}; train opnieuw."
            ) from fout
        component.idf = None if idf is None else np.asarray(idf, dtype=np.float64)
        return component
