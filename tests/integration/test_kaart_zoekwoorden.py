"""The bot's offers ordered by the resident's words, on the demo kaart in SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kern.db import make_engine, make_session_factory
from kern.themas import Niveau
from sociale_kaart.service import import_bestand
from sociale_kaart.zoeken import KaartZoeker
from tests.conftest import make_settings
from tests.kaart_hulp import DEMO_KAART


@pytest.fixture(scope="module")
def demokaart(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KaartZoeker]:
    tmp: Path = tmp_path_factory.mktemp("zoekwoorden")
    settings = make_settings(tmp)
    import_bestand(settings, DEMO_KAART, vervang=False)
    engine = make_engine(settings.db_url)
    try:
        yield KaartZoeker(make_session_factory(engine))
    finally:
        engine.dispose()


def _ladder(niveaus: list[str]) -> list[int]:
    return [Niveau(n).rang for n in niveaus]


def test_woorden_van_de_hulpvraag_eerst_binnen_de_ladder(demokaart: KaartZoeker) -> None:
    woorden = demokaart.zoekwoorden("mijn moeder heeft dementie en vergeet alles")
    assert woorden == ("dementie", "vergeet")
    gewoon = demokaart.aanbod_voor("dementie", None, None, None, 50)
    met = demokaart.aanbod_voor("dementie", None, None, None, 50, zoekwoorden=woorden)
    # Every plain result stays, nothing is added, and the ladder holds.
    assert sorted(k.id for k in met) == sorted(k.id for k in gewoon)
    assert _ladder([k.niveau for k in met]) == sorted(_ladder([k.niveau for k in met]))
    for niveau in ("sociale_basis", "algemene_voorziening"):
        verouderd = [k.verouderd for k in met if k.niveau == niveau]
        assert verouderd == sorted(verouderd), niveau  # fresh before stale
    # Within the fresh sociale basis the offers about dementia come first: the Wandelmaatje
    # bij dementie moves up past "Even vrij", which matches none of the words.
    vers_basis = [k.id for k in met if k.niveau == "sociale_basis" and not k.verouderd]
    gewoon_basis = [k.id for k in gewoon if k.niveau == "sociale_basis" and not k.verouderd]
    assert gewoon_basis.index("lw-013") > gewoon_basis.index("lw-002")
    assert vers_basis.index("lw-013") < vers_basis.index("lw-002")
    assert met[0].naam == "Alzheimer Café Lindewaard"
    # The bot shows three: the two that match first, then the rest of the sociale basis.
    drie = demokaart.aanbod_voor("dementie", None, None, None, 3, zoekwoorden=woorden)
    assert [k.id for k in drie] == vers_basis[:3]
    assert all(k.niveau == "sociale_basis" for k in drie)


def test_zonder_passende_woorden_de_gewone_volgorde(demokaart: KaartZoeker) -> None:
    gewoon = demokaart.aanbod_voor("dementie", 80, False, "Westwijk", 3)
    assert demokaart.zoekwoorden("ik zoek hulp voor mijn moeder") == ()
    for woorden in [(), ("schulden",), ("onzinwoord",)]:
        met = demokaart.aanbod_voor("dementie", 80, False, "Westwijk", 3, zoekwoorden=woorden)
        assert [k.id for k in met] == [k.id for k in gewoon], woorden


def test_geen_persoonsgegevens_uit_de_demokaart(demokaart: KaartZoeker) -> None:
    woorden = demokaart.zoekwoorden(
        "Ik heet Jan de Vries, mijn moeder Anna heeft Alzheimer. Bel 06-12345678 of "
        "jan@example.nl, ik woon op de Dorpsstraat 12, 9904 AB."
    )
    assert "alzheimer" in woorden
    assert not {"jan", "vries", "anna", "example", "dorpsstraat", "ab"} & set(woorden)
