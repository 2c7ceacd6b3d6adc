"""Everything ``make setup`` does after the venv exists; each step is idempotent."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kern.gemeente import load_profiel
from kern.settings import PROJECT_ROOT, Settings
from leren import migraties as leren_migraties
from sociale_kaart import service as kaart
from wegwijzer import spacy_pipeline, training

DEMO_KAART = PROJECT_ROOT / "demo_gemeente" / "sociale_kaart.csv"
DEMO_PROFIEL = PROJECT_ROOT / "demo_gemeente" / "gemeente.yml"

T = TypeVar("T")


def _step(titel: str, fn: Callable[[], T]) -> T:
    print(f"==> {titel} ...", flush=True)
    start = time.monotonic()
    result = fn()
    print(f"    klaar in {time.monotonic() - start:.1f} s", flush=True)
    return result


def provision(settings: Settings, spacy_sha256: str | None = None, train: bool = True) -> None:
    """Validate the profile, prepare spaCy, fill an empty database and train if needed."""
    profiel = _step("Gemeenteprofiel controleren", lambda: load_profiel(settings.gemeente_path))
    print(f"    {profiel.naam}: {len(profiel.wijken)} wijken")

    info = _step(
        "Nederlandse spaCy-pijplijn voorbereiden",
        lambda: spacy_pipeline.prepare(settings.spacy_model, spacy_sha256, settings.spacy_dir),
    )
    print(f"    In gebruik: {info.beschrijving()}")
    if settings.spacy_dir.resolve() != spacy_pipeline.CONFIG_PAD.resolve():
        print(
            f"    Let op: config.yml leest de pijplijn uit {spacy_pipeline.CONFIG_PAD}, niet uit "
            f"{settings.spacy_dir}. Zet dat pad bij SpacyNLP in config.yml."
        )

    def _privacy() -> None:
        from kern.geheim import laad_of_maak
        from privacy import prepare

        prepare(settings.deduce_cache_dir, keep_terms=[w.naam for w in profiel.wijken])
        laad_of_maak(settings.tracker_sleutel_path)

    _step("De-identificatie voorbereiden (deduce-lijsten)", _privacy)

    def _database() -> str:
        aantal = kaart.init_database(settings, profiel)
        if aantal == 0 and _same_file(settings.gemeente_path, DEMO_PROFIEL):
            samenvatting = kaart.import_bestand(settings, DEMO_KAART, vervang=False)
            return f"demo-kaart ingelezen: {samenvatting}"
        if aantal == 0:
            return "de sociale kaart is leeg; lees hem in met: wegwijzer kaart import BESTAND.csv"
        return f"{aantal} aanbod op de sociale kaart"

    print("    " + _step("Database voorbereiden", _database))

    def _signalen() -> str:
        from signalen.migraties import richt_in

        return richt_in(settings)

    print(f"    schema {_step('Signalentabel voorbereiden', _signalen)}")

    def _toegang() -> str:
        from toegang.migraties import richt_in

        return richt_in(settings)

    print(f"    schema {_step('Tabellen voor medewerkersaccounts voorbereiden', _toegang)}")
    leren_schema = _step("Labeltabel voorbereiden", lambda: leren_migraties.richt_in(settings))
    print(f"    schema {leren_schema}")

    if train:
        if training.needs_training(settings.model_path, spacy_dir=settings.spacy_dir):
            _step(
                "Rasa-model trainen (dit duurt een paar minuten)",
                lambda: training.train(settings.model_path, spacy_dir=settings.spacy_dir),
            )
        else:
            print("==> Rasa-model is actueel; niet opnieuw getraind.")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
