"""The faster action-response validator (wegwijzer.servers) refuses and accepts as Rasa does."""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from unittest.mock import AsyncMock

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from wegwijzer import servers

GELDIG: dict[str, Any] = {
    "events": [{"event": "slot", "name": "triage", "value": "{}", "timestamp": None}],
    "responses": [{"text": "Hallo"}],
}
ONGELDIG: list[Any] = [
    {"events": [{"event": "bestaat_niet"}]},  # unknown event type
    {"events": [{"event": "slot"}]},  # a slot event without a name
    {"events": "geen lijst"},
    {"responses": [{"text": "a"}, "geen object"]},
    ["geen", "object"],
]


@pytest.fixture
def origineel(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Rasa's own method; monkeypatch puts it back after each test."""
    method = RemoteAction.__dict__["_validate_action_result"]
    monkeypatch.setattr(RemoteAction, "_validate_action_result", method)
    return method


def actie() -> RemoteAction:
    return RemoteAction("action_triage", EndpointConfig("http://127.0.0.1:1/webhook"))


def fout(validate: Any, response: Any) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        validate(actie(), response)
    return info.value


def test_patch_is_installed_on_this_rasa(origineel: Any) -> None:
    assert servers.install_action_validator() is True
    assert RemoteAction.__dict__["_validate_action_result"] is not origineel
    assert servers.install_action_validator() is True  # a second call changes nothing


@pytest.mark.parametrize("response", ONGELDIG)
def test_invalid_response_is_refused_with_rasas_error(origineel: Any, response: Any) -> None:
    verwacht = fout(origineel, response)
    assert servers.install_action_validator()
    kreeg = fout(RemoteAction._validate_action_result, response)
    assert kreeg.message == verwacht.message
    assert "Failed to validate Action server response" in kreeg.message
    assert list(kreeg.absolute_path) == list(verwacht.absolute_path)
    assert kreeg.validator == verwacht.validator


def test_valid_response_is_accepted(origineel: Any) -> None:
    assert origineel(actie(), GELDIG) is True
    assert servers.install_action_validator()
    assert actie()._validate_action_result(GELDIG) is True


def run_met_antwoord(response: Any) -> list[Any]:
    action = actie()
    action.action_endpoint.request = AsyncMock(return_value=response)
    domain = Domain.from_yaml("version: '3.1'\nslots:\n  triage:\n    type: text\n"
                              "    mappings: [{type: custom}]\n")  # fmt: skip
    tracker = DialogueStateTracker.from_events("iemand", [], domain.slots)
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    return asyncio.run(action.run(CollectingOutputChannel(), nlg, tracker, domain))


def test_run_still_raises_on_an_invalid_response_and_works_on_a_valid_one(
    origineel: Any,
) -> None:
    assert servers.install_action_validator()
    with pytest.raises(ValidationError):
        run_met_antwoord({"events": [{"event": "bestaat_niet"}]})
    events = run_met_antwoord(GELDIG)
    assert SlotSet("triage", "{}") in events


def test_patch_refuses_when_rasas_method_changed(
    origineel: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(servers, "VALIDATIE_BRON_SHA256", "0" * 64)
    with caplog.at_level(logging.WARNING, logger="wegwijzer.servers"):
        assert servers.install_action_validator() is False
    assert RemoteAction.__dict__["_validate_action_result"] is origineel
    assert "not patched" in caplog.text


def test_patch_refuses_on_another_rasa_version(
    origineel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(servers, "RASA_VERSIE", "3.6.0")
    assert servers.install_action_validator() is False
    assert RemoteAction.__dict__["_validate_action_result"] is origineel


def test_subclass_with_its_own_schema_keeps_rasas_code(origineel: Any) -> None:
    class Strenger(RemoteAction):
        @staticmethod
        def action_response_format_spec() -> dict[str, Any]:
            return {"type": "object", "required": ["verplicht"]}

    assert servers.install_action_validator()
    action = Strenger("x", None)
    with pytest.raises(ValidationError):
        action._validate_action_result(GELDIG)
