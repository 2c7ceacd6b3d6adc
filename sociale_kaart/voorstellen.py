"""What organisations do on their check page, and the beheer queue of their proposals.

An organisation that opens its check link (:mod:`sociale_kaart.organisatie_link`) may, per
offer:

- confirm it ("Klopt nog"): ``laatst_gecontroleerd`` becomes today at once, because the
  organisation itself vouches for the entry, and the change log records it;
- propose a change: validated with the same rules (and Dutch messages) as the kaart template,
  then kept in a queue. Nothing on the kaart changes until a beheerder accepts it; accepting
  applies it in the caller's one transaction (search index included) and logs who did it.

The web handlers stay thin: every rule is here, in plain Python for both venvs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sociale_kaart.export import rij_waarden
from sociale_kaart.models import Aanbod, Organisatie, OrganisatieVoorstel
from sociale_kaart.tekst import sorteer_naam
from sociale_kaart.template import validate_row
from sociale_kaart.wijzigingen import ORGANISATIE, registreer
from sociale_kaart.zoekindex import index_termen, markeer_gewijzigd, schrijf_termen

#: The fields an organisation may propose a change to, in the order of the form.
BEWERKBAAR: tuple[str, ...] = (
    "naam",
    "omschrijving",
    "telefoon",
    "email",
    "website",
    "openingstijden",
    "adres",
    "postcode",
    "plaats",
    "kosten",
)
LABELS: dict[str, str] = {
    "naam": "Naam van het aanbod",
    "omschrijving": "Omschrijving",
    "telefoon": "Telefoonnummer",
    "email": "E-mailadres",
    "website": "Website",
    "openingstijden": "Openingstijden",
    "adres": "Adres (straat en huisnummer)",
    "postcode": "Postcode",
    "plaats": "Plaats",
    "kosten": "Kosten",
}
#: The database's column sizes, and a sane bound for the free texts.
MAX_LENGTE: dict[str, int] = {
    "naam": 200,
    "omschrijving": 4000,
    "telefoon": 40,
    "email": 200,
    "website": 500,
    "openingstijden": 1000,
    "adres": 200,
    "postcode": 7,
    "plaats": 120,
    "kosten": 200,
}
MEERREGELIG = frozenset({"omschrijving", "openingstijden"})
#: More open proposals than this per organisation is a stuck form or abuse, not real work.
MAX_OPEN_PER_ORGANISATIE = 50

OPEN = "open"
AANVAARD = "aanvaard"
AFGEWEZEN = "afgewezen"

_TELEFOON = re.compile(r"^\+?[0-9 ()\-./]{6,40}$")


class VoorstelFout(ValueError):
    """Input that cannot be accepted: ``fouten`` maps a field (or ``""``) to Dutch messages."""

    def __init__(self, fouten: Mapping[str, str]):
        self.fouten = dict(fouten)
        super().__init__("; ".join(f"{k}: {v}" if k else v for k, v in self.fouten.items()))


class NietGevonden(LookupError):
    """The offer or proposal does not exist, or does not belong to this organisation."""


def _nu(nu: datetime | None) -> datetime:
    return (nu or datetime.now(timezone.utc)).replace(tzinfo=None)


def aanbod_van(session: Session, organisatie_id: int) -> list[Aanbod]:
    """The organisation's offers, by name."""
    return list(
        session.scalars(
            select(Aanbod)
            .where(Aanbod.organisatie_id == organisatie_id)
            .order_by(Aanbod.sorteernaam, Aanbod.id)
        ).unique()
    )


def _eigen_aanbod(session: Session, organisatie_id: int, aanbod_id: str) -> Aanbod:
    aanbod = session.get(Aanbod, aanbod_id)
    if aanbod is None or aanbod.organisatie_id != organisatie_id:
        raise NietGevonden(aanbod_id)
    return aanbod


def bevestig(
    session: Session, organisatie_id: int, aanbod_id: str, nu: datetime | None = None
) -> Aanbod:
    """The organisation confirms an offer is still right: checked today, and logged."""
    aanbod = _eigen_aanbod(session, organisatie_id, aanbod_id)
    aanbod.laatst_gecontroleerd = _nu(nu).date()
    registreer(
        session,
        f"{ORGANISATIE}{aanbod.organisatie.naam}",
        "bevestiging",
        gewijzigd=[aanbod.id],
        toelichting="Klopt nog (via de controlelink)",
        tijdstip=_nu(nu),
    )
    session.flush()
    return aanbod


def huidige_waarden(aanbod: Aanbod) -> dict[str, str]:
    """The editable fields of an offer as form values ("" for empty)."""
    return {veld: str(getattr(aanbod, veld) or "") for veld in BEWERKBAAR}


def _schoon(veld: str, waarde: str) -> str:
    """Normalise what a browser sends: NFC, no control characters, trimmed."""
    tekst = unicodedata.normalize("NFC", waarde).replace("\r\n", "\n").replace("\r", "\n")
    toegestaan = "\n" if veld in MEERREGELIG else ""
    tekst = "".join(
        t for t in tekst if t in toegestaan or unicodedata.category(t) not in ("Cc", "Cf")
    )
    return tekst.strip()


def controleer_voorstel(
    aanbod: Aanbod, invoer: Mapping[str, str]
) -> dict[str, tuple[str | None, str | None]]:
    """The changed fields as ``field → (old, new)``; raise :class:`VoorstelFout` if invalid.

    Fields left out of ``invoer`` keep their value. Validation is the kaart template's own
    (``template.validate_row``): a proposal can never put on the kaart what an import would
    refuse, and the messages are the same.
    """
    fouten: dict[str, str] = {}
    nieuw: dict[str, str] = {}
    oud = huidige_waarden(aanbod)
    for veld in BEWERKBAAR:
        waarde = invoer.get(veld)
        if waarde is None:
            nieuw[veld] = oud[veld]
            continue
        if not isinstance(waarde, str):
            fouten[veld] = "Dit veld moet tekst zijn."
            continue
        nieuw[veld] = _schoon(veld, waarde)
        if len(nieuw[veld]) > MAX_LENGTE[veld]:
            fouten[veld] = (
                f"Dit veld is te lang ({len(nieuw[veld])} tekens). Het mag hoogstens "
                f"{MAX_LENGTE[veld]} tekens hebben."
            )
    if not nieuw.get("naam") and "naam" not in fouten:
        fouten["naam"] = "Vul de naam van het aanbod in."
    if (
        nieuw.get("telefoon")
        and "telefoon" not in fouten
        and not _TELEFOON.match(nieuw["telefoon"])
    ):
        fouten["telefoon"] = (
            "Dit is geen telefoonnummer. Gebruik alleen cijfers, spaties en eventueel + of -, "
            "zoals 0123 45 67 89."
        )
    rij: dict[str, str] = {
        k: "" if v is None else (v.isoformat() if isinstance(v, date) else str(v))
        for k, v in rij_waarden(aanbod).items()
    }
    rij.update({k: v for k, v in nieuw.items() if k not in fouten})
    wijken = [aanbod.wijk.naam] if aanbod.wijk else []
    gecontroleerd, problemen = validate_row(rij, 0, wijken)
    for probleem in problemen:
        if probleem.kolom in BEWERKBAAR and probleem.kolom not in fouten:
            melding = probleem.melding
            fouten[probleem.kolom] = melding[:1].upper() + melding[1:]
    if fouten:
        raise VoorstelFout(fouten)
    assert gecontroleerd is not None  # no problems, so a row
    wijzigingen: dict[str, tuple[str | None, str | None]] = {}
    for veld in BEWERKBAAR:
        waarde = getattr(gecontroleerd, veld)
        waarde = (waarde or None) if isinstance(waarde, str) else waarde
        vorige = getattr(aanbod, veld) or None
        if waarde != vorige:
            wijzigingen[veld] = (vorige, waarde)
    if not wijzigingen:
        raise VoorstelFout(
            {"": "U hebt niets gewijzigd. Klopt alles nog? Kies dan 'Klopt nog' bij dit aanbod."}
        )
    return wijzigingen


def dien_in(
    session: Session,
    organisatie_id: int,
    aanbod_id: str,
    invoer: Mapping[str, str],
    nu: datetime | None = None,
) -> OrganisatieVoorstel:
    """Put a validated proposal in the queue; the kaart itself does not change."""
    aanbod = _eigen_aanbod(session, organisatie_id, aanbod_id)
    wijzigingen = controleer_voorstel(aanbod, invoer)
    aantal_open = session.scalar(
        select(func.count())
        .select_from(OrganisatieVoorstel)
        .where(
            OrganisatieVoorstel.organisatie_id == organisatie_id,
            OrganisatieVoorstel.status == OPEN,
        )
    )
    if (aantal_open or 0) >= MAX_OPEN_PER_ORGANISATIE:
        raise VoorstelFout(
            {
                "": "Er wachten al veel voorstellen van uw organisatie. De gemeente bekijkt die "
                "eerst. Probeer het later opnieuw, of bel de gemeente."
            }
        )
    tekst = json.dumps({k: list(v) for k, v in wijzigingen.items()}, ensure_ascii=False)
    dubbel = session.scalar(
        select(func.count())
        .select_from(OrganisatieVoorstel)
        .where(
            OrganisatieVoorstel.aanbod_id == aanbod.id,
            OrganisatieVoorstel.status == OPEN,
            OrganisatieVoorstel.wijzigingen == tekst,
        )
    )
    if dubbel:
        raise VoorstelFout(
            {
                "": "Dit voorstel hebt u al verstuurd. De gemeente bekijkt het; u hoeft niets te doen."
            }
        )
    voorstel = OrganisatieVoorstel(
        organisatie_id=organisatie_id,
        aanbod_id=aanbod.id,
        wijzigingen=tekst,
        status=OPEN,
        ingediend=_nu(nu),
    )
    session.add(voorstel)
    session.flush()
    return voorstel


@dataclass(frozen=True)
class Verschil:
    """One field of a proposal: what it was when proposed, what it is now, what it would be."""

    veld: str
    label: str
    oud: str | None
    nieuw: str | None
    #: The current value, if it changed since the proposal was made (else ``None``).
    intussen: str | None = None


@dataclass(frozen=True)
class VoorstelWeergave:
    """A pending proposal as the queue page shows it."""

    id: int
    organisatie: str
    aanbod_id: str
    aanbod_naam: str
    ingediend: datetime
    verschillen: tuple[Verschil, ...]


def _wijzigingen(voorstel: OrganisatieVoorstel) -> dict[str, tuple[Any, Any]]:
    ruw = json.loads(voorstel.wijzigingen)
    return {k: (v[0], v[1]) for k, v in ruw.items() if k in BEWERKBAAR}


def open_voorstellen(session: Session) -> list[VoorstelWeergave]:
    """Pending proposals, oldest first, with the difference field by field."""
    rijen = session.execute(
        select(OrganisatieVoorstel, Aanbod, Organisatie.naam)
        .join(Aanbod, Aanbod.id == OrganisatieVoorstel.aanbod_id)
        .join(Organisatie, Organisatie.id == OrganisatieVoorstel.organisatie_id)
        .where(OrganisatieVoorstel.status == OPEN)
        .order_by(OrganisatieVoorstel.ingediend, OrganisatieVoorstel.id)
    ).unique()
    result = []
    for voorstel, aanbod, org in rijen:
        verschillen = []
        for veld, (oud, nieuw) in _wijzigingen(voorstel).items():
            nu = getattr(aanbod, veld) or None
            verschillen.append(
                Verschil(veld, LABELS[veld], oud, nieuw, intussen=nu if nu != oud else None)
            )
        result.append(
            VoorstelWeergave(
                voorstel.id, org, aanbod.id, aanbod.naam, voorstel.ingediend, tuple(verschillen)
            )
        )
    return result


def aantal_open(session: Session) -> int:
    """How many proposals wait (for a badge on the beheer page)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(OrganisatieVoorstel)
            .where(OrganisatieVoorstel.status == OPEN)
        )
        or 0
    )


def _beslis(
    session: Session, voorstel_id: int, status: str, door: str, nu: datetime
) -> OrganisatieVoorstel:
    """Mark a pending proposal decided; exactly once, also with two beheerders at once."""
    klaar = session.execute(
        update(OrganisatieVoorstel)
        .where(OrganisatieVoorstel.id == voorstel_id, OrganisatieVoorstel.status == OPEN)
        .values(status=status, besloten=nu, besloten_door=door[:200])
        .execution_options(synchronize_session=False)
    )
    voorstel = session.get(OrganisatieVoorstel, voorstel_id, populate_existing=True)
    if voorstel is None:
        raise NietGevonden(str(voorstel_id))
    if klaar.rowcount != 1:  # type: ignore[attr-defined]
        raise VoorstelFout({"": "Dit voorstel is al behandeld."})
    return voorstel


def aanvaard(session: Session, voorstel_id: int, door: str, nu: datetime | None = None) -> Aanbod:
    """Apply a proposal to the kaart (in the caller's transaction) and log who accepted it.

    The offer counts as checked today: the organisation looked at it and the beheerder
    agreed. The search index of the offer is rebuilt, so the new text is found at once.
    """
    moment = _nu(nu)
    voorstel = _beslis(session, voorstel_id, AANVAARD, door, moment)
    aanbod = session.get(Aanbod, voorstel.aanbod_id)
    if aanbod is None:
        raise NietGevonden(voorstel.aanbod_id)
    wijzigingen = _wijzigingen(voorstel)
    for veld, (_, nieuw) in wijzigingen.items():
        setattr(
            aanbod, veld, nieuw if nieuw is not None else ("" if veld == "omschrijving" else None)
        )
    if "naam" in wijzigingen:
        aanbod.sorteernaam = sorteer_naam(aanbod.naam)
    aanbod.laatst_gecontroleerd = moment.date()
    session.flush()
    schrijf_termen(
        session,
        [
            (
                aanbod.id,
                index_termen(
                    aanbod.naam,
                    aanbod.organisatie.naam,
                    aanbod.omschrijving,
                    [t for t in aanbod.trefwoorden.split(";") if t],
                    aanbod.thema_codes,
                ),
            )
        ],
        bestaande_wissen=[aanbod.id],
    )
    markeer_gewijzigd(session)
    velden = ", ".join(LABELS[v].lower() for v in wijzigingen)
    # Logged as the organisation's change (a full-replace import warns before undoing those),
    # with the beheerder who accepted it.
    registreer(
        session,
        f"{ORGANISATIE}{aanbod.organisatie.naam} (aanvaard door {door})",
        "voorstel",
        gewijzigd=[aanbod.id],
        toelichting=f"Voorstel aanvaard door {door}: {velden}",
        tijdstip=moment,
    )
    session.flush()
    return aanbod


def wijs_af(
    session: Session, voorstel_id: int, door: str, nu: datetime | None = None
) -> OrganisatieVoorstel:
    """Reject a proposal: the kaart stays as it is; the decision is kept with the proposal."""
    return _beslis(session, voorstel_id, AFGEWEZEN, door, _nu(nu))


__all__ = [
    "AANVAARD",
    "AFGEWEZEN",
    "BEWERKBAAR",
    "LABELS",
    "OPEN",
    "NietGevonden",
    "Verschil",
    "VoorstelFout",
    "VoorstelWeergave",
    "aanbod_van",
    "aantal_open",
    "aanvaard",
    "bevestig",
    "controleer_voorstel",
    "dien_in",
    "huidige_waarden",
    "open_voorstellen",
    "wijs_af",
]
