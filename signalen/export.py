"""Signal rows as JSON Lines or CSV, for analysis elsewhere: k-anonymous, per month, explained.

What the export guarantees (the rows go through :mod:`signalen.vrijgave`):

- no ``sleutel``: the export cannot be joined back to the table, let alone to a conversation;
- the month (``maand``, ``JJJJ-MM``), never the day;
- every combination of *all* exported columns occurs at least ``k`` times
  (``Settings.signalen_k``, the same k as the reports); rarer rows are generalised (``getoond``
  → afgeschermd, ``voor_wie``/``leeftijdsgroep`` → ``onbekend``, ``wijk`` → ``overig``) or,
  when still rarer than k, left out;
- a period of whole months only, and (with ``vandaag``, as the CLI passes it) only months that
  are over: an export over 1-13 March next to one over 1-14 March, or today's next to
  tomorrow's, would otherwise show one day's rows;
- a summary at the top of the file (JSON Lines: the first line, ``{"samenvatting": …}``; CSV:
  lines starting with ``#``) says the period, k, and how many rows were generalised (per
  column) and left out;
- deterministic: rows are ordered by content, never by when they were written, and the same
  data give the same file.

The raw table stays inside the database: nothing in this module hands out a day-level row.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from sqlalchemy import String, func, select
from sqlalchemy.orm import sessionmaker

from kern.werkblad import neutraliseer
from signalen import SignaalFout
from signalen.model import signaal_tabel
from signalen.opslag import LIJST_SCHEIDING
from signalen.periode import (
    controleer_periode,
    laatste_afgesloten_dag,
    maand_code,
    maand_naam,
)
from signalen.vrijgave import (
    AFGESCHERMD,
    GENERALISATIES,
    KOLOMMEN,
    ExportRij,
    Vrijgave,
    vrijgeven_tellingen,
)

FORMATEN = ("jsonl", "csv")
PER_KEER = 5000  # grouped rows fetched per round trip
#: Dutch names of the generalised columns, for the summary.
KOLOM_NAMEN = {
    "getoond": "getoond aanbod",
    "voor_wie": "voor wie",
    "leeftijdsgroep": "leeftijdsgroep",
    "wijk": "wijk",
}
_BRON = ("thema", "leeftijdsgroep", "voor_wie", "wijk", "route", "getoond", "geholpen")


@dataclass(frozen=True)
class Export:
    """A release and the period it covers (``None``: open at that end)."""

    vrijgave: Vrijgave
    van: date | None
    tot: date | None


def tel_rijen(
    session_factory: sessionmaker, van: date | None = None, tot: date | None = None
) -> Counter[ExportRij]:
    """Month-level rows with their counts, grouped in SQL (Python never sees a day-level row)."""
    t = signaal_tabel.c
    with session_factory() as session:
        if session.get_bind().dialect.name == "postgresql":
            maand: Any = func.to_char(t.datum, "YYYY-MM", type_=String)
        else:  # SQLite stores dates as ISO text
            maand = func.substr(t.datum, 1, 7, type_=String)
        groepen = [maand.label("maand"), *(t[k] for k in _BRON), t.geen_passend_aanbod]
        stmt = select(*groepen, func.count().label("aantal")).group_by(*groepen)
        if van is not None:
            stmt = stmt.where(t.datum >= van)
        if tot is not None:
            stmt = stmt.where(t.datum <= tot)
        tellingen: Counter[ExportRij] = Counter()
        uitkomst = session.execute(stmt, execution_options={"stream_results": True})
        for rij in uitkomst.yield_per(PER_KEER):
            sleutel = ExportRij(
                maand=str(rij.maand),
                thema=rij.thema,
                leeftijdsgroep=rij.leeftijdsgroep,
                voor_wie=rij.voor_wie,
                wijk=rij.wijk,
                route=rij.route,
                getoond=tuple(rij.getoond.split(LIJST_SCHEIDING)) if rij.getoond else (),
                geholpen=rij.geholpen,
                geen_passend_aanbod=bool(rij.geen_passend_aanbod),
            )
            tellingen[sleutel] += int(rij.aantal)
    return tellingen


def maak_export(
    session_factory: sessionmaker,
    k: int,
    van: date | None = None,
    tot: date | None = None,
    vandaag: date | None = None,
) -> Export:
    """The k-anonymous release of the signals in ``van``..``tot`` (whole months).

    Args:
        session_factory: Database access.
        k: Every released combination of all columns occurs at least this often.
        van: First day (the first of a month), or ``None`` for "from the first signal".
        tot: Last day (the last of a month), or ``None``: with ``vandaag`` the end of the last
            finished month, without it every signal.
        vandaag: The caller's today. Pass it whenever a person asks (CLI, web): a period whose
            last month is not over is refused, since it would change from day to day.

    Raises:
        SignaalFout: A period that is not whole (finished) months, or ``k`` below 1.
    """
    if k < 1:
        raise SignaalFout("--k moet minstens 1 zijn.", veld="k")
    controleer_periode(van, tot, vandaag)
    if tot is None and vandaag is not None:
        tot = laatste_afgesloten_dag(vandaag)
        controleer_periode(van, tot)  # --van after the last finished month
    vrijgave = vrijgeven_tellingen(tel_rijen(session_factory, van, tot), k)
    return Export(vrijgave=vrijgave, van=van, tot=tot)


def _periode_tekst(export: Export) -> str:
    begin = maand_naam(export.van) if export.van else "het eerste signaal"
    einde = maand_naam(export.tot) if export.tot else "het laatste signaal"
    return begin if begin == einde else f"{begin} t/m {einde}"


def samenvatting(export: Export) -> list[str]:
    """The summary in Dutch (B1), one sentence a line: the file's header and the CLI's note."""
    v = export.vrijgave
    regels = [
        "Wegwijzer, anonieme signalen: één rij per hulpvraag, met de maand in plaats van de dag.",
        f"Periode: {_periode_tekst(export)}.",
        f"Elke combinatie van alle kolommen komt minstens {v.k} keer voor (k = {v.k}).",
        f"Signalen in de periode: {v.aangeboden}. Vrijgegeven: {v.vrijgegeven}, waarvan "
        f"{v.gegeneraliseerd} gegeneraliseerd. Weggelaten omdat ze te zeldzaam bleven: "
        f"{v.weggelaten}.",
    ]
    if v.per_kolom:
        delen = [
            f"{KOLOM_NAMEN[kolom]} → {GENERALISATIES[kolom] or AFGESCHERMD} bij {aantal} "
            f"{'rij' if aantal == 1 else 'rijen'}"
            for kolom, aantal in v.per_kolom
        ]
        regels.append(f"Gegeneraliseerd: {', '.join(delen)}.")
    regels.append(
        "Daarom kan 'onbekend' bij leeftijdsgroep en voor wie ook 'afgeschermd' betekenen, en "
        "is 'overig' bij wijk een verzameling van kleine groepen uit verschillende wijken."
    )
    return regels


def melding(export: Export) -> str:
    """Two or three Dutch lines for the terminal (stderr), so the user sees what was held back."""
    v = export.vrijgave
    regels = [
        f"Export {_periode_tekst(export)}: {v.vrijgegeven} van {v.aangeboden} signalen "
        f"vrijgegeven (k = {v.k}); {v.gegeneraliseerd} daarvan gegeneraliseerd, "
        f"{v.weggelaten} weggelaten omdat ze te zeldzaam bleven.",
    ]
    regels += [r for r in samenvatting(export) if r.startswith("Gegeneraliseerd:")]
    return "\n".join(regels)


def samenvatting_dict(export: Export) -> dict[str, Any]:
    """The summary as data: the first line of a JSON Lines export."""
    v = export.vrijgave
    return {
        "van": maand_code(export.van) if export.van else None,
        "tot": maand_code(export.tot) if export.tot else None,
        "k": v.k,
        "signalen": v.aangeboden,
        "vrijgegeven": v.vrijgegeven,
        "gegeneraliseerd": v.gegeneraliseerd,
        "weggelaten": v.weggelaten,
        "gegeneraliseerd_per_kolom": dict(v.per_kolom),
        "vervangingen": dict(GENERALISATIES),
        "kolommen": list(KOLOMMEN),
        "toelichting": samenvatting(export),
    }


def _json_regel(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False) + "\n"


def _csv_waarden(rij: ExportRij) -> list[str]:
    getoond = AFGESCHERMD if rij.getoond is None else LIJST_SCHEIDING.join(rij.getoond)
    waarden = [
        rij.maand,
        rij.thema or "",
        rij.leeftijdsgroep,
        rij.voor_wie,
        rij.wijk,
        rij.route,
        getoond,
        rij.geholpen,
        "ja" if rij.geen_passend_aanbod else "nee",
    ]
    return [neutraliseer(w) for w in waarden]  # e.g. a wijk name read back from the table


def schrijf_export(export: Export, formaat: str, uit: TextIO) -> int:
    """Write ``export`` to ``uit`` in ``formaat``; return the number of rows written.

    CSV uses ';' and lists ids separated by ';' inside a quoted cell, like the kaart template;
    a generalised ``getoond`` is ``afgeschermd``, ``geen_passend_aanbod`` is ``ja``/``nee``
    and an empty thema means "geen thema". The summary comes first, as ``#`` lines.
    JSON Lines: the summary object first, then one object per row (``getoond`` ``null`` when
    afgeschermd).

    Raises:
        SignaalFout: An unknown format.
    """
    if formaat not in FORMATEN:
        raise SignaalFout(
            f"Onbekend formaat {formaat!r}. Kies uit: {', '.join(FORMATEN)}.", veld="format"
        )
    aantal = 0
    if formaat == "jsonl":
        uit.write(_json_regel({"samenvatting": samenvatting_dict(export)}))
        for rij in export.vrijgave.rijen():
            uit.write(_json_regel(rij.als_dict()))
            aantal += 1
        return aantal
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    for zin in samenvatting(export):
        schrijver.writerow([f"# {zin}"])
    schrijver.writerow(KOLOMMEN)
    for rij in export.vrijgave.rijen():
        schrijver.writerow(_csv_waarden(rij))
        aantal += 1
    return aantal


def exporteer(
    session_factory: sessionmaker,
    formaat: str,
    uit: TextIO,
    *,
    k: int,
    van: date | None = None,
    tot: date | None = None,
    vandaag: date | None = None,
) -> Export:
    """Check the request, build the release (:func:`maak_export`) and write it (same file as CLI).

    Raises:
        SignaalFout: Unknown format (checked before the database is read) or a bad period.
    """
    if formaat not in FORMATEN:
        raise SignaalFout(
            f"Onbekend formaat {formaat!r}. Kies uit: {', '.join(FORMATEN)}.", veld="format"
        )
    export = maak_export(session_factory, k, van, tot, vandaag)
    schrijf_export(export, formaat, uit)
    return export
