"""Shared fixtures: settings in a temp dir, SQLite and PostgreSQL databases.

PostgreSQL tests use the local server (WEGWIJZER_TEST_PG_URL, default 127.0.0.1:5432/test).
On a laptop without one they skip with a reason; under CI=true a missing server fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kern.db import tijdelijk_schema
from kern.gemeente import GemeenteProfiel, load_profiel
from kern.settings import PROJECT_ROOT, RASA_OMGEVING, Settings

DEMO_PROFIEL = PROJECT_ROOT / "demo_gemeente" / "gemeente.yml"
DEMO_KAART = PROJECT_ROOT / "demo_gemeente" / "sociale_kaart.csv"
PG_URL = os.environ.get(
    "WEGWIJZER_TEST_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
# Tests that load Rasa in-process must not send telemetry either (see kern.settings).
os.environ.update(RASA_OMGEVING)


#: pytest-timeout per test (setup included: the e2e session fixture starts Rasa in the
#: first e2e test's setup). The default for every other test is in pyproject.toml.
TIMEOUT_E2E = 900
TIMEOUT_RASA = 600


RASA_TESTS = Path(__file__).resolve().parent / "rasa"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Import skops.io before collection when the run includes tests/rasa (saves 10-15 s).

    The trained model's intent classifier imports ``skops.io`` in its ``load``. On import,
    skops lists the trusted numpy and scipy ufuncs by searching every module in
    ``sys.modules`` for each of ~750 ufuncs (``skops.io._utils.whichmodule``). Inside the
    ``parse`` fixture, after TensorFlow, Rasa and all test modules are loaded (6,000+
    modules), that search took 10-15 s; here, with about a thousand, about 1 s. The list
    it builds and the model are the same either way.
    """
    start = session.config.invocation_params.dir
    for arg in session.config.args:
        pad = (start / arg.split("::")[0]).resolve()
        if pad == RASA_TESTS or pad in RASA_TESTS.parents or RASA_TESTS in pad.parents:
            import skops.io  # noqa: F401  (imported for the cost above, used by Rasa)

            return


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the PostgreSQL tests ``postgres`` and give Rasa tests a longer timeout."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        params = list(callspec.params.values()) if callspec is not None else []
        if {"pg_server", "pg_url"} & set(getattr(item, "fixturenames", ())) or (
            "postgresql" in params
        ):
            item.add_marker(pytest.mark.postgres)
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.timeout(TIMEOUT_E2E))
        elif item.get_closest_marker("rasa"):
            item.add_marker(pytest.mark.timeout(TIMEOUT_RASA))


@pytest.fixture(scope="session")
def demo_profiel() -> GemeenteProfiel:
    return load_profiel(DEMO_PROFIEL)


def make_settings(tmp_path: Path, db_url: str | None = None, **extra: str) -> Settings:
    env = {
        "WEGWIJZER_VAR_DIR": str(tmp_path / "var"),
        "WEGWIJZER_DB_URL": db_url or f"sqlite:///{tmp_path / 'var' / 'test.db'}",
        "WEGWIJZER_GEMEENTE": str(DEMO_PROFIEL),
        **extra,
    }
    return Settings.from_env(env)


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


def _pg_available() -> str | None:
    try:
        engine = create_engine(PG_URL, future=True, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:  # any driver error means: no usable server
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL URL, or skip (fail under CI=true) when no server answers."""
    problem = _pg_available()
    if problem:
        message = f"PostgreSQL op {PG_URL} is niet bereikbaar ({problem})"
        if IN_CI:
            pytest.fail(message + " — onder CI=true is dat een fout, geen skip.")
        pytest.skip(message)
    return PG_URL


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh schema per test, dropped afterwards; the URL sets it as search_path."""
    with tijdelijk_schema(pg_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for each supported database; tests using it run on both."""
    if request.param == "sqlite":
        return make_settings(tmp_path)
    return make_settings(tmp_path, request.getfixturevalue("pg_url"))
