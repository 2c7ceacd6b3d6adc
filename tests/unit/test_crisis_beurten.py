"""The crisis layer at later turns, the Veilig Thuis signal, and no language detector for it.

A crisis can come as a short answer after a hulpvraag, while a question is pending ("ja hij
slaat me", "ik heb de pillen al genomen"): it must interrupt whatever the classifier made of it.
The classifier-only path runs in the Rasa server, which must not load lingua (~280 MB).
"""

from __future__ import annotations

from typing import Any

import pytest

import triage.talen
from kern.gemeente import GemeenteProfiel
from kern.settings import PROJECT_ROOT
from triage.crisis import CrisisSoort, beoordeel, detecteer, veilig_thuis_signaal
from triage.gesprek import Gesprek, Invoer, Stap, Toestand
from wegwijzer.nlu_snelcheck import lees_voorbeelden


class LegeKaart:
    def aanbod_voor(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def zoekwoorden(self, tekst: str) -> tuple[str, ...]:
        return ()


@pytest.fixture
def gesprek(demo_profiel: GemeenteProfiel) -> Gesprek:
    return Gesprek(demo_profiel, LegeKaart())


def beurt(gesprek: Gesprek, toestand: Toestand, tekst: str, intent: str, conf: float = 0.9) -> Stap:
    return gesprek.verwerk(Toestand.from_slot(toestand.to_slot()), Invoer(tekst, intent, conf, ()))


def eerste_payload(stap: Stap) -> dict[str, Any]:
    return next(b.payload for b in stap.berichten if b.payload)


def na_hulpvraag(gesprek: Gesprek) -> Toestand:
    stap = beurt(
        gesprek, Toestand(), "ik heb hulp nodig bij het huishouden", "hulpvraag_huishouden"
    )
    assert stap.toestand.gevraagd is not None  # a question is pending
    return stap.toestand


@pytest.mark.parametrize(
    ("tekst", "intent", "soort"),
    [
        ("ja hij slaat me", "bevestigen", "huiselijk_geweld"),
        ("ik heb de pillen al genomen", "geef_info", "acuut"),
        ("ja eigenlijk wil ik dood", "bevestigen", "suicide"),
        ("nee maar mijn vriend slaat me", "ontkennen", "huiselijk_geweld"),
        ("hij is 17 en hij wil niet meer leven", "geef_info", "suicide"),
        (
            "18 of ouder, maar eigenlijk ben ik bang dat mijn man me iets aandoet",
            "geef_info",
            "acuut",
        ),
        ("mijn oma, en ze wordt door de thuiszorg bestolen", "geef_info", "huiselijk_geweld"),
        ("geen van allen, ik wil gewoon dood", "nlu_fallback", "suicide"),
    ],
)
def test_a_crisis_as_a_later_answer_interrupts_with_the_numbers_first(
    gesprek: Gesprek, tekst: str, intent: str, soort: str
) -> None:
    stap = beurt(gesprek, na_hulpvraag(gesprek), tekst, intent)
    p = eerste_payload(stap)
    assert p["type"] == "crisis" and p["soort"] == soort
    assert stap.toestand.gevraagd is None  # the pending question is dropped


@pytest.mark.parametrize(
    ("tekst", "intent"),
    [
        ("mijn ex stalkt me en staat elke dag bij mijn werk", "hulpvraag_werk_meedoen"),
        ("thuis is het niet veilig", "geef_info"),
        ("mijn man controleert mijn telefoon, ik mag niemand zien", "nlu_fallback"),
    ],
)
def test_control_and_stalking_get_veilig_thuis_first_whatever_the_thema(
    gesprek: Gesprek, tekst: str, intent: str
) -> None:
    assert detecteer(tekst) is None and veilig_thuis_signaal(tekst)
    for toestand in (Toestand(), na_hulpvraag(gesprek)):
        stap = beurt(gesprek, toestand, tekst, intent)
        p = eerste_payload(stap)
        assert p["type"] == "veilig_thuis" and p["nummers"][0]["telefoon"] == "0800-2000"
        assert stap.toestand.thema == "huiselijk_geweld"


def test_someone_at_the_door_in_a_huiselijk_geweld_conversation_is_acute(gesprek: Gesprek) -> None:
    eerst = beurt(
        gesprek, Toestand(), "mijn ex blijft mij lastigvallen", "hulpvraag_huiselijk_geweld"
    )
    assert eerste_payload(eerst)["type"] == "veilig_thuis"
    stap = beurt(gesprek, eerst.toestand, "ja hij staat nu voor de deur", "nlu_fallback", 0.5)
    p = eerste_payload(stap)
    assert p["type"] == "crisis" and p["nummers"][0]["telefoon"] == "112"
    # the same words in another conversation may be about a taxi
    stap = beurt(gesprek, na_hulpvraag(gesprek), "ja hij staat nu voor de deur", "nlu_fallback")
    assert all(b.payload is None or b.payload["type"] != "crisis" for b in stap.berichten)


def test_the_veilig_thuis_signal_keeps_out_of_other_training_themas() -> None:
    """A training example the signal flags belongs to the huiselijk_geweld thema (or crisis)."""
    voorbeelden = lees_voorbeelden(PROJECT_ROOT / "data" / "nlu")
    fout = [
        (v.intent, v.tekst)
        for v in voorbeelden
        if v.intent not in {"hulpvraag_huiselijk_geweld", "crisis"}
        and veilig_thuis_signaal(v.tekst)
    ]
    assert fout == []


@pytest.mark.parametrize(
    "tekst",
    [
        "het gaat echt niet meer en ik weet niet wat ik moet doen",
        "ik ben zo bang en alleen vannacht",
        "wil gwn nie meer hoor alles is kut",
        "help me please, I am so scared of the exam",  # foreign: no crisis, and still no detector
    ],
)
def test_the_classifier_only_path_never_builds_the_language_detector(
    monkeypatch: pytest.MonkeyPatch, tekst: str
) -> None:
    """The Rasa server calls beoordeel on every message; lingua must stay unloaded there."""

    def geen_detector() -> Any:
        raise AssertionError("lingua detector built by the crisis layer")

    monkeypatch.setattr(triage.talen, "_detector", geen_detector)
    beoordeel(tekst, "crisis", 0.99)


def test_classifier_only_crisis_is_raised_without_the_detector_cache_filling() -> None:
    triage.talen._detector.cache_clear()
    oordeel = beoordeel("het gaat echt niet meer en ik weet niet wat ik moet doen", "crisis", 0.99)
    assert oordeel is not None and oordeel.bron == "classifier"
    assert triage.talen._detector.cache_info().currsize == 0


def test_classifier_only_kind_follows_the_crisis_words() -> None:
    """Suicide words only: 113 first; violence words only: Veilig Thuis first; else all three."""
    suicide = beoordeel("ik zie geen uitweg meer uit dit leven", "crisis", 0.99)
    assert suicide is not None
    if suicide.bron == "classifier":
        assert suicide.soort is CrisisSoort.SUICIDE
    assert suicide.nummers()[0].telefoon == "113"
    vaag = beoordeel("het gaat echt niet meer", "crisis", 0.99)
    assert vaag is not None and vaag.soort is CrisisSoort.ACUUT
    assert {"112", "113", "0800-2000"} <= {n.telefoon for n in vaag.nummers()}


@pytest.mark.parametrize(
    "tekst",
    [
        "mijn vader slaat op hol als hij zijn sleutels kwijt is",
        "mijn man is jager en heeft een geweer in de kluis",
        "ik ga mijn zoon vermoorden als hij weer zijn kamer niet opruimt haha",
        "keiskant drongen",
    ],
)
def test_a_sure_classifier_on_an_idiom_raises_no_crisis(tekst: str) -> None:
    assert beoordeel(tekst, "crisis", 0.99) is None
