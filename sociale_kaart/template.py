"""The CSV template gemeenten keep their kaart in: reading and validating it row by row.

Gemeenten edit this file in Excel, so we accept what Excel writes (semicolons, a BOM,
Windows-1252, Dutch dates) and report every problem in Dutch with row number and column.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from rapidfuzz import fuzz, process

from kern.themas import DOELGROEPEN, KAART_ID, THEMAS, Niveau
from sociale_kaart.synoniemen import dichtstbijzijnde_thema

KOLOMMEN: tuple[str, ...] = (
    "id",
    "naam",
    "organisatie",
    "omschrijving",
    "themas",
    "niveau",
    "doelgroepen",
    "leeftijd_min",
    "leeftijd_max",
    "wijk",
    "adres",
    "postcode",
    "plaats",
    "telefoon",
    "email",
    "website",
    "openingstijden",
    "kosten",
    "trefwoorden",
    "laatst_gecontroleerd",
)
VERPLICHT = ("id", "naam", "organisatie", "themas", "niveau")
#: Columns a file may have; older files without them import as before.
#: ``organisatie_email``: the organisation's own contact address for the check mails (one
#: value per organisation; a row may leave it empty when another row of it has it).
OPTIONELE_KOLOMMEN: tuple[str, ...] = ("organisatie_email",)

_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})?$")
_EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")


@dataclass(frozen=True)
class KaartProbleem:
    """One problem in an import file.

    ``rij`` is the spreadsheet row (header is row 1); JSON sources (HSDS) set ``pad`` instead,
    e.g. ``services[3]``, and name the JSON field in ``kolom``.
    """

    rij: int
    kolom: str | None
    melding: str
    pad: str | None = None

    def __str__(self) -> str:
        if self.pad:
            veld = f", veld {self.kolom}" if self.kolom else ""
            return f"{self.pad}{veld}: {self.melding}"
        if self.rij == 0:
            return self.melding
        kolom = f", kolom {self.kolom}" if self.kolom else ""
        return f"Rij {self.rij}{kolom}: {self.melding}"


class KaartFout(ValueError):
    """The file cannot be imported; holds every problem found, not just the first."""

    def __init__(self, problemen: Sequence[KaartProbleem]):
        self.problemen = list(problemen)
        lines = [str(p) for p in self.problemen[:50]]
        if len(self.problemen) > 50:
            lines.append(f"... en nog {len(self.problemen) - 50} problemen.")
        super().__init__("De sociale kaart is niet ingelezen:\n" + "\n".join(lines))


@dataclass(frozen=True)
class AanbodRij:
    """A validated row of the template, normalised (codes lower-case, dates parsed)."""

    id: str
    naam: str
    organisatie: str
    omschrijving: str
    themas: tuple[str, ...]
    niveau: Niveau
    doelgroepen: tuple[str, ...]
    leeftijd_min: int | None
    leeftijd_max: int | None
    wijk: str | None
    adres: str | None
    postcode: str | None
    plaats: str | None
    telefoon: str | None
    email: str | None
    website: str | None
    openingstijden: str | None
    kosten: str | None
    trefwoorden: tuple[str, ...]
    laatst_gecontroleerd: date | None
    rij: int = field(default=0, compare=False)
    #: ``None``: the file has no such column (keep what is stored); ``""``: empty cell.
    organisatie_email: str | None = field(default=None, compare=False)


#: Well-formed multi-byte UTF-8 sequences; Windows-1252 text practically never contains them.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _regel(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), falling back to Excel's Windows-1252.

    A file that mixes both (part pasted from another file) is refused with the line of the
    first bad byte: decoding it as Windows-1252 would silently turn every 'é' into 'Ã©'.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise KaartFout(
                [KaartProbleem(0, None, f"Het bestand is beschadigd (UTF-16, byte {exc.start}).")]
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        regel = _regel(data, exc.start)
        if _UTF8_MULTIBYTE.search(data):
            raise KaartFout(
                [
                    KaartProbleem(
                        regel,
                        None,
                        "het bestand is deels UTF-8 en deels een andere tekenset (bijvoorbeeld "
                        f"Windows-1252): byte 0x{data[exc.start]:02X} op deze regel is "
                        "onleesbaar. Sla het bestand in Excel opnieuw op als 'CSV UTF-8'.",
                    )
                ]
            ) from None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise KaartFout(
            [
                KaartProbleem(
                    _regel(data, exc.start),
                    None,
                    f"byte 0x{data[exc.start]:02X} is geen tekst in UTF-8 of Windows-1252 (Excel). "
                    "Is dit wel een CSV-bestand?",
                )
            ]
        ) from None


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;|]", value) if part.strip()]


def _suggest(value: str, options: Iterable[str]) -> str:
    # rapidfuzz's ratio is difflib's (2·matches / total length), in C; the kaart's search uses
    # rapidfuzz already, so the package has one fuzzy matcher.
    close = process.extractOne(value, list(options), scorer=fuzz.ratio, score_cutoff=50)
    return f" Bedoelt u {close[0]!r}?" if close else ""


def _suggest_thema(value: str) -> str:
    return f" Bedoelt u {dichtstbijzijnde_thema(value)!r}?"


def _parse_date(value: str) -> date | None:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _parse_leeftijd(value: str) -> int | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{1,3}", value):
        raise ValueError(f"{value!r} is geen leeftijd; gebruik een heel getal zoals 18.")
    number = int(value)
    if number > 120:
        raise ValueError(f"{value} is geen geldige leeftijd (0 tot en met 120).")
    return number


def validate_row(
    raw: dict[str, str], rij: int, wijken: Iterable[str]
) -> tuple[AanbodRij | None, list[KaartProbleem]]:
    """Validate one row; return the row (or ``None``) and all problems found in it."""
    problemen: list[KaartProbleem] = []

    def fout(kolom: str, melding: str) -> None:
        problemen.append(KaartProbleem(rij, kolom, melding))

    values = {k: (raw.get(k) or "").strip() for k in KOLOMMEN}
    for kolom in VERPLICHT:
        if not values[kolom]:
            fout(kolom, "dit veld is verplicht en is leeg.")
    if values["id"] and not KAART_ID.match(values["id"]):
        fout("id", f"{values['id']!r} mag alleen letters, cijfers, '-', '_' en '.' bevatten.")

    themas: list[str] = []
    for code in _split(values["themas"].lower()):
        if code in THEMAS:
            themas.append(code)
        else:
            fout("themas", f"onbekend thema {code!r}.{_suggest_thema(code)}")
    niveau: Niveau | None = None
    if values["niveau"]:
        try:
            niveau = Niveau(values["niveau"].lower())
        except ValueError:
            opties = [n.value for n in Niveau]
            fout(
                "niveau",
                f"onbekend niveau {values['niveau']!r}; kies uit {', '.join(opties)}."
                f"{_suggest(values['niveau'].lower(), opties)}",
            )
    doelgroepen: list[str] = []
    for groep in _split(values["doelgroepen"].lower()):
        if groep in DOELGROEPEN:
            doelgroepen.append(groep)
        else:
            fout("doelgroepen", f"onbekende doelgroep {groep!r}.{_suggest(groep, DOELGROEPEN)}")

    leeftijden: dict[str, int | None] = {}
    for kolom in ("leeftijd_min", "leeftijd_max"):
        try:
            leeftijden[kolom] = _parse_leeftijd(values[kolom])
        except ValueError as exc:
            fout(kolom, str(exc))
            leeftijden[kolom] = None
    lmin, lmax = leeftijden["leeftijd_min"], leeftijden["leeftijd_max"]
    if lmin is not None and lmax is not None and lmin > lmax:
        fout("leeftijd_max", f"leeftijd_max ({lmax}) is lager dan leeftijd_min ({lmin}).")

    wijk: str | None = None
    if values["wijk"]:
        bekende = {w.casefold(): w for w in wijken}
        wijk = bekende.get(values["wijk"].casefold())
        if wijk is None:
            fout(
                "wijk",
                f"de wijk {values['wijk']!r} staat niet in het gemeenteprofiel."
                f"{_suggest(values['wijk'], bekende.values())} Laat leeg voor de hele gemeente.",
            )

    postcode: str | None = None
    if values["postcode"]:
        match = _POSTCODE.match(values["postcode"].replace(" ", "")) or _POSTCODE.match(
            values["postcode"]
        )
        if match:
            postcode = match.group(1) + (f" {match.group(2).upper()}" if match.group(2) else "")
        else:
            fout("postcode", f"{values['postcode']!r} is geen postcode zoals 1234 AB.")
    if values["email"] and not _EMAIL.match(values["email"]):
        fout("email", f"{values['email']!r} is geen geldig e-mailadres.")
    org_email = raw.get("organisatie_email")
    org_email = None if org_email is None else org_email.strip()
    if org_email and (not _EMAIL.match(org_email) or len(org_email) > 200):
        fout("organisatie_email", f"{org_email!r} is geen geldig e-mailadres.")
    website = values["website"] or None
    if website and not website.lower().startswith(("http://", "https://")):
        if " " in website or "." not in website:
            fout("website", f"{website!r} is geen geldig webadres.")
        else:
            website = "https://" + website
    gecontroleerd: date | None = None
    if values["laatst_gecontroleerd"]:
        gecontroleerd = _parse_date(values["laatst_gecontroleerd"])
        if gecontroleerd is None:
            fout(
                "laatst_gecontroleerd",
                f"{values['laatst_gecontroleerd']!r} is geen datum; gebruik JJJJ-MM-DD.",
            )

    if problemen or niveau is None:
        return None, problemen
    return (
        AanbodRij(
            id=values["id"],
            naam=values["naam"],
            organisatie=values["organisatie"],
            omschrijving=values["omschrijving"],
            themas=tuple(dict.fromkeys(themas)),
            niveau=niveau,
            doelgroepen=tuple(dict.fromkeys(doelgroepen)),
            leeftijd_min=lmin,
            leeftijd_max=lmax,
            wijk=wijk,
            adres=values["adres"] or None,
            postcode=postcode,
            plaats=values["plaats"] or None,
            telefoon=values["telefoon"] or None,
            email=values["email"] or None,
            website=website,
            openingstijden=values["openingstijden"] or None,
            kosten=values["kosten"] or None,
            trefwoorden=tuple(_split(values["trefwoorden"])),
            laatst_gecontroleerd=gecontroleerd,
            rij=rij,
            organisatie_email=org_email,
        ),
        [],
    )


def validate_rows(
    records: Iterable[tuple[int, dict[str, str]]],
    wijken: Iterable[str],
    *,
    paden: Mapping[int, str] | None = None,
    veldnamen: Mapping[str, str] | None = None,
) -> list[AanbodRij]:
    """Validate all rows; raise :class:`KaartFout` with every problem, or return all rows.

    Sources that are not spreadsheets (HSDS JSON) pass ``paden`` (record number → JSON path)
    and ``veldnamen`` (template column → their field name) so messages point into their file.
    """
    wijk_namen = list(wijken)
    rijen: list[AanbodRij] = []
    problemen: list[KaartProbleem] = []
    first_seen: dict[str, int] = {}
    org_emails: dict[str, tuple[str, int]] = {}

    def waar(rij: int) -> str:
        return f"{paden[rij]}" if paden is not None else f"rij {rij}"

    for rij, raw in records:
        parsed, row_problems = validate_row(raw, rij, wijk_namen)
        problemen.extend(row_problems)
        ident = (raw.get("id") or "").strip()
        if ident:
            if ident in first_seen:
                problemen.append(
                    KaartProbleem(
                        rij, "id", f"id {ident!r} komt al voor in {waar(first_seen[ident])}."
                    )
                )
            else:
                first_seen[ident] = rij
        if parsed is not None:
            rijen.append(parsed)
            if parsed.organisatie_email:
                sleutel = parsed.organisatie
                eerder = org_emails.setdefault(sleutel, (parsed.organisatie_email, rij))
                if eerder[0].casefold() != parsed.organisatie_email.casefold():
                    problemen.append(
                        KaartProbleem(
                            rij,
                            "organisatie_email",
                            f"{parsed.organisatie!r} heeft in {waar(eerder[1])} al het "
                            f"e-mailadres {eerder[0]!r}. Een organisatie heeft één "
                            "contactadres; gebruik overal hetzelfde, of laat de cel leeg.",
                        )
                    )
    if problemen:
        if paden is not None:
            namen = veldnamen or {}
            problemen = [
                KaartProbleem(
                    0,
                    namen.get(p.kolom, p.kolom) if p.kolom else None,
                    p.melding,
                    pad=paden.get(p.rij, f"#{p.rij}"),
                )
                for p in problemen
            ]
        raise KaartFout(problemen)
    return rijen


def kolomnaam(kop: str) -> str:
    """Header text as a column name: Excel users write 'Laatst gecontroleerd' or "thema's"."""
    naam = kop.strip().strip("\ufeff").strip().lower().replace(" ", "_").replace("-", "_")
    return re.sub(r"[^a-z0-9_]", "", naam)


def check_header(header: Sequence[str]) -> None:
    """Refuse a file whose header row lacks template columns, naming every missing one."""
    missing = [k for k in KOLOMMEN if k not in header]
    if missing:
        bekend = [h for h in header if h and h not in KOLOMMEN]
        problemen = []
        for k in missing:
            hint = _suggest(k, bekend) if bekend else ""
            problemen.append(KaartProbleem(1, k, f"deze kolom ontbreekt in de kopregel.{hint}"))
        raise KaartFout(problemen)


def read_csv_text(text: str) -> list[tuple[int, dict[str, str]]]:
    """Split CSV text (comma or semicolon) into numbered records; check the header first."""
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [kolomnaam(h) for h in next(reader)]
    except StopIteration:
        raise KaartFout([KaartProbleem(1, None, "Het bestand is leeg.")]) from None
    except csv.Error as exc:
        raise KaartFout([KaartProbleem(1, None, f"De kopregel is onleesbaar ({exc}).")]) from None
    check_header(header)
    records: list[tuple[int, dict[str, str]]] = []
    problemen: list[KaartProbleem] = []
    rij = 1
    try:
        # Rows are counted as Excel shows them, also when a cell spans several lines.
        for rij, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
                problemen.append(
                    KaartProbleem(
                        rij,
                        None,
                        f"deze rij heeft {len(cells)} velden, de kopregel {len(header)}. "
                        "Staat er een scheidingsteken in een tekst zonder aanhalingstekens?",
                    )
                )
                continue
            records.append((rij, dict(zip(header, cells, strict=False))))
    except csv.Error as exc:
        problemen.append(KaartProbleem(rij + 1, None, f"onleesbare regel ({exc})."))
    if problemen:
        raise KaartFout(problemen)
    return records
