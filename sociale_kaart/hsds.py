"""Import from Open Referral HSDS 3.0, as published, with a small mapping file to our thema codes.

Accepted shapes (all of them appear in the specification's own examples):

* JSON, one service object (``GET /services/{id}``), with its organization, service_at_locations
  → location, attributes → taxonomy_term, phones, schedules and service_areas nested;
* JSON, a list of services, or a page ``{"contents": [...]}`` (``GET /services``);
* JSON, one organization with its ``services`` (and ``locations``) nested, or a list of them;
* JSON, one service_at_location with its ``service`` and ``location`` nested;
* JSON, a full data set with flat arrays linked by id: ``organizations``, ``services``,
  ``locations``, ``service_at_locations``, ``service_areas``, ``taxonomy_terms``,
  ``attributes``, ``phones``, ``schedules``, ``addresses``, ``cost_options``; the table names
  may be singular (``service_at_location``, as in the specification's ``datapackage.json``)
  and end in ``.csv`` (the specification's ``tabular.json``);
* CSV, the tabular data package: a folder (or a ``.zip`` of it, or its ``datapackage.json``)
  with one CSV file per table. The tables are found through ``datapackage.json`` (resource
  name → path); without a readable one, by file name.

Each service becomes one template row and goes through the same validation as a CSV row;
problems name the path (``services[3]``, ``services.csv, rij 4``) and the HSDS field.

A third-party feed is rarely clean. By default an unusable field (a postcode that is not Dutch,
a phone number that is not one) is left out and reported, a service that cannot be an offer
(no name, no thema, no organisation) is skipped and reported, and whatever cannot be linked
(an attribute whose ``link_id`` points nowhere, a location that is not in ``locations``) is
reported too. ``streng`` refuses the whole file instead when there is anything to report.

The mapping file (YAML) says what the source's taxonomy means for us::

    thema:                 # taxonomy term code, name or id → one or more thema codes
      "MZ-01": mantelzorg
      "Respijtzorg": [mantelzorg, dementie]
    standaard_thema: eenzaamheid   # for services without a mapped term (feeds without taxonomy)
    niveau:                # term → rung of the ladder (the highest rung found wins)
      "Vrijwillige inzet": sociale_basis
    standaard_niveau: algemene_voorziening
    doelgroep:
      "Ouderen": ouderen
    gebied:                # service_area name → wijk, or hele_gemeente
      "Oosterpark-Noord": Oosterpark
      "Lindewaard": hele_gemeente
    id_voorvoegsel: "hsds-"
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import yaml

from kern.gemeente import GemeenteProfiel
from kern.pydantic_compat import BaseModel, Extra, ValidationError, validator
from kern.themas import DOELGROEPEN, THEMAS, Niveau
from sociale_kaart.synoniemen import dichtstbijzijnde_thema
from sociale_kaart.template import (
    VERPLICHT,
    AanbodRij,
    KaartFout,
    KaartProbleem,
    _suggest,
    decode_bytes,
    validate_row,
    validate_rows,
)

HELE_GEMEENTE = "hele_gemeente"

#: Template column → the HSDS field it comes from, for messages.
VELDNAMEN: dict[str, str] = {
    "id": "id",
    "naam": "name",
    "organisatie": "organization",
    "omschrijving": "description",
    "themas": "attributes (thema via koppeling)",
    "niveau": "attributes (niveau via koppeling)",
    "doelgroepen": "attributes (doelgroep via koppeling)",
    "leeftijd_min": "minimum_age",
    "leeftijd_max": "maximum_age",
    "wijk": "service_areas",
    "adres": "location.addresses.address_1",
    "postcode": "location.addresses.postal_code",
    "plaats": "location.addresses.city",
    "telefoon": "phones.number",
    "email": "email",
    "website": "url",
    "openingstijden": "schedules",
    "kosten": "fees_description / cost_options",
    "trefwoorden": "alternate_name / taxonomy_term.name",
    "laatst_gecontroleerd": "assured_date",
    "organisatie_email": "organization.email",
}

_DAGEN = {"MO": "ma", "TU": "di", "WE": "wo", "TH": "do", "FR": "vr", "SA": "za", "SU": "zo"}

#: The tables we read, by their HSDS 3.0 JSON name, with the other spellings seen in the wild
#: (the specification's datapackage.json uses singular resource names).
_TABELLEN: dict[str, tuple[str, ...]] = {
    "organizations": ("organization",),
    "services": ("service",),
    "locations": ("location",),
    "service_at_locations": ("service_at_location",),
    "service_areas": ("service_area",),
    "taxonomy_terms": ("taxonomy_term",),
    "attributes": ("attribute",),
    "phones": ("phone",),
    "schedules": ("schedule",),
    "addresses": ("address",),
    "cost_options": ("cost_option",),
}
_TABELNAAM = {alias: naam for naam, aliassen in _TABELLEN.items() for alias in (naam, *aliassen)}
#: HSDS 3.0 tables the kaart has no column for: read past without a word.
_NIET_NODIG = frozenset(
    {
        "program",
        "programs",
        "contact",
        "contacts",
        "funding",
        "language",
        "languages",
        "accessibility",
        "required_document",
        "required_documents",
        "metadata",
        "meta_table_description",
        "meta_table_descriptions",
        "organization_identifier",
        "organization_identifiers",
        "taxonomy",
        "taxonomies",
        "url",
        "urls",
        "unit",
        "units",
        "service_capacity",
        "service_capacities",
    }
)
#: Entities an attribute may describe other than a service: not used, but correctly linked.
_ANDERE_ENTITEITEN = frozenset(
    {
        "organization",
        "location",
        "service_at_location",
        "contact",
        "phone",
        "address",
        "schedule",
        "service_area",
        "cost_option",
        "program",
        "funding",
        "language",
        "accessibility",
        "required_document",
        "taxonomy_term",
        "taxonomy",
    }
)
#: Columns without which a row is no offer: a problem there skips the service.
_RECORD_KOLOMMEN = frozenset(VERPLICHT)
_TELEFOON = re.compile(r"^\+?[0-9 ()./-]+$")
_MAX_ZIP_BYTES = 200_000_000


def _sleutel(value: object) -> str:
    return " ".join(str(value).split()).casefold()


def _tabelnaam(naam: str) -> str | None:
    """Our name for an HSDS table (``service_at_location.csv`` → ``service_at_locations``)."""
    basis = naam.strip().lower().removesuffix(".csv")
    return _TABELNAAM.get(basis)


# ------------------------------------------------------------------------------ mapping file


def _codes(value: object, soort: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, bool) or not isinstance(value, (str, int, float, list)):
        raise TypeError(f"verwacht een {soort} of een lijst [{soort}, {soort}].")
    items = value if isinstance(value, list) else [value]
    codes = []
    for item in items:
        if isinstance(item, (dict, list)) or item is None:
            raise TypeError(f"verwacht een {soort} of een lijst [{soort}, {soort}].")
        if str(item).strip():
            codes.append(str(item).strip().lower())
    return codes


class _ThemaCodes(tuple):
    """One thema code or a list of them, each checked against the fixed list."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Any]:
        yield cls.valideer

    @classmethod
    def valideer(cls, value: object) -> tuple[str, ...]:
        codes = _codes(value, "themacode")
        fout = [c for c in codes if c not in THEMAS]
        if fout:
            raise ValueError(
                " ".join(
                    f"onbekend thema {c!r}. Bedoelt u {dichtstbijzijnde_thema(c)!r}?" for c in fout
                )
            )
        return tuple(dict.fromkeys(codes))


class _Doelgroepen(tuple):
    """One doelgroep or a list of them."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Any]:
        yield cls.valideer

    @classmethod
    def valideer(cls, value: object) -> tuple[str, ...]:
        groepen = _codes(value, "doelgroep")
        fout = [g for g in groepen if g not in DOELGROEPEN]
        if fout:
            raise ValueError(
                " ".join(f"onbekende doelgroep {g!r}.{_suggest(g, DOELGROEPEN)}" for g in fout)
            )
        return tuple(dict.fromkeys(groepen))


class _NiveauCode(str):
    """A rung of the ladder, by its code."""

    @classmethod
    def __get_validators__(cls) -> Iterator[Any]:
        yield cls.valideer

    @classmethod
    def valideer(cls, value: object) -> Niveau:
        opties = [n.value for n in Niveau]
        if not isinstance(value, str):
            raise TypeError(f"verwacht een niveau: {', '.join(opties)}.")
        try:
            return Niveau(value.strip().lower())
        except ValueError:
            raise ValueError(
                f"onbekend niveau {value!r}; kies uit {', '.join(opties)}."
                f"{_suggest(value.strip().lower(), opties)}"
            ) from None


class _KoppelingBestand(BaseModel):
    """The mapping file as written; every error is located (``thema['ZR-ONT']``)."""

    thema: dict[str, _ThemaCodes] = {}
    standaard_thema: _ThemaCodes | None = None
    niveau: dict[str, _NiveauCode] = {}
    standaard_niveau: _NiveauCode | None = None
    doelgroep: dict[str, _Doelgroepen] = {}
    gebied: dict[str, str | int] = {}
    id_voorvoegsel: str = ""

    class Config:
        extra = Extra.forbid

    @validator("thema", "niveau", "doelgroep", "gebied", pre=True)
    def _leeg_blok(cls, value: object) -> object:  # noqa: N805 (pydantic passes the class)
        return {} if value is None else value

    @validator("id_voorvoegsel", pre=True)
    def _voorvoegsel(cls, value: object) -> object:  # noqa: N805
        if value is None:
            return ""
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9._-]{0,20}", value):
            raise ValueError(
                "mag alleen letters, cijfers, '-', '_' en '.' bevatten (hoogstens 20 tekens)."
            )
        return value


_BLOKKEN = list(_KoppelingBestand.__fields__)


def _pad_van(loc: tuple[Any, ...]) -> str:
    """A pydantic error location as the file's reader sees it: ``thema['ZR-ONT']``."""
    tekst = str(loc[0])
    for deel in loc[1:]:
        if deel == "__key__":
            continue
        tekst += f"[{deel}]" if isinstance(deel, int) else f"[{deel!r}]"
    return tekst


def _dutch(fout: dict[str, Any]) -> str:
    """Dutch text for one pydantic error; our own validators already speak Dutch."""
    soort = str(fout.get("type", ""))
    if soort in {"value_error", "type_error"}:
        return str(fout["msg"])
    if soort == "value_error.extra":
        naam = str(fout["loc"][-1])
        return f"onbekend onderdeel.{_suggest(naam, _BLOKKEN)} Kies uit: {', '.join(_BLOKKEN)}."
    if soort == "type_error.dict":
        return "verwacht een blok 'term: waarde'."
    if soort in {"type_error.str", "type_error.none.not_allowed", "type_error.integer"}:
        return "verwacht een tekst."
    return f"ongeldige waarde ({fout.get('msg')})."


@dataclass(frozen=True)
class Koppeling:
    """What the source's taxonomy terms and areas mean on our kaart."""

    themas: dict[str, tuple[str, ...]]
    niveaus: dict[str, Niveau]
    doelgroepen: dict[str, tuple[str, ...]]
    gebieden: dict[str, str | None]
    standaard_niveau: Niveau | None = None
    id_voorvoegsel: str = ""
    #: Thema's of a service none of whose terms is under ``thema`` (feeds without taxonomy).
    standaard_themas: tuple[str, ...] = ()


def lees_koppeling(path: Path, profiel: GemeenteProfiel) -> Koppeling:
    """Read and check the mapping file; every wrong code is reported with a suggestion."""
    waar = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KaartFout(
            [KaartProbleem(0, None, f"Het koppelbestand {path} bestaat niet.")]
        ) from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        regel = f" (regel {mark.line + 1})" if mark is not None else ""
        raise KaartFout(
            [KaartProbleem(0, None, f"Het koppelbestand {waar} is geen geldige YAML{regel}.")]
        ) from None
    if not isinstance(data, dict):
        raise KaartFout(
            [
                KaartProbleem(
                    0, None, f"{waar}: verwacht blokken 'thema', 'niveau', 'doelgroep', 'gebied'."
                )
            ]
        )
    problemen: list[KaartProbleem] = []
    model: _KoppelingBestand | None = None
    try:
        model = _KoppelingBestand.parse_obj({str(k): v for k, v in data.items()})
    except ValidationError as exc:
        gezien: set[str] = set()
        for fout in exc.errors():
            pad = _pad_van(tuple(fout["loc"]))
            if pad in gezien:  # a Union reports once per alternative
                continue
            gezien.add(pad)
            problemen.append(KaartProbleem(0, None, _dutch(fout), pad=f"{waar}: {pad}"))

    # The wijken need the profile, so they are checked here (also when the rest had errors).
    ruwe_gebieden = model.gebied if model is not None else data.get("gebied")
    gebieden: dict[str, str | None] = {}
    for gebied, wijk in (ruwe_gebieden if isinstance(ruwe_gebieden, dict) else {}).items():
        wijk_tekst = str(wijk).strip()
        if wijk_tekst.casefold() == HELE_GEMEENTE:
            gebieden[_sleutel(gebied)] = None
            continue
        gevonden = profiel.wijk_by_naam(wijk_tekst)
        if gevonden is None:
            namen = [w.naam for w in profiel.wijken]
            problemen.append(
                KaartProbleem(
                    0,
                    None,
                    f"de wijk {wijk_tekst!r} staat niet in het gemeenteprofiel."
                    f"{_suggest(wijk_tekst, namen)} Gebruik '{HELE_GEMEENTE}' voor de hele gemeente.",
                    pad=f"{waar}: gebied[{gebied!r}]",
                )
            )
        else:
            gebieden[_sleutel(gebied)] = gevonden.naam
    if problemen or model is None:
        raise KaartFout(problemen)
    return Koppeling(
        themas={_sleutel(k): tuple(v) for k, v in model.thema.items()},
        niveaus={_sleutel(k): Niveau(v) for k, v in model.niveau.items()},
        doelgroepen={_sleutel(k): tuple(v) for k, v in model.doelgroep.items()},
        gebieden=gebieden,
        standaard_niveau=Niveau(model.standaard_niveau) if model.standaard_niveau else None,
        id_voorvoegsel=model.id_voorvoegsel,
        standaard_themas=tuple(model.standaard_thema or ()),
    )


# ---------------------------------------------------------------------------- reading a source


@dataclass
class _Bron:
    """What a file holds: the JSON value (or the tables of a CSV package) and how to name rows."""

    data: object
    #: Table → its CSV file name, for ``services.csv, rij 4`` in messages.
    csv_bestanden: dict[str, str] = field(default_factory=dict)
    #: Remarks about the package itself that lose no data (e.g. datapackage.json unreadable).
    opmerkingen: list[str] = field(default_factory=list)


def _fout(melding: str, rij: int = 0) -> KaartFout:
    return KaartFout([KaartProbleem(rij, None, melding)])


def _lees_json(path: Path) -> _Bron:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise _fout(f"Het bestand {path} bestaat niet.") from None
    except UnicodeDecodeError:
        raise _fout(f"{path.name} is geen UTF-8-tekst; JSON moet UTF-8 zijn.") from None
    except json.JSONDecodeError as exc:
        raise _fout(f"geen geldige JSON: {exc.msg} (kolom {exc.colno}).", exc.lineno) from None
    return _Bron(data)


def _pakketbestanden(path: Path) -> tuple[str, dict[str, bytes]]:
    """The files of a CSV package (folder or zip), relative to the package root."""
    if path.is_dir():
        bestanden = {
            p.relative_to(path).as_posix(): p.read_bytes()
            for p in sorted(path.rglob("*"))
            if p.is_file() and p.suffix.lower() in {".csv", ".json"}
        }
        return path.name, bestanden
    try:
        with zipfile.ZipFile(path) as archief:
            leden = [
                i
                for i in archief.infolist()
                if not i.is_dir() and PurePosixPath(i.filename).suffix.lower() in {".csv", ".json"}
            ]
            if sum(i.file_size for i in leden) > _MAX_ZIP_BYTES:
                raise _fout(f"{path.name} is uitgepakt groter dan 200 MB; dat lezen we niet in.")
            # The package root is where datapackage.json (or else services.csv) is, shallowest first.
            namen = [i.filename for i in leden]
            wortels = sorted(
                (
                    str(PurePosixPath(n).parent)
                    for n in namen
                    if PurePosixPath(n).name.lower()
                    in {"datapackage.json", "services.csv", "service.csv"}
                ),
                key=lambda w: (w.count("/"), w),
            )
            wortel = wortels[0] if wortels else "."
            prefix = "" if wortel == "." else wortel + "/"
            bestanden = {n[len(prefix) :]: archief.read(n) for n in namen if n.startswith(prefix)}
    except FileNotFoundError:
        raise _fout(f"Het bestand {path} bestaat niet.") from None
    except (zipfile.BadZipFile, OSError):
        raise _fout(f"{path.name} is geen geldig zip-bestand.") from None
    return path.name, bestanden


def _lees_csv_tabel(naam: str, data: bytes) -> list[dict[str, str]]:
    try:
        tekst = decode_bytes(data)
    except KaartFout as exc:
        raise KaartFout([KaartProbleem(0, None, f"{naam}: {p}") for p in exc.problemen]) from None
    reader = csv.reader(io.StringIO(tekst, newline=""))
    rijen: list[dict[str, str]] = []
    try:
        kop = [k.strip().lower() for k in next(reader, [])]
        for cellen in reader:
            rij = {k: v.strip() for k, v in zip(kop, cellen, strict=False) if k and v.strip()}
            if rij:
                rijen.append(rij)
    except csv.Error as exc:
        raise _fout(f"{naam}, regel {reader.line_num}: onleesbare CSV ({exc}).") from None
    return rijen


def _lees_pakket(path: Path) -> _Bron:
    """The tables of an HSDS CSV package, found through datapackage.json or by file name."""
    pakket_naam, bestanden = _pakketbestanden(path)
    opmerkingen: list[str] = []
    resources: list[tuple[str, str]] = []  # (resource name, path)
    beschrijving = next((k for k in bestanden if k.lower() == "datapackage.json"), None)
    if beschrijving is not None:
        try:
            pakket = json.loads(decode_bytes(bestanden[beschrijving]))
            for res in pakket["resources"]:
                pad = res.get("path")
                pad = pad[0] if isinstance(pad, list) and pad else pad
                if isinstance(pad, str):
                    resources.append((str(res.get("name") or PurePosixPath(pad).stem), pad))
        except (ValueError, KeyError, TypeError, AttributeError, KaartFout):
            opmerkingen.append(
                f"{pakket_naam}: datapackage.json is geen leesbare beschrijving van de tabellen; "
                "de tabellen zijn gelezen op bestandsnaam (services.csv, service_at_location.csv, …)."
            )
            resources = []
    else:
        opmerkingen.append(
            f"{pakket_naam}: geen datapackage.json; de tabellen zijn gelezen op bestandsnaam."
        )
    if not resources:
        resources = [
            (PurePosixPath(k).stem, k)
            for k in sorted(bestanden)
            if "/" not in k and k.lower().endswith(".csv")
        ]
    tabellen: dict[str, list[dict[str, str]]] = {}
    csv_bestanden: dict[str, str] = {}
    for naam, pad in resources:
        tabel = _tabelnaam(naam) or _tabelnaam(PurePosixPath(pad).name)
        if tabel is None:
            if (
                naam.lower() not in _NIET_NODIG
                and PurePosixPath(pad).stem.lower() not in _NIET_NODIG
            ):
                opmerkingen.append(
                    f"{pakket_naam}: de tabel {naam!r} ({pad}) kent Wegwijzer niet; niet gelezen."
                )
            continue
        if pad not in bestanden:
            opmerkingen.append(
                f"{pakket_naam}: datapackage.json noemt {pad}, maar dat bestand ontbreekt."
            )
            continue
        tabellen.setdefault(tabel, []).extend(_lees_csv_tabel(pad, bestanden[pad]))
        csv_bestanden[tabel] = pad
    if "services" not in tabellen:
        raise _fout(
            f"{pakket_naam}: geen services.csv gevonden; is dit wel een HSDS-tabelpakket "
            "(een map of .zip met services.csv, organizations.csv, …)?"
        )
    return _Bron(tabellen, csv_bestanden, opmerkingen)


def lees_bron(path: Path) -> _Bron:
    """Read an HSDS file: JSON, or a CSV package (folder, .zip or its datapackage.json)."""
    if path.name.lower() == "datapackage.json" and path.is_file():
        return _lees_pakket(path.parent)
    if path.is_dir() or path.suffix.lower() == ".zip":
        return _lees_pakket(path)
    return _lees_json(path)


# --------------------------------------------------------------------------- the HSDS graph


def _soort(obj: dict[str, Any]) -> str:
    """What a single HSDS object is, judged by the fields only that kind has."""
    if isinstance(obj.get("services"), list):
        return "organization"
    if isinstance(obj.get("service"), dict):
        return "service_at_location"
    term_velden = {"code", "parent_id", "taxonomy", "taxonomy_id", "taxonomy_detail", "term_uri"}
    if term_velden & obj.keys() and not {"status", "organization", "organization_id"} & obj.keys():
        return "taxonomy_term"
    return "service"


@dataclass
class _Graaf:
    """All HSDS objects by kind, wherever they were nested, each with its path."""

    csv_bestanden: dict[str, str] = field(default_factory=dict)
    services: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    locations: dict[str, dict[str, Any]] = field(default_factory=dict)
    taxonomy_terms: dict[str, dict[str, Any]] = field(default_factory=dict)
    service_at_locations: list[dict[str, Any]] = field(default_factory=list)
    service_areas: list[dict[str, Any]] = field(default_factory=list)
    attributes: list[dict[str, Any]] = field(default_factory=list)
    phones: list[dict[str, Any]] = field(default_factory=list)
    schedules: list[dict[str, Any]] = field(default_factory=list)
    addresses: list[dict[str, Any]] = field(default_factory=list)
    cost_options: list[dict[str, Any]] = field(default_factory=list)
    #: What could not be read or linked; the import goes on without it (not with ``streng``).
    meldingen: list[KaartProbleem] = field(default_factory=list)
    #: Lookups by link id, built once by :meth:`indexeer` (a kaart can have 10,000 services).
    per: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)

    def indexeer(self) -> None:
        """Group the linked objects by the ids they point to."""
        self.per = {}
        for soort, items, sleutels in (
            ("attr", self.attributes, ("link_id",)),
            ("area", self.service_areas, ("service_id",)),
            ("sal", self.service_at_locations, ("service_id",)),
            ("phone", self.phones, ("service_id", "location_id", "organization_id")),
            ("schedule", self.schedules, ("service_id", "location_id")),
            ("address", self.addresses, ("location_id",)),
            ("cost", self.cost_options, ("service_id",)),
        ):
            for item in items:
                for sleutel in sleutels:
                    if item.get(sleutel) is not None:
                        self.per.setdefault((soort, sleutel, str(item[sleutel])), []).append(item)

    def bij(self, soort: str, sleutel: str, ident: str) -> list[dict[str, Any]]:
        """Objects of a kind that point to ``ident`` through ``sleutel``."""
        return self.per.get((soort, sleutel, ident), []) if ident else []

    def _meld(self, pad: str, melding: str) -> None:
        self.meldingen.append(KaartProbleem(0, None, melding, pad=pad))

    def _objecten(
        self, value: object, pad: str, tabel: str | None = None
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        if value is None:
            return
        if isinstance(value, dict):  # one object where the specification has a list
            value = [value]
        if not isinstance(value, list):
            self._meld(pad, "verwacht een lijst; niet gelezen.")
            return
        bestand = self.csv_bestanden.get(tabel or "")
        for i, item in enumerate(value):
            sub = f"{bestand}, rij {i + 2}" if bestand else f"{pad}[{i}]"
            if isinstance(item, dict):
                yield sub, item
            else:
                self._meld(sub, "verwacht een object; niet gelezen.")

    def _koppel(
        self,
        items: list[dict[str, Any]],
        obj: dict[str, Any],
        pad: str,
        sleutel: str,
        bij: dict[str, Any],
    ) -> None:
        for sub, item in self._objecten(obj.get(sleutel), f"{pad}.{sleutel}"):
            items.append({**item, **bij, "_pad": sub, "_genest": True})

    def organisatie(self, org: dict[str, Any], pad: str) -> None:
        ident = str(org.get("id") or pad)
        self.organizations.setdefault(ident, org)
        for sub, loc in self._objecten(org.get("locations"), f"{pad}.locations"):
            self.locatie({"organization_id": ident, **loc}, sub)
        self._koppel(self.phones, org, pad, "phones", {"organization_id": ident})
        for sub, service in self._objecten(org.get("services"), f"{pad}.services"):
            self.dienst({**service, "organization_id": ident}, sub)

    def locatie(self, loc: dict[str, Any], pad: str) -> None:
        ident = str(loc.get("id") or pad)
        self.locations.setdefault(ident, loc)
        self._koppel(self.addresses, loc, pad, "addresses", {"location_id": ident})
        self._koppel(self.phones, loc, pad, "phones", {"location_id": ident})
        self._koppel(self.schedules, loc, pad, "schedules", {"location_id": ident})

    def term(self, term: dict[str, Any]) -> None:
        if term.get("id") is not None:
            self.taxonomy_terms.setdefault(str(term["id"]), term)

    def attribuut(self, attr: dict[str, Any]) -> None:
        nested = attr.get("taxonomy_term")
        if isinstance(nested, dict):
            self.term(nested)
            attr = {"taxonomy_term_id": nested.get("id"), **attr}
        self.attributes.append(attr)

    def dienst(self, service: dict[str, Any], pad: str) -> None:
        ident = str(service.get("id") or "")
        org = service.get("organization")
        if isinstance(org, dict):
            self.organisatie(org, f"{pad}.organization")
            service = {"organization_id": org.get("id"), **service}
        self.services.append((pad, service))
        bij = {"service_id": ident}
        self._koppel(self.phones, service, pad, "phones", bij)
        self._koppel(self.schedules, service, pad, "schedules", bij)
        self._koppel(self.service_areas, service, pad, "service_areas", bij)
        self._koppel(self.cost_options, service, pad, "cost_options", bij)
        for sub, sal in self._objecten(
            service.get("service_at_locations"), f"{pad}.service_at_locations"
        ):
            loc = sal.get("location")
            if isinstance(loc, dict):
                self.locatie(loc, f"{sub}.location")
                sal = {"location_id": loc.get("id"), **sal}
            self.service_at_locations.append({**sal, **bij, "_pad": sub, "_genest": True})
            sal_bij = {"service_id": ident, "location_id": sal.get("location_id")}
            self._koppel(self.phones, sal, sub, "phones", sal_bij)
            self._koppel(self.schedules, sal, sub, "schedules", sal_bij)
            self._koppel(self.service_areas, sal, sub, "service_areas", bij)
        for sub, attr in self._objecten(service.get("attributes"), f"{pad}.attributes"):
            # Nested under the service, the attribute describes that service, whatever its
            # link_id and link_entity say (the specification's examples hold placeholders).
            self.attribuut({**attr, "link_id": ident, "link_entity": "service", "_pad": sub})

    def dienst_op_locatie(self, sal: dict[str, Any], pad: str) -> None:
        """A service_at_location with its service nested: the service, at that location."""
        service = dict(sal["service"])
        rest = {k: v for k, v in sal.items() if k != "service"}
        service["service_at_locations"] = [rest, *(service.get("service_at_locations") or [])]
        self.dienst(service, f"{pad}.service")

    def lees_object(self, obj: dict[str, Any], pad: str) -> None:
        """One object of a list, a page or the whole file, by its kind."""
        soort = _soort(obj)
        if soort == "organization":
            self.organisatie(obj, pad)
        elif soort == "service_at_location":
            self.dienst_op_locatie(obj, pad)
        elif soort == "taxonomy_term":
            self.term(obj)
        else:
            self.dienst(obj, pad)

    def dataset(self, data: dict[str, Any]) -> None:
        """A data set with one array per table (JSON, ``tabular.json`` or the CSV package)."""
        tabellen: dict[str, list[tuple[str, object]]] = {}
        for sleutel, value in data.items():
            tabel = _tabelnaam(str(sleutel))
            if tabel is None:
                basis = str(sleutel).lower().removesuffix(".csv")
                if isinstance(value, list) and basis not in _NIET_NODIG:
                    self._meld(str(sleutel), "deze tabel kent Wegwijzer niet; niet gelezen.")
                continue
            tabellen.setdefault(tabel, []).append((str(sleutel), value))

        def lijst(tabel: str) -> Iterator[tuple[str, dict[str, Any]]]:
            for pad, value in tabellen.get(tabel, []):
                yield from self._objecten(value, pad, tabel)

        for _, term in lijst("taxonomy_terms"):
            self.term(term)
        for pad, org in lijst("organizations"):
            self.organisatie(org, pad)
        for pad, loc in lijst("locations"):
            self.locatie(loc, pad)
        for pad, service in lijst("services"):
            self.dienst(service, pad)
        for tabel, doel in (
            ("service_at_locations", self.service_at_locations),
            ("service_areas", self.service_areas),
            ("phones", self.phones),
            ("schedules", self.schedules),
            ("addresses", self.addresses),
            ("cost_options", self.cost_options),
        ):
            doel.extend({**item, "_pad": pad} for pad, item in lijst(tabel))
        for pad, attr in lijst("attributes"):
            self.attribuut({**attr, "_pad": pad})

    def lees(self, data: object) -> None:
        """Every accepted shape (see the module docstring)."""
        if isinstance(data, list):
            for pad, obj in self._objecten(data, ""):
                self.lees_object(obj, pad)
        elif not isinstance(data, dict):
            raise _fout("verwacht een JSON-object of -lijst.")
        elif isinstance(data.get("contents"), list):  # a page of an HSDS API
            for pad, obj in self._objecten(data["contents"], "contents"):
                self.lees_object(obj, pad)
        elif "id" in data or "name" in data:  # one object: a service, organization, …
            self.lees_object(data, _soort(data))
        else:
            self.dataset(data)
        if not self.services:
            if self.taxonomy_terms and not self.organizations:
                raise _fout(
                    "dit bestand bevat alleen taxonomietermen, geen diensten (services). "
                    "Lees de diensten in; de termen gebruikt u in het koppelbestand."
                )
            raise _fout("geen diensten ('services') gevonden; is dit wel HSDS 3.0?")

    def controleer_verwijzingen(self) -> None:
        """Report every flat object whose links point nowhere: it would be lost silently."""
        diensten = {str(s["id"]) for _, s in self.services if s.get("id") is not None}
        locaties = set(self.locations)
        organisaties = set(self.organizations)
        sals = {str(s["id"]) for s in self.service_at_locations if s.get("id") is not None}

        def raak(item: dict[str, Any], sleutel: str, bekend: set[str]) -> bool:
            return item.get(sleutel) is not None and str(item[sleutel]) in bekend

        for attr in self.attributes:
            entiteit = _tekst(attr.get("link_entity")).lower()
            if entiteit in _ANDERE_ENTITEITEN:
                continue  # describes something else than a service: fine, not for the kaart
            link = _tekst(attr.get("link_id"))
            if link in diensten:
                if entiteit not in {"", "service"}:
                    self._meld(
                        attr["_pad"],
                        f"link_entity {entiteit!r} is geen HSDS-tabel; het attribuut is aan de "
                        f"dienst {link!r} gekoppeld omdat link_id daarnaar wijst.",
                    )
                continue
            self._meld(
                attr["_pad"],
                f"dit attribuut hoort bij geen dienst (link_entity {entiteit or 'leeg'!r}, "
                f"link_id {link or 'leeg'!r}); niet gebruikt.",
            )
        for sal in self.service_at_locations:
            if not sal.get("_genest") and not raak(sal, "service_id", diensten):
                self._meld(
                    sal["_pad"],
                    f"service_id {_tekst(sal.get('service_id')) or 'leeg'!r} staat niet in "
                    "'services'; deze locatie is niet gebruikt.",
                )
            elif sal.get("location_id") is not None and not raak(sal, "location_id", locaties):
                self._meld(
                    sal["_pad"],
                    f"locatie {_tekst(sal['location_id'])!r} staat niet in 'locations'; "
                    "adres, telefoon en openingstijden van die locatie ontbreken.",
                )
        for naam, items in (
            ("service_areas", self.service_areas),
            ("cost_options", self.cost_options),
        ):
            for item in items:
                if not item.get("_genest") and not raak(item, "service_id", diensten):
                    self._meld(
                        item["_pad"],
                        f"service_id {_tekst(item.get('service_id')) or 'leeg'!r} staat niet in "
                        f"'services'; niet gebruikt ({naam}).",
                    )
        for schedule in self.schedules:
            if not schedule.get("_genest") and not (
                raak(schedule, "service_id", diensten)
                or raak(schedule, "location_id", locaties)
                or raak(schedule, "service_at_location_id", sals)
            ):
                self._meld(
                    schedule["_pad"],
                    "dit schema hoort bij geen dienst of locatie; niet gebruikt.",
                )
        for phone in self.phones:
            if not phone.get("_genest") and not (
                raak(phone, "service_id", diensten)
                or raak(phone, "location_id", locaties)
                or raak(phone, "organization_id", organisaties)
                or phone.get("contact_id") is not None
                or raak(phone, "service_at_location_id", sals)
            ):
                self._meld(
                    phone["_pad"],
                    "dit telefoonnummer hoort bij geen dienst, locatie of organisatie; "
                    "niet gebruikt.",
                )
        for adres in self.addresses:
            if not adres.get("_genest") and not raak(adres, "location_id", locaties):
                self._meld(
                    adres["_pad"],
                    f"location_id {_tekst(adres.get('location_id')) or 'leeg'!r} staat niet in "
                    "'locations'; dit adres is niet gebruikt.",
                )


# ---------------------------------------------------------------------------- one service


def _tekst(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _tijd(value: object) -> str:
    tekst = _tekst(value)
    return tekst[:5] if len(tekst) >= 5 and tekst[2] == ":" else tekst


def _schema_tekst(schedule: dict[str, Any]) -> str:
    if _tekst(schedule.get("description")):
        return _tekst(schedule["description"])
    dagen = []
    for deel in _tekst(schedule.get("byday")).split(","):
        deel = deel.strip().upper()
        if not deel:
            continue
        nummer, dag = deel[:-2], deel[-2:]
        naam = _DAGEN.get(dag, dag.lower())
        dagen.append(f"{nummer}e {naam} van de maand" if nummer else naam)
    tijden = ""
    if schedule.get("opens_at") and schedule.get("closes_at"):
        tijden = f"{_tijd(schedule['opens_at'])} - {_tijd(schedule['closes_at'])} uur"
    return " ".join(p for p in (", ".join(dagen), tijden) if p)


def _bedrag(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).replace(",", ".")) if value is not None else None
    except ValueError:
        return None


def _kosten(service: dict[str, Any], opties: list[dict[str, Any]]) -> str:
    if _tekst(service.get("fees_description")):
        return _tekst(service["fees_description"])
    delen = []
    for optie in opties:
        bedrag = _bedrag(optie.get("amount"))
        if bedrag == 0:
            delen.append("gratis")
        elif bedrag is not None:
            valuta = "€ " if _tekst(optie.get("currency") or "EUR").upper() == "EUR" else ""
            bedrag_tekst = f"{bedrag:.2f}".replace(".", ",")
            delen.append(
                " ".join(p for p in (f"{valuta}{bedrag_tekst}", _tekst(optie.get("option"))) if p)
            )
        elif _tekst(optie.get("option")):
            delen.append(_tekst(optie["option"]))
    return "; ".join(dict.fromkeys(delen))


def _koppel_term(koppeling: dict[str, Any], term: dict[str, Any]) -> Any:
    for sleutel in ("code", "name", "id"):
        if term.get(sleutel) is not None and _sleutel(term[sleutel]) in koppeling:
            return koppeling[_sleutel(term[sleutel])]
    return None


def _uniek(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each object once, by id.

    HSDS nests the same schedule under the service, its service_at_location and the location
    (the specification's own example does); it must not be shown three times.
    """
    gezien: set[object] = set()
    uit = []
    for item in items:
        sleutel: object = item.get("id")
        if sleutel is None:
            sleutel = tuple(sorted((k, str(v)) for k, v in item.items() if not k.startswith("_")))
        if sleutel not in gezien:
            gezien.add(sleutel)
            uit.append(item)
    return uit


def _telefoonnummer(value: object) -> str:
    """The number as written, without the quotes some exports put around it."""
    return _tekst(value).strip("\"' ").strip()


@dataclass
class _Dienst:
    """One service as a template row, with what is wrong with it."""

    pad: str
    naam: str
    raw: dict[str, str]
    #: Problems that make it no offer: it is skipped (or, with ``streng``, the file refused).
    fataal: list[KaartProbleem] = field(default_factory=list)
    #: Problems with one field: the offer is imported without it. (problem, what we did)
    velden: list[tuple[KaartProbleem, str]] = field(default_factory=list)


def _rij(
    graaf: _Graaf, pad: str, service: dict[str, Any], koppeling: Koppeling, profiel: GemeenteProfiel
) -> _Dienst:
    ident = _tekst(service.get("id"))
    dienst = _Dienst(pad, _tekst(service.get("name")), {})

    def fataal(veld: str, melding: str) -> None:
        dienst.fataal.append(KaartProbleem(0, veld, melding, pad=pad))

    def veld(veld: str, melding: str, gevolg: str) -> None:
        dienst.velden.append((KaartProbleem(0, veld, melding, pad=pad), gevolg))

    org_id = _tekst(service.get("organization_id"))
    org = graaf.organizations.get(org_id) if org_id else None
    if org is None:
        if org_id:
            fataal("organization_id", f"organisatie {org_id!r} staat niet in 'organizations'.")
        else:
            fataal("organization_id", "deze dienst hoort bij geen organisatie.")
        org = {}

    terms: list[dict[str, Any]] = []
    for attr in graaf.bij("attr", "link_id", ident):
        if _tekst(attr.get("link_entity")).lower() in _ANDERE_ENTITEITEN:
            continue
        term_id = _tekst(attr.get("taxonomy_term_id"))
        term = graaf.taxonomy_terms.get(term_id)
        if term is None:
            veld(
                "attributes",
                f"taxonomieterm {term_id!r} staat niet in 'taxonomy_terms'.",
                "Deze term is niet gebruikt.",
            )
            continue
        terms.append(term)
    terms = _uniek(terms)
    themas: list[str] = []
    niveaus: list[Niveau] = []
    doelgroepen: list[str] = []
    for term in terms:
        themas.extend(_koppel_term(koppeling.themas, term) or ())
        niveau = _koppel_term(koppeling.niveaus, term)
        if niveau is not None:
            niveaus.append(niveau)
        doelgroepen.extend(_koppel_term(koppeling.doelgroepen, term) or ())
    if not themas:
        namen = ", ".join(repr(_tekst(t.get("name") or t.get("code"))) for t in terms) or "geen"
        melding = f"geen thema: geen van de taxonomietermen ({namen}) staat onder 'thema' in de koppeling."
        if koppeling.standaard_themas:
            themas = list(koppeling.standaard_themas)
            if terms:  # a feed with taxonomy that the mapping does not cover yet
                veld(
                    VELDNAMEN["themas"],
                    melding,
                    f"Het standaard_thema ({', '.join(themas)}) is gebruikt.",
                )
        else:
            fataal(VELDNAMEN["themas"], melding + " Of geef in de koppeling een standaard_thema.")
    niveau_keuze = max(niveaus, key=lambda n: n.rang) if niveaus else koppeling.standaard_niveau
    if niveau_keuze is None:
        fataal(
            VELDNAMEN["niveau"],
            "geen niveau: geen taxonomieterm staat onder 'niveau' in de koppeling, en de "
            "koppeling heeft geen standaard_niveau.",
        )

    wijken: list[str | None] = []
    for area in _uniek(graaf.bij("area", "service_id", ident)):
        naam = _tekst(area.get("name"))
        if not naam:
            continue
        if _sleutel(naam) in koppeling.gebieden:
            wijken.append(koppeling.gebieden[_sleutel(naam)])
        elif (profiel_wijk := profiel.wijk_by_naam(naam)) is not None:
            wijken.append(profiel_wijk.naam)
        elif _sleutel(naam) in {
            _sleutel(profiel.naam),
            _sleutel(profiel.naam.removeprefix("Gemeente ")),
        }:
            wijken.append(None)
        else:
            wijknamen = [w.naam for w in profiel.wijken]
            kort = naam if len(naam) <= 60 else naam[:57] + "..."
            veld(
                "service_areas",
                f"de wijk {kort!r} staat niet in het gemeenteprofiel en niet onder 'gebied' in "
                f"de koppeling.{_suggest(naam, wijknamen)} Voeg het gebied toe aan de koppeling, "
                f"eventueel als '{HELE_GEMEENTE}'.",
                "Dit gebied is niet gebruikt.",
            )
    # One wijk per offer on our kaart: several wijken means it is for the whole gemeente.
    uniek = set(wijken)
    wijk: str | None = uniek.pop() if len(uniek) == 1 else None

    loc_ids = list(
        dict.fromkeys(
            _tekst(sal.get("location_id")) for sal in graaf.bij("sal", "service_id", ident)
        )
    )
    adres: dict[str, Any] = {}
    for loc_id in loc_ids:
        kandidaten = _uniek(list(graaf.bij("address", "location_id", loc_id)))
        kandidaten.sort(key=lambda a: a.get("address_type") != "physical")
        if kandidaten:
            adres = kandidaten[0]
            break

    def telefoon() -> str:
        eigen = graaf.bij("phone", "service_id", ident)
        lagen = [
            [p for p in eigen if not p.get("location_id")],
            eigen,
            [
                p
                for loc_id in loc_ids
                for p in graaf.bij("phone", "location_id", loc_id)
                if not p.get("service_id")
            ],
            graaf.bij("phone", "organization_id", org_id),
        ]
        for laag in lagen:
            for phone in laag:
                nummer = _telefoonnummer(phone.get("number"))
                if nummer:
                    extensie = _tekst(phone.get("extension"))
                    return nummer + (f" toestel {extensie}" if extensie else "")
        return ""

    nummer = telefoon()
    cijfers = sum(c.isdigit() for c in nummer.split(" toestel ")[0])
    if nummer and not (_TELEFOON.match(nummer.split(" toestel ")[0]) and 3 <= cijfers <= 15):
        veld(VELDNAMEN["telefoon"], f"{nummer!r} is geen telefoonnummer.", "")
        nummer = ""

    schemas = graaf.bij("schedule", "service_id", ident) or [
        s
        for loc_id in loc_ids
        for s in graaf.bij("schedule", "location_id", loc_id)
        if not s.get("service_id")
    ]
    schema_teksten = dict.fromkeys(t for t in (_schema_tekst(s) for s in _uniek(schemas)) if t)
    opties = _uniek(graaf.bij("cost", "service_id", ident))
    trefwoorden = [_tekst(service.get("alternate_name"))] + [_tekst(t.get("name")) for t in terms]
    trefwoorden = [t.replace(";", ",").replace("|", "/") for t in dict.fromkeys(trefwoorden) if t]

    leeftijden: dict[str, str] = {}
    for kolom, hsds_veld in (("leeftijd_min", "minimum_age"), ("leeftijd_max", "maximum_age")):
        waarde = service.get(hsds_veld)
        if isinstance(waarde, bool) or (
            waarde is not None and not isinstance(waarde, (int, float, str))
        ):
            veld(hsds_veld, f"verwacht een getal, gevonden {type(waarde).__name__}.", "")
            waarde = None
        leeftijden[kolom] = _tekst(waarde)

    website = _tekst(service.get("url") or org.get("website") or org.get("url"))
    if website and urlsplit(website).scheme.lower() not in {"", "http", "https"}:
        veld(VELDNAMEN["website"], f"{website!r} is geen webadres (http of https).", "")
        website = ""

    dienst.raw = {
        "id": f"{koppeling.id_voorvoegsel}{ident}" if ident else "",
        "naam": dienst.naam,
        "organisatie": _tekst(org.get("name")),
        "omschrijving": _tekst(service.get("description")),
        "themas": ";".join(dict.fromkeys(themas)),
        "niveau": niveau_keuze.value if niveau_keuze else "",
        "doelgroepen": ";".join(dict.fromkeys(doelgroepen)),
        **leeftijden,
        "wijk": wijk or "",
        "adres": " ".join(
            p for p in (_tekst(adres.get("address_1")), _tekst(adres.get("address_2"))) if p
        ),
        "postcode": _tekst(adres.get("postal_code")),
        "plaats": _tekst(adres.get("city")),
        "telefoon": nummer,
        "email": _tekst(service.get("email") or org.get("email")),
        "website": website,
        "openingstijden": "; ".join(schema_teksten),
        "kosten": _kosten(service, opties),
        "trefwoorden": ";".join(trefwoorden),
        "laatst_gecontroleerd": _tekst(service.get("assured_date"))[:10],
        "organisatie_email": _tekst(org.get("email")),
    }
    return dienst


# ------------------------------------------------------------------------------ the whole file


@dataclass
class HsdsGelezen:
    """The offers of an HSDS file, and what was left out or could not be used."""

    rijen: list[AanbodRij]
    #: One line per service not imported: not active, or not usable as an offer (and why).
    overgeslagen: list[str] = field(default_factory=list)
    #: One line per field left out of an imported offer, and per object that was not linked.
    opmerkingen: list[str] = field(default_factory=list)


def _regel(pad: str, naam: str, probleem: KaartProbleem) -> str:
    waar = f"{pad} ({naam!r})" if naam else pad
    veld = f", veld {probleem.kolom}" if probleem.kolom else ""
    return f"{waar}{veld}: {probleem.melding}"


def lees_hsds(
    path: Path, koppeling_pad: Path, profiel: GemeenteProfiel, *, streng: bool = False
) -> HsdsGelezen:
    """Validated rows of an HSDS file (JSON or CSV package), and what was left out and why.

    Without ``streng`` the usable part of a feed is imported; with it, any problem refuses
    the whole file with every problem listed (a :class:`KaartFout`). Inactive services are
    left out in both modes: that is what they are for.
    """
    koppeling = lees_koppeling(koppeling_pad, profiel)
    bron = lees_bron(path)
    graaf = _Graaf(csv_bestanden=bron.csv_bestanden)
    graaf.lees(bron.data)
    graaf.indexeer()
    graaf.controleer_verwijzingen()
    wijken = [w.naam for w in profiel.wijken]

    uitkomst = HsdsGelezen([], opmerkingen=list(bron.opmerkingen))
    problemen: list[KaartProbleem] = list(graaf.meldingen)
    uitkomst.opmerkingen.extend(str(p) for p in graaf.meldingen)
    eerste: dict[str, str] = {}  # id → path of the service that has it
    for nummer, (pad, service) in enumerate(graaf.services, start=1):
        status = _tekst(service.get("status") or "active").lower()
        if status != "active":
            uitkomst.overgeslagen.append(
                f"{pad} ({_tekst(service.get('name'))!r}): status {status}"
            )
            continue
        dienst = _rij(graaf, pad, service, koppeling, profiel)
        eigen_fataal = {p.kolom for p in dienst.fataal}
        _, rij_problemen = validate_row(dienst.raw, nummer, wijken)
        for p in rij_problemen:
            veldnaam = VELDNAMEN.get(p.kolom or "", p.kolom)
            if p.kolom in _RECORD_KOLOMMEN:
                # An empty required field is already explained by our own, clearer message.
                if not (
                    p.melding.startswith("dit veld is verplicht")
                    and (veldnaam in eigen_fataal or (p.kolom == "organisatie" and eigen_fataal))
                ):
                    dienst.fataal.append(KaartProbleem(0, veldnaam, p.melding, pad=pad))
            elif p.kolom is not None:
                dienst.velden.append((KaartProbleem(0, veldnaam, p.melding, pad=pad), ""))
                dienst.raw[p.kolom] = ""
        ident = dienst.raw["id"]
        if ident and ident in eerste:
            dienst.fataal.append(
                KaartProbleem(0, "id", f"id {ident!r} komt al voor in {eerste[ident]}.", pad=pad)
            )
        elif ident:
            eerste[ident] = pad
        problemen.extend(dienst.fataal)
        problemen.extend(p for p, _ in dienst.velden)
        if dienst.fataal:
            redenen = "; ".join(_regel(pad, "", p).removeprefix(pad + ", ") for p in dienst.fataal)
            waar = f"{pad} ({dienst.naam!r})" if dienst.naam else pad
            uitkomst.overgeslagen.append(f"{waar}: niet ingelezen: {redenen}")
            continue
        for p, gevolg in dienst.velden:
            uitkomst.opmerkingen.append(
                f"{_regel(pad, dienst.naam, p)} {gevolg or 'Ingelezen zonder dit veld.'}"
            )
        try:
            (rij,) = validate_rows([(nummer, dienst.raw)], wijken)
        except KaartFout as exc:  # cannot happen: every bad field was emptied above
            problemen.extend(exc.problemen)
            uitkomst.overgeslagen.append(f"{pad} ({dienst.naam!r}): niet ingelezen: {exc}")
            continue
        uitkomst.rijen.append(rij)
    if streng and problemen:
        raise KaartFout(problemen)
    if not uitkomst.rijen and problemen:
        # Nothing usable at all: say so as an error, not as an import of 0 offers.
        raise KaartFout(problemen)
    return uitkomst
