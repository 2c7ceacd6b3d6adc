"""How long the kaart beheer dry run and "inlezen" take for a generated 10,000-offer kaart.

Measures, on SQLite in a scratch folder: the first import (CLI path), an export with its
``kaartstand`` stamp, the dry run of that export as a full replace (read, plan, replace guard:
what the beheer page does before it shows the plan) and applying it (everything unchanged).

    .venv/bin/python benchmarks/kaart_proefimport.py [--aantal 10000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kaart_data import genereer

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.gemeente import load_profiel
from kern.settings import Settings
from sociale_kaart.bestanden import lees_bestand
from sociale_kaart.service import (
    exporteer_bestand,
    import_bestand,
    importeer,
    init_database,
    proef,
)


def main() -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        profiel_pad, kaart = genereer(map_ / "data", args.aantal)
        settings = Settings.from_env(
            {"WEGWIJZER_VAR_DIR": str(map_ / "var"), "WEGWIJZER_GEMEENTE": str(profiel_pad)}
        )
        profiel = load_profiel(profiel_pad)
        init_database(settings, profiel)
        t = time.perf_counter()
        import_bestand(settings, kaart, vervang=False, wie="benchmark")
        print(f"eerste import:            {time.perf_counter() - t:6.2f} s")
        export = map_ / "export.csv"
        t = time.perf_counter()
        exporteer_bestand(settings, export)
        print(f"export (csv):             {time.perf_counter() - t:6.2f} s")
        engine = make_engine(settings.db_url)
        factory = make_session_factory(engine)
        t = time.perf_counter()
        gelezen = lees_bestand(export, profiel)
        session = factory()
        resultaat = proef(session, gelezen, vervang=True)
        session.rollback()
        session.close()
        print(
            f"proefimport (vervang):    {time.perf_counter() - t:6.2f} s "
            f"({resultaat.plan.aantal('ongewijzigd')} ongewijzigd)"
        )
        t = time.perf_counter()
        with unit_of_work(factory) as session:
            importeer(
                session,
                profiel,
                gelezen,
                True,
                wie="benchmark",
                verwacht_plan=resultaat.plan.vingerafdruk,
            )
        print(f"inlezen van die proef:    {time.perf_counter() - t:6.2f} s")
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
