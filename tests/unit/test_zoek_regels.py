"""Rules of the kaart search's text analysis that need no database (issue 10, ranking).

Each rule is general (no query or offer names in the code); these pairs show one case each,
and one that must stay as it was, so a test fails when the rule is gone or goes too far.
"""

from __future__ import annotations

import pytest

from sociale_kaart.synoniemen import analyseer
from sociale_kaart.tekst import VULWOORDEN, is_beschermd, stam
from sociale_kaart.zoekindex import (
    Vocabulaire,
    _is_samenstelling,
    _is_woordbegin,
    _werkwoordstammen,
)


def test_rekening_is_geen_rekenen() -> None:
    assert stam("rekeningen") == stam("rekening") == "rekening"
    assert stam("rekenen") == "reken"
    assert stam("energierekening") == "energierekening"
    assert is_beschermd("energierekening") and not is_beschermd("reken")
    vocab = Vocabulaire(["reken", "rekening", "rekenles"])
    assert "reken" not in vocab.uitbreiden("rekeningen")
    assert "rekening" not in vocab.uitbreiden("rekenen")


@pytest.mark.parametrize(
    ("basis", "term", "samenstelling"),
    [
        ("vrouw", "vrouwenpraatgroep", True),  # linking -en-
        ("oudere", "ouderenadviseur", True),  # linking -n-
        ("mantelzorg", "mantelzorger", False),  # an ending, not a word
    ],
)
def test_samenstelling_met_tussenklank(basis: str, term: str, samenstelling: bool) -> None:
    assert _is_samenstelling(basis, term) is samenstelling


def test_woordbegin_alleen_met_een_echt_woord() -> None:
    assert not _is_woordbegin("dagbe")  # dagbesteding is dag·besteding, not dagbe·steding
    assert _is_woordbegin("buurt")
    assert _is_woordbegin("vrijwilligers")


def test_werkwoordsvorm_naar_de_stam_van_het_hele_werkwoord() -> None:
    assert "slap" in _werkwoordstammen("slaapt")
    assert _werkwoordstammen("luistert") == [stam("luisteren")]
    assert _werkwoordstammen("eet") == []
    vocab = Vocabulaire(["slap", "baby"])
    assert vocab.uitbreiden("slaapt")["slap"].soort == "afleiding"


def test_vage_woorden_zijn_vulwoorden() -> None:
    assert {"problemen", "goed", "steeds", "vinden", "even"} <= VULWOORDEN
    woorden = [b.woord for b in analyseer("psychische problemen").begrippen]
    assert woorden == ["psychische"]
    # Alone, a filler word is still searched.
    assert [b.woord for b in analyseer("problemen").begrippen] == ["problemen"]


def test_bang_betekent_wat_de_rest_van_de_vraag_zegt() -> None:
    assert analyseer("bang voor mijn partner").begrippen[0].behoefte == "huiselijk_geweld"
    assert analyseer("bang om naar buiten te gaan").begrippen[0].behoefte == "psychisch"
    alleen = analyseer("bang").begrippen[0]
    assert alleen.behoefte is None and alleen.verwant == ()


def test_vergeten_gaat_over_geheugen_met_een_signaal() -> None:
    assert "dementie" in analyseer("mijn man vergeet steeds meer").behoeften
    assert "dementie" not in analyseer("ik ben mijn wachtwoord vergeten").behoeften


@pytest.mark.parametrize(
    ("tekst", "behoefte"),
    [
        ("ik kan de huur niet betalen", "geldzorgen"),
        ("even vrij van de zorg voor mijn moeder", "mantelzorg"),
        ("nederlands leren", "werk_meedoen"),
        ("ik kan mijn huis niet meer schoonhouden", "huishouden"),
    ],
)
def test_zinsdelen_en_groepen_binnen_een_behoefte(tekst: str, behoefte: str) -> None:
    assert behoefte in analyseer(tekst).behoeften


def test_kindwoorden_noemen_de_doelgroep() -> None:
    assert analyseer("driftbui peuter").doelgroepen == {"jeugd", "ouders"}
    assert analyseer("mijn dochter heeft faalangst").doelgroepen == frozenset()
    # 'ouderen' says for whom: next to another word it counts half.
    gewicht = {b.woord: b.gewicht for b in analyseer("computerles voor ouderen").begrippen}
    assert gewicht == {"computerles": 1.0, "ouderen": 0.5}
