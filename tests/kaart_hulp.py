"""Helpers shared by the kaart tests (not a test module)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

from wegwijzer.settings import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "kaart"
KLEINE_KAART = FIXTURES / "kleine_kaart.csv"
HSDS = FIXTURES / "hsds_lindewaard.json"
HSDS_API = FIXTURES / "hsds_api_pagina.json"
HSDS_KOPPELING = FIXTURES / "hsds_koppeling.yml"
DEMO_KAART = PROJECT_ROOT / "demo_gemeente" / "sociale_kaart.csv"


@contextmanager
def pg_schema(server_url: str) -> Iterator[str]:
    """A scratch schema on the test server, as a URL with search_path; dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server_url, future=True)
    with engine.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    sep = "&" if "?" in server_url else "?"
    try:
        yield f"{server_url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        engine.dispose()


def schrijf(path: Path, tekst: str, encoding: str = "utf-8") -> Path:
    """Write a test file and return its path."""
    path.write_bytes(tekst.encode(encoding))
    return path
