"""Crisis layer: Dutch keyword rules that run on every message, next to the intent classifier.

The classifier alone is not trusted for this: rules catch informal and misspelled phrasing, and
a few guards keep ordinary hulpvragen (a carer who is "op", a toddler's tantrums) out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from triage.normaliseer import normaliseer


class CrisisSoort(str, Enum):
    """Kind of crisis; decides which numbers come first."""

    SUICIDE = "suicide"
    HUISELIJK_GEWELD = "huiselijk_geweld"
    ACUUT = "acuut"


@dataclass(frozen=True)
class Nummer:
    """A national crisis line."""

    naam: str
    telefoon: str
    toelichting: str


NUMMER_112 = Nummer("Alarmnummer", "112", "bij direct levensgevaar")
NUMMER_113 = Nummer(
    "113 Zelfmoordpreventie",
    "113",
    "bel 113 of gratis 0800-0113, dag en nacht; chatten kan via 113.nl",
)
NUMMER_113_GRATIS = Nummer("113 Zelfmoordpreventie (gratis)", "0800-0113", "dag en nacht")
VEILIG_THUIS = Nummer(
    "Veilig Thuis",
    "0800-2000",
    "gratis, dag en nacht, bij huiselijk geweld en kindermishandeling; u mag anoniem bellen",
)
KINDERTELEFOON = Nummer("De Kindertelefoon", "0800-0432", "gratis, voor kinderen van 8 tot 18 jaar")

_W = r"(?:\w+ ){0,3}"  # up to three words in between

_SUICIDE = [
    r"zelf ?m[o]{1,2}r[dt]",
    r"zelfmord",
    r"selfmoord",
    r"su[iy]c[iy]d",
    r"su[iy]s[iy]de",
    r"zelfdoding",
    r"suicidaal",
    r"\bwil (?:gewoon |echt |graag )?dood\b",
    r"\bwil (?:ik )?(?:niet|nie) meer (?:leven|verder)\b",
    r"\b(?:niet|nie) meer (?:willen |wil )?leven\b",
    r"\bwil er (?:niet|nie) meer zijn\b",
    r"\b(?:niet|nie) meer wakker (?:worden|word)\b",
    r"\bliever dood\b",
    r"\been? ?(?:eind|einde) (?:aan|an) (?:mijn|me|m) leven\b",
    r"\b(?:eind|einde) (?:er )?(?:aan|an) maken\b",
    r"\ber een (?:eind|einde) aan\b",
    r"\bmezelf (?:van kant|ophangen|iets aandoen|wat aandoen|doodmaken|te pletter)\b",
    r"\bmij(?:zelf)? (?:van kant|iets aandoen)\b",
    r"\bvan (?:een |de )?flat (?:springen|af springen)\b",
    r"\bvoor (?:de|een) trein (?:springen|gaan liggen)\b",
    r"\bgeen zin meer in (?:het|mijn|dit) leven\b",
    r"\bleven (?:heeft )?geen zin meer\b",
    r"\bbeter af zonder mij\b",
    r"\b113\b",
]
_HUISELIJK_GEWELD = [
    r"\b(?:slaat|sloeg|schopt|schopte|stompt|wurgt|wurgde|mishandelt|mishandelde|knijpt)"
    r" (?:me|mij|ons|mijn moeder|mijn vader|mn moeder|haar|hem|de kinderen|zijn kinderen"
    r"|haar kinderen|zijn kind|haar kind|mijn kinderen|mijn kind)\b",
    r"\b(?:word|wordt|werd|worden) (?:\w+ )?(?:geslagen|mishandeld|geschopt|misbruikt|bedreigd"
    r"|verkracht|aangerand|gewurgd)\b",
    r"\bmishandel",
    r"\bkindermishandeling\b",
    r"\bhuiselijk geweld\b",
    r"\bverkracht",
    r"\baangerand\b",
    r"\bseksueel misbruik",
    r"\bmisbruikt\b",
    r"\bbang (?:voor|dat) (?:mijn )?(?:man|vrouw|partner|vriend|ex|vader|moeder|stiefvader|hij|zij)\b"
    r".{0,40}\b(?:slaat|vermoordt|doodmaakt|iets aandoet|pijn doet|dood)",
    r"\bbang dat (?:hij|zij|ze) (?:me|mij) (?:\w+ ){0,2}(?:vermoordt|doodmaakt|iets aandoet)",
    r"\bdreigt (?:me|mij|ons) (?:\w+ ){0,3}(?:vermoorden|dood te maken|te slaan|iets aan te doen)",
    r"\bdurf (?:niet|nie) (?:meer )?(?:naar huis|thuis te komen)\b",
    r"\bkinderen van (?:de )?(?:buren|buurman|buurvrouw)"
    + _W
    + r"(?:geslagen|mishandeld|slaat|gillen)",
]
_ACUUT = [
    r"\bademt (?:niet|nie)\b",
    r"\bademt (?:niet|nie) meer\b",
    r"\bgeen adem\b",
    r"\breageert (?:niet|nie)(?: meer)?\b",
    r"\bbewusteloos\b",
    r"\boverdosis\b",
    r"\b(?:heel veel|alle|een hele strip|te veel) (?:pillen|medicijnen|tabletten) "
    r"(?:genomen|ingenomen|geslikt)\b",
    r"\bhartaanval\b",
    r"\bberoerte\b",
    r"\bbloedt (?:heel erg|erg|veel|heel veel)\b",
    r"\bkan (?:niet|nie) (?:meer )?ademen\b",
    r"\bstikt\b",
    r"\bniet meer wakker te krijgen\b",
    r"\bligt (?:op de grond|op de vloer)" + _W + r"(?:beweegt|reageert|bewusteloos)",
    r"\bbrand in (?:huis|de woning|mijn huis)\b",
    r"\bhelp (?:nu|snel|dringend)\b",
]
#: Ordinary parenting: a young child hitting during a tantrum is not domestic violence.
_PEUTER_GUARD = re.compile(
    r"\b(?:peuter|kleuter|driftbui|driftbuien|woedeaanval|woedeaanvallen|tantrum|boos wordt"
    r"|als hij boos is|als ze boos is|op school|andere kinderen)\b"
)
_VOLWASSEN_DADER = re.compile(
    r"\b(?:man|vrouw|partner|vriend|ex|vader|moeder|stiefvader|stiefmoeder|buurman|oom)\b"
    r" (?:\w+ )?(?:slaat|sloeg|schopt|mishandelt|wurgt)"
)
_KIND_SCHRIJVER = re.compile(
    r"\bik ben (?:[89]|1[0-7])(?: jaar)?\b|\b(?:mijn|mn) (?:ouders|stiefvader|stiefmoeder|juf|meester)\b"
    r"|\b(?:mijn|mn) (?:vader|moeder|papa|mama) (?:slaat|sloeg|schopt|mishandelt)"
)

_COMPILED = {
    CrisisSoort.ACUUT: [re.compile(p) for p in _ACUUT],
    CrisisSoort.SUICIDE: [re.compile(p) for p in _SUICIDE],
    CrisisSoort.HUISELIJK_GEWELD: [re.compile(p) for p in _HUISELIJK_GEWELD],
}


@dataclass(frozen=True)
class CrisisOordeel:
    """What the crisis layer decided for one message."""

    soort: CrisisSoort
    kind_schrijft: bool
    bron: str  # "regels" | "classifier"

    def nummers(self) -> list[Nummer]:
        """The numbers to give, most urgent first."""
        if self.soort is CrisisSoort.SUICIDE:
            nummers = [NUMMER_113, NUMMER_113_GRATIS, NUMMER_112]
        elif self.soort is CrisisSoort.HUISELIJK_GEWELD:
            nummers = [VEILIG_THUIS, NUMMER_112]
        elif self.bron == "classifier":
            nummers = [NUMMER_112, NUMMER_113, VEILIG_THUIS]
        else:
            nummers = [NUMMER_112]
        if self.kind_schrijft:
            nummers.append(KINDERTELEFOON)
        return nummers


def detecteer(text: str) -> CrisisOordeel | None:
    """Rule layer: the crisis kind of ``text``, or ``None`` for an ordinary message."""
    norm = normaliseer(text)
    if not norm:
        return None
    for soort, patterns in _COMPILED.items():
        if any(p.search(norm) for p in patterns):
            if (
                soort is CrisisSoort.HUISELIJK_GEWELD
                and _PEUTER_GUARD.search(norm)
                and not _VOLWASSEN_DADER.search(norm)
            ):
                continue
            return CrisisOordeel(soort, bool(_KIND_SCHRIJVER.search(norm)), "regels")
    return None


#: The classifier alone may raise a crisis only when it is this sure and rules found nothing.
CLASSIFIER_DREMPEL = 0.85


def beoordeel(text: str, intent: str | None, confidence: float) -> CrisisOordeel | None:
    """Combine the rule layer with the intent classifier (rules win; classifier only if sure)."""
    oordeel = detecteer(text)
    if oordeel is not None:
        return oordeel
    if intent == "crisis" and confidence >= CLASSIFIER_DREMPEL:
        norm = normaliseer(text)
        return CrisisOordeel(CrisisSoort.ACUUT, bool(_KIND_SCHRIJVER.search(norm)), "classifier")
    return None
