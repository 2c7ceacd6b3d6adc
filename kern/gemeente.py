"""The gemeente profile (``gemeente.yml``): contact details, loketten and wijken.

Other gemeenten write this file by hand, so every problem is reported in Dutch and names the
field, e.g. ``wijken[2].postcodes[0]: '12AB' is geen geldige postcode (4 cijfers)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PC4 = re.compile(r"^[1-9][0-9]{3}$")
POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WEBSITE = re.compile(r"^https?://[^\s]+$")


class ProfielFout(ValueError):
    """The gemeente profile cannot be used; ``str()`` is a Dutch message naming the field."""


@dataclass(frozen=True)
class Contact:
    """How residents reach a desk of the gemeente (KCC, Wmo-loket or CJG)."""

    naam: str
    telefoon: str
    email: str | None
    website: str | None
    openingstijden: str | None

    def as_payload(self) -> dict[str, str | None]:
        """The ``loket``/``contact`` object of the structured bot payloads."""
        return {
            "naam": self.naam,
            "telefoon": self.telefoon,
            "email": self.email,
            "website": self.website,
            "openingstijden": self.openingstijden,
        }


@dataclass(frozen=True)
class Wijk:
    """A wijk and the PC4 areas that belong to it."""

    naam: str
    postcodes: tuple[str, ...]


@dataclass(frozen=True)
class GemeenteProfiel:
    """A validated gemeente profile."""

    naam: str
    contact: Contact
    wmo_loket: Contact
    cjg: Contact
    wijken: tuple[Wijk, ...]

    def wijk_by_naam(self, naam: str) -> Wijk | None:
        """Find a wijk by name, ignoring case and surrounding spaces."""
        wanted = naam.strip().casefold()
        return next((w for w in self.wijken if w.naam.casefold() == wanted), None)

    def wijk_by_postcode(self, postcode: str) -> Wijk | None:
        """Map a PC4 (``9901``) or full postcode (``9901 AB``) to its wijk."""
        match = POSTCODE.match(postcode)
        if not match:
            return None
        pc4 = match.group(1)
        return next((w for w in self.wijken if pc4 in w.postcodes), None)


def _text(data: dict[str, Any], key: str, where: str, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ProfielFout(f"{where}{key}: dit veld ontbreekt of is leeg.")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ProfielFout(f"{where}{key}: verwacht tekst, gevonden {type(value).__name__}.")
    return str(value).strip()


def _contact(data: Any, key: str, default_naam: str) -> Contact:
    if not isinstance(data, dict):
        raise ProfielFout(f"{key}: verwacht een blok met telefoon, email, website enzovoort.")
    where = f"{key}."
    email = _text(data, "email", where, required=False)
    if email is not None and not EMAIL.match(email):
        raise ProfielFout(f"{where}email: {email!r} is geen geldig e-mailadres.")
    website = _text(data, "website", where, required=False)
    if website is not None and not WEBSITE.match(website):
        raise ProfielFout(f"{where}website: {website!r} moet beginnen met https:// of http://.")
    return Contact(
        naam=_text(data, "naam", where, required=False) or default_naam,
        telefoon=_text(data, "telefoon", where) or "",
        email=email,
        website=website,
        openingstijden=_text(data, "openingstijden", where, required=False),
    )


def _wijken(data: Any) -> tuple[Wijk, ...]:
    if not isinstance(data, list) or not data:
        raise ProfielFout("wijken: verwacht een lijst met minstens één wijk.")
    wijken: list[Wijk] = []
    seen_namen: dict[str, int] = {}
    seen_pc4: dict[str, str] = {}
    for i, item in enumerate(data):
        where = f"wijken[{i}]."
        if not isinstance(item, dict):
            raise ProfielFout(f"wijken[{i}]: verwacht een blok met naam en postcodes.")
        naam = _text(item, "naam", where) or ""
        if naam.casefold() in seen_namen:
            raise ProfielFout(
                f"{where}naam: de wijk {naam!r} staat er twee keer in "
                f"(ook bij wijken[{seen_namen[naam.casefold()]}])."
            )
        seen_namen[naam.casefold()] = i
        postcodes = item.get("postcodes", [])
        if not isinstance(postcodes, list):
            raise ProfielFout(f'{where}postcodes: verwacht een lijst, zoals ["1011", "1012"].')
        pc4s: list[str] = []
        for j, pc in enumerate(postcodes):
            pc_text = str(pc).strip()
            if not PC4.match(pc_text):
                raise ProfielFout(
                    f"{where}postcodes[{j}]: {pc_text!r} is geen geldige postcode van 4 cijfers."
                )
            if pc_text in seen_pc4:
                raise ProfielFout(
                    f"{where}postcodes[{j}]: postcode {pc_text} hoort al bij wijk "
                    f"{seen_pc4[pc_text]!r}."
                )
            seen_pc4[pc_text] = naam
            pc4s.append(pc_text)
        wijken.append(Wijk(naam=naam, postcodes=tuple(pc4s)))
    return tuple(wijken)


def parse_profiel(data: Any) -> GemeenteProfiel:
    """Validate an already-parsed YAML document as a gemeente profile."""
    if not isinstance(data, dict):
        raise ProfielFout(
            "Het profiel moet een YAML-blok zijn met naam, contact, wmo_loket, cjg en wijken."
        )
    naam = _text(data, "naam", "") or ""
    for key in ("contact", "wmo_loket", "cjg"):
        if key not in data:
            raise ProfielFout(f"{key}: dit veld ontbreekt.")
    return GemeenteProfiel(
        naam=naam,
        contact=_contact(data["contact"], "contact", naam),
        wmo_loket=_contact(data["wmo_loket"], "wmo_loket", "Wmo-loket"),
        cjg=_contact(data["cjg"], "cjg", "Centrum voor Jeugd en Gezin"),
        wijken=_wijken(data.get("wijken")),
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
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1})" if mark is not None else ""
        raise ProfielFout(f"Het gemeenteprofiel {path} is geen geldige YAML{where}.") from None
    try:
        return parse_profiel(data)
    except ProfielFout as exc:
        raise ProfielFout(f"Fout in gemeenteprofiel {path.name}: {exc}") from None
