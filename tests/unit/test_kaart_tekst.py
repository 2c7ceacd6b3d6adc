"""Dutch text analysis of the kaart search: stems, synonyms, typos, accents."""

from __future__ import annotations

import pytest

from kern.themas import THEMAS
from sociale_kaart.synoniemen import (
    ALGEMEEN,
    GROEPEN,
    MEERDUIDIG,
    SYNONIEMEN,
    ZINSDELEN,
    analyseer,
    dichtstbijzijnde_thema,
    synoniemen,
)
from sociale_kaart.tekst import (
    Woordenlijst,
    is_woord,
    sorteer_naam,
    stam,
    termen,
    verbeteringen,
    woorddelen,
    woorden,
    woordenlijst,
)
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


def _woorden(tekst: str) -> list[str]:
    return [b.woord for b in analyseer(tekst).begrippen]


def test_stopwoorden_en_vulwoorden() -> None:
    assert "de" not in list(termen("de mantelzorg"))
    assert _woorden("ik zoek hulp bij mijn schulden") == ["schulden"]
    # Only filler left: keep it, or the query would be empty.
    assert _woorden("hulp") == ["hulp"]
    # "met anderen" says nothing about the need
    assert _woorden("koffie drinken met anderen") == ["koffie drinken"]


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
    # café is a word of its own: a compound, not a derived word like mantelzorger
    assert treffers["mantelzorgcaf"].soort == "samenstelling"
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


# ------------------------------------------------------------------ word list and typo tolerance


@pytest.mark.parametrize(
    "woord", ["anderen", "drinken", "koffie", "eenzaam", "formulieren", "soos", "vergeetachtig"]
)
def test_gewone_nederlandse_woorden_staan_in_de_woordenlijst(woord: str) -> None:
    assert is_woord(woord)


@pytest.mark.parametrize("woord", ["mantelzrog", "knutsselen", "schuldhlup", "dementei"])
def test_tikfouten_staan_niet_in_de_woordenlijst(woord: str) -> None:
    assert not is_woord(woord)


@pytest.mark.parametrize(
    ("tikfout", "bedoeld"),
    [
        ("eenzaamhied", "eenzaamheid"),  # two letters swapped
        ("formuleir", "formulier"),
        ("rolator", "rollator"),  # a letter left out
        ("mantelzrog", "mantelzorg"),
    ],
)
def test_verbeteringen_zijn_nederlandse_woorden_een_bewerking_verder(
    tikfout: str, bedoeld: str
) -> None:
    gevonden = verbeteringen(tikfout)
    assert bedoeld in gevonden
    assert all(is_woord(w) for w in gevonden)


@pytest.mark.parametrize("woord", ["anderen", "eenzaam", "kint", "a1b2c"])
def test_geen_verbeteringen_voor_goede_korte_of_vreemde_woorden(woord: str) -> None:
    assert verbeteringen(woord) == ()


def test_tikfout_aan_het_eind_van_een_lang_woord_vindt_de_stam() -> None:
    # "eenzaamhied" is five edits from the index term "eenzam", one from the word "eenzaamheid"
    vocab = Vocabulaire([stam("eenzaamheid"), stam("ontmoeten")])
    treffer = vocab.uitbreiden("eenzaamhied")[stam("eenzaamheid")]
    assert treffer.soort == "tikfout"
    assert treffer.kwaliteit < 1.0


def test_woordenlijst_is_groot_en_klein_in_geheugen() -> None:
    # the lemma tables of spacy-lookups-data: some 400,000 forms, as 8-byte hashes
    assert len(woordenlijst()) > 300_000
    lijst = Woordenlijst.van_woorden(["koffie", "thee"])
    assert "koffie" in lijst and "bier" not in lijst and len(lijst) == 2


@pytest.mark.parametrize(
    ("woord", "delen"),
    [
        ("huiswerkbegeleiding", ("huiswerk", "begeleiding")),
        ("ouderenadviseur", ("ouderen", "adviseur")),
        ("seniorensoos", ("senioren", "soos")),
        ("mantelzrog", None),
    ],
)
def test_samenstellingen_worden_gesplitst(woord: str, delen: tuple[str, str] | None) -> None:
    assert woorddelen(woord) == delen


def test_een_gewoon_woord_wordt_geen_naam() -> None:
    """'anderen' is Dutch: never a typo for the name 'Anker' (one edit away)."""
    vocab = Vocabulaire(["anker", "buurthuis", "koffie"])
    assert vocab.uitbreiden("anderen") == {}
    # a real typo of a word that is not Dutch is still corrected
    assert vocab.uitbreiden("buurthius")["buurthuis"].soort == "tikfout"


def test_samenstelling_die_de_kaart_niet_kent_zoekt_op_zijn_delen() -> None:
    vocab = Vocabulaire(["huiswerk", "begeleid"])
    treffers = vocab.uitbreiden("huiswerkbegeleiding")
    assert treffers["huiswerk"].soort == "woorddeel"
    assert treffers["huiswerk"].kwaliteit > treffers["begeleid"].kwaliteit


def test_voltooid_deelwoord_vindt_het_werkwoord() -> None:
    vocab = Vocabulaire([stam("pesten")])
    assert vocab.uitbreiden("gepest")[stam("pesten")].soort == "afleiding"


# ------------------------------------------------------------------ meaning: needs and phrases


def test_koffie_drinken_gaat_over_ontmoeten_niet_over_alcohol() -> None:
    analyse = analyseer("eenzaam, koffie drinken met anderen")
    assert [b.woord for b in analyse.begrippen] == ["eenzaam", "koffie drinken"]
    assert analyse.behoeften == {"eenzaamheid"}
    koffie = analyse.begrippen[1]
    assert koffie.zoek == ("koffie",) and "ontmoeten" in koffie.verwant
    assert not {"alcohol", "drank"} & set(koffie.verwant)


@pytest.mark.parametrize(
    "tekst",
    ["mijn man drinkt te veel", "hij wil stoppen met drinken", "drinken, vooral bier"],
)
def test_drinken_bij_te_veel_of_bier_gaat_over_verslaving(tekst: str) -> None:
    analyse = analyseer(tekst)
    assert "verslaving" in analyse.behoeften
    assert any("alcohol" in b.verwant for b in analyse.begrippen)


def test_drinken_zonder_context_krijgt_geen_synoniemen() -> None:
    (drinken,) = analyseer("drinken").begrippen
    assert drinken.verwant == () and drinken.behoefte is None


def test_synoniemen_blijven_binnen_de_behoefte() -> None:
    # 'drinken' is in no group: its meaning depends on the query (MEERDUIDIG)
    assert stam("drinken") not in synoniemen(stam("alcohol"))
    assert stam("drank") in synoniemen(stam("alcohol"), frozenset({"verslaving"}))


def test_ouders_vindt_geen_ouderen() -> None:
    vocab = Vocabulaire([stam("ouderen"), stam("ouderenadviseur"), stam("ouders")])
    analyse = analyseer("ouders")
    treffers = vocab.uitbreiden("ouders", analyse.behoeften)
    assert stam("ouders") in treffers
    assert stam("ouderen") not in treffers


def test_meerduidige_woorden_staan_niet_ook_in_een_groep() -> None:
    for woord in MEERDUIDIG:
        for groep in GROEPEN:
            assert woord not in groep.woorden, (woord, groep)


def test_zinsdelen_hebben_een_bekende_behoefte() -> None:
    for zinsdeel in ZINSDELEN:
        # a thema, or the general question that belongs to no thema ("weet niet waar te beginnen")
        assert zinsdeel.behoefte in THEMAS or zinsdeel.behoefte == ALGEMEEN, zinsdeel
        assert zinsdeel.woorden and zinsdeel.zoek, zinsdeel
