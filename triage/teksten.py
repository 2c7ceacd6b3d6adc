"""All resident-facing Dutch text (B1: short sentences, common words, "u").

Kept in one place so that a gemeente's communicatieadviseur can review every sentence.
"""

from __future__ import annotations

from kern.gemeente import Contact, GemeenteProfiel
from kern.themas import THEMAS
from triage import teksten_talen
from triage.crisis import CrisisOordeel, CrisisSoort


def bereikbaar(contact: Contact) -> str:
    """'bel 14 0123 (ma-vr 8.30-17.00 uur)' with e-mail when known."""
    tekst = f"bel {contact.telefoon}"
    if contact.openingstijden:
        tekst += f" ({contact.openingstijden})"
    if contact.email:
        tekst += f" of mail naar {contact.email}"
    return tekst


def mens_spreken(profiel: GemeenteProfiel) -> str:
    """The line that always offers a way to a person."""
    return f"Wilt u liever met een mens praten? Neem contact op met {profiel.naam}: {bereikbaar(profiel.contact)}."


def opening(profiel: GemeenteProfiel) -> str:
    """First message: automated assistant (EU AI Act art. 50), what it does, no personal data."""
    return (
        f"Hallo! Ik ben Wegwijzer, de automatische assistent van {profiel.naam}. "
        "Ik ben een computerprogramma, geen mens. "
        "Ik help u hulp te vinden in uw buurt. Bijvoorbeeld als u zorgt voor iemand, "
        "als u zich eenzaam voelt, bij geldzorgen of bij vragen over opvoeden. "
        "U hoeft uw naam, adres of andere persoonlijke gegevens niet te geven. "
        + mens_spreken(profiel)
    )


VRAAG_HULPVRAAG = "Waar kan ik u mee helpen? Vertel het in uw eigen woorden, of kies een onderwerp."
VRAAG_HULPVRAAG_OPNIEUW = (
    "Waar gaat uw vraag over? Vertel het in uw eigen woorden, of kies een onderwerp."
)


def vraag_voor_wie(thema: str) -> str:
    """Ask for whom the help is."""
    return f"U heeft een vraag over: {THEMAS[thema].lower()}. Voor wie zoekt u hulp?"


def vraag_leeftijd(voor_wie: str | None, relatie: str | None) -> str:
    """Ask the age, only when it decides the road (CJG or Wmo-loket)."""
    if voor_wie == "zelf":
        return "Bent u jonger dan 18 jaar of 18 jaar en ouder?"
    wie = f"uw {relatie}" if relatie else "het kind"
    return f"Hoe oud {_is(relatie)} {wie}? Dan kan ik beter zoeken."


#: Relation words that are plural: "Hoe oud zijn uw kinderen?", "In welke wijk wonen uw ouders?"
_MEERVOUD = frozenset(
    ["kinderen", "kids", "kleinkinderen", "ouders", "buren", "schoonouders", "grootouders",
     "clienten"]
)  # fmt: skip


def _is(relatie: str | None) -> str:
    return "zijn" if relatie in _MEERVOUD else "is"


def vraag_wijk(voor_wie: str | None, relatie: str | None) -> str:
    """Ask the wijk or postcode, to find options nearby."""
    woont = "woont"
    if voor_wie == "zelf" or voor_wie is None:
        wie = "u"
    elif relatie:
        wie = f"uw {relatie}"
        woont = "wonen" if relatie in _MEERVOUD else "woont"
    else:
        wie = "de persoon voor wie u hulp zoekt"
    return (
        f"In welke wijk {woont} {wie}? U mag ook alleen de 4 cijfers van de postcode typen. "
        "Dan zoek ik hulp dichtbij."
    )


POSTCODE_BUITEN_GEMEENTE = (
    "Die postcode hoort niet bij onze gemeente. Ik zoek daarom in de hele gemeente."
)


def aanbod_intro(thema: str, wijk: str | None) -> str:
    """Lead-in to the first offer: sociale basis first."""
    waar = f"in {wijk} of in de hele gemeente" if wijk else "in de gemeente"
    return (
        f"Dit kan u misschien helpen bij {THEMAS[thema].lower()}. "
        f"Het is hulp van vrijwilligers en organisaties {waar}. U heeft geen indicatie nodig."
    )


#: Under an offer the kaart has not checked for a long time (the widget shows the same words).
AANBOD_VEROUDERD = (
    "Deze gegevens zijn al lang niet gecontroleerd. Bel eerst even of dit nog bestaat."
)


def aanbod_regel(
    nummer: int,
    naam: str,
    organisatie: str,
    omschrijving: str,
    telefoon: str | None,
    website: str | None,
    verouderd: bool = False,
) -> str:
    """One numbered offer: name, organisation, one line, phone, website; a stale one warns."""
    regel = f"{nummer}. {naam} ({organisatie}). {omschrijving}"
    contact = []
    if telefoon:
        contact.append(f"Telefoon: {telefoon}")
    if website:
        contact.append(f"Website: {website}")
    if contact:
        regel += "\n   " + " · ".join(contact)
    if verouderd:
        regel += "\n   " + AANBOD_VEROUDERD
    return regel


VRAAG_HELPT_DIT = "Heeft u hier iets aan?"
WELK_THEMA = (
    "Ik weet niet zeker waar uw vraag over gaat. Gaat het over een van deze onderwerpen? "
    "Of vertel het in andere woorden."
)


def geen_aanbod(thema: str) -> str:
    """Honest message when the kaart has no sociale-basis option."""
    return (
        f"Ik heb in de sociale kaart geen vrijwillige hulp of buurtactiviteit gevonden die past "
        f"bij uw vraag over {THEMAS[thema].lower()}. Daarom verwijs ik u door naar de gemeente."
    )


def verwijzing(route: str, loket: Contact) -> str:
    """Referral to the CJG or the Wmo-loket: contact, what happens next, cliëntondersteuning."""
    wat = (
        "Het CJG helpt bij vragen over kinderen, jongeren en opvoeden."
        if route == "cjg"
        else "Het Wmo-loket helpt als u meer ondersteuning nodig heeft dan familie, buren of vrijwilligers kunnen geven."
    )
    return (
        f"U kunt contact opnemen met {loket.naam}. {wat} "
        f"Neem contact op: {bereikbaar(loket)}."
        + (f" Website: {loket.website}." if loket.website else "")
        + " Een medewerker maakt een afspraak voor een gesprek over uw situatie. "
        "Samen kijkt u wat u nodig heeft. "
        "U kunt gratis hulp krijgen van een onafhankelijke cliëntondersteuner. "
        "U mag ook iemand meenemen naar het gesprek, bijvoorbeeld een familielid of een vriend."
    )


def fijn(profiel: GemeenteProfiel) -> str:
    """The resident says the offer helps."""
    return (
        "Fijn dat dit helpt! U kunt zelf contact opnemen met de organisatie. "
        "Heeft u later toch meer hulp nodig? " + mens_spreken(profiel)
    )


VRAAG_NOG_IETS = "Kan ik nog iets anders voor u doen?"


def buiten_scope(profiel: GemeenteProfiel) -> str:
    """Kind 'not my field' with the gemeente's general contact."""
    return (
        "Daar kan ik u helaas niet mee helpen. Ik help alleen bij vragen over zorg, ondersteuning "
        "en meedoen, zoals mantelzorg, eenzaamheid, geldzorgen of opvoeden. "
        f"Voor andere vragen kunt u terecht bij {profiel.naam}: {bereikbaar(profiel.contact)}"
        + (f", of kijk op {profiel.contact.website}" if profiel.contact.website else "")
        + "."
    )


def niet_begrepen(poging: int, profiel: GemeenteProfiel) -> str:
    """Ask to rephrase (twice), then offer a person."""
    if poging == 1:
        return "Sorry, dat begreep ik niet goed. Kunt u het anders zeggen? Gebruik korte zinnen."
    if poging == 2:
        return (
            "Sorry, ik begrijp het nog steeds niet. Probeer het in een paar woorden. "
            "Bijvoorbeeld: 'ik zorg voor mijn moeder' of 'ik heb schulden'."
        )
    return (
        "Het lukt mij niet om uw vraag te begrijpen. Daarom kunt u beter met een medewerker praten. "
        f"Neem contact op met {profiel.naam}: {bereikbaar(profiel.contact)}."
    )


ONGELDIG_BERICHT = (
    "Ik kon uw bericht niet lezen. Typ uw vraag in gewone woorden, in het Nederlands, "
    "in maximaal een paar zinnen."
)
#: After the answer in another language: in Dutch too, in case we guessed the language wrong.
ALLEEN_NEDERLANDS = (
    "Ik begrijp alleen Nederlands. Schrijft u Nederlands? Vertel uw vraag dan in een paar woorden."
)
TE_LANG = "Uw bericht is erg lang. Ik lees alleen het begin. Vertel uw vraag het liefst in een paar zinnen."
#: Said by the input channel (``triage.poort``) for a message with no text at all.
LEEG_BERICHT = (
    "Ik zie geen tekst in uw bericht. Typ uw vraag in een paar woorden. "
    "Bijvoorbeeld: 'ik zorg voor mijn moeder' of 'ik heb schulden'."
)


def bericht_te_lang(max_tekens: int, profiel: GemeenteProfiel | None = None) -> str:
    """Said by the input channel for a message over the limit.

    The message was not read, so no crisis check ran on it: the emergency numbers are always
    in this answer.
    """
    grens = f"{max_tekens:,}".replace(",", ".")
    tekst = (
        f"Uw bericht is te lang voor mij. Ik kan berichten tot {grens} tekens lezen. "
        "Ik heb dit bericht niet gelezen en niet bewaard. "
        "Wilt u uw vraag korter opschrijven, in een paar zinnen? "
        "Is er nu direct gevaar? Bel dan 112. Denkt u aan zelfdoding? Bel 113 of gratis "
        "0800-0113. Bij huiselijk geweld of kindermishandeling: bel Veilig Thuis, 0800-2000."
    )
    return f"{tekst} {mens_spreken(profiel)}" if profiel is not None else tekst


def crisis(oordeel: CrisisOordeel) -> str:
    """Numbers first, no questions before them."""
    if oordeel.soort is CrisisSoort.SUICIDE:
        kop = (
            "Wat fijn dat u dit vertelt. Praat er nu over met iemand: bel 113 Zelfmoordpreventie "
            "(113 of gratis 0800-0113, dag en nacht) of chat via 113.nl. "
            "Is er nu direct gevaar voor uw leven? Bel dan 112."
        )
    elif oordeel.soort is CrisisSoort.HUISELIJK_GEWELD:
        kop = (
            "Dit is ernstig. U hoeft dit niet alleen op te lossen. Bel Veilig Thuis: 0800-2000 "
            "(gratis, dag en nacht, u mag anoniem bellen). Ook als u zich zorgen maakt om iemand "
            "anders of om kinderen. Is er nu direct gevaar? Bel dan 112."
        )
    elif oordeel.huiselijk:
        kop = (
            "Bent u of is iemand anders nu in gevaar? Bel direct 112. Ga als het kan naar een "
            "veilige plek. Daarna kunt u Veilig Thuis bellen: 0800-2000 (gratis, dag en nacht, "
            "u mag anoniem bellen)."
        )
    elif oordeel.bron == "classifier":
        kop = (
            "Is er nu direct gevaar? Bel dan 112. Denkt u aan zelfdoding? Bel 113 of gratis "
            "0800-0113. Bij huiselijk geweld of kindermishandeling: bel Veilig Thuis, 0800-2000."
        )
    else:
        kop = "Dit klinkt als een noodgeval. Bel nu 112."
    if oordeel.kind_schrijft:
        kop += " Ben je jonger dan 18? Bel of chat gratis met De Kindertelefoon: 0800-0432."
    uitleg = teksten_talen.crisis_regel(oordeel.taal, oordeel.nummers())
    if uitleg:  # written in another language: the numbers stay first, then what each one is
        kop += "\n\n" + uitleg
    return kop


def veilig_thuis(kind_schrijft: bool = False) -> str:
    """First answer to any hulpvraag about huiselijk geweld: Veilig Thuis before anything else."""
    tekst = (
        "Bel Veilig Thuis: 0800-2000. Bellen is gratis en kan dag en nacht. U mag anoniem bellen. "
        "Veilig Thuis geeft advies bij huiselijk geweld, kindermishandeling en ouderenmishandeling. "
        "Ook als u twijfelt, of als u zich zorgen maakt om iemand anders. "
        "Is er nu direct gevaar? Bel dan 112."
    )
    if kind_schrijft:
        tekst += " Ben je jonger dan 18? Bel of chat gratis met De Kindertelefoon: 0800-0432."
    return tekst


def veilig_thuis_aanbod_intro(wijk: str | None, wijk_vragen: bool) -> str:
    """After the Veilig Thuis number: offers from the kaart; naming a wijk is optional."""
    waar = f"in {wijk} of in de hele gemeente" if wijk else "in de gemeente"
    tekst = f"U kunt ook terecht bij deze hulp {waar}. U heeft geen indicatie nodig."
    if wijk_vragen:
        tekst += " Wilt u hulp dichtbij? Typ dan de naam van uw wijk of de 4 cijfers van uw postcode."
    return tekst


def crisis_vervolg(profiel: GemeenteProfiel, eerste_beurt: bool, taal: str = "nl") -> str:
    """After the numbers: who is talking, and that the resident may continue here.

    A resident who wrote another language also reads, in that language, that Wegwijzer speaks
    Dutch and where the gemeente helps in another language.
    """
    wie = "Ik ben Wegwijzer, een computerprogramma en geen mens. " if eerste_beurt else ""
    tekst = (
        f"{wie}Als het veilig is, kunt u hier ook verder praten over hulp in uw buurt. "
        + mens_spreken(profiel)
    )
    if taal != "nl":
        tekst += "\n\n" + teksten_talen.alleen_nederlands(taal, profiel)
    return tekst


def afscheid(profiel: GemeenteProfiel) -> str:
    """Goodbye, with the way to a person."""
    return "Bedankt voor uw bericht. Veel sterkte! " + mens_spreken(profiel) + " Tot ziens."


BEDANKT = "Graag gedaan!"


def uitleg(profiel: GemeenteProfiel) -> str:
    """What the bot is and does with data (bot_vraag)."""
    return (
        "Ik ben Wegwijzer, een automatische assistent van " + profiel.naam + ". Ik ben geen mens. "
        "Ik zoek hulp en activiteiten in uw buurt en vertel u hoe u de gemeente bereikt. "
        "Ik beslis niets over hulp of geld. Ik bewaar geen namen of adressen. "
        "De gemeente ziet alleen anonieme tellingen, zoals hoe vaak een onderwerp gevraagd wordt. "
        + mens_spreken(profiel)
    )


def niet_begrepen_antwoord(vraag: str) -> str:
    """The resident answered, but not what we asked."""
    hints = {
        "voor_wie": "Kies een van de knoppen, of typ bijvoorbeeld 'voor mezelf' of 'voor mijn moeder'.",
        "leeftijd": "Typ de leeftijd in cijfers, bijvoorbeeld 11. Of kies een knop.",
        "wijk": "Typ de naam van de wijk of de 4 cijfers van de postcode. Of kies 'Weet ik niet'.",
        "helpt_dit": "Kies 'Ja', 'Nee' of 'Iets anders'.",
    }
    return "Sorry, dat begreep ik niet goed. " + hints.get(vraag, "Kunt u het anders zeggen?")

