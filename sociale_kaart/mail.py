"""Delivering the kaart's mails: through SMTP when it is configured, else as ``.eml`` files.

Without ``Settings.smtp_host`` nothing leaves the machine: every mail is written to
``Settings.mail_dir`` so a beheerder can open it in a mail program and send it by hand. With
it, mails go through that server (plain SMTP on ``smtp_port``, STARTTLS when the server offers
it). Stdlib only, so the CLI (Rasa venv) and the web app send the same way.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from kern.settings import Settings


class MailFout(RuntimeError):
    """Mails could not be delivered; the message says so in Dutch (no addresses in it)."""


@dataclass
class Bezorging:
    """How the mails went out."""

    via_smtp: bool
    aantal: int = 0
    #: The files written (no SMTP configured).
    bestanden: list[Path] = field(default_factory=list)


def bestandsnaam(tekst: str) -> str:
    """A safe file name part for an organisation name."""
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-")[:60] or "organisatie"


def _vul_aan(bericht: EmailMessage, settings: Settings) -> None:
    if "From" not in bericht:
        bericht["From"] = settings.smtp_afzender
    if "Date" not in bericht:
        bericht["Date"] = format_datetime(datetime.now(timezone.utc))
    if "Message-ID" not in bericht:
        domein = settings.smtp_afzender.rpartition("@")[2] or "localhost"
        bericht["Message-ID"] = make_msgid(domain=domein)


def bezorg(
    berichten: Sequence[tuple[str, EmailMessage]], settings: Settings, timeout: float = 30.0
) -> Bezorging:
    """Send or write ``(name, mail)`` pairs; ``name`` names the ``.eml`` file.

    Raises:
        MailFout: The SMTP server could not be reached or refused a mail.
    """
    for _, bericht in berichten:
        _vul_aan(bericht, settings)
    if not settings.smtp_host:
        map_ = settings.mail_dir
        map_.mkdir(parents=True, exist_ok=True)
        stempel = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        bezorging = Bezorging(via_smtp=False)
        for naam, bericht in berichten:
            pad = map_ / f"{stempel}-{bestandsnaam(naam)}.eml"
            volgnummer = 1
            while pad.exists():
                volgnummer += 1
                pad = map_ / f"{stempel}-{bestandsnaam(naam)}-{volgnummer}.eml"
            pad.write_bytes(bytes(bericht))
            bezorging.bestanden.append(pad)
            bezorging.aantal += 1
        return bezorging
    bezorging = Bezorging(via_smtp=True)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout) as smtp:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            for _, bericht in berichten:
                smtp.send_message(bericht)
                bezorging.aantal += 1
    except (OSError, smtplib.SMTPException) as exc:
        raise MailFout(
            f"De mailserver {settings.smtp_host}:{settings.smtp_port} gaf een fout "
            f"({type(exc).__name__}). {bezorging.aantal} van de {len(berichten)} e-mails zijn "
            "verstuurd. Probeer het later opnieuw, of zet WEGWIJZER_SMTP_HOST leeg om de "
            "e-mails als bestand klaar te zetten."
        ) from None
    return bezorging
