import pytest

from kern.gemeente import GemeenteProfiel
from triage.extractie import extraheer


@pytest.mark.parametrize(
    ("tekst", "voor_wie", "relatie", "leeftijd"),
    [
        ("mijn zoon van 11 wordt gepest", "kind", "zoon", 11),
        ("ik zorg voor mijn moeder van 80", "naaste", "moeder", 80),
        ("Mijn Moeder is 82 jaar en vergeetachtig", "naaste", "moeder", 82),
        ("ik ben 82 en mijn man heeft dementie", "naaste", "man", None),
        ("ik ben 34 en heb schulden", "zelf", None, 34),
        ("de buurvrouw is erg eenzaam", "naaste", "buurvrouw", None),
        ("m'n dochter van elf", "kind", "dochter", 11),
        ("ik heb hulp nodig met mijn huishouden", "zelf", None, None),
        ("schulden", None, None, None),
    ],
)
def test_first_message_slots(
    demo_profiel: GemeenteProfiel,
    tekst: str,
    voor_wie: str | None,
    relatie: str | None,
    leeftijd: int | None,
) -> None:
    g = extraheer(tekst, demo_profiel)
    assert (g.voor_wie, g.relatie, g.leeftijd) == (voor_wie, relatie, leeftijd)


@pytest.mark.parametrize(
    ("tekst", "gevraagd", "wijk", "onbekend"),
    [
        ("ik woon in Oosterpark", None, "Oosterpark", False),
        ("wij wonen in de weiden", None, "De Weiden", False),
        ("9905", "wijk", "Oosterpark", False),
        ("9905 AB", None, "Oosterpark", False),
        ("postcode 9913", None, "Noorderhaven", False),
        ("oosterprak", "wijk", "Oosterpark", False),
        ("weet ik niet", "wijk", None, True),
        ("sla deze vraag over", "wijk", None, True),
        ("overslaan", "wijk", None, True),
        ("1011 AB", "wijk", None, True),  # outside the gemeente: search the whole gemeente
        ("9905", None, None, False),  # a bare number we did not ask for is not a postcode
    ],
)
def test_wijk_and_postcode(
    demo_profiel: GemeenteProfiel,
    tekst: str,
    gevraagd: str | None,
    wijk: str | None,
    onbekend: bool,
) -> None:
    g = extraheer(tekst, demo_profiel, gevraagd)
    assert g.wijk == wijk
    assert g.wijk_onbekend is onbekend


@pytest.mark.parametrize(
    ("tekst", "leeftijd", "onder_18"),
    [
        ("11", 11, True),
        ("hij is 15", 15, True),
        ("80 jaar", 80, False),
        ("jonger dan 18", None, True),
        ("18 of ouder", None, False),
        ("zeventien", 17, True),
        ("een jaar of 60", 60, False),  # not "een jaar" = 1
        ("ze is rond de 85", 85, False),
        ("bijna 12", 12, True),
    ],
)
def test_age_answers(
    demo_profiel: GemeenteProfiel, tekst: str, leeftijd: int | None, onder_18: bool
) -> None:
    g = extraheer(tekst, demo_profiel, "leeftijd")
    assert (g.leeftijd, g.onder_18) == (leeftijd, onder_18)


def test_button_entities(demo_profiel: GemeenteProfiel) -> None:
    assert (
        extraheer(
            '/geef_info{"voor_wie": "zelf"}',
            demo_profiel,
            "voor_wie",
            [{"entity": "voor_wie", "value": "zelf"}],
        ).voor_wie
        == "zelf"
    )
    assert (
        extraheer(
            "x", demo_profiel, "leeftijd", [{"entity": "leeftijd_groep", "value": "onder_18"}]
        ).onder_18
        is True
    )
    assert extraheer(
        "x", demo_profiel, "wijk", [{"entity": "wijk", "value": "onbekend"}]
    ).wijk_onbekend
    assert (
        extraheer("x", demo_profiel, "wijk", [{"entity": "wijk", "value": "Westwijk"}]).wijk
        == "Westwijk"
    )


def test_peuter_implies_under_18(demo_profiel: GemeenteProfiel) -> None:
    assert extraheer("mijn peuter heeft driftbuien", demo_profiel).onder_18 is True


def test_age_entity_from_the_classifier_only_counts_as_an_answer(
    demo_profiel: GemeenteProfiel,
) -> None:
    ents = [{"entity": "leeftijd", "value": "12"}]
    assert extraheer("ik woon op de Kerkstraat 12", demo_profiel, None, ents).leeftijd is None
    assert extraheer("twaalf", demo_profiel, "leeftijd", ents).leeftijd == 12
