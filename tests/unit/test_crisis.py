import pytest

from kern.settings import PROJECT_ROOT
from triage.crisis import CrisisSoort, beoordeel, detecteer
from wegwijzer.nlu_snelcheck import crisis_tegenstrijdig, lees_voorbeelden


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
        "ik wil mezelf van het leven beroven",
        "ik wil slapen en nooit meer wakker worden",
        "mijn zoon zegt dat hij dood wil",
        "wil nie meer leve",
        "ik sta bij het spoor en wil springen",
        "ik wil me ophangen",
        "ik snij mezelf",
        "ik spaar pillen op",
        "ik heb een afscheidsbrief geschreven",
        "i want to die",
        "de pillen liggen klaar, ik wil niet meer",
        "ik wil me iets aandoen",
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
        "mijn partner heeft me net geslagen",
        "ik ben door mijn man geslagen",
        "hij heeft me opgesloten in huis",
        "ik word bedreigd door mijn ex",
        "ik hoor de buurvrouw gillen en klappen",
        "hij heeft net mijn keel dichtgeknepen",
        "mijn vriend heeft me tegen de muur gegooid",
        "mijn ex wil me iets aandoen",
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
        "ik denk dat mijn moeder een beroerte heeft",
        "mijn vader heeft pijn op de borst en wordt grauw",
        "hij staat met een mes voor de deur",
        "er is brand",
        "mijn oma ligt op de grond en kan niet opstaan",
        "ik ben in gevaar",
        "mijn vader gaat met een fles op mijn moeder af",
        "mijn ex is net mijn huis binnengedrongen",
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
        "sinds de beroerte van mijn vrouw verzorg ik haar dag en nacht",
        "mijn vader had vorig jaar een hartaanval en kan niet meer fietsen",
        "na zijn hersenbloeding heeft hij hulp nodig",
        "ik kan niet meer leven van mijn uitkering",
        "ik word bedreigd met huisuitzetting",
        "mijn moeder is opgesloten in haar eigen huis omdat ze niet kan lopen",
        "mijn zoon is door klasgenoten geslagen",
        "mijn dochter springt graag op de trampoline",
        "ik snij de groenten met een mes",
        "mijn vader gaat met een fles naar de glasbak",
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


def test_rules_agree_with_the_training_data() -> None:
    """A training example the rules flag but labelled otherwise teaches the classifier noise."""
    voorbeelden = lees_voorbeelden(PROJECT_ROOT / "data" / "nlu")
    assert len(voorbeelden) > 3000
    assert crisis_tegenstrijdig(voorbeelden) == []
