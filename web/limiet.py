"""How many messages one client may send per minute: a moving window in memory.

Not ``limits``' MemoryStorage: that starts a timer thread on every hit to expire old entries,
which cost 0.4 to 1.3 ms of CPU per chat turn in our runs, out of a latency budget of 5 ms
(``benchmarks/web_latentie.py``). Here old hits are dropped on the next hit of the same client,
and a sweep once per window forgets clients that went quiet, so the client addresses (personal
data) are kept no longer than about two windows. The web app runs one event loop in one
thread and :meth:`Venster.hit` never awaits, so no lock is needed.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class Venster:
    """At most ``aantal`` hits per ``seconden`` for each key; the window moves with time."""

    def __init__(
        self, aantal: int, seconden: float = 60.0, klok: Callable[[], float] = time.monotonic
    ) -> None:
        self._aantal = aantal
        self._seconden = seconden
        self._klok = klok
        self._hits: dict[tuple[str, str], deque[float]] = {}
        self._volgende_veeg = klok() + seconden

    def hit(self, soort: str, client: str) -> bool:
        """Count one hit of ``client`` for ``soort``; False when it is over the limit.

        A refused hit is not counted, so a client that waits a moment can write again.
        """
        nu = self._klok()
        if nu >= self._volgende_veeg:
            self._veeg(nu)
        tijden = self._hits.setdefault((soort, client), deque())
        grens = nu - self._seconden
        while tijden and tijden[0] <= grens:
            tijden.popleft()
        if len(tijden) >= self._aantal:
            return False
        tijden.append(nu)
        return True

    def __len__(self) -> int:
        """How many (soort, client) pairs are remembered now."""
        return len(self._hits)

    def _veeg(self, nu: float) -> None:
        grens = nu - self._seconden
        for sleutel in [k for k, t in self._hits.items() if not t or t[-1] <= grens]:
            del self._hits[sleutel]
        self._volgende_veeg = nu + self._seconden
