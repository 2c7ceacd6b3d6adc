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
        "er is huiselijk geweld bij ons thuis",
        "mijn stiefvader heeft me misbruikt",
        "ik durf niet naar huis",
        "de kinderen van de buren worden geslagen",
        "mijn partner heeft me net geslagen",
        "ik ben door mijn man geslagen",
        "ik word bedreigd door mijn ex",
        "ik hoor de buurvrouw gillen en klappen",
        "hij heeft net mijn keel dichtgeknepen",
        "mijn vriend heeft me tegen de muur gegooid",
        "mijn ex wil me iets aandoen",
        # violence against others, also suspected
        "Ik maak me zorgen over de kinderen van de buren, ik hoor ze elke avond schreeuwen en "
        "huilen en ik denk dat ze geslagen worden",
        "ik denk dat de buurman zijn kinderen slaat",
        "volgens mij wordt mn nichtje thuis mishandeld",
        # an elderly parent hit, robbed or neglected by a carer or relative
        "mijn moeder van 84 wordt door haar verzorger geslagen",
        "de thuiszorg steelt geld van mijn vader",
        "mijn broer haalt steeds geld van de rekening van mijn demente moeder weg",
        "mijn oma wordt verwaarloosd door haar verzorgster",
        "ik denk dat mijn opa financieel wordt uitgebuit",
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
        "mn vader ademt niet meer",
        "mijn man is buiten bewustzijn",
    ],
)
def test_acute_danger_gives_112_first(tekst: str) -> None:
    oordeel = detecteer(tekst)
    assert oordeel is not None and oordeel.soort is CrisisSoort.ACUUT
    assert oordeel.nummers()[0].telefoon == "112"


@pytest.mark.parametrize(
    "tekst",
    [
        "mijn ex bedreigt me en staat nu voor de deur",
        "mn ex staat beneden en zegt dat ie me kapot maakt",
        "mijn man is onderweg naar huis en heeft gezegd dat hij me vermoordt",
        "ik ben bang dat hij me iets aandoet",
        "ik ben bang dat hij me vermoordt",
        "ik ben bang dat mn vriend me wat aandoet als ie thuiskomt",
        "hij heeft me opgesloten in huis",
        "mijn vriend heeft me in de slaapkamer opgesloten",
        "mijn zoon zwaait met een mes en bedreigt ons",
        "hij heeft een pistool gepakt",
    ],
)
def test_danger_from_a_person_gives_112_then_veilig_thuis(tekst: str) -> None:
    oordeel = detecteer(tekst)
    assert oordeel is not None and oordeel.soort is CrisisSoort.ACUUT and oordeel.huiselijk
    telefoons = [n.telefoon for n in oordeel.nummers()]
    assert telefoons[:2] == ["112", "0800-2000"]
    assert oordeel.route == "crisis_huiselijk_geweld"


def test_medical_emergency_is_not_counted_as_domestic_violence() -> None:
    oordeel = detecteer("mijn vader ademt niet meer")
    assert oordeel is not None and not oordeel.huiselijk
    assert [n.telefoon for n in oordeel.nummers()] == ["112"]
    assert oordeel.route == "crisis_acuut"


@pytest.mark.parametrize(
    "tekst",
    [
        "Mijn zoon van 17 zegt dat hij zichzelf iets wil aandoen",
        "mijn vriendin wil er een eind aan maken",
        "mn broer zei dat ie zichzelf wat gaat aandoen",
        "mijn dochter dreigt zichzelf iets aan te doen",
        "mijn vader heeft gezegd dat hij niet meer wil leven",
        "ze zegt dat ze er vanavond een einde aan maakt",
        "ik ben bang dat mijn zoon zichzelf iets aandoet",
    ],
)
def test_suicidal_talk_about_someone_else_is_suicide(tekst: str) -> None:
    """Also when the classifier is sure it is a crisis: the rules decide the kind (113 first)."""
    for oordeel in (detecteer(tekst), beoordeel(tekst, "crisis", 0.99)):
        assert oordeel is not None and oordeel.soort is CrisisSoort.SUICIDE
        assert oordeel.nummers()[0].telefoon == "113"


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
        "ik ga dood van de stress",
        "ik schiet me een ongeluk met die formulieren",
        "ik word gek van mijn buren",
        "de kinderen van de buren spelen buiten",
        "mijn vriendin wil een eind aan onze relatie maken",
        "vroeger werd ik door mijn vader geslagen, daar wil ik over praten",
        "mijn oom heeft jaren geleden zelfmoord gepleegd",
        "in de serie die ik kijk pleegt de hoofdpersoon zelfmoord",
        "ik las in de krant over huiselijk geweld",
        "mijn ex staat elke zaterdag voor de deur om de kinderen op te halen",
        "ik voel me opgesloten in mijn eigen huis",
        "mijn moeder reageert niet op mijn berichten",
        "ik heb mezelf gesneden bij het koken",
        "mijn man slaat op tilt als ik over geld begin",
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


@pytest.mark.parametrize("tekst", ["keiskant drongen", "drongen", "ik woon in Keiskant"])
def test_classifier_alone_needs_a_crisis_word_not_a_near_typo(tekst: str) -> None:
    """'drongen' is one edit from 'dronken': a sure classifier on it must not raise a crisis."""
    assert beoordeel(tekst, "crisis", 1.0) is None


@pytest.mark.parametrize(
    "tekst",
    ["het gaat echt niet meer", "ik ben zo bang", "help", "ik kan niet meer", "ik wil verdwijnen"],
)
def test_classifier_alone_with_a_crisis_word_still_raises_one(tekst: str) -> None:
    oordeel = beoordeel(tekst, "crisis", 0.9)
    assert oordeel is not None and oordeel.bron == "classifier"


def test_rules_agree_with_the_training_data() -> None:
    """A training example the rules flag but labelled otherwise teaches the classifier noise."""
    voorbeelden = lees_voorbeelden(PROJECT_ROOT / "data" / "nlu")
    assert len(voorbeelden) > 3000
    assert crisis_tegenstrijdig(voorbeelden) == []
