"""Dutch text analysis of the kaart search: stems, synonyms, typos, accents."""

from __future__ import annotations

import pytest

from kern.themas import THEMAS
from sociale_kaart.synoniemen import SYNONIEMEN, dichtstbijzijnde_thema, synoniemen
from sociale_kaart.tekst import sorteer_naam, stam, termen, woorden, zoekwoorden
from sociale_kaart.zoekindex import Vocabulaire, index_termen


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("kinderen", "kind"),
        ("kindje", "kind"),
        ("vergeet", "vergeten"),
        ("vergat", "vergeten"),
        ("schulden", "schuld"),
        ("brieven", "brief"),
        ("buurthuizen", "buurthuis"),
        ("maatjes", "maatje"),
        ("opvoeding", "opvoeden"),
        ("vrijwilligers", "vrijwilliger"),
        ("rolstoelen", "rolstoel"),
    ],
)
def test_verbuigingen_krijgen_dezelfde_stam(a: str, b: str) -> None:
    assert stam(a) == stam(b)


def test_ouderen_en_ouders_blijven_verschillend() -> None:
    # elderly versus parents: merging them would send parents to the ouderenadviseur
    assert stam("ouderen") != stam("ouders")
    assert stam("ouderen") == stam("oudere")


def test_accenten_en_hoofdletters_tellen_niet() -> None:
    assert woorden("Mantelzorgcafé COÖPERATIE naïef") == ["mantelzorgcafe", "cooperatie", "naief"]
    assert list(termen("Café")) == list(termen("cafe"))


def test_stopwoorden_en_vulwoorden() -> None:
    assert "de" not in list(termen("de mantelzorg"))
    assert zoekwoorden("ik zoek hulp bij mijn schulden") == ["schulden"]
    # Only filler left: keep it, or the query would be empty.
    assert zoekwoorden("hulp") == ["hulp"]


def test_sorteernaam_is_genormaliseerd() -> None:
    assert sorteer_naam("Éénoudergezin - Café") == "eenoudergezin cafe"


@pytest.mark.parametrize(("a", "b"), [("oppas", "respijt"), ("schulden", "geldzorgen")])
def test_synoniemen_werken_twee_kanten_op(a: str, b: str) -> None:
    assert stam(b) in synoniemen(stam(a))
    assert stam(a) in synoniemen(stam(b))


def test_synoniemgroepen_bevatten_geen_stopwoorden() -> None:
    for groep in SYNONIEMEN:
        for woord in groep:
            assert list(termen(woord)), f"{woord!r} verdwijnt als stopwoord"


@pytest.mark.parametrize(
    ("ingetypt", "verwacht"),
    [
        ("schulden", "geldzorgen"),
        ("mantelzrog", "mantelzorg"),
        ("Opvoeding", "opvoeden_opgroeien"),
        ("psychische klachten", "psychisch"),
        ("huiselijk geweld", "huiselijk_geweld"),
    ],
)
def test_dichtstbijzijnde_thema(ingetypt: str, verwacht: str) -> None:
    assert dichtstbijzijnde_thema(ingetypt) == verwacht
    assert verwacht in THEMAS


def test_index_termen_houden_het_zwaarste_veld() -> None:
    index = index_termen(
        naam="Mantelzorgcafé",
        organisatie="Steunpunt",
        omschrijving="Voor mantelzorgers en hun kinderen.",
        trefwoorden=["koffie", "kinderen"],
        themas=["mantelzorg"],
    )
    assert index["mantelzorgcaf"] == ("naam", 5)
    assert index[stam("kinderen")] == ("trefwoord", 4)
    assert index["mantelzorg"] == ("thema", 3)
    assert index["mantelzorger"] == ("omschrijving", 1)


VOCAB = Vocabulaire(
    [
        "mantelzorg",
        "mantelzorger",
        "mantelzorgcaf",
        "opvoedcaf",
        "caf",
        "respijt",
        "dementie",
        "kind",
    ]
)


def test_uitbreiden_exact_synoniem_afleiding_en_tikfout() -> None:
    treffers = VOCAB.uitbreiden("mantelzorg")
    assert treffers["mantelzorg"].soort == "exact"
    assert treffers["mantelzorgcaf"].soort == "afleiding"
    assert treffers["mantelzorgcaf"].kwaliteit < treffers["mantelzorg"].kwaliteit
    # mantelzorger is also listed as a synonym, which ranks above a mere derived word
    assert treffers["mantelzorger"].soort == "synoniem"

    assert VOCAB.uitbreiden("oppas")["respijt"].soort == "synoniem"
    assert VOCAB.uitbreiden("kinderen")["kind"].soort == "exact"

    tikfout = VOCAB.uitbreiden("dementei")
    assert tikfout["dementie"].soort == "tikfout"
    assert tikfout["dementie"].kwaliteit < 1.0

    cafe = VOCAB.uitbreiden("café")
    assert cafe["caf"].soort == "exact"
    assert cafe["opvoedcaf"].soort == "samenstelling"


def test_korte_woorden_krijgen_geen_tikfoutcorrectie() -> None:
    assert VOCAB.uitbreiden("kint") == {}
