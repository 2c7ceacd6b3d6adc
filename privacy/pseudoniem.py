"""The pseudonymous sender id under which a conversation is stored.

Plain Python (no Rasa), so the tracker store (Rasa venv) and the web app (its own venv) compute
the same value: the web app needs it to delete a conversation the resident asked to erase.
"""

from __future__ import annotations

import hashlib
import hmac

#: Hex characters kept of the HMAC: 160 bits, more than enough to never collide.
LENGTE = 40


def pseudoniem(sleutel: bytes, sender_id: str) -> str:
    """Stable per conversation, meaningless without the key in ``var/``."""
    return hmac.new(sleutel, sender_id.encode("utf-8"), hashlib.sha256).hexdigest()[:LENGTE]
