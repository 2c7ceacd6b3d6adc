"""The second factor: time-based one-time codes (TOTP, RFC 6238) with pyotp.

Required for every account holding ``beheer`` (BIO: administrative access) and for everyone
when ``Settings.totp_voor_iedereen`` is on (or per account with ``totp_verplicht``). A code is
accepted in the current 30-second step and one step either side (clock drift), and only once:
the step of the last accepted code is stored, and a code of that step or an earlier one is
refused, so a code seen over someone's shoulder cannot be used again.
"""

from __future__ import annotations

import hmac
from collections.abc import Collection
from datetime import datetime, timezone

import pyotp

from toegang.rollen import Rol

#: Steps either side of now that are still accepted (pyotp's ``valid_window=1``).
VENSTER = 1
UITGEVER = "Wegwijzer"


def nodig(rollen: Collection[Rol], verplicht: bool, voor_iedereen: bool) -> bool:
    """Whether an account with these roles and flag must use a second factor."""
    return voor_iedereen or verplicht or Rol.beheer in rollen


def nieuw_geheim() -> str:
    """A fresh random base32 secret (160 bits)."""
    return pyotp.random_base32()


def _seconden(nu: datetime) -> float:
    # Naive datetimes in this package are UTC; pyotp would read a naive one as local time.
    return nu.replace(tzinfo=timezone.utc).timestamp() if nu.tzinfo is None else nu.timestamp()


def provisioning_uri(geheim: str, naam: str, gemeente: str) -> str:
    """The ``otpauth://`` address an authenticator app reads from the QR code."""
    return pyotp.TOTP(geheim).provisioning_uri(name=naam, issuer_name=f"{UITGEVER} {gemeente}")


def qr_svg(uri: str) -> str:
    """The QR code of ``uri`` as inline SVG markup (the CSP allows that; a data: URL it blocks)."""
    import segno

    svg: str = segno.make(uri, error="m").svg_inline(
        scale=5,
        border=4,
        dark="#000000",
        light="#ffffff",
        svgclass="inloggen__qr",
        lineclass=None,
        omitsize=True,  # a viewBox instead of a fixed size, so CSS can scale it down
    )
    return svg


def code_stap(geheim: str, code: str, nu: datetime, laatste_stap: int | None) -> int | None:
    """The time step ``code`` belongs to when it is valid and not used before, else ``None``."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(geheim)
    huidig = totp.timecode(_seconden(nu))
    for stap in range(huidig - VENSTER, huidig + VENSTER + 1):
        if laatste_stap is not None and stap <= laatste_stap:
            continue
        if hmac.compare_digest(totp.generate_otp(stap), code):
            return stap
    return None


def code_voor(geheim: str, nu: datetime) -> str:
    """The current code (for tests and the browser helper)."""
    return pyotp.TOTP(geheim).at(_seconden(nu))
