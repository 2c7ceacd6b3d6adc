"""The words of a hulpvraag that order the bot's offers: kept in the state, never personal data."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest

from kern.gemeente import GemeenteProfiel
from kern.themas import Niveau
from kern.zoekwoorden import MAX_ZOEKWOORDEN
from sociale_kaart.tekst import termen
from sociale_kaart.zoeken import (
    AanbodGegevens,
    AanbodKaartje,
    Resultaat,
    _op_woorden,
    zoekwoorden_uit,
)
from sociale_kaart.zoekindex import Vocabulaire
from triage.gesprek import Gesprek, Invoer, Toestand

#: A kaart vocabulary that also holds the words of the names, street and e-mail of the messages
#: below (an organisation may be called after someone): the filters, not luck, keep them out.
VOCAB = Vocabulaire(
    termen(
        "Alzheimer Café voor mensen met dementie en hun mantelzorgers. Geheugenproblemen, "
        "vergeetachtig? Vergeet u veel? Respijtzorg: even vrij van de zorg. Praktijk Jansen, Anna de Vries, "
        "Jan Bakker. Buurthuis aan de Dorpsstraat. Koffie drinken tegen eenzaamheid. "
        "Schulden en geldzorgen. Mail naar example. Moeder en vader."
    )
)


def kaartje(ident: str) -> AanbodKaartje:
    return AanbodKaartje(
        id=ident,
        naam=f"Aanbod {ident}",
        organisatie="Stichting Proef",
        niveau="sociale_basis",
        wijk=None,
        telefoon=None,
        website=None,
        email=None,
        omschrijving="Een regel.",
    )


class WoordenKaart:
    """Answers zoekwoorden from :data:`VOCAB` (the real filter) and records every lookup."""

    def __init__(self) -> None:
        self.zoekwoorden_per_vraag: list[tuple[str, ...]] = []
        self.themas: list[str] = []

    def aanbod_voor(
        self,
        thema: str,
        leeftijd: int | None,
        minderjarig: bool | None,
        wijk: str | None,
        limiet: int,
        zoekwoorden: Sequence[str] = (),
    ) -> list[AanbodKaartje]:
        self.themas.append(thema)
        self.zoekwoorden_per_vraag.append(tuple(zoekwoorden))
        return [kaartje("a"), kaartje("b")]

    def zoekwoorden(self, tekst: str) -> tuple[str, ...]:
        return zoekwoorden_uit(tekst, VOCAB)


class Sessie:
    def __init__(self, profiel: GemeenteProfiel) -> None:
        self.kaart = WoordenKaart()
        self.gesprek = Gesprek(profiel, self.kaart, id_factory=lambda: "hv")
        self.toestand = Toestand()

    def zeg(self, tekst: str, intent: str | None, **entities: str) -> None:
        ents = tuple({"entity": k, "value": v} for k, v in entities.items())
        # Through the slot every turn, as the action server does.
        stap = self.gesprek.verwerk(
            Toestand.from_slot(self.toestand.to_slot()), Invoer(tekst, intent, 0.9, ents)
        )
        self.toestand = stap.toestand


# -- the filter -----------------------------------------------------------------------------------


def test_alleen_woorden_van_de_kaart() -> None:
    assert zoekwoorden_uit("mijn moeder heeft dementie en vergeet alles", VOCAB) == (
        "dementie",
        "vergeet",
    )
    # Person words, stop words and filler words say nothing about what fits.
    assert zoekwoorden_uit("ik zoek hulp voor mijn moeder", VOCAB) == ()
    # A word the kaart does not know is not kept, not even as a typo of one it does.
    assert zoekwoorden_uit("mijn vader heeft alzeimer", VOCAB) == ()
    assert zoekwoorden_uit("Mijn moeder heeft Alzheimer", VOCAB) == ("alzheimer",)


@pytest.mark.parametrize(
    "tekst",
    [
        "Ik heet Jan Bakker en mijn moeder Anna de Vries heeft dementie",
        "mijn naam is jan bakker, ik zorg voor mijn moeder met dementie",
        "mevrouw jansen heeft dementie, bel 06-12345678 of 0591 123 456",
        "Mail naar anna.devries@example.nl of kijk op www.example.nl, dementie",
        "ik woon aan de dorpsstraat 12, 9904 AB, mijn moeder heeft dementie",
        "mijn moeder van 84 heeft dementie, postcode 9904AB, BSN 123456782",
    ],
)
def test_nooit_namen_nummers_of_adressen(tekst: str) -> None:
    woorden = zoekwoorden_uit(tekst, VOCAB)
    assert "dementie" in woorden  # what the hulpvraag is about stays
    verboden = {"jan", "bakker", "anna", "vries", "jansen", "example", "dorpsstraat", "ab"}
    assert not verboden & {d for w in woorden for d in w.split()}, woorden
    for woord in woorden:
        assert woord.islower() and woord.replace(" ", "").isalpha(), woord
        assert len(woord) >= 3


def test_hoogstens_acht_woorden() -> None:
    tekst = " ".join(["dementie alzheimer geheugenproblemen respijtzorg koffie"] * 2)
    tekst += " eenzaamheid schulden geldzorgen vergeetachtig mantelzorgers buurthuis"
    woorden = zoekwoorden_uit(tekst, VOCAB)
    assert len(woorden) == MAX_ZOEKWOORDEN == 8
    assert len(set(woorden)) == len(woorden)


# -- the state ------------------------------------------------------------------------------------


def test_toestand_met_zoekwoorden_door_het_slot() -> None:
    t = Toestand(thema="dementie", zoekwoorden=("dementie", "koffie drinken"))
    assert Toestand.from_slot(t.to_slot()) == t
    assert json.loads(t.to_slot())["zoekwoorden"] == ["dementie", "koffie drinken"]
    # An older slot without the field: no words.
    assert Toestand.from_slot(json.dumps({"thema": "dementie"})).zoekwoorden == ()


@pytest.mark.parametrize(
    "waarde",
    [
        "dementie",  # not a list
        [1, 2],
        ["Jan Bakker"],  # capitals: free text, not kaart words
        ["bel 0612345678"],
        ["anna@example.nl"],
        ["dementie"] * 9,
    ],
)
def test_slot_met_vrije_tekst_begint_opnieuw(waarde: Any) -> None:
    slot = json.dumps({"thema": "dementie", "begroet": True, "zoekwoorden": waarde})
    assert Toestand.from_slot(slot) == Toestand()


# -- the conversation -----------------------------------------------------------------------------


def test_woorden_van_de_hulpvraag_bereiken_de_kaart(demo_profiel: GemeenteProfiel) -> None:
    sessie = Sessie(demo_profiel)
    sessie.zeg("Hallo", "begroeten")
    sessie.zeg(
        "Ik ben Jan Bakker, mijn moeder heeft dementie en vergeet alles. Bel 06-12345678.",
        "hulpvraag_dementie",
    )
    assert sessie.toestand.zoekwoorden == ("dementie", "vergeet")
    assert "Bakker" not in sessie.toestand.to_slot() and "0612" not in sessie.toestand.to_slot()
    # A later message about the same hulpvraag adds its words.
    sessie.zeg("en ze is heel vergeetachtig", "hulpvraag_dementie")
    assert sessie.toestand.zoekwoorden == ("dementie", "vergeet", "vergeetachtig")
    sessie.zeg("voor mijn moeder", "geef_info", voor_wie="naaste")
    sessie.zeg("ze is 84", "geef_info", leeftijd="84")
    sessie.zeg("weet ik niet", "geef_info", wijk="onbekend")
    assert sessie.kaart.themas == ["dementie"]
    assert sessie.kaart.zoekwoorden_per_vraag == [("dementie", "vergeet", "vergeetachtig")]


def test_knop_voegt_geen_woorden_toe(demo_profiel: GemeenteProfiel) -> None:
    sessie = Sessie(demo_profiel)
    sessie.zeg("/hulpvraag_dementie", "hulpvraag_dementie")
    assert sessie.toestand.thema == "dementie"
    assert sessie.toestand.zoekwoorden == ()


def test_nieuwe_hulpvraag_en_opnieuw_vergeten_de_woorden(demo_profiel: GemeenteProfiel) -> None:
    sessie = Sessie(demo_profiel)
    sessie.zeg("mijn moeder heeft dementie", "hulpvraag_dementie")
    assert sessie.toestand.zoekwoorden == ("dementie",)
    sessie.zeg("ik heb ook schulden", "hulpvraag_geldzorgen")
    assert sessie.toestand.thema == "geldzorgen"
    assert sessie.toestand.zoekwoorden == ("schulden",)
    sessie.zeg("opnieuw beginnen", "opnieuw_beginnen")
    assert sessie.toestand.zoekwoorden == ()
    sessie.zeg("mijn moeder heeft dementie", "hulpvraag_dementie")
    sessie.zeg("iets anders", "iets_anders")
    assert sessie.toestand.zoekwoorden == ()


def test_huiselijk_geweld_krijgt_de_woorden_ook(demo_profiel: GemeenteProfiel) -> None:
    sessie = Sessie(demo_profiel)
    sessie.zeg(
        "mijn partner kleineert me steeds en ik heb ook schulden", "hulpvraag_huiselijk_geweld"
    )
    assert sessie.kaart.themas == ["huiselijk_geweld"]
    assert sessie.kaart.zoekwoorden_per_vraag == [sessie.toestand.zoekwoorden]
    assert "schulden" in sessie.toestand.zoekwoorden


# -- the merge ------------------------------------------------------------------------------------


def _resultaat(ident: str, niveau: Niveau, vers: bool = True, thema: str = "dementie") -> Resultaat:
    aanbod = AanbodGegevens(
        id=ident,
        naam=ident,
        organisatie="Stichting Proef",
        niveau=niveau,
        omschrijving="Een regel.",
        wijk_id=None,
        wijk=None,
        themas=(thema,),
        doelgroepen=(),
        leeftijd_min=None,
        leeftijd_max=None,
        telefoon=None,
        email=None,
        website=None,
        adres=None,
        postcode=None,
        openingstijden=None,
        laatst_gecontroleerd=date(2026, 1, 1),
        sorteernaam=ident,
    )
    return Resultaat(aanbod=aanbod, vers=vers, redenen=(), sorteer=())


def test_woorden_ordenen_binnen_de_ladder() -> None:
    sb, av = Niveau.SOCIALE_BASIS, Niveau.ALGEMENE_VOORZIENING
    gewoon = [
        _resultaat("sb1", sb),
        _resultaat("sb2", sb),
        _resultaat("sb3", sb),
        _resultaat("oud", sb, vers=False),
        _resultaat("av1", av),
    ]
    met_tekst = [
        _resultaat("av1", av),  # the best match, but an algemene voorziening
        _resultaat("oud", sb, vers=False),  # a match, but stale
        _resultaat("sb3", sb),
        _resultaat("elders", sb, thema="wonen"),  # outside the thema: never added
        _resultaat("sb4", sb),  # a match the plain search did not reach
    ]
    ids = [r.aanbod.id for r in _op_woorden(gewoon, met_tekst, "dementie", None)]
    assert ids == ["sb3", "sb4", "sb1", "sb2", "oud", "av1"]
    # Without matches: the plain order.
    assert [r.aanbod.id for r in _op_woorden(gewoon, [], "dementie", None)] == [
        "sb1",
        "sb2",
        "sb3",
        "oud",
        "av1",
    ]


def test_woorden_van_een_wijknaam_zijn_geen_zoekwoorden() -> None:
    tekst = "ik woon in het dementie centrum en vergeet alles"
    assert "dementie" in zoekwoorden_uit(tekst, VOCAB)
    woorden = zoekwoorden_uit(tekst, VOCAB, wijknamen=["Dementie Centrum"])
    assert "dementie" not in woorden
    assert "vergeet" in woorden


def test_eigen_wijk_blijft_voor_gemeentebreed_aanbod() -> None:
    from dataclasses import replace

    sb = Niveau.SOCIALE_BASIS
    dichtbij = _resultaat("buurt", sb)
    dichtbij = replace(dichtbij, aanbod=replace(dichtbij.aanbod, wijk="De Oude Stad", wijk_id=1))
    gewoon = [dichtbij, _resultaat("overal", sb)]
    met_tekst = [_resultaat("overal", sb)]  # the words match the gemeente-wide offer only
    ids = [r.aanbod.id for r in _op_woorden(gewoon, met_tekst, "dementie", "De Oude Stad")]
    assert ids == ["buurt", "overal"]
    # With no wijk known, the words decide.
    assert _op_woorden(gewoon, met_tekst, "dementie", None)[0].aanbod.id == "overal"
