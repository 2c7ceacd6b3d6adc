"""Import from Open Referral HSDS 3.0 JSON, with a small mapping file to our thema codes.

Accepted shapes, as exported by HSDS tools and APIs:

* a data set object with flat arrays linked by id: ``organizations``, ``services``,
  ``locations``, ``service_at_locations``, ``service_areas``, ``taxonomies``,
  ``taxonomy_terms``, ``attributes``, ``phones``, ``schedules``, ``addresses``,
  ``cost_options``;
* the API shape: a list of (compiled) services, or a page ``{"contents": [...]}``, with the
  organization, service_at_locations → location, attributes → taxonomy_term, phones,
  schedules and service_areas nested;
* organizations with their ``services`` and ``locations`` nested.

Each service becomes one template row and goes through the same validation as a CSV row;
problems name the JSON path (``services[3]``) and the HSDS field.

The mapping file (YAML) says what the source's taxonomy means for us::

    thema:                 # taxonomy term code, name or id → one or more thema codes
      "MZ-01": mantelzorg
      "Respijtzorg": [mantelzorg, dementie]
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

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kern.gemeente import GemeenteProfiel
from kern.themas import DOELGROEPEN, THEMAS, Niveau
from sociale_kaart.synoniemen import dichtstbijzijnde_thema
from sociale_kaart.template import AanbodRij, KaartFout, KaartProbleem, _suggest, validate_rows

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
}

_DAGEN = {"MO": "ma", "TU": "di", "WE": "wo", "TH": "do", "FR": "vr", "SA": "za", "SU": "zo"}


def _sleutel(value: object) -> str:
    return " ".join(str(value).split()).casefold()


# ------------------------------------------------------------------------------ mapping file


@dataclass(frozen=True)
class Koppeling:
    """What the source's taxonomy terms and areas mean on our kaart."""

    themas: dict[str, tuple[str, ...]]
    niveaus: dict[str, Niveau]
    doelgroepen: dict[str, tuple[str, ...]]
    gebieden: dict[str, str | None]
    standaard_niveau: Niveau | None = None
    id_voorvoegsel: str = ""


def _lijst(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value).strip()] if value is not None and str(value).strip() else []


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

    def blok(naam: str) -> dict[str, Any]:
        value = data.get(naam) or {}
        if not isinstance(value, dict):
            problemen.append(
                KaartProbleem(0, None, "verwacht een blok 'term: waarde'.", pad=f"{waar}: {naam}")
            )
            return {}
        return value

    themas: dict[str, tuple[str, ...]] = {}
    for term, codes in blok("thema").items():
        goed = []
        for code in _lijst(codes):
            if code.lower() in THEMAS:
                goed.append(code.lower())
            else:
                problemen.append(
                    KaartProbleem(
                        0,
                        None,
                        f"onbekend thema {code!r}. Bedoelt u {dichtstbijzijnde_thema(code)!r}?",
                        pad=f"{waar}: thema[{term!r}]",
                    )
                )
        themas[_sleutel(term)] = tuple(goed)
    niveaus: dict[str, Niveau] = {}
    opties = [n.value for n in Niveau]
    for term, waarde in blok("niveau").items():
        try:
            niveaus[_sleutel(term)] = Niveau(str(waarde).strip().lower())
        except ValueError:
            problemen.append(
                KaartProbleem(
                    0,
                    None,
                    f"onbekend niveau {waarde!r}; kies uit {', '.join(opties)}."
                    f"{_suggest(str(waarde).lower(), opties)}",
                    pad=f"{waar}: niveau[{term!r}]",
                )
            )
    doelgroepen: dict[str, tuple[str, ...]] = {}
    for term, groepen in blok("doelgroep").items():
        goed = []
        for groep in _lijst(groepen):
            if groep.lower() in DOELGROEPEN:
                goed.append(groep.lower())
            else:
                problemen.append(
                    KaartProbleem(
                        0,
                        None,
                        f"onbekende doelgroep {groep!r}.{_suggest(groep.lower(), DOELGROEPEN)}",
                        pad=f"{waar}: doelgroep[{term!r}]",
                    )
                )
        doelgroepen[_sleutel(term)] = tuple(goed)
    gebieden: dict[str, str | None] = {}
    for gebied, wijk in blok("gebied").items():
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
    standaard: Niveau | None = None
    if data.get("standaard_niveau"):
        try:
            standaard = Niveau(str(data["standaard_niveau"]).strip().lower())
        except ValueError:
            problemen.append(
                KaartProbleem(
                    0,
                    None,
                    f"onbekend niveau; kies uit {', '.join(opties)}.",
                    pad=f"{waar}: standaard_niveau",
                )
            )
    if problemen:
        raise KaartFout(problemen)
    return Koppeling(
        themas=themas,
        niveaus=niveaus,
        doelgroepen=doelgroepen,
        gebieden=gebieden,
        standaard_niveau=standaard,
        id_voorvoegsel=str(data.get("id_voorvoegsel") or ""),
    )


# --------------------------------------------------------------------------- the HSDS graph


@dataclass
class _Graaf:
    """All HSDS objects by kind, wherever they were nested, each with its JSON path."""

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
    problemen: list[KaartProbleem] = field(default_factory=list)
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

    def _objecten(self, value: object, pad: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if value is None:
            return
        if not isinstance(value, list):
            self.problemen.append(KaartProbleem(0, None, "verwacht een lijst.", pad=pad))
            return
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield f"{pad}[{i}]", item
            else:
                self.problemen.append(
                    KaartProbleem(0, None, "verwacht een object.", pad=f"{pad}[{i}]")
                )

    def _koppel(
        self,
        items: list[dict[str, Any]],
        obj: dict[str, Any],
        pad: str,
        sleutel: str,
        bij: dict[str, Any],
    ) -> None:
        for _, item in self._objecten(obj.get(sleutel), f"{pad}.{sleutel}"):
            items.append({**bij, **item})

    def organisatie(self, org: dict[str, Any], pad: str) -> None:
        ident = str(org.get("id") or pad)
        self.organizations.setdefault(ident, org)
        for sub, loc in self._objecten(org.get("locations"), f"{pad}.locations"):
            self.locatie({"organization_id": ident, **loc}, sub)
        self._koppel(self.phones, org, pad, "phones", {"organization_id": ident})
        for sub, service in self._objecten(org.get("services"), f"{pad}.services"):
            self.dienst({"organization_id": ident, **service}, sub)

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
            self.service_at_locations.append({**bij, **sal})
            sal_bij = {"service_id": ident, "location_id": sal.get("location_id")}
            self._koppel(self.phones, sal, sub, "phones", sal_bij)
            self._koppel(self.schedules, sal, sub, "schedules", sal_bij)
            self._koppel(self.service_areas, sal, sub, "service_areas", bij)
        for _, attr in self._objecten(service.get("attributes"), f"{pad}.attributes"):
            self.attribuut({"link_id": ident, "link_entity": "service", **attr})

    def lees(self, data: object) -> None:
        if isinstance(data, list):
            data = {"services": data}
        if not isinstance(data, dict):
            self.problemen.append(
                KaartProbleem(0, None, "verwacht een JSON-object of -lijst.", pad="$")
            )
            return
        if "contents" in data and "services" not in data:
            data = {**data, "services": data["contents"]}
            naam_services = "contents"
        else:
            naam_services = "services"
        for _, term in self._objecten(data.get("taxonomy_terms"), "taxonomy_terms"):
            self.term(term)
        for pad, org in self._objecten(data.get("organizations"), "organizations"):
            self.organisatie(org, pad)
        for pad, loc in self._objecten(data.get("locations"), "locations"):
            self.locatie(loc, pad)
        for pad, service in self._objecten(data.get("services"), naam_services):
            self.dienst(service, pad)
        for naam, doel in (
            ("service_at_locations", self.service_at_locations),
            ("service_areas", self.service_areas),
            ("phones", self.phones),
            ("schedules", self.schedules),
            ("addresses", self.addresses),
            ("cost_options", self.cost_options),
        ):
            doel.extend(item for _, item in self._objecten(data.get(naam), naam))
        for _, attr in self._objecten(data.get("attributes"), "attributes"):
            self.attribuut(attr)
        if not self.services and not self.problemen:
            self.problemen.append(
                KaartProbleem(
                    0, None, "geen 'services' gevonden; is dit wel HSDS 3.0-JSON?", pad="$"
                )
            )


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


def _kosten(service: dict[str, Any], opties: list[dict[str, Any]]) -> str:
    if _tekst(service.get("fees_description")):
        return _tekst(service["fees_description"])
    delen = []
    for optie in opties:
        bedrag = optie.get("amount")
        if isinstance(bedrag, (int, float)) and bedrag == 0:
            delen.append("gratis")
        elif isinstance(bedrag, (int, float)):
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


def _rij(
    graaf: _Graaf, pad: str, service: dict[str, Any], koppeling: Koppeling, profiel: GemeenteProfiel
) -> tuple[dict[str, str], list[KaartProbleem]]:
    ident = _tekst(service.get("id"))
    problemen: list[KaartProbleem] = []

    def fout(veld: str, melding: str) -> None:
        problemen.append(KaartProbleem(0, veld, melding, pad=pad))

    org_id = _tekst(service.get("organization_id"))
    org = graaf.organizations.get(org_id) if org_id else None
    if org is None:
        if org_id:
            fout("organization_id", f"organisatie {org_id!r} staat niet in 'organizations'.")
        else:
            fout("organization_id", "deze dienst hoort bij geen organisatie.")
        org = {}

    terms: list[dict[str, Any]] = []
    for attr in graaf.bij("attr", "link_id", ident):
        if attr.get("link_entity") not in (None, "service"):
            continue
        term_id = _tekst(attr.get("taxonomy_term_id"))
        term = graaf.taxonomy_terms.get(term_id)
        if term is None:
            fout("attributes", f"taxonomieterm {term_id!r} staat niet in 'taxonomy_terms'.")
            continue
        terms.append(term)
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
        fout(
            VELDNAMEN["themas"],
            f"geen thema: geen van de taxonomietermen ({namen}) staat onder 'thema' in de koppeling.",
        )
    niveau_keuze = max(niveaus, key=lambda n: n.rang) if niveaus else koppeling.standaard_niveau

    wijken: list[str | None] = []
    for area in graaf.bij("area", "service_id", ident):
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
            fout(
                "service_areas",
                f"de wijk {naam!r} staat niet in het gemeenteprofiel en niet onder 'gebied' in "
                f"de koppeling.{_suggest(naam, wijknamen)} Voeg het gebied toe aan de koppeling, "
                f"eventueel als '{HELE_GEMEENTE}'.",
            )
    # One wijk per offer on our kaart: several wijken means it is for the whole gemeente.
    uniek = set(wijken)
    wijk: str | None = uniek.pop() if len(uniek) == 1 else None

    loc_ids = [_tekst(sal.get("location_id")) for sal in graaf.bij("sal", "service_id", ident)]
    adres: dict[str, Any] = {}
    for loc_id in loc_ids:
        kandidaten = list(graaf.bij("address", "location_id", loc_id))
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
                if _tekst(phone.get("number")):
                    extensie = _tekst(phone.get("extension"))
                    return _tekst(phone["number"]) + (f" toestel {extensie}" if extensie else "")
        return ""

    schemas = graaf.bij("schedule", "service_id", ident) or [
        s
        for loc_id in loc_ids
        for s in graaf.bij("schedule", "location_id", loc_id)
        if not s.get("service_id")
    ]
    opties = graaf.bij("cost", "service_id", ident)
    trefwoorden = [_tekst(service.get("alternate_name"))] + [_tekst(t.get("name")) for t in terms]
    trefwoorden = [t.replace(";", ",").replace("|", "/") for t in dict.fromkeys(trefwoorden) if t]

    leeftijden: dict[str, str] = {}
    for kolom, veld in (("leeftijd_min", "minimum_age"), ("leeftijd_max", "maximum_age")):
        waarde = service.get(veld)
        if isinstance(waarde, bool) or (
            waarde is not None and not isinstance(waarde, (int, float, str))
        ):
            fout(veld, f"verwacht een getal, gevonden {type(waarde).__name__}.")
            waarde = None
        leeftijden[kolom] = _tekst(waarde)

    raw = {
        "id": f"{koppeling.id_voorvoegsel}{ident}" if ident else "",
        "naam": _tekst(service.get("name")),
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
        "telefoon": telefoon(),
        "email": _tekst(service.get("email") or org.get("email")),
        "website": _tekst(service.get("url") or org.get("website") or org.get("url")),
        "openingstijden": "; ".join(t for t in (_schema_tekst(s) for s in schemas) if t),
        "kosten": _kosten(service, opties),
        "trefwoorden": ";".join(trefwoorden),
        "laatst_gecontroleerd": _tekst(service.get("assured_date"))[:10],
    }
    return raw, problemen


def lees_hsds(
    path: Path, koppeling_pad: Path, profiel: GemeenteProfiel
) -> tuple[list[AanbodRij], list[str]]:
    """Validated rows of an HSDS file, and a note per service left out (not active)."""
    koppeling = lees_koppeling(koppeling_pad, profiel)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise KaartFout([KaartProbleem(0, None, f"Het bestand {path} bestaat niet.")]) from None
    except UnicodeDecodeError:
        raise KaartFout(
            [KaartProbleem(0, None, f"{path.name} is geen UTF-8-tekst; JSON moet UTF-8 zijn.")]
        ) from None
    except json.JSONDecodeError as exc:
        raise KaartFout(
            [KaartProbleem(exc.lineno, None, f"geen geldige JSON: {exc.msg} (kolom {exc.colno}).")]
        ) from None
    graaf = _Graaf()
    graaf.lees(data)
    graaf.indexeer()
    problemen = list(graaf.problemen)
    records: list[tuple[int, dict[str, str]]] = []
    paden: dict[int, str] = {}
    overgeslagen: list[str] = []
    eigen_paden: set[str] = set()
    for pad, service in graaf.services:
        status = _tekst(service.get("status") or "active").lower()
        if status != "active":
            overgeslagen.append(f"{pad} ({_tekst(service.get('name'))!r}): status {status}")
            continue
        raw, rij_problemen = _rij(graaf, pad, service, koppeling, profiel)
        problemen.extend(rij_problemen)
        eigen_paden.update(p.pad for p in rij_problemen if p.pad)
        nummer = len(records) + 1
        records.append((nummer, raw))
        paden[nummer] = pad
    try:
        rijen = validate_rows(
            records, [w.naam for w in profiel.wijken], paden=paden, veldnamen=VELDNAMEN
        )
    except KaartFout as exc:
        # An empty required field is already explained by our own, clearer message.
        problemen.extend(
            p
            for p in exc.problemen
            if not (p.pad in eigen_paden and p.melding.startswith("dit veld is verplicht"))
        )
        rijen = []
    if problemen:
        raise KaartFout(problemen)
    return rijen, overgeslagen
