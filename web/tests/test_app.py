"""The web app over HTTP, with Rasa stood in for: headers, limits, errors, pairing, erasing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, func, select

from kern.geheim import laad_of_maak
from kern.settings import Settings
from privacy.pseudoniem import pseudoniem
from web.app import MAX_BODY, maak_app
from web.beveiliging import CSP
from web.tests.conftest import NepRasa

GESPREK = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"


def stuur(client: TestClient, tekst: str, gesprek: str = GESPREK) -> httpx.Response:
    return client.post("/api/bericht", json={"gesprek": gesprek, "tekst": tekst})


@pytest.mark.parametrize(
    "pad", ["/", "/demo", "/privacy", "/api/config", "/thema.css", "/bestaat-niet", "/api/status"]
)
def test_every_response_carries_the_security_headers(client: TestClient, pad: str) -> None:
    response = client.get(pad)
    assert response.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP
    assert "default-src 'none'" in CSP and "frame-ancestors 'self'" in CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "strict-transport-security" not in response.headers  # plain http here


def test_hsts_only_over_https_from_a_trusted_proxy(
    maak_settings: Callable[..., Settings], nep_rasa: NepRasa
) -> None:
    app = maak_app(maak_settings(), rasa_transport=httpx.MockTransport(nep_rasa))
    with TestClient(app, client=("127.0.0.1", 5000)) as c:
        via_proxy = c.get("/api/config", headers={"x-forwarded-proto": "https"})
    with TestClient(app, client=("203.0.113.9", 5000)) as c:
        vreemd = c.get("/api/config", headers={"x-forwarded-proto": "https"})
    assert via_proxy.headers["strict-transport-security"].startswith("max-age=")
    assert "strict-transport-security" not in vreemd.headers


def test_pages_are_dutch_and_load_nothing_from_elsewhere(client: TestClient) -> None:
    for pad in ("/", "/demo", "/privacy"):
        html = client.get(pad).text
        assert '<html lang="nl">' in html
        assert "http://" not in html and "https://" not in html.replace(
            "https://www.lindewaard.example", ""
        )
        assert "<script>" not in html and "style=" not in html
    assert '<script src="/wegwijzer.js" defer></script>' in client.get("/demo").text


def test_a_message_is_forwarded_and_text_paired_with_its_payload(
    client: TestClient, nep_rasa: NepRasa
) -> None:
    nep_rasa.antwoord = [
        {"recipient_id": "x", "text": "Dit kan helpen:", "buttons": [{"title": "Ja", "payload": "/bevestigen"}]},
        {"recipient_id": "x", "custom": {"type": "aanbod", "items": []}},
        {"recipient_id": "x", "text": "Helpt dit?"},
    ]
    response = stuur(client, "ik ben eenzaam")
    assert response.status_code == 200
    berichten = response.json()["berichten"]
    assert berichten[0] == {
        "tekst": "Dit kan helpen:",
        "knoppen": [{"titel": "Ja", "payload": "/bevestigen"}],
        "payload": {"type": "aanbod", "items": []},
    }
    assert berichten[1]["tekst"] == "Helpt dit?" and berichten[1]["payload"] is None
    assert nep_rasa.ontvangen == [{"sender": GESPREK, "message": "ik ben eenzaam"}]


def test_rasa_down_gives_the_dutch_notice_with_the_phone_number(
    client: TestClient, nep_rasa: NepRasa
) -> None:
    nep_rasa.bereikbaar = False
    response = stuur(client, "hallo")
    assert response.status_code == 503
    body = response.json()
    assert body["fout"] == "even_geduld"
    assert body["melding"].startswith("Even geduld")
    assert "14 0123" in body["melding"] and "112" in body["melding"]
    assert client.get("/api/status").status_code == 503
    nep_rasa.bereikbaar = True
    assert stuur(client, "hallo").status_code == 200
    assert client.get("/api/status").json() == {"gereed": True}


def test_an_empty_rasa_answer_is_treated_as_unavailable(
    client: TestClient, nep_rasa: NepRasa
) -> None:
    nep_rasa.antwoord = []
    assert stuur(client, "hallo").status_code == 503


def test_the_same_gate_as_rasas_channel_answers_before_rasa(
    client: TestClient, nep_rasa: NepRasa
) -> None:
    limiet = client.get("/api/config").json()["max_tekens"]
    for tekst in ("a" * (limiet + 1), "", "   ", "\u202e\u200b"):
        response = stuur(client, tekst)
        assert response.status_code == 200
        [bericht] = response.json()["berichten"]
        assert bericht["tekst"] and bericht["payload"] is None
    assert "te lang" in stuur(client, "a" * (limiet + 1)).json()["berichten"][0]["tekst"]
    assert nep_rasa.ontvangen == []
    assert stuur(client, "a" * limiet).status_code == 200
    stuur(client, "\u202ehallo")
    assert nep_rasa.ontvangen[-1]["message"] == "hallo"  # cleaned before it is forwarded


def test_a_huge_body_is_refused_before_it_is_read(client: TestClient, nep_rasa: NepRasa) -> None:
    response = client.post(
        "/api/bericht",
        content=b'{"gesprek": "' + GESPREK.encode() + b'", "tekst": "' + b"a" * MAX_BODY + b'"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert "te lang" in response.json()["melding"]

    def brokken() -> Iterator[bytes]:  # no Content-Length: counted while reading
        yield b'{"gesprek": "' + GESPREK.encode() + b'", "tekst": "'
        for _ in range(40):
            yield b"a" * 4096
        yield b'"}'

    chunked = client.post(
        "/api/bericht", content=brokken(), headers={"content-type": "application/json"}
    )
    assert chunked.status_code == 413
    assert nep_rasa.ontvangen == []


@pytest.mark.parametrize(
    "body",
    [
        b"geen json",
        b"{}",
        b'{"gesprek": "kort", "tekst": "hallo"}',
        b'{"gesprek": "' + GESPREK.encode() + b'", "tekst": 12}',
        b'{"gesprek": "../../etc/passwd0000000", "tekst": "x"}',
        b"[]",
    ],
)
def test_bad_input_gets_a_dutch_message(client: TestClient, body: bytes) -> None:
    response = client.post("/api/bericht", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["melding"].startswith("Dit bericht kon ik niet lezen")


def test_unknown_routes_and_methods_answer_in_dutch(client: TestClient) -> None:
    assert client.get("/nergens").json()["melding"] == "Deze pagina bestaat niet."
    methode = client.get("/api/bericht")
    assert methode.status_code in (404, 405) and methode.json()["melding"]


def test_rate_limit_per_client(
    maak_settings: Callable[..., Settings], nep_rasa: NepRasa
) -> None:
    app = maak_app(
        maak_settings(web_berichten_per_minuut="3"), rasa_transport=httpx.MockTransport(nep_rasa)
    )
    with TestClient(app, client=("198.51.100.7", 1)) as eerste:
        codes = [stuur(eerste, "hoi").status_code for _ in range(4)]
        te_snel = stuur(eerste, "hoi")
    with TestClient(app, client=("198.51.100.8", 1)) as tweede:
        ander = stuur(tweede, "hoi").status_code
    assert codes == [200, 200, 200, 429]
    assert te_snel.json()["melding"].startswith("U stuurt veel berichten")
    assert ander == 200


def test_forwarded_for_only_counts_from_a_trusted_proxy(
    maak_settings: Callable[..., Settings], nep_rasa: NepRasa
) -> None:
    app = maak_app(
        maak_settings(web_berichten_per_minuut="2", web_vertrouwde_proxies="10.0.0.5"),
        rasa_transport=httpx.MockTransport(nep_rasa),
    )
    with TestClient(app, client=("10.0.0.5", 1)) as proxy:
        # Two residents behind the proxy each get their own allowance.
        a = [stuur(proxy, "x").status_code for _ in range(2)]
        proxy.headers["x-forwarded-for"] = "192.0.2.1"
        b = [stuur(proxy, "x").status_code for _ in range(3)]
        proxy.headers["x-forwarded-for"] = "192.0.2.2"
        c = stuur(proxy, "x").status_code
    with TestClient(app, client=("203.0.113.50", 1)) as vreemd:
        # Someone else cannot pick a fresh address by sending the header.
        vreemd.headers["x-forwarded-for"] = "192.0.2.99"
        d = [stuur(vreemd, "x").status_code for _ in range(3)]
    assert a == [200, 200]
    assert b == [200, 200, 429]
    assert c == 200
    assert d == [200, 200, 429]


def test_cors_only_for_the_profiles_origins(
    maak_settings: Callable[..., Settings], nep_rasa: NepRasa, tmp_path: Path
) -> None:
    profiel = tmp_path / "gemeente.yml"
    from kern.settings import PROJECT_ROOT

    tekst = (PROJECT_ROOT / "demo_gemeente" / "gemeente.yml").read_text(encoding="utf-8")
    tekst += "\nwidget:\n  origins: [\"https://www.voorbeeld.example\"]\n"
    profiel.write_text(tekst, encoding="utf-8")
    app = maak_app(maak_settings(gemeente=str(profiel)), rasa_transport=httpx.MockTransport(nep_rasa))
    with TestClient(app) as c:
        goed = c.options(
            "/api/bericht",
            headers={"origin": "https://www.voorbeeld.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type"},
        )
        fout = c.options(
            "/api/bericht",
            headers={"origin": "https://kwaad.example", "access-control-request-method": "POST"},
        )
    assert goed.headers["access-control-allow-origin"] == "https://www.voorbeeld.example"
    assert "access-control-allow-credentials" not in goed.headers
    assert "access-control-allow-origin" not in fout.headers


def test_erasing_deletes_exactly_this_conversations_rows(
    maak_settings: Callable[..., Settings], nep_rasa: NepRasa
) -> None:
    settings = maak_settings()
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.db_url)
    # The columns of Rasa's SQLTrackerStore that matter here.
    events = Table(
        "events",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255)),
        Column("data", String),
    )
    events.create(engine)
    sleutel = laad_of_maak(settings.tracker_sleutel_path)
    ander = "ffffffffffffffffffffffffffffffff"
    with engine.begin() as conn:
        for sender in (GESPREK, GESPREK, ander):
            conn.execute(events.insert().values(sender_id=pseudoniem(sleutel, sender), data="{}"))
    app = maak_app(settings, rasa_transport=httpx.MockTransport(nep_rasa))
    with TestClient(app) as c:
        response = c.post("/api/wis", json={"gesprek": GESPREK})
    assert response.status_code == 200
    assert response.json()["melding"].startswith("Uw gesprek is gewist")
    with engine.connect() as conn:
        over = conn.execute(select(events.c.sender_id, func.count()).group_by(events.c.sender_id)).all()
    assert over == [(pseudoniem(sleutel, ander), 1)]


def test_erasing_before_anything_was_stored_is_fine(client: TestClient) -> None:
    assert client.post("/api/wis", json={"gesprek": GESPREK}).json()["gewist"] is True


def test_no_message_text_in_any_log(
    client: TestClient, nep_rasa: NepRasa, caplog: pytest.LogCaptureFixture
) -> None:
    geheim = "mijn buurman Jan Voorbeeld 0123 45 67 89"
    caplog.set_level("DEBUG")
    stuur(client, geheim)
    nep_rasa.bereikbaar = False
    stuur(client, geheim)
    assert "Jan" not in caplog.text and "0123 45 67 89" not in caplog.text


def test_the_profiles_logo_is_served_from_our_own_origin(client: TestClient) -> None:
    logo = client.get("/logo.svg")
    assert logo.status_code == 200 and logo.headers["content-type"].startswith("image/svg+xml")
    assert client.get("/logo.png").status_code == 404
    assert client.get("/api/config").json()["logo"] == "logo.svg"
    assert 'src="/logo.svg"' in client.get("/").text
