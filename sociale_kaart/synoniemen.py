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
}


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
