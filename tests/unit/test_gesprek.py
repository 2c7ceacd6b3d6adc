"""The triage conversation as plain Python, with a fake kaart."""

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from itertools import count
from typing import Any

import pytest

from kern.gemeente import GemeenteProfiel
from kern.settings import PROJECT_ROOT
from sociale_kaart.zoeken import AanbodKaartje
from tests.payload_schema import controleer
from triage import teksten
from triage.gesprek import Gesprek, Invoer, Stap, Toestand


def kaartje(ident: str, niveau: str = "sociale_basis", wijk: str | None = None) -> AanbodKaartje:
    return AanbodKaartje(
        id=ident,
        naam=f"Aanbod {ident}",
        organisatie="Stichting Proef",
        niveau=niveau,
        wijk=wijk,
        telefoon="0123 00 00 00",
        website="https://proef.example",
        email=None,
        omschrijving="Een regel.",
    )


class FakeKaart:
    def __init__(self, kaartjes: list[AanbodKaartje] | None = None) -> None:
        self.kaartjes = (
            kaartjes if kaartjes is not None else [kaartje("a"), kaartje("b"), kaartje("c")]
        )
        self.vragen: list[tuple[Any, ...]] = []
        self.zoekwoorden_per_vraag: list[tuple[str, ...]] = []

    def aanbod_voor(
        self,
        thema: str,
        leeftijd: int | None,
        minderjarig: bool | None,
        wijk: str | None,
        limiet: int,
        zoekwoorden: Sequence[str] = (),
    ) -> list[AanbodKaartje]:
        self.vragen.append((thema, leeftijd, minderjarig, wijk, limiet))
        self.zoekwoorden_per_vraag.append(tuple(zoekwoorden))
        return self.kaartjes[:limiet]

    def zoekwoorden(self, tekst: str) -> tuple[str, ...]:
        return ()


class Sessie:
    """Drives the engine like the action server does, turn by turn."""

    def __init__(self, profiel: GemeenteProfiel, kaart: FakeKaart | None = None) -> None:
        ids: Iterator[int] = count(1)
        self.kaart = kaart or FakeKaart()
        self.gesprek = Gesprek(profiel, self.kaart, id_factory=lambda: f"hv{next(ids)}")
        self.toestand = Toestand()

    def zeg(self, tekst: str, intent: str | None, confidence: float = 0.9, **entities: str) -> Stap:
        ents = tuple({"entity": k, "value": v} for k, v in entities.items())
        stap = self.gesprek.verwerk(
            Toestand.from_slot(self.toestand.to_slot()), Invoer(tekst, intent, confidence, ents)
        )
        self.toestand = stap.toestand
        for bericht in stap.berichten:
            if bericht.payload is not None:
                controleer(bericht.payload)  # every payload of every engine test
        return stap


def payloads(stap: Stap, soort: str | None = None) -> list[dict[str, Any]]:
    return [
        b.payload
        for b in stap.berichten
        if b.payload and (soort is None or b.payload["type"] == soort)
    ]


def tekst(stap: Stap) -> str:
    return "\n".join(b.tekst for b in stap.berichten if b.tekst)


@pytest.fixture
def sessie(demo_profiel: GemeenteProfiel) -> Sessie:
    return Sessie(demo_profiel)


def test_opening_and_first_question_in_the_same_turn(sessie: Sessie) -> None:
    stap = sessie.zeg("ik heb schulden", "hulpvraag_geldzorgen")
    assert "computerprogramma" in stap.berichten[0].tekst  # type: ignore[operator]
    assert "14 0123" in stap.berichten[0].tekst  # type: ignore[operator]
    # first person without a relation: for themself; geldzorgen does not need the age
    assert [p["vraag"] for p in payloads(stap, "vraag")] == ["wijk"]  # one question, no more


def test_what_the_first_message_says_is_not_asked_again(sessie: Sessie) -> None:
    stap = sessie.zeg(
        "mijn moeder van 80 heeft dementie, ze woont in Oosterpark", "hulpvraag_dementie"
    )
    # Who, age and wijk are known: no question about them, straight to the offer.
    assert [p["vraag"] for p in payloads(stap, "vraag")] == ["helpt_dit"]
    aanbod = payloads(stap, "aanbod")[0]
    assert aanbod["thema"] == "dementie"
    assert [i["id"] for i in aanbod["items"]] == ["a", "b", "c"]
    assert set(aanbod["items"][0]) == {
        "id",
        "naam",
        "organisatie",
        "niveau",
        "wijk",
        "telefoon",
        "website",
        "email",
        "omschrijving",
        "laatst_gecontroleerd",
        "verouderd",
    }
    assert sessie.kaart.vragen == [("dementie", 80, False, "Oosterpark", 3)]


def test_full_road_to_wmo_loket(sessie: Sessie) -> None:
    sessie.zeg("hallo", "begroeten")
    stap = sessie.zeg("ik zorg voor mijn man en ben op", "hulpvraag_mantelzorg")
    assert payloads(stap, "vraag")[0]["vraag"] == "wijk"
    stap = sessie.zeg('/geef_info{"wijk": "Westwijk"}', "geef_info", wijk="Westwijk")
    assert payloads(stap, "aanbod") and payloads(stap, "vraag")[0]["vraag"] == "helpt_dit"
    stap = sessie.zeg("nee dat is niet genoeg", "ontkennen")
    verwijzing = payloads(stap, "verwijzing")[0]
    assert verwijzing["route"] == "wmo_loket" and verwijzing["thema"] == "mantelzorg"
    assert verwijzing["loket"]["telefoon"] == "0123 45 60 00"
    assert "cliëntondersteuner" in tekst(stap) and "meenemen" in tekst(stap)
    assert sessie.toestand.route == "wmo_loket" and sessie.toestand.geholpen == "nee"


def test_years_of_caring_are_not_the_age_of_the_person_cared_for(sessie: Sessie) -> None:
    """Issue 9: "al twee jaar" read as an age sent the carer of an 80-year-old to the CJG."""
    bericht = "Ik zorg al twee jaar voor mijn moeder met dementie"
    begin = bericht.index("twee")
    crf = (  # what the CRF extractor may tag: "twee" as a leeftijd
        {"entity": "relatie", "value": "moeder", "start": 31, "end": 37},
        {"entity": "leeftijd", "value": "twee", "start": begin, "end": begin + 4},
    )
    stap = sessie.gesprek.verwerk(
        sessie.toestand, Invoer(bericht, "hulpvraag_mantelzorg", 0.9, crf)
    )
    sessie.toestand = stap.toestand
    assert (sessie.toestand.relatie, sessie.toestand.leeftijd) == ("moeder", None)
    assert payloads(stap, "vraag")[0]["vraag"] == "wijk"
    stap = sessie.zeg('/geef_info{"wijk": "Westwijk"}', "geef_info", wijk="Westwijk")
    assert payloads(stap, "vraag")[0]["vraag"] == "helpt_dit"
    stap = sessie.zeg("dit helpt niet genoeg", "ontkennen")
    assert payloads(stap, "verwijzing")[0]["route"] == "wmo_loket"


def test_child_goes_to_cjg_and_age_is_asked(sessie: Sessie) -> None:
    stap = sessie.zeg("mijn dochter wil niet meer naar school", "hulpvraag_opvoeden_opgroeien")
    assert payloads(stap, "vraag")[0]["vraag"] == "leeftijd"
    stap = sessie.zeg("14", "geef_info")
    assert payloads(stap, "vraag")[0]["vraag"] == "wijk"
    sessie.zeg("9916", "geef_info")
    assert sessie.toestand.wijk == "Molenbuurt"
    stap = sessie.zeg("ik wil iemand van de gemeente spreken", "vraag_loket")
    assert payloads(stap, "verwijzing")[0]["route"] == "cjg"


def test_yes_it_helps(sessie: Sessie) -> None:
    sessie.zeg("ik voel me zo alleen, ik woon in Centrum", "hulpvraag_eenzaamheid")
    stap = sessie.zeg("18 of ouder", "geef_info")
    assert payloads(stap, "aanbod")
    stap = sessie.zeg("ja", "bevestigen")
    assert sessie.toestand.geholpen == "ja"
    assert "Fijn" in tekst(stap) and "14 0123" in tekst(stap)


def test_no_after_it_helped_is_goodbye_not_the_loket(sessie: Sessie) -> None:
    """'Kan ik nog iets anders voor u doen?' - 'nee bedankt' must not undo 'it helped'."""
    sessie.zeg("mijn moeder van 80 in Oosterpark heeft dementie", "hulpvraag_dementie")
    stap = sessie.zeg("ja", "bevestigen")
    assert payloads(stap, "vraag")[0]["vraag"] == "nog_iets"
    stap = sessie.zeg("nee bedankt", "ontkennen")
    assert not payloads(stap, "verwijzing")
    assert "Tot ziens" in tekst(stap)
    assert sessie.toestand.geholpen == "ja" and sessie.toestand.route == "sociale_basis"


def test_yes_there_is_something_else_asks_the_new_hulpvraag(sessie: Sessie) -> None:
    sessie.zeg("mijn moeder van 80 in Oosterpark heeft dementie", "hulpvraag_dementie")
    sessie.zeg("dank je wel", "bedanken")
    stap = sessie.zeg("ja", "bevestigen")
    assert payloads(stap, "vraag")[0]["vraag"] == "hulpvraag"
    assert sessie.toestand.thema is None


def test_stale_offer_says_call_first(demo_profiel: GemeenteProfiel) -> None:
    """A stale offer is still shown, with a note in the text and the flag in the payload."""
    oud = replace(kaartje("oud"), verouderd=True, laatst_gecontroleerd=date(2020, 11, 11))
    vers = replace(kaartje("vers"), laatst_gecontroleerd=date(2026, 10, 1))
    sessie = Sessie(demo_profiel, FakeKaart([vers, oud]))
    stap = sessie.zeg("ik heb schulden, ik woon in Westwijk", "hulpvraag_geldzorgen")
    regels = tekst(stap).split("\n\n")
    [regel_vers] = [r for r in regels if r.startswith("1. Aanbod vers")]
    [regel_oud] = [r for r in regels if r.startswith("2. Aanbod oud")]
    assert teksten.AANBOD_VEROUDERD not in regel_vers
    assert regel_oud.split("\n")[2] == "   " + teksten.AANBOD_VEROUDERD  # under its contact
    assert tekst(stap).count(teksten.AANBOD_VEROUDERD) == 1
    items = payloads(stap, "aanbod")[0]["items"]
    assert [(i["id"], i["verouderd"], i["laatst_gecontroleerd"]) for i in items] == [
        ("vers", False, "2026-10-01"),
        ("oud", True, "2020-11-11"),
    ]
    # A stale sociale-basis offer is still sociale basis: no "geen vrijwillige hulp".
    assert not sessie.toestand.geen_aanbod
    json.dumps(items)  # JSON-ready for the Rasa custom payload


def test_widget_shows_the_same_stale_note() -> None:
    """The widget renders cards itself; its note must say what the bot's text says."""
    bron = (PROJECT_ROOT / "web" / "widget" / "src" / "wegwijzer.ts").read_text("utf-8")
    assert json.dumps(teksten.AANBOD_VEROUDERD) in bron
    assert "item.verouderd" in bron


def test_no_sociale_basis_is_said_honestly_and_referred(demo_profiel: GemeenteProfiel) -> None:
    sessie = Sessie(demo_profiel, FakeKaart([kaartje("av", "algemene_voorziening")]))
    stap = sessie.zeg(
        "ik kan mijn huis niet meer schoonhouden, ik woon in Westwijk", "hulpvraag_huishouden"
    )
    assert "geen vrijwillige hulp" in tekst(stap)
    assert payloads(stap, "aanbod")[0]["items"][0]["id"] == "av"
    assert payloads(stap, "verwijzing")[0]["route"] == "wmo_loket"
    assert sessie.toestand.geen_aanbod


def test_crisis_numbers_come_first_before_any_question(sessie: Sessie) -> None:
    stap = sessie.zeg("ik wil er niet meer zijn", "hulpvraag_psychisch")
    eerste = stap.berichten[0]
    assert "113" in eerste.tekst  # type: ignore[operator]
    assert eerste.payload == {
        "type": "crisis",
        "soort": "suicide",
        "nummers": [
            {"naam": "113 Zelfmoordpreventie", "telefoon": "113"},
            {"naam": "113 Zelfmoordpreventie (gratis)", "telefoon": "0800-0113"},
            {"naam": "Alarmnummer", "telefoon": "112"},
        ],
        "taal": "nl",
    }
    assert not payloads(stap, "vraag")
    assert "computerprogramma" in tekst(stap)
    assert sessie.toestand.route == "crisis_suicide"


def test_crisis_in_the_middle_interrupts(sessie: Sessie) -> None:
    sessie.zeg("ik heb schulden", "hulpvraag_geldzorgen")
    stap = sessie.zeg("mijn man slaat me als ik over geld begin", "hulpvraag_geldzorgen")
    assert payloads(stap)[0]["type"] == "crisis"
    assert payloads(stap)[0]["soort"] == "huiselijk_geweld"


def test_outside_the_domain(sessie: Sessie) -> None:
    stap = sessie.zeg("wanneer wordt het grofvuil opgehaald", "buiten_scope")
    p = payloads(stap, "buiten_scope")[0]
    assert p["contact"]["telefoon"] == "14 0123"
    assert "niet mee helpen" in tekst(stap)


def test_not_understood_twice_then_contact(sessie: Sessie) -> None:
    sessie.zeg("hallo", "begroeten")
    eerste = sessie.zeg("blabla", "nlu_fallback")
    tweede = sessie.zeg("blablabla", "nlu_fallback")
    derde = sessie.zeg("qwerty", "nlu_fallback")
    assert "anders zeggen" in tekst(eerste)
    assert "nog steeds niet" in tekst(tweede)
    assert "medewerker" in tekst(derde) and payloads(derde, "buiten_scope")
    assert sessie.toestand.route == "niet_begrepen"


def test_typed_answer_read_as_thema_is_still_an_answer(sessie: Sessie) -> None:
    sessie.zeg("ik wil graag hulp bij vervoer", "hulpvraag_vervoer")
    sessie.toestand = sessie.toestand.__class__(
        **{**sessie.toestand.__dict__, "voor_wie": None, "gevraagd": "voor_wie"}
    )
    sessie.zeg("voor mijn oma", "hulpvraag_eenzaamheid", confidence=0.5)
    assert sessie.toestand.thema == "vervoer"
    assert sessie.toestand.relatie == "oma"


def test_start_over_and_switch_thema(sessie: Sessie) -> None:
    sessie.zeg("mijn zoon van 11 wordt gepest, we wonen in Centrum", "hulpvraag_opvoeden_opgroeien")
    stap = sessie.zeg("iets anders", "iets_anders")
    assert payloads(stap, "vraag")[0]["vraag"] == "hulpvraag"
    assert sessie.toestand.thema is None and sessie.toestand.wijk == "Centrum"
    stap = sessie.zeg("opnieuw beginnen", "opnieuw_beginnen")
    assert sessie.toestand.wijk is None
    assert "opnieuw" in tekst(stap)


def test_new_thema_is_a_new_hulpvraag(sessie: Sessie) -> None:
    sessie.zeg("ik heb schulden, ik woon in Centrum", "hulpvraag_geldzorgen")
    eerste = sessie.toestand.hulpvraag_id
    sessie.zeg("ik kan ook mijn post niet lezen", "hulpvraag_administratie")
    assert sessie.toestand.hulpvraag_id != eerste
    assert sessie.toestand.thema == "administratie" and sessie.toestand.wijk == "Centrum"


@pytest.mark.parametrize("slot", [None, "", "{kapot", "[1,2]", '{"thema": 5, "onbekend": 1}'])
def test_unreadable_state_starts_fresh(slot: object) -> None:
    assert Toestand.from_slot(slot) == Toestand()


def test_state_round_trips_through_the_slot() -> None:
    t = Toestand(
        begroet=True,
        thema="wonen",
        leeftijd=70,
        onder_18=False,
        getoond=("a", "b"),
        niet_begrepen=2,
    )
    assert Toestand.from_slot(t.to_slot()) == t


@pytest.mark.parametrize(
    "bericht",
    [
        "",
        "   ",
        "x" * 6000,
        "🙂🙂🙂",
        "<script>alert(1)</script>",
        "How do I apply for help?",
        "\x00\x01\ufffd\ufffd",
        "' OR 1=1 --",
    ],
)
def test_bad_input_gets_a_dutch_answer(sessie: Sessie, bericht: str) -> None:
    stap = sessie.zeg(bericht, None)
    assert stap.berichten and all(b.tekst or b.payload for b in stap.berichten)
    # Not just any text: one of the answers meant for input we cannot use.
    antwoorden = [
        teksten.ONGELDIG_BERICHT,
        teksten.niet_begrepen(1, sessie.gesprek.profiel),
        *(getattr(teksten, naam) for naam in ("ALLEEN_NEDERLANDS", "LEEG_BERICHT") if hasattr(teksten, naam)),
    ]
    assert any(antwoord in tekst(stap) for antwoord in antwoorden), tekst(stap)
    if not any(c.isalnum() for c in bericht):
        assert teksten.niet_begrepen(1, sessie.gesprek.profiel) not in tekst(stap)
    if len(bericht) > 2000:
        assert "erg lang" in tekst(stap)


def test_slash_start_opens_the_conversation(sessie: Sessie) -> None:
    stap = sessie.zeg("/start", "start")
    assert "automatische assistent" in tekst(stap)
    assert "opnieuw" not in tekst(stap)
    assert payloads(stap, "vraag")[0]["vraag"] == "hulpvraag"


def test_unsure_offers_likely_themas_and_keeps_what_was_said(sessie: Sessie) -> None:
    vaag = Invoer(
        "mijn moeder van 90 woont alleen en redt het niet meer",
        "nlu_fallback",
        0.5,
        ranking=(
            ("nlu_fallback", 0.5),
            ("hulpvraag_huishouden", 0.41),
            ("hulpvraag_mantelzorg", 0.3),
            ("begroeten", 0.2),
            ("hulpvraag_wonen", 0.05),
        ),
    )
    stap = sessie.gesprek.verwerk(sessie.toestand, vaag)
    sessie.toestand = stap.toestand
    vraag = payloads(stap, "vraag")[0]
    assert vraag["vraag"] == "hulpvraag"
    assert [k["payload"] for k in vraag["knoppen"]] == [
        "/hulpvraag_huishouden",
        "/hulpvraag_mantelzorg",
        "/iets_anders",
    ]
    stap = sessie.zeg("/hulpvraag_huishouden", "hulpvraag_huishouden")
    assert (sessie.toestand.relatie, sessie.toestand.leeftijd) == ("moeder", 90)
    assert payloads(stap, "vraag")[0]["vraag"] == "wijk"


def test_many_wijken_are_typed_not_buttons(demo_profiel: GemeenteProfiel) -> None:
    from kern.gemeente import Wijk

    groot = demo_profiel.vervang(
        wijken=tuple(Wijk(naam=f"Wijk {i}", postcodes=(str(9000 + i),)) for i in range(1, 21))
    )
    sessie = Sessie(groot)
    stap = sessie.zeg("ik heb schulden", "hulpvraag_geldzorgen")
    vraag = payloads(stap, "vraag")[0]
    assert vraag["vraag"] == "wijk"
    assert [k["title"] for k in vraag["knoppen"]] == ["Weet ik niet"]
    sessie.zeg("Wijk 17", "geef_info")
    assert sessie.toestand.wijk == "Wijk 17"


# -- residents who write another language (triage.talen) --------------------------------------


def test_foreign_message_gets_answer_in_that_language_without_triage(sessie: Sessie) -> None:
    stap = sessie.zeg("Hello, do you speak English? I need help with my rent", "buiten_scope")
    assert "only understand Dutch" in tekst(stap)
    assert "0123 45 69 00" in tekst(stap)  # the demo gemeente's number for another language
    assert "Ik begrijp alleen Nederlands" in tekst(stap)
    assert payloads(stap, "vraag") == []
    assert payloads(stap, "buiten_scope")[0]["taal"] == "en"
    assert sessie.toestand.route == "buiten_scope"
    assert sessie.toestand.hulpvraag_id is not None


def test_foreign_message_without_own_text_gets_english(sessie: Sessie) -> None:
    stap = sessie.zeg("Salaan, waxaan u baahanahay caawimaad", None, 0.3)
    assert "only understand Dutch" in tekst(stap)
    assert payloads(stap, "buiten_scope")[0]["taal"] == "so"


def test_foreign_crisis_gets_numbers_first_and_a_line_in_that_language(sessie: Sessie) -> None:
    stap = sessie.zeg("Kocam beni dövüyor", None, 0.2)
    crisis = payloads(stap, "crisis")[0]
    assert (crisis["soort"], crisis["taal"]) == ("huiselijk_geweld", "tr")
    eerste = stap.berichten[0].tekst or ""
    assert eerste.index("0800-2000") < eerste.index("aile içi şiddet")
    assert "Sadece Hollandaca" in tekst(stap)
    assert payloads(stap, "vraag") == []


def test_english_crisis_caught_by_dutch_rules_still_explains_in_english(sessie: Sessie) -> None:
    stap = sessie.zeg("I want to kill myself", "crisis", 1.0)
    assert payloads(stap, "crisis")[0]["soort"] == "suicide"
    assert "suicide prevention" in tekst(stap)


@pytest.mark.parametrize("antwoord", ["ok", "ja", "Centrum", "De Weiden", "9904", "9901 AB"])
def test_short_answers_to_a_pending_question_stay_dutch(sessie: Sessie, antwoord: str) -> None:
    stap = sessie.zeg("ik heb schulden", "hulpvraag_geldzorgen")
    assert payloads(stap, "vraag")[0]["vraag"] == "wijk"
    stap = sessie.zeg(antwoord, "geef_info")
    assert payloads(stap, "buiten_scope") == []
    assert "only understand Dutch" not in tekst(stap)


def test_foreign_message_keeps_a_pending_dutch_question(sessie: Sessie) -> None:
    sessie.zeg("ik heb schulden", "hulpvraag_geldzorgen")
    stap = sessie.zeg("sorry, I do not understand this question", "buiten_scope")
    assert "only understand Dutch" in tekst(stap)
    assert sessie.toestand.gevraagd == "wijk"
    stap = sessie.zeg("Westwijk", "geef_info")
    assert sessie.toestand.wijk == "Westwijk"


def test_slot_round_trip_keeps_every_field() -> None:
    t = Toestand(
        begroet=True, hulpvraag_id="hv1", thema="wonen", leeftijd=80, onder_18=False,
        wijk="Centrum", gevraagd="helpt_dit", getoond=("a", "b"), route="sociale_basis",
        geholpen="nee", geen_aanbod=True, niet_begrepen=2,
    )  # fmt: skip
    assert Toestand.from_slot(t.to_slot()) == t
    assert json.loads(t.to_slot())["gevraagd"] == "helpt_dit"  # plain text in the slot


@pytest.mark.parametrize(
    "slot",
    [
        None, "", "geen json", "[1, 2]", '{"leeftijd": "80"}', '{"begroet": 1}',
        '{"leeftijd": true}', '{"gevraagd": "iets"}', '{"route": "ergens"}',
        '{"getoond": [1]}', '{"geholpen": "misschien"}', '{"thema": 3}',
    ],
)  # fmt: skip
def test_a_foreign_slot_starts_afresh(slot: str | None) -> None:
    assert Toestand.from_slot(slot) == Toestand()


def test_unknown_keys_are_ignored() -> None:
    assert Toestand.from_slot('{"nieuw_veld": 1, "begroet": true}') == Toestand(begroet=True)


def test_fields_of_any_type_are_read_back() -> None:
    """The slot model is made from the fields: str and float fields work (no type table)."""
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Uitgebreid(Toestand):
        notitie: str = ""
        score: float = 0.0

    u = Uitgebreid(notitie="x", score=0.5, begroet=True)
    assert Uitgebreid.from_slot(u.to_slot()) == u
    assert Uitgebreid.from_slot('{"score": "hoog"}') == Uitgebreid()


# -- huiselijk geweld: never an ordinary thema road ----------------------------------------------


def _index(stap: Stap, soort: str) -> int:
    return next(i for i, b in enumerate(stap.berichten) if b.payload and b.payload["type"] == soort)


@pytest.mark.parametrize(
    "bericht",
    [
        "thuis is er veel spanning en ik voel me niet veilig bij mijn partner",
        "mijn man controleert mijn telefoon en ik mag niks",
        "ik maak me zorgen om de kinderen van de buren",
    ],
)
def test_huiselijk_geweld_gets_veilig_thuis_first_and_no_triage_questions(
    sessie: Sessie, bericht: str
) -> None:
    stap = sessie.zeg(bericht, "hulpvraag_huiselijk_geweld")
    assert not payloads(stap, "crisis")  # no acute danger: not the crisis road
    assert "Hallo!" in (stap.berichten[0].tekst or "")  # the opening, then the number
    eerste = stap.berichten[1]
    assert eerste.payload is not None and eerste.payload["type"] == "veilig_thuis"
    assert [n["telefoon"] for n in eerste.payload["nummers"]][:2] == ["0800-2000", "112"]
    assert "0800-2000" in (eerste.tekst or "")
    for woord in ("gratis", "dag en nacht", "anoniem"):
        assert woord in (eerste.tekst or "")
    # offers after the number; no question for whom, how old or which wijk
    assert _index(stap, "veilig_thuis") < _index(stap, "aanbod")
    assert [p["vraag"] for p in payloads(stap, "vraag")] == ["nog_iets"]
    assert "Bent u jonger dan 18" not in tekst(stap)
    t = sessie.toestand
    assert t.route == "veilig_thuis" and t.thema == "huiselijk_geweld"
    assert t.getoond == ("a", "b", "c")
    assert sessie.kaart.vragen[-1][0] == "huiselijk_geweld"


def test_huiselijk_geweld_signal_records_the_veilig_thuis_road(sessie: Sessie) -> None:
    from datetime import date

    from signalen.signaal import signaal_uit

    sessie.zeg("mijn partner kleineert me steeds", "hulpvraag_huiselijk_geweld")
    signaal = signaal_uit(sessie.toestand, date(2026, 12, 1))
    assert signaal is not None
    assert signaal.route == "veilig_thuis" and signaal.getoond == ("a", "b", "c")


def test_huiselijk_geweld_with_a_wijk_later_shows_offers_nearby(sessie: Sessie) -> None:
    eerste = sessie.zeg("ik voel me thuis niet veilig", "hulpvraag_huiselijk_geweld")
    assert "naam van uw wijk" in tekst(eerste)  # optional, not a question we wait for
    stap = sessie.zeg("ik woon in Westwijk", "geef_info")
    assert payloads(stap)[0]["type"] == "veilig_thuis"  # the number again, first
    assert sessie.kaart.vragen[-1][3] == "Westwijk"
    assert sessie.toestand.route == "veilig_thuis"


def test_huiselijk_geweld_without_offers_still_gives_veilig_thuis(
    demo_profiel: GemeenteProfiel,
) -> None:
    sessie = Sessie(demo_profiel, FakeKaart([]))
    stap = sessie.zeg("mijn ex blijft mij lastigvallen", "hulpvraag_huiselijk_geweld")
    assert payloads(stap)[0]["type"] == "veilig_thuis"
    assert not payloads(stap, "aanbod") and not payloads(stap, "verwijzing")
    assert sessie.toestand.route == "veilig_thuis" and sessie.toestand.geen_aanbod


@pytest.mark.parametrize("intent", ["hulpvraag_huiselijk_geweld", "crisis", "nlu_fallback"])
def test_ex_at_the_door_gives_112_first_then_veilig_thuis(sessie: Sessie, intent: str) -> None:
    stap = sessie.zeg("mijn ex bedreigt me en staat nu voor de deur", intent)
    eerste = stap.berichten[0]
    assert eerste.payload is not None and eerste.payload["type"] == "crisis"
    assert [n["telefoon"] for n in eerste.payload["nummers"]][:2] == ["112", "0800-2000"]
    assert (eerste.tekst or "").index("112") < (eerste.tekst or "").index("0800-2000")
    assert not payloads(stap, "vraag")
    assert sessie.toestand.route == "crisis_huiselijk_geweld"
    assert sessie.toestand.thema == "huiselijk_geweld"


def test_suspected_child_abuse_next_door_goes_to_veilig_thuis(sessie: Sessie) -> None:
    stap = sessie.zeg(
        "Ik maak me zorgen over de kinderen van de buren, ik hoor ze elke avond schreeuwen en "
        "huilen en ik denk dat ze geslagen worden",
        "hulpvraag_huiselijk_geweld",
    )
    p = payloads(stap)[0]
    assert p["type"] == "crisis" and p["nummers"][0]["telefoon"] == "0800-2000"
    assert not payloads(stap, "vraag") and not payloads(stap, "verwijzing")


def test_suicidal_son_gets_113_first_even_when_the_classifier_says_crisis(sessie: Sessie) -> None:
    stap = sessie.zeg("Mijn zoon van 17 zegt dat hij zichzelf iets wil aandoen", "crisis", 0.97)
    p = payloads(stap)[0]
    assert p["type"] == "crisis" and p["soort"] == "suicide"
    assert p["nummers"][0]["telefoon"] == "113"
    assert sessie.toestand.route == "crisis_suicide"


def test_a_place_name_near_a_crisis_word_gets_no_crisis(sessie: Sessie) -> None:
    stap = sessie.zeg("keiskant drongen", "crisis", 1.0)
    assert not payloads(stap, "crisis")


def test_an_unconfirmed_classifier_crisis_falls_back_to_the_runner_up(sessie: Sessie) -> None:
    stap = sessie.gesprek.verwerk(
        Toestand(begroet=True),
        Invoer(
            "keiskant drongen",
            "crisis",
            0.97,
            ranking=(("crisis", 0.97), ("buiten_scope", 0.02), ("hulpvraag_wonen", 0.01)),
        ),
    )
    assert stap.crisis is None
    assert payloads(stap, "buiten_scope"), tekst(stap)
    assert not payloads(stap, "crisis")
