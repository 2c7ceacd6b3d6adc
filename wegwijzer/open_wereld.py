"""What the conversation engine does with one first message, for the out-of-scope evaluation.

The out-of-scope targets are about what a resident meets, not about intent labels: an everyday
request must not *start a triage*. This module runs the real engine (:class:`triage.gesprek.Gesprek`)
on an NLU parse result from a fresh conversation and names the outcome:

- ``crisis``: crisis numbers were shown (rules, or the classifier's ``crisis`` when sure);
- ``triage``: a hulpvraag thema was chosen (the engine then asks for whom, how old, which wijk,
  or shows offers), or the "welk thema bedoelt u" clarification with thema buttons was asked;
- ``buiten_scope``: the short "outside what I can help with" answer with the gemeente's contact;
- ``niet_begrepen``: "sorry, I did not understand", without thema buttons;
- ``hulpvraag_gevraagd``: the neutral "waar kan ik u mee helpen?" with all thema buttons
  (after a greeting, "ja", "nee" and the like);
- ``uitleg``, ``afscheid``, ``bedanken``, ``loket``: the engine's other answers.

Both ``make eval-nlu`` and ``tests/rasa/test_buiten_scope.py`` use it, so the figures in the
report and the test are the same figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kern.gemeente import GemeenteProfiel, load_profiel
from kern.settings import PROJECT_ROOT
from sociale_kaart.zoeken import AanbodKaartje
from triage import teksten
from triage.gesprek import Gesprek, Invoer, Toestand

#: The out-of-scope evaluation set: everyday Dutch messages, never in ``data/nlu``.
EVALUATIE_SET = PROJECT_ROOT / "tests" / "buiten_scope" / "evaluatie.txt"
#: Social-domain messages that sound everyday (a ride to the dagbesteding): ``intent<TAB>text``.
CONTRAST_SET = PROJECT_ROOT / "tests" / "buiten_scope" / "binnen_domein.tsv"
DEMO_PROFIEL = PROJECT_ROOT / "demo_gemeente" / "gemeente.yml"

UITKOMSTEN = (
    "triage",
    "crisis",
    "buiten_scope",
    "niet_begrepen",
    "hulpvraag_gevraagd",
    "uitleg",
    "afscheid",
    "bedanken",
    "loket",
    "anders",
)

_ENTITEIT = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([^)]*\))")
_NIET_WOORD = re.compile(r"[^\w]+")


class LegeKaart:
    """A kaart without offers: the outcome must not depend on what a gemeente has mapped."""

    def aanbod_voor(
        self,
        thema: str,
        leeftijd: int | None,
        minderjarig: bool | None,
        wijk: str | None,
        limiet: int,
        zoekwoorden: Sequence[str] = (),
    ) -> list[AanbodKaartje]:
        """No offers."""
        return []

    def zoekwoorden(self, tekst: str) -> tuple[str, ...]:
        """No words: the outcome must not depend on the kaart's vocabulary either."""
        return ()


def toets_gesprek(profiel: GemeenteProfiel | None = None) -> Gesprek:
    """The engine with the demo gemeente and an empty kaart."""
    return Gesprek(profiel or load_profiel(DEMO_PROFIEL), LegeKaart(), id_factory=lambda: "toets")


def uitkomst(gesprek: Gesprek, parse: dict[str, Any]) -> str:
    """The outcome (one of :data:`UITKOMSTEN`) of ``parse`` as the first message of a chat."""
    stap = gesprek.verwerk(Toestand(), Invoer.uit_parse(parse))
    t = stap.toestand
    if stap.crisis is not None:
        return "crisis"
    if t.thema is not None:
        return "triage"
    teksten_ = [b.tekst for b in stap.berichten if b.tekst]
    if teksten.WELK_THEMA in teksten_:
        return "triage"
    if t.route == "buiten_scope":
        return "buiten_scope"
    if t.route is not None:
        return "loket"
    if t.gevraagd == "hulpvraag":
        return "hulpvraag_gevraagd"
    if t.gevraagd == "nog_iets":
        return "bedanken"
    if t.niet_begrepen:
        return "niet_begrepen"
    intent = (parse.get("intent") or {}).get("name")
    if intent == "bot_vraag":
        return "uitleg"
    if intent == "afscheid":
        return "afscheid"
    return "anders"


def lees_regels(pad: Path = EVALUATIE_SET) -> list[str]:
    """Non-empty lines that are not ``#`` comments."""
    regels = []
    for regel in pad.read_text(encoding="utf-8").splitlines():
        regel = regel.strip()
        if regel and not regel.startswith("#"):
            regels.append(regel)
    return regels


def lees_contrast(pad: Path = CONTRAST_SET) -> list[tuple[str, str]]:
    """``(text, intent)`` pairs of the contrast set."""
    paren = []
    for regel in lees_regels(pad):
        intent, _, tekst = regel.partition("\t")
        paren.append((tekst.strip(), intent.strip()))
    return paren


def sleutel(tekst: str) -> str:
    """Comparison key: case, accents, punctuation and spacing do not make a line new."""
    tekst = unicodedata.normalize("NFKD", tekst.casefold())
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    return _NIET_WOORD.sub(" ", tekst).strip()


def trainingszinnen(map_: Path = PROJECT_ROOT / "data" / "nlu") -> set[str]:
    """The :func:`sleutel` of every training example (entity markup removed)."""
    import yaml

    zinnen: set[str] = set()
    for pad in sorted(map_.glob("*.yml")):
        for blok in (yaml.safe_load(pad.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in blok:
                continue
            for regel in str(blok.get("examples", "")).splitlines():
                regel = regel.strip()
                if regel.startswith("- "):
                    zinnen.add(sleutel(_ENTITEIT.sub(r"\1", regel[2:])))
    return zinnen


def overlap_met_training(
    regels: Iterable[str], map_: Path = PROJECT_ROOT / "data" / "nlu"
) -> list[str]:
    """Evaluation lines that are also a training example (they would flatter the figures)."""
    training = trainingszinnen(map_)
    return [r for r in regels if sleutel(r) in training]


@dataclass(frozen=True)
class OosResultaat:
    """Outcomes on the out-of-scope set."""

    per_regel: tuple[tuple[str, str, str], ...]  # (text, intent, outcome)

    @property
    def aantal(self) -> int:
        """Number of lines."""
        return len(self.per_regel)

    def telling(self) -> Counter[str]:
        """Lines per outcome."""
        return Counter(u for _, _, u in self.per_regel)

    def aandeel(self, uitkomst_: str) -> float:
        """Share of the lines with this outcome."""
        return self.telling()[uitkomst_] / self.aantal if self.aantal else 0.0

    def intents(self) -> Counter[str]:
        """Lines per predicted intent."""
        return Counter(i for _, i, _ in self.per_regel)

    def met(self, uitkomst_: str) -> list[tuple[str, str]]:
        """``(text, intent)`` of the lines with this outcome."""
        return [(t, i) for t, i, u in self.per_regel if u == uitkomst_]


def evalueer_oos(parses: Iterable[dict[str, Any]], gesprek: Gesprek | None = None) -> OosResultaat:
    """Run the engine on each parse result (each as the first message of a new chat)."""
    gesprek = gesprek or toets_gesprek()
    rijen = []
    for parse in parses:
        intent = str((parse.get("intent") or {}).get("name"))
        rijen.append((str(parse.get("text") or ""), intent, uitkomst(gesprek, parse)))
    return OosResultaat(tuple(rijen))
