"""Entry points of the two server processes: privacy first, then Rasa or rasa-sdk.

Both processes redact log records at creation (a record factory), so every handler Rasa adds
later sees only de-identified text, and both load deduce's lookup lists before the first
resident arrives.

The Rasa process also gets :func:`install_rasa_patches`: our changes to how Rasa itself runs
(a validator built once, a weight layout that spares a copy per message), kept here so there
is exactly one place to look, and to remove them.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import sys
from collections.abc import Callable
from typing import Any

from kern.gemeente import load_profiel
from kern.settings import Settings
from privacy import RedactUserTextFilter, prepare

logger = logging.getLogger(__name__)

#: The Rasa release whose ``RemoteAction._validate_action_result`` we replace, and the sha256
#: of that method's source in it. If either differs, the patch is not applied (with a warning).
RASA_VERSIE = "3.6.21"
VALIDATIE_BRON_SHA256 = "f8cdb4be6812396167ced74161b2ccd65c5ea676ad86d7d359d8c322d9d8dc42"


def install_privacy(settings: Settings) -> None:
    """Load the de-identifier and make every log record pass through it."""
    profiel = load_profiel(settings.gemeente_path)
    prepare(settings.deduce_cache_dir, keep_terms=[w.naam for w in profiel.wijken])
    redactor = RedactUserTextFilter()
    make_record: Callable[..., logging.LogRecord] = logging.getLogRecordFactory()

    def redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        redactor.filter(record)
        return record

    logging.setLogRecordFactory(redacting_factory)


def install_action_validator() -> bool:
    """Validate action server responses with one validator built at start, not one per call.

    Why: Rasa 3.6.21's ``RemoteAction._validate_action_result`` calls ``jsonschema.validate``
    on every custom action call. That function checks Rasa's large events schema against the
    meta-schema and builds a new validator each time: 17 ms per call on our machine, 43 % of
    the Rasa server's busy time (py-spy, issue 9), while every Wegwijzer turn runs one custom
    action. Building the validator once makes that about 0.25 ms.

    What stays the same: the schema (``RemoteAction.action_response_format_spec()``, read
    once here), the validator class ``jsonschema`` picks for it, and the error: the same
    ``jsonschema.ValidationError`` (the best match of all errors, as ``validate`` raises),
    with Rasa's hint appended to its message. So an invalid response is refused exactly as
    before: ``RemoteAction.run`` raises, and Rasa's processor logs it and runs no events of it.
    A subclass that overrides ``action_response_format_spec`` keeps Rasa's own code.

    Guard: the patch targets Rasa :data:`RASA_VERSIE` and the source of the method in it
    (:data:`VALIDATIE_BRON_SHA256`). With another version or changed code it is not applied
    and a warning says so: Rasa then validates as it always did, only slower. Re-check the
    new source and update both constants on a Rasa upgrade.

    Returns:
        Whether the patch is in place.
    """
    import rasa
    from rasa.core.actions import action as rasa_action

    remote = rasa_action.RemoteAction
    current = remote.__dict__["_validate_action_result"]
    if getattr(current, "wegwijzer_patch", False):
        return True
    try:
        source = inspect.getsource(current)
    except (OSError, TypeError):
        source = ""
    digest = hashlib.sha256(source.encode()).hexdigest()
    if rasa.__version__ != RASA_VERSIE or digest != VALIDATIE_BRON_SHA256:
        logger.warning(
            "RemoteAction._validate_action_result is not patched: written for Rasa %s, this "
            "is Rasa %s (source sha256 %s). Actions are validated by Rasa itself (slower).",
            RASA_VERSIE,
            rasa.__version__,
            digest[:12],
        )
        return False

    from jsonschema import ValidationError, validators
    from jsonschema.exceptions import best_match

    spec = remote.action_response_format_spec
    schema = spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    hint = (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        "For more information about the format visit "
        f"{rasa_action.DOCS_BASE_URL}/custom-actions"
    )

    def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
        if type(self).action_response_format_spec is not spec:
            return bool(current(self, result))
        error: ValidationError | None = best_match(validator.iter_errors(result))
        if error is None:
            return True
        error.message += hint
        raise error

    _validate_action_result.wegwijzer_patch = True  # type: ignore[attr-defined]
    _validate_action_result.__doc__ = install_action_validator.__doc__
    remote._validate_action_result = _validate_action_result
    return True


def install_intent_weights_layout() -> bool:
    """Keep the intent classifier's weights in column order, so a prediction copies nothing.

    Why: Rasa 3.6's ``LogisticRegressionClassifier.process`` calls scikit-learn's
    ``predict_proba`` on one sparse row. scipy multiplies it with ``coef_.T`` and needs that
    C-contiguous; for the row-ordered ``coef_`` that training leaves, it copies the whole
    weight matrix (26 intents x 23,000 features, 4.7 MB) on every message: 2.4 ms of a
    2.5 ms prediction here. Stored in Fortran order, ``coef_.T`` is C-contiguous already:
    the same numbers multiplied in the same order, so the same probabilities, in 0.1 ms.

    The wrapper only rearranges what Rasa's own ``load`` returns, so it is safe on any Rasa
    version; a classifier without a dense ``coef_`` is left as it is.

    Returns:
        Whether the wrapper is in place.
    """
    from rasa.nlu.classifiers.logistic_regression_classifier import (
        LogisticRegressionClassifier,
    )

    current = LogisticRegressionClassifier.__dict__["load"]
    if getattr(current.__func__, "wegwijzer_patch", False):
        return True
    original = current.__func__

    def load(cls: Any, *args: Any, **kwargs: Any) -> Any:
        component = original(cls, *args, **kwargs)
        kolomvolgorde(component)
        return component

    load.wegwijzer_patch = True  # type: ignore[attr-defined]
    load.__doc__ = original.__doc__
    LogisticRegressionClassifier.load = classmethod(load)
    return True


def kolomvolgorde(component: Any) -> None:
    """Store ``component.clf.coef_`` in Fortran order (see install_intent_weights_layout)."""
    import numpy as np

    clf = getattr(component, "clf", None)
    coef = getattr(clf, "coef_", None)
    if isinstance(coef, np.ndarray) and coef.ndim == 2:
        clf.coef_ = np.asfortranarray(coef)  # type: ignore[union-attr]


def install_rasa_patches() -> None:
    """Every change to Rasa's behaviour we make, for the Rasa server only."""
    install_action_validator()
    install_intent_weights_layout()


def warm_acties() -> None:
    """Before the action server listens, build what the first resident would wait for.

    The action context (profile, database, kaart) is built on first use, and the language
    detector reads its models on the first message it sees: 2 s on this machine, paid by
    whoever writes first after a start. A failure here is only logged: the action itself
    then reports it to the resident as before.
    """
    try:
        from actions.context import get_context
        from triage.talen import herken_taal

        get_context()
        herken_taal("Goedemiddag, ik zorg voor mijn moeder en ik heb een vraag")
    except Exception:
        logger.exception("opwarmen van de actieserver mislukt")


def main(argv: list[str] | None = None) -> None:
    """``python -m wegwijzer.servers rasa|acties ARGS…``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in {"rasa", "acties"}:
        raise SystemExit("gebruik: python -m wegwijzer.servers rasa|acties ARGUMENTEN")
    install_privacy(Settings.from_env())
    if args[0] == "rasa":
        # Before Rasa: on import, skops (the model's classifiers load through it) searches
        # every loaded module for ~750 numpy ufuncs. With TensorFlow and Rasa loaded that takes
        # 7-14 s of the server's start; imported first, about 2 s.
        import skops.io  # noqa: F401
        from rasa.__main__ import main as rasa_main

        install_rasa_patches()

        sys.argv = ["rasa", *args[1:]]
        rasa_main()
    else:
        from rasa_sdk.__main__ import main as sdk_main

        warm_acties()
        sys.argv = ["rasa_sdk", *args[1:]]
        sdk_main()


if __name__ == "__main__":
    main()
