"""The organisations' check links: signed, single-purpose, expiring (no database here)."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime, timedelta, timezone

import pytest

from sociale_kaart.organisatie_link import (
    ONGELDIG,
    VERLOPEN,
    LinkOngeldig,
    csrf_klopt,
    csrf_voor_link,
    lees,
    link_url,
    teken,
)

SLEUTEL = b"s" * 32
NU = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


def _fout(token: str, dagen: int = 30, nu: datetime = NU, sleutel: bytes = SLEUTEL) -> LinkOngeldig:
    with pytest.raises(LinkOngeldig) as info:
        lees(sleutel, token, dagen, nu)
    return info.value


def test_geldige_link_geeft_organisatie_en_generatie() -> None:
    token = teken(SLEUTEL, 42, 3, NU)
    inhoud = lees(SLEUTEL, token, 30, NU + timedelta(days=29, hours=23))
    assert (inhoud.organisatie_id, inhoud.generatie) == (42, 3)
    assert inhoud.uitgegeven == int(NU.timestamp())


def test_link_verloopt_na_het_aantal_dagen() -> None:
    token = teken(SLEUTEL, 42, 1, NU)
    fout = _fout(token, nu=NU + timedelta(days=30, seconds=1))
    assert fout.reden == VERLOPEN
    assert fout.status == 410
    assert "verlopen" in fout.melding
    # The limit is read when the link is used: a shorter setting shortens old links too.
    assert _fout(token, dagen=7, nu=NU + timedelta(days=8)).reden == VERLOPEN


@pytest.mark.parametrize("plek", ["inhoud", "handtekening"])
def test_veranderde_link_werkt_niet(plek: str) -> None:
    token = teken(SLEUTEL, 42, 1, NU)
    inhoud, handtekening = token.split(".")
    if plek == "inhoud":
        # Another organisation id with the old signature.
        ander = teken(SLEUTEL, 43, 1, NU).split(".")[0]
        veranderd = f"{ander}.{handtekening}"
    else:
        laatste = "A" if handtekening[-1] != "A" else "B"
        veranderd = f"{inhoud}.{handtekening[:-1]}{laatste}"
    fout = _fout(veranderd)
    assert fout.reden == ONGELDIG
    assert fout.status == 403


def test_andere_sleutel_werkt_niet() -> None:
    assert _fout(teken(b"t" * 32, 42, 1, NU)).reden == ONGELDIG


def test_andere_scope_met_dezelfde_sleutel_werkt_niet() -> None:
    assert _fout(teken(SLEUTEL, 42, 1, NU, scope="wachtwoord-herstel")).reden == ONGELDIG


def test_handtekening_met_de_ruwe_sleutel_is_geen_link() -> None:
    """A value signed with the app secret itself (as sessions are) is no link."""
    inhoud = teken(SLEUTEL, 42, 1, NU).split(".")[0]
    ruw = hmac.new(SLEUTEL, inhoud.encode(), hashlib.sha256).digest()
    handtekening = base64.urlsafe_b64encode(ruw).rstrip(b"=").decode()
    assert _fout(f"{inhoud}.{handtekening}").reden == ONGELDIG


def test_link_uit_de_toekomst_werkt_niet() -> None:
    token = teken(SLEUTEL, 42, 1, NU + timedelta(hours=1))
    assert _fout(token).reden == ONGELDIG


@pytest.mark.parametrize(
    "token",
    ["", "abc", "a.b.c", "<script>.x", "x" * 500, "..", "é" * 20 + "." + "a" * 43],
)
def test_onzin_geeft_nette_fout(token: str) -> None:
    fout = _fout(token)
    assert fout.reden == ONGELDIG
    assert fout.melding.startswith("Deze link klopt niet")


def test_geldig_ondertekend_maar_onleesbaar() -> None:
    inhoud = base64.urlsafe_b64encode(b"organisatie-controle|x|1").rstrip(b"=").decode()
    sleutel = hmac.new(SLEUTEL, b"wegwijzer/organisatie-link/v1", hashlib.sha256).digest()
    handtekening = (
        base64.urlsafe_b64encode(hmac.new(sleutel, inhoud.encode(), hashlib.sha256).digest())
        .rstrip(b"=")
        .decode()
    )
    assert _fout(f"{inhoud}.{handtekening}").reden == ONGELDIG


def test_csrf_hoort_bij_een_link() -> None:
    a, b = teken(SLEUTEL, 1, 1, NU), teken(SLEUTEL, 2, 1, NU)
    assert csrf_klopt(SLEUTEL, a, csrf_voor_link(SLEUTEL, a))
    assert not csrf_klopt(SLEUTEL, a, csrf_voor_link(SLEUTEL, b))
    assert not csrf_klopt(SLEUTEL, a, "")
    assert not csrf_klopt(SLEUTEL, a, None)
    assert csrf_voor_link(SLEUTEL, a) != a.split(".")[1]


def test_link_url() -> None:
    assert link_url("https://chat.gemeente.nl/", "abc.def") == (
        "https://chat.gemeente.nl/organisatie/abc.def"
    )
