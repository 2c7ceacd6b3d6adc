"""The gemeente profile (``gemeente.yml``): contact details, loketten and wijken.

Other gemeenten write this file by hand, so every problem is reported in Dutch and names the
field, e.g. ``wijken[2].postcodes[0]: '12AB' is geen geldige postcode van 4 cijfers.``
The models are pydantic (1.x API, see :mod:`kern.pydantic_compat`): they validate the YAML
document field by field and give the location of each error.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, TypeVar

import yaml

from kern.pydantic_compat import BaseModel, ValidationError, foutpad, root_validator, validator

#: A PC4 area as the profile lists it.
PC4 = re.compile(r"^[1-9][0-9]{3}$")
#: A PC4 (``9901``) or full postcode (``9901 AB``) as residents and kaart rows write it; group 1
#: is the PC4. The one pattern for that: the kaart's search imports it from here.
POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WEBSITE = re.compile(r"^https?://[^\s]+$")


class ProfielFout(ValueError):
    """The gemeente profile cannot be used; ``str()`` is a Dutch message naming the field."""


def naamvorm(text: str) -> str:
    """A place name as plain words, the form in which wijk names are compared.

    Residents type "t hofje", "'t Hofje" or "het hofje"; "sint annaparochie noord" or
    "St. Annaparochie-Noord"; on a phone the apostrophe is often a curly one. All of these are
    one name: lower case, no accents, hyphens and apostrophes as spaces, "'t" as "het", "st" as
    "sint". Digits stay as typed. The profile refuses two wijken with the same form, and the
    conversation reads wijk names from free text in this form.
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\u2018\u2019`\u00b4]", "'", text)
    text = re.sub(r"(?<![\w'])'?t(?=[\s-])", "het", text)  # 't Hofje, t hofje
    text = re.sub(r"(?<![\w'])'s(?=[\s-])", "s", text)  # 's-Heerenberg
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join("sint" if w == "st" else w for w in text.split())


def _tekst(value: Any) -> Any:
    """Text as people write it in YAML: numbers are text too, blank is missing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"verwacht tekst, gevonden {type(value).__name__}.")
    return str(value).strip()


_M = TypeVar("_M", bound="_Model")


class _Model(BaseModel):
    class Config:
        frozen = True  # read-only and hashable, like the dataclasses these replaced
        anystr_strip_whitespace = True

    def vervang(self: _M, **velden: Any) -> _M:
        """A validated copy with some fields changed (what ``dataclasses.replace`` did)."""
        return type(self).parse_obj({**dict(self), **velden})


class Contact(_Model):
    """How residents reach a desk of the gemeente (KCC, Wmo-loket or CJG)."""

    naam: str
    telefoon: str
    email: str | None = None
    website: str | None = None
    openingstijden: str | None = None

    _tekst_velden = validator("*", pre=True, allow_reuse=True)(_tekst)

    @validator("email")
    def _email(cls, value: str | None) -> str | None:  # noqa: N805
        if value is not None and not EMAIL.match(value):
            raise ValueError(f"{value!r} is geen geldig e-mailadres.")
        return value

    @validator("website")
    def _website(cls, value: str | None) -> str | None:  # noqa: N805
        if value is not None and not WEBSITE.match(value):
            raise ValueError(f"{value!r} moet beginnen met https:// of http://.")
        return value

    def as_payload(self) -> dict[str, str | None]:
        """The ``loket``/``contact`` object of the structured bot payloads."""
        return {
            "naam": self.naam,
            "telefoon": self.telefoon,
            "email": self.email,
            "website": self.website,
            "openingstijden": self.openingstijden,
        }


class Wijk(_Model):
    """A wijk and the PC4 areas that belong to it."""

    naam: str
    postcodes: tuple[str, ...] = ()

    _naam = validator("naam", pre=True, allow_reuse=True)(_tekst)

    @validator("naam")
    def _leesbaar(cls, value: str) -> str:  # noqa: N805
        if not naamvorm(value):
            raise ValueError(f"{value!r} is geen naam: gebruik letters of cijfers.")
        return value

    @validator("postcodes", pre=True)
    def _lijst(cls, value: Any) -> Any:  # noqa: N805
        if value is None:
            return ()
        if not isinstance(value, (list, tuple)):
            raise ValueError('verwacht een lijst, zoals ["1011", "1012"].')
        return [str(pc).strip() for pc in value]

    @validator("postcodes", each_item=True)
    def _pc4(cls, value: str) -> str:  # noqa: N805
        if not PC4.match(value):
            raise ValueError(f"{value!r} is geen geldige postcode van 4 cijfers.")
        return value


HEX_KLEUR = re.compile(r"^#[0-9a-fA-F]{6}$")
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?$")
#: WCAG 2.x AA contrast for normal text.
MIN_CONTRAST = 4.5


def contrast(kleur_a: str, kleur_b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1.0 to 21.0)."""

    def luminantie(kleur: str) -> float:
        kanalen = [int(kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    licht, donker = sorted((luminantie(kleur_a), luminantie(kleur_b)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


class Widget(_Model):
    """How the chat looks and where it may be embedded (all optional).

    ``kleur`` is used for buttons and links on white, with ``kleur_tekst`` on top of it, so
    both pairs must reach WCAG AA contrast; the profile is refused otherwise.
    """

    origins: tuple[str, ...] = ()
    kleur: str = "#154273"
    kleur_tekst: str = "#ffffff"
    logo: Path | None = None
    privacy_url: str | None = None

    @validator("origins", pre=True)
    def _origin_lijst(cls, value: Any) -> Any:  # noqa: N805
        if value is None:
            return ()
        if not isinstance(value, (list, tuple)):
            raise ValueError('verwacht een lijst, zoals ["https://www.gemeente.nl"].')
        return [str(v).strip().rstrip("/") for v in value]

    @validator("origins", each_item=True)
    def _origin(cls, value: str) -> str:  # noqa: N805
        if not ORIGIN.match(value):
            raise ValueError(
                f"{value!r} is geen geldige herkomst: schrijf https://www.gemeente.nl, "
                "zonder pad."
            )
        return value

    @validator("kleur", "kleur_tekst")
    def _hex(cls, value: str) -> str:  # noqa: N805
        if not HEX_KLEUR.match(value):
            raise ValueError(f"{value!r} is geen kleur: schrijf #rrggbb, bijvoorbeeld #154273.")
        return value.lower()

    @validator("kleur_tekst")
    def _leesbaar(cls, value: str, values: dict[str, Any]) -> str:  # noqa: N805
        kleur = values.get("kleur")
        if kleur is None:
            return value
        for voorgrond, achtergrond in ((value, kleur), (kleur, "#ffffff")):
            ratio = contrast(voorgrond, achtergrond)
            if ratio < MIN_CONTRAST:
                raise ValueError(
                    f"{voorgrond} op {achtergrond} heeft te weinig contrast ({ratio:.1f}:1; "
                    f"minimaal {MIN_CONTRAST}:1 voor WCAG AA). Kies een donkerdere kleur."
                )
        return value

    @validator("privacy_url")
    def _privacy_url(cls, value: str | None) -> str | None:  # noqa: N805
        if value is not None and not WEBSITE.match(value):
            raise ValueError(f"{value!r} is geen geldige website (begin met https://).")
        return value


#: Name of each loket when the profile does not give one (``contact`` takes the gemeente's).
_STANDAARD_NAMEN = {"wmo_loket": "Wmo-loket", "cjg": "Centrum voor Jeugd en Gezin"}


class GemeenteProfiel(_Model):
    """A validated gemeente profile."""

    naam: str
    contact: Contact
    wmo_loket: Contact
    cjg: Contact
    wijken: tuple[Wijk, ...]
    #: Optional: where residents get help in another language than Dutch (a KCC line with
    #: interpreters, a tolk service). Without it Wegwijzer gives ``contact``.
    anderstalig: Contact | None = None
    widget: Widget = Widget()

    _naam = validator("naam", pre=True, allow_reuse=True)(_tekst)

    @root_validator(pre=True)
    def _standaard_namen(cls, values: dict[str, Any]) -> dict[str, Any]:  # noqa: N805
        namen = {"contact": values.get("naam"), "anderstalig": values.get("naam"), **_STANDAARD_NAMEN}
        for key, standaard in namen.items():
            blok = values.get(key)
            if isinstance(blok, dict) and _tekst_of_none(blok.get("naam")) is None and standaard:
                values = {**values, key: {**blok, "naam": standaard}}
        return values

    @validator("wijken", pre=True)
    def _minstens_een(cls, value: Any) -> Any:  # noqa: N805
        if not isinstance(value, (list, tuple)) or not value:
            raise ValueError("verwacht een lijst met minstens één wijk.")
        return value

    @validator("wijken")
    def _uniek(cls, wijken: tuple[Wijk, ...]) -> tuple[Wijk, ...]:  # noqa: N805
        namen: dict[str, int] = {}
        pc4s: dict[str, str] = {}
        for i, wijk in enumerate(wijken):
            # "Nieuw-Wolde" and "Nieuw Wolde" are one name to a resident who types it.
            vorm = naamvorm(wijk.naam)
            if vorm in namen:
                j = namen[vorm]
                eerder = wijken[j].naam
                zelfde = "" if eerder.casefold() == wijk.naam.casefold() else f" (als {eerder!r})"
                raise ValueError(
                    f"[{i}].naam: de wijk {wijk.naam!r} staat er twee keer in{zelfde} "
                    f"(ook bij wijken[{j}])."
                )
            namen[vorm] = i
            for j, pc in enumerate(wijk.postcodes):
                if pc in pc4s:
                    raise ValueError(
                        f"[{i}].postcodes[{j}]: postcode {pc} hoort al bij wijk {pc4s[pc]!r}."
                    )
                pc4s[pc] = wijk.naam
        return wijken

    @property
    def contact_anderstalig(self) -> Contact:
        """Where to send a resident who does not write Dutch (``anderstalig``, else ``contact``)."""
        return self.anderstalig or self.contact

    def wijk_by_naam(self, naam: str) -> Wijk | None:
        """Find a wijk by name, as residents type it: case, hyphens and "'t" do not matter."""
        wanted = naamvorm(naam)
        if not wanted:
            return None
        return next((w for w in self.wijken if naamvorm(w.naam) == wanted), None)

    def wijk_by_postcode(self, postcode: str) -> Wijk | None:
        """Map a PC4 (``9901``) or full postcode (``9901 AB``) to its wijk."""
        match = POSTCODE.match(postcode)
        if not match:
            return None
        pc4 = match.group(1)
        return next((w for w in self.wijken if pc4 in w.postcodes), None)


def _tekst_of_none(value: Any) -> str | None:
    try:
        result = _tekst(value)
    except ValueError:
        return "?"  # not text: leave it for the field's own validator to report
    return None if result is None else str(result)


#: What a block should look like, for "not a block" errors (by the key or list it is under).
_BLOK_UITLEG = {
    "wijken": "verwacht een blok met naam en postcodes.",
    "contact": "verwacht een blok met telefoon, email, website enzovoort.",
}


def _zin(fout: dict[str, Any]) -> str:
    """One pydantic error as ``pad: Dutch sentence``."""
    loc = tuple(fout["loc"])
    pad = foutpad(loc)
    soort = str(fout["type"])
    bericht = str(fout["msg"])
    if soort in {"value_error.missing", "type_error.none.not_allowed"}:
        bericht = "dit veld ontbreekt of is leeg."
    elif soort == "type_error.dict":
        bericht = _BLOK_UITLEG["wijken" if loc and isinstance(loc[-1], int) else "contact"]
    elif soort.startswith("type_error."):
        bericht = "verwacht tekst." if soort == "type_error.str" else "onverwacht soort waarde."
    if bericht.startswith("["):  # the validator named the place below the field itself
        return f"{pad}{bericht}"
    return f"{pad}: {bericht}" if pad else bericht


def parse_profiel(data: Any) -> GemeenteProfiel:
    """Validate an already-parsed YAML document as a gemeente profile.

    Raises:
        ProfielFout: The Dutch message names each field that is wrong.
    """
    if not isinstance(data, dict):
        raise ProfielFout(
            "Het profiel moet een YAML-blok zijn met naam, contact, wmo_loket, cjg en wijken."
        )
    try:
        return GemeenteProfiel.parse_obj(data)
    except ValidationError as exc:
        raise ProfielFout(" ".join(_zin(fout) for fout in exc.errors())) from None


class _ProfielLoader(yaml.SafeLoader):
    """YAML as people write it: a number with a leading zero or a plus stays text.

    YAML 1.1 reads an unquoted ``telefoon: 0123770000`` as the octal number 22016000 and
    ``+31123770000`` as a number without its plus: residents would be given a wrong phone
    number without any error. A leading zero or plus means a phone number or code, so text.
    """


_ProfielLoader.yaml_implicit_resolvers = {
    teken: list(resolvers) for teken, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _teken, _patroon in (("0", r"^0[0-9_]+$"), ("+", r"^\+[0-9_]+$")):
    _ProfielLoader.yaml_implicit_resolvers.setdefault(_teken, []).insert(
        0, ("tag:yaml.org,2002:str", re.compile(_patroon))
    )


def load_profiel(path: Path) -> GemeenteProfiel:
    """Read and validate a gemeente profile file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfielFout(f"Het gemeenteprofiel {path} bestaat niet.") from None
    except UnicodeDecodeError:
        raise ProfielFout(f"Het gemeenteprofiel {path} is geen UTF-8-tekst.") from None
    try:
        data = yaml.load(raw, Loader=_ProfielLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1})" if mark is not None else ""
        raise ProfielFout(f"Het gemeenteprofiel {path} is geen geldige YAML{where}.") from None
    try:
        profiel = parse_profiel(data)
    except ProfielFout as exc:
        raise ProfielFout(f"Fout in gemeenteprofiel {path.name}: {exc}") from None
    logo = profiel.widget.logo
    if logo is not None:
        # A logo is a file beside the profile; the web app serves it (CSP: images from 'self').
        logo = logo if logo.is_absolute() else (path.parent / logo).resolve()
        if logo.suffix.lower() not in {".svg", ".png"} or not logo.is_file():
            raise ProfielFout(
                f"Fout in gemeenteprofiel {path.name}: widget.logo: {logo} bestaat niet of is "
                "geen .svg of .png."
            )
        profiel = profiel.vervang(widget=profiel.widget.vervang(logo=logo))
    return profiel
