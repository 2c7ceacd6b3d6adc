"""Residents who write in another language: language identification and foreign crisis rules.

Wegwijzer speaks Dutch, but 112 works for everyone. Two questions are answered here:

- :func:`herken_taal`: which language a message is in. A library decides (lingua, offline, its
  models ship in the wheel), wrapped in a policy that leans hard towards Dutch: a short answer
  ("ok", "ja", a wijk name, a postcode) is never foreign, and a longer message is foreign only when
  the library is confident. Telling a Dutch resident "I only speak Dutch" is worse than answering
  a foreign resident in Dutch, so every doubt is Dutch.
- :func:`detecteer_anderstalig`: crisis phrases in English, Turkish, Arabic and Polish (widely
  spoken at home in Dutch gemeenten). These are rules, like the Dutch crisis rules, because a crisis
  must not depend on a statistical guess about the language; they run after the Dutch rules found
  nothing (see :func:`triage.crisis.detecteer`).

Nothing is loaded at import time: the detector is built on first use and then cached (building it
and loading the language models takes about a second and some 280 MB; see
``benchmarks/talen_meting.py``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from triage.crisis import CrisisSoort

if TYPE_CHECKING:
    from collections.abc import Callable

#: Latin-script languages the detector may answer. Other scripts are decided by the script itself.
#: Afrikaans and Frisian are left out on purpose: their speakers read Dutch, and informal Dutch
#: is easily mistaken for them.
LATIJNSE_TALEN = ("nl", "en", "de", "fr", "es", "pt", "it", "tr", "pl", "ro", "so")
#: A Latin-script message needs at least this many letters and words before it can be foreign.
MIN_LETTERS = 12
MIN_WOORDEN = 3
#: Lingua's confidence the top language must reach (measured: 0.5 kept all 3,667 Dutch NLU
#: examples but one Dutch, and recognised 97 % of the foreign test messages).
DREMPEL = 0.5
#: Only the start of a long message is read: enough to know the language, bounded in time.
MAX_TEKENS = 500

_LETTER = re.compile(r"[^\W\d_]")
_PERZISCH = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc]")  # پ چ ژ گ ک ی
_RUSSISCH = re.compile("[\u044b\u044d\u044a\u0451\u042b\u042d\u042a\u0401]")  # ы э ъ ё
_OEKRAIENS = re.compile("[\u0456\u0457\u0454\u0491\u0406\u0407\u0404\u0490]")  # і ї є ґ


def _schrift(tekst: str) -> str | None:
    """The language a non-Latin script stands for, when most letters are in that script.

    One Arabic word ("ساعدني", help me) is already clearly not Dutch, whatever its length.
    Cyrillic is Ukrainian or Russian (we answer both). Ethiopic script is taken as Tigrinya (Eritrean residents); Amharic readers get the same
    English fallback answer anyway.
    """
    arabisch = cyrillisch = ethiopisch = latijn = 0
    for ch in tekst:
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
            arabisch += 1
        elif 0x0400 <= o <= 0x04FF:
            cyrillisch += 1
        elif 0x1200 <= o <= 0x139F or 0x2D80 <= o <= 0x2DDF:
            ethiopisch += 1
        elif ch.isalpha() and o < 0x0250:
            latijn += 1
    beste = max(arabisch, cyrillisch, ethiopisch)
    if beste < 2 or beste <= latijn:
        return None
    if beste == arabisch:
        return "fa" if len(_PERZISCH.findall(tekst)) >= 2 else "ar"
    if beste == cyrillisch:
        # Letters only one of the two has; without either, Ukrainian (most Cyrillic writers here).
        return "ru" if _RUSSISCH.search(tekst) and not _OEKRAIENS.search(tekst) else "uk"
    return "ti"


@lru_cache(maxsize=1)
def _detector() -> Any:
    """The lingua detector, built once (lazily: no model is read at import time)."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LATIJNSE_TALEN]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def herken_taal(tekst: str) -> str:
    """ISO 639-1 code of the language of ``tekst``; ``"nl"`` when Dutch or undecided.

    Button payloads (``/geef_info{...}``), numbers, postcodes and messages of fewer than three
    words or twelve letters are Dutch: they are answers to our own questions far more often than
    a resident writing another language.
    """
    tekst = (tekst or "")[:MAX_TEKENS].strip()
    if not tekst or tekst.startswith("/"):
        return "nl"
    schrift = _schrift(tekst)
    if schrift is not None:
        return schrift
    if len(_LETTER.findall(tekst)) < MIN_LETTERS or len(tekst.split()) < MIN_WOORDEN:
        return "nl"
    waarden = _detector().compute_language_confidence_values(tekst)
    if not waarden:
        return "nl"
    beste = waarden[0]
    taal = str(beste.language.iso_code_639_1.name).lower()
    if taal == "nl" or beste.value < DREMPEL:
        return "nl"
    return taal


# -- foreign crisis rules ----------------------------------------------------------------------

_LATIJN_KAART = str.maketrans({"ı": "i", "ł": "l", "ß": "ss", "ø": "o", "đ": "d"})
_HERHAALD = re.compile(r"(.)\1{2,}")
_GEEN_WOORD = re.compile(r"[^0-9a-z ]+")
_SPATIES = re.compile(r"\s+")


def _latijn(tekst: str) -> str:
    """Lower case without diacritics (Turkish ı, Polish ł too), apostrophes dropped ("dont")."""
    tekst = tekst.lower().translate(_LATIJN_KAART)
    tekst = unicodedata.normalize("NFKD", tekst)
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    tekst = re.sub(r"['’`´]", "", tekst)
    tekst = _HERHAALD.sub(r"\1\1", tekst)
    return _SPATIES.sub(" ", _GEEN_WOORD.sub(" ", tekst)).strip()


_ARABISCH_KAART = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ئ": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ک": "ك",
        "ڭ": "ك",
        "گ": "ك",
        "ڤ": "ف",
    }
)
_ARABISCHE_TEKENS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_GEEN_ARABISCH = re.compile("[^\u0621-\u064a ]+")


def _arabisch(tekst: str) -> str:
    """Arabic without vowel marks and tatweel, with the common spelling variants made one."""
    tekst = _ARABISCHE_TEKENS.sub("", unicodedata.normalize("NFC", tekst)).translate(_ARABISCH_KAART)
    tekst = _HERHAALD.sub(r"\1\1", tekst)
    return _SPATIES.sub(" ", _GEEN_ARABISCH.sub(" ", tekst)).strip()


def _c(*patronen: str) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patronen]


# English. Subjects and objects are spelled out so that "my husband helps me", "this song hits me"
# and "the website is not responding" stay ordinary messages.
_EN_DADER = (
    r"(?:husband|hubby|partner|boyfriend|bf|ex|wife|girlfriend|gf|father|dad|stepfather|stepdad"
    r"|mother|mom|mum|stepmother|brother|son|uncle|he|she)"
)
_EN_NIET = r"(?:never|not|dont|doesnt|didnt|wont|wouldnt|would never|no longer)"
_EN_GEWELD = (
    r"(?:hits?|hitting|beats?|beating|beat up|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?"
    r"|chok(?:es|ed|ing)|strangl\w*|slap(?:s|ped|ping)?|abus(?:es|ed|ing)|hurts?|hurting"
    r"|rap(?:es|ed|ing)|attack(?:s|ed|ing)?|threaten(?:s|ed|ing)?)"
)
_EN_SLACHTOFFER = (
    r"(?:me|us|my (?:kids?|children|son|daughter|baby|mother|mom|mum|sister|wife)"
    r"|the (?:kids|children|baby))"
)
_EN = {
    CrisisSoort.ACUUT: _c(
        r"\b(?:not|isnt|is not|stopped|no longer|arent|wasnt|barely|hardly) breathing\b",
        r"\b(?:cant|cannot|can not|couldnt) breathe?\b",
        r"\b(?:unconscious|unresponsive)\b",
        r"\bpassed out\b",
        r"\b(?:wont|will not|doesnt|does not|cant|cannot) wake (?:up|him|her)\b",
        r"\boverdos(?:e|ed|ing)\b",  # not the Dutch "overdosis"
        r"\b(?:is|am|im|she is|he is|shes|hes) having a (?:heart attack|stroke|seizure)\b",
        r"\b(?:has|with|holding) a (?:knife|gun)\b",
    ),
    CrisisSoort.SUICIDE: _c(
        r"\b(?:kill|killing|kil|kll) ?(?:my ?self|myslef|meself)\b",
        # "to" is required after "want": the Dutch "want die ..." ("because that one ...") is common
        r"\b(?:(?:want|wanted|going|planning|plan|try|trying|tried|ready) to|i want|wanna|gonna|will"
        r"|thinking about|think about) (?:to )?(?:die|end (?:my life|it all|everything)|take my (?:own )?life"
        r"|hang my ?self|hurt my ?self)\b",
        r"\bsuicid(?:e|al|ally)\b",  # not the Dutch "suicidale" (the Dutch rules decide that)
        r"\b(?:dont|do not|no longer) want to (?:live|be alive|be here|exist)\b",
        r"\bend(?:ing)? my (?:own )?life\b",
        r"\b(?:better off dead|no reason to live|wish i (?:was|were) dead)\b",
        r"\bself ?harm",
    ),
    CrisisSoort.HUISELIJK_GEWELD: _c(
        r"\b" + _EN_DADER + rf" (?:(?!{_EN_NIET}\b)\w+ ){{0,2}}" + _EN_GEWELD + " " + _EN_SLACHTOFFER
        + r"\b(?! up\b)",
        r"\bdomestic (?:violence|abuse)\b",
        r"\b(?:i am|im|am|being|keep getting|getting) (?:being )?(?:abused|beaten|raped)\b",
        r"\b(?:husband|partner|boyfriend|ex|he|she) (?:\w+ ){0,3}(?:kill|murder) (?:me|us)\b",
        r"\b(?:scared|afraid|terrified) of my (?:husband|partner|boyfriend|ex)\b",
    ),
}

# Turkish, after _latijn (ö→o, ü→u, ş→s, ç→c, ğ→g, ı→i). A verb stem followed by -m(a|e) is a
# negation ("dövmüyor", does not hit) and does not count.
_TR_DOV = r"(?:dov|vur)(?!m[aeiu])\w*"
_TR = {
    CrisisSoort.ACUUT: _c(
        r"\bnefes (?:almiyor|alamiyor|almiyo|alamiyo|alamiyorum|alamiyom|yok)",
        r"\b(?:bayildi|baygin|bilinci (?:kapali|yok|gitti)|bilincini kaybetti|kendinde degil"
        r"|uyanmiyor|tepki vermiyor|kalbi durdu)",
    ),
    CrisisSoort.SUICIDE: _c(
        r"\bintihar",
        r"\bolmek (?:ist|isti)",
        r"\bolmeyi (?:ist|dusun)",
        r"\bkendimi (?:\w+ ){0,2}(?:oldur|asaca|asicam|asarim)",
        r"\bcanima kiy",
        r"\byasamak (?:istemiyorum|istemiyom|istemiyor)",
    ),
    CrisisSoort.HUISELIJK_GEWELD: _c(
        r"\b(?:beni|bizi|annemi|cocuklari|cocuklarimi|cocugumu|kizimi|oglumu|bana) (?:\w+ ){0,2}"
        + _TR_DOV,
        r"\b(?:kocam|esim|sevgilim|erkek arkadasim|nisanlim|babam|abim|agabeyim|eski kocam"
        r"|eski esim|partnerim) (?:\w+ ){0,3}(?:" + _TR_DOV + r"|siddet|tehdit|oldurece|olduruce"
        r"|oldurcek)",
        r"\b(?:aile ici|ev ici) siddet",
        r"\bsiddet (?:goruyorum|goruyoruz|uyguluyor)",
        r"\bbeni (?:oldurece|olduruce|oldurcek)",
    ),
}

# Polish, after _latijn (ą→a, ę→e, ł→l, ó→o, ś→s, ż/ź→z, ć→c, ń→n).
_PL_BIJE = (
    r"(?:bije|bil|bila|pobil|pobila|uderza|uderzyl|uderzyla|leje|tlucze|kopie|kopnal|kopnela"
    r"|dusi|dusil|dusila|szarpie)"
)
_PL_OFIARA = r"(?:mnie|nas|dzieci|mame|corke|syna|zone|moja mame|moja zone|moje dzieci)"
_PL = {
    CrisisSoort.ACUUT: _c(
        r"\bnie oddycha\b",
        r"\bnie (?:moge|mozna|moze) oddychac\b",
        r"\bnieprzytomn",
        r"\bstracil\w* przytomnosc",
        r"\bzemdlal",
        r"\bnie reaguje\b",
        r"\bnie (?:mozna|moge) (?:go|jej) obudzic\b",
        r"\bprzedawkowal",
    ),
    CrisisSoort.SUICIDE: _c(
        r"\bchce (?:\w+ )?(?:umrzec|sie zabic|zabic sie|skonczyc ze soba|odebrac sobie zycie)",
        r"\b(?:zabije sie|zabic sie|sie zabic|sie zabije)\b",
        r"\bsamoboj",
        r"\bnie chce (?:juz )?zyc\b",
        r"\bnie chce mi sie zyc\b",
        r"\b(?:odebrac sobie zycie|powiesic sie|powiesze sie|skoncze ze soba|skonczyc ze soba)\b",
    ),
    CrisisSoort.HUISELIJK_GEWELD: _c(
        rf"\b{_PL_OFIARA} (?:(?!nie\b)\w+ )?{_PL_BIJE}\b",
        rf"(?<!nie )\b{_PL_BIJE} (?:\w+ )?{_PL_OFIARA}\b",
        r"\bzneca sie",
        r"\bprzemoc\w* (?:domow|w rodzinie)",
        r"\b(?:mnie|nas) zabije\b",
        r"\bzabic mnie\b",
        r"\bgrozi (?:mi|nam)\b",
    ),
}

# Arabic script, after _arabisch (no vowel marks; أإآ→ا, ى→ي, ة→ه, ؤ→و, ئ→ي). Standard Arabic
# plus the Moroccan (Darija), Levantine and Egyptian forms residents write most.
_AR_WIL = r"(?:اريد|اود|ابغي|ابغا|ابي|بدي|عايز|عايزه|عاوز|عاوزه|بغيت|نبغي|حابب|حابه|اتمني)"
_AR = {
    CrisisSoort.ACUUT: _c(
        r"(?:لا|ما|مش|مو)\s*(?:ي|بي|كي|ت|بت|كت)?تنفس",
        r"(?:لا|ما|مش|مو)\s+(?:استطيع|اقدر|بقدر|قادر|قادره|نقدر|يقدر|يستطيع)\s+(?:ا|ن|ي)?(?:التنفس|تنفس)",
        r"فاقد(?:ه)?\s+(?:ال)?وعي|فقد(?:ت)?\s+(?:ال)?وعي|غايب(?:ه)?\s+عن\s+الوعي",
        r"(?:مغمي|اغمي|مغشي)\s+علي",
        r"(?:لا|ما|مش)\s+(?:ي|بي|ت|بت)?ستجيب",
        r"جرعه\s+زايده",
    ),
    CrisisSoort.SUICIDE: _c(
        r"نتحر|انتحار",
        r"(?:اقتل|نقتل|يقتل|تقتل|قتل)\s+(?:نفسي|روحي|راسي|حالي)",
        _AR_WIL + r"\s+(?:ان\s+)?(?:اموت|نموت|الموت|موت)",
        r"(?:لا|ما|مش)\s+" + _AR_WIL + r"\s+(?:ان\s+)?(?:اعيش|نعيش|العيش)",
        r"مابغيتش\s+نعيش|ما\s+بغيتش\s+نعيش",
        r"(?:انهي|انهاء|ننهي)\s+حياتي",
    ),
    CrisisSoort.HUISELIJK_GEWELD: _c(
        r"(?<![\u0621-\u064a])(?:ي|ت|بي|بت|كي|كت|تي|ك|ب)?ضرب(?:و)?(?:ني|نا)(?![\u0621-\u064a])",
        r"(?<![\u0621-\u064a])(?:ي|بي|كي|تي)ضرب\s+(?:امي|ماما|اختي|اولادي|ولادي|اطفالي|بنتي|ابني|زوجتي|مراتي)",
        r"عنف\s+(?:اسري|منزلي)|العنف\s+(?:الاسري|المنزلي)",
        r"يعنفني|يعذبني|يغتصبني|اغتصبني",
        r"يهددني\s+بالقتل|سيقتلني|سوف\s+يقتلني|هيقتلني|حيقتلني|بدو\s+يقتلني|غادي\s+يقتلني|راح\s+يقتلني",
    ),
}

# Arabic in Latin letters ("Arabizi", digits for sounds: 3 = ع, 7 = ح, 9 = ق), after _latijn.
_AR_LATIJN = {
    CrisisSoort.ACUUT: _c(
        r"\b(?:ma|la|mesh|mish|msh|mch|mich) \w{0,4}t(?:a)?n(?:a)?ff?(?:e|a)?s",
    ),
    CrisisSoort.SUICIDE: _c(
        r"\b(?:bdi|baddi|badi|bidi|bghit|bghyt|bghet|3ayez|3ayz|3awez|3awz|nbghi|abi|abgha)"
        r" (?:n|a|e)?m(?:o|ou|u|oo)t\b",
        r"\b(?:n|a|e)?nt(?:e|a)?(?:7|h)(?:e|a)?r\b",
        r"\b(?:n|a|ne|ni)?(?:9|q|k|2)t(?:e|a|o)?l (?:rasi|ra2si|nafsi|7ali|hali)\b",
    ),
    CrisisSoort.HUISELIJK_GEWELD: _c(
        r"\b\w{0,4}dr(?:a|e|o|i|u)?b(?:u|o)?(?:ni|nii|nee|ny|na)\b",
    ),
}

#: (language, normaliser, rules), in the order they are tried.
_REGELS: list[tuple[str, Callable[[str], str], dict[CrisisSoort, list[re.Pattern[str]]]]] = [
    ("en", _latijn, _EN),
    ("tr", _latijn, _TR),
    ("pl", _latijn, _PL),
    ("ar", _arabisch, _AR),
    ("ar", _latijn, _AR_LATIJN),
]
_SOORT_VOLGORDE = (CrisisSoort.ACUUT, CrisisSoort.SUICIDE, CrisisSoort.HUISELIJK_GEWELD)


def detecteer_anderstalig(tekst: str) -> tuple[CrisisSoort, str] | None:
    """Crisis kind and language of a crisis message in English, Turkish, Arabic or Polish.

    Returns ``None`` for anything else. Called by :func:`triage.crisis.detecteer` after the Dutch
    rules found nothing; the order of kinds (acute danger first) is the Dutch layer's.
    """
    tekst = (tekst or "")[:2000]
    if not tekst.strip():
        return None
    vormen: dict[Callable[[str], str], str] = {}
    for taal, normaal, regels in _REGELS:
        if normaal not in vormen:
            vormen[normaal] = normaal(tekst)
        vorm = vormen[normaal]
        if not vorm:
            continue
        for soort in _SOORT_VOLGORDE:
            if any(p.search(vorm) for p in regels[soort]):
                return soort, taal
    return None
