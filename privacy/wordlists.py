"""Small, hand-made word lists that steer the recognisers.

Deduce's own lists (first names, surnames, common words) do most of the work. These lists
cover what a resident of a gemeente says and deduce was not built for: "ik ben mantelzorger",
"ik ben op", "ik ben 82", wijk names and the names of public services, so those stay visible.
All entries are lower case; compare with ``word.casefold()``.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    """The whitespace-separated words of ``block``: long lists stay readable."""
    return frozenset(block.split())


# Words that are never (the start of) a person's name after "ik ben", "met", "mijn naam is".
# Function words, states, roles and feelings a resident typically describes.
NOT_A_NAME: frozenset[str] = _words(
    """
    a aan al alle alleen allebei als altijd ander andere anders bij binnen boven buiten daar
    dan dat de deze die dit door dus een eens eigenlijk en er even geen gewoon graag heel hem
    het hier hij hoe hun ik in is ja je jij jullie kan maar me meer mee met mij mijn misschien
    na naar namelijk nee net niet niets nog nooit nu of om onder ons onze ook op over pas
    sinds soms te tegen toch toe tot twee u uit uw van veel voor vaak via vooral waar wat we
    weer wel welke wie wij wil wordt zal ze zelf zich zij zijn zo zoals zonder zou
    aangemeld afgekeurd afgewezen alleenstaand allochtoon ambtenaar arbeidsongeschikt arm
    automatisch bang bedankt beetje begonnen benieuwd bereikbaar beschikbaar bestuurder bewust
    bezig bezorgd bijna bijstand blij blind boos bijzonder chronisch cliënt client contact
    dakloos dankbaar depressief doodmoe doof druk echt eenzaam eerlijk erg gehandicapt
    gehoord gelukkig gepensioneerd gescheiden gestopt getrouwd gezond goed gek geholpen
    geïnteresseerd geinteresseerd heel hulpbehoevend hulp invalide jong jonger kapot klaar
    klein krap kwijt lid leraar leerling lerares mantelzorger mantelzorgster mantelzorgers
    mama mam moe moeder mondig nieuw nieuwsgierig ontslagen onzeker oud ouder ouders oma opa
    overspannen papa pap patiënt patient raar ruim samen schoolverlater slechthorend
    slechtziend student studente thuis thuiswonend tevreden uitgeput vader verdrietig
    verhuisd verloofd verslaafd vrijwilliger vrijwilligster vrij wanhopig weduwe weduwnaar
    werkloos werkzoekende wijkbewoner zelfstandig zelfstandige zzp zzp'er zwanger ziek zorgen
    zoon dochter vrouw man partner vriend vriendin buurman buurvrouw kind kinderen broer zus
    zusje broertje neef nicht tante oom schoonmoeder schoonvader stiefvader stiefmoeder
    gemeente wijkteam loket huisarts dokter school werk bank huis
    hierbij namens bezig benieuwd gebeld geweest gestuurd doorverwezen ingeschreven
    inwoner bewoner burger alleenstaande moeder vader ouder eenoudergezin gezin pleegouder
    pleegmoeder pleegvader verzorgende verpleegkundige
    nederlands nederlandse marokkaans marokkaanse turks turkse surinaams surinaamse antilliaans
    pools poolse syrisch syrische eritrees eritrese somalisch afghaans oekraïens oekraiens
    duits engels arabisch fries friese gronings groningse christelijk moslim hindoestaans
    hallo hoi hey hee goedemorgen goedemiddag goedenavond dag groetjes groet bedankt dank
    """
)

# Tussenvoegsels that may sit between the parts of a name ("Jan van der Berg").
INTERFIXES: frozenset[str] = _words(
    """
    van de der den het 't ter ten te la le du da di del della dos el al ben bin ibn op in 's
    von vom zu zum und
    """
)

# Letter pairs after four digits that are Dutch words, units or codes, not a postcode
# ("in 2024 en", "1000 mg"). SA, SD and SS are never issued as postcode letters.
POSTCODE_LETTERS_NOT: frozenset[str] = _words(
    """
    en in op om te de al is ik je we ze na of af nu zo ja uw km mg gr kg cm mm ml ie eu pm
    am ct dl cl hl ha mb gb kb tb st ex nr no ok ca co tm vs pk sa sd ss
    """
)

# Names of public services, laws and organisations that residents mention and that deduce may
# take for a name or a place. The bot and the policy signals need them.
KEEP_TERMS_DEFAULT: frozenset[str] = frozenset(
    {
        "wmo",
        "wmo-loket",
        "cjg",
        "jeugdwet",
        "participatiewet",
        "uwv",
        "svb",
        "ggd",
        "ggz",
        "digid",
        "mijnoverheid",
        "humanitas",
        "voedselbank",
        "schuldhulpmaatje",
        "wijkteam",
        "buurtteam",
        "sociaal wijkteam",
        "kindertelefoon",
        "de kindertelefoon",
        "veilig thuis",
        "mee",
        "vluchtelingenwerk",
        "leger des heils",
        "rode kruis",
        "het rode kruis",
        "zilveren kruis",
        "nibud",
        "geldfit",
        "juridisch loket",
        "het juridisch loket",
        "belastingdienst",
        "kcc",
        "wegwijzer",
        "mantelzorg",
        "sociale kaart",
    }
)

# Hosts that are public services; a resident naming them is not personal data.
PUBLIC_HOSTS: frozenset[str] = _words(
    """
    113.nl kindertelefoon.nl veiligthuis.nl rijksoverheid.nl overheid.nl government.nl
    digid.nl mijnoverheid.nl toeslagen.nl belastingdienst.nl uwv.nl werk.nl svb.nl
    juridischloket.nl nibud.nl geldfit.nl mantelzorg.nl thuisarts.nl ggd.nl loket.nl
    wegwijzer.nl voedselbankennederland.nl humanitas.nl schuldhulpmaatje.nl
    """
)

# Words after a number that make it an amount, a duration or a count, not a house number.
NOT_A_HOUSE_NUMBER_AFTER: tuple[str, ...] = (
    "jaar",
    "jr",
    "jarig",
    "keer",
    "maand",
    "week",
    "weken",
    "dag",
    "dagen",
    "uur",
    "minuten",
    "kinderen",
    "kind",
    "euro",
    "eur",
    "procent",
    "personen",
    "mensen",
    "kilo",
    "km",
    "meter",
)
