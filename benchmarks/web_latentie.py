"""Added latency of the web app per chat turn, over Rasa's REST webhook direct.

A benchmark, not a test: it prints figures and never fails on them. Runs in the web app's venv::

    .venv-web/bin/python benchmarks/web_latentie.py [--blokken 6] [--rondes 10] [--gelijktijdig 20]

It starts the web app, Rasa and the action server on free ports in a temporary directory (as
the browser tests do, :func:`web.tests.servers.start_servers`; needs a trained model), then
sends the same Wegwijzer conversations (a hulpvraag and the answers to the questions, "hallo",
a question outside the scope) to the web app (``POST /api/bericht``) and to Rasa direct
(``POST /webhooks/rest/webhook``), every conversation with its own id. The two routes are
interleaved per conversation and the order alternates per block, so drift on a busy machine
falls on both alike.

Two figures per route: p50 and p95 per turn, sequential (one resident at a time, one kept-alive
connection per route) and with ``--gelijktijdig`` residents at once (each its own client and
connection, as separate browsers are). All residents come from 127.0.0.1, so the web app's
per-client limit (``WEGWIJZER_WEB_BERICHTEN_PER_MINUUT``, 30 by default) is set to
:data:`LIMIET` for this run; otherwise the web app would answer 429 quickly and look fast.
In the concurrent rounds all residents take one route, then all the other (the order
alternates), so what the web app adds includes its own queue when 20 turns arrive at once.

Then the same again with Rasa replaced by :data:`STUB`, which answers at once with a recorded
Rasa answer: what is left is the web app's own cost, without Rasa's noise. Also printed: the
web app's CPU time per turn (on a busy machine every hop also waits for a free core, so the
latencies there vary from run to run more than the CPU time does), and the number of
connections the web app used to Rasa (keep-alive: one for all sequential turns).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from web.tests.servers import Servers, start_servers, vrije_poort  # noqa: E402

#: Conversations a resident could have; the second line's button payload is what the widget
#: sends when the resident presses the wijk button.
GESPREKKEN: list[list[str]] = [
    ["hallo", "ik zorg voor mijn moeder met dementie en kan het niet meer aan",
     "ik woon in Oosterpark", "nee, dat is niet genoeg", "dank je wel"],
    ["mijn zoon van 11 wordt gepest op school", '/geef_info{"wijk": "Centrum"}', "ja dat helpt"],
    ["ik heb schulden en kan de huur niet betalen", "Westwijk",
     "ik wil iemand van de gemeente spreken"],
    ["wanneer wordt het grofvuil opgehaald", "hallo", "ik voel me zo alleen sinds mijn man is overleden",
     "De Weiden", "ja"],
]  # fmt: skip
#: The per-client message limit for this run (all residents share 127.0.0.1).
LIMIET = 1_000_000
TIMEOUT = 60.0


def nieuw_id() -> str:
    """A conversation id as the widget makes one (matches ``^[A-Za-z0-9_-]{16,64}$``)."""
    return secrets.token_hex(16)


def percentiel(waarden: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    geordend = sorted(waarden)
    index = max(0, min(len(geordend) - 1, round(q * len(geordend) + 0.5) - 1))
    return geordend[index]


def cpu_ms(pid: int) -> float:
    """CPU time (user + system, all threads) a process has used so far, in ms."""
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def verbindingen(pid: int, poort: int) -> set[int]:
    """Local ports of the process's established TCP connections to ``poort`` on loopback.

    Read from /proc (socket inodes of the process matched against /proc/net/tcp), so it needs
    no tool; on another system it returns an empty set and the check is skipped.
    """
    try:
        inodes = {
            os.readlink(f"/proc/{pid}/fd/{fd}")[8:-1]
            for fd in os.listdir(f"/proc/{pid}/fd")
            if os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:[")
        }
        regels = Path("/proc/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return set()
    poorten = set()
    for regel in regels:
        velden = regel.split()
        lokaal, ander, staat, inode = velden[1], velden[2], velden[3], velden[9]
        if staat == "01" and inode in inodes and int(ander.split(":")[1], 16) == poort:
            poorten.add(int(lokaal.split(":")[1], 16))
    return poorten


@dataclass
class Route:
    """One way to send a turn: the web app or Rasa direct."""

    naam: str
    url: str
    body: Callable[[str, str], dict[str, str]]
    gelukt: Callable[[Any], bool]
    ms: list[float] = field(default_factory=list)
    fouten: int = 0

    def meet(self, response: httpx.Response, start: float) -> float:
        """Record one turn; a failed turn counts as an error, not as a latency."""
        duur = (time.perf_counter() - start) * 1000
        if response.status_code == 200 and self.gelukt(response.json()):
            self.ms.append(duur)
        else:
            self.fouten += 1
        return duur


def routes(web_url: str, rasa_url: str) -> tuple[Route, Route]:
    """The web app's chat API and a Rasa REST webhook behind it."""
    web = Route(
        "web-app",
        f"{web_url}/api/bericht",
        lambda wie, tekst: {"gesprek": wie, "tekst": tekst},
        lambda data: isinstance(data, dict) and bool(data.get("berichten")),
    )
    rasa = Route(
        "rasa direct",
        f"{rasa_url}/webhooks/rest/webhook",
        lambda wie, tekst: {"sender": wie, "message": tekst},
        lambda data: isinstance(data, list) and bool(data),
    )
    return web, rasa


def gesprek(client: httpx.Client, route: Route, beurten: list[str]) -> list[float]:
    """One conversation with a fresh id; returns the latency of each turn."""
    wie = nieuw_id()
    uit = []
    for tekst in beurten:
        start = time.perf_counter()
        response = client.post(route.url, json=route.body(wie, tekst))
        uit.append(route.meet(response, start))
    return uit


def sequentieel(web: Route, rasa: Route, blokken: int) -> list[float]:
    """Interleaved conversations, one at a time; returns the paired differences (web - rasa)."""
    verschillen: list[float] = []
    with httpx.Client(timeout=TIMEOUT) as cw, httpx.Client(timeout=TIMEOUT) as cr:
        clients = {web.naam: cw, rasa.naam: cr}
        for blok in range(blokken):
            for beurten in GESPREKKEN:
                volgorde = (web, rasa) if blok % 2 == 0 else (rasa, web)
                tijden = {r.naam: gesprek(clients[r.naam], r, beurten) for r in volgorde}
                verschillen += [
                    w - r for w, r in zip(tijden[web.naam], tijden[rasa.naam], strict=True)
                ]
    return verschillen


async def bewoner(route: Route, beurten: list[str]) -> None:
    """One resident with its own connection, writing without pause."""
    async with httpx.AsyncClient(timeout=TIMEOUT) as client:
        wie = nieuw_id()
        for tekst in beurten:
            start = time.perf_counter()
            response = await client.post(route.url, json=route.body(wie, tekst))
            route.meet(response, start)


async def gelijktijdig(web: Route, rasa: Route, rondes: int, aantal: int) -> None:
    """``aantal`` residents at once on one route, then on the other; order alternates."""
    for ronde in range(rondes):
        for route in (web, rasa) if ronde % 2 == 0 else (rasa, web):
            await asyncio.gather(
                *(bewoner(route, GESPREKKEN[(ronde + i) % len(GESPREKKEN)]) for i in range(aantal))
            )


def regel(naam: str, ms: list[float], fouten: int) -> str:
    """One row of the table."""
    if not ms:
        return f"  {naam:<13} geen geslaagde beurten ({fouten} fouten)"
    return (
        f"  {naam:<13} n={len(ms):<4} p50 {statistics.median(ms):7.1f} ms   "
        f"p95 {percentiel(ms, 0.95):7.1f} ms   fouten {fouten}"
    )


def verslag(kop: str, web: Route, rasa: Route, paren: list[float] | None = None) -> None:
    """Print p50/p95 of both routes and what the web app adds."""
    print(kop)
    print(regel(web.naam, web.ms, web.fouten))
    print(regel(rasa.naam, rasa.ms, rasa.fouten))
    if web.ms and rasa.ms:
        p50 = statistics.median(web.ms) - statistics.median(rasa.ms)
        p95 = percentiel(web.ms, 0.95) - percentiel(rasa.ms, 0.95)
        print(f"  toegevoegd   p50 {p50:+7.1f} ms   p95 {p95:+7.1f} ms   (doel p50 <= 5 ms)")
    if paren:
        print(
            f"  per beurt gepaard (web - rasa, zelfde beurt): mediaan {statistics.median(paren):+.1f} ms"
        )


def start(tmp: Path) -> Servers:
    """The three processes, the web app restarted with the message limit raised."""
    servers = start_servers(tmp)
    servers.env["WEGWIJZER_WEB_BERICHTEN_PER_MINUUT"] = str(LIMIET)
    servers.stop("web")
    servers.start("web")
    servers.wacht_gereed()
    return servers


def rasa_url(servers: Servers) -> str:
    """Where Rasa listens."""
    return f"http://127.0.0.1:{servers.env['WEGWIJZER_RASA_PORT']}"


def grootste_antwoord(servers: Servers) -> bytes:
    """Rasa's longest answer of the conversations (text, buttons and the structured payload)."""
    antwoorden = []
    with httpx.Client(timeout=TIMEOUT) as client:
        for beurten in GESPREKKEN:
            wie = nieuw_id()
            for tekst in beurten:
                response = client.post(
                    f"{rasa_url(servers)}/webhooks/rest/webhook",
                    json={"sender": wie, "message": tekst},
                )
                antwoorden.append(response.content)
    return max(antwoorden, key=len)


#: A stand-in for Rasa and the action server that answers at once with a recorded Rasa answer,
#: so what is left of the web app's latency is the web app's own. One asyncio loop, HTTP/1.1
#: keep-alive, the whole response in one write (as Sanic does), so it stays cheap with 20
#: residents at once.
STUB = """
import asyncio
import sys

ANTWOORD = open(sys.argv[2], "rb").read()
KOP = b"HTTP/1.1 200 OK\\r\\ncontent-type: application/json\\r\\ncontent-length: %d\\r\\n\\r\\n"


async def verbinding(lezer, schrijver):
    try:
        while True:
            kop = await lezer.readuntil(b"\\r\\n\\r\\n")
            for regel in kop.split(b"\\r\\n"):
                if regel.lower().startswith(b"content-length:"):
                    await lezer.readexactly(int(regel.split(b":", 1)[1]))
            body = ANTWOORD if kop.startswith(b"POST") else b'{"status": "ok"}'
            schrijver.write(KOP % len(body) + body)
            await schrijver.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        schrijver.close()


async def main():
    server = await asyncio.start_server(verbinding, "127.0.0.1", int(sys.argv[1]), backlog=256)
    async with server:
        await server.serve_forever()


asyncio.run(main())
"""


def start_stub(servers: Servers, antwoord: bytes) -> Servers:
    """A second web app whose Rasa and action server are :data:`STUB`."""
    tmp = servers.tmp / "stub"
    tmp.mkdir()
    (tmp / "antwoord.json").write_bytes(antwoord)
    stub_poort, web_poort = str(vrije_poort()), str(vrije_poort())
    web = list(servers.commands["web"])
    web[web.index("--port") + 1] = web_poort
    env = {
        **servers.env,
        "WEGWIJZER_WEB_PORT": web_poort,
        "WEGWIJZER_RASA_PORT": stub_poort,
        "WEGWIJZER_ACTIONS_PORT": stub_poort,
    }
    stub = Servers(
        tmp=tmp,
        env=env,
        commands={
            "stub": [sys.executable, "-c", STUB, stub_poort, str(tmp / "antwoord.json")],
            "web": web,
        },
        db_url=servers.db_url,
        var_dir=servers.var_dir,
        web_url=f"http://127.0.0.1:{web_poort}",
    )
    stub.start("stub")
    stub.start("web")
    try:
        stub.wacht_gereed(timeout=60)
    except Exception:
        stub.stop_alles()
        raise
    return stub


def keep_alive(servers: Servers) -> tuple[int, int]:
    """How many connections the web app used to Rasa for a few sequential turns.

    A separate, untimed pass: reading /proc after every turn slows the web app down (it
    doubled its CPU time per turn), so it is not done while measuring.
    """
    web_pid = servers.processen["web"].pid
    rasa_poort = int(servers.env["WEGWIJZER_RASA_PORT"])
    web, _ = routes(servers.web_url, rasa_url(servers))
    gebruikt: set[int] = set()
    beurten = 0
    with httpx.Client(timeout=TIMEOUT) as client:
        for gesprek_beurten in GESPREKKEN:
            wie = nieuw_id()
            for tekst in gesprek_beurten:
                client.post(web.url, json=web.body(wie, tekst)).raise_for_status()
                gebruikt |= verbindingen(web_pid, rasa_poort)
                beurten += 1
    return len(gebruikt), beurten


def meet(servers: Servers, args: argparse.Namespace, naam: str) -> None:
    """Sequential and concurrent figures of the web app in front of its Rasa.

    Besides the latencies: the web app's CPU time per turn, which does not depend on how busy
    the machine is (the latencies do: every hop waits for a free core), and how many
    connections the web app used to Rasa (one for all sequential turns if keep-alive works).
    """
    web_pid = servers.processen["web"].pid
    rasa_poort = int(servers.env["WEGWIJZER_RASA_PORT"])
    achter = rasa_url(servers)
    sequentieel(*routes(servers.web_url, achter), 1)  # warm-up: first use of stories, pool
    web, rasa = routes(servers.web_url, achter)
    cpu = cpu_ms(web_pid)
    paren = sequentieel(web, rasa, args.blokken)
    cpu_beurt = (cpu_ms(web_pid) - cpu) / max(1, len(web.ms) + web.fouten)
    verslag(f"{naam}, sequentieel (1 inwoner tegelijk, {args.blokken} blokken)", web, rasa, paren)
    print(f"  CPU van de web-app per beurt: {cpu_beurt:.2f} ms")
    gebruikt, beurten = keep_alive(servers)
    if gebruikt:
        print(
            f"  verbindingen web-app -> Rasa over {beurten} beurten: {gebruikt} (1 = keep-alive werkt)"
        )
    web, rasa = routes(servers.web_url, achter)
    cpu = cpu_ms(web_pid)
    asyncio.run(gelijktijdig(web, rasa, args.rondes, args.gelijktijdig))
    cpu_beurt = (cpu_ms(web_pid) - cpu) / max(1, len(web.ms) + web.fouten)
    verslag(f"{naam}, gelijktijdig ({args.gelijktijdig} inwoners, {args.rondes} rondes)", web, rasa)
    print(f"  CPU van de web-app per beurt: {cpu_beurt:.2f} ms")
    open_ = verbindingen(web_pid, rasa_poort)
    if open_:
        print(f"  open verbindingen web-app -> Rasa na afloop: {len(open_)} (pool, hergebruikt)")


def main() -> int:
    """Start the servers, warm up, measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--blokken", type=int, default=6, help="sequential blocks")
    parser.add_argument("--rondes", type=int, default=10, help="concurrent rounds per route")
    parser.add_argument("--gelijktijdig", type=int, default=20, help="residents at once")
    parser.add_argument("--zonder-stub", action="store_true", help="only the real Rasa")
    args = parser.parse_args()
    beurten = sum(len(g) for g in GESPREKKEN)
    with tempfile.TemporaryDirectory(prefix="ww-latentie-") as tmp:
        print("servers starten (web-app, Rasa, actieserver)...", flush=True)
        begin = time.monotonic()
        servers = start(Path(tmp))
        stub: Servers | None = None
        try:
            print(
                f"gestart in {time.monotonic() - begin:.0f} s; belasting (1 min) "
                f"{os.getloadavg()[0]:.1f} op {os.cpu_count()} kernen; "
                f"WEGWIJZER_WEB_BERICHTEN_PER_MINUUT={LIMIET} voor deze meting; "
                f"{len(GESPREKKEN)} gesprekken, {beurten} beurten per blok en route",
                flush=True,
            )
            meet(servers, args, "Echte Rasa")
            if not args.zonder_stub:
                antwoord = grootste_antwoord(servers)
                servers.stop_alles()
                stub = start_stub(servers, antwoord)
                print(
                    f"stub-Rasa: antwoordt direct met een opgenomen antwoord ({len(antwoord)} bytes)"
                )
                meet(stub, args, "Stub-Rasa")
        finally:
            servers.stop_alles()
            if stub is not None:
                stub.stop_alles()
    print(f"belasting (1 min) na afloop: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
