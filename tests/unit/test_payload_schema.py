"""The payload contract itself: valid examples pass, broken ones are refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.payload_schema import controleer

GOED: list[dict[str, Any]] = [
    {"type": "vraag", "vraag": "wijk", "knoppen": [{"title": "Centrum", "payload": '/geef_info{"wijk": "Centrum"}'}]},
    {"type": "crisis", "soort": "suicide", "nummers": [{"naam": "113", "telefoon": "113"}], "taal": "nl"},
    {"type": "veilig_thuis", "nummers": [{"naam": "Veilig Thuis", "telefoon": "0800-2000"}]},
    {"type": "buiten_scope", "contact": {"naam": "Gemeente", "telefoon": "14 0123"}},
]
FOUT: list[dict[str, Any]] = [
    {"type": "vraag", "vraag": "iets", "knoppen": []},
    {"type": "crisis", "soort": "suicide", "nummers": []},
    {"type": "aanbod", "thema": "mantelzorg", "items": [{"id": "../x", "naam": "a", "organisatie": "b", "niveau": "sociale_basis", "omschrijving": ""}]},
    {"type": "verwijzing", "route": "elders", "loket": {"naam": "x", "telefoon": "1"}},
    {"type": "onbekend"},
]


@pytest.mark.parametrize("payload", GOED)
def test_valid_payloads_pass(payload: dict[str, Any]) -> None:
    controleer(payload)


@pytest.mark.parametrize("payload", FOUT)
def test_broken_payloads_are_refused(payload: dict[str, Any]) -> None:
    with pytest.raises(AssertionError):
        controleer(payload)
