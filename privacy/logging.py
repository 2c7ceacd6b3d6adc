"""A logging filter that keeps resident text out of log files.

Rasa 3.6 logs what residents type at DEBUG level: through structlog (rendered by
``rasa.utils.log_utils.configure_structlog`` into one stdlib record per event, e.g.
``processor.message.parse`` with ``parse_data_text=...``, ``processor.slots.log`` with
``slot_values=...``, ``processor.actions.log`` with ``rasa_events=...``,
``rest.message.received.failure`` with ``text=...``) and through plain ``logging`` calls
(``"Validating extracted slots: {...}"``, ``"Received NLG response: ..."``; in rasa_sdk
``"Contents of ignored event: ..."``). Install :class:`RedactUserTextFilter` on the handlers
of the Rasa and action servers (:func:`install_log_redaction`) and:

1. records from ``rasa``/``rasa_sdk`` loggers that carry user-text fields (the keys Rasa Pro's
   own anonymiser lists) or match the known user-text messages keep only their event name;
2. every other formatted message (and exception text) goes through the de-identifier.

Handlers added after installation are not covered: install after Rasa configured logging.
"""

from __future__ import annotations

import logging
import re

from privacy.deidentify import Deidentifier, peek_deidentifier

REDACTED = "[inhoud verwijderd door privacyfilter]"

# Loggers whose records may carry a resident's words verbatim.
USER_TEXT_LOGGERS: tuple[str, ...] = ("rasa", "rasa_sdk", "sanic.root")

# Structlog keys that carry user data, from rasa.utils.log_utils._anonymizer (Rasa 3.6).
USER_TEXT_KEYS: tuple[str, ...] = (
    "text", "response_text", "user_text", "slot_values", "parse_data_text",
    "parse_data_entities", "prediction_events", "tracker_latest_message", "prefilled_slots",
    "message", "response", "slot_candidates", "rasa_event", "rasa_events", "tracker_states",
    "current_states", "old_states", "successes", "current_entity", "next_entity", "states",
    "entity", "token_text", "user_message", "json_message", "events", "slots", "tracker",
)  # fmt: skip
_KEYS = "|".join(USER_TEXT_KEYS)
_USER_TEXT_FIELD = re.compile(rf"(?:^|[\s{{,\"'])(?:{_KEYS})(?:[\"']?\s*:|=)")
# Plain-logging messages of Rasa and rasa_sdk that contain user text.
_USER_TEXT_MESSAGE = re.compile(
    r"Received user message|Validating extracted slots|Contents of ignored event|"
    r"Canceled reminder because|these events:|Received NLG response|Received message|"
    r"user uttered|UserUttered\(|SlotSet\(|BotUttered\(|Current slot values"
)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_JSON_EVENT = re.compile(r"\"event\"\s*:\s*\"([\w.\-]+)\"")
_CONSOLE_EVENT = re.compile(r"(?<![\w.])([a-z_]+(?:\.[a-z_]+){1,6})(?![\w.])")


class RedactUserTextFilter(logging.Filter):
    """Replace resident text in log records; never drops a record.

    Args:
        deidentifier: The de-identifier to run over messages. None (the default) uses the
            process-wide one once :func:`privacy.prepare` or ``get_deidentifier`` built it, and
            a pattern-only one before that, so logging never waits for deduce to load.
        max_chars: Longer messages (tracker dumps) are replaced whole: cheaper and safer.
    """

    def __init__(self, deidentifier: Deidentifier | None = None, max_chars: int = 5000) -> None:
        super().__init__()
        self._deidentifier = deidentifier
        self._fallback: Deidentifier | None = None
        self._max_chars = max_chars

    def _current(self) -> Deidentifier:
        if self._deidentifier is not None:
            return self._deidentifier
        shared = peek_deidentifier()
        if shared is not None:
            return shared
        if self._fallback is None:
            self._fallback = Deidentifier(None)
        return self._fallback

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact ``record`` in place (once, even with the filter on several handlers)."""
        if getattr(record, "_privacy_redacted", False):
            return True
        try:
            record.msg = self.redact_message(record.name, _message_of(record))
            record.args = ()
            if record.exc_info and not record.exc_text:
                formatted = logging.Formatter().formatException(record.exc_info)
                record.exc_text = self._current().deidentify(formatted)
            elif record.exc_text:
                record.exc_text = self._current().deidentify(record.exc_text)
        except Exception:  # a log line must never break the bot, nor leak on failure
            record.msg = f"[log-regel verwijderd: privacyfilter faalde] {REDACTED}"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        setattr(record, "_privacy_redacted", True)  # noqa: B010
        return True

    def redact_message(self, logger_name: str, message: str) -> str:
        """The text to log instead of ``message`` from the logger ``logger_name``."""
        if len(message) > self._max_chars:
            return f"{_event_name(message)}[log-regel van {len(message)} tekens] {REDACTED}"
        if logger_name.startswith(USER_TEXT_LOGGERS):
            plain = _ANSI.sub("", message)
            if _USER_TEXT_FIELD.search(plain) or _USER_TEXT_MESSAGE.search(plain):
                return f"{_event_name(plain)}{REDACTED}"
        return self._current().deidentify(message)


def _message_of(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:  # bad format arguments: use the template only
        return str(record.msg)


def _event_name(message: str) -> str:
    """The structlog event name in a rendered message ("processor.message.parse "), or ""."""
    plain = _ANSI.sub("", message)
    m = _JSON_EVENT.search(plain) or _CONSOLE_EVENT.search(plain[:200])
    return f"{m.group(1)} " if m else ""


def install_log_redaction(
    logger: logging.Logger | None = None, deidentifier: Deidentifier | None = None
) -> RedactUserTextFilter:
    """Add one :class:`RedactUserTextFilter` to every handler of ``logger`` (default: root).

    Call it after Rasa or the action server configured logging. Calling it twice adds no
    second filter to a handler.

    Returns:
        The installed filter.
    """
    target = logger or logging.getLogger()
    redactor = RedactUserTextFilter(deidentifier)
    for handler in target.handlers:
        if not any(isinstance(f, RedactUserTextFilter) for f in handler.filters):
            handler.addFilter(redactor)
    return redactor
