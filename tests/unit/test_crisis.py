import pytest

from triage.crisis import CrisisSoort, beoordeel, detecteer


@pytest.mark.parametrize(
    "tekst",
    [
        "ik wil dood",
        "Ik wil er niet meer zijn",
        "ik denk aan zelfmoord",
        "zelfmoort",
        "ik heb zelfmoordgedachten",
        "soms wil ik niet meer leven",
        "ik wil niet meer wakker worden",
        "ik maak er een eind aan vanavond",
        "ik ga er een einde aan maken",
        "heb geen zin meer in het leven",
        "Ik wil dooood",
        "ik ben suicidaal",
        "iedereen is beter af zonder mij",
        "ik wil mezelf iets aandoen",
        "mijn leven heeft geen zin meer",
    ],
)
def test_suicide_phrasing_including_informal_and_misspelled(tekst: str) -> None:
    oordeel = detecteer(tekst)
    assert oordeel is not None and oordeel.soort is CrisisSoort.SUICIDE
    telefoons = [n.telefoon for n in oordeel.nummers()]
    assert telefoons[:2] == ["113", "0800-0113"] and "112" in telefoons


@pytest.mark.parametrize(
    "tekst",
    [
        "mijn man slaat me",
        "mn vriend slaat mij elke week",
        "ik word thuis mishandeld",
        "de buurman slaat zijn kinderen, ik hoor ze elke avond",
        "ik ben bang dat hij me vermoordt",
        "er is huiselijk geweld bij ons thuis",
        "mijn stiefvader heeft me misbruikt",
        "ik durf niet naar huis",
        "de kinderen van de buren worden geslagen",
    ],
)
def test_domestic_violence_goes_to_veilig_thuis(tekst: str) -> None:
    oordeel = detecteer(tekst)
    assert oordeel is not None and oordeel.soort is CrisisSoort.HUISELIJK_GEWELD
    assert oordeel.nummers()[0].telefoon == "0800-2000"


@pytest.mark.parametrize(
    "tekst",
    [
        "mijn moeder is gevallen en reageert niet meer",
        "hij ademt niet",
        "ik heb een overdosis genomen",
        "mijn vader heeft een hartaanval denk ik",
    ],
)
def test_acute_danger_gives_112_first(tekst: str) -> None:
    oordeel = detecteer(tekst)
    assert oordeel is not None and oordeel.soort is CrisisSoort.ACUUT
    assert oordeel.nummers()[0].telefoon == "112"


def test_child_writer_also_gets_kindertelefoon() -> None:
    oordeel = detecteer("ik ben 13 en mijn vader slaat mij")
    assert oordeel is not None
    assert "0800-0432" in [n.telefoon for n in oordeel.nummers()]
    volwassene = detecteer("mijn man slaat me")
    assert volwassene is not None
    assert "0800-0432" not in [n.telefoon for n in volwassene.nummers()]


@pytest.mark.parametrize(
    "tekst",
    [
        "ik zorg voor mijn moeder met dementie en ik ben op",
        "ik kan het niet meer aan, ik ben doodmoe van de zorg",
        "mijn peuter heeft driftbuien en slaat me als hij boos is",
        "mijn zoon van 4 krijgt woedeaanvallen",
        "ik heb schulden en slaap slecht",
        "ik voel me somber en eenzaam",
        "mijn vader is vergeetachtig",
        "we hebben vaak ruzie thuis",
        "ik schaam me dood voor mijn rommelige huis",
        "mijn dochter wordt gepest op school",
        "waar is de huisartsenpost",
        "",
        "   ",
        "🙂🙂🙂",
    ],
)
def test_ordinary_hulpvragen_do_not_fire(tekst: str) -> None:
    assert detecteer(tekst) is None


def test_classifier_alone_needs_high_confidence() -> None:
    assert beoordeel("het gaat echt niet meer", "crisis", 0.6) is None
    oordeel = beoordeel("het gaat echt niet meer", "crisis", 0.95)
    assert oordeel is not None and oordeel.bron == "classifier"
    telefoons = {n.telefoon for n in oordeel.nummers()}
    assert {"112", "113", "0800-2000"} <= telefoons
    # rules win over a classifier that missed it
    assert beoordeel("ik wil dood", "hulpvraag_psychisch", 0.99) is not None
