"""The Rasa input channel that checks every message before Rasa parses, stores or logs it.

``credentials.yml`` names :class:`WegwijzerRest` instead of Rasa's own ``rest:``. It keeps Rasa's
channel name, so the URL stays ``/webhooks/rest/webhook``: Rasa builds a channel's webhook URL
from :meth:`name`. Another channel (socket.io, a chat app) must be wrapped the same way, with
:func:`bewaak` around the callback in its ``blueprint``.

The channel wraps Rasa's ``on_new_message`` callback. A message over the limit
(:data:`triage.poort.MAX_BERICHT`) or without any text is answered right here, through the
channel's own output, and never reaches the NLU, the tracker store or a log line. Anything else
goes on with control and bidi-override characters removed (:func:`triage.poort.schoon`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request

from kern.gemeente import GemeenteProfiel, load_profiel
from kern.settings import Settings
from triage.poort import Keuring, keur

logger = logging.getLogger(__name__)

#: Metadata a client may send with a message; more is dropped (the tracker store removes
#: metadata anyway, but a large blob would still pass through Rasa's memory and debug log).
MAX_METADATA = 4096

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


@lru_cache(maxsize=1)
def _profiel() -> GemeenteProfiel | None:
    """The gemeente profile, for its phone number in the answer; ``None`` if it cannot load.

    ``wegwijzer serve`` has checked the profile before Rasa starts, so ``None`` only happens
    when Rasa is started by hand with a broken profile: the answer then goes without a number.
    """
    try:
        return load_profiel(Settings.from_env().gemeente_path)
    except Exception:  # the answer must still go out
        logger.warning("gemeenteprofiel niet geladen; antwoord zonder contactgegevens")
        return None


def keur_bericht(tekst: str | None) -> Keuring:
    """:func:`triage.poort.keur` with this gemeente's profile (the channel's check, testable)."""
    return keur(tekst, _profiel())


def bewaak(on_new_message: OnNewMessage) -> OnNewMessage:
    """Wrap Rasa's callback so that each message passes :func:`keur_bericht` first.

    Args:
        on_new_message: the callback Rasa gives a channel's blueprint; it runs the NLU, the
            dialogue and the tracker store.

    Returns:
        A callback that answers refused messages itself and hands the others on, cleaned.
    """

    async def bewaakt(message: UserMessage) -> None:
        keuring = keur_bericht(message.text)
        if keuring.antwoord is not None:
            # Log why, never what: no text, no sender id.
            logger.info(
                "bericht beantwoord in het kanaal: %s", keuring.reden and keuring.reden.value
            )
            await message.output_channel.send_text_message(message.sender_id, keuring.antwoord)
            return
        message.text = keuring.tekst
        if message.metadata is not None and not _metadata_klein(message.metadata):
            logger.info("metadata van een bericht genegeerd: niet klein genoeg of geen object")
            message.metadata = None
        await on_new_message(message)

    return bewaakt


def _metadata_klein(metadata: Any) -> bool:
    if not isinstance(metadata, dict):
        return False
    try:
        return len(json.dumps(metadata, ensure_ascii=False)) <= MAX_METADATA
    except (TypeError, ValueError):
        return False


class WegwijzerRest(RestInput):
    """Rasa's REST channel (``POST /webhooks/rest/webhook``) with the message check in front."""

    @classmethod
    def name(cls) -> str:
        """Rasa's own name, so the webhook URL and ``input_channel`` in the tracker stay."""
        return "rest"

    def _extract_message(self, req: Request) -> str | None:
        """The message as text: a JSON number becomes its digits, anything else not text none.

        Rasa's own channel hands any JSON value on; a number or a list then fails inside Rasa
        and the resident gets an empty reply.
        """
        value = req.json.get("message")
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, (int, float)):
            return str(value)
        return value if isinstance(value, str) else None

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Rasa's REST blueprint around the guarded callback."""
        return super().blueprint(bewaak(on_new_message))
