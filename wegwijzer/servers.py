"""Entry points of the two server processes: privacy first, then Rasa or rasa-sdk.

Both processes redact log records at creation (a record factory), so every handler Rasa adds
later sees only de-identified text, and both load deduce's lookup lists before the first
resident arrives.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from kern.gemeente import load_profiel
from kern.settings import Settings
from privacy import RedactUserTextFilter, prepare


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


def main(argv: list[str] | None = None) -> None:
    """``python -m wegwijzer.servers rasa|acties ARGS…``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in {"rasa", "acties"}:
        raise SystemExit("gebruik: python -m wegwijzer.servers rasa|acties ARGUMENTEN")
    install_privacy(Settings.from_env())
    if args[0] == "rasa":
        from rasa.__main__ import main as rasa_main

        sys.argv = ["rasa", *args[1:]]
        rasa_main()
    else:
        from rasa_sdk.__main__ import main as sdk_main

        sys.argv = ["rasa_sdk", *args[1:]]
        sdk_main()


if __name__ == "__main__":
    main()
