"""From conversation state to signal: closed vocabularies, no id, no time, no free text."""

import dataclasses
import random
import string
from datetime import date, datetime

import pytest

from kern.routes import ROUTES
from kern.themas import THEMAS
from signalen.signaal import (
    GEHOLPEN,
    LEEFTIJDSGROEPEN,
    VOOR_WIE,
    Signaal,
    leeftijdsgroep,
    signaal_uit,
)
from triage.crisis import CrisisSoort
from triage.route import kies_route

DAG = date(2026, 3, 14)
WIJKEN = ("Centrum", "Oosterpark")


def toestand(**velden: object):
    from triage.gesprek import Toestand

    basis: dict[str, object] = {
        "hulpvraag_id": "0f" * 16,
        "thema": "mantelzorg",
        "route": "sociale_basis",
    }
    basis.update(velden)
    return Toestand(**basis)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("leeftijd", "groep"),
    [
        (0, "0-11"),
        (11, "0-11"),
        (12, "12-17"),
        (17, "12-17"),
        (18, "18-64"),
        (64, "18-64"),
        (65, "65+"),
        (120, "65+"),
        (121, "onbekend"),
        (-1, "onbekend"),
        (None, "onbekend"),
    ],
)
def test_age_bands_at_their_boundaries(leeftijd: int | None, groep: str) -> None:
    assert leeftijdsgroep(leeftijd) == groep
    signaal = signaal_uit(toestand(leeftijd=leeftijd), DAG)
    assert signaal is not None
    assert signaal.leeftijdsgroep == groep


@pytest.mark.parametrize("onder_18", [True, False])
def test_under_or_over_18_without_an_age_is_onbekend(onder_18: bool) -> None:
    signaal = signaal_uit(toestand(leeftijd=None, onder_18=onder_18), DAG)
    assert signaal is not None
    assert signaal.leeftijdsgroep == "onbekend"


def test_an_exact_age_wins_over_the_under_18_flag() -> None:
    signaal = signaal_uit(toestand(leeftijd=15, onder_18=True), DAG)
    assert signaal is not None
    assert signaal.leeftijdsgroep == "12-17"


def test_no_signal_before_a_road_is_reached() -> None:
    assert signaal_uit(toestand(route=None), DAG) is None
    assert signaal_uit(toestand(hulpvraag_id=None), DAG) is None


def test_missing_answers_become_onbekend() -> None:
    signaal = signaal_uit(toestand(voor_wie=None, geholpen=None, wijk=None), DAG)
    assert signaal is not None
    assert (signaal.voor_wie, signaal.geholpen, signaal.wijk) == ("onbekend",) * 3


def test_known_answers_are_kept() -> None:
    signaal = signaal_uit(
        toestand(voor_wie="naaste", geholpen="ja", wijk="oosterpark", geen_aanbod=True),
        DAG,
        wijken=WIJKEN,
    )
    assert signaal == Signaal(
        datum=DAG,
        thema="mantelzorg",
        leeftijdsgroep="onbekend",
        voor_wie="naaste",
        wijk="Oosterpark",  # the profile's spelling
        route="sociale_basis",
        getoond=(),
        geholpen="ja",
        geen_passend_aanbod=True,
    )


def test_a_wijk_outside_the_profile_is_onbekend() -> None:
    for wijk in ("Ergens", "Ik woon op de Dorpsstraat 12 in Lindewaard"):
        signaal = signaal_uit(toestand(wijk=wijk), DAG, wijken=WIJKEN)
        assert signaal is not None
        assert signaal.wijk == "onbekend"


def test_thema_outside_the_list_is_dropped() -> None:
    signaal = signaal_uit(toestand(thema="mijn buurman maakt lawaai"), DAG)
    assert signaal is not None
    assert signaal.thema is None


def test_only_kaart_ids_are_kept_as_shown_offers() -> None:
    getoond = ("LW-001", "LW-001", "mijn naam is Jan", "", "x" * 65, "LW_2.b")
    signaal = signaal_uit(toestand(getoond=getoond), DAG)
    assert signaal is not None
    assert signaal.getoond == ("LW-001", "LW_2.b")


def test_an_unknown_route_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="route"):
        signaal_uit(toestand(route="ergens_anders"), DAG)


def test_every_road_the_bot_can_reach_is_a_known_route() -> None:
    """Fails when triage gains a crisis kind or a road the signals do not know yet."""
    for soort in CrisisSoort:
        assert f"crisis_{soort.value}" in ROUTES
    for thema in [*THEMAS, None]:
        for voor_wie in ("zelf", "kind", "naaste", None):
            for leeftijd in (None, 8, 15, 40, 80):
                assert kies_route(thema, voor_wie, leeftijd, None) in ROUTES
    assert {"sociale_basis", "buiten_scope", "niet_begrepen"} <= set(ROUTES)


def test_the_signal_holds_no_id_no_time_and_no_free_text_fields() -> None:
    velden = {f.name: f.type for f in dataclasses.fields(Signaal)}
    assert set(velden) == {
        "datum",
        "thema",
        "leeftijdsgroep",
        "voor_wie",
        "wijk",
        "route",
        "getoond",
        "geholpen",
        "geen_passend_aanbod",
    }
    signaal = signaal_uit(toestand(relatie="mijn moeder"), DAG)
    assert signaal is not None
    assert type(signaal.datum) is date and not isinstance(signaal.datum, datetime)
    assert "0f" * 16 not in repr(signaal)
    assert "moeder" not in repr(signaal)
    with pytest.raises(dataclasses.FrozenInstanceError):
        signaal.wijk = "Centrum"  # type: ignore[misc]


def test_random_states_only_ever_give_values_from_the_vocabularies() -> None:
    rng = random.Random(7)

    def rommel() -> str:
        return "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 30)))

    for _ in range(500):
        signaal = signaal_uit(
            toestand(
                thema=rng.choice([*THEMAS, None, rommel()]),
                voor_wie=rng.choice([*VOOR_WIE, None, rommel()]),
                leeftijd=rng.choice([None, rng.randint(-5, 130)]),
                onder_18=rng.choice([None, True, False]),
                wijk=rng.choice([*WIJKEN, None, rommel()]),
                getoond=tuple(rommel() for _ in range(rng.randint(0, 4))),
                route=rng.choice(ROUTES),
                geholpen=rng.choice([*GEHOLPEN, None, rommel()]),
            ),
            DAG,
            wijken=WIJKEN,
        )
        assert signaal is not None
        assert signaal.thema in (*THEMAS, None)
        assert signaal.voor_wie in VOOR_WIE
        assert signaal.leeftijdsgroep in LEEFTIJDSGROEPEN
        assert signaal.wijk in (*WIJKEN, "onbekend")
        assert signaal.geholpen in GEHOLPEN
        assert all(g.isprintable() and " " not in g and len(g) <= 64 for g in signaal.getoond)
