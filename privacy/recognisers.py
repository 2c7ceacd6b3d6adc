"""Pattern recognisers for Dutch identifiers that deduce misses or only partly finds.

Each ``find_*`` function takes the text and yields :class:`Vondst` spans. They are pure
functions with precompiled patterns: no I/O, cheap enough to run on every log line. Names
need word lists; they come through the :class:`NameLexicon` protocol so that this module works
without deduce (e.g. in the logging filter before deduce is loaded).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from privacy.wordlists import (
    INTERFIXES,
    NOT_A_HOUSE_NUMBER_AFTER,
    NOT_A_NAME,
    POSTCODE_LETTERS_NOT,
    PUBLIC_HOSTS,
)

Soort = Literal[
    "naam",
    "bsn",
    "iban",
    "telefoon",
    "email",
    "postcode",
    "adres",
    "datum",
    "locatie",
    "url",
    "nummer",
    "tekst",
]

# When spans of different kinds overlap they are merged; the merged span gets the kind that
# comes first here (the most specific and most sensitive one).
PRIORITY: tuple[Soort, ...] = (
    "tekst",
    "bsn",
    "iban",
    "email",
    "telefoon",
    "postcode",
    "adres",
    "url",
    "datum",
    "naam",
    "locatie",
    "nummer",
)


@dataclass(frozen=True)
class Vondst:
    """One identifier found in a text: its kind and its character span ``[start, end)``."""

    kind: Soort
    start: int
    end: int

    @property
    def tag(self) -> str:
        """The replacement text, e.g. ``[BSN]``."""
        return f"[{self.kind.upper()}]"


class NameLexicon(Protocol):
    """Word lists the name recogniser consults (deduce's lists in production)."""

    def is_first_name(self, word: str) -> bool:
        """Whether ``word`` (any case) is a known first name that is not a common word."""
        ...

    def is_surname(self, word: str) -> bool:
        """Whether ``word`` (any case) is a known surname that is not a common word."""
        ...

    def is_common_word(self, word: str) -> bool:
        """Whether ``word`` is a common Dutch word, stop word or medical term."""
        ...


class NoLexicon:
    """A lexicon that knows no words: names are then found by capitalisation alone."""

    def is_first_name(self, word: str) -> bool:
        """Know no first names."""
        return False

    def is_surname(self, word: str) -> bool:
        """Know no surnames."""
        return False

    def is_common_word(self, word: str) -> bool:
        """Know no common words beyond :data:`NOT_A_NAME`."""
        return False


# --------------------------------------------------------------------------- BSN


def elfproef(digits: str) -> bool:
    """The BSN 11-proef: weights 9..2 and -1 for the last digit, sum divisible by 11.

    Args:
        digits: Exactly 9 digits (an 8-digit BSN must be padded with a leading zero).

    Returns:
        True when the number passes; all zeros never passes.
    """
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(
        digits[8]
    )
    return total % 11 == 0


_BSN_PLAIN = re.compile(r"(?<![\d€$])(?<![\d][.,])(\d{9})(?!\d)(?![.,]\d)")
_BSN_GROUPED = re.compile(r"(?<![\d€$.,])(\d{2,4}(?:[ .-]\d{2,4}){1,3})(?![.,]?\d)")
_BSN_CONTEXT = re.compile(
    r"(?i)\b(?:bsn|burger\s?service\s?nummer|burgerservicenr|sofi(?:[- ]?nummer|nr)?)\b"
    r"[^\d\n]{0,30}?(\d(?:[ .-]?\d){7,8})(?!\d)"
)


def find_bsn(text: str) -> Iterator[Vondst]:
    """BSNs: 9 digits (also grouped ``123.456.782``) passing the 11-proef.

    After the word "BSN" or "burgerservicenummer" any 8 or 9 digits count, even with a typo:
    a number one digit off still points to a person.
    """
    for m in _BSN_PLAIN.finditer(text):
        if elfproef(m.group(1)):
            yield Vondst("bsn", m.start(1), m.end(1))
    for m in _BSN_GROUPED.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        if len(digits) == 9 and elfproef(digits):
            yield Vondst("bsn", m.start(1), m.end(1))
    for m in _BSN_CONTEXT.finditer(text):
        yield Vondst("bsn", m.start(1), m.end(1))


# --------------------------------------------------------------------------- IBAN

IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22,
    "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23,
    "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21,
    "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
    "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "UA": 29,
    "VA": 22, "MA": 28,
}  # fmt: skip

_IBAN_START = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2}) ?(\d{2})(?=[ ]?[A-Za-z0-9])")
_IBAN_CONTEXT = re.compile(r"(?i)(?:iban|rekening|bankrekening|rek\.?\s?nr|bank)\W{0,3}")
# A Dutch IBAN with a digit too many or too few is still someone's bank account.
_IBAN_NL_LOOSE = re.compile(r"(?i)(?<![A-Za-z0-9])NL ?\d{2} ?[A-Z]{4}(?: ?\d){7,12}(?![A-Za-z0-9])")
_IBAN_NL_STRICT = re.compile(r"NL\d{2}[A-Z]{4}\d{10}")


def iban_checksum_ok(iban: str) -> bool:
    """ISO 13616 mod-97 check of a compact, upper-case IBAN."""
    if len(iban) < 5 or not iban.isalnum():
        return False
    rearranged = iban[4:] + iban[:4]
    try:
        number = int("".join(str(int(c, 36)) for c in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def find_iban(text: str) -> Iterator[Vondst]:
    """IBANs of EU/EEA countries, with or without spaces, any case.

    Accepted when the mod-97 checksum holds, or when it has the exact Dutch format
    (``NLkk BBBB 0123456789``) or follows the word IBAN/rekening, because a mistyped account
    number still identifies a resident. Dutch look-alikes with a digit too many or too few
    are scrubbed as well.
    """
    for m in _IBAN_START.finditer(text):
        country = m.group(1).upper()
        length = IBAN_LENGTHS.get(country)
        if length is None:
            continue
        chars = [country, m.group(2)]
        count = 4
        i = m.end()
        while count < length and i < len(text):
            c = text[i]
            if c.isascii() and c.isalnum():
                chars.append(c)
                count += 1
                i += 1
            elif c == " " and i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalnum():
                i += 1
            else:
                break
        if count != length or (i < len(text) and text[i].isascii() and text[i].isalnum()):
            continue
        compact = "".join(chars).upper()
        context = _IBAN_CONTEXT.search(text[max(0, m.start() - 40) : m.start()]) is not None
        if iban_checksum_ok(compact) or _IBAN_NL_STRICT.fullmatch(compact) or context:
            yield Vondst("iban", m.start(), i)
    for m in _IBAN_NL_LOOSE.finditer(text):
        yield Vondst("iban", m.start(), m.end())


# --------------------------------------------------------------------------- telefoon

_SEP = r"[ \t.\-/()]{0,3}"
_PHONE_NL = re.compile(
    rf"""(?<![\w+])
    (?:(?:\+|00)[ ]?31[ \-]?(?:\(0\)[ \-]?)?|\(?0)   # +31, 0031, +31 (0), 0, (0
    (?:\d{_SEP}){{8}}\d                              # nine more digits
    (?!\d)""",
    re.VERBOSE,
)
_PHONE_INTL = re.compile(
    rf"(?<![\w+])(?:\+|00)(?!31)[1-9]\d{{0,2}}[ \-]?(?:\(0\)[ \-]?)?(?:\d{_SEP}){{6,11}}\d(?!\d)"
)
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")


def national_digits(number: str) -> str:
    """Digits of a Dutch phone number in national form (``+31 6 ...`` becomes ``06...``)."""
    digits = re.sub(r"\D", "", number)
    if number.lstrip().startswith("+31") or digits.startswith("0031"):
        digits = "0" + digits[4:] if digits.startswith("0031") else "0" + digits[2:]
    return digits


def is_service_number(number: str) -> bool:
    """0800/0900 numbers, 112, 113, 14 0xx: public numbers the bot itself gives out."""
    digits = national_digits(number)
    if digits.startswith(_SERVICE_PREFIXES):
        return True
    if digits in {"112", "113", "144"}:
        return True
    return bool(re.fullmatch(r"140\d{2,3}", digits))


def find_telefoon(text: str) -> Iterator[Vondst]:
    """Dutch phone numbers in every usual notation, plus international ones.

    0800/0900 numbers are skipped: they are public service lines, not personal data.
    """
    for m in _PHONE_NL.finditer(text):
        span = m.group(0).rstrip(" .-/(")
        if span.endswith(")") and "(" not in span:
            span = span[:-1]
        if not is_service_number(span):
            yield Vondst("telefoon", m.start(), m.start() + len(span))
    for m in _PHONE_INTL.finditer(text):
        yield Vondst("telefoon", m.start(), m.end())


# --------------------------------------------------------------------------- e-mail, URL

_EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
_URL = re.compile(
    r"(?i)\b(?:https?://|www\.)[^\s<>\"'\[\]]+"
    r"|(?<![\w.@-])(?:[a-z0-9-]{1,63}\.){1,8}(?:nl|com|org|net|eu|be|de|info|nu|io|me)/[^\s<>\"'\[\]]*"
)


def find_email(text: str) -> Iterator[Vondst]:
    """E-mail addresses, any top-level domain (also ``.example``)."""
    for m in _EMAIL.finditer(text):
        yield Vondst("email", m.start(), m.end())


def url_host(url: str) -> str:
    """The host of a URL without scheme, ``www.`` or port, in lower case."""
    host = re.sub(r"(?i)^https?://", "", url).split("/", 1)[0].split(":", 1)[0].lower()
    return host.removeprefix("www.")


def is_public_url(url: str) -> bool:
    """Whether a URL points to a public service or a gemeente (keep those visible)."""
    host = url_host(url)
    return (
        host in PUBLIC_HOSTS
        or any(host.endswith("." + h) for h in PUBLIC_HOSTS)
        or "gemeente" in host
        or host.endswith(".overheid.nl")
    )


def find_url(text: str) -> Iterator[Vondst]:
    """URLs (with scheme, ``www.`` or a path), except those of public services."""
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:!?)")
        if "@" in url or is_public_url(url):
            continue
        yield Vondst("url", m.start(), m.start() + len(url))


# --------------------------------------------------------------------------- postcode

_POSTCODE = re.compile(r"(?<![\w€$.,])([1-9]\d{3})( ?)([A-Za-z]{2})(?!\w)")
_AMOUNT_BEFORE = re.compile(r"(?i)(?:€|eur|euro|\$)\s*$")
# "mijn postcode is 3013 cm": after the word itself, "cm" is no unit but the letters.
_POSTCODE_GENOEMD = re.compile(r"(?i)postcode\W{0,3}(?:is\W{0,2})?$")


def find_postcode(text: str) -> Iterator[Vondst]:
    """Full postcodes (``1234 AB``, ``1234ab``); a bare PC4 is no personal data and stays.

    "1234 en" or "2024 in" is a sentence, not a postcode: when the letters form a Dutch word
    (lower case, after a space) it only counts at the end of a clause ("... van 4259 je?")
    and never for a year.
    """
    for m in _POSTCODE.finditer(text):
        number, space, letters = m.group(1), m.group(2), m.group(3)
        if letters.upper() in {"SA", "SD", "SS"}:
            continue
        if _AMOUNT_BEFORE.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        genoemd = _POSTCODE_GENOEMD.search(text[max(0, m.start() - 20) : m.start()])
        if (
            not genoemd
            and letters.lower() in POSTCODE_LETTERS_NOT
            and (space or not letters.isupper())
        ):
            is_year = 1900 <= int(number) <= 2099
            clause_ends = re.match(r"\s*(?:[.,;:!?)]|$)", text[m.end() :]) is not None
            if is_year or not clause_ends or text.isupper():
                continue
        yield Vondst("postcode", m.start(), m.end())


# --------------------------------------------------------------------------- adres

_SUFFIX_CAPITAL = (
    r"straat|straatje|straatweg|str\.?|steeg|weg|laan|laantje|plein|pleintje|plantsoen|dijk|"
    r"kade|gracht|singel|pad|hof|hoven|dreef|baan|markt|park|wal|haven|erf|veld|akker|kamp|"
    r"hoeve|dam|boulevard|allee|oord|zoom|wetering|vaart|burg|berg|dal|horst|brink|donk|hoek|"
    r"rade|polder|weide|tuin|plaats|poort|gaarde|kwartier|stede|heuvel|bosch"
)
# Suffix words that are streets on their own after an adjective: "Grote Markt", "Oude Haven".
_SUFFIX_WORDS = r"Markt|Plein|Haven|Kade|Dijk|Weg|Laan|Gracht|Singel|Brink|Dam|Wal|Hof|Straat"
_SUFFIX_LOWER = r"straat|straatweg|steeg|laan|plein|plantsoen|gracht|kade|singel|dijk|dreef"
# 1-3 digits; 4 only on long roads ("Rijksstraatweg 1024"), so "Noorderhaven 9901" (a wijk
# and its PC4) is no address.
_HOUSE_NUMBER = (
    r"(?:\d{1,3}|(?:(?<=[wW]eg[ ])|(?<=[dD]ijk[ ]))[1-9]\d{3})"
    r"(?:[ -]?[a-zA-Z](?![a-zA-Z])|[ ]?-[ ]?\d{1,4}(?!\d)|[ ]?(?:bis|hs|huis|zw|rd|bg|[IVX]{1,3})\b)?"
)
_NOT_HOUSE_NUMBER = "|".join(NOT_A_HOUSE_NUMBER_AFTER)
_STREET_WORD = r"[A-Z][\w'’.-]*"
_STREET_PREFIX = (
    rf"(?:{_STREET_WORD}[ ](?:(?:{_STREET_WORD}|van|de|der|den|het|'t|ter|ten|la|le)[ ]){{0,3}})?"
)
_ADRES = re.compile(
    rf"""(?<![\w-])
    (?P<straat>{_STREET_PREFIX}
        (?:[A-Z][\w'’-]*?(?:{_SUFFIX_CAPITAL})|[a-z][a-zà-ÿ'’-]{{2,}}?(?:{_SUFFIX_LOWER})
        |(?<=[A-Za-z][ ])(?:{_SUFFIX_WORDS})))
    [ ](?:nr\.?[ ]?|nummer[ ])?
    (?P<nummer>{_HOUSE_NUMBER})
    (?!\d|[ ]?(?:{_NOT_HOUSE_NUMBER})\b|[.,]\d)""",
    re.VERBOSE,
)
# "ik woon op Vredenburg 12": a street without a known suffix, found by its context.
_ADRES_CONTEXT = re.compile(
    rf"""(?i)\b(?:ik[ ]woon|wij[ ]wonen|we[ ]wonen|woon(?:t|achtig)?|adres[ ]is|adres:?|
    verhuisd[ ]naar|wonen[ ]op)
    [ ]+(?:op|aan|in|:)?[ ]*(?:de[ ]|het[ ]|'t[ ])?
    (?P<straat>(?:[A-Za-zÀ-ÿ][\w'’.-]*[ ]){{0,3}}[A-Za-zÀ-ÿ][\w'’.-]*?)
    [ ](?P<nummer>{_HOUSE_NUMBER})
    (?!\d|[ ]?(?:{_NOT_HOUSE_NUMBER})\b|[.,]\d|[ ]?hoog\b)""",
    re.VERBOSE,
)


def _trim_leading_stop_words(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading words like "Mijn" or "Adres" that are not the street."""
    while True:
        m = re.match(r"([\w'’.-]+)[ ]", text[start:end])
        if not m or m.group(1).casefold().rstrip(":") not in _STREET_STOP:
            return start
        start += m.end()


_STREET_STOP = (NOT_A_NAME - INTERFIXES) | {
    "adres", "straat", "postcode", "woonadres", "op", "aan", "bij", "wijk", "buurt", "dorp",
    "stad", "flat", "huis", "appartement", "kamer", "etage", "nummer", "huisnummer", "de",
    "het", "een", "in",
}  # fmt: skip


def find_adres(text: str) -> Iterator[Vondst]:
    """Street plus house number: ``Kerkstraat 12``, ``Dorpsweg 3a``, ``Lindelaan 14-2``."""
    for m in _ADRES.finditer(text):
        start = _trim_leading_stop_words(text, m.start("straat"), m.end("straat"))
        yield Vondst("adres", start, m.end("nummer"))
    for m in _ADRES_CONTEXT.finditer(text):
        words = m.group("straat").split()
        if any(w.casefold() in _STREET_STOP or w.casefold() == "een" for w in words):
            continue
        yield Vondst("adres", m.start("straat"), m.end("nummer"))


# --------------------------------------------------------------------------- datum

_MONTHS = (
    r"januari|jan|februari|feb|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug|"
    r"september|sept|sep|oktober|okt|october|oct|november|nov|december|dec"
)
_DATE_DMY = re.compile(r"(?<![\d.,])(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)?\d{2})(?![\d])")
_DATE_YMD = re.compile(r"(?<![\d.,])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_DATE_TEXT = re.compile(
    rf"(?i)(?<!\d)(\d{{1,2}})(?:e|ste|de)?[ .-]{{1,2}}(?:{_MONTHS})\.?[ ,.-]{{1,2}}"
    rf"((?:19|20)\d{{2}}|['`’]\d{{2}})(?!\d)"
)
_DATE_BIRTH = re.compile(
    rf"(?i)\b(?:geboren|geb\.?|geboortedatum|geboorte[ ]datum|verjaardag|jarig)\b"
    rf"[ :,a-z]{{0,12}}?(?P<datum>\d{{1,2}}(?:e|ste|de)?(?:[-/. ]{{1,2}}(?:{_MONTHS})\b\.?"
    rf"|[-/.]\d{{1,2}}\b)(?:[ ,./-]{{1,2}}(?:(?:19|20)\d{{2}}|['`’]\d{{2}}))?)"
)


def find_datum(text: str) -> Iterator[Vondst]:
    """Full dates (day, month and year) in Dutch notations, and birthdays without a year.

    A day and month without a year ("afspraak op 14 mei") stays: it is no date of birth and
    the conversation needs it.
    """
    for m in _DATE_DMY.finditer(text):
        if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(3)) <= 12:
            yield Vondst("datum", m.start(), m.end())
    for m in _DATE_YMD.finditer(text):
        if 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31:
            yield Vondst("datum", m.start(), m.end())
    for m in _DATE_TEXT.finditer(text):
        if 1 <= int(m.group(1)) <= 31:
            yield Vondst("datum", m.start(), m.end())
    for m in _DATE_BIRTH.finditer(text):
        yield Vondst("datum", m.start("datum"), m.end("datum"))


# --------------------------------------------------------------------------- naam

# "mijn naam is", "ik heet": whatever name-like words follow are a name.
_TRIGGER_STRONG = re.compile(
    r"(?i)\b(?:mijn[ ]naam[ ]is|mijn[ ]naam[ ]?:|naam[ ]?:|de[ ]naam[ ]is|ik[ ]heet|"
    r"(?:hij|zij|ze|die)[ ]heet|heet[ ]ie|genaamd|geheten|ondergetekende|"
    r"u[ ]spreekt[ ]met|je[ ]spreekt[ ]met|je[ ]praat[ ]met|u[ ]praat[ ]met)[ ,:]+"
)
# "ik ben X", "met X", "mijn zoon X", a greeting: X is a name only when it looks like one.
_TRIGGER_WEAK = re.compile(
    r"(?i)(?:\b(?:ik[ ]ben|dit[ ]is|hier[ ]is|wij[ ]zijn|we[ ]zijn|namens|"
    r"(?:mijn|onze|m'n)[ ](?:zoon|dochter|vrouw|man|moeder|vader|partner|vriend|vriendin|"
    r"buurman|buurvrouw|broer|zus|oma|opa|kind|schoonmoeder|schoonvader|tante|oom|"
    r"kleinzoon|kleindochter|pleegzoon|pleegdochter|stiefzoon|stiefdochter|neef|nicht)"
    r"(?:[ ]heet|[ ]is)?|groetjes|groet|gr|mvg|vriendelijke[ ]groet(?:en)?|"
    r"hartelijke[ ]groet(?:en)?)|^\W*(?:(?:hallo|hoi|goedemorgen|goedemiddag|goedenavond|"
    r"dag|hey|hee)\W{1,3})?met)[ ,.:]+"
)
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|'t|'s")


def _name_tokens(text: str, start: int) -> list[tuple[str, int, int]]:
    """The word tokens right after ``start``, separated by single spaces, up to 7 of them."""
    tokens: list[tuple[str, int, int]] = []
    pos = start
    while len(tokens) < 7:
        m = _NAME_TOKEN.match(text, pos)
        if not m:
            break
        tokens.append((m.group(0), m.start(), m.end()))
        pos = m.end()
        if pos < len(text) and text[pos] == " ":
            pos += 1
        else:
            break
    return tokens


def _is_name_word(word: str, lexicon: NameLexicon, *, strong: bool, first: bool) -> bool:
    """Decide whether one token after a trigger is (part of) a name."""
    folded = word.casefold()
    if folded in NOT_A_NAME or len(word) < 2:
        return False
    known = lexicon.is_first_name(word) or lexicon.is_surname(word)
    if strong:
        return known or not lexicon.is_common_word(word) or word[0].isupper()
    if word[0].isupper():
        return known or not lexicon.is_common_word(word)
    # Lower case after a weak trigger ("ik ben jan"): only a known first name will do, or a
    # known surname that continues a name already started.
    if first:
        return lexicon.is_first_name(word) and not lexicon.is_common_word(word)
    return known and not lexicon.is_common_word(word)


def _take_name(
    text: str, start: int, lexicon: NameLexicon, *, strong: bool
) -> tuple[int, int] | None:
    """The span of the name that starts at ``start``, or None when no name starts there."""
    tokens = _name_tokens(text, start)
    end: int | None = None
    begin: int | None = None
    i = 0
    while i < len(tokens):
        word, s, e = tokens[i]
        if word.casefold() in INTERFIXES:
            # Tussenvoegsels count only when a name-like word follows them.
            j = i
            while j < len(tokens) and tokens[j][0].casefold() in INTERFIXES:
                j += 1
            if j < len(tokens) and (begin is not None or strong):
                nxt = tokens[j][0]
                if (
                    nxt.casefold() not in NOT_A_NAME
                    and (nxt[0].isupper() or lexicon.is_surname(nxt) or begin is not None)
                    and not lexicon.is_common_word(nxt)
                ):
                    if begin is None:
                        begin = s
                    end = tokens[j][2]
                    i = j + 1
                    continue
            break
        if not _is_name_word(word, lexicon, strong=strong, first=begin is None):
            break
        # "Ik ben Jan en" vs "Ik ben Jan bezorgd": after a capitalised name a lower-case word
        # only continues it when it is a known name.
        if (
            begin is not None
            and not strong
            and word[0].islower() != text[begin].islower()
            and not (lexicon.is_surname(word) or lexicon.is_first_name(word))
        ):
            break
        if begin is None:
            begin = s
        end = e
        i += 1
    if begin is None or end is None:
        return None
    return begin, end


def find_naam(text: str, lexicon: NameLexicon) -> Iterator[Vondst]:
    """Names introduced by the resident: "mijn naam is jan de vries", "ik ben Sanne".

    Not "ik ben moe", "ik ben op", "ik ben 82", "ik ben mantelzorger": after "ik ben" a
    lower-case word must be a known first name, and common words never start a name.
    """
    for pattern, strong in ((_TRIGGER_STRONG, True), (_TRIGGER_WEAK, False)):
        for m in pattern.finditer(text):
            span = _take_name(text, m.end(), lexicon, strong=strong)
            if span is not None:
                yield Vondst("naam", span[0], span[1])


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ][a-zà-ÿ'’-]+")


def find_naam_lower_case(text: str, lexicon: NameLexicon) -> Iterator[Vondst]:
    """Names typed in lower case without an introduction: "henk jansen van hiernaast".

    Only a known first name directly followed by (tussenvoegsels and) a known surname counts,
    and neither may be a common word; the lists make this safe enough to run everywhere.
    """
    words = [(m.group(0), m.start(), m.end()) for m in _LOWER_WORD.finditer(text)]
    i = 0
    while i < len(words) - 1:
        first, start, _ = words[i]
        if not _plain_name(first, lexicon, first_name=True):
            i += 1
            continue
        j = i + 1
        while j < len(words) and words[j][0] in INTERFIXES and words[j][1] - words[j - 1][2] == 1:
            j += 1
        if (
            j < len(words)
            and words[j][1] - words[j - 1][2] == 1
            and _plain_name(words[j][0], lexicon, first_name=False)
        ):
            yield Vondst("naam", start, words[j][2])
            i = j + 1
            continue
        i += 1


def _plain_name(word: str, lexicon: NameLexicon, *, first_name: bool) -> bool:
    if len(word) < 3 or word in NOT_A_NAME or word in INTERFIXES or lexicon.is_common_word(word):
        return False
    return lexicon.is_first_name(word) if first_name else lexicon.is_surname(word)


def find_patterns(text: str, lexicon: NameLexicon) -> list[Vondst]:
    """Run every recogniser of this module over ``text``."""
    found: list[Vondst] = []
    found.extend(find_bsn(text))
    found.extend(find_iban(text))
    found.extend(find_telefoon(text))
    found.extend(find_email(text))
    found.extend(find_url(text))
    found.extend(find_postcode(text))
    found.extend(find_adres(text))
    found.extend(find_datum(text))
    found.extend(find_naam(text, lexicon))
    found.extend(find_naam_lower_case(text, lexicon))
    return found
