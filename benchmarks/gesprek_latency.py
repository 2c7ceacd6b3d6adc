"""Per-turn latency of fixed conversations over REST, and memory of both servers.

A benchmark, not a test: start the servers first (``make run``), then
``.venv/bin/python benchmarks/gesprek_latency.py [--rondes 5]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
import uuid
from pathlib import Path

import requests

GESPREKKEN: list[list[str]] = [
    ["hallo", "ik zorg voor mijn moeder met dementie en kan het niet meer aan", "ik woon in Oosterpark",
     "nee, dat is niet genoeg", "dank je wel"],
    ["mijn zoon van 11 wordt gepest op school", "9905", "ja dat helpt", "doei"],
    ["ik heb schulden en kan de huur niet betalen", "Westwijk", "ik wil iemand van de gemeente spreken"],
    ["ik voel me zo alleen sinds mijn man is overleden", "De Weiden", "iets anders",
     "waar kan ik een rollator lenen", "weet ik niet"],
    ["ik wil er niet meer zijn"],
    ["wanneer wordt het grofvuil opgehaald", "begin opnieuw"],
    ["mijn dochter van 15 drinkt veel te veel", "Centrum", "nee"],
    ["ik kan mijn post niet lezen en snap de brieven niet", "voor mezelf", "Molenbuurt", "ja"],
]  # fmt: skip


def rss_mb(pattern: str) -> float | None:
    """Resident memory (MB) of the process whose command line matches ``pattern``."""
    pids = subprocess.run(
        ["pgrep", "-f", pattern], capture_output=True, text=True, check=False
    ).stdout.split()
    sizes = []
    for pid in pids:  # the shell that honcho starts matches too: take the largest process
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return max(sizes) if sizes else None


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(q * len(ordered) + 0.5) - 1))
    return ordered[index]


def main() -> int:
    """Run the conversations and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:5005/webhooks/rest/webhook")
    parser.add_argument("--rondes", type=int, default=5, help="how often each conversation runs")
    args = parser.parse_args()
    session = requests.Session()
    session.post(args.url, json={"sender": "opwarmen", "message": "hallo"}, timeout=60)  # warm-up
    latencies: list[float] = []
    for _ in range(args.rondes):
        for gesprek in GESPREKKEN:
            sender = uuid.uuid4().hex
            for message in gesprek:
                start = time.perf_counter()
                response = session.post(
                    args.url, json={"sender": sender, "message": message}, timeout=60
                )
                latencies.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
    print(f"beurten: {len(latencies)} ({len(GESPREKKEN)} gesprekken x {args.rondes} rondes)")
    print(
        f"latentie per beurt: p50 {statistics.median(latencies):.1f} ms, "
        f"p95 {percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms"
    )
    for naam, pattern in (
        ("rasa-server", "rasa run --model"),
        ("actieserver", "wegwijzer.servers acties"),
    ):
        rss = rss_mb(pattern)
        print(f"RSS {naam}: {rss:.0f} MB" if rss is not None else f"RSS {naam}: niet gevonden")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
