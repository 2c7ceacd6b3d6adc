"""``wegwijzer kaart controle --verstuur``: one mail per organisation, with a working link."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.geheim import laad_of_maak
from kern.settings import Settings
from sociale_kaart.organisatie_link import LinkOngeldig, organisatie_van_link
from tests.conftest import DEMO_PROFIEL
from tests.kaart_hulp import DEMO_KAART
from wegwijzer.cli import main

LINK = re.compile(r"http://wegwijzer\.test/organisatie/([A-Za-z0-9_.-]+)")


class Postbus:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.berichten: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        bericht = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(bericht, EmailMessage)
        self.berichten.append((list(envelope.rcpt_tos), bericht))
        return "250 OK"


def _vrije_poort() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def postbus() -> Iterator[tuple[Postbus, int]]:
    handler = Postbus()
    poort = _vrije_poort()
    controller = Controller(handler, hostname="127.0.0.1", port=poort)
    controller.start()
    try:
        yield handler, poort
    finally:
        controller.stop()


@pytest.fixture
def omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for naam, waarde in {
        "WEGWIJZER_VAR_DIR": str(tmp_path / "var"),
        "WEGWIJZER_DB_URL": f"sqlite:///{tmp_path / 'var' / 'cli.db'}",
        "WEGWIJZER_GEMEENTE": str(DEMO_PROFIEL),
        "WEGWIJZER_WEB_PUBLIEKE_URL": "http://wegwijzer.test",
        "WEGWIJZER_KAART_VERS_DAGEN": "100",
    }.items():
        monkeypatch.setenv(naam, waarde)
    monkeypatch.delenv("WEGWIJZER_SMTP_HOST", raising=False)
    assert main(["kaart", "import", str(DEMO_KAART)]) == 0
    return tmp_path


def _geldig(settings: Settings, token: str) -> int:
    engine = make_engine(settings.db_url)
    try:
        with unit_of_work(make_session_factory(engine)) as session:
            return organisatie_van_link(
                session,
                laad_of_maak(settings.sessie_sleutel_path),
                token,
                settings.organisatie_link_dagen,
            ).id
    finally:
        engine.dispose()


def test_verstuur_via_smtp(
    omgeving: Path,
    postbus: tuple[Postbus, int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    handler, poort = postbus
    monkeypatch.setenv("WEGWIJZER_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("WEGWIJZER_SMTP_PORT", str(poort))
    monkeypatch.setenv("WEGWIJZER_SMTP_AFZENDER", "kaart@gemeente.test")
    capsys.readouterr()
    assert main(["kaart", "controle", "--json"]) == 0
    verwacht = json.loads(capsys.readouterr().out)
    met_adres = [c for c in verwacht if c["emails"]]
    assert met_adres, "de demo-kaart heeft verouderd aanbod met e-mailadressen"

    assert main(["kaart", "controle", "--verstuur"]) == 0
    uit = capsys.readouterr().out
    assert f"{len(met_adres)} e-mails met een persoonlijke link verstuurd via 127.0.0.1" in uit

    assert len(handler.berichten) == len(met_adres)
    settings = Settings.from_env()
    organisaties = set()
    for (ontvangers, bericht), controle in zip(handler.berichten, met_adres, strict=True):
        assert ontvangers == controle["emails"]
        assert bericht["From"] == "kaart@gemeente.test"
        assert controle["organisatie"] in bericht["Subject"] or controle["organisatie"] in str(
            bericht.get_content()
        )
        tekst = bericht.get_content()
        assert "Klopt nog" in tekst and "30 dagen" in tekst
        [token] = LINK.findall(tekst)
        organisaties.add(_geldig(settings, token))
    assert len(organisaties) == len(met_adres)

    # A second round supersedes the links of the first.
    eerste = LINK.findall(handler.berichten[0][1].get_content())[0]
    assert main(["kaart", "controle", "--verstuur"]) == 0
    with pytest.raises(LinkOngeldig):
        _geldig(settings, eerste)
    tweede = LINK.findall(handler.berichten[len(met_adres)][1].get_content())[0]
    assert _geldig(settings, tweede)


def test_verstuur_zonder_smtp_schrijft_eml(
    omgeving: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kaart", "controle", "--verstuur"]) == 0
    uit = capsys.readouterr().out
    assert "klaargezet in" in uit and "geen mailserver ingesteld" in uit
    bestanden = sorted((omgeving / "var" / "mail").glob("*.eml"))
    assert bestanden
    bericht = message_from_bytes(bestanden[0].read_bytes(), policy=policy.default)
    assert isinstance(bericht, EmailMessage)
    [token] = LINK.findall(bericht.get_content())
    assert _geldig(Settings.from_env(), token)


def test_mailserver_onbereikbaar_geeft_nette_fout(
    omgeving: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WEGWIJZER_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("WEGWIJZER_SMTP_PORT", str(_vrije_poort()))  # nobody listens
    assert main(["kaart", "controle", "--verstuur"]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: De mailserver 127.0.0.1:")
    assert "Traceback" not in fout
