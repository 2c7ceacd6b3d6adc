"""The resident summary the loket copies, and the labels the CLI, page and API share."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kern.themas import Niveau
from sociale_kaart.samenvatting import samenvatting
from sociale_kaart.weergave import (
    datum_nl,
    niveau_label,
    verouderd_label,
    waarom_hier,
    wijk_label,
)
from sociale_kaart.zoeken import AanbodGegevens, Resultaat

AANBOD = AanbodGegevens(
    id="lw-001",
    naam="Mantelzorgcafé",
    organisatie="Mantelzorgsteunpunt Lindewaard",
    niveau=Niveau.SOCIALE_BASIS,
    omschrijving="In het Mantelzorgcafé ontmoet u andere mantelzorgers. Elke maand iets anders.",
    wijk_id=None,
    wijk=None,
    themas=("mantelzorg",),
    doelgroepen=("mantelzorgers",),
    leeftijd_min=None,
    leeftijd_max=None,
    telefoon="0123 45 62 00",
    email="info@mantelzorg.example",
    website="https://www.mantelzorg.example/cafe",
    adres="Kerkstraat 12",
    postcode="9902 BC",
    openingstijden="elke eerste dinsdag van de maand 19.30 - 21.30 uur",
    laatst_gecontroleerd=date(2026, 3, 12),
    sorteernaam="mantelzorgcafe",
)
REDENEN = (
    "niveau: sociale basis",
    "voor de hele gemeente",
    "actueel: laatst gecontroleerd 2026-03-12",
    "tekst: 'mantelzorg' in naam (1 van 1 zoekwoorden, score 9.9)",
)


def _resultaat(aanbod: AanbodGegevens = AANBOD, vers: bool = True) -> Resultaat:
    return Resultaat(aanbod=aanbod, vers=vers, redenen=REDENEN, sorteer=())


def test_samenvatting_b1_met_alle_velden() -> None:
    assert samenvatting(_resultaat()) == (
        "Mantelzorgcafé (Mantelzorgsteunpunt Lindewaard)\n"
        "Wat is het: In het Mantelzorgcafé ontmoet u andere mantelzorgers.\n"
        "Telefoon: 0123 45 62 00\n"
        "Website: https://www.mantelzorg.example/cafe\n"
        "Openingstijden: elke eerste dinsdag van de maand 19.30 - 21.30 uur"
    )


def test_samenvatting_laat_ontbrekende_velden_weg_en_geeft_dan_email() -> None:
    tekst = samenvatting(
        _resultaat(replace(AANBOD, telefoon=None, website=None, openingstijden=None))
    )
    assert "Telefoon" not in tekst and "Website" not in tekst and "Openingstijden" not in tekst
    assert "onbekend" not in tekst and "None" not in tekst
    assert tekst.endswith("E-mail: info@mantelzorg.example")
    # With a phone number the e-mail address is not needed.
    assert "E-mail" not in samenvatting(_resultaat())


def test_samenvatting_verouderd_zegt_eerst_bellen() -> None:
    tekst = samenvatting(_resultaat(vers=False))
    assert tekst.splitlines()[-1] == (
        "Let op: deze gegevens zijn al lang niet gecontroleerd. Bel eerst even."
    )
    assert "Let op" not in samenvatting(_resultaat(vers=True))


def test_samenvatting_houdt_tekst_zoals_hij_is() -> None:
    """Plain text: escaping is the page's job (Jinja), the clipboard gets the text as it is."""
    naam = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
    tekst = samenvatting(_resultaat(replace(AANBOD, naam=naam)))
    assert tekst.splitlines()[0] == f"{naam} (Mantelzorgsteunpunt Lindewaard)"


def test_labels_voor_cli_pagina_en_api() -> None:
    assert niveau_label(Niveau.ALGEMENE_VOORZIENING) == "algemene voorziening"
    assert niveau_label("sociale_basis") == "sociale basis"
    assert wijk_label(None) == "hele gemeente"
    assert wijk_label("Oosterpark") == "Oosterpark"
    assert verouderd_label(365) == "VEROUDERD (> 365 dagen)"
    assert datum_nl(date(2026, 3, 12)) == "12-03-2026"
    assert datum_nl(None) == "nooit"
    assert waarom_hier(_resultaat()) == [REDENEN[1], REDENEN[3]]
