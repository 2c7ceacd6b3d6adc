"""Freshness of the kaart: which entries need checking, grouped per organisation to mail them.

An entry not checked for ``Settings.kaart_vers_dagen`` days (default 365) is stale: the bot and
the loket still show it, but below fresh ones and with the date it was last checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kern.gemeente import GemeenteProfiel
from sociale_kaart.models import Aanbod, Organisatie


@dataclass(frozen=True)
class VerouderdAanbod:
    """One stale entry."""

    id: str
    naam: str
    laatst_gecontroleerd: date | None
    dagen_geleden: int | None


@dataclass(frozen=True)
class OrganisatieControle:
    """The stale entries of one organisation and how to reach it."""

    organisatie: str
    emails: tuple[str, ...]
    telefoons: tuple[str, ...]
    aanbod: tuple[VerouderdAanbod, ...]
    #: The organisation's database id (for its check link).
    organisatie_id: int | None = None


def verouderd_per_organisatie(
    session: Session, peildatum: date, vers_dagen: int
) -> list[OrganisatieControle]:
    """Stale entries (never checked, or longer than ``vers_dagen`` ago) per organisation."""
    grens = peildatum - timedelta(days=vers_dagen)
    stmt = (
        select(Organisatie.naam, Aanbod.id, Aanbod.naam, Aanbod.laatst_gecontroleerd)
        .join(Aanbod, Aanbod.organisatie_id == Organisatie.id)
        .where(or_(Aanbod.laatst_gecontroleerd.is_(None), Aanbod.laatst_gecontroleerd < grens))
    )
    per_org: dict[str, list[VerouderdAanbod]] = {}
    for org, ident, naam, gecontroleerd in session.execute(stmt):
        dagen = (peildatum - gecontroleerd).days if gecontroleerd else None
        per_org.setdefault(org, []).append(VerouderdAanbod(ident, naam, gecontroleerd, dagen))
    if not per_org:
        return []
    contact: dict[str, tuple[set[str], set[str]]] = {naam: (set(), set()) for naam in per_org}
    # The organisation's own contact address comes first; the offers' addresses are the
    # fall-back for organisations that have none.
    eigen: dict[str, tuple[int, str | None]] = {
        naam: (ident, email)
        for naam, ident, email in session.execute(
            select(Organisatie.naam, Organisatie.id, Organisatie.email).where(
                Organisatie.naam.in_(list(per_org))
            )
        )
    }
    for org, email, telefoon in session.execute(
        select(Organisatie.naam, Aanbod.email, Aanbod.telefoon)
        .join(Aanbod, Aanbod.organisatie_id == Organisatie.id)
        .where(Organisatie.naam.in_(list(per_org)))
    ):
        if email:
            contact[org][0].add(email)
        if telefoon:
            contact[org][1].add(telefoon)
    return [
        OrganisatieControle(
            organisatie=org,
            emails=_adressen(eigen[org][1], contact[org][0]),
            telefoons=tuple(sorted(contact[org][1])),
            # Oldest first: never checked, then by date.
            aanbod=tuple(
                sorted(
                    items,
                    key=lambda a: (
                        a.laatst_gecontroleerd is not None,
                        a.laatst_gecontroleerd or date.min,
                        a.id,
                    ),
                )
            ),
            organisatie_id=eigen[org][0],
        )
        for org, items in sorted(per_org.items(), key=lambda kv: kv[0].casefold())
    ]


def _adressen(eigen: str | None, van_aanbod: set[str]) -> tuple[str, ...]:
    return (eigen,) if eigen else tuple(sorted(van_aanbod))


def controle_mail(
    controle: OrganisatieControle,
    profiel: GemeenteProfiel,
    vers_dagen: int,
    link: str | None = None,
    link_dagen: int = 30,
) -> EmailMessage:
    """A ready-to-send request to the organisation to check its entries (saved as .eml).

    With ``link`` (its personal check link) the organisation confirms or corrects its entries
    on a web page; without, it answers the mail. Only the organisation's own entries are in
    it, never anything about residents.
    """
    bericht = EmailMessage()
    bericht["Subject"] = f"Klopt uw informatie op de sociale kaart van {profiel.naam}?"
    if profiel.contact.email:
        bericht["From"] = profiel.contact.email
    if controle.emails:
        bericht["To"] = ", ".join(controle.emails)
    regels = []
    for item in controle.aanbod:
        wanneer = (
            f"laatst gecontroleerd op {item.laatst_gecontroleerd:%d-%m-%Y}"
            if item.laatst_gecontroleerd
            else "nog nooit gecontroleerd"
        )
        regels.append(f"- {item.naam} (nummer {item.id}), {wanneer}")
    if link:
        vraag = (
            "\n\nWilt u nagaan of naam, omschrijving, adres, telefoonnummer, openingstijden en "
            "kosten nog kloppen? Dat kan op deze persoonlijke pagina, zonder account:\n\n"
            f"{link}\n\n"
            "Klopt alles nog? Klik dan bij het aanbod op 'Klopt nog'. Is er iets veranderd? "
            "Klik dan op 'Wijziging voorstellen'. De gemeente bekijkt uw wijziging en zet die "
            "daarna op de kaart.\n\n"
            f"De link werkt {link_dagen} dagen en alleen voor uw organisatie. Stuur deze "
            "e-mail dus niet door naar mensen buiten uw organisatie. Krijgt u later een nieuwe "
            "link, dan werkt deze oude link niet meer.\n\n"
        )
    else:
        vraag = (
            "\n\nWilt u nagaan of naam, omschrijving, adres, telefoonnummer, openingstijden en "
            "kosten nog kloppen? Stuur uw wijzigingen, of de melding dat alles klopt, als "
            "antwoord op deze e-mail.\n\n"
        )
    bericht.set_content(
        f"Beste medewerker van {controle.organisatie},\n\n"
        f"Inwoners en medewerkers van {profiel.naam} vinden uw aanbod via de sociale kaart. "
        f"Deze informatie is langer dan {vers_dagen} dagen niet gecontroleerd:\n\n"
        + "\n".join(regels)
        + vraag
        + f"Met vriendelijke groet,\n\n{profiel.naam}\n{profiel.contact.telefoon}\n"
    )
    return bericht
