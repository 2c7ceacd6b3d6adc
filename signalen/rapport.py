"""Reports for beleidsmedewerkers: counts and shares per thema, wijk and/or month.

Counting happens in the database (``GROUP BY``): first per day, thema and wijk -- which the
reporting index delivers in order, so SQLite needs no sort over all rows -- then per the
requested grouping. Python only sees the aggregated rows (a few thousand at most).

Every combination of the requested groups is listed (every thema, every wijk of the profile,
every month of the period), also when it has no hulpvragen, so that the presence of a row
says nothing. Then :mod:`signalen.onderdrukking` hides small cells (``<k``, zero included)
and the cells needed to keep those from being computed back (``x``).

Periods are whole, finished calendar months (so also quarters and years), checked by
:class:`RapportVraag` with :mod:`signalen.periode`: two reports can never be subtracted to
isolate a single day, and the same request gives the same answer tomorrow.

Limit (tell users): suppression protects each table on its own. Two reports that overlap
(e.g. January-June and January-May, or ``--per thema`` next to ``--per thema --per wijk``)
can still be subtracted from each other; the difference is a month (or a grouping) without
suppression, so it can hold a small group. Share reports, not the right to run arbitrary ones,
with people outside the gemeente's own policy staff.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, and_, case, func, select
from sqlalchemy.orm import sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from kern import werkblad
from kern.pydantic_compat import BaseModel, Extra, ValidationError, validator
from kern.routes import CRISIS_ROUTES, MAATWERK_ROUTES
from kern.themas import THEMAS
from signalen import SignaalFout
from signalen.model import signaal_tabel
from signalen.onderdrukking import Ongelijkheid, Status, onderdruk
from signalen.periode import MAANDEN, controleer_tot, controleer_van, lees_datum
from signalen.signaal import ONBEKEND

STANDAARD_K = 5
DIMENSIES: dict[str, str] = {"thema": "Thema", "wijk": "Wijk", "maand": "Maand"}
FORMATEN = ("tekst", "csv", "xlsx", "json")
MAX_RIJEN = 100_000  # combinations; beyond this a table is unreadable and slow to protect
GEEN_THEMA = "(geen thema)"
GEEN_THEMA_CODE = "geen_thema"
TOTAAL = "Totaal"


#: Counts per combination of groups, in the order of :data:`MATEN`.
Tellingen = dict[tuple[str | None, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Maat:
    """One counted column."""

    code: str
    kop: str  # Dutch heading
    aandeel_kop: str  # heading of its share column
    tekst_kop: str  # two-line heading for the text table


#: Order matters: :data:`RELATIES` refers to these positions.
MATEN: tuple[Maat, ...] = (
    Maat("hulpvragen", "Hulpvragen", "% van alle hulpvragen", "Hulp-\nvragen"),
    Maat(
        "opgelost_sociale_basis",
        "Opgelost in de sociale basis",
        "% opgelost",
        "Opgelost\nsoc. basis",
    ),
    Maat("verwezen_maatwerk", "Verwezen naar maatwerk", "% verwezen", "Verwezen\nmaatwerk"),
    Maat("geholpen_ja", "Geholpen: ja", "% ja", "Geholpen\nja"),
    Maat("geholpen_nee", "Geholpen: nee", "% nee", "Geholpen\nnee"),
    Maat("crisis", "Crisis", "% crisis", "\nCrisis"),
    Maat("geen_passend_aanbod", "Geen passend aanbod", "% geen aanbod", "Geen\naanbod"),
    # Huiselijk geweld without acute danger: Veilig Thuis shown first, then any offers. Its
    # own road, neither crisis (no acute danger) nor maatwerk (no loket); last, so the columns
    # before it keep their place.
    Maat("veilig_thuis", "Naar Veilig Thuis", "% Veilig Thuis", "Veilig\nThuis"),
)
N, OPGELOST, VERWEZEN, JA, NEE, CRISIS, GEEN_AANBOD, VEILIG_THUIS = range(len(MATEN))
#: The route counted in :data:`VEILIG_THUIS`.
VEILIG_THUIS_ROUTE = "veilig_thuis"

#: Relations that hold by definition in every row; readers can use them, so the audit does.
RELATIES: tuple[Ongelijkheid, ...] = (
    Ongelijkheid((JA, NEE), N),
    Ongelijkheid((OPGELOST, VERWEZEN, CRISIS, VEILIG_THUIS), N),  # different roads
    Ongelijkheid((OPGELOST,), JA),
    Ongelijkheid((GEEN_AANBOD,), N),
)
#: Relations that follow from how the bot works; used whenever the data obeys them, because a
#: reader who knows the bot may assume them.
MOGELIJKE_RELATIES: tuple[Ongelijkheid, ...] = (
    Ongelijkheid((JA, NEE, CRISIS), N),  # a crisis is never asked "did this help?"
    Ongelijkheid((JA, NEE, CRISIS, VEILIG_THUIS), N),  # nor is the Veilig Thuis road
    Ongelijkheid((GEEN_AANBOD,), VERWEZEN),  # no offer → referred
)


@dataclass(frozen=True)
class Cel:
    """A shown number, or a marker; a hidden cell never carries its value."""

    waarde: int | float | None
    markering: str | None = None


@dataclass(frozen=True)
class RapportRij:
    """One combination of groups (or the totals)."""

    groep: tuple[str | None, ...]
    aantallen: tuple[Cel, ...]  # per MATEN
    aandelen: tuple[Cel, ...]  # per MATEN, in percent: hulpvragen of all; others of the row


@dataclass(frozen=True)
class Rapport:
    """A suppressed report, ready to be written in any format."""

    van: date
    tot: date
    per: tuple[str, ...]
    k: int
    rijen: tuple[RapportRij, ...]
    totaal: RapportRij


# -- input --------------------------------------------------------------------------------------


class RapportVraag(BaseModel):
    """What a report asks for, validated: the one input model of the CLI and the web pages.

    ``vandaag`` comes first so the period checks can see it; it is the caller's "today" and
    only needed to refuse months that are not over yet (leave it out for stored counts that
    cannot grow any more, e.g. in tests and benchmarks). Dates may be ``date`` objects or the
    strings ``JJJJ-MM-DD`` / ``JJJJ-MM`` (a whole month); ``per`` a list or ``"thema,wijk"``.
    Build it with :meth:`maak`, which turns every validation error into a
    :class:`signalen.SignaalFout` with a Dutch message and the field in ``veld``.
    """

    vandaag: date | None = None
    van: date
    tot: date
    per: tuple[str, ...]
    k: int

    class Config:
        """Immutable, and unknown fields are an error rather than silently ignored."""

        extra = Extra.forbid
        allow_mutation = False

    @validator("vandaag", "van", "tot", pre=True)
    def _datum(cls, waarde: Any, field: Any) -> Any:  # noqa: N805
        if waarde is None:
            if field.name == "vandaag":
                return None
            raise ValueError(f"--{field.name} ontbreekt.")
        if isinstance(waarde, str):
            return lees_datum(waarde, f"--{field.name}", einde=field.name == "tot")
        if isinstance(waarde, datetime) or not isinstance(waarde, date):
            raise ValueError(
                f"--{field.name} moet een datum zijn (JJJJ-MM-DD of JJJJ-MM), niet {waarde!r}."
            )
        return waarde

    @validator("van")
    def _van(cls, van: date) -> date:  # noqa: N805
        controleer_van(van)
        return van

    @validator("tot")
    def _tot(cls, tot: date, values: dict[str, Any]) -> date:  # noqa: N805
        controleer_tot(tot, values.get("van"), values.get("vandaag"))
        return tot

    @validator("per", pre=True)
    def _per(cls, per: Any) -> tuple[str, ...]:  # noqa: N805
        if isinstance(per, str):
            per = per.split(",")
        if not isinstance(per, list | tuple) or not all(isinstance(p, str) for p in per):
            raise ValueError("--per moet een lijst van indelingen zijn: thema, wijk of maand.")
        schoon = tuple(p.strip().lower() for p in per if p.strip())
        if not schoon:
            raise ValueError("Kies minstens één indeling met --per: thema, wijk of maand.")
        onbekend = [p for p in schoon if p not in DIMENSIES]
        if onbekend:
            raise ValueError(
                f"Onbekende indeling --per {onbekend[0]!r}. Kies uit: {', '.join(DIMENSIES)}."
            )
        if len(set(schoon)) != len(schoon):
            raise ValueError("Noem elke indeling maar één keer bij --per.")
        return schoon

    @validator("k", pre=True)
    def _k(cls, k: Any) -> int:  # noqa: N805
        if isinstance(k, bool) or not isinstance(k, int):
            raise ValueError(f"--k moet een geheel getal zijn, niet {k!r}.")
        if k < 1:
            raise ValueError("--k moet minstens 1 zijn.")
        return k

    @classmethod
    def maak(cls, **velden: Any) -> RapportVraag:
        """Validate; the first error becomes a :class:`SignaalFout` naming its field.

        Raises:
            SignaalFout: With the Dutch message and ``veld`` (``van``, ``tot``, ``per``, ``k``).
        """
        try:
            return cls(**velden)
        except ValidationError as fout:
            eerste = fout.errors()[0]
            veld = str(eerste["loc"][0]) if eerste["loc"] else None
            melding = str(eerste["msg"])
            if eerste["type"].startswith("value_error.missing"):
                melding = f"--{veld} ontbreekt."
            elif eerste["type"] == "value_error.extra":
                melding = f"Onbekend veld {veld!r}."
            raise SignaalFout(melding, veld=veld) from None


def controleer_rapportvraag(
    van: date, tot: date, per: Sequence[str], k: int, vandaag: date | None = None
) -> tuple[str, ...]:
    """Validate the request (see :class:`RapportVraag`); return ``per`` as a tuple.

    Raises:
        SignaalFout: With a Dutch message naming what to change.
    """
    return RapportVraag.maak(vandaag=vandaag, van=van, tot=tot, per=tuple(per), k=k).per


# -- counting in SQL ----------------------------------------------------------------------------


def _som(voorwaarde: ColumnElement[Any]) -> Any:
    return func.sum(case((voorwaarde, 1), else_=0))


def tel(session_factory: sessionmaker, van: date, tot: date, per: Sequence[str]) -> Tellingen:
    """Counts per combination of ``per`` (only combinations that occur), all in SQL."""
    t = signaal_tabel.c
    per_dag = (
        select(
            t.datum,
            t.thema,
            t.wijk,
            func.count().label(MATEN[N].code),
            _som(and_(t.route == "sociale_basis", t.geholpen == "ja")).label(MATEN[OPGELOST].code),
            _som(t.route.in_(MAATWERK_ROUTES)).label(MATEN[VERWEZEN].code),
            _som(t.geholpen == "ja").label(MATEN[JA].code),
            _som(t.geholpen == "nee").label(MATEN[NEE].code),
            _som(t.route.in_(CRISIS_ROUTES)).label(MATEN[CRISIS].code),
            _som(t.geen_passend_aanbod).label(MATEN[GEEN_AANBOD].code),
            _som(t.route == VEILIG_THUIS_ROUTE).label(MATEN[VEILIG_THUIS].code),
        )
        .where(t.datum.between(van, tot))
        .group_by(t.datum, t.thema, t.wijk)
        .subquery("per_dag")
    )
    with session_factory() as session:
        dialect = session.get_bind().dialect.name
        if dialect == "postgresql":
            maand: Any = func.to_char(per_dag.c.datum, "YYYY-MM", type_=String)
        else:
            maand = func.substr(per_dag.c.datum, 1, 7, type_=String)
        groepen = {"thema": per_dag.c.thema, "wijk": per_dag.c.wijk, "maand": maand}
        kolommen = [groepen[p].label(p) for p in per]
        stmt = select(*kolommen, *(func.sum(per_dag.c[m.code]) for m in MATEN)).group_by(*kolommen)
        uitkomst: Tellingen = {}
        for rij in session.execute(stmt):
            groep = tuple(rij[: len(per)])
            uitkomst[groep] = tuple(int(v or 0) for v in rij[len(per) :])
    return uitkomst


# -- the table ----------------------------------------------------------------------------------


def _maanden(van: date, tot: date) -> list[str]:
    jaar, maand, uit = van.year, van.month, []
    while (jaar, maand) <= (tot.year, tot.month):
        uit.append(f"{jaar:04d}-{maand:02d}")
        jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)
    return uit


def _domein(
    dimensie: str,
    van: date,
    tot: date,
    wijken: Sequence[str] | None,
    gevonden: set[str | None],
) -> list[str | None]:
    """Every value a group can take, in a readable order, including values with no data."""
    if dimensie == "thema":
        vast: list[str | None] = [*THEMAS, None]
    elif dimensie == "wijk":
        vast = [*(wijken or ())]
    else:
        vast = [*_maanden(van, tot)]
    extra = sorted(str(g) for g in gevonden if g not in vast and g != ONBEKEND)
    staart: list[str | None] = [ONBEKEND] if dimensie == "wijk" else []
    return [*vast, *extra, *staart]


def maak_rapport(
    session_factory: sessionmaker,
    van: date,
    tot: date,
    per: Sequence[str],
    k: int = STANDAARD_K,
    wijken: Sequence[str] | None = None,
    vandaag: date | None = None,
) -> Rapport:
    """Count, lay out every combination, suppress and compute shares.

    Args:
        session_factory: Database access.
        van: First day, inclusive: the first day of a month.
        tot: Last day, inclusive: the last day of a month.
        per: One or more of ``thema``, ``wijk``, ``maand`` (order = column order).
        k: Smallest count shown.
        wijken: The profile's wijk names, so wijken without any hulpvraag are listed too.
        vandaag: The caller's today. Pass it whenever a person asks (CLI, web): then a period
            whose last month is not over is refused, since it would change from day to day.

    Raises:
        SignaalFout: Invalid request, or too many combinations to show.
    """
    per = controleer_rapportvraag(van, tot, per, k, vandaag)
    return bouw_rapport(tel(session_factory, van, tot, per), van, tot, per, k, wijken)


def bouw_rapport(
    tellingen: Tellingen,
    van: date,
    tot: date,
    per: Sequence[str],
    k: int = STANDAARD_K,
    wijken: Sequence[str] | None = None,
) -> Rapport:
    """The report from counts as :func:`tel` returns them (pure: no database)."""
    per = controleer_rapportvraag(van, tot, per, k)
    domeinen = [_domein(p, van, tot, wijken, {g[i] for g in tellingen}) for i, p in enumerate(per)]
    aantal = 1
    for d in domeinen:
        aantal *= len(d)
    if aantal > MAX_RIJEN:
        raise SignaalFout(
            f"Deze indeling geeft {aantal} rijen; dat is te veel. Kies een kortere periode of "
            "minder indelingen."
        )
    groepen = list(itertools.product(*domeinen))
    leeg = (0,) * len(MATEN)
    waarden = [tellingen.get(g, leeg) for g in groepen]
    totaal = tuple(sum(kolom) for kolom in zip(*waarden, strict=True)) if waarden else leeg
    relaties = [*RELATIES, *(r for r in MOGELIJKE_RELATIES if _geldt(r, [*waarden, totaal]))]
    besluit = onderdruk(waarden, totaal, k, relaties)
    rijen = tuple(
        _rij(g, w, s, totaal, besluit.totaal, k)
        for g, w, s in zip(groepen, waarden, besluit.cellen, strict=True)
    )
    return Rapport(
        van=van,
        tot=tot,
        per=per,
        k=k,
        rijen=rijen,
        totaal=_rij(
            (TOTAAL, *([""] * (len(per) - 1))), totaal, besluit.totaal, totaal, besluit.totaal, k
        ),
    )


def _geldt(relatie: Ongelijkheid, rijen: Sequence[Sequence[int]]) -> bool:
    return all(sum(r[d] for d in relatie.delen) <= r[relatie.geheel] for r in rijen)


def _markering(status: Status, k: int) -> str:
    return {Status.PRIMAIR: f"<{k}", Status.SECUNDAIR: "x", Status.WEGGELATEN: "–"}[status]


def _rij(
    groep: tuple[str | None, ...],
    waarden: Sequence[int],
    status: Sequence[Status],
    totaal: Sequence[int],
    totaal_status: Sequence[Status],
    k: int,
) -> RapportRij:
    zichtbaar = [s is Status.ZICHTBAAR for s in status]
    aantallen = tuple(
        Cel(w) if z else Cel(None, _markering(s, k))
        for w, z, s in zip(waarden, zichtbaar, status, strict=True)
    )
    aandelen = []
    for i, (w, s) in enumerate(zip(waarden, status, strict=True)):
        # A share is shown only when both of its counts are: it must never reveal a hidden one.
        noemer, noemer_status = (totaal[N], totaal_status[N]) if i == N else (waarden[N], status[N])
        if s is Status.WEGGELATEN:
            aandelen.append(Cel(None, "–"))
        elif zichtbaar[i] and noemer_status is Status.ZICHTBAAR and noemer > 0:
            aandelen.append(Cel(round(100.0 * w / noemer, 1)))
        elif zichtbaar[i] and noemer_status is Status.ZICHTBAAR:
            aandelen.append(Cel(None, "–"))  # 0 of 0: there is no share
        else:
            aandelen.append(Cel(None, "x"))
    return RapportRij(groep=groep, aantallen=aantallen, aandelen=tuple(aandelen))


# -- formats ------------------------------------------------------------------------------------


def _groep_label(dimensie: str, waarde: str | None, leesbaar: bool) -> str:
    if waarde is None:
        return GEEN_THEMA if leesbaar else GEEN_THEMA_CODE
    if leesbaar and dimensie == "thema":
        return THEMAS.get(waarde, waarde)
    return waarde


def _getal(waarde: int | float) -> str:
    """Dutch notation: 1.234 and 12,5."""
    if isinstance(waarde, int):
        return f"{waarde:,}".replace(",", ".")
    return f"{waarde:.1f}".replace(".", ",")


def _cel_tekst(cel: Cel, procent: bool = False) -> str:
    if cel.waarde is None:
        return cel.markering or ""
    return _getal(cel.waarde) + ("%" if procent else "")


def _datum(d: date) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def titel(rapport: Rapport) -> str:
    """One-line Dutch title."""
    indeling = " en ".join(DIMENSIES[p].lower() for p in rapport.per)
    return f"Signalen per {indeling}, {_datum(rapport.van)} t/m {_datum(rapport.tot)}"


def toelichting(rapport: Rapport) -> list[str]:
    """The legend, in Dutch, for every format."""
    k = rapport.k
    return [
        f"<{k} = minder dan {k} (ook 0): afgeschermd, zodat niemand herkenbaar is.",
        "x = afgeschermd, zodat een kleine groep niet uit de totalen terug te rekenen is.",
        "– = niet te tonen zonder een kleine groep te onthullen, of geen aandeel (0 van 0).",
        "De kolom '% van alle hulpvragen' is het aandeel in alle hulpvragen van de periode; "
        "de andere percentages zijn van de hulpvragen in dezelfde rij.",
        "Opgelost in de sociale basis = aanbod uit de buurt getoond én de inwoner zei dat het "
        "hielp. Verwezen naar maatwerk = naar het Wmo-loket of het CJG. Naar Veilig Thuis = "
        "een vraag over huiselijk geweld zonder direct gevaar: eerst het nummer van Veilig "
        "Thuis, daarna eventueel aanbod uit de buurt.",
        "Een rapport gaat altijd over hele maanden die voorbij zijn (of kwartalen of jaren). "
        "Zo laten twee rapporten samen nooit zien wat er op één dag gebeurde.",
        "Let op: rapporten die elkaar overlappen (periode of indeling) kunnen nog wel van "
        "elkaar worden afgetrokken. Het verschil is een maand of een indeling zonder "
        "afscherming, en kan dus een kleine groep laten zien. Deel rapporten, niet de "
        "mogelijkheid om er zelf te maken.",
    ]


def _kolommen(rapport: Rapport) -> list[tuple[str, str]]:
    """(code, heading) of every column, groups first; counts each followed by their share."""
    uit = [(p, DIMENSIES[p]) for p in rapport.per]
    for m in MATEN:
        uit.append((m.code, m.kop))
        uit.append((f"{m.code}_pct", m.aandeel_kop))
    return uit


def _rijen(rapport: Rapport) -> Iterator[RapportRij]:
    yield from rapport.rijen
    yield rapport.totaal


def _groepen(rapport: Rapport, rij: RapportRij, leesbaar: bool) -> list[str]:
    if rij is rapport.totaal:
        return [str(g or "") for g in rij.groep]
    return [_groep_label(p, g, leesbaar) for p, g in zip(rapport.per, rij.groep, strict=True)]


def _cellen(rij: RapportRij) -> Iterator[tuple[Cel, bool]]:
    for aantal, aandeel in zip(rij.aantallen, rij.aandelen, strict=True):
        yield aantal, False
        yield aandeel, True


def als_tekst(rapport: Rapport) -> str:
    """An aligned table with Dutch headings, title and legend."""
    from tabulate import tabulate

    koppen = [f"\n{DIMENSIES[p]}" for p in rapport.per]
    for m in MATEN:
        koppen += [m.tekst_kop, "% van\ntotaal" if m.code == MATEN[N].code else "\n%"]
    regels = [
        [*_groepen(rapport, rij, True), *(_cel_tekst(c, p) for c, p in _cellen(rij))]
        for rij in _rijen(rapport)
    ]
    uitlijning = ["left"] * len(rapport.per) + ["right"] * (2 * len(MATEN))
    tabel = tabulate(
        regels, headers=koppen, colalign=uitlijning, disable_numparse=True, tablefmt="simple"
    )
    return "\n".join([titel(rapport), "", tabel, "", *toelichting(rapport)]) + "\n"


def _csv_cel(cel: Cel) -> str:
    if cel.waarde is None:
        return cel.markering or ""
    return str(cel.waarde) if isinstance(cel.waarde, int) else _getal(cel.waarde)


def als_csv(rapport: Rapport) -> str:
    """Semicolon CSV with decimal commas (opens directly in Dutch Excel); codes as headings."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([code for code, _ in _kolommen(rapport)])
    for rij in _rijen(rapport):
        groepen = [werkblad.neutraliseer(g) for g in _groepen(rapport, rij, False)]
        schrijver.writerow([*groepen, *(_csv_cel(c) for c, _ in _cellen(rij))])
    return uit.getvalue()


def _json_cel(cel: Cel) -> int | float | str | None:
    return cel.waarde if cel.waarde is not None else cel.markering


def als_json(rapport: Rapport) -> str:
    """JSON: numbers where shown, the marker string where hidden."""
    codes = [code for code, _ in _kolommen(rapport)]

    def rij_dict(rij: RapportRij) -> dict[str, Any]:
        groep: list[Any] = (
            [rij.groep[0], *([None] * (len(rapport.per) - 1))]
            if rij is rapport.totaal
            else list(rij.groep)
        )
        waarden = [_json_cel(c) for c, _ in _cellen(rij)]
        return dict(zip(codes, [*groep, *waarden], strict=True))

    data = {
        "titel": titel(rapport),
        "van": rapport.van.isoformat(),
        "tot": rapport.tot.isoformat(),
        "per": list(rapport.per),
        "k": rapport.k,
        "kolommen": [{"code": c, "kop": kop} for c, kop in _kolommen(rapport)],
        "rijen": [rij_dict(r) for r in rapport.rijen],
        "totaal": rij_dict(rapport.totaal),
        "toelichting": toelichting(rapport),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def als_xlsx(rapport: Rapport) -> bytes:
    """An Excel workbook: sheet 'Rapport' (numbers as numbers) and sheet 'Toelichting'."""

    def rijen() -> Iterator[list[Any]]:
        yield [werkblad.Cel(kop, vet=True, omloop=True) for _, kop in _kolommen(rapport)]
        for rij in _rijen(rapport):
            totaal = rij is rapport.totaal
            cellen: list[Any] = [werkblad.Cel(g, vet=totaal) for g in _groepen(rapport, rij, True)]
            for c, procent in _cellen(rij):
                if c.waarde is None:
                    cellen.append(werkblad.Cel(c.markering, rechts=True, vet=totaal))
                elif procent:
                    cellen.append(werkblad.Cel(c.waarde / 100.0, "0.0%", vet=totaal))
                else:
                    cellen.append(werkblad.Cel(c.waarde, "#,##0", vet=totaal))
            yield cellen

    uitleg = [titel(rapport), f"Kleinste getoonde aantal (k): {rapport.k}", "", *toelichting(rapport)]
    return werkblad.schrijf_werkboek(
        [
            werkblad.Blad(
                "Rapport",
                rijen(),
                vaste_kolommen=len(rapport.per),
                breedtes={i: 28 for i in range(1, len(rapport.per) + 1)},
            ),
            werkblad.Blad("Toelichting", ([regel] for regel in uitleg), breedtes={1: 120}),
        ]
    )


def schrijf(rapport: Rapport, formaat: str) -> str | bytes:
    """The report in ``formaat`` (text for tekst/csv/json, bytes for xlsx)."""
    if formaat == "tekst":
        return als_tekst(rapport)
    if formaat == "csv":
        return als_csv(rapport)
    if formaat == "json":
        return als_json(rapport)
    if formaat == "xlsx":
        return als_xlsx(rapport)
    raise SignaalFout(f"Onbekend formaat {formaat!r}. Kies uit: {', '.join(FORMATEN)}.")
