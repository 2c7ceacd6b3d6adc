"""Wegwijzer beside Rasa's stock ``rasa init`` starter bot, measured in one run.

Trains both (the stock bot with ``rasa init --no-prompt`` in a temporary folder, Wegwijzer with
its full ``rasa train`` on the current ``config.yml``), serves both on free ports (Wegwijzer
exactly as ``wegwijzer serve`` starts it, on a fresh database with the demo kaart), then sends
*interleaved* blocks of turns over REST so that load from other processes on this machine hits
both bots alike:

- sequential: one resident at a time, per-turn latency p50 / p95;
- concurrent: 20 residents at once for a fixed time, turns per second.

Wegwijzer residents run realistic conversations (hulpvraag, answers to the triage questions,
offers from the sociale kaart, a reaction to them); the stock bot gets a conversation of the
same length through its own stories. Each conversation has a fresh sender id. The Rasa server
RSS is read from ``/proc`` for the Rasa process itself (not honcho or its shell) right after
start and again at the end.

A benchmark, not a test: it prints figures and asserts no timing. Usage::

    .venv/bin/python benchmarks/rasa_vergelijking.py [--rondes 6] [--blok 8] [--duur 15]
        [--gelijktijdig 20] [--werkmap DIR [--hergebruik]]

``--werkmap`` keeps the trained models and logs (for profiling); with ``--hergebruik`` a
second run there skips both trainings and reports them as not measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kern.gemeente import load_profiel  # noqa: E402
from kern.settings import PROJECT_ROOT, RASA_OMGEVING, Settings, rasa_omgeving  # noqa: E402

DEMO_PROFIEL = PROJECT_ROOT / "demo_gemeente" / "gemeente.yml"
DEMO_KAART = PROJECT_ROOT / "demo_gemeente" / "sociale_kaart.csv"
VENV_BIN = Path(sys.executable).parent
START_TIMEOUT = 300.0

#: Four turns each: hulpvraag, answer(s) to the triage question(s), the offer, a reaction.
WEGWIJZER_GESPREKKEN: tuple[tuple[str, ...], ...] = (
    ("hallo", "ik zorg voor mijn moeder met dementie en kan het niet meer aan",
     "ik woon in Oosterpark", "nee, dat is niet genoeg"),
    ("mijn zoon van 11 wordt gepest op school", "Centrum", "ja dat helpt", "dank je wel"),
    ("ik heb schulden en kan de huur niet betalen", "Westwijk", "nee dat helpt niet",
     "dank u wel"),
    ("ik voel me zo alleen sinds mijn man is overleden", "ik ben 78", "De Weiden",
     "ja, dat ga ik proberen"),
    ("ik kan mijn post niet lezen en snap de brieven niet", "voor mezelf", "Molenbuurt", "ja"),
    ("mijn dochter van 15 drinkt veel te veel", "Centrum", "nee", "bedankt"),
)  # fmt: skip

#: The stock starter bot's own paths (greet, mood, did that help, bot challenge, goodbye).
STOCK_GESPREKKEN: tuple[tuple[str, ...], ...] = (
    ("hello", "I am feeling very sad today", "yes", "bye"),
    ("hi there", "I am great", "are you a bot?", "goodbye"),
    ("hey", "very unhappy", "no, not really", "see you later"),
)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(q * len(ordered) + 0.5) - 1))
    return ordered[index]


# --------------------------------------------------------------------------- processes


def _cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [p.decode(errors="replace") for p in raw.split(b"\0") if p]


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def descendants(root: int) -> list[int]:
    """All live processes below ``root`` (children, grandchildren …)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            parent = _ppid(int(entry.name))
            if parent is not None:
                children.setdefault(parent, []).append(int(entry.name))
    found: list[int] = []
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss_mb(pid: int) -> float | None:
    """Resident memory (VmRSS, MB) of one process."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def python_child(root: int, *markers: str) -> int | None:
    """The Python process under ``root`` whose argv holds ``markers`` (not honcho's shell)."""
    for pid in [root, *descendants(root)]:
        argv = _cmdline(pid)
        if not argv or Path(argv[0]).name in {"sh", "bash", "dash"}:
            continue
        if all(m in argv for m in markers):
            return pid
    return None


@dataclass
class Bot:
    """One served bot: its REST URL, its process group and the pid of its Rasa process."""

    naam: str
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    rasa_pid: int | None = None
    acties_pid: int | None = None
    rss_start: float | None = None
    eerste_ms: float | None = None
    seq_ms: list[float] = field(default_factory=list)
    throughput: list[float] = field(default_factory=list)
    gesprekken: int = 0
    met_aanbod: int = 0

    def output(self) -> str:
        """The tail of its log."""
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]


def wait_ready(bot: Bot, extra_health: str | None = None) -> None:
    """Until the Rasa server (and the action server) answer, or fail with the log."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if bot.process.poll() is not None:
            raise RuntimeError(f"{bot.naam} stopte tijdens het starten:\n{bot.output()}")
        try:
            ok = requests.get(bot.url.split("/webhooks")[0] + "/", timeout=2).ok
            if ok and extra_health:
                ok = requests.get(extra_health, timeout=2).ok
            if ok:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise RuntimeError(f"{bot.naam} niet op tijd gestart:\n{bot.output()}")


def stop(bot: Bot) -> None:
    """SIGTERM to the process group, SIGKILL if it lingers."""
    if bot.process.poll() is None:
        try:
            os.killpg(bot.process.pid, signal.SIGTERM)
            bot.process.wait(timeout=30)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            with suppress(ProcessLookupError):
                os.killpg(bot.process.pid, signal.SIGKILL)
            bot.process.wait(timeout=10)


# --------------------------------------------------------------------------- training


def train_stock(werkmap: Path, hergebruik: bool) -> tuple[Path, float | None]:
    """``rasa init --no-prompt`` (which trains) in ``werkmap/stock``; model and seconds."""
    project = werkmap / "stock"
    modellen = sorted((project / "models").glob("*.tar.gz"))
    if hergebruik and modellen:
        return modellen[-1], None
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)  # rasa init refuses a folder that does not exist
    start = time.perf_counter()
    with (werkmap / "stock_init.log").open("wb") as log:
        subprocess.run(
            [str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)],
            cwd=werkmap, env=rasa_omgeving(), stdout=log, stderr=subprocess.STDOUT, check=True,
        )  # fmt: skip
    seconden = time.perf_counter() - start
    return sorted((project / "models").glob("*.tar.gz"))[-1], seconden


def train_wegwijzer(werkmap: Path, hergebruik: bool) -> tuple[Path, float | None]:
    """Wegwijzer's full training (``wegwijzer.training.train``, in a child) into ``werkmap``."""
    model = werkmap / "models" / "wegwijzer.tar.gz"
    if hergebruik and model.exists():
        return model, None
    model.parent.mkdir(parents=True, exist_ok=True)
    code = (
        "from pathlib import Path; from wegwijzer.training import train; "
        f"train(Path({str(model)!r}))"
    )
    start = time.perf_counter()
    with (werkmap / "wegwijzer_train.log").open("wb") as log:
        subprocess.run(
            [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=rasa_omgeving(),
            stdout=log, stderr=subprocess.STDOUT, check=True,
        )  # fmt: skip
    return model, time.perf_counter() - start


# --------------------------------------------------------------------------- serving


def serve_stock(werkmap: Path, model: Path) -> Bot:
    """``rasa run`` on the stock project (REST channel from its credentials.yml)."""
    port = free_port()
    log = werkmap / "stock_serve.log"
    process = subprocess.Popen(
        [str(VENV_BIN / "rasa"), "run", "--model", str(model), "--port", str(port),
         "--interface", "127.0.0.1", "--credentials", "credentials.yml"],
        cwd=werkmap / "stock", env=rasa_omgeving(), stdout=log.open("wb"),
        stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    bot = Bot("stock", f"http://127.0.0.1:{port}/webhooks/rest/webhook", process, log)
    wait_ready(bot)
    bot.rasa_pid = process.pid  # .venv/bin/rasa is the Python process itself
    return bot


def serve_wegwijzer(werkmap: Path, model: Path) -> Bot:
    """``wegwijzer serve`` on free ports with a fresh database (as tests/e2e/conftest.py)."""
    from signalen.migraties import richt_in
    from sociale_kaart import service

    var = werkmap / "var"
    if var.exists():
        shutil.rmtree(var)
    var.mkdir(parents=True)
    cache = PROJECT_ROOT / "var" / "cache" / "deduce"
    if cache.is_dir():  # the de-identifier's lookup lists; built at start when missing
        shutil.copytree(cache, var / "cache" / "deduce")
    env_settings = {
        "WEGWIJZER_VAR_DIR": str(var),
        "WEGWIJZER_DB_URL": f"sqlite:///{var / 'bench.db'}",
        "WEGWIJZER_GEMEENTE": str(DEMO_PROFIEL),
        "WEGWIJZER_MODELS_DIR": str(model.parent),
        "WEGWIJZER_RASA_PORT": str(free_port()),
        "WEGWIJZER_ACTIONS_PORT": str(free_port()),
        "WEGWIJZER_LOG_LEVEL": "INFO",
    }
    settings = Settings.from_env(env_settings)
    service.init_database(settings, load_profiel(settings.gemeente_path))
    service.import_bestand(settings, DEMO_KAART, vervang=True)
    richt_in(settings)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEGWIJZER_")}
    env.update(RASA_OMGEVING)
    env.update(env_settings)
    log = werkmap / "wegwijzer_serve.log"
    process = subprocess.Popen(
        [str(VENV_BIN / "wegwijzer"), "serve"], cwd=PROJECT_ROOT, env=env,
        stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    bot = Bot(
        "wegwijzer", f"http://127.0.0.1:{settings.rasa_port}/webhooks/rest/webhook", process, log
    )
    wait_ready(bot, f"http://127.0.0.1:{settings.actions_port}/health")
    bot.rasa_pid = python_child(process.pid, "wegwijzer.servers", "rasa")
    bot.acties_pid = python_child(process.pid, "wegwijzer.servers", "acties")
    return bot


# --------------------------------------------------------------------------- load


def run_conversation(
    session: requests.Session,
    bot: Bot,
    gesprek: Sequence[str],
    stop_at: float | None = None,
    record: Callable[[float], None] | None = None,
) -> tuple[int, bool]:
    """Send one conversation; return the turns done and whether an offer was shown."""
    sender = uuid.uuid4().hex
    turns = 0
    aanbod = False
    for message in gesprek:
        if stop_at is not None and time.perf_counter() >= stop_at:
            break
        start = time.perf_counter()
        response = session.post(bot.url, json={"sender": sender, "message": message}, timeout=120)
        elapsed = (time.perf_counter() - start) * 1000
        response.raise_for_status()
        replies = response.json()
        if not replies:
            raise RuntimeError(f"{bot.naam}: leeg antwoord op {message!r}")
        aanbod = aanbod or any(
            isinstance(r.get("custom"), dict) and r["custom"].get("type") == "aanbod"
            for r in replies
        )
        turns += 1
        if record is not None:
            record(elapsed)
    return turns, aanbod


def gesprekken_voor(bot: Bot) -> tuple[tuple[str, ...], ...]:
    """The conversation set of this bot."""
    return WEGWIJZER_GESPREKKEN if bot.naam == "wegwijzer" else STOCK_GESPREKKEN


def sequential_block(bot: Bot, aantal: int, offset: int) -> None:
    """``aantal`` conversations one after the other; latencies go to ``bot.seq_ms``."""
    gesprekken = gesprekken_voor(bot)
    with requests.Session() as session:
        for i in range(aantal):
            _, aanbod = run_conversation(
                session, bot, gesprekken[(offset + i) % len(gesprekken)],
                record=bot.seq_ms.append,
            )  # fmt: skip
            bot.gesprekken += 1
            bot.met_aanbod += aanbod


def concurrent_block(bot: Bot, residents: int, duur: float) -> None:
    """``residents`` threads, each looping conversations for ``duur`` s; turns/s to the bot."""
    gesprekken = gesprekken_voor(bot)
    counts = [0] * residents
    errors: list[BaseException] = []
    barrier = threading.Barrier(residents + 1)
    stop_at = [0.0]

    def resident(index: int) -> None:
        with requests.Session() as session:
            barrier.wait()
            i = index
            try:
                while time.perf_counter() < stop_at[0]:
                    turns, _ = run_conversation(
                        session, bot, gesprekken[i % len(gesprekken)], stop_at[0]
                    )
                    counts[index] += turns
                    i += 1
            except BaseException as exc:  # reported after the block
                errors.append(exc)

    threads = [threading.Thread(target=resident, args=(n,)) for n in range(residents)]
    for thread in threads:
        thread.start()
    start = time.perf_counter()
    stop_at[0] = start + duur
    barrier.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise RuntimeError(f"{bot.naam}: {len(errors)} fouten, eerste: {errors[0]!r}")
    bot.throughput.append(sum(counts) / elapsed)


# --------------------------------------------------------------------------- profile


def profile(bot: Bot, werkmap: Path, gesprekken: int, top: int) -> None:
    """py-spy on the Rasa and action server during ``gesprekken`` sequential conversations.

    py-spy is a measuring tool, not a dependency: ``.venv/bin/pip install py-spy``. Prints per
    process the functions with the largest share of busy samples (inclusive, idle excluded).
    """
    py_spy = VENV_BIN / "py-spy"
    if not py_spy.exists():
        print("py-spy is not installed: .venv/bin/pip install py-spy (not in the lock)")
        return
    targets = {"rasa-server": bot.rasa_pid, "actieserver": bot.acties_pid}
    spies: dict[str, tuple[subprocess.Popen[bytes], Path]] = {}
    for naam, pid in targets.items():
        if pid is None:
            continue
        out = werkmap / f"py-spy-{naam}.txt"
        spies[naam] = (
            subprocess.Popen(
                [str(py_spy), "record", "--pid", str(pid), "--format", "raw", "--rate", str(PY_SPY_RATE),
                 "--function", "--output", str(out)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            ),
            out,
        )  # fmt: skip
    time.sleep(2)  # py-spy attaches
    before = len(bot.seq_ms)
    sequential_block(bot, gesprekken, offset=0)
    turns = len(bot.seq_ms) - before
    del bot.seq_ms[before:]  # not part of the table
    for process, _ in spies.values():
        process.send_signal(signal.SIGINT)
    for naam, (process, out) in spies.items():
        process.wait(timeout=60)
        seconden, frames = top_frames(out, top)
        print(
            f"\npy-spy {naam}: {turns} turns, busy {1000 * seconden / max(turns, 1):.1f} ms "
            f"per turn (wall-clock samples: includes waiting for a CPU); raw stacks: {out}"
        )
        for share, frame in frames:
            print(f"  {share:5.1f} % of busy  {frame}")


#: Leaf frames of a thread that waits (the event loop in epoll, an idle worker thread).
IDLE_LEAVES = ("serve (sanic/server/runners.py", "_worker (concurrent/futures/thread.py")
#: Frames of the servers' own trunk (start-up, event loop, threads, dask), not shown.
TRUNK = ("(runpy.py", "(sanic/", "(threading.py", "(concurrent/futures/", "(dask/",
         "(connection_task", "(handle_request", "(rasa/__main__.py", "(rasa/cli/", "(rasa/api.py",
         "(rasa/core/run.py", "(wegwijzer/servers.py:1)", "main (wegwijzer/servers.py",
         "(rasa_sdk/__main__.py", "run (rasa_sdk/endpoint.py")  # fmt: skip
PY_SPY_RATE = 250


def top_frames(raw: Path, top: int) -> tuple[float, list[tuple[float, str]]]:
    """Busy seconds, and the inclusive share of busy samples per function (py-spy raw).

    The servers' own trunk (:data:`TRUNK`) is left out.
    """
    busy = 0
    inclusive: dict[str, int] = {}
    if not raw.exists():
        return 0.0, []
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        frames = stack.split(";")
        if not count_text.isdigit() or frames[-1].startswith(IDLE_LEAVES):
            continue
        count = int(count_text)
        busy += count
        for frame in set(frames):  # --function: one name per function
            inclusive[frame] = inclusive.get(frame, 0) + count
    if not busy:
        return 0.0, []
    ranked = [(n, name) for name, n in inclusive.items() if not any(t in name for t in TRUNK)]
    ranked.sort(key=lambda item: -item[0])
    return busy / PY_SPY_RATE, [(100 * n / busy, name) for n, name in ranked[:top]]


# --------------------------------------------------------------------------- main


@contextmanager
def werkmap_van(pad: str | None) -> Iterator[Path]:
    """The given folder (kept) or a temporary one (removed)."""
    if pad:
        folder = Path(pad).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
    else:
        with tempfile.TemporaryDirectory(prefix="rasa_vergelijking_") as tmp:
            yield Path(tmp)


def fmt_s(seconden: float | None) -> str:
    """Training time for the table."""
    if seconden is None:
        return "niet gemeten (--hergebruik)"
    return f"{seconden:.0f} s" if seconden < 120 else f"{seconden / 60:.1f} min"


def print_table(stock: Bot, ww: Bot, train_stock_s: float | None, train_ww_s: float | None,
                rss_eind: dict[str, float | None], residents: int) -> None:  # fmt: skip
    """The issue's table, filled in, with the ratios."""
    s50, s95 = statistics.median(stock.seq_ms), percentile(stock.seq_ms, 0.95)
    w50, w95 = statistics.median(ww.seq_ms), percentile(ww.seq_ms, 0.95)
    st, wt = statistics.median(stock.throughput), statistics.median(ww.throughput)

    def mb(value: float | None) -> str:
        return f"{value:,.0f} MB" if value is not None else "?"

    rows = [
        ("training", fmt_s(train_stock_s), fmt_s(train_ww_s), ""),
        ("per-turn p50 / p95 (sequential REST)", f"{s50:.0f} / {s95:.0f} ms",
         f"{w50:.0f} / {w95:.0f} ms", f"p50 {w50 / s50:.2f}x (doel <= 1.25x)"),
        (f"{residents} concurrent residents", f"{st:.1f} turns/s", f"{wt:.1f} turns/s",
         f"{wt / st:.2f}x (doel >= 0.8x)"),
        ("first turn after start", f"{stock.eerste_ms or 0:.0f} ms", f"{ww.eerste_ms or 0:.0f} ms",
         ""),
        ("Rasa server RSS after start", mb(stock.rss_start), mb(ww.rss_start),
         "doel <= 900 MB"),
        ("Rasa server RSS at the end", mb(rss_eind.get("stock")), mb(rss_eind.get("wegwijzer")),
         ""),
    ]  # fmt: skip
    print()
    print("| | stock starter bot | Wegwijzer | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(f"sequential turns: stock {len(stock.seq_ms)}, wegwijzer {len(ww.seq_ms)}; "
          f"throughput per block stock {[round(t, 1) for t in stock.throughput]}, "
          f"wegwijzer {[round(t, 1) for t in ww.throughput]}")  # fmt: skip
    if ww.acties_pid is not None:
        print(f"action server RSS at the end: {mb(rss_mb(ww.acties_pid))}")
    print(f"Wegwijzer conversations that showed an offer: {ww.met_aanbod}/{ww.gesprekken}")


def main(argv: list[str] | None = None) -> int:
    """Train, serve, load both bots in interleaved blocks, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rondes", type=int, default=6, help="interleaved rounds")
    parser.add_argument("--blok", type=int, default=8, help="sequential conversations per block")
    parser.add_argument("--duur", type=float, default=15.0, help="seconds per concurrent block")
    parser.add_argument("--gelijktijdig", type=int, default=20, help="concurrent residents")
    parser.add_argument("--werkmap", help="keep models and logs here (default: a temp folder)")
    parser.add_argument("--hergebruik", action="store_true", help="reuse models in --werkmap")
    parser.add_argument(
        "--profiel", type=int, default=0, metavar="N",
        help="afterwards, py-spy both Wegwijzer servers during N sequential conversations",
    )  # fmt: skip
    parser.add_argument("--top", type=int, default=40, help="functions shown per profile")
    args = parser.parse_args(argv)
    if args.hergebruik and not args.werkmap:
        parser.error("--hergebruik needs --werkmap")

    with werkmap_van(args.werkmap) as werkmap:
        print(f"werkmap: {werkmap}", flush=True)
        print("training the stock starter bot (rasa init --no-prompt) …", flush=True)
        stock_model, train_stock_s = train_stock(werkmap, args.hergebruik)
        print(f"  {fmt_s(train_stock_s)}", flush=True)
        print("training Wegwijzer (rasa train, current config.yml) …", flush=True)
        ww_model, train_ww_s = train_wegwijzer(werkmap, args.hergebruik)
        print(f"  {fmt_s(train_ww_s)}", flush=True)

        bots: list[Bot] = []
        try:
            print("starting both servers …", flush=True)
            bots.append(serve_stock(werkmap, stock_model))
            bots.append(serve_wegwijzer(werkmap, ww_model))
            stock, ww = bots
            time.sleep(2)  # let start-up allocations settle before reading RSS
            for bot in bots:
                bot.rss_start = rss_mb(bot.rasa_pid) if bot.rasa_pid else None
            for bot in bots:  # the first resident after a start
                with requests.Session() as session:
                    eerste: list[float] = []
                    run_conversation(
                        session, bot, gesprekken_voor(bot)[0][:1], record=eerste.append
                    )
                    bot.eerste_ms = eerste[0]
            for bot in bots:  # warm-up, not counted
                with requests.Session() as session:
                    for gesprek in gesprekken_voor(bot):
                        run_conversation(session, bot, gesprek)
            bot_order = [stock, ww]
            for ronde in range(args.rondes):
                volgorde = bot_order if ronde % 2 == 0 else bot_order[::-1]
                for bot in volgorde:
                    sequential_block(bot, args.blok, offset=ronde * args.blok)
                for bot in volgorde[::-1]:
                    concurrent_block(bot, args.gelijktijdig, args.duur)
                print(
                    f"round {ronde + 1}/{args.rondes}: p50 stock "
                    f"{statistics.median(stock.seq_ms):.0f} ms, wegwijzer "
                    f"{statistics.median(ww.seq_ms):.0f} ms; turns/s stock "
                    f"{stock.throughput[-1]:.1f}, wegwijzer {ww.throughput[-1]:.1f}",
                    flush=True,
                )
            rss_eind = {b.naam: rss_mb(b.rasa_pid) if b.rasa_pid else None for b in bots}
            print_table(stock, ww, train_stock_s, train_ww_s, rss_eind, args.gelijktijdig)
            if args.profiel:
                profile(ww, werkmap, args.profiel, args.top)
        finally:
            for bot in bots:
                stop(bot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
