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


# -- durations are not ages (issue 9) ---------------------------------------------------------
#: (message, the question we just asked, the age it gives). ``None`` as question: a first message.
LEEFTIJD_TABEL = [
    # durations: never an age
    ("al twee jaar", None, None),
    ("sinds 3 jaar", None, None),
    ("al 40 jaar getrouwd", None, None),
    ("twee jaar geleden", None, None),
    ("een paar maanden", None, None),
    ("al 5 jaar mantelzorger", None, None),
    ("ik zorg al tien jaar voor haar", None, None),
    ("Ik zorg al twee jaar voor mijn moeder met dementie", None, None),
    ("ik zorg al drie jaar voor mijn vader en het wordt me te veel", None, None),
    ("wij zijn al 40 jaar getrouwd en mijn man heeft dementie", None, None),
    ("mijn ouders zijn 50 jaar getrouwd", None, None),
    ("ik ben 40 jaar getrouwd", None, None),
    ("mijn man is 3 jaar ziek", None, None),
    ("mijn dochter wordt al een paar maanden gepest", None, None),
    ("mijn zoon zit al twee jaar thuis na school", None, None),
    ("ik woon pas 2 jaar in Nederland", None, None),
    ("ik zorg bijna 2 jaar voor haar", None, None),
    ("sinds een jaar of drie woont ze alleen", None, None),
    ("ontslagen na dertig jaar, ik zoek nieuw werk", None, None),
    ("mijn oma verdwaalt in de buurt waar ze al vijftig jaar woont", None, None),
    ("mijn moeder is al 84 jaar", None, None),  # "al N jaar" is always read as a duration
    # ages of things, amounts, thresholds
    ("we wonen in een 3 jaar oud huis met schimmel", None, None),
    ("ons 40-jarig huwelijk", None, None),
    ("kinderen tot 12 jaar", None, None),
    ("de moeder van een vriendin", None, None),
    ("sinds haar 80e gaat het slecht", None, None),
    ("ik zorg 3 keer per week voor de buurman", None, None),
    # ages: still found
    ("mijn moeder van 84", None, 84),
    ("mijn zoon (17)", None, 17),
    ("mijn zoon (17) zit al 2 jaar thuis", None, 17),
    ("bijna 12", None, 12),
    ("een jaar of 60", None, 60),
    ("mijn buurman is een jaar of 60", None, 60),
    ("mijn moeder is twee jaar geleden gevallen en is 84", None, 84),
    ("mijn 84-jarige moeder valt vaak", None, 84),
    ("mijn 84 jaar oude vader", None, 84),
    ("een 15-jarige die gepest wordt", None, 15),
    ("mijn moeder van vierentachtig", None, 84),
    ("mijn vader, tweeënzeventig, valt vaak", None, 72),
    ("oma (92) is eenzaam", None, 92),
    ("mijn moeder is al 84 jaar oud", None, 84),
    ("mijn baby van 6 maanden huilt veel", None, 0),
    ("mijn zoon van 20 gebruikt al een paar jaar drugs", None, 20),
    ("mijn moeder van 84 en ik zorg al tien jaar voor haar", None, 84),
    ("ik ben 40, getrouwd, 2 kinderen", None, 40),
    # answers to "Hoe oud is ...?"
    ("ze is 84", "leeftijd", 84),
    ("84", "leeftijd", 84),
    ("84 jaar", "leeftijd", 84),
    ("84 jaar oud", "leeftijd", 84),
    ("mijn moeder is 84.", "leeftijd", 84),
    ("ze is al 84", "leeftijd", 84),
    ("ze is 84 denk ik", "leeftijd", 84),
    ("drieëntachtig", "leeftijd", 83),
    ("hij is net 18 geworden", "leeftijd", 18),
    ("ze is 84, en ik zorg al twee jaar voor haar", "leeftijd", 84),
    ("al twee jaar", "leeftijd", None),
    ("ze is al twee jaar", "leeftijd", None),
    ("twee jaar geleden", "leeftijd", None),
    ("een paar maanden", "leeftijd", None),
    ("sinds 3 jaar", "leeftijd", None),
    ("al 5 jaar mantelzorger", "leeftijd", None),
    ("3 jaar oud huis", "leeftijd", None),
]


@pytest.mark.parametrize(("tekst", "gevraagd", "leeftijd"), LEEFTIJD_TABEL)
def test_durations_are_not_ages(
    demo_profiel: GemeenteProfiel, tekst: str, gevraagd: str | None, leeftijd: int | None
) -> None:
    g = extraheer(tekst, demo_profiel, gevraagd)
    assert g.leeftijd == leeftijd
    if leeftijd is None and "18" not in tekst:
        assert g.onder_18 is None  # a duration must not make anyone a minor either


def crf_leeftijd(tekst: str, waarde: str) -> dict[str, object]:
    """The ``leeftijd`` entity as the CRF extractor reports it, with its place in the text."""
    begin = tekst.index(waarde)
    return {"entity": "leeftijd", "value": waarde, "start": begin, "end": begin + len(waarde)}


@pytest.mark.parametrize(
    ("tekst", "waarde", "leeftijd"),
    [
        ("ik zorg al twee jaar voor haar", "twee", None),
        ("hij zit al 2 jaar thuis", "2", None),
        ("twee jaar geleden is ze gevallen", "twee", None),
        ("ze woont er sinds 3 jaar", "3", None),
        ("ik zorg twee jaar voor haar", "twee", None),
        ("al 40 jaar getrouwd", "40", None),
        ("tachtig geloof ik", "tachtig", 80),
        ("84 denk ik", "84", 84),
    ],
)
def test_age_entity_inside_a_duration_is_not_trusted(
    demo_profiel: GemeenteProfiel, tekst: str, waarde: str, leeftijd: int | None
) -> None:
    with_place = [crf_leeftijd(tekst, waarde)]
    assert extraheer(tekst, demo_profiel, "leeftijd", with_place).leeftijd == leeftijd
    without_place = [{"entity": "leeftijd", "value": waarde}]
    assert extraheer(tekst, demo_profiel, "leeftijd", without_place).leeftijd == leeftijd


def test_age_entity_from_a_button_payload_is_trusted(demo_profiel: GemeenteProfiel) -> None:
    ents = [{"entity": "leeftijd", "value": "15"}]
    assert (
        extraheer('/geef_info{"leeftijd_groep": "x"}', demo_profiel, "leeftijd", ents).leeftijd
        == 15
    )
