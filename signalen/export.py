"""The anonymous signal rows themselves, as JSON Lines or CSV, for analysis elsewhere.

No ``sleutel``: the export cannot be joined back to the table, let alone to a conversation.
Rows are ordered by their content, never by when they were written, so neighbouring rows say
nothing about belonging together. Rows are streamed, so a large table does not fill memory.

Caution for whoever receives it: these are single hulpvragen, not suppressed counts. A rare
combination (a small wijk, an age band, a thema, a day) can single out a resident to someone
who knows them. Treat the export as internal data; publish reports, not exports.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from typing import TextIO

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from signalen import SignaalFout
from signalen.model import signaal_tabel
from signalen.opslag import LIJST_SCHEIDING
from signalen.signaal import Signaal

FORMATEN = ("jsonl", "csv")
#: Every column of the signal table except the HMAC ``sleutel``, which never leaves it.
KOLOMMEN = tuple(c.name for c in signaal_tabel.columns if c.name != "sleutel")
PER_KEER = 5000  # rows fetched per round trip


def signalen(
    session_factory: sessionmaker, van: date | None = None, tot: date | None = None
) -> Iterator[Signaal]:
    """All signals (optionally within ``van``..``tot``), ordered by content, streamed."""
    t = signaal_tabel.c
    stmt = select(*(t[k] for k in KOLOMMEN)).order_by(
        t.datum,
        func.coalesce(t.thema, ""),
        t.wijk,
        t.leeftijdsgroep,
        t.voor_wie,
        t.route,
        t.geholpen,
        t.geen_passend_aanbod,
        t.getoond,
    )
    if van is not None:
        stmt = stmt.where(t.datum >= van)
    if tot is not None:
        stmt = stmt.where(t.datum <= tot)
    with session_factory() as session:
        uitkomst = session.execute(stmt, execution_options={"stream_results": True})
        for rij in uitkomst.yield_per(PER_KEER):
            yield Signaal(
                datum=rij.datum,
                thema=rij.thema,
                leeftijdsgroep=rij.leeftijdsgroep,
                voor_wie=rij.voor_wie,
                wijk=rij.wijk,
                route=rij.route,
                getoond=tuple(rij.getoond.split(LIJST_SCHEIDING)) if rij.getoond else (),
                geholpen=rij.geholpen,
                geen_passend_aanbod=bool(rij.geen_passend_aanbod),
            )


def exporteer(
    session_factory: sessionmaker,
    formaat: str,
    uit: TextIO,
    van: date | None = None,
    tot: date | None = None,
) -> int:
    """Write the signals to ``uit`` in ``formaat`` (``jsonl`` or ``csv``); return the count.

    CSV uses ';' and lists ids separated by ';' inside a quoted cell, like the kaart template;
    ``geen_passend_aanbod`` is ``ja``/``nee`` and an empty thema means "geen thema".
    """
    if formaat not in FORMATEN:
        raise SignaalFout(f"Onbekend formaat {formaat!r}. Kies uit: {', '.join(FORMATEN)}.")
    aantal = 0
    if formaat == "jsonl":
        for signaal in signalen(session_factory, van, tot):
            uit.write(json.dumps(signaal.als_dict(), ensure_ascii=False) + "\n")
            aantal += 1
        return aantal
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for signaal in signalen(session_factory, van, tot):
        schrijver.writerow(
            [
                signaal.datum.isoformat(),
                signaal.thema or "",
                signaal.leeftijdsgroep,
                signaal.voor_wie,
                signaal.wijk,
                signaal.route,
                LIJST_SCHEIDING.join(signaal.getoond),
                signaal.geholpen,
                "ja" if signaal.geen_passend_aanbod else "nee",
            ]
        )
        aantal += 1
    return aantal
