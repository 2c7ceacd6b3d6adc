"""The web venv (numpy 2.x, scipy 1.18) gives the same reports as the Rasa venv (numpy 1.23).

Mirror of tests/unit/test_dashboard_equivalentie.py: builds every report and dashboard view of
tests/equivalentie_rapport.py here and compares with what the Rasa venv's Python prints.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import numpy
import pytest
import scipy

from kern.settings import PROJECT_ROOT
from tests.equivalentie_rapport import rapporten, zaai

ANDERE_PYTHON = PROJECT_ROOT / ".venv" / "bin" / "python"


def test_zelfde_rapporten_in_beide_venvs(tmp_path: Path) -> None:
    if not ANDERE_PYTHON.exists():
        pytest.fail(f"{ANDERE_PYTHON} ontbreekt: maak de Rasa-venv (make setup)")
    db_url = f"sqlite:///{tmp_path / 'zaad.db'}"
    zaai(db_url)
    hier = rapporten(db_url)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WEGWIJZER_", "VIRTUAL_ENV"))}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    code = "import numpy, scipy; print(numpy.__version__, scipy.__version__)"
    versies = subprocess.run(
        [str(ANDERE_PYTHON), "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    # The point of the test: two different numerical stacks.
    assert versies != [numpy.__version__, scipy.__version__]
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
