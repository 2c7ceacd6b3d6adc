"""End to end over REST against the real Rasa and action servers."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests

from kern.gemeente import load_profiel
from tests.conftest import DEMO_PROFIEL
from tests.e2e.conftest import Servers
from triage import teksten
from triage.poort import MAX_BERICHT

pytestmark = pytest.mark.e2e
PROFIEL = load_profiel(DEMO_PROFIEL)
#: The first sentence of what the input channel says to a message over the limit.
TE_LANG_KANAAL = teksten.bericht_te_lang(MAX_BERICHT).split(". ")[0]


def sender() -> str:
    return uuid.uuid4().hex


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def customs(replies: list[dict[str, Any]], soort: str | None = None) -> list[dict[str, Any]]:
    return [
        r["custom"]
        for r in replies
        if "custom" in r and (soort is None or r["custom"].get("type") == soort)
    ]


def test_hallo_gets_dutch_greeting_saying_it_is_automated(servers: Servers) -> None:
    replies = servers.send(sender(), "hallo")
    text = texts(replies)
    assert "automatische assistent" in text
    assert "geen mens" in text
    assert "14 0123" in text  # how to reach a person
    assert customs(replies, "vraag")[0]["vraag"] == "hulpvraag"


def test_slash_start_gives_the_opening(servers: Servers) -> None:
    replies = servers.send(sender(), "/start")
    assert "automatische assistent" in texts(replies)


def test_resident_from_hulpvraag_to_offer_to_referral(servers: Servers) -> None:
    wie = sender()
    eerste = servers.send(wie, "ik zorg voor mijn moeder met dementie en kan het niet meer aan")
    assert "automatische assistent" in texts(eerste)
    assert customs(eerste, "vraag")[-1]["vraag"] == "wijk"

    tweede = servers.send(wie, "ik woon in Oosterpark")
    aanbod = customs(tweede, "aanbod")[0]
    assert aanbod["thema"] in {"mantelzorg", "dementie"}
    assert 1 <= len(aanbod["items"]) <= 3
    assert all(i["niveau"] in {"sociale_basis", "algemene_voorziening"} for i in aanbod["items"])
    assert aanbod["items"][0]["niveau"] == "sociale_basis"
    assert all(i["wijk"] in (None, "Oosterpark") for i in aanbod["items"])
    assert all(i["id"].startswith("lw-") for i in aanbod["items"])
    assert customs(tweede, "vraag")[-1]["vraag"] == "helpt_dit"

    derde = servers.send(wie, "nee, dat is niet genoeg")
    verwijzing = customs(derde, "verwijzing")[0]
    assert verwijzing["route"] == "wmo_loket"
    assert verwijzing["loket"]["telefoon"] == "0123 45 60 00"
    assert "cliëntondersteuner" in texts(derde)


def test_parent_goes_to_cjg_with_buttons(servers: Servers) -> None:
    wie = sender()
    servers.send(wie, "mijn zoon van 11 wordt gepest op school")
    replies = servers.send(wie, '/geef_info{"wijk": "Centrum"}')
    assert customs(replies, "aanbod")
    replies = servers.send(wie, "/ontkennen")
    assert customs(replies, "verwijzing")[0]["route"] == "cjg"


def test_crisis_numbers_on_the_first_turn(servers: Servers) -> None:
    replies = servers.send(sender(), "ik wil niet meer leven")
    assert replies and replies[0]["text"].count("113") >= 1
    crisis = customs(replies, "crisis")[0]
    assert crisis["soort"] == "suicide"
    assert {"113", "112"} <= {n["telefoon"] for n in crisis["nummers"]}
    assert not customs(replies, "vraag")


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "help " * 1100,
        "😀🙈💥",
        "<script>alert('x')</script>",
        "Hello, can you help me?",
        "\u0000\u0007\ufffd\udcff"[:-1],
        "' OR 1=1; DROP TABLE aanbod; --",
    ],
    ids=["leeg", "spaties", "5000+", "emoji", "html", "engels", "bytes", "sql"],
)
def test_bad_input_gets_a_sensible_dutch_answer(servers: Servers, message: str) -> None:
    replies = servers.send(sender(), message)
    text = texts(replies)
    assert replies, "every message gets an answer"
    assert "Traceback" not in text and "Error" not in text
    # Every first message gets the opening, so words like "gemeente" prove nothing: the
    # reply must also hold one of the answers meant for input the bot cannot use.
    antwoorden = [
        teksten.ONGELDIG_BERICHT,
        teksten.TE_LANG,
        TE_LANG_KANAAL,
        teksten.niet_begrepen(1, PROFIEL),
        teksten.VRAAG_HULPVRAAG,
        teksten.WELK_THEMA,
        teksten.buiten_scope(PROFIEL),
        *(
            getattr(teksten, naam)
            for naam in ("ALLEEN_NEDERLANDS", "LEEG_BERICHT")
            if hasattr(teksten, naam)
        ),
    ]
    assert any(antwoord in text for antwoord in antwoorden), text
    if len(message) > MAX_BERICHT:  # answered by the input channel, unread
        assert TE_LANG_KANAAL in text


def test_invalid_json_body_is_rejected_without_stack_trace(servers: Servers) -> None:
    response = requests.post(
        servers.rest_url,
        data=b"\xff\xfe{not json",
        timeout=10,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code >= 400
    assert "Traceback" not in response.text
    # and the server still works
    assert servers.send(sender(), "hallo")


def test_http_api_is_off_by_default(servers: Servers) -> None:
    response = requests.get(
        f"http://127.0.0.1:{servers.settings.rasa_port}/conversations/x/tracker", timeout=10
    )
    assert response.status_code == 404
