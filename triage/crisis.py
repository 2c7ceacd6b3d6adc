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
    "gwn": "gewoon",
    "gewn": "gewoon",
    "gwoon": "gewoon",
    "egt": "echt",
    "slaad": "slaat",
    "slaadt": "slaat",
    "slaatie": "slaat hij",
    "vrind": "vriend",
    "vrindin": "vriendin",
    "misandeld": "mishandeld",
    "misandelt": "mishandelt",
    "mishandeld'": "mishandeld",
    "bedreigd'": "bedreigd",
    "leefe": "leven",
    "lefen": "leven",
    "lefe": "leven",
    "leeve": "leven",
    "leeven": "leven",
    "leefen": "leven",
    "ophange": "ophangen",
    "mijne": "mijn",  # Flemish
    "vent": "man",
    "stiefpa": "stiefvader",
    "stiefpapa": "stiefvader",
    "stiefma": "stiefmoeder",
    "stiefmama": "stiefmoeder",
    "zelfmood": "zelfmoord",
    "zelfmot": "zelfmoord",
    "zelfmoot": "zelfmoord",
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
#: Family and partners only (no neighbours): "bang voor mijn vader" is about home.
_GEZIN = (
    r"(?:man|vrouw|partner|vriend|vriendin|vriendje|ex|ex-?partner|ex-?man|ex-?vrouw|ex-?vriend"
    r"|ex-?vriendin|echtgenoot|echtgenote|vader|moeder|pa|ma|papa|mama|stiefvader|stiefmoeder|broer"
    r"|broers|zus|zussen|zoon|dochter|oom|tante|opa|oma|schoonvader|schoonmoeder|schoonzoon"
    r"|schoonfamilie|familie|ouders|pleegvader|pleegmoeder|pleegouders|kleinzoon|kleindochter|neef)"
)
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
    r"(?:geslagen|geslage|mishandeld|mishandelt|geschopt|misbruikt|verkracht|aangerand|gewurgd|betast"
    r"|gestompt|in elkaar geslagen|afgetuigd)"
)
_HULPWW = r"(?:ben|is|zijn|word|wordt|worden|werd|werden|wort)"

_ZELF_DODEN = (
    r"(?:ophangen|op te hangen|ophangt|verhangen|te verhangen|verhangt|doodmaken|dood te maken"
    r"|doodmaakt|dood maken|dood te maken|van kant|doden|te doden|iets aandoen|wat aandoen|iets aan te doen"
    r"|wat aan te doen|ombrengen|om te brengen|ombrengt|doodschieten|dood schieten|dood te schieten"
    r"|neerschieten|door het hoofd schieten|vergiftigen|te vergiftigen|verdrinken|te verdrinken)\b"
)
#: Adverbs residents put between "wil" and "dood" ("ik wil echt even dood", "wil gewoon dood").
_BIJWOORD = r"(?:(?:gewoon|echt|graag|nu|zo|even|eigenlijk|serieus|liefst|het liefst|letterlijk|alleen|maar|nog|wel|ook|gwn|zelf|soms|vaak) ){0,3}"

# -- suicide -------------------------------------------------------------------------------------

#: Intent or plan, first or third person: no guard removes these (except fiction).
_SUICIDE_STERK = [
    rf"\bwil {_BIJWOORD}(?:dood|doodgaan|dood gaan)\b(?! (?:graag|gewoon|even) )",
    r"\bwil (?:ik|hij|ze|zij) (?:\w+ )?(?:dood|doodgaan)\b",
    r"\b(?:wil|wilt|willen|hoef|hoeft|hoeven) (?:\w+ ){0,4}(?:niet|nie|nooit) meer (?:verder )?(?:te )?leven?\b",
    r"\b(?:niet|nie) meer (?:verder )?(?:wil|wilt|willen|hoef|hoeft|hoeven) (?:te )?leven?\b",
    r"\bwil (?:ik |hij |ze |zij )?(?:niet|nie) meer (?:leven|leve|verder)\b",
    r"(?<!niet )(?<!nie )(?<!geen )\bdood (?:wil|wilt|willen|wou|zijn wil)\b",
    r"\bwou dat (?:ik|hij|ze|zij) dood (?:was|ben|is|waren)\b",
    r"\bliever dood\b",
    r"\bvan het leven (?:\w+ )?(?:te )?(?:beroven|berooft|beroof|beroofd)\b",
    r"\bafscheid (?:\w+ ){0,2}(?:nemen |te nemen |neemt )?van (?:het|mijn|zijn|haar|dit) leven\b",
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
    r"\b(?:brug|flat|spoor|trein|dak|balkon|metro|raam|viaduct)\w*\b.{0,40}\b(?:springen|spring|springt|gaan liggen)\b",
    r"\b(?:springen|spring|springt)\b.{0,25}\b(?:brug|flat|spoor|trein|dak|balkon|viaduct)\b",
    r"\bvoor (?:de|een) (?:trein|metro|vrachtwagen|auto|bus|tram) (?:te )?(?:springen|gaan liggen|lopen|gooien"
    r"|gooit|werpen|werpt|rijden)\b",
    r"\b(?:pillen|medicijnen|tabletten|slaappillen) (?:aan het )?(?:sparen|verzamelen|opsparen|spaart"
    r"|gespaard|opgespaard|verzameld|opspaart|opspaar|verzamelt|oppot|oppotten|hamstert)\b",
    # pills or a rope made ready, not medicines set out for someone ("klaargelegd voor mijn moeder")
    r"\b(?:pillen|medicijnen|tabletten|slaappillen|touw|strop)\b (?:\w+ ){0,2}(?:klaarliggen|klaargelegd"
    r"|klaar gelegd|klaargezet|klaar gezet|klaar liggen|klaarstaan|klaar staan)\b(?! (?:voor|in de|op de) )",
    r"\b(?:spaar|spaart|verzamel|verzamelt|gespaard) (?:\w+ ){0,2}(?:pillen|medicijnen|tabletten|slaappillen)\b",
    r"\b(?:al mijn|al zijn|al haar|alle|een hele strip|een hoop|alle \w+) (?:pillen|medicijnen|tabletten"
    r"|slaappillen)(?: \w+){0,3} (?:in ?nemen|innemen|slikken|nemen|opnemen|op te nemen)\b",
    r"\bkill (?:my ?self|him ?self|her ?self)\b",
    r"\bwant(?:s)? to die\b",
    r"\bwil (?:\w+ )?er (?:\w+ ){0,2}(?:niet|nie) meer (?:\w+ )?zijn\b",
    r"\ber (?:niet|nie) meer (?:wil|willen|hoeft|hoef|hoeven) (?:te )?zijn\b",
    r"\b(?:niet|nie) meer (?:wil|wilt|willen|hoeft|hoef) (?:te )?bestaan\b",
    r"\b(?:niet|nie|nooit) meer wakker (?:worden|word|te worden)\b",
    r"\ben? ?(?:eind|einde|punt) (?:aan|an|achter) (?:mijn|me|m|zijn|haar|hun|het) leven\b",
    r"\ber (?:\w+ ){0,3}(?:een )?(?:eind|einde) (?:aan|an)\b(?! (?:de|die|deze|het|onze|mijn|zijn|haar) )",
    r"\b(?:eind|einde|punt) (?:er )?(?:aan|an|achter) (?:mijn|me|m|zijn|haar|het|hun|ons) (?:\w+ )?leven\b",
    r"\bgeen zin meer in (?:het|mijn|zijn|haar|dit) leven\b",
    r"\bleven (?:heeft )?geen zin meer\b",
    r"\bgeen (?:reden|zin|puf|kracht) (?:meer )?(?:om )?(?:nog )?(?:te )?(?:leven|verder te leven)\b",
    # "113" as the resident's own word, not a volunteer job or a donation there
    r"^(?!.*\b(?:vrijwillig\w*|vacature\w*|stage\w*|doneren|donatie|solliciter\w*)\b).*\b113\b",
    # "er een punt achter zetten" is suicidal when life is named ("ik trek dit leven niet meer")
    r"\b(?:trek|trekt|kan|kun|hou|houd|houdt|verdraag) (?:\w+ ){0,2}(?:dit|het|mijn|zijn|haar|zo n) leven"
    r" (?:\w+ )?(?:niet|nie) meer\b(?! (?:\w+ )?(?:betalen|bekostigen|veroorloven|betaalbaar))",
    r"\bpunt (?:achter|aan) (?:\w+ ){0,2}zetten\b(?=.{0,80}\bleven\b)|\bleven\b.{0,80}\bpunt achter\b",
    # asking how to die
    r"\b(?:pijnloos|zonder pijn|snelste manier|makkelijkste manier|beste manier|manier om|hoe kan ik)"
    r"(?: \w+){0,3} (?:dood (?:te )?gaan|doodgaan|te sterven|sterven|mezelf|mijzelf|een eind|een einde)\b",
    r"\bhoeveel (?:\w+ ){0,4}(?:nodig|moet|slikken|nemen|innemen)\b.{0,40}\b(?:dood|sterven|overdosis)\b",
    # self-harm with a blade
    r"\b(?:pols|polsen|aders)\b.{0,30}\b(?:doorsnijden|door te snijden|doorsnijd|open ?snijden|snijden"
    r"|snij|opensnijden|mes|scheermes|scheermesje)\b"
    r"|\b(?:mes|scheermes|scheermesje)\b.{0,20}\b(?:pols|polsen)\b",
    r"\b(?:gesneden|gekrast|snijden|krassen|snij|kras) (?:\w+ )?in (?:mijn|me|zijn|haar) (?:arm|armen|been"
    r"|benen|bovenbenen|pols|polsen|huid|lijf|buik)\b"
    r"|\b(?:mijn|zijn|haar) (?:arm|armen|been|benen|bovenbenen|pols|polsen) (?:\w+ ){0,2}(?:opengesneden"
    r"|gesneden|gekrast|opengekrast)\b",
    r"\b(?:ik|hij|ze|zij) (?:\w+ ){0,2}(?:cut|cutten|cutte|gecut)\b|\b(?:aan het|weer) cutten\b",
    r"\b(?:ga|wil|zal|gaat|wilt) (?:\w+ ){0,4}tegen (?:een|de) (?:boom|muur|brugpijler|pilaar|vrachtwagen)"
    r" (?:\w+ )?(?:rijden|rijdt|aan rijden|aanrijden|knallen|crashen|te rijden)\b",
    r"\bbijna (?:\w+ ){0,2}(?:gesprongen|opgehangen|verhangen|een eind aan|zelfmoord|alle pillen)\b",
    r"\b(?:makkelijker|beter|fijner|rustiger|opgelucht|blij|beter af)\b (?:\w+ ){0,5}(?:als|dat|wanneer"
    r"|zonder) (?:ik|mij|me) (?:er )?(?:\w+ ){0,2}(?:(?:niet|nie) meer (?:ben|zou zijn|was|besta|zijn)|dood"
    r" (?:ben|was|ga|zou zijn)|weg (?:ben|was))\b",
    r"\b(?:ik|wil|ga|gewoon|letterlijk|echt|even) (?:\w+ )?kms\b",
    r"\beuthanasie\b.{0,80}\b(?:doe (?:ik )?(?:het )?zelf|zelf (?:doen|regelen)|zelf (?:een )?eind\w*)",
    r"\b(?:stoppen|stop|ophouden) (?:ermee |er mee )?met (?:het |mijn |zijn |haar )?leven\b",
    r"\bweg (?:uit|van) (?:deze|de|dit) (?:wereld|aarde|leven)\b|\bvan (?:deze|de) (?:wereld|aarde) (?:\w+ )?"
    r"(?:verdwijnen|weg|af)\b",
    r"\b(?:wil|wilt|ga|gaat) (?:\w+ ){0,2}bij (?:mijn|haar|zijn) (?:\w+ )?(?:overleden|dode|gestorven) \w+"
    r" (?:\w+ )?(?:zijn|komen|gaan)\b",
    r"\bom er (?:\w+ )?(?:niet|nie) meer te zijn\b",
    r"(?:mezelf|mijzelf|zichzelf) (?:\w+ ){0,2}(?:kapot|dood) (?:maken|maak|maakt|te maken)\b"
    r"|\bmaak (?:\w+ )?(?:mezelf|mijzelf) (?:\w+ )?(?:kapot|dood)\b",
    r"\bslapen voor altijd\b|\bvoor altijd (?:gaan |te )?slapen\b|\beeuwig (?:gaan |te )?slapen\b",
    r"\b(?:verdwijnen|verdwijn|weggaan|weg) (?:\w+ )?voor altijd\b",
    r"\bhoe (?:hoog|veel|diep|lang|snel) (?:\w+ ){0,5}(?:om )?(?:dood (?:te )?gaan|te sterven|dood te zijn)\b"
    r"|\bom dood te gaan\b",
    r"\b(?:neem|slik) (?:nu|zo|vanavond|straks|vannacht) (?:\w+ )?(?:de|die|al mijn|alle|al die|een hele)"
    r" (?:\w+ )?(?:pillen|tabletten|medicijnen|slaappillen)\b",
    r"\b(?:neem|slik|nemen|slikken) (?:\w+ ){0,2}(?:al mijn|al haar|al zijn|alle|al die|een hele strip"
    r"|een hele doos) (?:\w+ )?(?:pillen|tabletten|medicijnen|slaappillen)\b(?! mee)",
    r"\b(?:hoop|hoopt|hoopte) (?:dat )?(?:ik|hij|ze|zij) (?:(?!niet |nie |nooit )\w+ ){0,2}(?:doodgaat|doodga"
    r"|dood ga|dood gaat|sterf|sterft|dood ben|dood is)\b",
    r"\b(?:doei|dag|vaarwel|bye|tot ziens|adios|houdoe) (?:\w+ ){0,2}voor altijd\b",
    r"(?<!niet )\bbeter (?:af )?dood\b",
    r"\b(?:eind|einde) (?:te )?maken aan (?:mijn|zijn|haar|hun|het|dit|me) (?:\w+ )?(?:leven|bestaan)\b",
    r"\b(?:eind|einde|punt) (?:\w+ )?(?:aan|achter) alles\b",
    r"\b(?:voorgenomen|besloten|van plan|plannen) (?:\w+ ){0,4}(?:te springen|springen|mezelf|er een eind"
    r"|een eind|een einde|dood te gaan|zelfmoord)\b",
    r"\b(?:niet|nie) meer (?:door|verder) (?:\w+ )?met (?:dit|het|mijn|zo n) leven\b",
    r"\bleven\b.{0,40}\b(?:wil|ga) (?:er )?(?:vanaf|uitstappen|uit stappen|mee stoppen|mee ophouden)\b",
    r"\bik (?:sta|zit|ben) (?:nu |hier )?(?:op|aan) (?:de rand van |het dak van )?(?:het|de) (?:dak|spoor|rails"
    r"|rand|reling|leuning|viaduct)\b",
    r"\ber (?:nu )?zelf uit ?(?:te )?stappen\b|\bzelf (?:er )?uit ?(?:te )?stappen\b",
    r"\b(?:mijn|haar|zijn|dit is (?:mijn|haar|zijn)?) ?laatste (?:bericht|berichtje|appje|post)\b",
    r"\b(?:wou|wilde|wenste|zou willen) dat (?:ik|hij|ze|zij) (?:\w+ )?(?:nooit|niet) geboren (?:was|ben|is)\b",
    r"\b(?:denk|denkt|dacht) (?:\w+ ){0,3}(?:aan|over) (?:de )?dood\b(?! van)",
    r"\bhelpen (?:met |om )?(?:te )?(?:dood ?gaan|doodgaan|sterven|dood te gaan|een eind)\b",
    # "ik maak het af" when life or death is named ("ik zie mezelf niet oud worden, ik maak het af")
    r"^(?=.*\b(?:leven|oud worden|oud word|dood|geen zin|klaar mee|uitzichtloos)\b).*\bmaak (?:het|er)"
    r" (?:\w+ ){0,2}(?:af|een eind aan)\b",
    r"\b(?:heeft|heb|had) (?:gisteren |vannacht |net |weer |al |ooit )?een poging (?:gedaan|ondernomen)\b"
    r"(?! (?:om|tot))",
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
    r"\bzelfmoordpoging\b",
    r"\bafscheids(?:bericht|brief|briefje|berichtje|video)",
    r"\b(?:snij|snijd|kras|krast|snijdt|sneed) (?:me|mij|mezelf|mijzelf|zichzelf|zich)\b",
    r"\b(?:mezelf|mijzelf|zichzelf) (?:\w+ )?(?:snij|snijd|snijdt|kras|krast|sneed|snijden|krassen)\b",
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
    # not when a known cause explains it ("mijn man is doof en reageert niet als ik roep")
    r"^(?!.*\b(?:doof|slechthorend|gehoorapparaat|dement\w*|alzheimer|autis\w*)\b).*"
    r"\breageert (?:niet|nie|nergens)(?: meer)?(?! (?:meer )?op (?:mijn|me|de|het|haar|zijn|onze|jouw|uw|berichten|appjes|mails|brieven))\b",
    r"\bbewusteloos\b",
    r"\bbuiten bewustzijn\b",
    r"\bniet (?:meer )?(?:bij )?bewustzijn\b",
    r"\bniet (?:meer )?aanspreekbaar\b(?!.{0,30}\b(?:sinds|dementie|alzheimer)\b)",
    r"\b(?:niet|nie) (?:meer )?wakker (?:te krijgen|krijgen)\b",
    r"(?<!ik )\b(?:wordt|word) (?:niet|nie) (?:meer )?wakker\b",
    r"\boverdosis\b",
    r"\b(?:heel veel|alle|al mijn|al haar|al zijn|al die|een hele strip|te veel|een handvol|[1-9]\d+)"
    r" (?:\w+ )?(?:pillen|medicijnen"
    r"|tabletten|paracetamol\w*|slaappillen|oxazepam|ibuprofen|pijnstillers)(?: \w+){0,2} "
    r"(?:genomen|ingenomen|geslikt|opgegeten)\b",
    r"\bpijn op (?:de|mijn|zijn|haar) borst\b(?!.{0,40}\b(?:vorige|vorig|afspraak|gehad)\b)",
    r"\b(?:mond|gezicht|mondhoek|wang|gezichtshelft) (?:\w+ ){0,2}scheef\b",
    # "ik krijg geen lucht van de schimmel" is a complaint, not an emergency
    r"\b(?:krijgt|krijg|kreeg) geen lucht\b(?! (?:\w+ )?(?:van (?:de|het) (?:schimmel|vocht|stof|rook|lucht"
    r"|geur|stank)|door (?:de|het) (?:schimmel|vocht)|meer in|als ik|wanneer|bij het|s nachts))",
    r"\b(?:wordt|word|ziet|kleurt|is) (?:helemaal |heel |al )?blauw\b(?! (?:geverfd|gekleurd))",
    r"\bbloedt uit\b",
    r"\bbeweegt (?:niet|nie) meer\b",
    r"(?:schoonmaakmiddel|gif|bleek|bleekmiddel|chloor|wasmiddel|ontstopper|vergif|lampenolie|ammoniak"
    r"|terpentine|antivries|accuzuur|batterij|batterijtje|knoopcel\w*|wasmiddelcapsule\w*|wc-eend|wc eend"
    r"|spiritus|aansteker\w*vloeistof|ontkalker)\b.{0,30}"
    r"\b(?:gedronken|opgedronken|ingeslikt|doorgeslikt|gegeten|binnengekregen|geslikt|ingenomen)\b",
    r"\b(?:hele|halve) (?:doos|pot|strip|fles) (?:\w+ ){0,2}(?:ingenomen|geslikt|genomen"
    r"|opgedronken)\b",
    r"\bte veel (?:insuline|pillen|medicijnen|tabletten|slaappillen) (?:\w+ )?(?:gespoten|genomen"
    r"|ingenomen|geslikt)\b",
    # "ik ruik gas", "ik vermoed een gaslek"; not "wie bel ik als ik een gaslek vermoed"
    r"\b(?:ruik|ruiken|rook) gas\b|(?<!bij een )(?<!als er een )\bgaslek\b(?! vermoed)|\bkoolmonoxide\b",
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
    # pills already taken, or taken to die
    r"\b(?:de|die|al die|al mijn|al haar|al zijn) (?:\w+ )?(?:pillen|tabletten|medicijnen|slaappillen)"
    r" (?:al|net|zojuist|daarnet|allemaal) (?:\w+ )?(?:genomen|ingenomen|geslikt|opgenomen)\b",
    r"\b(?:genomen|ingenomen|geslikt|gedronken|gespoten) om (?:\w+ ){0,2}(?:dood te gaan|te sterven"
    r"|er een eind\w* aan|niet meer wakker|zelfmoord)\b",
    r"\b(?:pillen|tabletten|medicijnen|slaappillen|paracetamol\w*) (?:\w+ ){0,3}(?:geslikt|ingenomen|genomen)"
    r"\b(?=.{0,60}\b(?:dood|sterven|niet meer wakker|afscheid|eind aan)\b)",
    # someone on the floor for a while, or who cannot be woken
    r"\bligt (?:\w+ ){0,4}op (?:de|het) (?:grond|vloer|badkamervloer|keukenvloer|straat|stoep|trap)\b"
    r"(?=.{0,60}\b(?:uren|uur|sinds|roept|kreunt|kan (?:niet|nie)|krijg|wakker|beweegt|reageert|bloedt"
    r"|help|ademt|opstaan|overeind)\b)",
    r"\b(?:ligt|lag|gevallen|gezakt|op straat|op de grond)\b.{0,40}\b(?:(?:niet|nie) (?:meer )?beweegt"
    r"|beweegt (?:niet|nie))\b",
    r"\b(?:krijg|krijgen|kreeg|krijgt) (?:\w+ ){0,2}(?:niet|nie) (?:meer )?wakker\b",
    r"\b(?:voel|voelt|hoor|hoort|vind|vindt) (?:\w+ ){0,2}(?:geen|niks|niets) (?:\w+ )?(?:hartslag|pols"
    r"|ademhaling)\b|\bgeen (?:hartslag|pols)\b",
    r"\b(?:komt|kwam) (?:\w+ )?(?:niet|nie) (?:meer )?(?:boven|bovenwater)\b|\bverdrinkt\b"
    r"|\baan het verdrinken\b|\bte water (?:geraakt|gevallen)\b",
    r"\b(?:is|zijn|ben) (?:\w+ )?aan het stikken\b|\bstikt\b",
    r"\b(?:is|ben) (?:net|zojuist|opeens|ineens|daarnet) (?:\w+ )?(?:flauwgevallen|in elkaar gezakt|onwel"
    r" geworden|neergevallen)\b",
    r"\bademt (?:heel |erg )?(?:raar|vreemd|gek|onregelmatig|reutelend)\b"
    r"(?!.{0,60}\b(?:apneu|slaapapneu|s nachts|apparaat|cpap)\b)",
    r"\b(?:heeft|hebben|had) (?:\w+ ){0,2}(?:hele|halve) (?:doos|pot|potje|strip|fles) (?:\w+ ){0,2}op\b",
    r"\bin elkaar (?:gezakt|gestort)\b(?=.{0,40}\b(?:reageert|ademt|hartslag|wakker|beweegt|nu|net)\b)",
]
#: Stabbed or shot: acute, unless the message tells of something past.
_ACUUT_VERWONDING = re.compile(
    r"\b(?:is|wordt|ben|zijn|word|worden) (?:\w+ ){0,3}(?:neergestoken|gestoken|neergeschoten|beschoten"
    r"|doodgestoken|doodgeschoten|aangereden)\b"
    rf"|\b(?:hij|ze|zij|iemand|{_BEZIT} (?:\w+ )?{_GEZIN}) (?:heeft|had) (?:\w+ )?(?:me|mij|haar|hem|ons)"
    r" (?:\w+ ){0,2}(?:gestoken|neergestoken|neergeschoten|beschoten|doodgestoken)\b"
)
#: A heart attack or stroke happening now, not one in the past ("sinds de beroerte van ...").
_GEBEURTENISSEN = (
    r"(?:hartaanval|hart aanval|hartstilstand|beroerte|herseninfarct|hersenbloeding"
    r"|epileptische aanval)"
)
_ACUUT_GEBEURTENIS = re.compile(r"\b" + _GEBEURTENISSEN + r"\b")
#: "heeft net een beroerte gehad": just now, so not in the past.
_NET_GEBEURTENIS = re.compile(
    r"\b(?:net|zojuist|daarnet|nu|ineens|opeens|zonet) (?:\w+ ){0,2}" + _GEBEURTENISSEN + r"\b"
)
#: An overdose told as history ("in 2015 had ik een overdosis, nu ben ik clean").
_OVERDOSIS_VROEGER = re.compile(r"\b(?:had|hadden|heb gehad|was) (?:\w+ ){0,3}overdosis\b")
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
    r"\b(?:staat|staan|stond|is|zijn|zit|zitten|wacht|wachten|loopt|lopen|rijdt|parkeert) (?:\w+ ){0,5}"
    r"(?:voor|aan|bij|rond|om) (?:de|mijn|onze|ons|het|m|haar|zijn) (?:deur|voordeur|raam|huis|woning|flat)\b"
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
    r"|\b(?:komt|komen) (?:\w+ ){0,2}om (?:me|mij|ons|haar|hem|de kinderen)\b"
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
    r"|\b(?:me|mij|ons|haar) (?:\w+ )?(?:pakt|pakken|te pakken|grijpt|grijpen)\b"
    r"|\b(?:wurgen|wurgt|te wurgen)\b"
)
#: "vanavond", "straks", "als hij thuiskomt": a threat that is about to happen.
_STRAKS = re.compile(
    r"\b(?:vanavond|vannacht|straks|zo meteen|zometeen|nu|vandaag|zo dadelijk)\b"
    r"|\bover (?:\d+|een|twee|drie|vijf|tien) (?:minuten|minuutjes|kwartier|uur)\b|\bhier is\b"
    r"|\bals (?:hij|ze|zij) (?:\w+ )?(?:thuiskomt|thuis komt|terugkomt|binnenkomt|vrijkomt)\b"
)
#: A threat to kill or hurt the writer or the household.
_DOODSBEDREIGING = re.compile(
    r"\b(?:me|mij|ons|de kinderen|haar|hem|mama|papa) (?:\w+ ){0,3}(?:vermoorden|vermoordt|vermoord"
    r"|doodmaken|doodmaakt|dood maken|dood maakt|dood te maken|kapot maken|kapotmaken|kapot maakt"
    r"|kapotmaakt|afmaken|af te maken|afmaakt|wurgen|te wurgen|doodsteken|dood te steken|neersteken"
    r"|doodschieten|neerschieten|iets aandoet|iets aan doet|iets aan te doen|wat aandoet|iets aandoen)\b"
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
    r"\bhelp (?:\w+ ){0,2}(?:hij|ze|zij) (?:\w+ ){0,2}(?:slaat|heeft een|staat|komt|wil (?:me|mij|ons)"
    r"|gaat (?:me|mij|ons)|wurgt|schopt|steekt|dreigt|probeert|sleurt|trekt|duwt)\b",
    r"\b(?:breekt|breken|brak|forceert|forceren) (?:\w+ ){0,2}(?:de|mijn|onze|het) (?:voordeur|deur|raam|ruit"
    r"|slot) (?:\w+ )?(?:in|open)\b|\b(?:is|zijn) (?:\w+ ){0,2}aan het inbreken\b",
    r"\b(?:probeert|proberen|wil|gaat) (?:\w+ ){0,3}(?:open te breken|open breken|openbreken|in te breken"
    r"|te forceren|in te trappen|open te trappen)\b",
    r"\b(?:dreigt|dreigde|gedreigd|gaat|wil|zal) (?:\w+ ){0,4}in (?:de )?(?:brand|fik) (?:te )?(?:steken"
    r"|zetten)\b",
    r"\b(?:ben|zit|zitten|zijn|word|wordt|worden) (?:in|op) (?:de|mijn|een|het|zijn|haar|onze) (?:\w+ )?"
    r"(?:kamer|slaapkamer|badkamer|kelder|wc|toilet|schuur|kast|zolder|auto|garage|berging) (?:\w+ )?opgesloten\b",
    r"\b(?:mes|messen|pistool|vuurwapen|geweer|wapen|bijl)\b.{0,60}\b(?:gaat|wil|zal|dreigt) (?:\w+ ){0,2}"
    r"(?:gebruiken|te gebruiken|schieten|steken)\b",
    r"\b(?:staat|stond|loopt|liep|is|zit|komt) (?:er )?(?:iemand|een man|een vrouw|een jongen|hij|ze|zij)"
    r" (?:\w+ ){0,4}met (?:een|zijn|haar|het) (?:mes|pistool|vuurwapen|geweer|wapen|bijl|knuppel"
    r"|honkbalknuppel|hamer)\b",
]
#: Hiding from someone who is raging now ("we zitten boven verstopt").
_VERSTOPT = re.compile(
    r"\b(?:verstopt|verstop|verstoppen|verschuil|verschuilen|verscholen|barricade\w*)\b"
)
_RAZEND = re.compile(
    r"\b(?:doorgedraaid|door het lint|slaat alles kapot|gooit met|agressief|razend|woedend|dronken|dreigt"
    r"|bedreigt|mes|wapen|slaat|schreeuwt|tiert|sloopt)\b"
)
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
    # "dan slaat hij ons", "als hij drinkt slaat hij me"
    rf"\b(?:slaat|schopt|mishandelt|stompt|wurgt|duwt|misbruikt) (?:hij|ze|zij) (?:\w+ )?{_SLACHTOFFER}\b"
    r"(?! (?:\w+ )?(?:dood|om de oren|de plank))",
    rf"\b(?:geeft|gaf|geven|gaven) {_SLACHTOFFER} (?:\w+ ){{0,2}}(?:klappen|een klap|een pak slaag|slaag"
    r"|een mep|een schop|een trap|een stomp|een kopstoot|een duw|rake klappen|een dreun|een tik)\b",
    rf"\b(?:heeft|hebben|had) {_SLACHTOFFER} (?:\w+ ){{0,2}}(?:een klap|een duw|een schop|een trap|een stomp"
    r"|een kopstoot|een mep|een dreun|klappen) (?:\w+ )?(?:gegeven|verkocht|gegeven)\b",
    rf"\b(?:krijg|krijgen|krijgt|kreeg|kregen) (?:\w+ ){{0,3}}(?:klappen|een klap|slaag|een pak slaag"
    rf"|een mep|een schop|een trap|rake klappen|een dreun)\b(?=.{{0,30}}\b(?:thuis|van (?:mijn|haar|zijn|de)"
    rf" (?:\w+ )?{_GEZIN}|van (?:hem|haar|mijn vader|mijn moeder))\b)",
    rf"\b(?:thuis|van (?:mijn|haar|zijn) (?:\w+ )?{_GEZIN}) (?:\w+ ){{0,2}}(?:klappen|slaag|een pak slaag)\b",
    r"\bgaat (?:\w+ ){0,2}los op (?:me|mij|ons|haar|hem|mama)\b",
    rf"\b(?:{_IEMAND}) (?:\w+ )?klopt (?:me|mij|ons|haar|hem)\b(?! (?:aan|op))",
    r"\b(?:word|wordt|worden|ben) (?:\w+ ){0,3}geklopt (?:door|van)\b",
    r"\b(?:hoor|horen|hoorde|zie|zag) (?:\w+ ){0,6}(?:slaan|schoppen|mishandelen)\b",
    rf"\b(?:wordt|worden|werd) (?:\w+ )?door (?:haar|zijn|mijn|de|hun) (?:\w+ )?(?:{_GEZIN}|verzorg\w*|thuiszorg"
    r"|begeleider|bewindvoerder) (?:\w+ ){0,2}(?:bestolen|beroofd|uitgebuit|afgeperst|verwaarloosd|opgelicht"
    r"|gechanteerd|uitgeperst)\b",
    rf"\b(?:krijg|krijgt|krijgen|kreeg) van (?:mijn|haar|zijn|de|hun) (?:\w+ )?(?:{_GEZIN}|verzorg\w*|thuiszorg"
    r"|begeleider|stiefvader|stiefmoeder) (?:\w+ )?(?:klappen|slaag|een pak slaag|een klap|schoppen|een schop)\b",
    rf"\b(?:{_IEMAND}|papa|mama) (?:\w+ ){{0,2}}(?:me|mij|haar|hem|ons) (?:\w+ )?pijn (?:doet|doen|gedaan)\b",
    # forced sex, grooming, abuse at night
    r"\b(?:dwingt|dwong|dwingen|gedwongen) (?:\w+ ){0,3}(?:tot seks|seks|tot seksuele|om seks|tot dingen"
    r"|naaktfoto|naakt|tot aanraken|om aan te raken|tot pijpen|te neuken)\w*",
    r"\b(?:komt|kwam|komen) (?:\w+ ){0,3}(?:'?s ?nachts|als iedereen slaapt|als (?:mama|mijn moeder) (?:weg|werkt)"
    r" is) (?:\w+ ){0,3}(?:op|in|naar) (?:mijn|me|haar|zijn) (?:kamer|bed|slaapkamer)\b",
    r"\b(?:komt|kwam|komen) (?:\w+ ){0,3}(?:op|in|naar) (?:mijn|me|haar|zijn) (?:kamer|bed|slaapkamer)"
    r" (?:\w+ )?(?:'?s ?nachts|als iedereen slaapt)\b",
    rf"\b(?:zit|zat|zitten) (?:steeds |altijd |vaak |weer |soms )?aan (?:mijn|haar|zijn) (?:\w+ )?{_REL}\b"
    r"(?! (?:\w+ )?(?:spullen|telefoon|computer|laptop|eten|bureau|bed|kamer|fiets|auto))",
    r"\bmet de dood (?:bedreigd|bedreigt|bedreigen)\b|\b(?:bedreigd|bedreigt) (?:me|mij|ons|haar) met de dood\b",
    r"\b(?:blijft|blijven|gaat|begint) (?:me|mij|ons|haar|hem) (?:\w+ ){0,2}(?:bedreigen|te bedreigen)\b",
    # forced marriage, honour-related violence
    r"\b(?:uithuwelijk\w*|uitgehuwelijkt|huwelijksdwang|gedwongen huwelijk|eerwraak|eergerelateerd\w*)\b",
    r"\b(?:sturen|terugsturen|achterlaten|meenemen|naar \w+ sturen) (?:\w+ ){0,4}om te (?:trouwen|laten trouwen)\b",
    r"\b(?:moet|moeten|gedwongen) (?:\w+ ){0,3}trouwen\b.{0,40}\b(?:wil (?:niet|nie)|tegen mijn wil|gedwongen)\b",
    # intimate images as a threat
    r"\b(?:naakt\w*|seksfilm\w*|sexfilm\w*|seksvideo\w*|intieme (?:foto|beelden|video)\w*)\b.{0,60}"
    r"\b(?:verspreiden|online (?:te )?zetten|doorsturen|delen|op internet|dreigt|chanteert)\b",
    # someone shouting for help, heard by a neighbour
    r"\bom hulp (?:roept|roepen|schreeuwt|schreeuwen|gillen|gilt|riep|riepen)\b",
    # attacked by someone at home
    rf"\b(?:{_IEMAND}) (?:\w+ ){{0,3}}(?:heeft|had|hebben) (?:\w+ ){{0,3}}(?:{_SLACHTOFFER}) (?:\w+ ){{0,3}}aangevallen\b",
    rf"\b(?:valt|vallen|viel) (?:\w+ )?{_SLACHTOFFER} (?:\w+ ){{0,2}}aan\b(?! (?:\w+ )?(?:over|op|met vragen))",
    # extortion, money disappearing under a relative's or carer's hands
    r"\b(?:perst|persen|perste|persten) (?:\w+ ){0,3}af\b|\bafpersing\b|\bafgeperst\b",
    r"\b(?:verdwijnt|verdwijnen|verdwenen|verdwijnt er) (?:\w+ ){0,4}(?:geld|bedragen|spaargeld|sieraden)\b"
    r"(?=.{0,120}\b(?:zonder (?:mijn|haar|zijn) toestemming|boos|zoon|dochter|schoonzoon|schoondochter"
    r"|kleinzoon|kleindochter|neef|thuiszorg|verzorger|verzorgster|hulp|familie)\b)",
    # treated roughly in a care home
    r"\b(?:slecht|ruw|hardhandig|wreed|vernederend|respectloos) (?:\w+ )?(?:behandeld|behandelt|aangepakt)\b"
    r"(?=.{0,60}\b(?:blauwe plekken|pijn|bang|huilt)\b)"
    r"|\b(?:verpleeghuis|verzorgingshuis|zorginstelling|instelling|thuiszorg|dagbesteding)\b.{0,40}"
    r"\b(?:ruw|hardhandig|wreed|slecht) (?:\w+ )?behandeld\b",
    rf"\b(?:slaat|schopt|stompt|wurgt|mishandelt|mishandeld|knijpt|misbruikt|verkracht|trapt|slaan|schoppen"
    rf"|mishandelen|betast|betasten) (?:nu |steeds |elke dag |vaak |soms |weer |ook )?{_SLACHTOFFER}\b"
    r"(?! (?:\w+ )?(?:dood|om de oren met|er (?:wel )?doorheen|doorheen))",
    # "schopt zijn hond en zijn kinderen"
    rf"\b(?:slaat|schopt|mishandelt|slaan|schoppen) (?:zijn|haar|hun) \w+ en (?:zijn|haar|hun) (?:\w+ )?{_REL}\b",
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
    r"|uitgebuit|opgelicht|afgeperst|vastgebonden|vastgezet|beroofd|gechanteerd)\b",
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
#: Signs of domestic abuse that are no emergency: control, stalking, pushing, being afraid at home.
#: Not a crisis (the NLU data teaches them as the huiselijk_geweld thema), but never an ordinary
#: road either: :func:`veilig_thuis_signaal` lets the conversation give Veilig Thuis first even
#: when the classifier chose another thema.
_VEILIG_THUIS = [
    # pushing, kicking, hitting the writer or someone at home ("duwt me", not "duwt me in de rolstoel")
    rf"\b(?:duwt|duwde|trekt aan|bijt|smijt|knijpt) (?:nu |steeds |elke dag |vaak |soms |weer |ook )?"
    rf"{_SLACHTOFFER}\b(?! (?:\w+ ){{0,3}}(?:rolstoel|rollator|buggy|kinderwagen|schommel|scootmobiel|auto in))",
    # stalking, threats that go on, coercive control
    r"\b(?:stalkt|stalken|stalk|gestalkt|stalker|stalking)\b",
    r"\b(?:blijft|blijven|gaat|begint) (?:me|mij|ons|haar|hem) (?:\w+ ){0,2}(?:bedreigen|te bedreigen"
    r"|lastigvallen|lastig te vallen|intimideren|achtervolgen|opwachten|op te wachten)\b",
    r"\bik mag (?:\w+ ){0,2}(?:niemand|nergens|mijn familie niet|mijn vriendinnen niet)"
    r" (?:\w+ )?(?:zien|spreken|bellen|heen|naartoe|meer zien)\b",
    rf"\b(?:mag|mogen) (?:\w+ ){{0,2}}van (?:mijn|haar|zijn) {_GEZIN} (?:\w+ ){{0,3}}(?:niet|niks|nergens|niemand"
    r"|nooit)\b(?=.{0,40}\b(?:naar buiten|de deur uit|zien|spreken|werken|bellen|alleen|weg)\b)",
    rf"\b(?:{_GEZIN}|hij|ze|zij) (?:\w+ ){{0,3}}(?:pakt|neemt|houdt|steelt|jat) (?:\w+ ){{0,2}}(?:al )?(?:mijn|ons|haar)"
    r" (?:geld|pinpas|bankpas|loon|uitkering|salaris|paspoort|id|verblijfsvergunning) (?:\w+ )?(?:af|weg|in)\b",
    r"\bcontroleert (?:\w+ )?(?:mijn|haar) (?:telefoon|mobiel|berichten|appjes)\b(?=.{0,80}\b(?:mag|slaat|bang"
    r"|dreigt|niemand|geld)\b)",
    # not safe at home (unless the danger is a fall, the stove or wandering off with dementia)
    rf"\b(?:niet|nie|nergens) (?:meer )?veilig (?:\w+ ){{0,2}}(?:door|bij|met|voor) (?:mijn|haar|zijn) (?:\w+ )?{_GEZIN}\b",
    r"\bonveilig (?:\w+ )?(?:door|bij|met) (?:mijn|haar|zijn) (?:\w+ )?(?:man|vrouw|partner|vriend|vader|moeder"
    r"|ex|broer|zoon)\b",
    # afraid of a family member
    rf"\b(?:ben|is|zijn|word|wordt) (?:\w+ ){{0,2}}bang (?:\w+ )?voor (?:mijn|haar|zijn|onze) (?:\w+ )?{_GEZIN}\b",
]

#: Bruises or marks with a cue that someone did them (not a fall).
_BLAUWE_PLEKKEN = re.compile(
    r"\b(?:blauwe plekken|blauw oog|striemen|brandplekken|sigarettenbrandwonden)\b"
)
_DADER_CUE = re.compile(
    rf"\b(?:zegt dat|vertelde|vertelt|durft|boos|slaat|sloeg|duwt|geduwd|gedaan|bang|verstopt"
    rf"|verklaring|{_GEZIN})\b"
)
_VAL = re.compile(
    r"\b(?:val|valt|vallen|gevallen|stoot|stoten|gestoten|bloedverdunner\w*|sport\w*|\w*boksen|judo"
    r"|voetbal\w*|hockey|training|turnen|vechtsport|wedstrijd|speeltuin|fiets\w*)\b"
)
#: Neglect: someone left in filth or without food, by a carer or relative who does not come.
_VERWAARLOOSD = re.compile(
    r"\b(?:in (?:haar|zijn|hun) eigen (?:ontlasting|poep|urine|plas|vuil)|(?:al )?dagen (?:\w+ )?zonder"
    r" (?:eten|drinken)|uitgedroogd|doorligwonden|geen eten (?:\w+ )?(?:in huis|meer))\b"
)
_ZORGER_WEG = re.compile(
    r"\b(?:komt|komen|kwam) (?:\w+ ){0,3}(?:niet|nie|nooit)\b|\blaat (?:haar|hem|ze) (?:\w+ ){0,2}"
    r"(?:liggen|zitten|aan (?:haar|zijn) lot)\b|\bverwaarloos\w*|\bdoet (?:er )?niets\b"
)
#: Secrecy demanded by someone who touches or photographs a child.
_GEHEIM = re.compile(
    r"\b(?:mag|mogen) (?:\w+ ){0,2}(?:niks|niets|het niet|aan niemand|tegen niemand|niemand) (?:\w+ ){0,2}"
    r"(?:zeggen|vertellen)\b|\b(?:niks|niets|niemand|het niet) (?:\w+ )?(?:mag|mogen) (?:\w+ )?(?:zeggen"
    r"|vertellen)\b|\bons geheimpje\b|\bgeheim (?:\w+ )?(?:houden|blijven)\b"
)
_GEHEIM_WAT = re.compile(
    r"\b(?:foto|fotos|foto's|naakt\w*|aanraken|aangeraakt|zit aan|zat aan|kamer|bed|seks\w*|pijn|slaat"
    r"|klappen|blauwe|kusjes|kussen|piemel|borsten)\b"
)
#: The one who takes the money is a relative: "de zoon van mijn buurvrouw pakt haar pinpas af".
_GELD_DADER = re.compile(
    r"\b(?:zoon|dochter|kleinzoon|kleindochter|schoonzoon|schoondochter|neef|nicht|broer|zus|verzorger"
    r"|verzorgster|thuiszorg)\b"
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
    r" (?:\w+ ){0,4}(?:slaat|sloeg|schopt|mishandelt|mishandeld|wurgt)"
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
    r"|scriptie|hoofdpersoon|personage|cursus|training|workshop|voorlichting|lezing|les over"
    r"|voorlichtings\w+|informatieavond|themaavond|thema-avond|bijeenkomst|congres|webinar)\b"
)
#: Wording that ties the message to the writer's own life ("mijn", "ik wil").
_PERSOONLIJK = re.compile(
    r"\b(?:mijn|me|mij|mezelf|mijzelf|ons|onze|wij|we)\b|\bik (?:\w+ )?(?:wil|ga|denk|voel)\b|\bwil ik\b"
)
_FICTIE_ZIN = re.compile(
    r"\b(?:die|dat|wat) (?:ik|we|wij) (?:\w+ )?(?:lees|las|kijk|keek|zie|zag|schrijf|schreef|maak|volg)\b"
    r"|\b(?:ik|we|wij) (?:\w+ )?(?:lees|las|kijk|keek|zie|zag|hoorde|schrijf|schreef|maak|moet|volg)\b"
    r"|\b(?:wij|we|ik) (?:\w+ )?(?:organiseren|organiseer|geven|geef|houden|hou|verzorgen|verzorg)\b"
    r"|\b(?:voor|op|in|bij) (?:mijn|onze|ons|het) (?:opleiding|studie|school|stage|werk|klas|vak|cursus"
    r"|buurthuis|wijk|afdeling|team)\b"
)
#: "haha", "lol": a joke, when the only violence is a word like "vermoorden" (see :func:`_soort`).
_GRAP = re.compile(r"\b(?:haha\w*|hihi\w*|hehe\w*|lol|lool|grapje|geintje|xd|grap)\b")
_ECHT_GEWELD = re.compile(
    r"\b(?:slaat|sla|slaan|sloeg|geslagen|schop\w*|mishandel\w*|misbruik\w*|bedreig\w*|verkracht\w*"
    r"|aangerand|klappen|mes|messen|wapen|pistool|geweer|wurgt|gewurgd|pijn)\b"
)
#: "ik kan hem wel vermoorden": hyperbole of the writer, removed before the violence rules run.
_HYPERBOOL = re.compile(
    r"\bik (?:zou|kan|kon|kun) (?:\w+ ){0,4}wel (?:\w+ ){0,2}(?:kunnen )?(?:vermoorden|wurgen|afmaken|killen"
    r"|doodslaan|schieten|af schieten|achter het behang plakken)\b"
)
#: "een boek over zelfmoord": the crisis word is a topic, removed before suicide words are looked for.
_ONDERWERP = re.compile(
    r"\b(?:boek|boeken|film|serie|documentaire|docu|artikel|spreekbeurt|werkstuk|les|lessen|voorlichting"
    r"|podcast|lezing|presentatie|project|toneelstuk|verhaal) (?:over|rond|met als thema) (?:\w+ ){0,2}"
    r"(?:zelfmoord\w*|zelfdoding|suicid\w*|depressie)\b"
)
#: "ik heb geen zelfmoordgedachten": a denial, removed before suicide words are looked for.
_ONTKENNING = re.compile(
    r"\b(?:geen|nooit|niet) (?:\w+ )?(?:zelfmoord\w*|suicid\w*|zelfdoding\w*)\b"
    r"|\bniet suicidaal\b"
)
#: "denkt dat de thuiszorg steelt, maar dat klopt niet": a suspicion the writer rejects.
_VERWORPEN = re.compile(
    r"\b(?:denkt|zegt|beweert) dat\b.{0,80}\b(?:maar )?(?:dat|het) (?:klopt|is) (?:helemaal )?(?:niet|nie)"
    r"(?: waar)?\b"
)
#: Not safe at home, unless the danger is a fall, the stove or wandering off.
_THUIS_ONVEILIG = re.compile(
    r"\bthuis (?:\w+ ){0,2}(?:niet|nie) (?:meer )?veilig\b|\b(?:niet|nie) (?:meer )?veilig (?:meer )?thuis\b"
    r"|\bonveilig thuis\b|\bthuis (?:\w+ ){0,2}onveilig\b|\bonveilige thuissituatie\b"
)
_THUIS_ONVEILIG_ANDERS = re.compile(
    r"\b(?:dement\w*|alzheimer|valt|vallen|gevallen|valgevaar|trap|gas|fornuis|kookplaat|rollator|dwalen"
    r"|dwaalt|verward|brand|alleen wonen|woont alleen|slecht ter been|schimmel|inbraak|inbrekers)\b"
)
#: Violence that is happening while the resident writes: 112 first.
_NU_GEWELD = re.compile(
    r"\b(?:slaat|schopt|wurgt|mishandelt|steekt|slaan|schoppen) (?:\w+ ){0,2}nu\b(?! (?:is|gaat|even|weer) )"
    r"|\bnu (?:\w+ ){0,3}(?:slaat|schopt|wurgt|mishandelt|aan het slaan)\b|\bop dit moment\b"
    r"|\bterwijl ik (?:dit |nu )?(?:typ|schrijf)\b"
)
#: Information questions about a subject, not a situation ("signalen van ... herkennen").
_INFORMATIEF = re.compile(
    r"\b(?:signalen van|herkennen|wat is|informatie over|folder|voorlichting over|hoe herken)"
    r" (?:\w+ ){0,3}(?:huiselijk geweld|\w*mishandeling|misbruik|geweld|kindermishandeling|verwaarlozing"
    r"|ouderenmishandeling|seksueel)"
)


def _compileer(patronen: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patronen]


_C_SUICIDE_STERK = _compileer(_SUICIDE_STERK)
_C_SUICIDE_NOEMEN = _compileer(_SUICIDE_NOEMEN)
_C_MEDISCH = _compileer(_ACUUT_MEDISCH)
_C_PERSOON = _compileer(_PERSOON_ACUUT)
_C_GEWELD_HEDEN = _compileer(_GEWELD_HEDEN)
_C_GEWELD_GENOEMD = _compileer(_GEWELD_GENOEMD)
_C_VEILIG_THUIS = _compileer(_VEILIG_THUIS)


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
    # "me zelf", "zich zelf": one word
    tekst = re.sub(r"\b(me|mij|zich|hem|haar) zelf\b", r"\1zelf", tekst)
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
    tekst = _ONDERWERP.sub(" ", _HYPERBOOL.sub(" ", _ONTKENNING.sub(" ", tekst)))
    verleden = _verleden(tekst)
    medisch = (
        _een(_C_MEDISCH, tekst)
        or (
            bool(_ACUUT_GEBEURTENIS.search(tekst))
            and (not _VERLEDEN_GEBEURTENIS.search(tekst) or bool(_NET_GEBEURTENIS.search(tekst)))
        )
        or (bool(_ACUUT_VERWONDING.search(tekst)) and not verleden)
    )
    if (
        medisch
        and _OVERDOSIS_VROEGER.search(tekst)
        and verleden
        and not _een([p for p in _C_MEDISCH if "overdosis" not in p.pattern], tekst)
    ):
        medisch = False
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
        _een(_C_PERSOON, tekst)
        or (bool(_AANWEZIG.search(tekst)) and bool(_DREIGING.search(tekst)))
        or (bool(_DOODSBEDREIGING.search(tekst)) and bool(_STRAKS.search(tekst)))
        or (bool(_VERSTOPT.search(tekst)) and bool(_RAZEND.search(tekst)))
    ) and not (opgesloten_anders and "opgesloten" in tekst)
    geweld = (
        _een(_C_GEWELD_HEDEN, tekst)
        or bool(
            _GELD_AFGEPAKT.search(tekst) and (_OUDERE.search(tekst) or _GELD_DADER.search(tekst))
        )
        or bool(
            _BLAUWE_PLEKKEN.search(tekst) and _DADER_CUE.search(tekst) and not _VAL.search(tekst)
        )
        or bool(_VERWAARLOOSD.search(tekst) and _ZORGER_WEG.search(tekst))
        or bool(_GEHEIM.search(tekst) and _GEHEIM_WAT.search(tekst))
        or (_een(_C_GEWELD_GENOEMD, tekst) and not verleden and not _INFORMATIEF.search(tekst))
    )
    if geweld and _PEUTER_GUARD.search(tekst) and not _VOLWASSEN_DADER.search(tekst):
        geweld = False
    if geweld and _VERWORPEN.search(tekst):
        geweld = False
    if (geweld or persoon) and _GRAP.search(tekst) and not _ECHT_GEWELD.search(tekst):
        geweld = persoon = False
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
    if persoon or (geweld and _NU_GEWELD.search(tekst)):
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


def veilig_thuis_signaal(text: str) -> bool:
    """Whether ``text`` shows domestic abuse without an emergency (see :data:`_VEILIG_THUIS`).

    Only meaningful when :func:`detecteer` found no crisis: the conversation then takes the
    huiselijk_geweld thema (Veilig Thuis first) whatever thema the classifier chose, because
    "mijn ex stalkt me en staat elke dag bij mijn werk" must not become a question about work.
    """
    tekst = informeel_naar_standaard(normaliseer(text))
    if not tekst or _alleen_genoemd(tekst) or _verleden(tekst):
        return False
    gevonden = _een(_C_VEILIG_THUIS, tekst) or bool(
        _THUIS_ONVEILIG.search(tekst) and not _THUIS_ONVEILIG_ANDERS.search(tekst)
    )
    if gevonden and _PEUTER_GUARD.search(tekst) and not _VOLWASSEN_DADER.search(tekst):
        return False
    return gevonden


def _anderstalig(text: str) -> CrisisOordeel | None:
    """Crisis rules in English, Turkish, Arabic and Polish (:mod:`triage.talen`)."""
    from triage.talen import detecteer_anderstalig  # late: triage.talen imports this module

    gevonden = detecteer_anderstalig(text)
    if gevonden is None:
        return None
    soort, taal = gevonden
    return CrisisOordeel(soort, False, "regels", taal=taal)


#: Dutch function words that English, Turkish, Polish, German, French and Spanish do not use as
#: words of their own (not "ben", "kan", "die", "is", "me", "word"), and the commonest short ones.
_NL_WOORD = re.compile(
    r"\b(?:ik|mijn|mn|m'n|niet|het|een|wil|wilt|hij|zij|dat|naar|voor|heb|heeft|hebben|wordt|worden"
    r"|zich|mezelf|mijzelf|zichzelf|geen|meer|ook|maar|moet|gaat|wat|waar|hoe|mij|jij|je|jullie|uw"
    r"|echt|gewoon|thuis|zijn|haar|onze|deze|dit|bij|uit|van|hun|niks|iets|iemand|alles|wel|ga|kunnen"
    r"|wij|ze|wie|wanneer|waarom|hoeveel|welke|welk|kun|kunt|mag|zou|graag|hallo|hoi|doe|doen|weet"
    r"|veel|heel|goed|altijd|nooit|hulp|moeder|vader|zoon|dochter|kinderen|buurman|buurvrouw|hier|daar"
    r"|nog|of|omdat|want|als|toen|dan|mee|over|tegen|zonder|tot|door|sinds|al|er|om|op|te|met|en|de)\b"
)
#: Function words of the foreign languages residents write most ("the", "bir", "jest", "ich"),
#: leaving out those Dutch uses too ("na", "ma", "mam", "ze", "je", "pas", "nie", "he").
_VREEMD_WOORD = re.compile(
    r"\b(?:the|my|and|you|please|i|im|am|she|his|her|not|with|this|are|what|how|where|can|do|does"
    r"|bir|ve|bu|beni|benim|cok|yok|var|mi|ne|icin|musunuz|misiniz|misin|lazim|yardim|bana|bilmiyorum"
    r"|degil|jest|sie|mnie|moj|moja|to|co|czy|po|gdzie|jak|dla|z|ich|und|nicht|der|das|mein|ist"
    r"|le|les|et|est|mon|yo|el|los|es|y|no|que|por|hablas|ayuda|aidez|hilfe|bitte|waxaan|tahay|iyo"
    r"|ana|enta|wallah)\b"
)
#: Shorter than this is always Dutch: the same bounds as triage.talen.MIN_LETTERS / MIN_WOORDEN.
_KORT_LETTERS = 12
_KORT_WOORDEN = 3
#: Letters of another script than Latin (Arabic, Cyrillic, Ethiopic ...): not Dutch.
_ANDER_SCHRIFT = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")


def _is_nederlands(text: str) -> bool:
    """Whether the Dutch classifier may judge ``text`` at all (it never saw another language).

    Decided from function words, without the language detector: this runs inside the Rasa server
    (:mod:`wegwijzer.rasa.crisislaag`), which must not load lingua's ~280 MB of models. Mostly
    another script is not Dutch; otherwise the text is Dutch unless it has more foreign function
    words than Dutch ones (a Dutch sentence nearly always has some, mixed-in English slang or not:
    "ik wil letterlijk kms"; with neither, "help bloed overal", it stays Dutch, as
    :func:`triage.talen.herken_taal` leans Dutch on doubt). Foreign crisis messages are decided
    by their own rules before this point.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if letters and 2 * sum(1 for ch in letters if _ANDER_SCHRIFT.match(ch)) > len(letters):
        return False
    if len(letters) < _KORT_LETTERS or len(text.split()) < _KORT_WOORDEN:
        return True  # "help", "ik kan niet meer": short answers are Dutch (as in herken_taal)
    norm = normaliseer(text)  # not informeel_naar_standaard: it turns the Polish "nie" into "niet"
    return len(_NL_WOORD.findall(norm)) >= len(_VREEMD_WOORD.findall(norm))


#: The classifier alone may raise a crisis only when it is this sure and rules found nothing.
#: Chosen with ``benchmarks/crisis_drempel.py`` (thresholds 0.5 to 0.85 on the labelled crisis sets
#: and the everyday out-of-scope set): 0.75 is the lowest value with no crisis on the everyday
#: set (a cooking question with "snijd" scored 0.72); a red-team batch lost 8 of 27 missed crises
#: at 0.75. The price is a few more banners on hard negatives (idioms, "gesneden bij het koken"),
#: which costs far less than a missed crisis.
CLASSIFIER_DREMPEL = 0.75

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


#: Idioms and harmless contexts whose words must not count as support ("slaat op hol", "ik lach me
#: dood", a hunter's gun in the safe, "vermoord" in a game).
_STEUN_NIET = re.compile(
    r"\bsla(?:at|an)? (?:\w+ ){0,2}(?:op hol|op (?:in|de)|alles op|met (?:de )?deuren|zijn slag|haar slag"
    r"|de plank mis|nergens op|aan|toe|over)\b|\bslaat (?:\w+ )?op\b|\b(?:sla|slaat|slaan|sloeg) de plank (?:\w+ )?mis\b"
    r"|\bsla(?:at|an)? (?:\w+ )?door\b(?! (?:de|het|een) )"
    r"|\b(?:me|mij|zich|ons|je) (?:\w+ )?dood (?:verveel|lach|schrik|schaam|erger|werk|zoek|val|neer)\w*"
    r"|\bdood neer ?(?:vallen|val|valt)\b"
    r"|\b(?:lach|schrik|verveel|schaam|werk|erger|zoek) (?:me|mij|mezelf|je|ons) (?:\w+ )?(?:dood|rot|een ongeluk"
    r"|kapot)\b|\bschiet (?:me|mij) een ongeluk\b"
    r"|\bdood (?:\w+ )?van de (?:\w+ )?(?:stress|hitte|kou|honger|dorst|pijn|zenuwen|verveling|schrik|zorgen"
    r"|lach|warmte)\b|\bdood(?:moe|op|ziek|leuk|gewoon|eng|stil|saai|simpel|normaal)\w*\b"
    r"|\bin (?:het|de|een) (?:spel|game|film|serie|boek)\b.*|\b(?:haha\w*|lol|grapje)\b"
    r"|\b(?:vrijwillig\w*|vacature\w*|stage) (?:\w+ ){0,3}(?:bij|voor) 113\b"
)
#: A hunter's gun in the safe, a cook's knife: the weapon word is no support then.
_WAPEN_GOEDAARDIG = re.compile(
    r"\b(?:voor de jacht|jager|jacht|in de kluis|met vergunning|keukenmes\w*|kookcursus|koksopleiding"
    r"|smid|slager|messenslijper|verzamel\w*|schietvereniging|schietsport)\b"
)
_WAPEN = re.compile(r"\b(?:mes|messen|wapen\w*|pistool|geweer|geweren)\b")
_STEUN_SUICIDE = re.compile(
    r"\b(?:dood|doods|sterven|sterf|zelfmoord\w*|zelfmoor\w*|zelfdoding|suicid\w*|zelfbeschadig\w*|leven"
    r"|levens\w*|einde?|ophang\w*|verhang\w*|opgehangen|springen|spring|pillen|pil|tabletten|overdosis"
    r"|afscheid\w*|kms|pols|polsen|touw|strop|cut|cutten|gesneden|snij\w*|kras\w*|uitweg\w*|zinloos"
    r"|hopeloos|uitzichtloos|wanhoop|wanhopig|verdwijn\w*|113|ombreng\w*|onderdoor|weggegeven"
    # Only ever asked when the classifier is already sure of a crisis: phrases, not words.
    r"|van de flat|laat (?:\w+ )?vallen|klaar om te gaan)\b"
)
_STEUN_GEWELD = re.compile(
    r"\b(?:sla|slaat|slaan|sloeg|geslagen|schop\w*|stomp\w*|mishandel\w*|misbruik\w*|verkracht\w*"
    r"|aangerand|aanrand\w*|geweld\w*|bedreig\w*|dreig\w*|gedreigd|klap|klappen|duw\w*|aangevallen"
    r"|stalk\w*|uithuwelijk\w*|afpers\w*|afgeperst|verwaarloos\w*|opgesloten|opsluit\w*|wurg\w*"
    r"|vermoord\w*|moord\w*|mes|messen|wapen\w*|pistool|geweer|aandoen|aandoet|onveilig|veilig)\b"
)
_STEUN_MEDISCH = re.compile(
    r"\b(?:adem\w*|bewusteloos|bewustzijn|bloed\w*|flauwgevallen|ambulance|hartaanval|beroerte|reageert"
    r"|onwel|stik\w*|gif|lucht|hartslag|brand|112|wakker|verdrink\w*|mes|messen|wapen\w*|pistool|geweer"
    r"|vermoord\w*|gevaar\w*|nood\w*)\b"
)


def steun_in_tekst(text: str) -> bool:
    """Whether ``text`` holds a crisis word (see :data:`_STEUN`), idioms left out."""
    norm = informeel_naar_standaard(normaliseer(text))
    tekst = _STEUN_NIET.sub(" ", norm)
    if _WAPEN_GOEDAARDIG.search(tekst):
        tekst = _WAPEN.sub(" ", tekst)
    if _GRAP.search(norm) and not _ECHT_GEWELD.search(tekst):
        # "ik ga hem vermoorden haha": a joke; suicide words still count ("ik wil dood haha")
        tekst = re.sub(
            r"\b(?:vermoord\w*|moord\w*|afmaken|af te maken|wurg\w*|kapot\w*)\b", " ", tekst
        )
    return bool(_STEUN.search(tekst) or _STEUN_SUICIDE.search(tekst) or _STEUN_GEWELD.search(tekst))


def _classifier_soort(norm: str) -> CrisisSoort:
    """The kind of a crisis the classifier alone raised, from the crisis words it holds.

    Only suicide words ("dood", "leven", "pillen"): 113 first. Only violence words, no weapon or
    medical word: Veilig Thuis first. Anything else or mixed: :attr:`CrisisSoort.ACUUT`, which
    for the classifier gives 112, 113 and Veilig Thuis (:meth:`CrisisOordeel.nummers`).
    """
    tekst = _STEUN_NIET.sub(" ", norm)
    suicide = bool(_STEUN_SUICIDE.search(tekst))
    geweld = bool(_STEUN_GEWELD.search(tekst))
    medisch = bool(_STEUN_MEDISCH.search(tekst))
    if suicide and not geweld and not medisch:
        return CrisisSoort.SUICIDE
    if geweld and not suicide and not medisch:
        return CrisisSoort.HUISELIJK_GEWELD
    return CrisisSoort.ACUUT


#: A threat in a conversation about huiselijk geweld: "hij staat nu voor de deur" needs no more.
_DREIGING_IN_GESPREK = re.compile(
    rf"\b(?:hij|ze|zij|{_BEZIT} (?:\w+ )?{_GEZIN}) (?:\w+ ){{0,3}}(?:staat|stond|is|zit|komt|wacht|loopt|belt aan"
    r"|bonkt|bonst)\b"
)


def beoordeel(
    text: str, intent: str | None, confidence: float, thema: str | None = None
) -> CrisisOordeel | None:
    """Combine the rule layer with the intent classifier (rules win; classifier only if sure).

    The classifier alone raises a crisis only when it is at least :data:`CLASSIFIER_DREMPEL`
    sure *and* the message holds a crisis word: a confident guess on words it never saw (a
    place name, a typo) must not send a resident the crisis numbers.

    ``thema`` is the conversation's thema so far. In a conversation about huiselijk geweld a
    short later answer such as "ja hij staat nu voor de deur" is acute danger (112 first),
    although the same words alone could be about a taxi.
    """
    oordeel = detecteer(text)
    if oordeel is not None:
        return oordeel
    norm = informeel_naar_standaard(normaliseer(text))
    if (
        thema == CrisisSoort.HUISELIJK_GEWELD.value
        and _AANWEZIG.search(norm)
        and _DREIGING_IN_GESPREK.search(norm)
        and not _alleen_genoemd(norm)
    ):
        return CrisisOordeel(
            CrisisSoort.ACUUT, bool(_KIND_SCHRIJVER.search(norm)), "regels", huiselijk=True
        )
    if (
        intent == "crisis"
        and confidence >= CLASSIFIER_DREMPEL
        and steun_in_tekst(text)
        and _is_nederlands(text)
    ):
        return CrisisOordeel(
            _classifier_soort(norm), bool(_KIND_SCHRIJVER.search(norm)), "classifier"
        )
    return None
