"""Periods for reports and exports: whole calendar months only, and only months that are over.

Why whole months: counts over 1-14 March next to counts over 1-13 March give away what happened
on 14 March, down to a single hulpvraag. When every period starts on the first day of a month
and ends on the last day of a month, the difference of any two periods is a set of whole months
(a quarter and a year are whole months too), never a day.

Why finished months: a period that includes the current month gives a different answer
tomorrow, and the difference between today's answer and tomorrow's is exactly one day. So the
last month of a period must be over (``tot`` before the first day of the month of
``vandaag``). Callers that face users pass ``vandaag``; pure calculations on stored counts can
leave it out.

All checks raise :class:`signalen.SignaalFout` with a Dutch message that names the option
(``--van``/``--tot``, as the CLI spells them) and ``veld`` set to ``van`` or ``tot``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from signalen import SignaalFout

#: One sentence of why, shared by the messages (B1).
WAAROM = (
    "Een periode bestaat uit hele maanden (of kwartalen of jaren), zodat twee overzichten "
    "samen nooit één dag laten zien."
)
MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_MAAND = re.compile(r"^(\d{4})-(\d{2})$")
_KWARTAAL = re.compile(r"^(\d{4})-[KkQq]([1-4])$")
_JAAR = re.compile(r"^(\d{4})$")


def laatste_dag(jaar: int, maand: int) -> date:
    """The last day of a month."""
    return date(jaar, maand, calendar.monthrange(jaar, maand)[1])


def eerste_dag_van_maand(dag: date) -> date:
    """The first day of the month of ``dag``."""
    return dag.replace(day=1)


def laatste_dag_van_maand(dag: date) -> date:
    """The last day of the month of ``dag``."""
    return laatste_dag(dag.year, dag.month)


def laatste_afgesloten_dag(vandaag: date) -> date:
    """The last day of the last month that is over: the day before this month began."""
    return eerste_dag_van_maand(vandaag) - timedelta(days=1)


def standaard_periode(vandaag: date) -> tuple[date, date]:
    """This year's finished months (on 1-31 January: the whole of last year)."""
    tot = laatste_afgesloten_dag(vandaag)
    return date(tot.year, 1, 1), tot


def maand_code(dag: date) -> str:
    """``JJJJ-MM``: how exports and reports name a month."""
    return f"{dag.year:04d}-{dag.month:02d}"


def maand_naam(dag: date) -> str:
    """``maart 2026``: a month as people write it."""
    return f"{MAANDEN[dag.month - 1]} {dag.year}"


def controleer_van(van: date) -> None:
    """``van`` must be the first day of a month.

    Raises:
        SignaalFout: With ``veld="van"`` and an example of a valid value.
    """
    if van.day != 1:
        raise SignaalFout(
            f"--van {van.isoformat()} is niet de eerste dag van een maand. {WAAROM} Kies "
            f"bijvoorbeeld --van {eerste_dag_van_maand(van).isoformat()} of --van "
            f"{maand_code(van)}.",
            veld="van",
        )


def controleer_tot(tot: date, van: date | None = None, vandaag: date | None = None) -> None:
    """``tot`` must be the last day of a month, not before ``van``, and (with ``vandaag``) over.

    Raises:
        SignaalFout: With ``veld="tot"``.
    """
    if tot != laatste_dag_van_maand(tot):
        raise SignaalFout(
            f"--tot {tot.isoformat()} is niet de laatste dag van een maand. {WAAROM} Kies "
            f"bijvoorbeeld --tot {laatste_dag_van_maand(tot).isoformat()} of --tot "
            f"{maand_code(tot)}.",
            veld="tot",
        )
    if van is not None and van > tot:
        raise SignaalFout(
            f"--van ({van.isoformat()}) ligt na --tot ({tot.isoformat()}). Draai ze om.",
            veld="tot",
        )
    if vandaag is not None and tot >= eerste_dag_van_maand(vandaag):
        raise SignaalFout(
            f"--tot {tot.isoformat()} ligt in een maand die nog niet voorbij is. Alleen "
            "afgesloten maanden tellen mee: anders laten twee overzichten op verschillende dagen "
            "samen één dag zien. Kies uiterlijk --tot "
            f"{laatste_afgesloten_dag(vandaag).isoformat()}.",
            veld="tot",
        )


def controleer_periode(van: date | None, tot: date | None, vandaag: date | None = None) -> None:
    """Both ends (each optional: an open end is no boundary inside a month).

    Raises:
        SignaalFout: The first thing wrong, ``van`` before ``tot``.
    """
    if van is not None:
        controleer_van(van)
    if tot is not None:
        controleer_tot(tot, van, vandaag)


def lees_datum(tekst: str, optie: str, einde: bool) -> date:
    """``JJJJ-MM-DD``, or ``JJJJ-MM`` for the first (or with ``einde`` the last) day of a month.

    Raises:
        SignaalFout: Not a date; the message names ``optie``.
    """
    waarde = tekst.strip()
    maand = _MAAND.match(waarde)
    try:
        if maand:
            jaar, nummer = int(maand.group(1)), int(maand.group(2))
            return laatste_dag(jaar, nummer) if einde else date(jaar, nummer, 1)
        return date.fromisoformat(waarde)
    except ValueError:
        raise SignaalFout(
            f"{optie} {tekst!r} is geen geldige datum. Schrijf JJJJ-MM (een hele maand) of "
            "JJJJ-MM-DD, bijvoorbeeld 2026-01 of 2026-01-31.",
            veld=optie.lstrip("-"),
        ) from None


def lees_periode(tekst: str) -> tuple[date, date]:
    """A year (``2026``), a quarter (``2026-K1``, also ``2026-Q1``) or a month (``2026-03``).

    Raises:
        SignaalFout: With ``veld="periode"``.
    """
    waarde = tekst.strip()
    try:
        if jaar := _JAAR.match(waarde):
            j = int(jaar.group(1))
            return date(j, 1, 1), date(j, 12, 31)
        if kwartaal := _KWARTAAL.match(waarde):
            j, q = int(kwartaal.group(1)), int(kwartaal.group(2))
            return date(j, 3 * q - 2, 1), laatste_dag(j, 3 * q)
        if maand := _MAAND.match(waarde):
            j, m = int(maand.group(1)), int(maand.group(2))
            return date(j, m, 1), laatste_dag(j, m)
    except ValueError:
        pass
    raise SignaalFout(
        f"--periode {tekst!r} is geen jaar, kwartaal of maand. Schrijf bijvoorbeeld 2026 (een "
        "jaar), 2026-K1 (een kwartaal) of 2026-03 (een maand).",
        veld="periode",
    )
