"""The intent classifier loads with its weights in column order and predicts the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import scipy.sparse as sp
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

from wegwijzer import servers


@pytest.fixture
def opgeslagen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    """A trained classifier in a model storage; Rasa's own load restored afterwards."""
    monkeypatch.setattr(
        LogisticRegressionClassifier, "load", LogisticRegressionClassifier.__dict__["load"]
    )
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intent_lr")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**LogisticRegressionClassifier.get_default_config(), "random_state": 1}
    component = LogisticRegressionClassifier.create(config, storage, resource, context)
    rng = np.random.default_rng(7)
    kenmerken = sp.random(120, 400, density=0.05, format="csr", random_state=7)
    y = [f"intent_{i}" for i in rng.integers(0, 6, size=120)]
    component.clf.fit(kenmerken, y)
    component.persist()
    probe = sp.random(30, 400, density=0.05, format="csr", random_state=8)
    return config, storage, resource, context, probe


def test_loaded_weights_are_column_ordered_and_predict_identically(
    opgeslagen: tuple[Any, ...],
) -> None:
    config, storage, resource, context, probe = opgeslagen
    rasa_eigen = LogisticRegressionClassifier.load(config, storage, resource, context)
    assert rasa_eigen.clf.coef_.flags["C_CONTIGUOUS"]  # what training leaves
    verwacht = rasa_eigen.clf.predict_proba(probe)

    assert servers.install_intent_weights_layout() is True
    assert servers.install_intent_weights_layout() is True  # idempotent
    geladen = LogisticRegressionClassifier.load(config, storage, resource, context)
    assert isinstance(geladen, LogisticRegressionClassifier)
    assert geladen.clf.coef_.flags["F_CONTIGUOUS"]
    assert geladen.clf.coef_.T.flags["C_CONTIGUOUS"]
    np.testing.assert_array_equal(geladen.clf.predict_proba(probe), verwacht)
    assert list(geladen.clf.classes_) == list(rasa_eigen.clf.classes_)


def test_a_component_without_weights_is_left_alone() -> None:
    class Leeg:
        clf = None

    servers.kolomvolgorde(Leeg())  # no error
