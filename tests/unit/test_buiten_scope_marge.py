"""The margin layer: a fallback or a weak thema guess close to buiten_scope becomes buiten_scope."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix

from wegwijzer.rasa.buiten_scope import BuitenScopeMarge, herzie
from wegwijzer.rasa.lineaire_intents import idf_van, tfidf


def _r(*paren: tuple[str, float]) -> list[dict[str, Any]]:
    return [{"name": n, "confidence": c} for n, c in paren]


@pytest.mark.parametrize(
    ("intent", "ranking", "verwacht"),
    [
        # Fallback whose best real guess is buiten_scope: say it is outside the field.
        (("nlu_fallback", 0.4), _r(("nlu_fallback", 0.4), ("buiten_scope", 0.35)), "buiten_scope"),
        # Fallback whose best guess is a thema: leave it (the engine offers thema buttons).
        (("nlu_fallback", 0.4), _r(("nlu_fallback", 0.4), ("hulpvraag_wonen", 0.38)), None),
        # A weak thema with buiten_scope close behind.
        (
            ("hulpvraag_wonen", 0.5),
            _r(("hulpvraag_wonen", 0.5), ("buiten_scope", 0.35)),
            "buiten_scope",
        ),
        # A weak thema, buiten_scope too far behind.
        (("hulpvraag_wonen", 0.55), _r(("hulpvraag_wonen", 0.55), ("buiten_scope", 0.2)), None),
        # A thema the classifier is sure of is never touched.
        (("hulpvraag_wonen", 0.65), _r(("hulpvraag_wonen", 0.65), ("buiten_scope", 0.6)), None),
        # Other intents are never touched.
        (("crisis", 0.5), _r(("crisis", 0.5), ("buiten_scope", 0.45)), None),
        (("bevestigen", 0.5), _r(("bevestigen", 0.5), ("buiten_scope", 0.45)), None),
    ],
)
def test_herzie(
    intent: tuple[str, float], ranking: list[dict[str, Any]], verwacht: str | None
) -> None:
    nieuw = herzie({"name": intent[0], "confidence": intent[1]}, ranking, marge=0.2, zeker=0.6)
    assert (nieuw or {}).get("name") == verwacht


def test_component_rewrites_intent_and_ranking() -> None:
    laag = BuitenScopeMarge({"marge": 0.2, "zeker": 0.6})
    bericht = Message(data={"text": "zet de wekker"})
    bericht.set("intent", {"name": "hulpvraag_huishouden", "confidence": 0.45})
    bericht.set("intent_ranking", _r(("hulpvraag_huishouden", 0.45), ("buiten_scope", 0.4)))
    (uit,) = laag.process([bericht])
    assert uit.get("intent") == {"name": "buiten_scope", "confidence": 0.4}
    assert [r["name"] for r in uit.get("intent_ranking")] == [
        "buiten_scope",
        "hulpvraag_huishouden",
    ]


def test_tfidf_matches_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfTransformer

    x = csr_matrix(np.array([[3, 0, 1, 0], [0, 2, 0, 0], [1, 1, 0, 5]], dtype=float))
    verwacht = TfidfTransformer(sublinear_tf=True).fit_transform(x).toarray()
    assert np.allclose(tfidf(x, idf_van(x)).toarray(), verwacht)
