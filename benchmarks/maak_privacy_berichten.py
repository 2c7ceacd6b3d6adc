"""Generate the fake benchmark messages for the de-identification layer.

Writes ``tests/fixtures/privacy_berichten.jsonl``: Dutch messages as a resident would type
them to the bot, each with the exact identifiers in it labelled. Everything is fake: numbers
are generated (valid BSN 11-proef and IBAN mod-97 checksums), e-mail addresses use
``example``/``.example`` domains, names and streets are common Dutch ones. Seeded, so the
file is the same on every run.

Usage::

    .venv/bin/python benchmarks/maak_privacy_berichten.py [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import string
from collections.abc import Callable
from pathlib import Path

SEED = 20241122
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "privacy_berichten.jsonl"

VOORNAMEN = [
    "Jan", "Pieter", "Sanne", "Anouk", "Marieke", "Henk", "Gerrit", "Willem", "Fatima",
    "Mohammed", "Ayşe", "Emre", "Priya", "Daan", "Lotte", "Noor", "Sven", "Iris", "Bram",
    "Thijs", "Femke", "Ingrid", "Kees", "Johan", "Wilma", "Ria", "Anja", "Youssef", "Samira",
    "Tjeerd", "Sjoukje", "Marco", "Esther", "Linda", "Ruud", "Gerda", "Hanneke", "Bart",
]  # fmt: skip
ACHTERNAMEN = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
    "de Wit", "Dijkstra", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
    "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "de Bruijn", "El Amrani",
    "Yilmaz", "Öztürk", "Bouzid", "Nguyen", "Kowalski", "Pinas", "Postma", "Hoekstra",
    "Zijlstra", "Wijngaarde", "Kramer",
]  # fmt: skip
STRATEN = [
    "Kerkstraat", "Dorpsweg", "Lindelaan", "Molenweg", "Schoolstraat", "Julianastraat",
    "Beatrixlaan", "Stationsweg", "Marktplein", "Hoofdstraat", "Wilhelminastraat",
    "Burgemeester de Withstraat", "Prins Hendrikkade", "Van Goghstraat", "Lange Nieuwstraat",
    "Emmasingel", "Vredenburg", "Korreweg", "Paterswoldseweg", "Eikenlaan", "Berkenhof",
    "Merelstraat", "Zwanenhof", "Oudegracht", "Grote Markt", "Nieuwe Ebbingestraat",
    "Kastanjelaan", "Ds. van Dijkweg", "Rembrandtplein", "Sportlaan",
]  # fmt: skip
HUISNUMMERS = ["12", "3a", "14-2", "104", "7 A", "221B", "45", "9", "31 bis", "2-4", "68"]
PLAATSEN = ["Appingedam", "Delfzijl", "Groningen", "Zwolle", "Amersfoort", "Tilburg"]
NL_BANKEN = ["ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "BUNQ", "KNAB", "RBRB"]
MAANDEN = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december",
]  # fmt: skip
NETNUMMERS_2 = ["010", "020", "030", "040", "050", "070", "013", "023", "024", "026", "038"]
NETNUMMERS_3 = ["0596", "0591", "0594", "0511", "0545", "0570", "0113", "0162", "0229", "0418"]
EMAIL_DOMEINEN = [
    "example.nl", "example.com", "voorbeeld.example", "mail.example", "post.example.org",
    "example.net",
]  # fmt: skip
# Postcode letters never use F, I, O, Q, U, Y; SA, SD and SS are not issued.
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"

Label = dict[str, str]


class Generator:
    """Makes fake identifiers with a seeded random generator."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)

    def digits(self, n: int) -> str:
        """``n`` random digits."""
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    def bsn_digits(self) -> str:
        """Nine digits that pass the 11-proef, in the 9999… range of test BSNs (never issued)."""
        while True:
            first = "9999" + self.digits(4)
            total = sum(int(d) * w for d, w in zip(first, range(9, 1, -1), strict=True))
            last = total % 11
            if last < 10:
                return first + str(last)

    def bsn(self) -> str:
        """A BSN in one of the notations residents use."""
        d = self.bsn_digits()
        style = self.rng.choice(["plain", "plain", "dots", "dots4", "spaces"])
        if style == "dots":
            return f"{d[:3]}.{d[3:6]}.{d[6:]}"
        if style == "dots4":
            return f"{d[:4]}.{d[4:6]}.{d[6:]}"
        if style == "spaces":
            return f"{d[:3]} {d[3:6]} {d[6:]}"
        return d

    @staticmethod
    def _check_digits(country: str, bban: str) -> str:
        rearranged = bban + country + "00"
        number = int("".join(str(int(c, 36)) for c in rearranged))
        return f"{98 - number % 97:02d}"

    def iban(self) -> str:
        """An IBAN with a valid checksum: mostly Dutch, some Belgian, German, Spanish."""
        country = self.rng.choice(["NL"] * 6 + ["BE", "DE", "ES"])
        if country == "NL":
            bban = self.rng.choice(NL_BANKEN) + self.digits(10)
        elif country == "BE":
            bban = self.digits(12)
        elif country == "DE":
            bban = self.digits(18)
        else:
            bban = self.digits(20)
        compact = country + self._check_digits(country, bban) + bban
        style = self.rng.choice(["compact", "spaced", "spaced", "lower"])
        if style == "spaced":
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        if style == "lower":
            return compact.lower()
        return compact

    def local(self, n: int) -> str:
        """A subscriber number of ``n`` digits starting with "00": never issued, so obviously fake."""
        return "00" + self.digits(n - 2)

    def telefoon(self) -> str:
        """A Dutch (or sometimes Belgian) phone number in a random common notation."""
        mob = self.local(8)
        m = "6" + mob
        a2 = self.rng.choice(NETNUMMERS_2)
        a3 = self.rng.choice(NETNUMMERS_3)
        l7 = self.local(7)
        l6 = self.local(6)
        notations: list[Callable[[], str]] = [
            lambda: f"06-{mob}",
            lambda: f"06 {mob[:4]} {mob[4:]}",
            lambda: f"06{mob}",
            lambda: f"+31 6 {mob}",
            lambda: f"+316{mob}",
            lambda: f"0031{m}",
            lambda: f"0031 6 {mob[:4]} {mob[4:]}",
            lambda: f"+31 (0)6 {mob}",
            lambda: f"06 - {mob[:2]} {mob[2:4]} {mob[4:6]} {mob[6:]}",
            lambda: f"(06) {mob}",
            lambda: f"{a2}-{l7}",
            lambda: f"({a2}) {l7[:3]} {l7[3:5]} {l7[5:]}",
            lambda: f"{a3} {l6[:2]} {l6[2:4]} {l6[4:]}",
            lambda: f"{a3}-{l6}",
            lambda: f"088-{l7}",
            lambda: f"085 {l7}",
            lambda: f"+31 {a2[1:]} {l7[:3]} {l7[3:]}",
            lambda: f"{a2} {l7[:3]} {l7[3:]}",
            lambda: f"0{self.rng.randint(1, 5)}{self.digits(2)} {l7[:2]} {l7[2:4]} {l7[4:6]}",
            lambda: f"+32 470 00 {self.digits(2)} {self.digits(2)}",
        ]
        return self.rng.choice(notations)()

    def naam_delen(self) -> tuple[str, str]:
        """A first name and a surname (with tussenvoegsel where Dutch names have one)."""
        return self.rng.choice(VOORNAMEN), self.rng.choice(ACHTERNAMEN)

    def email(self) -> str:
        """A fake address at an ``example`` domain."""
        voor, achter = self.naam_delen()
        achter_kort = achter.split()[-1].lower()
        achter_kort = achter_kort.replace("ö", "o").replace("ü", "u")
        voor_kort = voor.lower().replace("ş", "s")
        local = self.rng.choice(
            [
                f"{voor_kort}.{achter_kort}",
                f"{voor_kort[0]}{achter_kort}{self.digits(2)}",
                f"{voor_kort}_{self.digits(2)}",
                f"{voor_kort}+gemeente",
                f"fam-{achter_kort}",
            ]
        )
        return f"{local}@{self.rng.choice(EMAIL_DOMEINEN)}"

    def postcode(self) -> str:
        """A postcode in one of the notations ``1234 AB``, ``1234AB``, ``1234 ab``."""
        while True:
            letters = "".join(self.rng.choice(POSTCODE_LETTERS) for _ in range(2))
            if letters not in {"SA", "SD", "SS"}:
                break
        num = str(self.rng.randint(1000, 9999))
        style = self.rng.choice(["space", "space", "tight", "lower", "lower_tight"])
        if style == "tight":
            return num + letters
        if style == "lower":
            return f"{num} {letters.lower()}"
        if style == "lower_tight":
            return num + letters.lower()
        return f"{num} {letters}"

    def adres(self, lower: bool = False) -> str:
        """Street and house number."""
        straat = self.rng.choice(STRATEN)
        adres = f"{straat} {self.rng.choice(HUISNUMMERS)}"
        return adres.lower() if lower else adres

    def geboortedatum(self) -> str:
        """A date of birth in a common Dutch notation."""
        d, mo, y = self.rng.randint(1, 28), self.rng.randint(1, 12), self.rng.randint(1935, 2010)
        styles = [
            f"{d:02d}-{mo:02d}-{y}",
            f"{d}-{mo}-{y}",
            f"{d} {MAANDEN[mo - 1]} {y}",
            f"{y}-{mo:02d}-{d:02d}",
            f"{d}/{mo}/{y}",
            f"{d:02d}.{mo:02d}.{y}",
            f"{d} {MAANDEN[mo - 1][:3]} {y}",
        ]
        return self.rng.choice(styles)


def _msg(tekst: str, *labels: tuple[str, str]) -> dict[str, object]:
    for _soort, value in labels:
        assert value in tekst, (value, tekst)
    return {"tekst": tekst, "vondsten": [{"soort": s, "tekst": v} for s, v in labels]}


def bsn_berichten(g: Generator, n: int) -> list[dict[str, object]]:
    """Messages with a BSN, about benefits, debts and care."""
    templates = [
        "Mijn BSN is {x}. Kan ik bijzondere bijstand aanvragen voor een nieuwe wasmachine?",
        "ik heb schulden en de schuldhulp vroeg mijn burgerservicenummer: {x}",
        "Voor de Wmo-aanvraag van mijn vader: zijn bsn {x}, hij is 84.",
        "Hoi, ik wil huishoudelijke hulp aanvragen. bsn {x}",
        "Het nummer op mijn paspoort is {x}, is dat wat jullie nodig hebben?",
        "Kunt u kijken of mijn aanvraag binnen is? Mijn BSN: {x}",
        "Sofinummer {x}, ik ben mantelzorger en wil respijtzorg.",
        "De brief van de gemeente noemt {x} als mijn nummer, klopt dat?",
        "Ik vul het formulier in voor jeugdhulp, BSN van mijn dochter is {x}.",
        "Mijn burgerservicenummer ({x}) staat verkeerd in het systeem.",
    ]
    out = []
    for i in range(n):
        x = g.bsn()
        out.append(_msg(templates[i % len(templates)].format(x=x), ("bsn", x)))
    return out


def iban_berichten(g: Generator, n: int) -> list[dict[str, object]]:
    """Messages with an IBAN, mostly about payments and debts."""
    templates = [
        "Mijn rekeningnummer is {x}, kan de bijstand daarop gestort worden?",
        "Ik heb een betalingsregeling, ik betaal vanaf {x}.",
        "IBAN: {x} ten name van mijn moeder, zij krijgt de mantelzorgwaardering.",
        "Kunnen jullie het geld terugstorten op {x}?",
        "De incasso komt van {x} maar ik heb dat nooit afgesproken, help!",
        "mijn iban {x} klopt niet meer, ik heb een nieuwe bank",
        "Voor de kinderopvangtoeslag gebruik ik rekening {x}.",
        "Ik heb twee rekeningen en {x} is die van de beschermingsbewindvoerder.",
    ]
    out = []
    for i in range(n):
        x = g.iban()
        out.append(_msg(templates[i % len(templates)].format(x=x), ("iban", x)))
    return out


def telefoon_berichten(g: Generator, n: int) -> list[dict[str, object]]:
    """Messages with a phone number: call-back requests."""
    templates = [
        "Kunt u mij terugbellen op {x}? Het gaat over mijn zoon van 15.",
        "Bel me maar op {x}, ik ben overdag thuis.",
        "Mijn nummer is {x}, ik wil graag iemand spreken over mijn schulden.",
        "ik ben bereikbaar op {x} na 17 uur",
        "Mijn dochter wil een maatje, haar telefoon: {x}",
        "Graag contact via {x}, ik zorg voor mijn man met dementie.",
        "Het wijkteam kan mij bellen op {x} of mailen.",
        "Tel. {x} - ik heb vragen over vervoer naar de dagbesteding.",
    ]
    out = []
    for i in range(n):
        x = g.telefoon()
        out.append(_msg(templates[i % len(templates)].format(x=x), ("telefoon", x)))
    return out


def email_berichten(g: Generator, n: int) -> list[dict[str, object]]:
    """Messages with an e-mail address."""
    templates = [
        "Mail mij de informatie over opvoedondersteuning: {x}",
        "Mijn e-mailadres is {x}, stuur de folder maar.",
        "Kunt u de aanvraag naar {x} sturen?",
        "ik heb geen post gehad op {x}, klopt dat?",
        "Contact graag via {x} want bellen lukt niet met mijn gehoor.",
        "Stuur het naar {x} of naar mijn zoon.",
    ]
    out = []
    for i in range(n):
        x = g.email()
        out.append(_msg(templates[i % len(templates)].format(x=x), ("email", x)))
    return out


def postcode_berichten(g: Generator, n: int) -> list[dict[str, object]]:
    """Messages with a full postcode (wijk questions)."""
    templates = [
        "Welk wijkteam hoort bij postcode {x}?",
        "Ik woon op {x} en zoek een maatje voor mijn vader.",
        "Is er een buurthuis in de buurt van {x}?",
        "mijn postcode is {x} waar is de voedselbank",
        "Wij zijn verhuisd naar {x}, moet ik de Wmo opnieuw aanvragen?",
        "Postcode: {x}. Ik zoek hulp bij het huishouden.",
    ]
    out = []
    for i in range(n):
        x = g.postcode()
        out.append(_msg(templates[i % len(templates)].format(x=x), ("postcode", x)))
    return out


def naam_berichten(g: Generator, n: int) -> list[dict[str, object]]:
    """Messages in which residents introduce themselves or name someone."""
    out: list[dict[str, object]] = []
    for i in range(n):
        voor, achter = g.naam_delen()
        vol = f"{voor} {achter}"
        kind = i % 16
        if kind == 0:
            out.append(_msg(f"Mijn naam is {vol}. Ik zoek hulp bij de opvoeding.", ("naam", vol)))
        elif kind == 1:
            lc = vol.lower()
            out.append(_msg(f"mijn naam is {lc} en ik heb schulden", ("naam", lc)))
        elif kind == 2:
            out.append(_msg(f"Goedemiddag, met {vol}. Ik bel over mijn moeder.", ("naam", vol)))
        elif kind == 3:
            out.append(_msg(f"Ik ben {voor} en ik zorg voor mijn man die ziek is.", ("naam", voor)))
        elif kind == 4:
            lc = voor.lower()
            out.append(_msg(f"ik ben {lc}, ik ben 34 en alleenstaand", ("naam", lc)))
        elif kind == 5:
            out.append(_msg(f"Ik heet {vol} en ik wil vrijwilliger worden.", ("naam", vol)))
        elif kind == 6:
            out.append(
                _msg(
                    f"Kan iemand langskomen? Alvast bedankt. Groetjes, {voor}",
                    ("naam", voor),
                )
            )
        elif kind == 7:
            out.append(
                _msg(
                    f"Mijn moeder {vol} is 84 en kan niet meer alleen douchen.",
                    ("naam", vol),
                )
            )
        elif kind == 8:
            out.append(
                _msg(
                    f"Mijn buurvrouw mevrouw {achter} vereenzaamt, wat kan ik doen?",
                    ("naam", achter),
                )
            )
        elif kind == 9:
            out.append(
                _msg(
                    f"mijn zoon {voor} van 11 wordt gepest op school",
                    ("naam", voor),
                )
            )
        elif kind == 10:
            out.append(_msg(f"Kunt u {vol} terugbellen over de aanvraag?", ("naam", vol)))
        elif kind == 11:
            lc = vol.lower()
            out.append(_msg(f"ik heet {lc}", ("naam", lc)))
        elif kind == 12:
            out.append(
                _msg(
                    f"Dit is {vol}, ik ben mantelzorger voor mijn broer.",
                    ("naam", vol),
                )
            )
        elif kind == 13:
            voor2, achter2 = g.naam_delen()
            vol2 = f"{voor2} {achter2}"
            out.append(
                _msg(
                    f"Ik ben {vol} en mijn partner heet {vol2}.",
                    ("naam", vol),
                    ("naam", vol2),
                )
            )
        elif kind == 14:
            out.append(
                _msg(
                    f"Met vriendelijke groet, {vol}",
                    ("naam", vol),
                )
            )
        else:
            out.append(
                _msg(
                    f"Mijn schoonvader heet {voor} en hij woont alleen sinds mijn schoonmoeder"
                    " overleden is.",
                    ("naam", voor),
                )
            )
    return out


def adres_berichten(g: Generator, n: int) -> list[dict[str, object]]:
    """Messages with a street and house number, some with postcode and place."""
    out: list[dict[str, object]] = []
    for i in range(n):
        kind = i % 6
        if kind == 0:
            a = g.adres()
            out.append(
                _msg(f"Ik woon op de {a} en heb hulp nodig bij het traplopen.", ("adres", a))
            )
        elif kind == 1:
            a = g.adres(lower=True)
            out.append(_msg(f"mijn adres is {a}, kan de hulp daar komen?", ("adres", a)))
        elif kind == 2:
            a, pc, plaats = g.adres(), g.postcode(), g.rng.choice(PLAATSEN)
            out.append(
                _msg(
                    f"Stuur de brief naar {a}, {pc} {plaats} alstublieft.",
                    ("adres", a),
                    ("postcode", pc),
                    ("locatie", plaats),
                )
            )
        elif kind == 3:
            a = g.adres()
            out.append(_msg(f"Mijn vader woont aan de {a} en kan niet meer koken.", ("adres", a)))
        elif kind == 4:
            a = g.adres()
            out.append(_msg(f"Adres: {a}. Wij hebben een scootmobiel nodig.", ("adres", a)))
        else:
            a = g.adres()
            out.append(_msg(f"Is er een maatje in de buurt van {a}? Ik ben eenzaam.", ("adres", a)))
    return out


def datum_berichten(g: Generator, n: int) -> list[dict[str, object]]:
    """Messages with a date of birth."""
    templates = [
        "Ik ben geboren op {x} en wil weten of ik recht heb op hulp.",
        "Geboortedatum van mijn zoon: {x}",
        "mijn moeder is van {x} en heeft dementie",
        "geb. {x}, ik zoek dagbesteding",
        "Mijn dochter is geboren op {x}, zij heeft een beperking.",
        "Voor het formulier: geboren {x}.",
    ]
    out = []
    for i in range(n):
        x = g.geboortedatum()
        out.append(_msg(templates[i % len(templates)].format(x=x), ("geboortedatum", x)))
    return out


def gemengde_berichten(g: Generator, n: int) -> list[dict[str, object]]:
    """Longer messages with several identifiers of different kinds."""
    out: list[dict[str, object]] = []
    for _ in range(n):
        voor, achter = g.naam_delen()
        vol = f"{voor} {achter}"
        tel, mail, bsn, a = g.telefoon(), g.email(), g.bsn(), g.adres()
        out.append(
            _msg(
                f"Goedemorgen, mijn naam is {vol}. Ik woon op de {a} en ben mantelzorger voor"
                f" mijn moeder. U kunt mij bellen op {tel} of mailen naar {mail}. Mijn BSN is"
                f" {bsn}.",
                ("naam", vol),
                ("adres", a),
                ("telefoon", tel),
                ("email", mail),
                ("bsn", bsn),
            )
        )
    return out


# Hand-written messages in freer style: typos in capitals, odd notations, names without a
# trigger phrase. (soort, tekst) pairs are listed after each text.
VRIJE_BERICHTEN: list[tuple[str, list[tuple[str, str]]]] = [
    ("Ik bel namens mijn moeder, Gerda de Boer, zij is 88.", [("naam", "Gerda de Boer")]),
    ("henk jansen van hiernaast is gevallen, wie kan helpen?", [("naam", "henk jansen")]),
    ("met piet, ik wil graag een afspraak", [("naam", "piet")]),
    ("Ik ben de dochter van Ria Smit en maak me zorgen.", [("naam", "Ria Smit")]),
    ("Hallo, ik ben Kevin Oduya en ik zoek werk.", [("naam", "Kevin Oduya")]),
    ("Mijn naam: Wendy Kuipers-van Dam", [("naam", "Wendy Kuipers-van Dam")]),
    ("Ik ben meneer Bouwmeester, ik heb een vraag over de rolstoel.", [("naam", "Bouwmeester")]),
    ("Mijn kleinzoon Mees woont bij ons.", [("naam", "Mees")]),
    ("Onze buurman, Ahmed Benali, helpt ons met de boodschappen.", [("naam", "Ahmed Benali")]),
    ("groetjes, anneke", [("naam", "anneke")]),
    ("Mijn naam is J. de Jong", [("naam", "J. de Jong")]),
    ("Ik ben Eva. Ik ben 15 en mijn ouders maken veel ruzie.", [("naam", "Eva")]),
    ("Mijn man Hans heeft Parkinson en ik kan het niet meer alleen.", [("naam", "Hans")]),
    ("ik ben Sevda yilmaz", [("naam", "Sevda yilmaz")]),
    ("Bel 06-2834-1956 aub", [("telefoon", "06-2834-1956")]),
    ("Mijn nummer: 06.28.34.19.57", [("telefoon", "06.28.34.19.57")]),
    ("tel 0031-6-28341958", [("telefoon", "0031-6-28341958")]),
    ("telefoon +31-50-3141592 (werk)", [("telefoon", "+31-50-3141592")]),
    ("Bereikbaar op 0612 345 678 tussen 9 en 5", [("telefoon", "0612 345 678")]),
    ("Whatsapp mij: +316 2834 1959", [("telefoon", "+316 2834 1959")]),
    ("mijn bsn is 89693504 want het begint met een 0", [("bsn", "89693504")]),
    ("bsn:626018158", [("bsn", "626018158")]),
    ("BSN 183-016-610 van mijn zoon", [("bsn", "183-016-610")]),
    ("Mijn moeder haar nummer is 4186.09.135, ze heeft Alzheimer.", [("bsn", "4186.09.135")]),
    ("iban nl87rabo0312457896 graag", [("iban", "nl87rabo0312457896")]),
    ("rekeningnr. NL85 INGB 0006 7123 45", [("iban", "NL85 INGB 0006 7123 45")]),
    ("Maak het over naar NL80SNSB0946382710.", [("iban", "NL80SNSB0946382710")]),
    ("Mijn Belgische rekening: BE83 0639 1234 5677", [("iban", "BE83 0639 1234 5677")]),
    (
        "FR1420041010050500013M02606 is de rekening van mijn zus in Frankrijk",
        [("iban", "FR1420041010050500013M02606")],
    ),
    (
        "Ik heb NL12ABNA0123456789 opgegeven maar het geld komt niet aan",
        [("iban", "NL12ABNA0123456789")],
    ),
    ("Jan.DeVries@Example.NL is mijn mail", [("email", "Jan.DeVries@Example.NL")]),
    ("mail: info-fam.bakker@mail.example", [("email", "info-fam.bakker@mail.example")]),
    ("stuur naar k.dijkstra1962@example.com.", [("email", "k.dijkstra1962@example.com")]),
    ("ik woon in 9712 cp groningen", [("postcode", "9712 cp")]),
    ("Postcode 1011 DJ. Waar is het dichtstbijzijnde buurthuis?", [("postcode", "1011 DJ")]),
    ("Ik woon Neude 3 driehoog en kom de trap niet meer op.", [("adres", "Neude 3")]),
    (
        "adres: Hoofdweg 12 A, 9617 AD Harkstede",
        [("adres", "Hoofdweg 12 A"), ("postcode", "9617 AD"), ("locatie", "Harkstede")],
    ),
    ("Wij wonen aan de Oude Ebbingestraat 45-b", [("adres", "Oude Ebbingestraat 45-b")]),
    ("ik woon op nummer 14 van de Julianastraat", [("adres", "nummer 14 van de Julianastraat")]),
    ("geboren 5 juni, ik word dus bijna 70", [("geboortedatum", "5 juni")]),
    ("Mijn geboortedatum is 3-7-'48", [("geboortedatum", "3-7-'48")]),
    ("Geb.datum: 01.02.1961", [("geboortedatum", "01.02.1961")]),
    ("ik ben van 12 mrt. 1950", [("geboortedatum", "12 mrt. 1950")]),
]
VRIJE_VALKUILEN = [
    "Mijn man heeft Parkinson en ik ben op.",
    "Ik wil graag iemand van MEE spreken.",
    "Ik heb 2 jaar geleden een uitkering aangevraagd bij het UWV.",
    "Bel ik 0900-8844 voor de politie?",
    "Mijn schuld is gestegen naar € 12.500,-",
    "De afspraak is op 3 juni om 14.30 uur.",
    "ik ben Marokkaans en spreek niet goed Nederlands",
    "Met mijn moeder gaat het niet goed.",
    "Wat kost een Wmo-taxi naar het Martini Ziekenhuis?",
    "Ik ben Zwanger en weet niet wat ik moet doen",
    "Ik heb 1500 euro schuld en 2 kinderen van 8 en 10.",
    "Is er in Appingedam een inloop voor mantelzorgers?",
]


TRAPS = [
    "Ik ben 82 jaar en woon alleen in Oosterpark. Wie helpt met boodschappen?",
    "Mijn zoon van 11 wordt gepest, waar kan ik terecht?",
    "Ik heb 113 gebeld maar wil ook met iemand in de buurt praten.",
    "Veilig Thuis 0800-2000, kan ik daar anoniem bellen?",
    "Mijn postcode begint met 9903, welk wijkteam hoort daarbij?",
    "Ik ben op, ik kan de zorg voor mijn man niet meer aan.",
    "Ik ben mantelzorger voor mijn moeder met dementie.",
    "We hebben een schuld van € 1.250 bij de energiemaatschappij.",
    "Ik heb op 14 mei een afspraak bij het Wmo-loket.",
    "Wat doet de Voedselbank in de Schilderswijk?",
    "Moet ik 112 bellen of de huisarts?",
    "Ik woon al 12 jaar in Paddepoel en ken niemand meer.",
    "Mijn huur is 750 euro en mijn uitkering 1200 per maand.",
    "Ik ben moe en ik ben bang dat ik het niet red.",
    "Mijn dochter is 16 en zit in klas 3 van het vmbo.",
    "Ik heb 3 kinderen van 4, 7 en 11 jaar.",
    "Is er een maatje voor mijn vader van 90?",
    "De Kindertelefoon 0800-0432 is toch gratis?",
    "Wij wonen sinds 2019 in Vinkhuizen.",
    "Is het buurthuis aan de Kerkstraat nog open?",
    "Ik bel morgen 14 050 voor een paspoort.",
    "Ik ben alleenstaande moeder van 2 kinderen.",
    "Ik ben gescheiden en heb schulden bij de Belastingdienst.",
    "Mijn inkomen is € 1.450 netto per maand, heb ik recht op bijzondere bijstand?",
    "Kan ik op 113.nl chatten als ik niet wil bellen?",
    "ik ben 67 en mijn vrouw is 70, we wonen in wijk 9901",
    "Mijn zoon zit 2 dagen per week op de dagbesteding.",
    "Ik ben op zoek naar een schuldhulpmaatje in Oosterpoort.",
]


def build() -> list[dict[str, object]]:
    """All benchmark messages, in a fixed order."""
    g = Generator()
    berichten: list[dict[str, object]] = []
    berichten += bsn_berichten(g, 26)
    berichten += iban_berichten(g, 26)
    berichten += telefoon_berichten(g, 30)
    berichten += email_berichten(g, 24)
    berichten += postcode_berichten(g, 24)
    berichten += naam_berichten(g, 32)
    berichten += adres_berichten(g, 24)
    berichten += datum_berichten(g, 26)
    berichten += gemengde_berichten(g, 6)
    berichten += [_msg(t) for t in TRAPS]
    berichten += [_msg(t, *labels) for t, labels in VRIJE_BERICHTEN]
    berichten += [_msg(t) for t in VRIJE_VALKUILEN]
    return berichten


def main() -> None:
    """Write the JSONL file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    berichten = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for bericht in berichten:
            fh.write(json.dumps(bericht, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for bericht in berichten:
        for v in bericht["vondsten"]:  # type: ignore[attr-defined]
            counts[v["soort"]] = counts.get(v["soort"], 0) + 1
    print(f"{len(berichten)} berichten naar {args.out}: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
