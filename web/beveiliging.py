"""Security headers on every response, and a hard cap on request bodies.

Both are plain ASGI middleware so they also cover error responses and static files.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Everything from our own origin, nothing inline, nothing evaluated, nobody may frame us
#: except ourselves. The widget on a gemeente page is a script of ours, not a frame.
CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'self'",
    ]
)
HEADERS: dict[str, str] = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
HSTS = "max-age=31536000; includeSubDomains"


class BeveiligingsKoppen:
    """Adds :data:`HEADERS` to every HTTP response, and HSTS when the request came over https.

    Behind the TLS proxy uvicorn's proxy-headers support sets the scheme from
    ``X-Forwarded-Proto``, but only for proxies listed as trusted.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """ASGI entry point."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_met_koppen(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() not in HEADERS
                ]
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                if https:
                    headers.append((b"strict-transport-security", HSTS.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_met_koppen)


class MaxBody:
    """Refuses request bodies above ``limiet`` bytes with 413 and a Dutch JSON message.

    Checked against ``Content-Length`` when there is one (the server enforces that framing);
    a chunked body is read here up to the limit and then handed on whole, so nothing above
    the limit is ever held in memory.
    """

    def __init__(
        self,
        app: ASGIApp,
        limiet: int,
        melding: str,
        ruimer: dict[str, tuple[int, str]] | None = None,
    ) -> None:
        self.app = app
        self.limiet = limiet
        self.melding = melding
        #: Exact paths with their own (larger) limit and message, e.g. the kaart upload.
        self.ruimer = dict(ruimer or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """ASGI entry point."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limiet, melding = self.ruimer.get(scope.get("path", ""), (self.limiet, self.melding))
        lengte: int | None = None
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    lengte = int(value)
                except ValueError:
                    lengte = limiet + 1
        if lengte is not None:
            if lengte > limiet:
                await self._weiger(send, melding)
                return
            await self.app(scope, receive, send)
            return
        # No Content-Length (chunked): read up to the limit here, then hand the body on whole.
        delen: list[bytes] = []
        gelezen = 0
        while True:
            bericht = await receive()
            if bericht["type"] != "http.request":
                await self.app(scope, _herhaal([bericht], receive), send)
                return
            delen.append(bericht.get("body", b""))
            gelezen += len(delen[-1])
            if gelezen > limiet:
                await self._weiger(send, melding)
                return
            if not bericht.get("more_body", False):
                break
        geheel = {"type": "http.request", "body": b"".join(delen), "more_body": False}
        await self.app(scope, _herhaal([geheel], receive), send)

    async def _weiger(self, send: Send, melding: str) -> None:
        body = json.dumps({"fout": "te_groot", "melding": melding}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _herhaal(berichten: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that first replays ``berichten``, then goes on with the real one."""
    wachtrij = list(berichten)

    async def ontvang() -> Message:
        if wachtrij:
            return wachtrij.pop(0)
        return await receive()

    return ontvang
