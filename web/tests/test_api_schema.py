"""schemathesis against the whole staff API (``/api/v1/openapi.json``), logged in as staff.

Every operation the OpenAPI document lists (kaart search, signal reports, whatever a room
adds under ``/api/v1``) is called with generated valid and invalid input, in process (ASGI),
with the cookies and headers of a client that logged in through the real login (the
``medewerker`` fixture). Checks: no 500, every status and content type documented, every
body matches its schema. A second run without a login proves the 401 is documented too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kern.settings import Settings
from web.tests.test_loket import kaart_klaar

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: Small on purpose: the whole file stays well under a minute on a shared two-core machine.
VOORBEELDEN = 15


@pytest.fixture
def ingelogd(
    maak_settings: Callable[..., Settings], medewerker: Callable[..., TestClient]
) -> TestClient:
    """Staff with every role that has an API (loket: kaart search; beleid: signal reports)."""
    instellingen = maak_settings()
    kaart_klaar(instellingen)
    from signalen.migraties import richt_in

    richt_in(instellingen)
    return medewerker("loket", "beleid")


def _sessie(c: TestClient) -> dict[str, Any]:
    """The logged-in client's cookies and headers (CSRF header included), for schemathesis."""
    return {"headers": dict(c.headers), "cookies": dict(c.cookies.items())}


def _operaties(ingelogd: TestClient) -> list[Any]:
    """Every operation of the document; a schema error fails the test with its message.

    The document itself is for logged-in staff only, so it is read with the staff client.
    """
    antwoord = ingelogd.get("/api/v1/openapi.json")
    assert antwoord.status_code == 200, antwoord.status_code
    api = schemathesis.openapi.from_dict(antwoord.json())
    api.app = ingelogd.app
    api.location = "/api/v1/openapi.json"
    operaties = []
    for resultaat in api.get_all_operations():
        if isinstance(resultaat, Err):
            pytest.fail(f"ongeldig OpenAPI-document: {resultaat.err()}")
        operaties.append(resultaat.ok())
    assert operaties, "het OpenAPI-document heeft geen operaties"
    return operaties


def _draai(operatie: Any, modus: GenerationMode, aantal: int, **sessie: Any) -> list[int]:
    """Call one operation with generated cases; every check must pass. Returns the statuses."""
    statussen: list[int] = []

    @given(case=operatie.as_strategy(generation_mode=modus))
    @settings(
        max_examples=aantal,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def een(case: schemathesis.Case) -> None:
        antwoord = case.call_and_validate(checks=CHECKS, **sessie)
        statussen.append(antwoord.status_code)

    een()
    return statussen


def test_api_ingelogd(ingelogd: TestClient) -> None:
    """pytest 9 and schemathesis' own pytest plugin (``from_fixture``) do not mix (it sets
    ``request.node._nodeid``), so the operations are driven through hypothesis directly."""
    gezien: dict[str, set[int]] = {}
    for operatie in _operaties(ingelogd):
        for modus in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            statussen = _draai(operatie, modus, VOORBEELDEN, **_sessie(ingelogd))
            gezien.setdefault(operatie.label, set()).update(statussen)
    # Logged in, the kaart search answers (not only refuses): a run that only saw 401s would
    # prove nothing about the answers' schema.
    assert 200 in gezien["GET /api/v1/kaart/zoek"], gezien


def test_api_anoniem(ingelogd: TestClient) -> None:
    for operatie in _operaties(ingelogd):
        statussen = _draai(operatie, GenerationMode.POSITIVE, 3)
        assert set(statussen) <= {400, 401}, (operatie.label, statussen)


def test_de_api_beschrijving_is_alleen_voor_medewerkers(ingelogd: TestClient) -> None:
    with TestClient(ingelogd.app, base_url="http://127.0.0.1:8080") as anoniem:
        antwoord = anoniem.get("/api/v1/openapi.json")
    assert antwoord.status_code == 401
    assert antwoord.json()["fout"] == "niet_ingelogd"
