"""Both venvs (numpy 1.23/scipy 1.10 here, numpy 2.x/scipy 1.18 in .venv-web) give identical reports.

Builds every report and dashboard view of tests/equivalentie_rapport.py here, in-process, and
compares the JSON with what the web venv's Python prints for the same seeded table. The web
venv runs the mirror test (web/tests/test_beleid_equivalentie.py).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from kern.settings import PROJECT_ROOT
from tests.equivalentie_rapport import rapporten, zaai

ANDERE_PYTHON = PROJECT_ROOT / ".venv-web" / "bin" / "python"


def test_zelfde_rapporten_in_beide_venvs(tmp_path: Path) -> None:
    if not ANDERE_PYTHON.exists():
        pytest.fail(f"{ANDERE_PYTHON} ontbreekt: maak de web-venv (make setup)")
    db_url = f"sqlite:///{tmp_path / 'zaad.db'}"
    zaai(db_url)
    hier = rapporten(db_url)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WEGWIJZER_", "VIRTUAL_ENV"))}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    daar = subprocess.run(
        [str(ANDERE_PYTHON), "-m", "tests.equivalentie_rapport"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    ander = json.loads(daar.stdout)
    assert sorted(hier) == sorted(ander)
    verschillen = [sleutel for sleutel in hier if hier[sleutel] != ander[sleutel]]
    assert not verschillen, f"verschillend in de andere venv: {verschillen[:5]}"
    assert len(hier) == 3 * 6 + 3 * 6  # 3 periods × (6 groupings + 6 dashboard views)
