"""Long and odd messages over REST: always a Dutch answer, never an empty reply.

Messages over the limit or without any text are answered by the input channel
(``wegwijzer/rasa/kanaal.py``) before Rasa parses, stores or logs them; the tests check the
tracker store and the server log for that too. Timings are in ``benchmarks/lange_berichten.py``.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests
from sqlalchemy import text

from kern.db import make_engine
from tests.e2e.conftest import Servers
from triage.poort import MAX_BERICHT

pytestmark = pytest.mark.e2e

#: A word that occurs nowhere else, to look for in the tracker store and the log.
MERKTEKEN = "zwaluwstaartverbinding"
TE_LANG = "te lang"
LEEG = "Ik zie geen tekst"
ONLEESBAAR = "Ik kon uw bericht niet lezen"
OPENING = "automatische assistent"


def sender() -> str:
    return uuid.uuid4().hex


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


def user_events(servers: Servers) -> int:
    """All rows in the tracker store (any sender): a refused message must add none."""
    engine = make_engine(servers.settings.db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("select count(*) from events")).scalar_one())
    finally:
        engine.dispose()


def stored_data(servers: Servers) -> str:
    engine = make_engine(servers.settings.db_url)
    try:
        with engine.connect() as conn:
            return "\n".join(str(r[0]) for r in conn.execute(text("select data from events")))
    finally:
        engine.dispose()


def lang_bericht(lengte: int) -> str:
    zin = f"Ik zorg voor mijn moeder en het {MERKTEKEN} gaat niet meer. "
    # ends in a letter: Rasa strips the text, and trailing spaces do not count
    return (zin * (lengte // len(zin) + 1))[: lengte - 1] + "."


@pytest.mark.parametrize(
    ("lengte", "omschrijving"),
    [(300 * 1024, "300 KB"), (MAX_BERICHT + 1, "2.001 tekens")],
)
def test_message_over_the_limit_is_answered_by_the_channel(
    servers: Servers, lengte: int, omschrijving: str
) -> None:
    voor = user_events(servers)
    replies = servers.send(sender(), lang_bericht(lengte))
    antwoord = texts(replies)
    assert replies and antwoord.strip(), f"leeg antwoord op {omschrijving}"
    assert TE_LANG in antwoord and "2.000 tekens" in antwoord
    assert "112" in antwoord  # unread, so the emergency numbers are always given
    # never parsed, stored or logged: no tracker event at all, the text nowhere
    assert user_events(servers) == voor
    assert MERKTEKEN not in stored_data(servers)
    assert MERKTEKEN not in servers.output()


def test_message_at_the_limit_is_read(servers: Servers) -> None:
    bericht = ("ik heb schulden en weet niet meer wat ik moet doen. " * 60)[:MAX_BERICHT]
    antwoord = texts(servers.send(sender(), bericht))
    assert antwoord.strip() and TE_LANG not in antwoord


@pytest.mark.parametrize(
    ("bericht", "verwacht"),
    [
        ("", LEEG),
        ("   ", LEEG),
        ("\n\t\r\n ", LEEG),
        ("\x00\x01\x07\x1b", LEEG),  # control characters only
        ("\u202e\u202d\u2066", LEEG),  # RTL/LTR overrides and isolates only
        ("\u200b\ufeff", LEEG),  # zero-width space and BOM only
        ("🙂🙂🙂", ONLEESBAAR),  # emoji only: the engine answers (and repeats its question)
        ("👍", ONLEESBAAR),
        ("!!!???", ONLEESBAAR),
        ("\u202ehallo", OPENING),  # RTL override in front of a real message: read as "hallo"
        ("hal\x00lo\x07", OPENING),  # control characters inside a word: removed
    ],
)
def test_odd_message_gets_a_dutch_answer(servers: Servers, bericht: str, verwacht: str) -> None:
    replies = servers.send(sender(), bericht)
    antwoord = texts(replies)
    assert replies and antwoord.strip(), f"leeg antwoord op {bericht!r}"
    assert verwacht in antwoord, antwoord


def test_empty_message_is_not_stored(servers: Servers) -> None:
    voor = user_events(servers)
    for bericht in ["", "   ", "\u202e", "\x00"]:
        assert LEEG in texts(servers.send(sender(), bericht))
    assert user_events(servers) == voor


@pytest.mark.parametrize("waarde", [None, 84, ["geen", "tekst"]])
def test_message_that_is_not_text_gets_an_answer(servers: Servers, waarde: Any) -> None:
    response = requests.post(
        servers.rest_url, json={"sender": sender(), "message": waarde}, timeout=30
    )
    response.raise_for_status()
    assert texts(response.json()).strip()


def test_odd_message_in_the_middle_repeats_the_open_question(servers: Servers) -> None:
    wie = sender()
    servers.send(wie, "ik heb schulden")
    replies = servers.send(wie, "🙂🙂🙂")
    assert ONLEESBAAR in texts(replies)
    vragen = [r["custom"] for r in replies if r.get("custom", {}).get("type") == "vraag"]
    assert vragen and vragen[-1]["vraag"] == "wijk"


def test_no_unguarded_channel_is_served(servers: Servers) -> None:
    # socket.io was removed from credentials.yml: only the guarded REST channel takes messages.
    base = f"http://127.0.0.1:{servers.settings.rasa_port}"
    assert requests.get(f"{base}/socket.io/?EIO=4&transport=polling", timeout=10).status_code == 404
    assert requests.get(f"{base}/webhooks/rest/", timeout=10).ok


@pytest.mark.parametrize("duur", ["twee", "2"])
def test_years_of_caring_are_no_age_with_the_real_nlu(servers: Servers, duur: str) -> None:
    # Issue 9, through the real NLU: its CRF and regex extractors tag "twee"/"2" as a leeftijd.
    wie = sender()
    servers.send(wie, f"Ik zorg al {duur} jaar voor mijn moeder met dementie")
    servers.send(wie, "ik woon in Oosterpark")
    replies = servers.send(wie, "dit helpt niet genoeg")
    routes = [
        r["custom"]["route"] for r in replies if r.get("custom", {}).get("type") == "verwijzing"
    ]
    assert routes == ["wmo_loket"], replies
