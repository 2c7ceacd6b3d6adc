"""Everyday resident words find their need in the synonym table, and ambiguous words keep apart.

Each sentence is phrased the way residents and loket staff say it, not the way the kaart does;
the ambiguous words are checked with and without the cue that selects a meaning.
"""

from __future__ import annotations

import pytest

from kern.themas import THEMAS
from sociale_kaart.synoniemen import (
    ALGEMEEN,
    GROEPEN,
    MEERDUIDIG,
    PERSOONWOORDEN,
    ZINSDELEN,
    analyseer,
)
from sociale_kaart.tekst import STOPWOORDEN


@pytest.mark.parametrize(
    ("tekst", "behoefte"),
    [
        ("mijn man slaat mij", "huiselijk_geweld"),
        ("mijn partner kleineert me waar de kinderen bij zijn", "huiselijk_geweld"),
        ("ik voel me niet veilig thuis", "huiselijk_geweld"),
        ("mijn vader zuipt elke avond", "verslaving"),
        ("mijn man drinkt elke avond", "verslaving"),
        ("mijn zoon gebruikt coke in het weekend", "verslaving"),
        ("geen cent meer over aan het eind van de maand", "geldzorgen"),
        ("kan de huur niet betalen", "geldzorgen"),
        ("ik sta rood", "geldzorgen"),
        ("energierekening veel te hoog", "geldzorgen"),
        ("weet niet welke regelingen", "geldzorgen"),
        ("ik maak mijn post niet meer open", "administratie"),
        ("ik snap de brieven van de belastingdienst niet", "administratie"),
        ("pieker de hele dag", "psychisch"),
        ("ik zit niet lekker in mijn vel", "psychisch"),
        ("alles loopt door elkaar", "algemeen"),
        ("mijn opa herkent ons niet meer", "dementie"),
        ("mijn moeder raakt de weg kwijt", "dementie"),
        ("ik zorg voor mijn moeder en heb geen tijd voor mezelf", "mantelzorg"),
        ("wie kan de zorg een dagje overnemen", "mantelzorg"),
        ("redt het niet alleen thuis", "huishouden"),
        ("stofzuigen lukt niet meer", "huishouden"),
        ("ik heb geen vervoer naar het ziekenhuis", "vervoer"),
        ("ik mag niet meer rijden van de dokter", "vervoer"),
        ("ik kan de trap niet meer op", "wonen"),
        ("er zit schimmel in mijn huis", "wonen"),
        ("ik ben dakloos", "wonen"),
        ("ik wil weer aan het werk", "werk_meedoen"),
        ("ik wil iets zinvols doen als vrijwilliger", "werk_meedoen"),
        ("mijn zoon luistert niet", "opvoeden_opgroeien"),
        ("mijn dochter heeft last van pesterijen", "opvoeden_opgroeien"),
        ("ik ken niemand in de buurt", "eenzaamheid"),
        ("ik zit de hele dag alleen thuis", "eenzaamheid"),
        ("ik heb een tillift nodig", "hulpmiddelen"),
    ],
)
def test_alledaagse_zin_vindt_de_behoefte(tekst: str, behoefte: str) -> None:
    assert behoefte in analyseer(tekst).behoeften


def test_doelgroepen_hebben_eigen_woorden() -> None:
    assert "ouderen" in analyseer("ouderenconsulent").behoeften
    assert "ouders" in analyseer("zwanger").behoeften


def _betekenis(tekst: str, woord: str) -> tuple[str | None, tuple[str, ...]]:
    begrip = next(b for b in analyseer(tekst).begrippen if b.woord == woord)
    return begrip.behoefte, begrip.verwant


@pytest.mark.parametrize(
    ("tekst", "woord", "behoefte"),
    [
        ("de huur is te hoog en ik heb schulden", "huur", "geldzorgen"),
        ("rolstoel huren voor een paar weken", "huren", "hulpmiddelen"),
        ("ik wil een woning huren", "huren", "wonen"),
        ("mijn vriend slaat mij", "slaat", "huiselijk_geweld"),
        ("mijn zoon slaat klasgenootjes", "slaat", "opvoeden_opgroeien"),
        ("mijn ex heeft me geschopt", "geschopt", "huiselijk_geweld"),
        ("ik snap de post van de belasting niet", "post", "administratie"),
        ("mijn moeder is verward en vergeet veel", "verward", "dementie"),
        ("we gaan scheiden en de kinderen", "scheiden", "opvoeden_opgroeien"),
        ("mijn vrouw drinkt stiekem", "drinkt", "verslaving"),
    ],
)
def test_meerduidig_met_signaal(tekst: str, woord: str, behoefte: str) -> None:
    gevonden, verwant = _betekenis(tekst, woord)
    assert gevonden == behoefte and verwant


@pytest.mark.parametrize(
    ("tekst", "woord"),
    [
        ("huur", "huur"),
        ("huren", "huren"),
        ("de klok slaat", "slaat"),
        ("verward", "verward"),
        ("scheiding", "scheiding"),
        ("drinkt", "drinkt"),
    ],
)
def test_meerduidig_zonder_signaal_zonder_synoniemen(tekst: str, woord: str) -> None:
    gevonden, verwant = _betekenis(tekst, woord)
    assert gevonden is None and verwant == ()


def test_post_zonder_signaal_houdt_alleen_het_themawoord() -> None:
    gevonden, verwant = _betekenis("post", "post")
    assert gevonden == "administratie" and verwant == ()


def test_de_klok_slaat_is_geen_geweld() -> None:
    assert "huiselijk_geweld" not in analyseer("de klok slaat twaalf").behoeften
    assert "geldzorgen" not in analyseer("ik moet alles regelen voor mijn moeder").behoeften


def test_tabel_koppelt_geen_persoon_of_functiewoord_aan_een_behoefte() -> None:
    verboden = PERSOONWOORDEN | STOPWOORDEN
    for groep in GROEPEN:
        assert not set(groep.woorden) & STOPWOORDEN, groep
        if groep.behoefte not in ("ouders", "ouderen", "opvoeden_opgroeien"):
            assert not set(groep.woorden) & PERSOONWOORDEN, groep
    for zinsdeel in ZINSDELEN:
        assert zinsdeel.behoefte in THEMAS or zinsdeel.behoefte == ALGEMEEN, zinsdeel
        if len(zinsdeel.woorden) == 1:
            assert zinsdeel.woorden[0] not in verboden, zinsdeel
    for woord, betekenissen in MEERDUIDIG.items():
        assert woord not in verboden and betekenissen


def test_een_algemene_vraag_telt_alleen_zonder_iets_specifiekers() -> None:
    assert analyseer("ik weet niet waar ik moet beginnen").behoeften == {ALGEMEEN}
    specifiek = analyseer("ik weet niet waar ik moet beginnen met mijn schulden")
    assert specifiek.behoeften == {"geldzorgen"}
    assert all(b.behoefte != ALGEMEEN for b in specifiek.begrippen)
