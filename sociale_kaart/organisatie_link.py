"""Personal check links for organisations: signed, single-purpose, expiring, revocable.

An organisation gets a link to a page where it confirms or corrects its own entries, without
an account. The link is the only credential, so it is:

- **signed** with HMAC-SHA256 under a key derived from the web app's secret
  (``Settings.sessie_sleutel_path``) for this purpose only: a session or CSRF token made with
  the same secret is never a valid link, and the other way round;
- **single-purpose**: the payload names the scope ``organisatie-controle`` and one
  organisation id; a link works for that organisation only;
- **expiring** after ``Settings.organisatie_link_dagen`` days from the day it was made;
- **revocable**: every new link for an organisation raises its ``link_generatie``, and only the
  link of the current generation works, so an old mail that was forwarded stops working.

Plain :mod:`hmac` and :mod:`base64` (no itsdangerous): the CLI runs in the Rasa venv, the web
app in its own, and both must make and read the same links.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from kern.gemeente import GemeenteProfiel
from kern.settings import Settings
from sociale_kaart.models import Organisatie
from sociale_kaart.template import AanbodRij

SCOPE = "organisatie-controle"
#: Domain separation: the link key is not the raw secret that also signs sessions.
_AFLEIDING = b"wegwijzer/organisatie-link/v1"
#: A link made a little in the "future" is a clock difference between CLI and web app.
_KLOKMARGE = 300
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{8,200}\.[A-Za-z0-9_-]{43}$")

ONGELDIG = "ongeldig"
VERLOPEN = "verlopen"
VERVANGEN = "vervangen"
ONBEKEND = "onbekend"

_MELDINGEN = {
    ONGELDIG: (
        "Deze link klopt niet. Misschien is hij niet helemaal gekopieerd. Open de link opnieuw "
        "vanuit de e-mail, of vraag de gemeente om een nieuwe link."
    ),
    VERLOPEN: (
        "Deze link is verlopen. Een link werkt een beperkte tijd. Vraag de gemeente om een "
        "nieuwe link."
    ),
    VERVANGEN: (
        "Er is een nieuwere link voor uw organisatie verstuurd. Deze link werkt daarom niet "
        "meer. Gebruik de link uit de nieuwste e-mail."
    ),
    ONBEKEND: (
        "Deze organisatie staat niet meer op de sociale kaart. Neem contact op met de gemeente "
        "als dat niet klopt."
    ),
}


class LinkOngeldig(Exception):
    """The link cannot be used; ``reden`` says why, ``melding`` says it in Dutch (B1)."""

    def __init__(self, reden: str):
        self.reden = reden
        self.melding = _MELDINGEN[reden]
        #: Altered or unknown: 403; was valid once but no longer: 410 (Gone).
        self.status = 410 if reden in (VERLOPEN, VERVANGEN) else 403
        super().__init__(reden)


@dataclass(frozen=True)
class LinkInhoud:
    """What a valid link says."""

    organisatie_id: int
    generatie: int
    #: Unix time the link was made.
    uitgegeven: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(tekst: str) -> bytes:
    return base64.urlsafe_b64decode(tekst + "=" * (-len(tekst) % 4))


def link_sleutel(sleutel: bytes) -> bytes:
    """The key for links only, derived from the web app's secret."""
    return hmac.new(sleutel, _AFLEIDING, hashlib.sha256).digest()


def _handtekening(sleutel: bytes, deel: str) -> str:
    return _b64(hmac.new(link_sleutel(sleutel), deel.encode("ascii"), hashlib.sha256).digest())


def _tijd(nu: datetime | None) -> int:
    return int((nu or datetime.now(timezone.utc)).timestamp())


def teken(
    sleutel: bytes,
    organisatie_id: int,
    generatie: int,
    nu: datetime | None = None,
    scope: str = SCOPE,
) -> str:
    """A link token for one organisation and generation (``scope`` is for tests only)."""
    inhoud = _b64(f"{scope}|{organisatie_id}|{generatie}|{_tijd(nu)}".encode("ascii"))
    return f"{inhoud}.{_handtekening(sleutel, inhoud)}"


def lees(sleutel: bytes, token: str, dagen: int, nu: datetime | None = None) -> LinkInhoud:
    """Check signature, scope and age of a token; raise :class:`LinkOngeldig` if it fails.

    The generation is checked against the database by :func:`organisatie_van_link`.
    """
    if not _TOKEN.match(token):
        raise LinkOngeldig(ONGELDIG)
    inhoud, handtekening = token.split(".")
    if not hmac.compare_digest(handtekening, _handtekening(sleutel, inhoud)):
        raise LinkOngeldig(ONGELDIG)
    try:
        scope, org, generatie, tijd = _unb64(inhoud).decode("ascii").split("|")
        gegevens = LinkInhoud(int(org), int(generatie), int(tijd))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise LinkOngeldig(ONGELDIG) from None
    if scope != SCOPE:
        raise LinkOngeldig(ONGELDIG)
    leeftijd = _tijd(nu) - gegevens.uitgegeven
    if leeftijd < -_KLOKMARGE:
        raise LinkOngeldig(ONGELDIG)
    if leeftijd > dagen * 86400:
        raise LinkOngeldig(VERLOPEN)
    return gegevens


def csrf_voor_link(sleutel: bytes, token: str) -> str:
    """The CSRF token for the forms of one link page (that page has no session)."""
    return _handtekening(sleutel, f"csrf|{token}")


def csrf_klopt(sleutel: bytes, token: str, gegeven: str | None) -> bool:
    """Whether a form's ``csrftoken`` belongs to this link page."""
    return bool(gegeven) and hmac.compare_digest(str(gegeven), csrf_voor_link(sleutel, token))


def nieuwe_link(
    session: Session, sleutel: bytes, organisatie_id: int, nu: datetime | None = None
) -> str:
    """Make a new link for an organisation; every older link of it stops working.

    The caller commits: the new generation and the mail with the link belong together.
    """
    session.execute(
        update(Organisatie)
        .where(Organisatie.id == organisatie_id)
        .values(link_generatie=Organisatie.link_generatie + 1)
        .execution_options(synchronize_session=False)
    )
    org = session.get(Organisatie, organisatie_id, populate_existing=True)
    if org is None:
        raise LinkOngeldig(ONBEKEND)
    return teken(sleutel, organisatie_id, org.link_generatie, nu)


def organisatie_van_link(
    session: Session, sleutel: bytes, token: str, dagen: int, nu: datetime | None = None
) -> Organisatie:
    """The organisation a valid, current link belongs to; else :class:`LinkOngeldig`."""
    inhoud = lees(sleutel, token, dagen, nu)
    org = session.get(Organisatie, inhoud.organisatie_id)
    if org is None:
        raise LinkOngeldig(ONBEKEND)
    if inhoud.generatie != org.link_generatie:
        raise LinkOngeldig(VERVANGEN)
    return org


def werk_contact_bij(
    session: Session, rijen: Iterable[AanbodRij], organisatie_ids: Mapping[str, int]
) -> int:
    """Store the ``organisatie_email`` column of imported rows; return how many changed.

    A file without the column leaves every address as it is; an empty cell in every row of
    an organisation clears its address (the export writes it, so export → import keeps it).
    """
    per_org: dict[str, str | None] = {}
    for rij in rijen:
        if rij.organisatie_email is None:
            continue
        if rij.organisatie_email or rij.organisatie not in per_org:
            per_org[rij.organisatie] = rij.organisatie_email or per_org.get(rij.organisatie)
    if not per_org:
        return 0
    huidig: dict[int, str | None] = {
        ident: email for ident, email in session.execute(select(Organisatie.id, Organisatie.email))
    }
    aantal = 0
    for naam, email in per_org.items():
        ident = organisatie_ids[naam]
        if huidig.get(ident) != (email or None):
            session.execute(
                update(Organisatie).where(Organisatie.id == ident).values(email=email or None)
            )
            aantal += 1
    return aantal


def link_url(publieke_url: str, token: str) -> str:
    """The address in the mail: the web app's public address and the link page."""
    return f"{publieke_url.rstrip('/')}/organisatie/{token}"


@dataclass
class Verzending:
    """What ``kaart controle --verstuur`` (or the beheer button) did."""

    #: Organisations that got a mail with a new link.
    verstuurd: list[str]
    #: Organisations with stale entries but no e-mail address at all (call them).
    zonder_adres: list[str]
    via_smtp: bool
    bestanden: list[Path]


def verstuur_controles(
    session_factory: sessionmaker,
    settings: Settings,
    profiel: GemeenteProfiel,
    sleutel: bytes,
    nu: datetime | None = None,
    dagen: int | None = None,
) -> Verzending:
    """Mail every organisation with stale entries a personal, new check link.

    The new link generations are committed before the mails go out: a mail must never carry
    a link that is not valid yet. If the mail server then fails, :class:`MailFout` says how
    many went out; running it again makes fresh links for everyone.
    """
    from kern.db import unit_of_work
    from sociale_kaart.controle import controle_mail, verouderd_per_organisatie
    from sociale_kaart.mail import bezorg

    moment = nu or datetime.now(timezone.utc)
    vers_dagen = dagen or settings.kaart_vers_dagen
    berichten = []
    zonder_adres = []
    with unit_of_work(session_factory) as session:
        for controle in verouderd_per_organisatie(session, moment.date(), vers_dagen):
            if not controle.emails or controle.organisatie_id is None:
                zonder_adres.append(controle.organisatie)
                continue
            token = nieuwe_link(session, sleutel, controle.organisatie_id, moment)
            bericht = controle_mail(
                controle,
                profiel,
                vers_dagen,
                link=link_url(settings.web_publieke_url, token),
                link_dagen=settings.organisatie_link_dagen,
            )
            # Replies reach the gemeente; the envelope sender is the configured one.
            del bericht["From"]
            bericht["From"] = settings.smtp_afzender
            if profiel.contact.email:
                bericht["Reply-To"] = profiel.contact.email
            berichten.append((controle.organisatie, bericht))
    bezorging = bezorg(berichten, settings)
    return Verzending(
        verstuurd=[naam for naam, _ in berichten],
        zonder_adres=zonder_adres,
        via_smtp=bezorging.via_smtp,
        bestanden=bezorging.bestanden,
    )
