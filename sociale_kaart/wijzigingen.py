"""The kaart's change log: every change is recorded (who, when, which offers), one row per event.

Writers: every import (CLI or beheer page, through :func:`sociale_kaart.importer.import_rijen`)
and the organisation pages (a confirmation, an accepted proposal) call :func:`registreer` in the
same transaction as the change itself, so the log never claims a change that was rolled back.

The log also protects a full-replace import. An export stamps its file with the
``kaartstand``: the time of the newest logged change the file contains (see
:mod:`sociale_kaart.export`). A later ``--vervang`` import of that file would undo every change
logged after that moment for the offers it changes or removes; :func:`terugdraaiingen` lists
them, so the CLI (``--ja``) and the beheer page (a confirm box) can ask first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociale_kaart.models import KaartWijziging

#: ``soort`` of an ordinary import and of a full replace.
IMPORT = "import"
IMPORT_VERVANG = "import_vervang"
#: Prefix of ``wie`` for changes an organisation made through its link.
ORGANISATIE = "organisatie:"
#: Column the export adds to every row; older files without it import as before.
KAARTSTAND_KOLOM = "kaartstand"
#: Stamp of an export made while the log was still empty.
KAARTSTAND_LEEG = "leeg"


def nu() -> datetime:
    """Now in UTC without tzinfo, as the log stores it (SQLite keeps no zone)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Wijziging:
    """One logged change, as the beheer page and the CLI show it."""

    id: int
    tijdstip: datetime
    wie: str
    soort: str
    toegevoegd: tuple[str, ...]
    gewijzigd: tuple[str, ...]
    verwijderd: tuple[str, ...]
    toelichting: str

    @property
    def ids(self) -> tuple[str, ...]:
        """Every offer id this change touched."""
        return self.toegevoegd + self.gewijzigd + self.verwijderd


def _lijst(tekst: str) -> tuple[str, ...]:
    try:
        waarde = json.loads(tekst or "[]")
    except ValueError:
        return ()
    return tuple(str(x) for x in waarde) if isinstance(waarde, list) else ()


def _als_wijziging(rij: KaartWijziging) -> Wijziging:
    return Wijziging(
        id=rij.id,
        tijdstip=rij.tijdstip,
        wie=rij.wie,
        soort=rij.soort,
        toegevoegd=_lijst(rij.toegevoegd),
        gewijzigd=_lijst(rij.gewijzigd),
        verwijderd=_lijst(rij.verwijderd),
        toelichting=rij.toelichting or "",
    )


def registreer(
    session: Session,
    wie: str,
    soort: str,
    *,
    toegevoegd: Sequence[str] = (),
    gewijzigd: Sequence[str] = (),
    verwijderd: Sequence[str] = (),
    toelichting: str = "",
    tijdstip: datetime | None = None,
) -> KaartWijziging | None:
    """Record one change in the caller's transaction; nothing is recorded when nothing changed.

    An import that changed nothing leaves no row, so two exports around it stay identical.
    """
    if not (toegevoegd or gewijzigd or verwijderd):
        return None
    rij = KaartWijziging(
        tijdstip=tijdstip or nu(),
        wie=wie[:200],
        soort=soort[:32],
        toegevoegd=json.dumps(sorted(toegevoegd), ensure_ascii=False),
        gewijzigd=json.dumps(sorted(gewijzigd), ensure_ascii=False),
        verwijderd=json.dumps(sorted(verwijderd), ensure_ascii=False),
        toelichting=toelichting,
    )
    session.add(rij)
    session.flush()
    return rij


def aantal(session: Session) -> int:
    """Number of logged changes (for paging)."""
    return session.scalar(select(func.count()).select_from(KaartWijziging)) or 0


def laatste(session: Session, limiet: int = 25, overslaan: int = 0) -> list[Wijziging]:
    """Logged changes, newest first, one page at a time."""
    stmt = (
        select(KaartWijziging)
        .order_by(KaartWijziging.tijdstip.desc(), KaartWijziging.id.desc())
        .offset(max(0, overslaan))
        .limit(max(1, limiet))
    )
    return [_als_wijziging(r) for r in session.scalars(stmt)]


def kaartstand(session: Session) -> str:
    """The stamp an export writes: the newest change's time (ISO, UTC, microseconds)."""
    tijd = session.scalar(select(func.max(KaartWijziging.tijdstip)))
    if tijd is None:
        return KAARTSTAND_LEEG
    return tijd.isoformat(timespec="microseconds") + "Z"


def lees_kaartstand(waarden: Iterable[str]) -> datetime | None:
    """The oldest valid stamp among a file's rows (rows pasted from an older export count).

    ``None`` when no row has one (a file from before stamps, or made by hand); an export made
    while the log was empty gives ``datetime.min``: every logged change is newer.
    """
    gevonden: list[datetime] = []
    for waarde in waarden:
        tekst = (waarde or "").strip()
        if not tekst:
            continue
        if tekst.lower() == KAARTSTAND_LEEG:
            gevonden.append(datetime.min)
            continue
        try:
            tijd = datetime.fromisoformat(tekst.removesuffix("Z").replace(" ", "T"))
        except ValueError:
            continue
        if tijd.tzinfo is not None:
            tijd = tijd.astimezone(timezone.utc).replace(tzinfo=None)
        gevonden.append(tijd)
    return min(gevonden) if gevonden else None


@dataclass(frozen=True)
class Terugdraaiing:
    """A logged change that a full-replace import would undo, and for which offers."""

    wijziging: Wijziging
    aanbod: tuple[str, ...]

    def __str__(self) -> str:
        w = self.wijziging
        ids = ", ".join(self.aanbod[:10]) + (
            f" en nog {len(self.aanbod) - 10}" if len(self.aanbod) > 10 else ""
        )
        return f"{w.tijdstip:%d-%m-%Y %H:%M} UTC door {w.wie} ({w.soort}): {ids}"


def terugdraaiingen(
    session: Session, stand: datetime | None, geraakt: Iterable[str]
) -> list[Terugdraaiing]:
    """Changes logged after the file's ``stand`` for offers the import would change or remove.

    A file without a stamp (``None``) cannot say what it already contains; then every change an
    organisation made is taken, since those are the ones a beheerder's old file never has.
    """
    geraakt_set = set(geraakt)
    if not geraakt_set:
        return []
    stmt = select(KaartWijziging).order_by(KaartWijziging.tijdstip, KaartWijziging.id)
    if stand is None:
        stmt = stmt.where(KaartWijziging.wie.startswith(ORGANISATIE, autoescape=True))
    elif stand != datetime.min:
        stmt = stmt.where(KaartWijziging.tijdstip > stand)
    result = []
    for rij in session.scalars(stmt):
        wijziging = _als_wijziging(rij)
        aanbod = tuple(sorted(i for i in set(wijziging.ids) if i in geraakt_set))
        if aanbod:
            result.append(Terugdraaiing(wijziging, aanbod))
    return result
