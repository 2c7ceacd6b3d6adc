"""The trained model, loaded once for all tests of this folder."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from kern.settings import PROJECT_ROOT
from tests.conftest import IN_CI

MODEL = PROJECT_ROOT / "models" / "wegwijzer.tar.gz"


@pytest.fixture(scope="session")
def parse() -> Iterator[Any]:
    """``parse(text)`` -> Rasa's parse data from the trained model (NLU and crisis layer)."""
    if not MODEL.exists():
        if IN_CI:
            pytest.fail("geen getraind model; 'make setup' traint het")
        pytest.skip("geen getraind model; draai eerst 'make setup'")
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODEL))
    loop = asyncio.new_event_loop()

    def _parse(text: str) -> dict[str, Any]:
        result: dict[str, Any] = loop.run_until_complete(agent.parse_message(text))
        return result

    yield _parse
    loop.close()
