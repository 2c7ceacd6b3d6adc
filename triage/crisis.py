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
    r"\bwil (?:ik )?(?:niet|nie) meer (?:leven|leve|verder)\b",
    # "niet meer leven" alone also ends "ik kan niet meer leven van mijn uitkering".
    r"\b(?:wil|wilt|willen|hoef|hoeft|hoeven) (?:\w+ )?(?:niet|nie) meer leven?\b",
    r"\b(?:niet|nie) meer (?:willen|hoeven) leven?\b",
    r"\bdood (?:wil|wilt|willen|wou)\b",
    r"\bwil (?:\w+ )?doodgaan\b",
    r"\bwou dat ik dood (?:was|ben)\b",
    r"\bvan het leven (?:te )?beroven\b",
    r"\b(?:me|mij|mezelf|mijzelf) (?:\w+ ){0,2}(?:ophangen|verhangen|doodmaken|van kant maken)\b",
    r"\b(?:snij|snijd|kras|krast|snijdt) (?:me|mij|mezelf|mijzelf|zichzelf)\b",
    r"\b(?:mezelf|mijzelf|zichzelf) (?:\w+ ){0,2}(?:snijden|krassen|beschadigen)\b",
    r"\bzelf ?moo?r(?:[dt]|\b)",
    r"\b(?:zich|zichzelf) (?:\w+ ){0,2}(?:ophangen|op te hangen|verhangen|doodmaken|dood te maken"
    r"|van kant|doden|te doden|iets aandoen|iets aan te doen)\b",
    r"\b(?:mezelf|mijzelf|me) (?:\w+ ){0,2}(?:op te hangen|te verhangen|dood te maken|te doden"
    r"|doden)\b",
    r"\b(?:mijn|me|m|zijn|haar) leven (?:te )?beeindigen\b",
    r"\bwil (?:\w+ )?(?:niet|nie) meer bestaan\b",
    r"\buit het leven (?:te )?(?:stappen|gaan|stapt)\b",
    r"\bniemand (?:zou|zal) me missen\b",
    r"\bafscheidsbericht",
    r"\b(?:doe|doet) (?:mezelf|mijzelf|zichzelf) (?:\w+ ){0,2}pijn\b",
    r"\b(?:mezelf|mijzelf|zichzelf) (?:\w+ ){0,2}(?:gesneden|gekrast|verwond|verbrand)\b",
    r"\b(?:brand|verbrand) (?:me|mezelf|mijzelf)\b",
    r"\b(?:krast|kras|snijdt) zich\b",
    r"\b(?:pillen|medicijnen|tabletten|touw|het touw|strop)\b (?:\w+ )?(?:ligt|liggen|hangt) (?:al )?klaar\b",
    r"\bik (?:\w+ ){0,2}(?:me|mij) iets (?:aandoen|aan doen|aan te doen)\b",
    r"\bzelfbeschadiging\b",
    r"\bautomutilatie\b",
    r"\bafscheidsbrief\b",
    r"\b(?:brug|flat|spoor|trein|dak|balkon|metro)\b.{0,40}\b(?:springen|spring|gaan liggen)\b",
    r"\b(?:springen|spring)\b.{0,25}\b(?:brug|flat|spoor|trein|dak|balkon)\b",
    r"\b(?:pillen|medicijnen|tabletten|slaappillen) (?:aan het )?(?:sparen|verzamelen|opsparen)\b",
    r"\b(?:spaar|spaart|verzamel|verzamelt) (?:\w+ ){0,2}(?:pillen|medicijnen|tabletten|slaappillen)\b",
    r"\b(?:al mijn|alle|een hele strip|een hoop) (?:pillen|medicijnen|tabletten|slaappillen) "
    r"(?:in ?nemen|slikken|opnemen)\b",
    r"\bkill (?:my ?self)\b",
    r"\bwant to die\b",
    r"\bwil er (?:niet|nie) meer zijn\b",
    r"\b(?:niet|nie|nooit) meer wakker (?:worden|word)\b",
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
    r"\b(?:ben|is|zijn|word|wordt|werd|worden) (?:\w+ ){0,4}(?:geslagen|mishandeld|geschopt"
    r"|misbruikt|verkracht|aangerand|gewurgd)\b",
    # Not "bedreigd met huisuitzetting": that is a housing or money problem.
    r"\b(?:ben|is|word|wordt|werd|worden) (?:\w+ ){0,4}bedreigd\b"
    r"(?! met (?:huis)?(?:uitzetting|afsluiting|ontruiming|beslag|een boete|boetes))",
    r"\b(?:word|wordt|werd|worden) (?:\w+ ){0,2}opgesloten\b",
    r"\b(?:heeft|hebben|had) (?:me|mij|ons|haar|hem|de kinderen|het kind|mijn moeder|mijn kind)"
    r" (?:\w+ ){0,3}(?:geslagen|geschopt|gewurgd|mishandeld|bedreigd|opgesloten|verkracht"
    r"|misbruikt|gestompt)\b",
    r"\b(?:houdt|hield) (?:me|mij|ons) (?:\w+ ){0,2}opgesloten\b",
    r"\b(?:hoor|horen|hoorde) (?:\w+ ){0,4}(?:klappen|gegil|gillen|om hulp (?:roepen|schreeuwen))\b",
    r"\b(?:roept|riep|schreeuwt|gilt) om hulp\b",
    r"\b(?:slaat|sloeg|schopt|schopte|stompt|wurgt|mishandelt|knijpt) (?:mama|papa|mam|pap"
    r"|(?:mijn|mn|zijn|haar|de) (?:moeder|vader|mama|papa|vrouw|man|vriendin|kinderen|kind|zoon"
    r"|dochter|oma|opa))\b",
    r"\bdoet (?:mama|papa|(?:mijn|mn) (?:moeder|vader|mama|papa|zus|broer)) (?:\w+ )?pijn\b",
    r"\b(?:me|mij|ons|de kinderen|mijn moeder|mama) (?:\w+ ){0,2}(?:vermoorden|vermoordt"
    r"|doodmaken|doodmaakt|dood maken|dood maakt|iets aandoet|iets aan doet|iets aan te doen)\b",
    r"\bdeur (?:in te trappen|intrappen|in trapt|intrapt)\b",
    r"\bkeel (?:\w+ )?dicht",
    r"\btegen de (?:muur|grond|tafel|kast|deur|vloer) (?:aan )?(?:gegooid|geduwd|geslagen|gesmeten"
    r"|gesmakt)\b",
    r"\bgooit met (?:stoelen|messen|glazen|borden)\b",
    r"(?<!ik )\bwil (?:me|mij|ons) iets (?:aandoen|aan doen)\b",
    r"\bzit (?:\w+ ){0,2}aan (?:mijn|me|m) (?:lichaam|piemel|borsten|kruis|billen)\b",
    r"\b(?:slaat|sloeg|schopt|schopte) (?:\w+ ){0,4}in (?:zijn|haar|het|mijn) gezicht\b",
    r"\bin (?:zijn|haar|mijn) gezicht (?:sloeg|slaat|schopte|schopt)\b",
    r"\blaat (?:me|mij|ons)\b.{0,40}\bopgesloten\b",
    r"(?<!ik )\bsluit (?:me|mij|ons) (?:\w+ ){0,3}op\b",
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
    r"\bpijn op (?:de|mijn|zijn|haar) borst\b",
    r"\bmond (?:\w+ )?scheef\b",
    r"\b(?:krijgt|krijg|kreeg) geen lucht\b",
    r"\b(?:wordt|word|ziet|kleurt) (?:helemaal |heel |al )?blauw\b",
    r"\bbloedt uit\b",
    r"\bbeweegt (?:niet|nie) meer\b",
    r"\b(?:schoonmaakmiddel|gif|bleek|chloor|wasmiddel|ontstopper|vergif|lampenolie)\b.{0,30}"
    r"\b(?:gedronken|opgedronken|ingeslikt|doorgeslikt|gegeten|binnengekregen)\b",
    r"\b(?:hele|halve) (?:doos|pot|strip|fles) (?:\w+ ){0,2}(?:ingenomen|geslikt|genomen"
    r"|opgedronken)\b",
    r"\bte veel (?:insuline|pillen|medicijnen|tabletten|slaappillen) (?:\w+ )?(?:gespoten|genomen"
    r"|ingenomen|geslikt)\b",
    r"\b(?:ruik|ruiken|rook) gas\b|\bgaslek\b|\bkoolmonoxide\b",
    r"\b(?:neer te steken|neersteken|steekt (?:me|mij|hem|haar) neer|dood te steken)\b",
    r"\bheeft (?:een|zijn|haar) (?:pistool|vuurwapen)\b",
    r"\bmet een (?:fles|hamer|knuppel|honkbalknuppel|stok|stoel) op (?:\w+ ){0,2}af\b",
    r"\b(?:hoofd|neus|wond) bloedt\b",
    r"\bbinnengedrongen\b",
    r"\bscheve mond\b",
    r"\ber is (?:een )?brand\b",
    r"\bstaat in (?:de )?brand\b",
    r"\bnoodgeval\b",
    r"\bik ben in (?:groot |acuut )?gevaar\b",
    r"\blevensgevaar\b",
    r"\b(?:staat|stond|dreigt|dreigde|bedreigt|bedreigde|zwaait|zwaaide|loopt|liep|komt|kwam)\b"
    r"(?: \w+){0,5} met (?:een |het |zijn |haar )?(?:mes|pistool|vuurwapen|wapen)\b",
    r"\b(?:pakt|pakte|trekt|trok) (?:een |het |zijn |haar )?(?:mes|pistool|vuurwapen)\b",
    r"\bligt op de (?:grond|vloer) en kan (?:niet|nie) (?:meer )?(?:opstaan|overeind)\b",
    r"\bbloedt (?:heel erg|erg|veel|heel veel)\b",
    r"\bkan (?:niet|nie) (?:meer )?ademen\b",
    r"\bstikt\b",
    r"\bniet meer wakker te krijgen\b",
    r"\bligt (?:op de grond|op de vloer)" + _W + r"(?:beweegt|reageert|bewusteloos)",
    r"\bbrand in (?:huis|de woning|mijn huis)\b",
    r"\bhelp (?:nu|snel|dringend)\b",
]
#: A heart attack or stroke happening now, not one in the past ("sinds de beroerte van ...").
_GEBEURTENISSEN = (
    r"(?:hartaanval|hart aanval|hartstilstand|beroerte|herseninfarct|hersenbloeding"
    r"|epileptische aanval)"
)
_ACUUT_GEBEURTENIS = re.compile(r"\b" + _GEBEURTENISSEN + r"\b")
_VERLEDEN = re.compile(
    r"\b(?:sinds|na|door|vorig jaar|vorige maand|jaar geleden|jaren geleden|ooit|vroeger)"
    r" (?:\w+ ){0,2}" + _GEBEURTENISSEN + r"\b"
    r"|\b" + _GEBEURTENISSEN + r"(?:en)? (?:\w+ ){0,2}(?:gehad|gekregen|geleden)\b"
)

#: Ordinary parenting: a young child hitting during a tantrum is not domestic violence.
_PEUTER_GUARD = re.compile(
    r"\b(?:peuter|kleuter|driftbui|driftbuien|woedeaanval|woedeaanvallen|tantrum|boos wordt"
    r"|als hij boos is|als ze boos is|op school|andere kinderen|klasgenoot|klasgenoten)\b"
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
        gevonden = any(p.search(norm) for p in patterns)
        if soort is CrisisSoort.ACUUT and not gevonden:
            gevonden = bool(_ACUUT_GEBEURTENIS.search(norm)) and not _VERLEDEN.search(norm)
        if gevonden:
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
