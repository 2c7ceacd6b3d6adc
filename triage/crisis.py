"""Crisis layer: Dutch keyword rules that run on every message, next to the intent classifier.

The classifier alone is not trusted for this: rules catch informal and misspelled phrasing, and
a few guards keep ordinary hulpvragen (a carer who is "op", a toddler's tantrums), idioms ("ik
ga dood van de stress"), past events, fiction and news out.

How a verdict is reached (:func:`detecteer`):

1. The text is normalised (:func:`triage.normaliseer.normaliseer`) and informal spelling is
   rewritten ("mn" -> "mijn", "ie" -> "hij", "k" -> "ik", ...), so one pattern covers both.
2. Each family of patterns is tried: acute medical danger, suicide (own or of a third party),
   acute danger from a person (at the door or on the way, a weapon, locked in, "ik ben bang
   dat hij me iets aandoet"), and violence or abuse (own, of others, suspected, of an elderly
   person by a carer or relative, financial abuse, neglect).
3. Guards remove matches that only *mention* a crisis: fiction and news without a personal
   tie, a past event with nothing in the present tense, a completed suicide someone grieves.
4. Priority: medical emergency (112) > suicide (113 first) > danger from a person (112, then
   Veilig Thuis) > violence or abuse (Veilig Thuis first, then 112).

A crisis raised by the classifier alone (:func:`beoordeel`) needs a crisis word in the text
(:data:`_STEUN`), matched exactly, never by edit distance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from kern.routes import CrisisRoute, crisis_route
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

# -- informal spelling ---------------------------------------------------------------------------

#: Whole-word rewrites of chat spelling, applied after :func:`normaliseer`.
_INFORMEEL = {
    "mn": "mijn",
    "mjn": "mijn",
    "myn": "mijn",
    "zn": "zijn",
    "zijn'": "zijn",
    "ie": "hij",
    "hy": "hij",
    "k": "ik",
    "ikke": "ik",
    "nie": "niet",
    "nt": "niet",
    "m": "hem",
    "wa": "wat",
    "iemant": "iemand",
    "mischien": "misschien",
    "vermoort": "vermoordt",
    "ff": "even",
    "nu's": "nu",
}
_WOORD = re.compile(r"[0-9a-z@'\-]+")

# -- building blocks -----------------------------------------------------------------------------

_W = r"(?:\w+ ){0,3}"  # up to three words in between
#: People a resident may write about (after "mijn", "zijn", "de", ...).
_REL = (
    r"(?:man|vrouw|partner|vriend|vriendin|vriendje|vriendinnetje|ex|ex-?partner|ex-?man|ex-?vrouw"
    r"|ex-?vriend|ex-?vriendin|echtgenoot|echtgenote|vader|moeder|pa|ma|papa|mama|pap|mam"
    r"|stiefvader|stiefmoeder|stiefzoon|stiefdochter|broer|broertje|zus|zusje|zoon|zoontje"
    r"|dochter|dochtertje|kind|kindje|kinderen|kids|baby|oom|tante|opa|oma|neef|nicht|nichtje"
    r"|schoonvader|schoonmoeder|schoonzoon|schoondochter|zwager|schoonzus|kleinzoon"
    r"|kleindochter|kleinkind|kleinkinderen|buurman|buurvrouw|buurjongen|buurmeisje|buren"
    r"|buurkind|buurkinderen|huisgenoot|vader van \w+|moeder van \w+)"
)
_BEZIT = r"(?:mijn|zijn|haar|onze|ons|hun|de|het|die|dat|een)"
#: A person as subject of a sentence.
_IEMAND = rf"(?:hij|zij|ze|iemand|{_BEZIT} (?:\w+ )?{_REL}|papa|mama)"
#: A person as object ("slaat me", "slaat zijn kinderen").
_SLACHTOFFER = rf"(?:me|mij|ons|haar|hem|mama|papa|mam|pap|{_BEZIT} (?:\w+ )?{_REL})"
_AANDOEN = r"(?:aandoen|aandoet|aan doen|aan doet|aan te doen|aandoe|aan zal doen|aan gaat doen|aan wil doen)"
_VERMOORDEN = (
    r"(?:vermoorden|vermoordt|vermoord|doodmaken|doodmaakt|dood maken|dood maakt|dood te maken"
    r"|van kant maken|van kant te maken|kapot maken|kapotmaken|kapot maakt|kapotmaakt"
    r"|neersteken|neer te steken|doodsteken|dood te steken|steken|neerschieten|dood te schieten"
    r"|doodschieten|afmaken|af te maken)"
)
_GEWELD_NU = r"(?:slaat|schopt|stompt|wurgt|mishandelt|mishandeld|misbruikt|verkracht|knijpt|trapt|slaan|mishandelen)"
_DEELWOORD = (
    r"(?:geslagen|geslage|mishandeld|mishandelt|geschopt|misbruikt|verkracht|aangerand|gewurgd"
    r"|gestompt|in elkaar geslagen|afgetuigd)"
)
_HULPWW = r"(?:ben|is|zijn|word|wordt|worden|werd|werden|wort)"

_ZELF_DODEN = (
    r"(?:ophangen|op te hangen|ophangt|verhangen|te verhangen|verhangt|doodmaken|dood te maken"
    r"|doodmaakt|van kant|doden|te doden|iets aandoen|wat aandoen|iets aan te doen|wat aan te doen)\b"
)

# -- suicide -------------------------------------------------------------------------------------

#: Intent or plan, first or third person: no guard removes these (except fiction).
_SUICIDE_STERK = [
    r"\bwil (?:gewoon |echt |graag |nu |zo )?(?:dood|doodgaan|dood gaan)\b(?! (?:graag|gewoon|even) )",
    r"\bwil (?:ik|hij|ze|zij) (?:\w+ )?(?:dood|doodgaan)\b",
    r"\b(?:wil|wilt|willen|hoef|hoeft|hoeven) (?:\w+ ){0,2}(?:niet|nie|nooit) meer (?:verder )?(?:te )?leven?\b",
    r"\b(?:niet|nie) meer (?:verder )?(?:wil|wilt|willen|hoef|hoeft|hoeven) (?:te )?leven?\b",
    r"\bwil (?:ik |hij |ze |zij )?(?:niet|nie) meer (?:leven|leve|verder)\b",
    r"\bdood (?:wil|wilt|willen|wou|zijn wil)\b",
    r"\bwou dat (?:ik|hij|ze|zij) dood (?:was|ben|is|waren)\b",
    r"\bliever dood\b",
    r"\bvan het leven (?:\w+ )?(?:te )?beroven\b",
    r"\bhet leven zat\b",
    r"\blevensmoe\b",
    r"\b(?:mezelf|mijzelf|zich|zichzelf) (?:\w+ ){0,2}" + _ZELF_DODEN,
    # "me" only with "ik" as subject: "hij dreigt me dood te maken" is violence, not suicide
    r"(?:\bik (?:(?!hij |zij |ze |dat |die )\w+ ){0,3}|^(?:wil|ga|zal|moet) (?:\w+ )?)(?:me|mij) (?:\w+ ){0,2}"
    + _ZELF_DODEN,
    r"\b(?:mezelf|mijzelf|zichzelf|zich)\b(?: \w+){0,3}? (?:iets|wat|pijn)\b(?: \w+){0,3}? "
    + _AANDOEN,
    r"\b(?:mezelf|mijzelf|zichzelf|zich) (?:\w+ ){0,2}(?:iets|wat) aan (?:\w+ ){0,2}doen\b",
    r"\b(?:doe|doet|deed) (?:mezelf|mijzelf|zichzelf|zich) (?:\w+ ){0,2}(?:iets|wat) aan\b",
    # "ik wil me iets aandoen", but not "ik ben bang dat hij me iets aandoet"
    r"\bik (?:(?!hij |zij |ze |dat |die )\w+ ){0,2}(?:me|mij) (?:iets|wat) (?:\w+ ){0,2}"
    + _AANDOEN,
    r"\b(?:mijn|me|m|zijn|haar|hun) leven (?:\w+ ){0,2}(?:te )?(?:beeindigen|beindigen|stoppen)\b",
    r"\b(?:wil|wilt|willen) (?:\w+ )?(?:niet|nie) meer bestaan\b",
    r"\buit het leven (?:te )?(?:\w+ )?(?:stappen|gaan|stapt)\b",
    r"\bniemand (?:zou|zal) (?:me|mij|hem|haar) missen\b",
    r"\bbeter af (?:\w+ ){0,2}zonder (?:mij|me|hem|haar)\b",
    r"\b(?:pillen|medicijnen|tabletten|touw|het touw|strop)\b (?:\w+ )?(?:ligt|liggen|hangt) (?:al )?klaar\b",
    r"\bheb (?:een |het )?touw gekocht\b",
    r"\bstrop\b",
    r"\b(?:brug|flat|spoor|trein|dak|balkon|metro|raam|viaduct)\b.{0,40}\b(?:springen|spring|springt|gaan liggen)\b",
    r"\b(?:springen|spring|springt)\b.{0,25}\b(?:brug|flat|spoor|trein|dak|balkon|viaduct)\b",
    r"\bvoor (?:de|een) (?:trein|metro|vrachtwagen|auto) (?:te )?(?:springen|gaan liggen|lopen)\b",
    r"\b(?:pillen|medicijnen|tabletten|slaappillen) (?:aan het )?(?:sparen|verzamelen|opsparen|spaart"
    r"|gespaard|opgespaard|verzameld)\b",
    r"\b(?:spaar|spaart|verzamel|verzamelt|gespaard) (?:\w+ ){0,2}(?:pillen|medicijnen|tabletten|slaappillen)\b",
    r"\b(?:al mijn|al zijn|al haar|alle|een hele strip|een hoop|alle \w+) (?:pillen|medicijnen|tabletten"
    r"|slaappillen)(?: \w+){0,3} (?:in ?nemen|innemen|slikken|nemen|opnemen|op te nemen)\b",
    r"\bkill (?:my ?self|him ?self|her ?self)\b",
    r"\bwant(?:s)? to die\b",
    r"\bwil (?:\w+ )?er (?:\w+ ){0,2}(?:niet|nie) meer (?:\w+ )?zijn\b",
    r"\ber (?:niet|nie) meer (?:wil|willen) zijn\b",
    r"\b(?:niet|nie|nooit) meer wakker (?:worden|word|te worden)\b",
    r"\ben? ?(?:eind|einde|punt) (?:aan|an|achter) (?:mijn|me|m|zijn|haar|hun|het) leven\b",
    r"\ber (?:\w+ ){0,3}(?:een )?(?:eind|einde) (?:aan|an)\b(?! (?:de|die|deze|het|onze|mijn|zijn|haar) )",
    r"\b(?:eind|einde|punt) (?:er )?(?:aan|an|achter) (?:mijn|me|m|zijn|haar|het|hun|ons) (?:\w+ )?leven\b",
    r"\bgeen zin meer in (?:het|mijn|zijn|haar|dit) leven\b",
    r"\bleven (?:heeft )?geen zin meer\b",
    r"\bgeen (?:reden|zin|puf|kracht) (?:meer )?(?:om )?(?:nog )?(?:te )?(?:leven|verder te leven)\b",
    r"\bzelfmoordpoging\b",
    r"\b113\b",
]
#: Naming suicide or self-harm: a past event, a completed suicide, fiction or news may say it.
_SUICIDE_NOEMEN = [
    r"zelf ?mo{1,2}r[dt](?!preventie)",
    r"zelfmord",
    r"selfmoord",
    r"\bzelf ?moo?r(?:[dt]|\b)(?!preventie)",
    r"su[iy]c[iy]d",
    r"su[iy]s[iy]d",
    r"zelfdoding",
    r"suicidaal",
    r"\bafscheids(?:bericht|brief|briefje|berichtje|video)",
    r"\b(?:snij|snijd|kras|krast|snijdt|sneed) (?:me|mij|mezelf|mijzelf|zichzelf|zich)\b",
    r"\b(?:mezelf|mijzelf|zichzelf) (?:\w+ ){0,2}(?:snijden|krassen|beschadigen|gesneden|gekrast"
    r"|verwond|verbrand|pijn)\b",
    r"\b(?:brand|verbrand|brandt) (?:me|mezelf|mijzelf|zichzelf)\b",
    r"\bzelfbeschadiging\b",
    r"\bautomutilatie\b",
]
#: An accidental cut or burn, not self-harm.
_ONGELUK = re.compile(
    r"\b(?:bij het (?:koken|snijden|scheren|klussen|strijken)|per ongeluk|in (?:mijn|zijn|haar) "
    r"(?:vinger|duim|hand)|aan (?:een|het) (?:blik|blikje|mes|glas|papier)|aan de oven)\b"
)
#: Grief for a completed suicide is not a crisis of the writer (unless something is happening).
_VOLTOOIDE_ZELFMOORD = re.compile(
    r"\b(?:heeft|had|hebben|hadden) (?:\w+ ){0,4}zelfmoord gepleegd\b|\bpleegde (?:\w+ )?zelfmoord\b"
    r"|\boverleden (?:\w+ ){0,2}(?:door|aan) (?:zelfmoord|zelfdoding|suicide)\b"
    r"|\b(?:na|sinds) (?:de|zijn|haar|hun) (?:zelfmoord|zelfdoding|suicide)\b"
    r"|\bnabestaande"
)

# -- acute medical danger ------------------------------------------------------------------------

_ACUUT_MEDISCH = [
    r"\bademt (?:niet|nie|nauwelijks|bijna niet)\b",
    r"\bgeen adem\b",
    r"\breageert (?:niet|nie|nergens)(?: meer)?(?! (?:meer )?op (?:mijn|me|de|het|haar|zijn|onze|jouw|uw|berichten|appjes|mails|brieven))\b",
    r"\bbewusteloos\b",
    r"\bbuiten bewustzijn\b",
    r"\bniet (?:meer )?(?:bij )?bewustzijn\b",
    r"\bniet (?:meer )?aanspreekbaar\b(?!.{0,30}\b(?:sinds|dementie|alzheimer)\b)",
    r"\b(?:niet|nie) (?:meer )?wakker (?:te krijgen|krijgen)\b",
    r"(?<!ik )\b(?:wordt|word) (?:niet|nie) (?:meer )?wakker\b",
    r"\boverdosis\b",
    r"\b(?:heel veel|alle|een hele strip|te veel|een handvol|[1-9]\d+) (?:\w+ )?(?:pillen|medicijnen"
    r"|tabletten|paracetamol\w*|slaappillen|oxazepam|ibuprofen|pijnstillers)(?: \w+){0,2} "
    r"(?:genomen|ingenomen|geslikt|opgegeten)\b",
    r"\bpijn op (?:de|mijn|zijn|haar) borst\b(?!.{0,40}\b(?:vorige|vorig|afspraak|gehad)\b)",
    r"\bmond (?:\w+ )?scheef\b",
    r"\b(?:krijgt|krijg|kreeg) geen lucht\b",
    r"\b(?:wordt|word|ziet|kleurt|is) (?:helemaal |heel |al )?blauw\b(?! (?:geverfd|gekleurd))",
    r"\bbloedt uit\b",
    r"\bbeweegt (?:niet|nie) meer\b",
    r"\b(?:schoonmaakmiddel|gif|bleek|chloor|wasmiddel|ontstopper|vergif|lampenolie)\b.{0,30}"
    r"\b(?:gedronken|opgedronken|ingeslikt|doorgeslikt|gegeten|binnengekregen)\b",
    r"\b(?:hele|halve) (?:doos|pot|strip|fles) (?:\w+ ){0,2}(?:ingenomen|geslikt|genomen"
    r"|opgedronken)\b",
    r"\bte veel (?:insuline|pillen|medicijnen|tabletten|slaappillen) (?:\w+ )?(?:gespoten|genomen"
    r"|ingenomen|geslikt)\b",
    r"\b(?:ruik|ruiken|rook) gas\b|\bgaslek\b|\bkoolmonoxide\b",
    r"\b(?:hoofd|neus|wond) bloedt\b",
    r"\bscheve mond\b",
    r"\ber is (?:een )?brand\b",
    r"\bstaat in (?:de )?brand\b",
    r"\bnoodgeval\b",
    r"\bik ben in (?:groot |acuut )?gevaar\b",
    r"\blevensgevaar\b",
    r"\bligt op de (?:grond|vloer) en kan (?:niet|nie) (?:meer )?(?:opstaan|overeind)\b",
    r"\bbloedt (?:heel erg|erg|veel|heel veel)\b",
    r"\bkan (?:niet|nie) (?:meer )?ademen\b",
    r"\bstikt\b",
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
_VERLEDEN_GEBEURTENIS = re.compile(
    r"\b(?:sinds|na|door|vorig jaar|vorige maand|jaar geleden|jaren geleden|ooit|vroeger|had)"
    r" (?:\w+ ){0,2}" + _GEBEURTENISSEN + r"\b"
    r"|\b" + _GEBEURTENISSEN + r"(?:en)? (?:\w+ ){0,2}(?:gehad|gekregen|geleden|gehad)\b"
    r"|\b(?:overleden|gestorven|dood gegaan) (?:\w+ ){0,2}(?:aan|door) (?:een |zijn |haar )?"
    + _GEBEURTENISSEN
)

# -- acute danger from a person ------------------------------------------------------------------

#: Someone is here or coming now.
_AANWEZIG = re.compile(
    r"\b(?:staat|staan|stond|is|zijn) (?:\w+ ){0,3}(?:voor|aan|bij) (?:de|mijn|onze|ons|het|m|haar|zijn) "
    r"(?:deur|voordeur|raam|huis|woning|flat)\b"
    r"|\b(?:is|zijn|komt|komen) (?:\w+ ){0,2}(?:onderweg|op weg)\b"
    r"|\bonderweg (?:hierheen|naar (?:mij|me|ons|huis|mijn huis|hier))\b"
    r"|\b(?:komt|komen) (?:\w+ )?(?:eraan|hierheen|naar (?:mij|me|ons|mijn huis|huis)|binnen)\b"
    r"|\b(?:staat|staan|stond) (?:\w+ ){0,2}(?:beneden|buiten|in de gang|in het portiek|op de stoep)\b"
    r"|\b(?:is|zijn) (?:\w+ ){0,2}(?:binnengedrongen|binnengekomen|ingebroken)\b"
    r"|\b(?:probeert|proberen) (?:\w+ ){0,3}binnen te (?:komen|dringen)\b"
    r"|\b(?:bonkt|bonst|ramt|slaat|trapt|beukt) (?:\w+ ){0,2}(?:op|tegen|in) (?:de|mijn|onze) (?:deur|ramen|raam)\b"
    r"|\b(?:deur|voordeur) (?:\w+ ){0,2}(?:in ?te trappen|intrappen|in ?trapt|in ?trappen|forceren)\b"
    r"|\b(?:trapt|trappen|beukt|ramt) (?:\w+ ){0,2}(?:de|mijn|onze) deur (?:\w+ )?in\b"
    r"|\bhier (?:in huis|binnen)\b"
)
#: ... and threatens, is violent, or wants in.
_DREIGING = re.compile(
    r"\b(?:bedreigt|bedreigde|bedreigd|dreigt|dreigde|gedreigd|dreigend)\b"
    r"|\b" + _VERMOORDEN + r"\b"
    r"|\b(?:iets|wat) (?:\w+ )?" + _AANDOEN + r"|\bpijn (?:doen|te doen|doet)\b"
    r"|\b(?:slaan|slaat|schoppen|schopt|mishandelen|te slaan|in elkaar slaan|in elkaar te slaan)\b"
    r"|\b(?:mes|messen|pistool|vuurwapen|geweer|wapen|bijl|hamer|knuppel|honkbalknuppel)\b"
    r"|\b(?:wil|probeert|proberen) (?:\w+ ){0,2}(?:binnen|naar binnen|binnenkomen|binnen te komen)\b"
    r"|\bbinnengedrongen\b|\bingebroken\b|\b(?:in ?te trappen|intrappen|in ?trapt)\b"
    r"|\b(?:agressief|door het lint|woedend|razend|dronken)\b"
    r"|\bik ben (?:zo |heel |erg |echt )?bang\b"
)
_PERSOON_ACUUT = [
    # "ik ben bang dat hij me iets aandoet", "... dat mijn vader mijn moeder vermoordt"
    rf"\bbang (?:\w+ ){{0,2}}(?:dat|voor wat) {_IEMAND} (?:\w+ ){{0,3}}(?:{_SLACHTOFFER}|de kinderen"
    rf"|het kind) (?:\w+ ){{0,3}}(?:{_AANDOEN}|{_VERMOORDEN}|slaat|gaat slaan|pijn doet|iets doet|wat doet)\b",
    rf"\bbang (?:\w+ ){{0,2}}(?:dat|voor wat) {_IEMAND} (?:\w+ ){{0,3}}(?:{_SLACHTOFFER}) (?:\w+ ){{0,2}}(?:iets|wat)\b",
    # weapons in someone's hands
    rf"\b(?:{_IEMAND}|een man|een vrouw|een jongen|iemand) (?:\w+ ){{0,2}}(?:pakt|pakte"
    r"|trekt|trok|zwaait|zwaaide|staat|stond|loopt|liep|komt|kwam|dreigt|dreigde|bedreigt"
    r"|bedreigde|houdt|hield|gepakt) (?:\w+ ){0,4}(?:een |het |zijn |haar |met )?(?:mes|messen|pistool|vuurwapen"
    r"|geweer|wapen|bijl|hamer|knuppel|honkbalknuppel|schaar)\b"
    r"(?! (?:voor de jacht|nodig|om (?:\w+ ){0,3}(?:open|te snijden|te koken)|in de keuken ligt))",
    # "heeft een mes": only as the news itself ("... heeft een mes", "... en", "... gepakt"),
    # not "heeft een mes gekocht voor de keuken" or "heeft een geweer voor de jacht"
    rf"\b(?:{_IEMAND}|een man|een vrouw|een jongen|iemand) (?:\w+ ){{0,2}}(?:heeft|hebben|had) (?:nu )?"
    r"(?:een|het|zijn|haar|zo n) (?:\w+ )?(?:mes|messen|pistool|vuurwapen|geweer|wapen|bijl|hamer"
    r"|knuppel|honkbalknuppel)(?= en\b| in (?:zijn|haar|de) hand| vast| bij zich| gepakt| getrokken"
    r"| gepakt| tevoorschijn|$)",
    r"\b(?:met|zwaait met|zwaaide met) (?:een |het |zijn |haar )?(?:mes|pistool|vuurwapen|geweer|wapen|bijl)\b"
    r"(?=.{0,60}\b(?:bedreig|dreig|op (?:mij|me|ons|haar|hem) af|achter (?:me|mij|ons) aan|naar (?:mij|me|ons)|voor de deur|in de gang|bang)\w*)",
    r"\b(?:neer te steken|neersteken|steekt (?:me|mij|hem|haar) neer|dood te steken|doodsteken)\b",
    r"\b(?:me|mij|ons|haar|hem) (?:\w+ ){0,2}(?:gaat |wil |zal )?(?:steken|neersteken|neerschieten"
    r"|doodschieten|dood te schieten|schieten)\b",
    r"\b(?:dreigt|dreigde|gaat|wil) (?:\w+ ){0,2}(?:te )?schieten\b",
    r"\bmet een (?:fles|hamer|knuppel|honkbalknuppel|stok|stoel|mes) op (?:\w+ ){0,2}af\b",
    # locked in by someone, or in a room
    rf"\b{_IEMAND} (?:\w+ ){{0,3}}(?:heeft|hebben|houdt|houden|had|hield) (?:\w+ ){{0,3}}(?:{_SLACHTOFFER}"
    r"|de kinderen) (?:\w+ ){0,4}opgesloten\b",
    r"(?<!ik )\b(?:sluit|sluiten|sloot|sloten) (?:me|mij|ons|haar|hem|de kinderen) (?:\w+ ){0,4}op\b",
    r"\b(?:ben|zit|zitten|zijn|word|wordt|worden) (?:\w+ ){0,2}opgesloten (?:in|op) (?:de|mijn|een|het|zijn"
    r"|haar|onze) (?:\w+ )?(?:kamer|slaapkamer|badkamer|kelder|wc|toilet|schuur|kast|zolder|auto"
    r"|garage|berging|hok|kelderbox)\b",
    r"\bopgesloten (?:\w+ ){0,3}(?:hij|ze|zij) (?:\w+ ){0,2}(?:de )?sleutel\b",
    r"\b(?:hij|ze|zij) (?:heeft|hebben|pakt|pakte) (?:\w+ ){0,2}(?:de )?sleutel(?:s)?\b.{0,40}"
    r"\b(?:kan|kunnen|mag|mogen) (?:\w+ ){0,2}(?:niet|nie) (?:\w+ )?(?:weg|eruit|naar buiten)\b",
    r"\b(?:kan|kunnen|mag|mogen) (?:er |het huis |de kamer )?(?:niet|nie) (?:\w+ )?(?:uit|weg|naar buiten)\b.{0,40}"
    r"\b(?:hij|ze|zij) (?:heeft|hebben|houdt) (?:\w+ ){0,2}(?:de )?sleutel",
    r"\b(?:deur|deuren) (?:\w+ ){0,2}op slot\b.{0,40}\blaat (?:me|mij|ons) (?:\w+ )?(?:niet|nie)\b"
    r"|\blaat (?:me|mij|ons) (?:\w+ )?(?:niet|nie) (?:\w+ ){0,2}(?:naar buiten|weg|eruit|gaan)\b.{0,40}\bop slot\b",
    r"\bhoudt (?:me|mij|ons|haar|hem) (?:\w+ ){0,2}(?:opgesloten|gevangen)\b",
    # breaking in now
    r"\b(?:deur|voordeur) (?:\w+ ){0,2}(?:in te trappen|intrappen|in trapt|intrapt|in ?trappen)\b",
    r"\b(?:trapt|trappen|beukt|ramt|slaat|schopt|gooit) (?:\w+ ){0,2}(?:de|mijn|onze) (?:voordeur|deur|ramen"
    r"|raam|ruit|ruiten) (?:\w+ )?in\b",
    r"\bbinnengedrongen\b",
    r"\bhelp (?:\w+ ){0,2}(?:hij|ze|zij) (?:\w+ ){0,2}(?:slaat|heeft een|staat|komt)\b",
]
#: "Locked in" that is not a person locking someone up.
_OPGESLOTEN_ANDERS = re.compile(
    r"\b(?:voel|voelt|voelde) (?:me|mij|mezelf|zich|zichzelf) (?:\w+ ){0,3}opgesloten\b"
    r"|\b(?:slecht ter been|rolstoel|niet (?:meer )?(?:kan|kunnen) lopen|rollator|gevangenis"
    r"|jeugdgevangenis|jeugdinrichting|\bcel\b|buitengesloten|per ongeluk|sleutel kwijt"
    r"|eigen huis|in huis omdat)\b"
)

# -- violence and abuse --------------------------------------------------------------------------

#: Present-tense violence or abuse: a past marker in the message does not remove these.
_GEWELD_HEDEN = [
    rf"\b(?:slaat|schopt|stompt|wurgt|mishandelt|mishandeld|knijpt|misbruikt|verkracht|trapt)"
    rf" (?:nu |steeds |elke dag |vaak |soms |weer |ook )?{_SLACHTOFFER}\b(?! (?:\w+ )?(?:dood|om de oren met))",
    rf"\b(?:dat|omdat|als|of|die|wanneer|want|en) {_IEMAND} (?:\w+ ){{0,2}}(?:{_SLACHTOFFER}|de kinderen|het kind)"
    rf" (?:\w+ ){{0,3}}{_GEWELD_NU}\b",
    rf"\b(?:word|wordt|worden|wort) (?:\w+ ){{0,6}}{_DEELWOORD}\b",
    rf"\b{_DEELWOORD} (?:\w+ ){{0,3}}(?:word|wordt|worden|wort)\b",
    r"\bdoet (?:mama|papa|haar|hem|ons|me|mij|(?:mijn|zijn|haar) (?:\w+ )?(?:moeder|vader|mama|papa|zus"
    r"|broer|kind|kinderen|vrouw|man|vriendin|oma|opa)) (?:\w+ )?pijn\b",
    rf"\b(?:me|mij|ons|de kinderen|{_BEZIT} {_REL}|mama|papa|haar|hem) (?:\w+ ){{0,2}}(?:vermoorden|vermoordt"
    r"|doodmaken|doodmaakt|dood maken|dood maakt|iets aandoet|iets aan doet|iets aan te doen|wat aandoet)\b",
    r"(?<!ik )(?<!ik me )\b(?:wil|wilt|gaat|zal) (?:me|mij|ons|haar|hem|de kinderen) (?:\w+ ){0,2}(?:iets|wat)"
    r" (?:aandoen|aan doen|aan te doen)\b",
    r"\b(?:dreigt|dreigde|heeft gedreigd|gedreigd) (?:\w+ ){0,2}(?:me|mij|ons|haar|hem|de kinderen) (?:\w+ ){0,3}"
    r"(?:vermoorden|dood te maken|te slaan|iets aan te doen|wat aan te doen|te vermoorden|kapot te maken"
    r"|af te maken|te steken)",
    r"\bdreigt (?:me|mij|ons|haar) (?:\w+ ){0,2}(?:dood|te doden)\b",
    r"\b(?:word|wordt|worden|ben|is) (?:\w+ ){0,4}bedreigd\b"
    r"(?! met (?:huis)?(?:uitzetting|afsluiting|ontruiming|beslag|een boete|boetes|ontslag|een rechtszaak))",
    r"\b(?:bedreigt|bedreigde) (?:me|mij|ons|haar|hem|de kinderen)\b(?! met (?:huis)?(?:uitzetting|een boete|ontslag|beslag))",
    r"\bdurf (?:niet|nie) (?:meer )?(?:naar huis|thuis te komen|terug naar huis)\b",
    r"\bkeel (?:\w+ )?dicht",
    r"\bgooit met (?:stoelen|messen|glazen|borden|spullen naar (?:me|mij|ons))\b",
    r"\bzit (?:\w+ ){0,2}aan (?:mijn|me|m) (?:lichaam|piemel|borsten|kruis|billen|plassertje|geslachtsdelen)\b",
    r"\b(?:zit|zat|zitten) (?:steeds |altijd |vaak |weer |soms )?aan (?:me|mij)\b(?! (?:te|kop|hoofd|kant))",
    r"\b(?:slaat|schopt) (?:\w+ ){0,4}in (?:zijn|haar|het|mijn) gezicht\b",
    r"\bin (?:zijn|haar|mijn) gezicht (?:slaat|schopt)\b",
    r"(?<!ik )\blaat (?:me|mij|ons)\b.{0,40}\bopgesloten\b",
    r"\b(?:hoor|horen) (?:\w+ ){0,4}(?:klappen|gegil|gillen|om hulp (?:roepen|schreeuwen))\b",
    r"\b(?:roept|schreeuwt|gilt) om hulp\b",
    # an elderly person or child neglected, robbed or exploited by a carer or relative
    rf"\b(?:{_REL}|hij|ze|zij) (?:\w+ ){{0,4}}(?:wordt|worden|is|zijn) (?:\w+ ){{0,4}}(?:verwaarloosd|bestolen"
    r"|uitgebuit|opgelicht|afgeperst|vastgebonden|vastgezet)\b",
    r"\b(?:verwaarloosd|bestolen|uitgebuit|afgeperst|vastgebonden) (?:\w+ ){0,2}(?:wordt|worden)\b",
    r"\b(?:financieel|financiele) (?:\w+ ){0,2}(?:uitgebuit|uitbuiting|misbruik|mishandeling|afgeperst)\b",
    r"\b(?:steelt|stal|jat|pikt|pakt|neemt|haalt) (?:\w+ ){0,4}(?:geld|pinpas|pinpasje|bankpas"
    r"|pensioen|aow|spaargeld|sieraden|spullen) (?:\w+ ){0,3}van (?:mijn|haar|zijn|onze)"
    r" (?:\w+ )?(?:moeder|vader|oma|opa|schoonmoeder|schoonvader|tante|oom|ouders)\b",
    r"\b(?:verzorger|verzorgster|thuiszorg|thuishulp|huishoudelijke hulp|mantelzorger|hulp|zorgverlener"
    r"|begeleider|verpleging|verpleegster)(?: \w+){0,6} (?:steelt|stal|jat|pikt|slaat|sloeg|mishandelt"
    r"|knijpt|scheldt|schreeuwt|duwt|laat (?:\w+ )?(?:liggen|zitten|vuil))\b",
    r"\b(?:steelt|stal|jat|pikt|slaat|mishandelt) (?:\w+ ){0,3}(?:van )?(?:mijn|haar|zijn) (?:demente |oude |zieke )?"
    r"(?:moeder|vader|oma|opa|ouders)\b(?! (?:de|het) )",
    r"\b(?:plundert|plunderen|leeghalen|haalt (?:\w+ ){0,3}leeg) (?:\w+ ){0,3}(?:rekening|bankrekening|spaarrekening)\b",
    r"\b(?:slecht|ruw|hardhandig|wreed) (?:\w+ )?(?:behandeld|behandelt|aangepakt)\b.{0,40}\bdoor (?:de |haar |zijn |mijn )?"
    r"(?:verzorger|verzorgster|thuiszorg|hulp|zorg|mantelzorger|begeleider|verpleging|"
    + _REL
    + r")\b"
    r"|\bdoor (?:de |haar |zijn |mijn )?(?:verzorger|verzorgster|thuiszorg|thuishulp|begeleider|verpleging)"
    r"(?: \w+){0,2} (?:slecht|ruw|hardhandig|wreed) (?:\w+ )?(?:behandeld|aangepakt)\b",
    rf"\b(?:geeft|geven) (?:{_SLACHTOFFER}|de kinderen|het kind) (?:\w+ ){{0,2}}geen (?:eten|drinken)\b",
    r"\b(?:kinderen|kind|kindje|baby|hij|zij|ze|buurkinderen) (?:\w+ ){0,2}(?:krijgt|krijgen) (?:\w+ ){0,2}"
    r"geen (?:eten|drinken)\b(?! (?:\w+ )?(?:van de|bij de|op school|mee))",
]
#: Money or a bank card taken away: financial abuse when the person is elderly or dependent.
_GELD_AFGEPAKT = re.compile(
    r"\b(?:steelt|stal|jat|pikt|pakt|neemt|haalt) (?:\w+ ){0,4}(?:geld|pinpas|pinpasje|bankpas"
    r"|pensioen|aow|spaargeld|sieraden) (?:\w+ ){0,3}(?:af|weg)\b"
)
_OUDERE = re.compile(
    r"\b(?:moeder|vader|oma|opa|schoonmoeder|schoonvader|ouders|bejaarde|oudere|ouderen|dement\w*"
    r"|verzorgingshuis|verpleeghuis|(?:[6-9]\d|1[01]\d) jaar|van (?:[6-9]\d|1[01]\d))\b"
)

#: Violence named in the past or perfect tense, or by a noun: a past marker may remove these.
_GEWELD_GENOEMD = [
    rf"\b{_HULPWW} (?:\w+ ){{0,4}}{_DEELWOORD}\b",
    rf"\b{_DEELWOORD} (?:\w+ ){{0,3}}{_HULPWW}\b",
    r"\b(?:heeft|hebben|had) (?:me|mij|ons|haar|hem|de kinderen|het kind|"
    + _BEZIT
    + r" (?:\w+ )?"
    + _REL
    + r")"
    r" (?:\w+ ){0,3}(?:geslagen|geschopt|gewurgd|mishandeld|bedreigd|opgesloten|verkracht"
    r"|misbruikt|gestompt|aangerand|in elkaar geslagen)\b",
    r"\b(?:sloeg|schopte|wurgde|mishandelde|misbruikte|verkrachtte) (?:\w+ )?"
    + _SLACHTOFFER
    + r"\b",
    r"\bin (?:zijn|haar|het|mijn) gezicht (?:sloeg|schopte|stompte)\b",
    r"\btegen de (?:muur|grond|tafel|kast|deur|vloer) (?:aan )?(?:gegooid|geduwd|geslagen|gesmeten"
    r"|gesmakt)\b",
    r"\bmishandel",
    r"\b(?:kinder|ouderen|vrouwen)mishandeling\b",
    r"\bhuiselijk geweld\b",
    r"\bverkracht",
    r"\baangerand\b",
    r"\bseksueel misbruik",
    r"\bmisbruikt\b",
    r"\b(?:hoorde|hoorden) (?:\w+ ){0,4}(?:klappen|gegil|gillen|om hulp (?:roepen|schreeuwen))\b",
    r"\b(?:riep) om hulp\b",
    r"\bkinderen van (?:de )?(?:buren|buurman|buurvrouw)"
    + _W
    + r"(?:geslagen|mishandeld|slaat|gillen)",
]
#: A past event: only removes matches of :data:`_SUICIDE_NOEMEN` and :data:`_GEWELD_GENOEMD`.
_VERLEDEN = re.compile(
    r"(?<!sinds )(?<!vanaf )\b(?:vroeger|als kind|als tiener|in mijn jeugd|toen ik (?:klein|jong|kind|een kind"
    r"|tiener|\d+)|(?:jaren|jaar|lang|maanden|decennia) geleden|in (?:19|20)\d\d|vorig jaar"
    r"|vorige eeuw|in het verleden|destijds|ooit)\b"
)
_VERLEDEN_WW = re.compile(
    r"\b(?:had|hadden|was|waren|werd|werden|pleegde|gepleegd|overleden|gezeten|heb|ben|is|heeft)\b"
)

#: Ordinary parenting: a young child hitting during a tantrum is not domestic violence.
_PEUTER_GUARD = re.compile(
    r"\b(?:peuter|kleuter|driftbui|driftbuien|woedeaanval|woedeaanvallen|tantrum"
    r"|op school|andere kinderen|klasgenoot|klasgenoten|creche"
    r"|kinderopvang|van [1-6](?: jaar)?|[1-6] jaar oud)\b"
)
_VOLWASSEN_DADER = re.compile(
    r"\b(?:man|vrouw|partner|vriend|ex|vader|moeder|stiefvader|stiefmoeder|buurman|oom|papa|mama)\b"
    r" (?:\w+ )?(?:slaat|sloeg|schopt|mishandelt|mishandeld|wurgt)"
)
_KIND_SCHRIJVER = re.compile(
    r"\bik ben (?:[89]|1[0-7])(?: jaar)?\b|\b(?:mijn|mn) (?:ouders|stiefvader|stiefmoeder|juf|meester)\b"
    r"|\b(?:mijn|mn) (?:vader|moeder|papa|mama) (?:slaat|sloeg|schopt|mishandelt)"
)

# -- mentions, not events ------------------------------------------------------------------------

#: A film, a book, the news, a school assignment, a course.
_FICTIE = re.compile(
    r"\b(?:film|films|serie|series|boek|roman|verhaal|verhalen|gedicht|toneelstuk|documentaire|docu"
    r"|game|nieuws|journaal|krant|artikel|podcast|televisie|spreekbeurt|werkstuk|presentatie"
    r"|scriptie|hoofdpersoon|personage|cursus|training|workshop|voorlichting|lezing|les over)\b"
)
#: Wording that ties the message to the writer's own life ("mijn", "ik wil").
_PERSOONLIJK = re.compile(
    r"\b(?:mijn|me|mij|mezelf|mijzelf|ons|onze|wij|we)\b|\bik (?:\w+ )?(?:wil|ga|denk|voel)\b|\bwil ik\b"
)
_FICTIE_ZIN = re.compile(
    r"\b(?:die|dat|wat) (?:ik|we|wij) (?:\w+ )?(?:lees|las|kijk|keek|zie|zag|schrijf|schreef|maak|volg)\b"
    r"|\b(?:ik|we|wij) (?:\w+ )?(?:lees|las|kijk|keek|zie|zag|hoorde|schrijf|schreef|maak|moet|volg)\b"
)
#: Information questions about a subject, not a situation ("signalen van ... herkennen").
_INFORMATIEF = re.compile(
    r"\b(?:signalen van|herkennen|wat is|informatie over|folder|voorlichting over|hoe herken)\b"
)


def _compileer(patronen: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patronen]


_C_SUICIDE_STERK = _compileer(_SUICIDE_STERK)
_C_SUICIDE_NOEMEN = _compileer(_SUICIDE_NOEMEN)
_C_MEDISCH = _compileer(_ACUUT_MEDISCH)
_C_PERSOON = _compileer(_PERSOON_ACUUT)
_C_GEWELD_HEDEN = _compileer(_GEWELD_HEDEN)
_C_GEWELD_GENOEMD = _compileer(_GEWELD_GENOEMD)


@dataclass(frozen=True)
class CrisisOordeel:
    """What the crisis layer decided for one message."""

    soort: CrisisSoort
    kind_schrijft: bool
    bron: str  # "regels" | "classifier"
    #: Acute danger from a (family) member or (ex-)partner: 112 first, then Veilig Thuis.
    huiselijk: bool = False
    #: ISO 639-1 language of the message: "nl", or the language of a foreign crisis rule.
    taal: str = "nl"

    def nummers(self) -> list[Nummer]:
        """The numbers to give, most urgent first."""
        if self.soort is CrisisSoort.SUICIDE:
            nummers = [NUMMER_113, NUMMER_113_GRATIS, NUMMER_112]
        elif self.soort is CrisisSoort.HUISELIJK_GEWELD:
            nummers = [VEILIG_THUIS, NUMMER_112]
        elif self.bron == "classifier":
            nummers = [NUMMER_112, NUMMER_113, VEILIG_THUIS]
        elif self.huiselijk:
            nummers = [NUMMER_112, VEILIG_THUIS]
        else:
            nummers = [NUMMER_112]
        if self.kind_schrijft:
            nummers.append(KINDERTELEFOON)
        return nummers

    @property
    def route(self) -> CrisisRoute:
        """The road a signal records: danger from someone at home counts as huiselijk geweld."""
        if self.huiselijk:
            return crisis_route(CrisisSoort.HUISELIJK_GEWELD.value)
        return crisis_route(self.soort.value)


def informeel_naar_standaard(norm: str) -> str:
    """Rewrite chat spelling in normalised text ("mn vriend" -> "mijn vriend", "k" -> "ik")."""
    woorden = [_INFORMEEL.get(w, w) for w in norm.split(" ")]
    tekst = " ".join(woorden)
    # "me vriend", "me moeder": informal "mijn" before a person
    return re.sub(rf"\bme (?=(?:\w+ )?{_REL}\b)", "mijn ", tekst)


def _een(patronen: list[re.Pattern[str]], tekst: str) -> bool:
    return any(p.search(tekst) for p in patronen)


def _alleen_genoemd(tekst: str) -> bool:
    """Fiction, news or a lesson, with nothing that ties it to the writer's own life."""
    if not _FICTIE.search(tekst):
        return False
    zonder = _FICTIE_ZIN.sub(" ", tekst)
    return not _PERSOONLIJK.search(zonder)


def _verleden(tekst: str) -> bool:
    return bool(_VERLEDEN.search(tekst)) and bool(_VERLEDEN_WW.search(tekst))


def _soort(tekst: str) -> tuple[CrisisSoort, bool] | None:
    """The crisis kind of standardised text and whether it is danger at home, or ``None``."""
    if _alleen_genoemd(tekst):
        return None
    verleden = _verleden(tekst)
    medisch = _een(_C_MEDISCH, tekst) or (
        bool(_ACUUT_GEBEURTENIS.search(tekst)) and not _VERLEDEN_GEBEURTENIS.search(tekst)
    )
    sterk = _een(_C_SUICIDE_STERK, tekst)
    genoemd = (
        _een(_C_SUICIDE_NOEMEN, tekst)
        and not _ONGELUK.search(tekst)
        and not (
            _VOLTOOIDE_ZELFMOORD.search(tekst) and not re.search(r"\b(?:net|zojuist|nu)\b", tekst)
        )
        and not verleden
    )
    opgesloten_anders = bool(_OPGESLOTEN_ANDERS.search(tekst))
    persoon = (
        _een(_C_PERSOON, tekst) or (bool(_AANWEZIG.search(tekst)) and bool(_DREIGING.search(tekst)))
    ) and not (opgesloten_anders and "opgesloten" in tekst)
    geweld = (
        _een(_C_GEWELD_HEDEN, tekst)
        or bool(_GELD_AFGEPAKT.search(tekst) and _OUDERE.search(tekst))
        or (_een(_C_GEWELD_GENOEMD, tekst) and not verleden and not _INFORMATIEF.search(tekst))
    )
    if geweld and _PEUTER_GUARD.search(tekst) and not _VOLWASSEN_DADER.search(tekst):
        geweld = False
    if (
        geweld
        and opgesloten_anders
        and not _een([p for p in _C_GEWELD_HEDEN if "opgesloten" not in p.pattern], tekst)
    ):
        geweld = False
    if medisch:
        return CrisisSoort.ACUUT, persoon or geweld
    if sterk or genoemd:
        return CrisisSoort.SUICIDE, False
    if persoon:
        return CrisisSoort.ACUUT, True
    if geweld:
        return CrisisSoort.HUISELIJK_GEWELD, False
    return None


def detecteer(text: str) -> CrisisOordeel | None:
    """Rule layer: the crisis kind of ``text``, or ``None`` for an ordinary message."""
    norm = normaliseer(text)
    tekst = informeel_naar_standaard(norm) if norm else ""  # Arabic script normalises to ""
    gevonden = _soort(tekst) if tekst else None
    anderstalig = _anderstalig(text)
    if gevonden is None:
        return anderstalig
    soort, huiselijk = gevonden
    # "I want to kill myself" is caught by the Dutch rules too; the language comes from the
    # foreign rules, so the answer still explains the numbers in English.
    taal = anderstalig.taal if anderstalig is not None else "nl"
    return CrisisOordeel(soort, bool(_KIND_SCHRIJVER.search(tekst)), "regels", huiselijk, taal)


def _anderstalig(text: str) -> CrisisOordeel | None:
    """Crisis rules in English, Turkish, Arabic and Polish (:mod:`triage.talen`)."""
    from triage.talen import detecteer_anderstalig  # late: triage.talen imports this module

    gevonden = detecteer_anderstalig(text)
    if gevonden is None:
        return None
    soort, taal = gevonden
    return CrisisOordeel(soort, False, "regels", taal=taal)


def _is_nederlands(text: str) -> bool:
    """Whether the Dutch classifier may judge ``text`` at all (it never saw another language)."""
    from triage.talen import herken_taal  # late: triage.talen imports this module

    return herken_taal(text) == "nl"


#: The classifier alone may raise a crisis only when it is this sure and rules found nothing.
CLASSIFIER_DREMPEL = 0.85

#: Crisis words and phrases one of which must be in a message before the classifier alone may
#: raise a crisis. Matched as whole words or word starts on normalised text, never by edit
#: distance: "drongen" (a place) is one edit from "dronken", and that must not be enough.
_STEUN = re.compile(
    r"\b(?:dood|doods|sterven|sterf|zelfmoord\w*|zelfmoor\w*|zelfdoding|suicid\w*|zelfbeschadig\w*"
    r"|leven|levens\w*|einde?|ophang\w*|verhang\w*|springen|spring|pillen|pil|tabletten|medicijnen"
    r"|overdosis|sla|slaat|slaan|sloeg|geslagen|schop\w*|stomp\w*|mishandel\w*|misbruik\w*"
    r"|verkracht\w*|aangerand|aanrand\w*|geweld\w*|bedreig\w*|dreig\w*|gedreigd|mes|messen|wapen\w*"
    r"|pistool|geweer|bang|angst\w*|gevaar\w*|nood\w*|help|112|113|adem\w*|bewusteloos|bewustzijn"
    r"|bloed\w*|brand|opgesloten|opsluit\w*|pijn|vermoord\w*|moord\w*|aandoen|aandoet|veilig|onveilig"
    r"|paniek\w*|wurg\w*|stik\w*|gif|flauwgevallen|ambulance|politie|snij\w*|kras\w*|onwel"
    r"|hartaanval|beroerte|reageert|verdwijn\w*|onderdoor|uitweg\w*|wanhoop|wanhopig|hopeloos"
    r"|uitzichtloos|zinloos|afscheid\w*|eruit)\b"
    r"|\b(?:niet|nie|nooit) meer\b|\b(?:alles|het leven) zat\b|\bklaar mee\b"
)


def steun_in_tekst(text: str) -> bool:
    """Whether ``text`` holds a crisis word (see :data:`_STEUN`)."""
    return bool(_STEUN.search(informeel_naar_standaard(normaliseer(text))))


def beoordeel(text: str, intent: str | None, confidence: float) -> CrisisOordeel | None:
    """Combine the rule layer with the intent classifier (rules win; classifier only if sure).

    The classifier alone raises a crisis only when it is at least :data:`CLASSIFIER_DREMPEL`
    sure *and* the message holds a crisis word: a confident guess on words it never saw (a
    place name, a typo) must not send a resident the crisis numbers.
    """
    oordeel = detecteer(text)
    if oordeel is not None:
        return oordeel
    if (
        intent == "crisis"
        and confidence >= CLASSIFIER_DREMPEL
        and steun_in_tekst(text)
        and _is_nederlands(text)
    ):
        norm = informeel_naar_standaard(normaliseer(text))
        return CrisisOordeel(CrisisSoort.ACUUT, bool(_KIND_SCHRIJVER.search(norm)), "classifier")
    return None
