"""The Rasa input channels: the check runs before Rasa's callback, and the URLs stay."""

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from kern.settings import PROJECT_ROOT
from triage.poort import MAX_BERICHT
from wegwijzer.rasa import kanaal
from wegwijzer.rasa.kanaal import WegwijzerRest, bewaak


def stuur(tekst: Any, metadata: Any = None) -> tuple[list[UserMessage], list[dict[str, Any]]]:
    """One message through the guarded callback: (what Rasa got, what the resident got)."""
    ontvangen: list[UserMessage] = []

    async def rasa(message: UserMessage) -> None:
        ontvangen.append(message)

    uit = CollectingOutputChannel()
    bericht = UserMessage(tekst, uit, "inwoner-1", input_channel="rest", metadata=metadata)

    async def beurt() -> None:
        await bewaak(rasa)(bericht)

    asyncio.run(beurt())
    return ontvangen, uit.messages


@pytest.mark.parametrize(
    "tekst",
    [
        "x" * (MAX_BERICHT + 1),
        "ik zorg voor mijn moeder. " * 12_000,
        "",
        "   ",
        None,
        "\u202e\u200b",
    ],
)
def test_refused_messages_never_reach_rasa(tekst: Any) -> None:
    ontvangen, antwoorden = stuur(tekst)
    assert ontvangen == []
    assert len(antwoorden) == 1 and antwoorden[0]["recipient_id"] == "inwoner-1"
    assert antwoorden[0]["text"].strip()


def test_long_message_answer_is_the_gate_answer() -> None:
    _, antwoorden = stuur("a" * (MAX_BERICHT + 1))
    assert "te lang" in antwoorden[0]["text"] and "112" in antwoorden[0]["text"]


def test_other_messages_reach_rasa_cleaned() -> None:
    ontvangen, antwoorden = stuur("\u202eik heb\x00 schulden", metadata={"bron": "widget"})
    assert antwoorden == []
    assert [m.text for m in ontvangen] == ["ik heb schulden"]
    assert ontvangen[0].metadata == {"bron": "widget"}


@pytest.mark.parametrize("metadata", [{"blob": "x" * 10_000}, ["geen", "object"], "tekst"])
def test_large_or_odd_metadata_is_dropped(metadata: Any) -> None:
    ontvangen, _ = stuur("hallo", metadata=metadata)
    assert ontvangen[0].metadata is None


class FakeRequest:
    def __init__(self, body: dict[str, Any]) -> None:
        self.json = body


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [("hallo", "hallo"), (84, "84"), (None, None), (True, None), (["x"], None), ({}, None)],
)
def test_rest_channel_reads_only_text(waarde: Any, tekst: str | None) -> None:
    kanaal_ = WegwijzerRest()
    assert kanaal_._extract_message(FakeRequest({"message": waarde})) == tekst  # type: ignore[arg-type]


def test_channel_name_keeps_rasas_url() -> None:
    # Rasa mounts a channel's blueprint at /webhooks/<name>/: the web app, tests, benchmarks and
    # README post to /webhooks/rest/webhook.
    assert WegwijzerRest.name() == "rest"
    bp = WegwijzerRest().blueprint(lambda m: asyncio.sleep(0))
    assert "/webhook" in {route.uri for route in bp._future_routes}


def test_credentials_name_only_the_guarded_channel() -> None:
    # Any other channel would let messages past the check; socket.io was removed.
    credentials = yaml.safe_load(Path(PROJECT_ROOT / "credentials.yml").read_text())
    assert list(credentials) == ["wegwijzer.rasa.kanaal.WegwijzerRest"]


def test_profile_failure_still_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    kanaal._profiel.cache_clear()
    monkeypatch.setenv("WEGWIJZER_GEMEENTE", "/bestaat/niet.yml")
    try:
        _, antwoorden = stuur("x" * (MAX_BERICHT + 1))
        assert "te lang" in antwoorden[0]["text"]
    finally:
        kanaal._profiel.cache_clear()
