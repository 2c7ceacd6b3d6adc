"""Cost of the privacy tracker store per turn: retrieve and save of a four-turn conversation.

Replays what Rasa does for each resident message (retrieve the tracker, add the turn's events,
save it) on a fresh SQLite database and prints milliseconds per retrieve and per save for
the store as it is (``PrivacyTrackerStore``) and for the former save, which de-identified and
replayed the whole conversation on every turn (``--ook-oud``). A benchmark, not a test.

Usage::

    .venv/bin/python benchmarks/tracker_store_save.py [--gesprekken 40] [--ook-oud]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kern.settings import PROJECT_ROOT, RASA_OMGEVING, Settings  # noqa: E402

os.environ.update(RASA_OMGEVING)

BEURTEN = (
    ("ik zorg voor mijn moeder met dementie en kan het niet meer aan", "hulpvraag_mantelzorg"),
    ("ik woon in Oosterpark, Kerkstraat 12", "geef_info"),
    ("nee, dat is niet genoeg", "ontkennen"),
    ("dank je wel", "bedanken"),
)


def beurt_events(tekst: str, intent: str, nummer: int) -> list[Any]:
    """The events one Wegwijzer turn adds, shaped as in a real run (sizes included)."""
    from rasa.shared.core.events import (
        ActionExecuted,
        BotUttered,
        DefinePrevUserUtteredFeaturization,
        SlotSet,
        UserUttered,
    )

    ranking = [{"name": f"intent_{i}", "confidence": 0.01} for i in range(10)]
    parse = {
        "text": tekst,
        "intent": {"name": intent, "confidence": 0.97},
        "entities": [
            {"entity": "relatie", "start": 18, "end": 24, "value": "moeder",
             "extractor": "CRFEntityExtractor", "confidence_entity": 0.99},
        ],
        "intent_ranking": ranking,
        "message_id": uuid.uuid4().hex,
        "metadata": {},
        "text_tokens": [[0, 2], [3, 7]],
    }  # fmt: skip
    custom = {"type": "aanbod", "thema": "mantelzorg",
              "items": [{"id": f"lw-{i:03}", "naam": "Steunpunt", "niveau": "sociale_basis",
                         "omschrijving": "Een luisterend oor en praktische hulp." * 3}
                        for i in range(3)]}  # fmt: skip
    toestand = json.dumps({"thema": "mantelzorg", "gevraagd": "helpt_dit", "beurt": nummer})
    return [
        UserUttered(tekst, parse["intent"], parse["entities"], parse_data=parse),
        DefinePrevUserUtteredFeaturization(False),
        ActionExecuted("action_triage", policy="RulePolicy", confidence=1.0),
        BotUttered("Dit kan u misschien helpen: " + "een buurtinitiatief. " * 10),
        BotUttered(None, data={"custom": custom}),
        SlotSet("triage", toestand),
        ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0),
    ]


async def meet(store: Any, gesprekken: int, save: Any) -> tuple[list[float], list[float]]:
    """Per-turn retrieve and save times (ms) over ``gesprekken`` conversations."""
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    retrieve_ms: list[float] = []
    save_ms: list[float] = []
    for _ in range(gesprekken):
        sender = uuid.uuid4().hex
        for nummer, (tekst, intent) in enumerate(BEURTEN):
            start = time.perf_counter()
            tracker = await store.retrieve(sender)
            retrieve_ms.append((time.perf_counter() - start) * 1000)
            if tracker is None:
                tracker = store.init_tracker(sender)
                for event in (ActionExecuted("action_session_start"), SessionStarted(),
                              ActionExecuted("action_listen")):  # fmt: skip
                    tracker.update(event)
            for event in beurt_events(tekst, intent, nummer):
                tracker.update(event)
            start = time.perf_counter()
            await save(tracker)
            save_ms.append((time.perf_counter() - start) * 1000)
    return retrieve_ms, save_ms


def main(argv: list[str] | None = None) -> int:
    """Build a store on a temporary database and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gesprekken", type=int, default=40)
    parser.add_argument("--ook-oud", action="store_true", help="also the former save")
    args = parser.parse_args(argv)

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    from privacy import prepare
    from wegwijzer.rasa.tracker_store import PrivacyTrackerStore

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WEGWIJZER_VAR_DIR"] = tmp
        os.environ["WEGWIJZER_DB_URL"] = f"sqlite:///{tmp}/bench.db"
        prepare(Settings.from_env({}).deduce_cache_dir)  # the cache `make setup` leaves
        store = PrivacyTrackerStore(domain=Domain.load(str(PROJECT_ROOT / "bot" / "domain.yml")))
        asyncio.run(meet(store, 3, store.save))  # warm-up

        async def oud(tracker: Any) -> None:
            await SQLTrackerStore.save(store, store.veilige_kopie(tracker))

        varianten = [("nu", store.save)] + ([("oud", oud)] if args.ook_oud else [])
        for naam, save in varianten:
            retrieve_ms, save_ms = asyncio.run(meet(store, args.gesprekken, save))
            print(
                f"{naam}: {len(save_ms)} beurten; retrieve p50 "
                f"{statistics.median(retrieve_ms):.2f} ms; save p50 "
                f"{statistics.median(save_ms):.2f} ms, mean {statistics.fmean(save_ms):.2f} ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
