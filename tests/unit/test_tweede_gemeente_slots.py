"""Wijken, postcodes and 'for whom' from free text in a gemeente that is not the demo one.

The profile (``tests/fixtures/gemeente_tweede``) has 14 wijken and kernen with articles, an
apostrophe, hyphens, several words and ordinary words as names. Plain Python, no model: the
conversations through the trained NLU are in ``tests/rasa/test_tweede_gemeente.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kern.gemeente import GemeenteProfiel, ProfielFout, load_profiel, parse_profiel
from kern.settings import PROJECT_ROOT
from tests.unit.test_gesprek import FakeKaart, Sessie, payloads, tekst
from triage import teksten
from triage.extractie import extraheer, plaatsvorm

PROFIEL = PROJECT_ROOT / "tests" / "fixtures" / "gemeente_tweede" / "gemeente.yml"


@pytest.fixture(scope="module")
def tweede() -> GemeenteProfiel:
    return load_profiel(PROFIEL)


@pytest.mark.parametrize(
    ("tekst", "vorm"),
    [
        ("'t Hofje", "het hofje"),
        ("t hofje", "het hofje"),
        ("\u2019t Hofje", "het hofje"),
        ("Sint-Annaparochie-Noord", "sint annaparochie noord"),
        ("St. Annaparochie Noord", "sint annaparochie noord"),
        ("Zuidwolde aan de Vaart", "zuidwolde aan de vaart"),
        ("9999 AB", "9999 ab"),  # normaliseer() squeezes this to "99 ab"
        ("'s-Heerenberg", "s heerenberg"),
    ],
)
def test_plaatsvorm(tekst: str, vorm: str) -> None:
    assert plaatsvorm(tekst) == vorm


@pytest.mark.parametrize(
    ("tekst", "gevraagd", "wijk", "onbekend"),
    [
        # the name in full, any spelling of hyphens, apostrophes and case
        ("ik woon in 't hofje", None, "'t Hofje", False),
        ("ik woon in \u2019t Hofje", None, "'t Hofje", False),
        ("t hofje", "wijk", "'t Hofje", False),
        ("het hofje", "wijk", "'t Hofje", False),
        ("sint annaparochie noord", "wijk", "Sint-Annaparochie-Noord", False),
        ("wij wonen in nieuw wolde en mijn man heeft alzheimer", None, "Nieuw-Wolde", False),
        ("mijn vader woont in Klein-Vennebroek", None, "Klein Vennebroek", False),
        ("DE OUDE STAD", "wijk", "De Oude Stad", False),
        ("ter heide", "wijk", "Ter Heide", False),
        # without the article: after "in" in free text, anywhere in an answer
        ("ik woon in oude stad", None, "De Oude Stad", False),
        ("oude stad", "wijk", "De Oude Stad", False),
        ("ik zoek iets in de stad", None, None, False),
        # cut short: the one wijk whose name starts so
        ("zuidwolde", "wijk", "Zuidwolde aan de Vaart", False),
        ("ik woon in zuidwolde", None, "Zuidwolde aan de Vaart", False),
        ("westerkwartier", "wijk", "Westerkwartier-Zuid", False),
        ("klein", "wijk", None, False),  # too short to be a name
        # typed wrong, as the answer to the wijk question only
        ("boerakkr", "wijk", "Boerakker", False),
        ("oosteres", "wijk", "Ooster-Es", False),
        ("wij wonen in centrum-oots", "wijk", "Centrum-Oost", False),
        ("boerakkr", None, None, False),
        ("de stad", "wijk", None, False),
        ("ik heb geen geld", "wijk", None, False),
        # postcodes, also with repeated digits; the gemeente's own name means: everywhere
        ("9614 KL", "wijk", "Zuidwolde aan de Vaart", False),
        ("9607", "wijk", "Hoven", False),
        ("9999 AB", "wijk", None, True),
        ("9999", "wijk", None, True),
        ("hofwolde", "wijk", None, True),
        ("overal in hofwolde", "wijk", None, True),
        ("weet ik niet", "wijk", None, True),
    ],
)
def test_wijk_of_a_gemeente_the_bot_never_saw(
    tweede: GemeenteProfiel, tekst: str, gevraagd: str | None, wijk: str | None, onbekend: bool
) -> None:
    g = extraheer(tekst, tweede, gevraagd)
    assert (g.wijk, g.wijk_onbekend) == (wijk, onbekend)


def test_postcode_with_repeated_digits_is_read(demo_profiel: GemeenteProfiel) -> None:
    """'1000 AB' is outside Lindewaard: read as a postcode, not squeezed to '10 ab'."""
    g = extraheer("1000 AB", demo_profiel, "wijk")
    assert g.postcode_buiten_gemeente and g.wijk_onbekend


@pytest.mark.parametrize(
    ("tekst", "voor_wie", "relatie"),
    [
        ("Sinds mijn vrouw is overleden zit ik de hele dag alleen thuis", "zelf", None),
        ("sinds de dood van mijn man ben ik zo eenzaam", "zelf", None),
        ("mijn moeder is vorig jaar gestorven en nu is mijn vader alleen", "naaste", "vader"),
        ("na het overlijden van mijn vrouw zorg ik alleen voor mijn zoon", "kind", "zoon"),
        ("de buren maken elke nacht herrie en ik word er gek van", "zelf", None),
        ("ik heb veel last van mijn buren", "zelf", None),
        ("de buurvrouw is erg eenzaam", "naaste", "buurvrouw"),
        ("mijn buurman is 90 en kan niet meer koken", "naaste", "buurman"),
        ("mijn energierekening is veel te hoog", "zelf", None),
        ("ik heb elke dag ruzie met mijn zoon", "kind", "zoon"),
    ],
)
def test_who_the_help_is_for(
    tweede: GemeenteProfiel, tekst: str, voor_wie: str, relatie: str | None
) -> None:
    g = extraheer(tekst, tweede)
    assert (g.voor_wie, g.relatie) == (voor_wie, relatie)


def test_the_classifiers_entity_does_not_bring_back_a_relation_who_died(
    tweede: GemeenteProfiel,
) -> None:
    g = extraheer(
        "sinds mijn vrouw is overleden ben ik alleen", tweede, None,
        [{"entity": "relatie", "value": "vrouw"}],
    )  # fmt: skip
    assert (g.voor_wie, g.relatie) == ("zelf", None)


def test_plural_relations_in_questions() -> None:
    assert teksten.vraag_leeftijd("kind", "kinderen").startswith("Hoe oud zijn uw kinderen?")
    assert teksten.vraag_leeftijd("kind", "zoon").startswith("Hoe oud is uw zoon?")
    assert teksten.vraag_wijk("naaste", "ouders").startswith("In welke wijk wonen uw ouders?")


# -- the conversation with answers the classifier does not know -------------------------------


def test_a_wijk_read_as_small_talk_is_still_the_answer(tweede: GemeenteProfiel) -> None:
    sessie = Sessie(tweede)
    sessie.zeg("ik ben mantelzorger voor mijn schoonvader", "hulpvraag_mantelzorg")
    assert sessie.toestand.gevraagd == "wijk"
    stap = sessie.zeg("het hofje", "afscheid", 0.57)  # what the trained model says
    assert sessie.toestand.wijk == "'t Hofje"
    assert payloads(stap, "aanbod")
    assert "Tot ziens" not in tekst(stap)


def test_no_thema_buttons_again_when_the_thema_is_known(tweede: GemeenteProfiel) -> None:
    sessie = Sessie(tweede)
    sessie.zeg("mijn energierekening is te hoog", "hulpvraag_wonen")
    sessie.zeg("ik woon in een flat", "geef_info")  # no wijk in it
    stap = sessie.zeg("qwerty flat", None, 0.3)
    assert sessie.toestand.thema == "wonen" and sessie.toestand.gevraagd == "wijk"
    assert teksten.WELK_THEMA not in tekst(stap)


def test_missed_answers_end_with_a_person(tweede: GemeenteProfiel) -> None:
    sessie = Sessie(tweede)
    sessie.zeg("mijn energierekening is te hoog", "hulpvraag_wonen")
    stappen = [sessie.zeg("in een flat", "geef_info") for _ in range(3)]
    assert sessie.toestand.gevraagd == "wijk"
    assert "0123 77 00 00" not in tekst(stappen[0])
    assert "0123 77 00 00" in tekst(stappen[2])


def test_no_after_the_referral_gives_the_loket_again(tweede: GemeenteProfiel) -> None:
    sessie = Sessie(tweede, FakeKaart([]))  # no sociale basis: straight to the loket
    sessie.zeg("mijn broer gokt al zijn geld weg", "hulpvraag_verslaving")
    sessie.zeg("de haven", "geef_info")
    assert sessie.toestand.route == "wmo_loket"
    stap = sessie.zeg("nee, ik heb echt meer hulp nodig", "ontkennen")
    assert "0123 77 10 00" in tekst(stap)
    assert sessie.toestand.route == "wmo_loket"


# -- the profile ------------------------------------------------------------------------------


def test_unquoted_phone_numbers_stay_as_written(tmp_path: Path) -> None:
    """YAML 1.1 reads 0123770000 as octal (22016000): a wrong number for every resident."""
    tekst = PROFIEL.read_text(encoding="utf-8")
    tekst = tekst.replace('telefoon: "0123 77 00 00"', "telefoon: 0123770000")
    tekst = tekst.replace('telefoon: "0123 77 10 00"', "telefoon: +31123771000")
    assert "0123770000" in tekst and "+31123771000" in tekst
    pad = tmp_path / "gemeente.yml"
    pad.write_text(tekst, encoding="utf-8")
    profiel = load_profiel(pad)
    assert profiel.contact.telefoon == "0123770000"
    assert profiel.wmo_loket.telefoon == "+31123771000"


def test_wijken_that_residents_cannot_tell_apart_are_refused() -> None:
    basis = {
        "naam": "Gemeente Proef",
        "contact": {"telefoon": "0123 00 00 00"},
        "wmo_loket": {"telefoon": "0123 00 00 01"},
        "cjg": {"telefoon": "0123 00 00 02"},
    }
    with pytest.raises(ProfielFout, match=r"wijken\[1\]\.naam: .*'Nieuw Wolde'.*Nieuw-Wolde"):
        parse_profiel({**basis, "wijken": [{"naam": "Nieuw-Wolde"}, {"naam": "Nieuw Wolde"}]})
    with pytest.raises(ProfielFout, match=r"wijken\[0\]\.naam"):
        parse_profiel({**basis, "wijken": [{"naam": "--"}]})


def test_wijk_by_naam_as_residents_type_it(tweede: GemeenteProfiel) -> None:
    noord, hofje = tweede.wijk_by_naam("sint annaparochie noord"), tweede.wijk_by_naam("t hofje")
    assert noord is not None and noord.naam == "Sint-Annaparochie-Noord"
    assert hofje is not None and hofje.naam == "'t Hofje"
    assert tweede.wijk_by_naam("  ") is None
