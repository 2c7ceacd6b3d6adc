"""Labels as Rasa 3.x NLU training data, a file to put in ``data/nlu/`` as it is.

The shape is the one the project's own files have (``version: "3.1"``, ``nlu:`` with one
``- intent: X`` and an ``examples: |`` block per intent) and what ``rasa data validate`` and
Rasa's ``RasaYAMLReader`` read. Written by hand rather than with a YAML dumper, because Rasa
wants the examples as one literal block of ``- `` lines, which dumpers do not produce.

Examples are plain text: Rasa reads ``[x](y)``, ``[x]{...}`` and ``[x][...]`` inside an
example as an entity annotation, and a de-identification tag such as ``[NAAM]`` followed by
a bracket would be taken for one; a space after the tag prevents that. Lines that already are
training examples in ``data/nlu/`` are left out (same text, ignoring case and punctuation),
so the export adds no duplicates and no contradictions with the existing data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from kern.settings import PROJECT_ROOT
from leren.groeperen import normaliseer
from leren.labels import Label

NLU_MAP = PROJECT_ROOT / "data" / "nlu"
VERSIE = "3.1"
_TAG_VOOR_HAAKJE = re.compile(r"\](?=[(\[{])")
_ANNOTATIE = re.compile(r"\[([^\]]+?)\](?:\([^)]*\)|\{[^}]*\}|\[[^\]]*\])")


@dataclass(frozen=True)
class Export:
    """The YAML text and what went into it."""

    yaml: str
    regels: int
    al_bekend: int


def voorbeeld(tekst: str) -> str:
    """One label's text as a safe example line (one line, printable, no entity syntax)."""
    schoon = "".join(ch if ch.isprintable() else " " for ch in tekst)
    return " ".join(_TAG_VOOR_HAAKJE.sub("] ", schoon).split())


def bestaande_voorbeelden(nlu_map: Path = NLU_MAP) -> set[str]:
    """The normalised text of every example in the project's NLU files (annotations removed)."""
    gevonden: set[str] = set()
    for pad in sorted(nlu_map.glob("*.yml")):
        data = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
        for blok in data.get("nlu") or []:
            if not isinstance(blok, dict) or not isinstance(blok.get("examples"), str):
                continue
            for regel in blok["examples"].splitlines():
                regel = regel.strip()
                if regel.startswith("- "):
                    gevonden.add(normaliseer(_ANNOTATIE.sub(r"\1", regel[2:])))
    return gevonden


def naar_nlu_yaml(
    labels: Iterable[Label], bestaand: set[str] | None = None, datum: str = ""
) -> Export:
    """The labels as one NLU file; intents and examples sorted, so equal labels, equal file."""
    per_intent: dict[str, set[str]] = {}
    al_bekend = 0
    for lab in labels:
        regel = voorbeeld(lab.tekst)
        if not regel:
            continue
        if bestaand is not None and normaliseer(regel) in bestaand:
            al_bekend += 1
            continue
        per_intent.setdefault(lab.intent, set()).add(regel)
    kop = "# Berichten van inwoners (gede-identificeerd), gelabeld op de beheerpagina van Wegwijzer"
    regels = [
        kop + (f" ({datum})." if datum else "."),
        "# Zet dit bestand in data/nlu/ en train het model opnieuw.",
    ]
    regels += [f'version: "{VERSIE}"', "nlu:" + ("" if per_intent else " []")]
    for intent in sorted(per_intent):
        regels += [f"- intent: {intent}", "  examples: |"]
        regels += [f"    - {v}" for v in sorted(per_intent[intent])]
    return Export("\n".join(regels) + "\n", sum(len(v) for v in per_intent.values()), al_bekend)
