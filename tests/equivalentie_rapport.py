"""A fixed signal table and the reports built on it, printed as JSON: the same in both venvs.

The Rasa venv (numpy 1.23, scipy 1.10) and the web venv (numpy 2.x, scipy 1.18) both run the
suppression (:mod:`signalen.onderdrukking`: numpy interval propagation and a scipy LP). This
script seeds a SQLite database with :func:`zaad_rijen` (deterministic, also used as the fixture
of the dashboard tests), builds every report the dashboard and the CLI offer for a few periods,
and prints them: ``tests/unit/test_dashboard_equivalentie.py`` and
``web/tests/test_beleid_equivalentie.py`` run it with the *other* venv's Python and compare::

    .venv/bin/python -m tests.equivalentie_rapport      # or .venv-web/bin/python
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

WIJKEN = ["Centrum", "Oosterpark", "Westwijk", "De Weiden", "Noorderhaven", "Molenbuurt"]
#: Big groups (above k) and a tail of small ones, so primary and secondary suppression both occur.
_THEMAS = [
    ("eenzaamheid", 30),
    ("mantelzorg", 22),
    ("geldzorgen", 18),
    ("opvoeden_opgroeien", 12),
    ("dementie", 6),
    ("wonen", 4),
    ("vervoer", 3),
    ("huiselijk_geweld", 3),
    ("verslaving", 1),
]
_WIJK_GEWICHT = [10, 6, 4, 2, 1, 1]
_ROUTES = [
    ("sociale_basis", 12),
    ("wmo_loket", 6),
    ("cjg", 2),
    ("crisis_acuut", 1),
    ("veilig_thuis", 1),
]
#: What the seeded months are and what "today" is for them.
VANDAAG = date(2026, 12, 1)
MAANDEN = [(2026, 7), (2026, 8), (2026, 9), (2026, 10)]
PERIODEN = ("2026-K3", "2026-08", "2026-10")
INDELINGEN: tuple[tuple[str, ...], ...] = (
    ("thema",),
    ("wijk",),
    ("maand",),
    ("thema", "wijk"),
    ("wijk", "maand"),
    ("thema", "wijk", "maand"),
)


def _kies(rng: random.Random, gewogen: Sequence[tuple[str, int]]) -> str:
    """A weighted pick that uses only ``random()`` (stable across Python versions)."""
    totaal = sum(g for _, g in gewogen)
    doel = rng.random() * totaal
    for waarde, gewicht in gewogen:
        doel -= gewicht
        if doel < 0:
            return waarde
    return gewogen[-1][0]


def zaad_rijen(aantal: int = 420, seed: int = 20261201) -> list[dict[str, Any]]:
    """The signal rows (column values of ``signaal``), deterministic for ``seed``."""
    rng = random.Random(seed)
    rijen = []
    wijken = list(zip(WIJKEN, _WIJK_GEWICHT, strict=False))
    for i in range(aantal):
        thema = _kies(rng, _THEMAS)
        route = "veilig_thuis" if thema == "huiselijk_geweld" else _kies(rng, _ROUTES)
        jaar, maand = MAANDEN[int(rng.random() * len(MAANDEN))]
        dag = 1 + int(rng.random() * 28)
        geholpen = "onbekend"
        if route == "sociale_basis":
            geholpen = _kies(rng, [("ja", 6), ("nee", 2), ("onbekend", 2)])
        rijen.append(
            {
                "sleutel": hashlib.sha256(f"zaad-{seed}-{i}".encode()).hexdigest(),
                "datum": date(jaar, maand, dag),
                "thema": thema,
                "leeftijdsgroep": _kies(
                    rng, [("18-64", 5), ("65+", 3), ("12-17", 1), ("onbekend", 1)]
                ),
                "voor_wie": _kies(rng, [("zelf", 5), ("naaste", 3), ("kind", 1), ("onbekend", 1)]),
                "wijk": _kies(rng, wijken),
                "route": route,
                "getoond": "LW-001;LW-007" if route == "sociale_basis" else "",
                "geholpen": geholpen,
                "geen_passend_aanbod": route in ("wmo_loket", "cjg") and rng.random() < 0.8,
            }
        )
    return rijen


def zaai(db_url: str, rijen: Sequence[dict[str, Any]] | None = None) -> None:
    """Create (migrate) the signal table at ``db_url`` and insert ``rijen`` (default: the seed)."""
    from kern.db import make_engine
    from signalen.migraties import upgrade
    from signalen.model import signaal_tabel

    upgrade(db_url)
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(signaal_tabel.insert(), list(rijen if rijen is not None else zaad_rijen()))
    finally:
        engine.dispose()


def rapporten(db_url: str) -> dict[str, Any]:
    """Every report (JSON as the CLI writes it) and every dashboard view, per period."""
    from kern.db import make_engine, make_session_factory
    from signalen.dashboard import kies_periode, maak_dashboard, maak_rapporten
    from signalen.rapport import maak_rapport, schrijf

    engine = make_engine(db_url)
    sessies = make_session_factory(engine)
    uit: dict[str, Any] = {}
    try:
        for code in PERIODEN:
            periode = kies_periode(code, VANDAAG)
            for per in INDELINGEN:
                rapport = maak_rapport(
                    sessies, periode.van, periode.tot, per, k=5, wijken=WIJKEN, vandaag=VANDAAG
                )
                uit[f"{code}/{','.join(per)}"] = json.loads(str(schrijf(rapport, "json")))
            for weergave in maak_dashboard(maak_rapporten(sessies, periode, 5, WIJKEN, VANDAAG)):
                uit[f"{code}/dashboard/{weergave.soort.code}"] = {
                    "samenvatting": weergave.samenvatting,
                    "grafiek": weergave.grafiek,
                    "tabel": [
                        [rij.kop, *(c.tekst for c in rij.cellen)] for rij in weergave.tabel.rijen
                    ],
                }
    finally:
        engine.dispose()
    return uit


def main() -> None:
    """Seed a temporary database and print the reports as one JSON document."""
    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{Path(tmp) / 'zaad.db'}"
        zaai(db_url)
        json.dump(rapporten(db_url), sys.stdout, ensure_ascii=False, sort_keys=True, indent=1)


if __name__ == "__main__":
    main()
