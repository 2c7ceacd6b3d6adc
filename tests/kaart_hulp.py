"""Helpers shared by the kaart tests (not a test module)."""

from __future__ import annotations

from pathlib import Path

from kern.db import tijdelijk_schema
from kern.settings import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "kaart"
KLEINE_KAART = FIXTURES / "kleine_kaart.csv"
HSDS = FIXTURES / "hsds_lindewaard.json"
HSDS_API = FIXTURES / "hsds_api_pagina.json"
HSDS_KOPPELING = FIXTURES / "hsds_koppeling.yml"
DEMO_KAART = PROJECT_ROOT / "demo_gemeente" / "sociale_kaart.csv"


pg_schema = tijdelijk_schema  # scratch schema on the test server


def schrijf(path: Path, tekst: str, encoding: str = "utf-8") -> Path:
    """Write a test file and return its path."""
    path.write_bytes(tekst.encode(encoding))
    return path
