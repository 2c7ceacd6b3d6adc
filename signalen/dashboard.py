"""The beleid dashboard as plain data: periods to choose from, views, tables, charts, summaries.

Every number on the dashboard comes from a :class:`signalen.rapport.Rapport` made by
:func:`signalen.rapport.maak_rapport` -- the very function ``wegwijzer signalen rapport``
calls, with the same ``k`` and the same wijken -- so the suppression is the CLI's, cell for
cell. This module only *selects* from a suppressed report; it never counts and never sees a
hidden value (a hidden :class:`~signalen.rapport.Cel` carries only its marker):

- tables show the report's cells with the CLI's own markers (``<k``, ``x``, ``–``);
- chart data (Vega-Lite specs, plain dicts) hold the shown body cells only: a hidden cell is
  not in the data at all, and totals are never charted;
- the one-sentence summaries are computed from shown cells only, and say "het hoogste
  getoonde aantal" rather than "het meeste", since a hidden ``x`` cell might be larger.

Periods are whole months, quarters or years that are over (see :mod:`signalen.periode`), so
two dashboards can never be subtracted to isolate a day. Limit (the CLI's, repeated on the
page): reports with different groupings of the same period, such as per thema and per thema
and wijk, are each protected on their own and can still be compared with each other.

Runs on Python 3.10 and 3.12 (pydantic 1 API through :mod:`kern.pydantic_compat`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import sessionmaker

from kern.pydantic_compat import BaseModel, Extra, ValidationError, validator
from kern.themas import THEMAS
from signalen import SignaalFout
from signalen.periode import (
    MAANDEN,
    eerste_dag_van_maand,
    laatste_afgesloten_dag,
    lees_periode,
    maand_code,
)
from signalen.rapport import (
    CRISIS,
    GEEN_AANBOD,
    GEEN_THEMA,
    JA,
    MATEN,
    NEE,
    OPGELOST,
    VEILIG_THUIS,
    VERWEZEN,
    Cel,
    N,
    Rapport,
    RapportRij,
    _cel_tekst,
    maak_rapport,
    toelichting,
)

#: How many years back the period list reaches (older periods: use the CLI).
JAREN_TERUG = 3
_PERIODE = re.compile(r"^(\d{4})(?:-(?:(0[1-9]|1[0-2])|K([1-4])))?$")


# -- periods ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Periode:
    """A whole month, quarter or year: its code (``2026-03``, ``2026-K1``, ``2026``) and days."""

    code: str
    soort: str  # "maand", "kwartaal", "jaar"
    van: date
    tot: date

    @property
    def naam(self) -> str:
        """How people say it: ``maart 2026``, ``1e kwartaal 2026``, ``2026``."""
        if self.soort == "maand":
            return f"{MAANDEN[self.van.month - 1]} {self.van.year}"
        if self.soort == "kwartaal":
            return f"{(self.van.month + 2) // 3}e kwartaal {self.van.year}"
        return str(self.van.year)


def _periode(code: str) -> Periode:
    van, tot = lees_periode(code)
    soort = "jaar" if len(code) == 4 else "kwartaal" if "K" in code else "maand"
    return Periode(code=code, soort=soort, van=van, tot=tot)


class PeriodeKeuze(BaseModel):
    """The period a beleidsmedewerker picks (page, download, API): validated, never a 500."""

    vandaag: date
    periode: str

    class Config:
        """Unknown fields are an error; the model is immutable."""

        extra = Extra.forbid
        allow_mutation = False

    @validator("periode", pre=True)
    def _periode(cls, waarde: Any, values: dict[str, Any]) -> str:  # noqa: N805
        if not isinstance(waarde, str):
            raise ValueError("Kies een periode uit de lijst.")
        code = waarde.strip().upper()
        match = _PERIODE.match(code)
        if match is None or int(match.group(1)) < 2000:
            raise ValueError(
                f"{waarde[:20]!r} is geen periode. Kies een maand (2026-03), een kwartaal "
                "(2026-K1) of een jaar (2026) uit de lijst."
            )
        periode = _periode(code)
        vandaag = values.get("vandaag")
        if vandaag is not None and periode.tot >= eerste_dag_van_maand(vandaag):
            raise ValueError(
                f"De periode {periode.naam} is nog niet voorbij. Alleen hele maanden, "
                "kwartalen en jaren die voorbij zijn tellen mee: anders laten twee overzichten "
                "op verschillende dagen samen één dag zien."
            )
        return code


def kies_periode(periode: Any, vandaag: date) -> Periode:
    """Validate a period code for ``vandaag``.

    Raises:
        SignaalFout: With a Dutch message and ``veld="periode"``.
    """
    try:
        keuze = PeriodeKeuze(vandaag=vandaag, periode=periode)
    except ValidationError as fout:
        raise SignaalFout(str(fout.errors()[0]["msg"]), veld="periode") from None
    return _periode(keuze.periode)


def afgesloten_perioden(vandaag: date, jaren: int = JAREN_TERUG) -> dict[str, list[Periode]]:
    """The periods to offer, newest first: months, quarters and years that are over.

    The running month, quarter and year are never offered: they change from day to day.
    """
    laatste = laatste_afgesloten_dag(vandaag)
    eerste_jaar = laatste.year - jaren + 1
    maanden: list[Periode] = []
    jaar, maand = laatste.year, laatste.month
    while jaar >= eerste_jaar:
        maanden.append(_periode(f"{jaar:04d}-{maand:02d}"))
        jaar, maand = (jaar - 1, 12) if maand == 1 else (jaar, maand - 1)
    kwartalen = [
        _periode(f"{j:04d}-K{q}")
        for j in range(laatste.year, eerste_jaar - 1, -1)
        for q in (4, 3, 2, 1)
        if _periode(f"{j:04d}-K{q}").tot <= laatste
    ]
    jaren_lijst = [
        _periode(f"{j:04d}")
        for j in range(laatste.year, eerste_jaar - 1, -1)
        if date(j, 12, 31) <= laatste
    ]
    return {"Kwartalen": kwartalen, "Maanden": maanden, "Jaren": jaren_lijst}


def standaard_periode(vandaag: date) -> Periode:
    """The last quarter that is over: long enough for numbers above k, recent enough to act on."""
    return afgesloten_perioden(vandaag, jaren=2)["Kwartalen"][0]


# -- views --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeergaveSoort:
    """What one view shows: which report (``per``) and which of its columns."""

    code: str
    titel: str
    per: tuple[str, ...]
    maten: tuple[int, ...]
    uitleg: str


WEERGAVEN: tuple[WeergaveSoort, ...] = (
    WeergaveSoort(
        "thema", "Hulpvragen per thema", ("thema",), (N,), "Waar vragen inwoners het meest over?"
    ),
    WeergaveSoort(
        "wijk", "Hulpvragen per wijk", ("wijk",), (N,), "Uit welke wijk komen de vragen?"
    ),
    WeergaveSoort(
        "wegen",
        "Opgelost in de sociale basis of verwezen",
        ("thema",),
        (N, OPGELOST, VERWEZEN, CRISIS, VEILIG_THUIS),
        "Opgelost in de sociale basis = aanbod uit de buurt getoond én de inwoner zei dat het "
        "hielp. Verwezen = naar het Wmo-loket of het CJG. Crisis en Veilig Thuis zijn aparte "
        "wegen.",
    ),
    WeergaveSoort(
        "geholpen",
        "Geholpen: ja of nee",
        ("thema",),
        (N, JA, NEE),
        "Wat inwoners antwoordden op de vraag of het aanbod hielp.",
    ),
    WeergaveSoort(
        "gaten",
        "Geen passend aanbod per thema en wijk",
        ("thema", "wijk"),
        (GEEN_AANBOD,),
        "Hoe vaak er geen passend aanbod in de buurt was: waar de sociale kaart tekortschiet.",
    ),
    WeergaveSoort(
        "maand",
        "Verloop per maand",
        ("maand",),
        (N, OPGELOST, VERWEZEN, GEEN_AANBOD),
        "Hoe het aantal hulpvragen zich van maand tot maand ontwikkelt.",
    ),
)
#: The reports the dashboard needs: one per distinct grouping, as ``--per`` spells them.
INDELINGEN: tuple[tuple[str, ...], ...] = tuple(dict.fromkeys(w.per for w in WEERGAVEN))
_LEGE_MARKERING = "–"


@dataclass(frozen=True)
class TabelCel:
    """One cell as the page shows it; ``afgeschermd`` cells have only the CLI's marker."""

    tekst: str
    afgeschermd: bool = False
    uitleg: str = ""  # for screen readers, next to a marker


@dataclass(frozen=True)
class TabelRij:
    """A row: its header cell(s) and its cells; ``totaal`` for the totals row."""

    kop: str
    cellen: tuple[TabelCel, ...]
    totaal: bool = False


@dataclass(frozen=True)
class Tabel:
    """An accessible table: caption, column headings (first = row headings), rows."""

    bijschrift: str
    koppen: tuple[str, ...]
    rijen: tuple[TabelRij, ...]


@dataclass(frozen=True)
class Weergave:
    """One block of the dashboard: summary, chart spec, table and the report behind it."""

    soort: WeergaveSoort
    samenvatting: str
    grafiek: dict[str, Any]
    tabel: Tabel
    rapport: Rapport

    @property
    def per(self) -> str:
        """The ``per`` query value of its report, for the download links."""
        return ",".join(self.soort.per)


def maak_rapporten(
    session_factory: sessionmaker,
    periode: Periode,
    k: int,
    wijken: Sequence[str],
    vandaag: date,
) -> dict[tuple[str, ...], Rapport]:
    """One report per grouping, each by the CLI's own :func:`maak_rapport` call."""
    return {
        per: maak_rapport(
            session_factory, periode.van, periode.tot, per, k=k, wijken=wijken, vandaag=vandaag
        )
        for per in INDELINGEN
    }


def maak_dashboard(rapporten: dict[tuple[str, ...], Rapport]) -> list[Weergave]:
    """Every view, from the suppressed reports only."""
    return [_weergave(soort, rapporten[soort.per]) for soort in WEERGAVEN]


def _weergave(soort: WeergaveSoort, rapport: Rapport) -> Weergave:
    tabel = _kruistabel(soort, rapport) if soort.code == "gaten" else _tabel(soort, rapport)
    return Weergave(
        soort=soort,
        samenvatting=samenvatting(soort, rapport),
        grafiek=grafiek(soort, rapport),
        tabel=tabel,
        rapport=rapport,
    )


# -- cells and labels ---------------------------------------------------------------------------


def label(dimensie: str, waarde: str | None) -> str:
    """A group value as people read it (thema names, ``(geen thema)``)."""
    if waarde is None:
        return GEEN_THEMA
    if dimensie == "thema":
        return THEMAS.get(waarde, waarde)
    return waarde


def uitleg_markering(markering: str | None, k: int) -> str:
    """What a marker means, in words, for screen readers and the legend."""
    if markering == f"<{k}":
        return f"afgeschermd: minder dan {k}"
    if markering == "x":
        return "afgeschermd, zodat een kleine groep niet terug te rekenen is"
    return "niet te tonen"


def _cel(cel: Cel, k: int, procent: bool = False) -> TabelCel:
    tekst = _cel_tekst(cel, procent)  # the CLI's notation and markers
    if cel.waarde is not None:
        return TabelCel(tekst)
    return TabelCel(tekst, afgeschermd=True, uitleg=uitleg_markering(cel.markering, k))


def zichtbaar(cel: Cel) -> int | float | None:
    """The value of a shown cell, ``None`` for a hidden one (which has no value to give)."""
    return cel.waarde


def _rij_kop(rapport: Rapport, rij: RapportRij) -> str:
    if rij is rapport.totaal:
        return "Totaal"
    return " · ".join(label(p, g) for p, g in zip(rapport.per, rij.groep, strict=False))


def _tabel(soort: WeergaveSoort, rapport: Rapport) -> Tabel:
    koppen: list[str] = [" · ".join(label_kop(p) for p in rapport.per)]
    for m in soort.maten:
        koppen.append(MATEN[m].kop)
        koppen.append(MATEN[m].aandeel_kop)
    rijen = []
    for rij in (*rapport.rijen, rapport.totaal):
        cellen: list[TabelCel] = []
        for m in soort.maten:
            cellen.append(_cel(rij.aantallen[m], rapport.k))
            cellen.append(_cel(rij.aandelen[m], rapport.k, procent=True))
        rijen.append(TabelRij(_rij_kop(rapport, rij), tuple(cellen), rij is rapport.totaal))
    return Tabel(soort.titel, tuple(koppen), tuple(rijen))


def label_kop(dimensie: str) -> str:
    """Column heading of a grouping."""
    return {"thema": "Thema", "wijk": "Wijk", "maand": "Maand"}[dimensie]


def _kruistabel(soort: WeergaveSoort, rapport: Rapport) -> Tabel:
    """Thema down, wijk across: the cells of the thema × wijk report, rearranged, no new sums."""
    (maat,) = soort.maten
    wijken = list(dict.fromkeys(rij.groep[1] for rij in rapport.rijen))
    themas = list(dict.fromkeys(rij.groep[0] for rij in rapport.rijen))
    cellen = {(rij.groep[0], rij.groep[1]): rij.aantallen[maat] for rij in rapport.rijen}
    rijen = [
        TabelRij(
            label("thema", t),
            tuple(_cel(cellen[(t, w)], rapport.k) for w in wijken),
        )
        for t in themas
    ]
    totaal = _cel(rapport.totaal.aantallen[maat], rapport.k)
    rijen.append(
        TabelRij(
            "Totaal (alle thema's en wijken)",
            (totaal, *(TabelCel("") for _ in wijken[1:])),
            totaal=True,
        )
    )
    return Tabel(
        f"{soort.titel} ({MATEN[maat].kop.lower()})",
        ("Thema", *(str(w) for w in wijken)),
        tuple(rijen),
    )


# -- summaries ----------------------------------------------------------------------------------


def _getal(waarde: int | float) -> str:
    return _cel_tekst(Cel(waarde))


def _hoogste(rapport: Rapport, maat: int) -> tuple[str, int] | None:
    """The row with the highest *shown* count of ``maat`` (ties: the first in the report)."""
    beste: tuple[str, int] | None = None
    for rij in rapport.rijen:
        waarde = zichtbaar(rij.aantallen[maat])
        if isinstance(waarde, int) and waarde > 0 and (beste is None or waarde > beste[1]):
            beste = (_rij_kop(rapport, rij), waarde)
    return beste


def samenvatting(soort: WeergaveSoort, rapport: Rapport) -> str:
    """One Dutch sentence (B1) about the view, from shown cells only."""
    totaal = zichtbaar(rapport.totaal.aantallen[N])
    if soort.code in ("thema", "wijk"):
        hoogste = _hoogste(rapport, N)
        if hoogste is None:
            return "Er zijn te weinig hulpvragen om per groep te tonen; alles is afgeschermd."
        over = "over" if soort.code == "thema" else "uit"
        zin = f"Het hoogste getoonde aantal hulpvragen gaat {over} {hoogste[0]} ({hoogste[1]})"
        if isinstance(totaal, int):
            zin += f", van {_getal(totaal)} hulpvragen in totaal"
        return zin + "."
    if soort.code == "wegen":
        delen = []
        for maat, tekst in (
            (OPGELOST, "opgelost in de sociale basis"),
            (VERWEZEN, "verwezen naar het Wmo-loket of het CJG"),
            (CRISIS, "naar een crisisroute"),
            (VEILIG_THUIS, "naar Veilig Thuis"),
        ):
            aandeel = zichtbaar(rapport.totaal.aandelen[maat])
            if aandeel is not None:
                delen.append(f"{_cel_tekst(Cel(aandeel), True)} {tekst}")
        if not delen:
            return "De verdeling over de wegen is afgeschermd: de aantallen zijn te klein."
        return "Van alle hulpvragen is " + _opsomming(delen) + "."
    if soort.code == "geholpen":
        ja = zichtbaar(rapport.totaal.aantallen[JA])
        nee = zichtbaar(rapport.totaal.aantallen[NEE])
        if ja is None and nee is None:
            return "De antwoorden op 'hielp dit?' zijn afgeschermd: de aantallen zijn te klein."
        delen = []
        if ja is not None:
            delen.append(f"{_getal(ja)} keer 'ja'")
        if nee is not None:
            delen.append(f"{_getal(nee)} keer 'nee'")
        return "Op de vraag of het aanbod hielp antwoordden inwoners " + _opsomming(delen) + "."
    if soort.code == "gaten":
        hoogste = _hoogste(rapport, GEEN_AANBOD)
        if hoogste is None:
            return (
                "Geen combinatie van thema en wijk heeft genoeg meldingen van 'geen passend "
                "aanbod' om te tonen."
            )
        return f"Het vaakst getoond zonder passend aanbod: {hoogste[0]} ({hoogste[1]} keer)."
    # maand: first and last shown month, and the highest.
    reeks = [
        (str(rij.groep[0]), waarde)
        for rij in rapport.rijen
        if isinstance(waarde := zichtbaar(rij.aantallen[N]), int)
    ]
    if not reeks:
        return "Per maand zijn er te weinig hulpvragen om te tonen; alles is afgeschermd."
    hoogste_maand = max(reeks, key=lambda paar: paar[1])
    if len(reeks) == 1:
        return f"Alleen {_maand_naam(reeks[0][0])} is te tonen: {reeks[0][1]} hulpvragen."
    return (
        f"Van {_maand_naam(reeks[0][0])} ({reeks[0][1]}) naar {_maand_naam(reeks[-1][0])} "
        f"({reeks[-1][1]}) hulpvragen; het hoogste getoonde aantal was in "
        f"{_maand_naam(hoogste_maand[0])} ({hoogste_maand[1]})."
    )


def _maand_naam(code: str) -> str:
    jaar, maand = code.split("-")
    return f"{MAANDEN[int(maand) - 1]} {jaar}"


def _opsomming(delen: Sequence[str]) -> str:
    if len(delen) == 1:
        return delen[0]
    return ", ".join(delen[:-1]) + " en " + delen[-1]


# -- charts -------------------------------------------------------------------------------------

_KLEUREN = ["#154273", "#8fcae7", "#ca005d", "#ffb612", "#39870c"]


def grafiek_data(soort: WeergaveSoort, rapport: Rapport) -> list[dict[str, Any]]:
    """The chart's data: shown body cells only (no hidden cell, no total)."""
    data: list[dict[str, Any]] = []
    for volgorde, rij in enumerate(rapport.rijen):
        for m in soort.maten:
            waarde = zichtbaar(rij.aantallen[m])
            if waarde is None:
                continue
            punt: dict[str, Any] = {p: label(p, g) for p, g in zip(rapport.per, rij.groep, strict=False)}
            punt.update({"maat": MATEN[m].kop, "aantal": waarde, "volgorde": volgorde})
            data.append(punt)
    if soort.code in ("wegen", "geholpen"):
        data = [d for d in data if d["maat"] != MATEN[N].kop]  # the parts, stacked
    return data


def grafiek(soort: WeergaveSoort, rapport: Rapport) -> dict[str, Any]:
    """A Vega-Lite spec (a plain dict, JSON-ready) for the view, data inlined."""
    data = grafiek_data(soort, rapport)
    basis: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "description": samenvatting(soort, rapport),
        "data": {"values": data},
        "config": {
            "font": "system-ui, sans-serif",
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "labelLimit": 220},
            "legend": {"labelFontSize": 12, "titleFontSize": 13, "orient": "bottom"},
            "view": {"stroke": None},
        },
    }
    aantal = {"field": "aantal", "type": "quantitative", "title": "Aantal"}
    if soort.code in ("thema", "wijk"):
        veld = soort.per[0]
        basis.update(
            mark={"type": "bar", "color": _KLEUREN[0]},
            encoding={
                "y": {
                    "field": veld,
                    "type": "nominal",
                    "title": label_kop(veld),
                    "sort": {"field": "volgorde"},
                },
                "x": aantal,
            },
        )
    elif soort.code in ("wegen", "geholpen"):
        maten = [MATEN[m].kop for m in soort.maten if m != N]
        basis.update(
            mark={"type": "bar"},
            encoding={
                "y": {
                    "field": "thema",
                    "type": "nominal",
                    "title": "Thema",
                    "sort": {"field": "volgorde"},
                },
                "x": {**aantal, "stack": "zero"},
                "color": {
                    "field": "maat",
                    "type": "nominal",
                    "title": "Weg" if soort.code == "wegen" else "Antwoord",
                    "scale": {"domain": maten, "range": _KLEUREN[: len(maten)]},
                },
                "order": {"field": "maat"},
            },
        )
    elif soort.code == "gaten":
        basis.update(
            mark={"type": "rect"},
            encoding={
                "y": {
                    "field": "thema",
                    "type": "nominal",
                    "title": "Thema",
                    "sort": {"field": "volgorde"},
                },
                "x": {"field": "wijk", "type": "nominal", "title": "Wijk", "sort": None},
                "color": {
                    "field": "aantal",
                    "type": "quantitative",
                    "title": "Geen passend aanbod",
                    "scale": {"scheme": "blues"},
                },
            },
        )
    else:
        maten = [MATEN[m].kop for m in soort.maten]
        basis.update(
            mark={"type": "line", "point": True},
            encoding={
                "x": {"field": "maand", "type": "ordinal", "title": "Maand", "sort": None},
                "y": aantal,
                "color": {
                    "field": "maat",
                    "type": "nominal",
                    "title": "Wat",
                    "scale": {"domain": maten, "range": _KLEUREN[: len(maten)]},
                },
                "strokeDash": {"field": "maat", "type": "nominal", "title": "Wat"},
            },
        )
    return basis


def legenda(rapport: Rapport) -> list[str]:
    """The CLI report's own legend (markers, definitions, the overlap warning)."""
    return toelichting(rapport)


def periode_van_rapport(rapport: Rapport) -> str:
    """``JJJJ-MM`` of the first month (for file names)."""
    return maand_code(rapport.van)
