"""The gate in front of the conversation: the limit, empty messages, invisible characters."""

import pytest

from kern.gemeente import GemeenteProfiel
from triage import gesprek
from triage.poort import MAX_BERICHT, Reden, keur, schoon


def test_the_limit_lives_in_one_place() -> None:
    assert MAX_BERICHT == 2000
    assert gesprek.MAX_BERICHT is MAX_BERICHT  # the engine uses the gate's constant


@pytest.mark.parametrize("lengte", [MAX_BERICHT + 1, 300_000, 1_000_000])
def test_over_the_limit_is_answered_not_read(demo_profiel: GemeenteProfiel, lengte: int) -> None:
    keuring = keur("ik wil dood " * (lengte // 12 + 1), demo_profiel)
    assert keuring.reden is Reden.TE_LANG and not keuring.doorlaten
    assert keuring.tekst == ""  # nothing of the text goes on
    antwoord = keuring.antwoord or ""
    assert "te lang" in antwoord and "2.000 tekens" in antwoord
    # unread, so no crisis check ran: the numbers are always there
    assert "112" in antwoord and "113" in antwoord and "0800-2000" in antwoord
    assert "14 0123" in antwoord  # the gemeente's own number


def test_exactly_at_the_limit_passes() -> None:
    assert keur("a" * MAX_BERICHT).doorlaten
    assert not keur("a" * (MAX_BERICHT + 1)).doorlaten


def test_the_answer_needs_no_profile() -> None:
    antwoord = keur("x" * (MAX_BERICHT + 1)).antwoord or ""
    assert "te lang" in antwoord and "112" in antwoord


@pytest.mark.parametrize(
    "bericht",
    [
        None,
        "",
        "   ",
        "\n\t \r\n",
        "\u00a0\u3000\u2028",  # no-break, ideographic and line-separator space
        "\x00\x01\x07\x1b",
        "\u202e\u202d\u2066\u2069",  # bidi overrides and isolates only
        "\u200b\u200c\u200d\ufeff",  # zero-width characters and a BOM
        "\u3164\u2800",  # letters that render as nothing
        "\ud800",  # a lone surrogate (JSON "\\ud800")
    ],
)
def test_nothing_to_read_gets_a_dutch_answer(bericht: str | None) -> None:
    keuring = keur(bericht)
    assert keuring.reden is Reden.LEEG
    assert "Ik zie geen tekst" in (keuring.antwoord or "")


@pytest.mark.parametrize(
    ("bericht", "schoon_bericht"),
    [
        ("\u202ehallo", "hallo"),  # RTL override
        ("ik heb \u202bschulden\u202c", "ik heb schulden"),
        ("hal\x00lo\x07", "hallo"),
        ("mantel\u00adzorg", "mantelzorg"),  # soft hyphen
        ("regel een\nregel twee\ttab", "regel een regel twee tab"),
        ("\ufeffik zorg voor mijn moeder", "ik zorg voor mijn moeder"),
        ("  hallo  ", "hallo"),
        ("🙂🙂🙂", "🙂🙂🙂"),  # emoji pass: the engine answers them, knowing the open question
        ("café – één", "café – één"),
    ],
)
def test_invisible_characters_are_removed_before_the_nlu(bericht: str, schoon_bericht: str) -> None:
    keuring = keur(bericht)
    assert keuring.doorlaten and keuring.antwoord is None
    assert keuring.tekst == schoon_bericht


def test_schoon_leaves_printable_text_alone() -> None:
    tekst = "Mijn moeder (84) woont in Oosterpark, 9905 AB!"
    assert schoon(tekst) is tekst
