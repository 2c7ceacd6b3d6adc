"""Forward one chat turn to Rasa's REST channel over loopback and shape the answer.

Rasa answers with a list of messages: a text (maybe with buttons) and, right after it, the
engine's structured payload of the same message (``custom``). The widget wants them paired,
so one :class:`Bericht` holds both; the payload contract is ``docs/payload.schema.json``.
"""

from __future__ import annotations

from typing import Any

import httpx
from pydantic import BaseModel, Field


class Knop(BaseModel):
    """A reply button: the title the resident sees and the payload sent when pressed."""

    titel: str
    payload: str


class Bericht(BaseModel):
    """One message of the bot: Dutch text, buttons, and the engine's payload when there is one."""

    tekst: str | None = None
    knoppen: list[Knop] = Field(default_factory=list)
    payload: dict[str, Any] | None = None


class RasaOnbereikbaar(Exception):
    """Rasa or the action server did not answer (down, restarting or too slow)."""


def koppel(rasa_antwoord: list[dict[str, Any]]) -> list[Bericht]:
    """Pair each text with the structured payload that follows it (see module docstring)."""
    berichten: list[Bericht] = []
    for item in rasa_antwoord:
        if not isinstance(item, dict):
            continue
        custom = item.get("custom")
        if isinstance(custom, dict):
            if berichten and berichten[-1].payload is None and berichten[-1].tekst is not None:
                berichten[-1].payload = custom
            else:
                berichten.append(Bericht(payload=custom))
            continue
        tekst = item.get("text")
        if not isinstance(tekst, str):
            continue
        knoppen = [
            Knop(titel=str(b.get("title", "")), payload=str(b.get("payload", "")))
            for b in item.get("buttons") or []
            if isinstance(b, dict) and b.get("payload")
        ]
        berichten.append(Bericht(tekst=tekst, knoppen=knoppen))
    return berichten


class RasaClient:
    """A pooled HTTP client for Rasa's REST webhook and the two health checks.

    Connections are kept alive: httpx drops an idle one after 5 s, well before Rasa's own
    keep-alive timeout (120 s), so the pool never sends on a connection Rasa already closed.
    httpcore asks ``sniffio`` which event loop runs on every request; the web lock pins it,
    because without it each request pays for a failed import (about 0.2 ms,
    ``benchmarks/web_latentie.py``).
    """

    def __init__(
        self, rasa_url: str, acties_url: str, timeout: float, transport: Any = None
    ) -> None:
        self._rasa_url = rasa_url.rstrip("/")
        self._acties_url = acties_url.rstrip("/")
        self._client = httpx.AsyncClient(timeout=timeout, transport=transport)

    async def stuur(self, gesprek_id: str, tekst: str) -> list[Bericht]:
        """Send one message and return the bot's answer; :class:`RasaOnbereikbaar` if it cannot."""
        try:
            response = await self._client.post(
                f"{self._rasa_url}/webhooks/rest/webhook",
                json={"sender": gesprek_id, "message": tekst},
            )
        except httpx.HTTPError as fout:
            raise RasaOnbereikbaar(type(fout).__name__) from None
        if response.status_code >= 500:
            raise RasaOnbereikbaar(f"status {response.status_code}")
        try:
            data = response.json()
        except ValueError:
            raise RasaOnbereikbaar("geen JSON") from None
        berichten = koppel(data if isinstance(data, list) else [])
        if not berichten:
            # The engine always answers; an empty list means the action server did not.
            raise RasaOnbereikbaar("leeg antwoord")
        return berichten

    async def gereed(self) -> bool:
        """Whether both Rasa and the action server answer their health checks."""
        try:
            rasa = await self._client.get(f"{self._rasa_url}/", timeout=2.0)
            acties = await self._client.get(f"{self._acties_url}/health", timeout=2.0)
        except httpx.HTTPError:
            return False
        return rasa.status_code == 200 and acties.status_code == 200

    async def sluit(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()
