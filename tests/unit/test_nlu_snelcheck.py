"""The quick NLU data check finds what it promises to find."""

from pathlib import Path

from wegwijzer.nlu_snelcheck import (
    crisis_tegenstrijdig,
    dubbelen,
    kruisvalidatie,
    lees_voorbeelden,
    main,
)

DATA = """version: "3.1"
nlu:
- intent: hulpvraag_geldzorgen
  examples: |
    - ik heb [schulden](thema)
    - ik heb schulden
    - mijn man slaat me
- intent: hulpvraag_vervoer
  examples: |
    - Ik heb schulden
- synonym: moeder
  examples: |
    - mama
"""


def _schrijf(tmp_path: Path, tekst: str) -> Path:
    (tmp_path / "nlu.yml").write_text(tekst, encoding="utf-8")
    return tmp_path


def test_markup_removed_and_synonyms_skipped(tmp_path: Path) -> None:
    voorbeelden = lees_voorbeelden(_schrijf(tmp_path, DATA))
    assert [v.tekst for v in voorbeelden] == [
        "ik heb schulden",
        "ik heb schulden",
        "mijn man slaat me",
        "Ik heb schulden",
    ]


def test_duplicates_across_intents_and_crisis_conflicts(tmp_path: Path) -> None:
    voorbeelden = lees_voorbeelden(_schrijf(tmp_path, DATA))
    assert dubbelen(voorbeelden) == [
        ("ik heb schulden", ["hulpvraag_geldzorgen", "hulpvraag_geldzorgen", "hulpvraag_vervoer"])
    ]
    assert [v.tekst for v in crisis_tegenstrijdig(voorbeelden)] == ["mijn man slaat me"]
    assert main(["--data", str(tmp_path)]) == 1


def test_cross_validation_separates_clear_intents(tmp_path: Path) -> None:
    regels = ['version: "3.1"', "nlu:"]
    for intent, woorden in (
        ("a", ["schulden", "rekeningen", "geld", "aanmaning", "deurwaarder"]),
        ("b", ["rolstoel", "rollator", "scootmobiel", "krukken", "traplift"]),
    ):
        regels += [f"- intent: {intent}", "  examples: |"]
        regels += [f"    - vraag over {w} nummer {i}" for w in woorden for i in range(4)]
    voorbeelden = lees_voorbeelden(_schrijf(tmp_path, "\n".join(regels) + "\n"))
    macro, per_intent, _, fout = kruisvalidatie(voorbeelden)
    assert set(per_intent) == {"a", "b"}
    assert macro > 0.9 and len(fout) < 3
