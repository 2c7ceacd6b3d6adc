"""The action server builds its context and language detector before it listens."""

from __future__ import annotations

import logging

import pytest

import actions.context
import triage.talen
from wegwijzer import servers


def test_warm_up_builds_context_and_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(actions.context, "get_context", lambda: calls.append("context"))

    def herken(tekst: str) -> str:
        calls.append(tekst)
        return "nl"

    monkeypatch.setattr(triage.talen, "herken_taal", herken)
    servers.warm_acties()
    assert calls[0] == "context"
    assert len(calls) == 2 and "moeder" in calls[1]


def test_a_failing_warm_up_is_logged_not_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def kapot() -> None:
        raise RuntimeError("database weg")

    monkeypatch.setattr(actions.context, "get_context", kapot)
    with caplog.at_level(logging.ERROR, logger="wegwijzer.servers"):
        servers.warm_acties()
    assert "opwarmen" in caplog.text
