"""The log redaction the servers install (a record factory), not only the handler filter."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from wegwijzer import servers


@pytest.fixture
def fabriek_terug() -> Iterator[None]:
    """Put the process's record factory back: other tests must not log through ours."""
    oud = logging.getLogRecordFactory()
    yield
    logging.setLogRecordFactory(oud)


def test_install_privacy_redacts_records_for_handlers_added_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fabriek_terug: None
) -> None:
    gezien: list[str] = []
    # Loading deduce's lists is the slow part of start-up and not what this test is about.
    monkeypatch.setattr(servers, "prepare", lambda cache, keep_terms: gezien.extend(keep_terms))
    servers.install_privacy(make_settings(tmp_path))
    assert "Oosterpark" in gezien  # the profile's wijk names are never scrubbed as names

    # A handler Rasa adds after start-up, on a logger of its own: it has no filter of ours.
    uit = io.StringIO()
    handler = logging.StreamHandler(uit)
    log = logging.getLogger("rasa.later.toegevoegd")
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    log.propagate = False
    try:
        log.info("bel mij op %s of mail %s", "06-12345678", "jan@voorbeeld.example")
        log.debug('{"event": "processor.message.parse", "parse_data_text": "ik ben Sanne"}')
    finally:
        log.removeHandler(handler)
    gelogd = uit.getvalue()
    assert "06-12345678" not in gelogd and "jan@voorbeeld.example" not in gelogd
    assert "Sanne" not in gelogd
    assert "bel mij op [TELEFOON]" in gelogd
