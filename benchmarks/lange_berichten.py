"""Time to answer long messages through the real Rasa server: the worst case per message.

A benchmark, not a test: it prints figures and asserts nothing about time. Messages over the
limit (``triage.poort.MAX_BERICHT``, 2,000 characters) are answered by the input channel before
Rasa parses them; a message at the limit goes all the way (NLU, crisis layer, action server,
tracker store), so it is the slowest message a resident can send.

    .venv/bin/python benchmarks/lange_berichten.py --start        # own servers, fresh database
    .venv/bin/python benchmarks/lange_berichten.py                # servers of `make run`
    .venv/bin/python benchmarks/lange_berichten.py --herhaal 10 --url http://host:5005/webhooks/rest/webhook
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from triage.poort import MAX_BERICHT

ZIN = "Ik zorg al twee jaar voor mijn moeder met dementie en het wordt me echt te veel. "
#: (label, characters): below, at and over the limit, up to a pasted document of 1 MB.
GROOTTES: list[tuple[str, int]] = [
    ("hallo", 5),
    ("1 KB", 1024),
    (f"{MAX_BERICHT} tekens (de grens)", MAX_BERICHT),
    ("2 KB", 2048),
    ("10 KB", 10 * 1024),
    ("300 KB", 300 * 1024),
    ("1 MB", 1024 * 1024),
]


def bericht(lengte: int) -> str:
    """Dutch text of exactly ``lengte`` characters (a resident's story, pasted many times)."""
    if lengte <= 5:
        return "hallo"[:lengte]
    return (ZIN * (lengte // len(ZIN) + 1))[: lengte - 1] + "."  # Rasa strips trailing spaces


def meet(url: str, herhaal: int) -> None:
    """Send each size ``herhaal`` times, each from a new resident, and print the figures."""
    session = requests.Session()
    session.post(url, json={"sender": "opwarmen", "message": "hallo"}, timeout=120)  # warm-up
    print(
        f"grens: {MAX_BERICHT} tekens; {herhaal} berichten per grootte, elk van een nieuwe inwoner"
    )
    print(f"{'bericht':<26}{'tekens':>10}{'p50 ms':>10}{'max ms':>10}  antwoord")
    for label, lengte in GROOTTES:
        tekst = bericht(lengte)
        tijden: list[float] = []
        antwoord = ""
        for _ in range(herhaal):
            start = time.perf_counter()
            response = session.post(
                url, json={"sender": uuid.uuid4().hex, "message": tekst}, timeout=300
            )
            tijden.append((time.perf_counter() - start) * 1000)
            response.raise_for_status()
            replies = response.json()
            teksten = [r.get("text") or "" for r in replies]
            if not any(t.strip() for t in teksten):
                antwoord = "LEEG ANTWOORD"
            elif not antwoord:
                antwoord = (
                    "geweigerd in het kanaal"
                    if "te lang" in teksten[0]
                    else f"gelezen ({len(replies)} berichten)"
                )
        print(
            f"{label:<26}{lengte:>10}{statistics.median(tijden):>10.1f}{max(tijden):>10.1f}"
            f"  {antwoord}"
        )


def main() -> int:
    """Parse the arguments, start servers when asked, and measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005/webhooks/rest/webhook")
    parser.add_argument("--herhaal", type=int, default=5, help="messages per size")
    parser.add_argument(
        "--start", action="store_true", help="start own servers on free ports with a fresh database"
    )
    args = parser.parse_args()
    if not args.start:
        meet(args.url, args.herhaal)
        return 0
    from tests.e2e.conftest import start_servers, stop_servers

    with tempfile.TemporaryDirectory(prefix="lange-berichten-") as tmp:
        begin = time.perf_counter()
        servers = start_servers(Path(tmp))
        print(f"servers gestart in {time.perf_counter() - begin:.0f} s")
        try:
            meet(servers.rest_url, args.herhaal)
        finally:
            stop_servers(servers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
