"""A small Dutch synonym table for the sociaal domein, scoped to needs, used at query time.

Residents and loket staff use everyday words ("oppas", "schulden") where the kaart uses the
words of the organisations ("respijtzorg", "geldzorgen"). Synonyms are expanded at query time
only, so changing this table never requires rebuilding the index.

Every group belongs to one need (a thema code, or ``ouderen``/``ouders`` for a doelgroep), and
expands only within it: "koffie drinken" is about meeting people, "te veel drinken" about
alcohol. Three tools keep meanings apart:

- :data:`GROEPEN`: symmetric groups of words that mean the same within one need;
- :data:`MEERDUIDIG`: words with more than one meaning ("drinken", "alleen", "lift"); they join
  a group only when a cue word elsewhere in the query (or the thema filter) selects the need;
- :data:`ZINSDELEN`: phrases that mean one thing together ("een bakkie doen", "drinkt te veel").

Keep groups tight: a loose group makes every search return everything.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from kern.themas import THEMAS
from sociale_kaart.tekst import STOPWOORDEN, VULWOORDEN, stam, woorddelen, woorden


@dataclass(frozen=True)
class Groep:
    """Words that mean the same thing within one need."""

    behoefte: str
    woorden: tuple[str, ...]


GROEPEN: tuple[Groep, ...] = (
    Groep(
        "mantelzorg",
        ("respijt", "respijtzorg", "oppas", "oppassen", "ontlasten", "ontlasting", "adempauze"),
    ),
    Groep(
        "geldzorgen",
        (
            "schulden",
            "schuld",
            "geldzorgen",
            "geldproblemen",
            "geldnood",
            "betalingsachterstand",
            "schuldhulp",
            "schuldhulpverlening",
            "achterstanden",
            "deurwaarder",
            "aanmaning",
            "incasso",
        ),
    ),
    Groep("geldzorgen", ("armoede", "geldzorgen", "rondkomen", "minima")),
    Groep("eenzaamheid", ("eenzaam", "eenzaamheid", "isolement", "geisoleerd", "vereenzaming")),
    Groep(
        "eenzaamheid",
        ("ontmoeten", "ontmoeting", "ontmoetingsplek", "gezelligheid", "gezellig", "praatje"),
    ),
    Groep("dementie", ("dementie", "dement", "alzheimer", "vergeetachtig", "geheugenproblemen")),
    Groep("mantelzorg", ("mantelzorg", "mantelzorger", "mantelzorgers")),
    Groep("eenzaamheid", ("maatje", "buddy", "steunmaatje")),
    Groep("psychisch", ("depressie", "depressief", "somber", "somberheid", "neerslachtig")),
    # "bang" is not here: "bang voor mijn partner" is about violence (see MEERDUIDIG).
    Groep("psychisch", ("angst", "angstig", "paniek", "paniekaanval")),
    Groep("verslaving", ("verslaving", "verslaafd", "afkicken")),
    Groep("verslaving", ("alcohol", "drank", "drankprobleem", "drankgebruik", "dronken", "bier")),
    Groep("verslaving", ("drugs", "blowen", "wiet", "cannabis")),
    Groep(
        "huishouden",
        (
            "schoonmaken",
            "schoonhouden",
            "poetsen",
            "poetshulp",
            "schoonmaakhulp",
            "huishoudhulp",
            "thuishulp",
        ),
    ),
    Groep("vervoer", ("vervoer", "taxi", "rijden")),
    Groep("hulpmiddelen", ("rollator", "looprek")),
    Groep("opvoeden_opgroeien", ("opvoeden", "opvoeding", "opvoedvragen", "opvoedingsvragen")),
    Groep("opvoeden_opgroeien", ("puber", "tiener", "jongere", "jongeren")),
    Groep("opvoeden_opgroeien", ("baby", "zuigeling")),
    Groep("opvoeden_opgroeien", ("peuter", "dreumes")),
    Groep("ouders", ("ouders", "ouderschap")),
    Groep("ouderen", ("oudere", "ouderen", "senior", "senioren", "bejaard", "bejaarde", "oudjes")),
    Groep("huiselijk_geweld", ("geweld", "mishandeling", "mishandeld", "huiselijk")),
    Groep(
        "administratie",
        ("formulier", "formulieren", "papieren", "papierwerk", "administratie"),
    ),
    Groep(
        "geldzorgen",
        ("toeslag", "toeslagen", "huurtoeslag", "zorgtoeslag", "kinderopvangtoeslag"),
    ),
    Groep("werk_meedoen", ("werk", "baan", "job", "werkloos")),
    Groep(
        "werk_meedoen",
        ("taal", "nederlands", "taalles", "taalcursus", "taalmaatje", "inburgeren", "inburgering"),
    ),
    Groep("huishouden", ("maaltijd", "maaltijden", "maaltijdservice")),
    Groep("geldzorgen", ("voedsel", "voedselpakket", "voedselbank")),
    Groep(
        "eenzaamheid", ("buurthuis", "wijkcentrum", "buurtcentrum", "buurtkamer", "buurthuiskamer")
    ),
    Groep("psychisch", ("rouw", "rouwen", "overlijden", "overleden", "rouwverwerking")),
    Groep("dementie", ("dagbesteding", "dagopvang", "dagactiviteiten")),
    Groep("mantelzorg", ("overbelast", "overbelasting", "uitgeput", "opgebrand")),
    Groep("wonen", ("klus", "klusjes", "klussen", "klusjesman")),
    Groep("huishouden", ("reparatie", "repareren", "kapot")),
    Groep("wonen", ("ruzie", "conflict", "onenigheid", "burenruzie")),
    Groep("administratie", ("laaggeletterd", "laaggeletterdheid", "analfabeet")),
    Groep("administratie", ("computer", "laptop", "tablet", "smartphone", "digitaal")),
    Groep("opvoeden_opgroeien", ("kind", "kinderen", "kids")),
    Groep("psychisch", ("psychisch", "ggz", "psychiatrisch")),
    Groep("wonen", ("woning", "woonruimte", "huurwoning")),
    # --- Everyday and organisation words per need (B1, spoken; see the module docstring).
    Groep(
        "geldzorgen",
        (
            "schulden",
            "huurachterstand",
            "achterstand",
            "schuldsanering",
            "schuldregeling",
            "betalingsregeling",
            "incassobureau",
            "wsnp",
        ),
    ),
    Groep(
        "geldzorgen",
        (
            "budgetcoach",
            "budgetcoaching",
            "budgetbeheer",
            "budgetteren",
            "geldcoach",
            "huishoudboekje",
            "geldzaken",
        ),
    ),
    # A voedselbank is no kledingbank: each its own group, or one would stand in for the other.
    Groep("geldzorgen", ("voedselbank", "voedselpakketten")),
    Groep("geldzorgen", ("kledingbank", "weggeefwinkel")),
    Groep("geldzorgen", ("kwijtschelding", "kwijtschelden")),
    Groep(
        "geldzorgen",
        ("minimaregeling", "minimaregelingen", "inkomensregeling", "minimabeleid", "stadspas"),
    ),
    Groep("eenzaamheid", ("telefooncirkel", "belcirkel", "telefoonketen")),
    Groep("eenzaamheid", ("bezoekdienst", "bezoekvrijwilliger", "huisbezoek", "maatjesproject")),
    Groep("eenzaamheid", ("koffieochtend", "koffiemiddag", "koffieuurtje", "soos")),
    Groep("eenzaamheid", ("gezelschap", "aanspraak")),
    Groep(
        "dementie",
        ("dementie", "dementeren", "dementerend", "geheugenverlies", "geheugenklachten"),
    ),
    Groep("dementie", ("alzheimercafe", "dementiecafe", "geheugencafe")),
    Groep("mantelzorg", ("mantelzorgwaardering", "mantelzorgcompliment", "mantelzorgpluim")),
    Groep(
        "mantelzorg",
        (
            "mantelzorgsteunpunt",
            "mantelzorgconsulent",
            "mantelzorgondersteuning",
            "mantelzorgondersteuner",
        ),
    ),
    Groep("mantelzorg", ("logeeropvang", "logeerhuis", "respijthuis", "zorgvakantie")),
    Groep("psychisch", ("depressie", "depri", "depressieve", "lusteloos")),
    Groep("psychisch", ("piekeren", "pieker", "piekert", "piekerde", "gepieker")),
    Groep("psychisch", ("stress", "gestrest", "gestresst", "stressklachten")),
    Groep("psychisch", ("burnout", "overspannen", "overspannenheid")),
    Groep("psychisch", ("trauma", "ptss", "getraumatiseerd")),
    Groep("psychisch", ("angststoornis", "angstklachten", "paniekaanvallen")),
    Groep(
        "verslaving",
        (
            "alcohol",
            "alcoholist",
            "alcoholisme",
            "alcoholprobleem",
            "alcoholverslaving",
            "drinkprobleem",
            "wijn",
            "jenever",
        ),
    ),
    Groep("verslaving", ("gokken", "gokverslaving", "gokprobleem", "gokt", "gokte", "casino")),
    Groep("verslaving", ("afkicken", "afgekickt", "afkickkliniek", "ontwennen")),
    Groep("verslaving", ("drugs", "drugsgebruik", "drugsprobleem", "middelengebruik")),
    Groep(
        "huishouden",
        (
            "schoonmaken",
            "schoonmaakster",
            "schoonmaker",
            "werkster",
            "alfahulp",
            "huishouding",
            "huishoudelijke",
        ),
    ),
    Groep(
        "huishouden",
        ("boodschappen", "boodschappendienst", "boodschappenservice", "boodschappenhulp"),
    ),
    Groep(
        "huishouden",
        ("maaltijd", "maaltijdbezorging", "maaltijdvoorziening", "tafeltjedekje"),
    ),
    Groep("vervoer", ("regiotaxi", "deeltaxi", "regiotaxipas", "valys")),
    Groep("vervoer", ("rijden", "autorijden", "chauffeur", "chauffeurs", "rijdienst")),
    Groep("vervoer", ("automaatje", "vervoersdienst", "vervoersvoorziening", "vervoerspas")),
    Groep("hulpmiddelen", ("rollator", "looprekje", "loophulpmiddel", "loophulp")),
    Groep(
        "hulpmiddelen",
        ("douchestoel", "douchekruk", "douchekrukje", "douchezitje", "badplank", "badkruk"),
    ),
    Groep(
        "hulpmiddelen",
        ("alarmering", "personenalarmering", "halsalarm", "alarmknop", "noodknop", "valdetectie"),
    ),
    Groep(
        "hulpmiddelen",
        ("thuiszorgwinkel", "uitleenpunt", "uitleendepot", "hulpmiddelenuitleen", "uitleen"),
    ),
    Groep("hulpmiddelen", ("zorgbed", "hooglaagbed")),
    Groep("wonen", ("woningaanpassing", "woonaanpassing", "woningaanpassingen", "traplift")),
    Groep(
        "wonen",
        (
            "seniorenwoning",
            "aanleunwoning",
            "ouderenwoning",
            "seniorenflat",
            "gelijkvloers",
            "gelijkvloerse",
            "nultredenwoning",
            "levensloopbestendig",
        ),
    ),
    Groep("wonen", ("urgentie", "urgentieverklaring")),
    Groep(
        "wonen",
        ("woningcorporatie", "woningbouwvereniging", "woningbouw", "verhuurder", "huisbaas"),
    ),
    Groep("wonen", ("dakloos", "dakloze", "daklozen", "thuisloos", "thuisloze", "dakloosheid")),
    Groep("wonen", ("schimmel", "vocht", "vochtig", "vochtproblemen", "lekkage")),
    Groep("wonen", ("overlast", "geluidsoverlast", "burenoverlast", "herrie", "lawaai")),
    Groep("wonen", ("verhuizen", "verhuizing", "verhuis")),
    Groep("werk_meedoen", ("solliciteren", "sollicitatie", "sollicitatiebrief", "solliciteer")),
    Groep("werk_meedoen", ("jobcoach", "werkcoach", "jobcoaching")),
    Groep("werk_meedoen", ("werkloos", "werkzoekend", "werkzoekende")),
    Groep(
        "werk_meedoen",
        (
            "vrijwilligerswerk",
            "vrijwilligersvacature",
            "vrijwilligersvacatures",
            "vrijwilligerscentrale",
            "vrijwilligersvacaturebank",
        ),
    ),
    Groep("werk_meedoen", ("reintegratie", "participatie", "participeren")),
    Groep("werk_meedoen", ("taal", "taalcafe", "nt2")),
    Groep("opvoeden_opgroeien", ("puber", "puberteit", "pubers")),
    Groep("opvoeden_opgroeien", ("pesten", "pestgedrag", "pesterijen")),
    Groep("opvoeden_opgroeien", ("driftbui", "woedebui", "driftig", "driftbuien")),
    Groep("opvoeden_opgroeien", ("zindelijk", "zindelijkheid", "zindelijkheidstraining")),
    Groep("opvoeden_opgroeien", ("spijbelen", "spijbelt", "schoolverzuim", "thuiszitter")),
    Groep("opvoeden_opgroeien", ("jeugdhulp", "jeugdzorg")),
    Groep("opvoeden_opgroeien", ("consultatiebureau", "jgz", "jeugdgezondheidszorg")),
    Groep("opvoeden_opgroeien", ("opvoeden", "opvoedondersteuning", "opvoedingsondersteuning")),
    Groep("ouders", ("zwanger", "zwangerschap", "zwangere")),
    Groep("ouders", ("eenoudergezin", "eenoudergezinnen")),
    Groep(
        "ouderen",
        ("ouderenadviseur", "ouderenconsulent", "seniorenconsulent", "ouderenwerker"),
    ),
    Groep("huiselijk_geweld", ("mishandeling", "mishandeld", "mishandelt", "mishandelen")),
    Groep("huiselijk_geweld", ("ouderenmishandeling", "kindermishandeling", "mishandeling")),
    Groep("huiselijk_geweld", ("stalking", "stalken", "stalkt", "stalker")),
    Groep("huiselijk_geweld", ("bedreigd", "bedreigt", "bedreiging", "bedreigingen")),
    Groep("huiselijk_geweld", ("vrouwenopvang", "blijfhuis")),
    Groep(
        "administratie",
        ("formulierenbrigade", "formulierenhulp", "formulierenspreekuur", "invulhulp"),
    ),
    Groep("administratie", ("thuisadministratie", "administratie", "administratieve")),
    Groep("administratie", ("belastingaangifte", "belastinghulp", "belastingformulier")),
    Groep("administratie", ("digid", "berichtenbox", "mijnoverheid")),
)

#: The word tuples alone (symmetric groups), for callers that do not care about needs.
SYNONIEMEN: tuple[tuple[str, ...], ...] = tuple(g.woorden for g in GROEPEN)


@dataclass(frozen=True)
class Betekenis:
    """One meaning of an ambiguous word: its need, the cues that select it, what it joins."""

    behoefte: str
    signalen: tuple[str, ...]  # words or phrases elsewhere in the query
    synoniemen: tuple[str, ...]


#: Words whose need depends on the rest of the query. Without a cue (or a thema filter, or
#: another word of the same need) they are searched as typed: no synonyms at all.
MEERDUIDIG: dict[str, tuple[Betekenis, ...]] = {
    "drinken": (
        Betekenis(
            "verslaving",
            (
                "te veel",
                "teveel",
                "alcohol",
                "bier",
                "wijn",
                "drank",
                "dronken",
                "stoppen",
                "minderen",
                "verslaafd",
                "verslaving",
                "elke dag",
                "elke avond",
                "stiekem",
                "fles",
                "flessen",
                "jenever",
                "ochtend",
            ),
            ("alcohol", "drank", "drankprobleem", "verslaving"),
        ),
        Betekenis(
            "eenzaamheid",
            ("koffie", "thee", "kopje", "bakkie", "samen", "gezellig", "buren"),
            ("ontmoeten", "koffie"),
        ),
    ),
    "alleen": (
        Betekenis("eenzaamheid", ("eenzaam", "niemand", "alleenstaand", "contact"), ("eenzaam",)),
    ),
    "lift": (Betekenis("vervoer", ("auto", "rijden", "brengen", "ziekenhuis"), ("vervoer",)),),
    "verlies": (Betekenis("psychisch", ("overleden", "rouw", "dood"), ("rouw",)),),
    "verdriet": (Betekenis("psychisch", ("overleden", "rouw", "verlies"), ("rouw",)),),
    # Afraid of a person at home is violence; afraid of going out or of everything is anxiety.
    "bang": (
        Betekenis(
            "huiselijk_geweld",
            (
                "partner",
                "man",
                "vrouw",
                "ex",
                "expartner",
                "vriend",
                "vriendin",
                "echtgenoot",
                "echtgenote",
                "vader",
                "thuis",
                "slaan",
                "slaat",
                "dreigt",
                "bedreigd",
            ),
            ("geweld", "mishandeling", "dreiging", "veilig"),
        ),
        Betekenis(
            "psychisch",
            ("buiten", "straat", "mensen", "alles", "paniek", "angstig", "onzeker", "somber"),
            ("angst", "angstig", "paniek"),
        ),
    ),
    # Forgetting more and more, or a relative who forgets, is about memory; "mijn wachtwoord
    # vergeten" is not.
    **{
        vorm: (
            Betekenis(
                "dementie",
                (
                    "steeds",
                    "vaak",
                    "alles",
                    "veel",
                    "dingen",
                    "namen",
                    "afspraken",
                    "geheugen",
                    "verward",
                    "man",
                    "vrouw",
                    "partner",
                    "moeder",
                    "vader",
                    "oma",
                    "opa",
                ),
                ("vergeetachtig", "geheugen", "geheugenproblemen", "dementie"),
            ),
        )
        for vorm in ("vergeet", "vergeten", "vergat", "vergaten")
    },
    # Rent money ("de huur niet kunnen betalen"), renting an aid ("rolstoel huren") or a home.
    **{
        vorm: (
            Betekenis(
                "geldzorgen",
                (
                    "betalen",
                    "betaald",
                    "achterstand",
                    "achter",
                    "schuld",
                    "schulden",
                    "geld",
                    "te hoog",
                    "duur",
                    "ontruiming",
                    "uit huis",
                    "deurwaarder",
                    "aanmaning",
                    "rekeningen",
                    "maand",
                    "energie",
                    "rondkomen",
                ),
                ("huurachterstand", "schulden", "betalingsachterstand", "geldzorgen"),
            ),
            Betekenis(
                "hulpmiddelen",
                (
                    "rolstoel",
                    "rollator",
                    "scootmobiel",
                    "bed",
                    "zorgbed",
                    "tillift",
                    "hulpmiddel",
                    "hulpmiddelen",
                    "douchestoel",
                    "lenen",
                    "tijdelijk",
                    "week",
                    "weken",
                ),
                ("lenen", "uitleen", "thuiszorgwinkel", "hulpmiddelen"),
            ),
            Betekenis(
                "wonen",
                ("woning", "huis", "appartement", "kamer", "studio", "corporatie"),
                ("huurwoning", "woning", "woonruimte"),
            ),
        )
        for vorm in ("huur", "huren")
    },
    # Hitting a person at home is violence; a child who hits classmates is about upbringing;
    # "de klok slaat" is neither (no cue: searched as typed).
    **{
        vorm: (
            Betekenis(
                "opvoeden_opgroeien",
                (
                    "klasgenoot",
                    "klasgenoten",
                    "klasgenootjes",
                    "school",
                    "broertje",
                    "zusje",
                    "peuter",
                    "kleuter",
                    "driftbui",
                    "juf",
                    "meester",
                    "andere kinderen",
                ),
                ("opvoeden", "gedrag", "opvoedvragen"),
            ),
            Betekenis(
                "huiselijk_geweld",
                (
                    "mij",
                    "me",
                    "mn",
                    "partner",
                    "man",
                    "vrouw",
                    "vriend",
                    "vriendin",
                    "ex",
                    "echtgenoot",
                    "echtgenote",
                    "vader",
                    "moeder",
                    "stiefvader",
                    "ouders",
                    "kinderen",
                    "kind",
                    "thuis",
                    "elkaar",
                    "haar",
                    "hem",
                ),
                ("geweld", "mishandeling", "huiselijk", "veilig"),
            ),
        )
        for vorm in (
            "slaat",
            "slaan",
            "sloeg",
            "sloegen",
            "geslagen",
            "schopt",
            "schoppen",
            "geschopt",
        )
    },
    # Post that piles up or is not understood is paperwork; without a cue "post" keeps the
    # administratie thema word it always had, but no synonyms.
    "post": (
        Betekenis(
            "administratie",
            (
                "open",
                "openmaken",
                "opengemaakt",
                "ongeopend",
                "ongeopende",
                "stapel",
                "stapelt",
                "snap",
                "snapt",
                "begrijp",
                "begrijpt",
                "lezen",
                "doorlezen",
                "doornemen",
                "brieven",
                "brief",
                "administratie",
                "rekeningen",
                "aanmaningen",
                "envelop",
                "enveloppen",
                "la",
                "bijhouden",
            ),
            ("brieven", "administratie", "thuisadministratie", "formulieren", "papieren"),
        ),
    ),
    # Confused with memory loss (a parent, at night, lost) is dementia; else unknown.
    "verward": (
        Betekenis(
            "dementie",
            (
                "vergeet",
                "vergeten",
                "vergeetachtig",
                "dement",
                "geheugen",
                "nachts",
                "kwijt",
                "weg",
                "oma",
                "opa",
                "moeder",
                "vader",
                "man",
                "vrouw",
            ),
            ("dementie", "geheugenproblemen", "vergeetachtig"),
        ),
    ),
    # A divorce with children in it is about the children (omgang, ouderschapsplan).
    **{
        vorm: (
            Betekenis(
                "opvoeden_opgroeien",
                ("kinderen", "kind", "zoon", "dochter", "omgang", "ouderschapsplan"),
                ("scheiding", "kinderen", "ouderschap", "opvoeden"),
            ),
        )
        for vorm in ("scheiding", "scheiden", "gescheiden", "scheid")
    },
}

# Other forms of "drinken" take its meanings ("mijn man drinkt elke avond").
for _vorm in ("drinkt", "drink", "dronk"):
    MEERDUIDIG[_vorm] = MEERDUIDIG["drinken"]


@dataclass(frozen=True)
class Zinsdeel:
    """A phrase that means one thing together; its words are not searched one by one."""

    woorden: tuple[str, ...]  # normalised words, stop words included, in order
    behoefte: str
    zoek: tuple[str, ...]  # words searched at full weight
    verwant: tuple[str, ...]  # words it stands for, searched as synonyms


def _zinsdelen(
    behoefte: str, zoek: tuple[str, ...], verwant: tuple[str, ...], *zinnen: str
) -> tuple[Zinsdeel, ...]:
    return tuple(Zinsdeel(tuple(woorden(z)), behoefte, zoek, verwant) for z in zinnen)


_RESPIJT = ("respijt", "respijtzorg", "ontlasten", "oppas", "adempauze")
_SCHULDEN = ("schulden", "betalingsachterstand", "geldzorgen", "schuldhulp")
_ONTMOETEN = ("ontmoeten", "ontmoeting", "praatje", "inloop", "gezelligheid", "eenzaamheid")
_ALCOHOL = ("alcohol", "drank", "drankprobleem", "verslaving", "verslaafd")
_GEWELD = ("geweld", "mishandeling", "huiselijk", "veilig", "vrouwenopvang")
_DRUGS = ("drugs", "drugsgebruik", "verslaving", "verslaafd", "middelengebruik")
_GOKKEN = ("gokken", "gokverslaving", "verslaving", "verslaafd")
_PSYCHISCH = ("psychisch", "somberheid", "stress", "piekeren", "spanning", "ggz")
_DEMENTIE = ("dementie", "geheugenproblemen", "vergeetachtig", "alzheimer")
_MANTELZORG = ("mantelzorg", "mantelzorger", "mantelzorgondersteuning", "overbelast")
_HUISHOUDEN = ("huishoudelijke", "huishoudhulp", "schoonmaakhulp", "thuishulp", "schoonmaken")
_VERVOER = ("vervoer", "taxi", "regiotaxi", "automaatje", "chauffeur", "rijden")
_HULPMIDDELEN = ("hulpmiddel", "hulpmiddelen", "uitleen", "thuiszorgwinkel", "lenen")
_AANPASSING = ("woningaanpassing", "traplift", "aanpassing", "wonen")
_WOONRUIMTE = ("woning", "woonruimte", "dakloos", "nachtopvang", "urgentie")
_BUREN = ("buurtbemiddeling", "buren", "overlast", "burenruzie")
_WERK = ("werk", "baan", "vrijwilligerswerk", "jobcoach", "meedoen", "participatie")
_OPVOEDEN = ("opvoeden", "opvoeding", "opvoedvragen", "opvoedingsondersteuning", "cjg")
_OUDERS = ("ouders", "ouderschap", "opvoeden", "opvoeding")
_ENERGIE = ("energie", "energiecoach", "energietoeslag", "energiefonds", "geldzorgen")
_REGELINGEN = (
    "minimaregeling",
    "toeslagen",
    "bijstand",
    "tegemoetkoming",
    "kwijtschelding",
    "geldzorgen",
)
#: The need of a question for anyone who takes every question (no thema of its own).
ALGEMEEN = "algemeen"
_ALGEMEEN = (
    "welzijnscoach",
    "welzijn",
    "maatschappelijk",
    "maatschappelijkwerk",
    "maatschappelijkwerker",
    "wijkteam",
    "sociaal",
    "vastlopen",
    "levensvragen",
    "meedenken",
)
_POST = ("brieven", "post", "administratie", "thuisadministratie", "formulieren", "papieren")
_CONTACT = ("contact", "ontmoeten", "eenzaamheid", "maatje", "bezoek", "gezelligheid")


def _signaalwoorden(
    behoefte: str, verwant: tuple[str, ...], *woorden_: str
) -> tuple[Zinsdeel, ...]:
    """Single words that signal a need the kaart words differently: each searched as typed."""
    return tuple(Zinsdeel((w,), behoefte, (w,), verwant) for w in woorden_)


ZINSDELEN: tuple[Zinsdeel, ...] = (
    *_zinsdelen(
        "mantelzorg",
        ("vrij",),
        _RESPIJT,
        "even vrij",
        "even weg",
        "even rust",
        "vrij van de zorg",
        "even pauze",
    ),
    *_zinsdelen(
        "geldzorgen",
        ("betalen",),
        _SCHULDEN,
        "niet betalen",
        "niet kunnen betalen",
        "niet meer betalen",
        "kan niet betalen",
        "kunnen niet betalen",
    ),
    *_zinsdelen(
        "eenzaamheid",
        ("koffie",),
        _ONTMOETEN,
        "koffie drinken",
        "koffiedrinken",
        "kopje koffie",
        "kop koffie",
        "bakje koffie",
        "bakkie koffie",
        "bakkie doen",
        "bakkie drinken",
        "koffie doen",
    ),
    *_zinsdelen(
        "eenzaamheid",
        ("praatje",),
        _ONTMOETEN,
        "thee drinken",
        "praatje maken",
        "onder de mensen",
        "mensen ontmoeten",
        "nieuwe mensen",
    ),
    *_zinsdelen(
        "verslaving",
        ("drinkt", "drinken"),
        _ALCOHOL,
        "te veel drinken",
        "teveel drinken",
        "drinkt te veel",
        "drinkt teveel",
        "drinken te veel",
        "stoppen met drinken",
        "minder drinken",
        "aan de drank",
    ),
    # --- Everyday expressions per need; single words work too (found by stem).
    *_zinsdelen(
        "huiselijk_geweld",
        ("veilig",),
        _GEWELD,
        "niet veilig thuis",
        "thuis niet veilig",
        "onveilig thuis",
        "onveilige thuissituatie",
        "voel me niet veilig",
        "niet meer veilig",
        "op eieren lopen",
        "op eieren loop",
        "ruzie thuis",
        "spanning thuis",
        "spanningen thuis",
        "spanningen in het gezin",
        "dwingende controle",
        "controleert mijn telefoon",
        "leest mijn berichten",
    ),
    *_zinsdelen(
        "huiselijk_geweld",
        ("geweld",),
        _GEWELD,
        "blauwe plekken",
        "klappen krijgen",
        "krijg klappen",
        "geeft klappen",
        "geeft me klappen",
        "handen los",
        "schreeuwt tegen",
        "schreeuwen tegen",
    ),
    *_signaalwoorden(
        "huiselijk_geweld",
        _GEWELD,
        "kleineert",
        "gekleineerd",
        "vernedert",
        "vernederd",
        "vernedering",
        "scheldt",
        "uitgescholden",
        "uitschelden",
        "intimideert",
        "geintimideerd",
        "loverboy",
        "loverboys",
        "eerwraak",
        "huwelijksdwang",
        "uithuwelijking",
        "eergerelateerd",
    ),
    *_signaalwoorden(
        "verslaving", _ALCOHOL, "zuipt", "zuipen", "zoop", "gezopen", "bezopen", "alcoholisten"
    ),
    *_signaalwoorden(
        "verslaving",
        _DRUGS,
        "cocaine",
        "coke",
        "xtc",
        "speed",
        "heroine",
        "ghb",
        "lachgas",
        "joint",
        "jointje",
        "blowt",
        "snuift",
        "harddrugs",
        "softdrugs",
        "high",
        "stoned",
        "ketamine",
        "methadon",
    ),
    *_signaalwoorden(
        "verslaving", _GOKKEN, "gok", "gokautomaat", "gokautomaten", "sportweddenschappen"
    ),
    *_zinsdelen(
        "verslaving",
        ("roken",),
        ("roken", "rookstop", "verslaving", "nicotine"),
        "stoppen met roken",
        "stoppen met vapen",
        "minder roken",
    ),
    *_signaalwoorden(
        "psychisch",
        _PSYCHISCH,
        "gespannen",
        "overprikkeld",
        "prikkelbaar",
        "nachtmerries",
        "herbelevingen",
        "dwanggedachten",
        "psychose",
        "eetstoornis",
        "zelfbeeld",
        "zelfvertrouwen",
        "zelfmoordgedachten",
        "suicidaal",
        "doodsgedachten",
        "huilbuien",
        "psycholoog",
        "psychiater",
        "praktijkondersteuner",
        "mentaal",
        "mentale",
        "hyperventilatie",
        "hyperventileren",
    ),
    *_zinsdelen(
        "psychisch",
        ("psychisch",),
        _PSYCHISCH,
        "lekker in mijn vel",
        "lekker in je vel",
        "goed in mijn vel",
        "hoofd zit vol",
        "hoofd loopt over",
        "koppie zit vol",
        "zit er doorheen",
        "zit er helemaal doorheen",
        "nergens zin in",
        "nergens plezier in",
        "nergens meer plezier in",
        "geen zin meer",
        "nergens meer blij van",
        "lig wakker",
        "wakker liggen",
        "gedachten niet stilzetten",
        "diep dal",
        "in een dip",
        "niet goed in mijn hoofd",
        "burn out",
    ),
    *_zinsdelen(
        "dementie",
        ("geheugen",),
        _DEMENTIE,
        "weg kwijt",
        "de weg niet meer",
        "herkent ons",
        "herkent me",
        "herkent mij",
        "herkent niemand",
        "herkent haar",
        "herkent zijn",
        "herkent ons niet",
        "haalt alles door elkaar",
        "haal alles door elkaar",
        "dingen door elkaar",
        "welke dag het is",
        "vertelt steeds hetzelfde",
        "vraagt steeds hetzelfde",
        "steeds hetzelfde",
        "dwaalt weg",
    ),
    *_zinsdelen("dementie", ("verward",), _DEMENTIE, "in de war", "raakt in de war"),
    *_signaalwoorden(
        "dementie",
        _DEMENTIE,
        "verdwaalt",
        "verdwaald",
        "verdwalen",
        "dwaalt",
        "geheugentest",
        "geheugenpoli",
        "geheugentraining",
        "dementieconsulent",
        "korsakov",
    ),
    *_zinsdelen(
        "mantelzorg",
        ("mantelzorg",),
        _MANTELZORG,
        "ik verzorg",
        "verzorg mijn",
        "verzorg haar",
        "verzorg hem",
        "verzorgt haar",
        "verzorgt hem",
        "verzorgt mijn",
        "zorg voor mijn",
        "zorg voor mn",
        "zorg voor haar",
        "zorg voor hem",
        "zorgen voor mijn",
        "zorgt voor mijn",
        "zorgt voor haar",
        "zorgt voor hem",
        "zorg alleen voor",
        "zorg elke dag voor",
        "zorg wordt te veel",
        "zorg wordt me te veel",
        "zorg wordt te zwaar",
        "zorg wordt me te zwaar",
        "zorg is te zwaar",
        "zorg te zwaar",
        "zorg niet meer aan",
        "geen tijd voor mezelf",
        "tijd voor mezelf",
        "geen leven meer",
        "aan mezelf toe",
        "mantelzorgen",
    ),
    *_zinsdelen(
        "mantelzorg",
        ("vrij",),
        _RESPIJT,
        "dagje vrij",
        "weekje vrij",
        "weekend vrij",
        "vrije dag",
        "middag vrij",
        "even bijkomen",
        "bijkomen",
        "zorg overnemen",
        "zorg even overnemen",
        "dagje overnemen",
        "zorg over te nemen",
        "neemt de zorg over",
        "vervangende zorg",
        "vervangende mantelzorg",
        "even ertussenuit",
        "op adem komen",
    ),
    *_signaalwoorden(
        "huishouden",
        _HUISHOUDEN,
        "stofzuigen",
        "stofzuiger",
        "dweilen",
        "strijken",
        "afwas",
        "opruimen",
    ),
    *_zinsdelen(
        "huishouden",
        ("schoonmaken",),
        _HUISHOUDEN,
        "ramen lappen",
        "ramen zemen",
        "de was",
        "was doen",
        "bed opmaken",
        "bedden verschonen",
        "bed verschonen",
        "huis vies",
        "huis wordt vies",
        "huis is vies",
        "huis niet schoon",
        "huis bijhouden",
        "huis niet bijhouden",
        "huis niet meer bijhouden",
        "huishouden niet bijhouden",
        "loopt in de soep",
    ),
    *_zinsdelen(
        "huishouden",
        ("huishouden",),
        (*_HUISHOUDEN, "thuiszorg", "ondersteuning", "wmo"),
        "redt het niet",
        "red het niet",
        "redt het niet alleen",
        "red het niet alleen",
        "niet meer redden",
        "thuis redden",
        "zelf redden",
        "red me niet",
    ),
    *_zinsdelen(
        "huishouden",
        ("maaltijd",),
        ("maaltijd", "maaltijdservice", "maaltijden", "koken", "huishouden"),
        "kan niet koken",
        "niet meer koken",
        "niet koken",
        "warm eten",
        "tafeltje dekje",
    ),
    *_zinsdelen(
        "vervoer",
        ("vervoer",),
        _VERVOER,
        "geen vervoer",
        "geen auto",
        "zonder auto",
        "niet meer rijden",
        "mag niet rijden",
        "mag niet meer rijden",
        "niet meer autorijden",
        "niet meer fietsen",
        "kan niet fietsen",
        "geen bus",
        "rijdt geen bus",
        "bus rijdt niet",
        "met de bus",
        "brengen en halen",
        "halen en brengen",
        "naar afspraken",
        "naar mijn afspraak",
        "kan nergens heen",
        "nergens meer heen",
    ),
    *_signaalwoorden("vervoer", _VERVOER, "ov", "buurtbus", "rolstoeltaxi", "taxipas"),
    *_signaalwoorden(
        "hulpmiddelen",
        _HULPMIDDELEN,
        "tillift",
        "tilband",
        "grijptang",
        "grijpstok",
        "sokkenaantrekker",
        "steunkousaantrekker",
        "steunkousen",
        "antislipmat",
        "toiletverhoger",
        "toiletstoel",
        "bedverhoger",
        "gehoorapparaat",
        "leesloep",
        "loep",
        "daisyspeler",
    ),
    *_zinsdelen(
        "hulpmiddelen",
        ("hulpmiddel",),
        _HULPMIDDELEN,
        "uit bed komen",
        "moeilijk opstaan",
        "kan niet opstaan",
        "opstaan uit",
    ),
    *_zinsdelen(
        "wonen",
        ("woningaanpassing",),
        _AANPASSING,
        "huis aanpassen",
        "woning aanpassen",
        "huis aangepast",
        "douche aanpassen",
        "badkamer aanpassen",
        "trap niet op",
        "trap niet meer op",
        "trappen niet meer",
        "kan niet traplopen",
        "traplopen",
        "niet meer naar boven",
        "drempels weghalen",
        "drempels weg",
        "drempel weg",
        "niet meer geschikt",
        "huis is te groot",
        "kleiner wonen",
        "beneden slapen",
        "slaapkamer beneden",
        "badkamer beneden",
        "toilet beneden",
    ),
    *_zinsdelen(
        "wonen",
        ("woning",),
        _WOONRUIMTE,
        "geen woning",
        "geen huis",
        "geen dak boven",
        "dak boven mijn hoofd",
        "op de bank slapen",
        "slaap op de bank",
        "slapen bij vrienden",
        "uit huis gezet",
        "uit mijn huis gezet",
        "huisuitzetting",
        "ontruiming",
        "uitzetting",
        "woning zoeken",
        "huis zoeken",
    ),
    *_zinsdelen(
        "wonen",
        ("buren",),
        _BUREN,
        "ruzie met de buren",
        "last van de buren",
        "problemen met de buren",
        "buren maken herrie",
        "buurtbemiddeling",
    ),
    *_zinsdelen(
        "wonen",
        ("verhuurder",),
        ("verhuurder", "woningcorporatie", "huurteam", "huurcommissie", "onderhoud"),
        "huis is koud",
        "koud huis",
        "slecht geisoleerd",
        "verhuurder doet niks",
        "verhuurder doet niets",
        "huurcommissie",
        "huurteam",
    ),
    *_zinsdelen(
        "werk_meedoen",
        ("werk",),
        _WERK,
        "aan het werk",
        "weer aan het werk",
        "aan de slag",
        "weer aan de slag",
        "weer werken",
        "geen werk",
        "zonder werk",
        "cv maken",
        "cv schrijven",
        "re integratie",
        "geen diploma",
        "opleiding doen",
        "ziektewet",
        "arbeidsbeperking",
        "beschut werk",
        "sociale werkplaats",
    ),
    *_zinsdelen(
        "werk_meedoen",
        ("vrijwilligerswerk",),
        _WERK,
        "iets zinvols",
        "zinvols doen",
        "iets betekenen",
        "iets terugdoen",
        "iets terug doen",
        "vrijwilliger worden",
        "als vrijwilliger",
    ),
    *_signaalwoorden(
        "werk_meedoen",
        _WERK,
        "werkervaringsplek",
        "leerwerktraject",
        "proefplaatsing",
        "loonkostensubsidie",
        "banenafspraak",
        "tegenprestatie",
    ),
    *_signaalwoorden("opvoeden_opgroeien", _OPVOEDEN, "brutaal", "opstandig", "huiswerk"),
    *_zinsdelen(
        "opvoeden_opgroeien",
        ("opvoeden",),
        _OPVOEDEN,
        "luistert niet",
        "luistert nooit",
        "wil niet luisteren",
        "luisteren niet",
        "grenzen stellen",
        "grenzen aangeven",
        "regels stellen",
        "wil niet naar school",
        "niet naar school",
        "gaat niet naar school",
    ),
    *_zinsdelen(
        "opvoeden_opgroeien",
        ("ouders",),
        _OUDERS,
        "alleenstaande moeder",
        "alleenstaande vader",
        "alleenstaande ouder",
        "alleen opvoeden",
        "voed alleen op",
        "net bevallen",
        "pas bevallen",
        "jonge ouders",
        "jonge moeder",
        "tienermoeder",
        "tienerouders",
    ),
    *_zinsdelen(
        "geldzorgen",
        ("geld",),
        (*_SCHULDEN, "armoede", "rondkomen", "minima"),
        "geen cent",
        "geen cent meer",
        "geen geld",
        "geen geld meer",
        "geen geld voor eten",
        "geld is op",
        "kom niet rond",
        "komen niet rond",
        "niet rondkomen",
        "rond te komen",
        "kom tekort",
        "komen tekort",
        "maand tekort",
        "geld tekort",
        "eind van de maand",
        "einde van de maand",
        "krap",
        "krap bij kas",
        "rood staan",
        "sta rood",
        "staat rood",
        "in het rood",
        "in de schulden",
        "niet meer pinnen",
        "kan niet pinnen",
        "geld lenen",
        "lening",
        "leningen",
        "flitskrediet",
        "gratis kleding",
        "geen eten",
    ),
    *_zinsdelen(
        "geldzorgen",
        ("betalen",),
        (*_SCHULDEN, "huurachterstand"),
        "huur niet betalen",
        "huur niet kunnen betalen",
        "huur niet meer betalen",
        "huur niet betaald",
        "achter met de huur",
        "achterstand met de huur",
        "huur achterstand",
    ),
    *_signaalwoorden(
        "geldzorgen",
        _ENERGIE,
        "energierekening",
        "energiekosten",
        "energienota",
        "gasrekening",
        "stroomrekening",
        "eindafrekening",
        "naheffing",
        "energiearmoede",
    ),
    *_zinsdelen(
        "geldzorgen",
        ("energie",),
        _ENERGIE,
        "energie te duur",
        "energie betalen",
        "rekening te hoog",
        "rekeningen te hoog",
    ),
    *_zinsdelen(
        "geldzorgen",
        ("regelingen",),
        _REGELINGEN,
        "welke regelingen",
        "bijzondere bijstand",
        "bijstand",
        "meedoenregeling",
        "meedoenpas",
        "jeugdfonds",
        "leergeld",
        "kindpakket",
        "inkomenstoeslag",
        "tegemoetkoming",
        "laag inkomen",
        "weinig inkomen",
        "klein inkomen",
        "minimum inkomen",
    ),
    *_signaalwoorden(
        "administratie",
        _POST,
        "brief",
        "envelop",
        "bezwaarbrief",
        "bezwaarschrift",
        "bezwaar",
        "machtiging",
        "belastingdienst",
        "beschikking",
        "invullen",
        "inkomstenbelasting",
    ),
    *_zinsdelen(
        "administratie",
        ("administratie",),
        _POST,
        "blauwe envelop",
        "papieren op orde",
        "op orde",
        "overzicht kwijt",
        "geen overzicht",
        "door de bomen het bos",
        "alles online",
        "online regelen",
        "digitaal regelen",
        "via de computer",
        "bezwaar maken",
        "bezwaar schrijven",
        "formulier invullen",
    ),
    # Not knowing where to start, or everything at once, is a question for a generalist (the
    # welzijnscoach, maatschappelijk werk, the wijkteam), not for one thema: the need
    # "algemeen" is no thema, so it adds no thema bonus; the words it stands for find the
    # offers that take any question.
    *_zinsdelen(
        ALGEMEEN,
        ("vastlopen",),
        _ALGEMEEN,
        "weet niet waar ik moet beginnen",
        "weet niet waar te beginnen",
        "weet niet waar ik moet zijn",
        "weet niet waar ik heen moet",
        "weet niet bij wie ik moet zijn",
        "weet niet wat ik moet doen",
        "weet het niet meer",
        "weet niet meer hoe het moet",
        "alles loopt door elkaar",
        "loopt alles door elkaar",
        "alles loopt mis",
        "alles gaat mis",
        "alles tegelijk",
        "van alles tegelijk",
        "te veel tegelijk",
        "veel problemen",
        "allerlei problemen",
        "problemen op alle gebieden",
        "loop vast",
        "loop overal tegenaan",
        "vastgelopen",
        "zit vast",
        "kom er niet meer uit",
        "kom er zelf niet uit",
        "hulp nodig",
        "heb hulp nodig",
        "iemand die meedenkt",
        "iemand om mee te denken",
    ),
    # Post left unopened: one need, and "open" is no word to search on its own (the "Open
    # tafel" is a meal, not paperwork).
    *_zinsdelen(
        "administratie",
        ("post",),
        _POST,
        "post niet open",
        "post niet meer open",
        "post niet openmaken",
        "post niet meer openmaken",
        "post open maken",
        "post blijft liggen",
        "brieven niet open",
        "brieven niet meer open",
        "brieven blijven liggen",
        "enveloppen niet open",
        "stapel post",
        "stapel brieven",
    ),
    *_zinsdelen(
        "eenzaamheid",
        ("contact",),
        _CONTACT,
        "ken niemand",
        "ken hier niemand",
        "zie niemand",
        "spreek niemand",
        "heb niemand",
        "niemand om mee te praten",
        "niemand meer",
        "niemand om mee",
        "geen vrienden",
        "geen contacten",
        "geen contact",
        "weinig contact",
        "weinig contacten",
        "sociale contacten",
        "vier muren",
        "alleen thuis",
        "hele dag alleen",
        "nooit bezoek",
        "geen bezoek",
        "komt nooit iemand",
        "niemand komt",
        "niemand belt",
        "buitengesloten",
        "nergens bij",
        "erbij horen",
        "ergens bij horen",
        "vrienden maken",
        "vriendschap",
        "vriendschappen",
        "mensen leren kennen",
        "nieuwe vrienden",
        "kletsen",
        "net verhuisd",
        "nieuw in de buurt",
        "alleen met de feestdagen",
    ),
)


@functools.lru_cache(maxsize=1)
def _groepen_per_term() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Index term → the (need, terms) of every group it is in."""
    per_term: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for groep in GROEPEN:
        stammen = frozenset(stam(w) for woord in groep.woorden for w in woorden(woord))
        for term in stammen:
            per_term.setdefault(term, []).append((groep.behoefte, stammen))
    return {term: tuple(groepen) for term, groepen in per_term.items()}


def synoniemen(term: str, behoeften: frozenset[str] | None = None) -> frozenset[str]:
    """Index terms that mean the same as ``term`` (itself excluded).

    With ``behoeften``, only groups of those needs count (and groups of the term's only need:
    a word that means one thing keeps its synonyms in any query).
    """
    groepen = _groepen_per_term().get(term, ())
    eigen = {b for b, _ in groepen}
    gevonden: set[str] = set()
    for behoefte, stammen in groepen:
        if behoeften is None or behoefte in behoeften or len(eigen) == 1:
            gevonden |= stammen
    gevonden.discard(term)
    return frozenset(gevonden)


def behoeften_van(term: str) -> frozenset[str]:
    """The needs of the groups an index term is in (empty: a word of no particular need)."""
    return frozenset(b for b, _ in _groepen_per_term().get(term, ()))


@dataclass(frozen=True)
class Zoekbegrip:
    """One unit of meaning in a query: a word, or a phrase that means one thing.

    ``woord`` is what the searcher typed (shown in the reasons); ``zoek`` are the words
    searched at full weight, ``verwant`` the words it stands for (searched as synonyms).
    """

    woord: str
    zoek: tuple[str, ...]
    verwant: tuple[str, ...] = ()
    behoefte: str | None = None
    gewicht: float = 1.0
    #: The needs this unit points to by the synonym table (its phrase, groups or thema words).
    behoeften: frozenset[str] = frozenset()


#: Words that say for whom help is sought, not what for ("mijn vrouw", "voor de kinderen",
#: "computerles voor ouderen"): next to other words they count half, in the score and in how
#: much of the query an offer covers, so "mijn vrouw is overleden" finds the rouwgroep, not
#: the vrouwenopvang. Words for a young child ("peuter", "puber") are not among them: they
#: also say what the question is about (opvoeden), see :data:`KINDWOORDEN`.
PERSOONWOORDEN: frozenset[str] = frozenset(
    (
        "man",
        "vrouw",
        "partner",
        "echtgenoot",
        "echtgenote",
        "vriend",
        "vriendin",
        "moeder",
        "vader",
        "ouder",
        "zoon",
        "dochter",
        "kind",
        "kinderen",
        "kindje",
        "broer",
        "zus",
        "oma",
        "opa",
        "buurman",
        "buurvrouw",
        "familie",
        "gezin",
        "oudere",
        "ouderen",
        "senior",
        "senioren",
        "ouders",
    )
)


@dataclass(frozen=True)
class Zoekanalyse:
    """The meaning of a query: its units and the needs they establish."""

    begrippen: tuple[Zoekbegrip, ...]
    behoeften: frozenset[str]
    #: Doelgroepen the query's own words name ("driftbui peuter": jeugd and ouders).
    doelgroepen: frozenset[str] = frozenset()


#: Words that name a child: the question is about a child (and asked by a parent), so an offer
#: for adults only does not fit it. Not "zoon" or "dochter": those may be grown up.
KINDWOORDEN: frozenset[str] = frozenset(
    (
        "kind",
        "kinderen",
        "kindje",
        "kindjes",
        "kids",
        "baby",
        "babys",
        "peuter",
        "peuters",
        "kleuter",
        "kleuters",
        "dreumes",
        "puber",
        "pubers",
        "tiener",
        "tieners",
        "zoontje",
        "dochtertje",
        "scholier",
    )
)


def _vind(reeks: list[str], stammen: list[str], zin: tuple[str, ...], bezet: set[int]) -> int:
    """Start of ``zin`` in the query words (compared by stem), or -1."""
    doel = [stam(w) for w in zin]
    for start in range(len(reeks) - len(zin) + 1):
        posities = range(start, start + len(zin))
        if not bezet.intersection(posities) and stammen[start : start + len(zin)] == doel:
            return start
    return -1


def _heeft_signaal(stammen: list[str], tekst: str, signaal: str) -> bool:
    delen = [stam(w) for w in woorden(signaal)]
    if len(delen) == 1:
        return delen[0] in stammen
    return f" {' '.join(delen)} " in f" {tekst} "


@functools.lru_cache(maxsize=4096)
def _behoeften_van_woord(woord: str, deel: bool = False) -> frozenset[str]:
    """The needs one query word points to: its groups, the thema words, else its parts."""
    gevonden = set(behoeften_van(stam(woord)))
    if woord in THEMA_WOORDEN:
        gevonden.add(THEMA_WOORDEN[woord])
    for code in THEMAS:
        if stam(woord) in {stam(w) for w in code.split("_")}:
            gevonden.add(code)
    if not gevonden and not deel and (delen := woorddelen(woord)):
        # jeugdhulp → jeugd, schuldhulp → schuld: the first part says what it is about.
        gevonden.update(_behoeften_van_woord(delen[0], True))
    return frozenset(gevonden)


@functools.lru_cache(maxsize=4096)
def analyseer(tekst: str, thema: str | None = None) -> Zoekanalyse:
    """Split a query into units of meaning and find the needs it is about.

    Phrases are found first (by stem, so "kopjes koffie" is "kopje koffie"); the remaining
    meaningful words each become a unit (filler words only when nothing else is left). An
    ambiguous word takes the meaning its cue words, the thema filter or the other words select,
    or none: then it is searched as typed.
    """
    reeks = woorden(tekst)
    stammen = [stam(w) for w in reeks]
    samen = " ".join(stammen)
    bezet: set[int] = set()
    gevonden: list[tuple[int, Zoekbegrip]] = []
    for zinsdeel in sorted(ZINSDELEN, key=lambda z: -len(z.woorden)):
        start = _vind(reeks, stammen, zinsdeel.woorden, bezet)
        if start < 0:
            continue
        bezet.update(range(start, start + len(zinsdeel.woorden)))
        label = " ".join(reeks[start : start + len(zinsdeel.woorden)])
        staat_voor = (*zinsdeel.verwant, *zinsdeel.behoefte.split("_"))
        gevonden.append(
            (
                start,
                Zoekbegrip(
                    label,
                    zinsdeel.zoek,
                    staat_voor,
                    zinsdeel.behoefte,
                    behoeften=frozenset((zinsdeel.behoefte,)),
                ),
            )
        )
    losse = [
        (i, w)
        for i, w in enumerate(reeks)
        if i not in bezet and len(w) >= 2 and w not in STOPWOORDEN
    ]
    inhoud = [(i, w) for i, w in losse if w not in VULWOORDEN]
    if inhoud or gevonden:
        losse = inhoud
    behoeften: set[str] = {thema} if thema else set()
    behoeften.update(b.behoefte for _, b in gevonden if b.behoefte)
    for _, woord in losse:
        if woord not in MEERDUIDIG:
            behoeften.update(_behoeften_van_woord(woord))
    gezien: set[str] = set()
    for i, woord in losse:
        if woord in gezien:
            continue
        gezien.add(woord)
        eigen = _behoeften_van_woord(woord)
        behoefte = next(iter(eigen)) if len(eigen) == 1 else None
        verwant: tuple[str, ...] = ()
        for betekenis in MEERDUIDIG.get(woord, ()):
            if any(_heeft_signaal(stammen, samen, s) for s in betekenis.signalen) or (
                betekenis.behoefte in behoeften
            ):
                behoefte, verwant = betekenis.behoefte, betekenis.synoniemen
                break
        gewicht = 0.5 if woord in PERSOONWOORDEN and len(losse) > 1 else 1.0
        eigen_behoeften = frozenset((behoefte,)) if behoefte else eigen
        if woord in MEERDUIDIG and not verwant:
            eigen_behoeften = frozenset()  # no cue: the word's need is unknown
        gevonden.append(
            (i, Zoekbegrip(woord, (woord,), verwant, behoefte, gewicht, eigen_behoeften))
        )
    behoeften.update(b.behoefte for _, b in gevonden if b.behoefte)
    if any(b.behoeften - {ALGEMEEN} for _, b in gevonden):
        # "Weet niet waar te beginnen met mijn schulden" is about schulden: a general question
        # counts only when nothing more specific is asked.
        gevonden = [(i, b) for i, b in gevonden if b.behoefte != ALGEMEEN]
        behoeften.discard(ALGEMEEN)
    begrippen = tuple(b for _, b in sorted(gevonden, key=lambda x: x[0]))
    doelgroepen = (
        frozenset(("jeugd", "ouders")) if any(w in KINDWOORDEN for w in reeks) else frozenset()
    )
    return Zoekanalyse(begrippen, frozenset(behoeften), doelgroepen)


#: Everyday words people put in a thema column or a search filter, mapped to the thema code.
THEMA_WOORDEN: dict[str, str] = {
    "schulden": "geldzorgen",
    "geld": "geldzorgen",
    "armoede": "geldzorgen",
    "financien": "geldzorgen",
    "eenzaam": "eenzaamheid",
    "alzheimer": "dementie",
    "opvoeding": "opvoeden_opgroeien",
    "opgroeien": "opvoeden_opgroeien",
    "jeugd": "opvoeden_opgroeien",
    "gezin": "opvoeden_opgroeien",
    "schoonmaken": "huishouden",
    "huishoudelijke": "huishouden",
    "taxi": "vervoer",
    "woning": "wonen",
    "rolstoel": "hulpmiddelen",
    "ggz": "psychisch",
    "depressie": "psychisch",
    "alcohol": "verslaving",
    "drugs": "verslaving",
    "werk": "werk_meedoen",
    "meedoen": "werk_meedoen",
    "vrijwilligerswerk": "werk_meedoen",
    "post": "administratie",
    "formulieren": "administratie",
    "geweld": "huiselijk_geweld",
    "respijt": "mantelzorg",
}


def dichtstbijzijnde_thema(waarde: str) -> str:
    """The valid thema code closest to what someone typed: a synonym first, else spelling."""
    tekst = " ".join(woorden(waarde.replace("_", " ")))
    if tekst.replace(" ", "_") in THEMAS:
        return tekst.replace(" ", "_")
    for woord in tekst.split():
        if woord in THEMA_WOORDEN:
            return THEMA_WOORDEN[woord]
        for code in THEMAS:
            if stam(woord) in {stam(w) for w in woorden(code.replace("_", " "))}:
                return code
    for woord in tekst.split():
        for code, label in THEMAS.items():
            if len(woord) >= 4 and stam(woord) in {stam(w) for w in woorden(label)}:
                return code
    beste = process.extractOne(tekst.replace(" ", "_"), list(THEMAS), scorer=fuzz.ratio)
    return str(beste[0]) if beste else next(iter(THEMAS))
