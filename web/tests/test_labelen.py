"""The beheer page "Leren van vragen": who may use it, what it shows, labelling and the export."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine

from kern.db import make_engine
from kern.settings import Settings
from leren.kandidaten import events_tabel
from leren.migraties import migreer

NU = time.time()
DAG = 86400.0
#: As PrivacyTrackerStore stores "Mijn naam is Jan de Vries, bel me op 06-12345678. ...".
PERSOONLIJK = "Mijn naam is [NAAM], bel me op [TELEFOON]. Wanneer komt de vuilniswagen?"
XSS = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'


def _user(tekst: str, intent: str, zekerheid: float, tijd: float) -> dict[str, Any]:
    """A user event as Rasa's ``UserUttered.as_dict()`` writes it (after de-identification)."""
    parse = {
        "intent": {"name": intent, "confidence": zekerheid},
        "entities": [],
        "text": tekst,
        "message_id": "m",
        "intent_ranking": [{"name": intent, "confidence": zekerheid}],
    }
    return {
        "event": "user",
        "timestamp": tijd,
        "text": tekst,
        "parse_data": parse,
        "input_channel": None,
        "message_id": "m",
    }


def _actie(naam: str, tijd: float) -> dict[str, Any]:
    return {"event": "action", "timestamp": tijd, "name": naam, "policy": None, "confidence": None}


def voeg_toe(engine: Engine, sender: str, rijen: list[dict[str, Any]]) -> list[int]:
    """Insert events as ``PrivacyTrackerStore.save`` does (one row per event)."""
    ids = []
    with engine.begin() as conn:
        for data in rijen:
            r = conn.execute(
                events_tabel.insert().values(
                    sender_id=sender,
                    type_name=data["event"],
                    timestamp=data["timestamp"],
                    intent_name=data.get("parse_data", {}).get("intent", {}).get("name"),
                    action_name=data.get("name") if data["event"] == "action" else None,
                    data=json.dumps(data),
                )
            )
            ids.append(int(r.inserted_primary_key[0]))
    return ids


def vul(engine: Engine) -> dict[str, int]:
    """The events table as the tracker store creates it, with five conversations."""
    events_tabel.create(engine, checkfirst=True)
    migreer(engine)
    ids: dict[str, int] = {}
    ids["persoonlijk"] = voeg_toe(
        engine,
        "a" * 40,
        [
            _actie("action_listen", NU - 100),
            _user(PERSOONLIJK, "nlu_fallback", 0.41, NU - 99),
            _actie("action_niet_begrepen", NU - 98),
        ],
    )[1]
    ids["ook_vuilnis"] = voeg_toe(
        engine, "b" * 40, [_user("wanneer komt de vuilniswagen?", "nlu_fallback", 0.3, NU - 90)]
    )[0]
    ids["zeker"] = voeg_toe(
        engine, "c" * 40, [_user("ik kan de trap niet meer op", "hulpvraag_wonen", 0.93, NU - 80)]
    )[0]
    ids["oud"] = voeg_toe(
        engine, "d" * 40, [_user("oud bericht over grofvuil", "nlu_fallback", 0.3, NU - 45 * DAG)]
    )[0]
    ids["xss"] = voeg_toe(engine, "e" * 40, [_user(XSS, "hulpvraag_psychisch", 0.35, NU - 70)])[0]
    return ids


@pytest.fixture
def beheer(
    maak_settings: Callable[..., Settings], medewerker: Callable[..., TestClient]
) -> tuple[TestClient, dict[str, int], Engine]:
    engine = make_engine(maak_settings().db_url)
    ids = vul(engine)
    return medewerker("beheer"), ids, engine


def _labels(engine: Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as conn:
        return [
            (r[0], r[1], r[2])
            for r in conn.execute(text("select tekst, intent, door from leren_label order by id"))
        ]


# --- access ---------------------------------------------------------------------------------

ROUTES = [
    ("get", "/beheer/labelen"),
    ("post", "/beheer/labelen"),
    ("get", "/beheer/labelen/export.yml"),
    ("post", "/beheer/labelen/1/verwijderen"),
]


@pytest.mark.parametrize(("methode", "pad"), ROUTES)
def test_anonymous_gets_no_access(client: TestClient, methode: str, pad: str) -> None:
    antwoord = client.request(methode, pad, follow_redirects=False)
    assert antwoord.status_code in (303, 302, 307, 401), antwoord.status_code
    assert "vuilniswagen" not in antwoord.text


@pytest.mark.parametrize("rol", ["loket", "beleid"])
@pytest.mark.parametrize(("methode", "pad"), ROUTES)
def test_other_roles_are_refused(
    medewerker: Callable[..., TestClient],
    maak_settings: Callable[..., Settings],
    rol: str,
    methode: str,
    pad: str,
) -> None:
    engine = make_engine(maak_settings().db_url)
    ids = vul(engine)
    c = medewerker(rol)
    antwoord = c.request(
        methode, pad, data={"bericht": str(ids["persoonlijk"]), "intent": "buiten_scope"}
    )
    assert antwoord.status_code == 403
    assert _labels(engine) == []


# --- the page -------------------------------------------------------------------------------


def test_page_shows_only_de_identified_unsure_recent_messages_grouped(
    beheer: tuple[TestClient, dict[str, int], Engine],
) -> None:
    c, ids, _ = beheer
    antwoord = c.get("/beheer/labelen")
    assert antwoord.status_code == 200
    html = antwoord.text
    assert "Mijn naam is [NAAM], bel me op [TELEFOON]." in html
    assert "ik kan de trap niet meer op" not in html  # confident
    assert "grofvuil" not in html  # outside the bewaartermijn
    # the two vuilniswagen questions are one group, the biggest, so first
    groepen = re.findall(r'<form method="post" action="/beheer/labelen" .*?</form>', html, re.S)
    assert len(groepen) == 2
    assert f'value="{ids["persoonlijk"]}"' in groepen[0]
    assert f'value="{ids["ook_vuilnis"]}"' in groepen[0]
    assert "(2 berichten)" in groepen[0]
    assert 'name="csrftoken"' in groepen[0]
    assert '<option value="buiten_scope">Buiten scope' in groepen[0]
    assert "Niet herkend, Niet begrepen" in groepen[0]  # fallback and action_niet_begrepen
    assert '<a href="/beheer/labelen" aria-current="page">Leren van vragen</a>' in html
    assert "Hulpvraag: psychisch (35 %)" in html  # what the bot thought, as a hint


def test_message_text_is_escaped(beheer: tuple[TestClient, dict[str, int], Engine]) -> None:
    c, _, _ = beheer
    html = c.get("/beheer/labelen").text
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_page_without_conversations_yet(
    maak_settings: Callable[..., Settings], medewerker: Callable[..., TestClient]
) -> None:
    migreer(make_engine(maak_settings().db_url))  # set-up ran, Rasa never stored anything
    antwoord = medewerker("beheer").get("/beheer/labelen")
    assert antwoord.status_code == 200
    assert "Er zijn geen berichten om te labelen." in antwoord.text


def test_page_without_the_labels_table_says_so_in_dutch(
    medewerker: Callable[..., TestClient],
) -> None:
    antwoord = medewerker("beheer").get("/beheer/labelen")  # set-up never ran
    assert antwoord.status_code == 503
    assert "niet bereikbaar" in antwoord.text


# --- labelling ------------------------------------------------------------------------------


def test_label_a_group_then_it_is_kept_and_exported(
    beheer: tuple[TestClient, dict[str, int], Engine],
) -> None:
    c, ids, engine = beheer
    antwoord = c.post(
        "/beheer/labelen",
        data={
            "bericht": [str(ids["persoonlijk"]), str(ids["ook_vuilnis"])],
            "intent": "buiten_scope",
            "tekst": "Jan de Vries",  # no such field: text comes from the store only
        },
        follow_redirects=False,
    )
    assert antwoord.status_code == 303
    assert antwoord.headers["location"] == "/beheer/labelen?gelabeld=2"
    assert _labels(engine) == [
        (PERSOONLIJK, "buiten_scope", "test-beheer-1"),
        ("wanneer komt de vuilniswagen?", "buiten_scope", "test-beheer-1"),
    ]
    html = c.get("/beheer/labelen?gelabeld=2").text
    assert "Opgeslagen: 2 berichten gelabeld." in html
    assert "Bewaarde labels" in html and "Buiten scope" in html
    assert f'value="{ids["persoonlijk"]}"' not in html  # no longer to label

    export = c.get("/beheer/labelen/export.yml")
    assert export.status_code == 200
    assert export.headers["content-type"].startswith("application/yaml")
    assert re.fullmatch(
        r'attachment; filename="wegwijzer_gelabeld_\d{8}\.yml"',
        export.headers["content-disposition"],
    )
    data = yaml.safe_load(export.text)
    assert data["version"] == "3.1"
    assert data["nlu"] == [
        {
            "intent": "buiten_scope",
            "examples": f"- {PERSOONLIJK}\n- wanneer komt de vuilniswagen?\n",
        }
    ]
    assert "Jan de Vries" not in export.text


def test_part_of_a_group_and_relabel(beheer: tuple[TestClient, dict[str, int], Engine]) -> None:
    c, ids, engine = beheer
    c.post("/beheer/labelen", data={"bericht": str(ids["xss"]), "intent": "hulpvraag_psychisch"})
    c.post("/beheer/labelen", data={"bericht": str(ids["xss"]), "intent": "buiten_scope"})
    assert _labels(engine) == [(XSS, "buiten_scope", "test-beheer-1")]
    html = c.get("/beheer/labelen").text
    assert "&lt;script&gt;" in html and "<script>alert" not in html


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"intent": "buiten_scope"}, "Kies minstens één bericht"),
        ({"bericht": "PERSOONLIJK"}, "Kies het juiste onderwerp"),
        ({"bericht": "PERSOONLIJK", "intent": "bestaat_niet"}, "Kies een onderwerp uit de lijst"),
        ({"bericht": "abc", "intent": "buiten_scope"}, "De keuze van berichten klopt niet"),
        ({"bericht": "OUD", "intent": "buiten_scope"}, "bewaartermijn is verstreken"),
        ({"bericht": "999999", "intent": "buiten_scope"}, "bewaartermijn is verstreken"),
    ],
)
def test_bad_labelling_gets_a_dutch_message_and_changes_nothing(
    beheer: tuple[TestClient, dict[str, int], Engine], data: dict[str, str], melding: str
) -> None:
    c, ids, engine = beheer
    if data.get("bericht") == "PERSOONLIJK":
        data["bericht"] = str(ids["persoonlijk"])
    if data.get("bericht") == "OUD":
        data["bericht"] = str(ids["oud"])
    antwoord = c.post("/beheer/labelen", data=data)
    assert antwoord.status_code == 400
    assert melding in antwoord.text
    assert 'role="alert"' in antwoord.text
    assert _labels(engine) == []


def test_remove_a_label(beheer: tuple[TestClient, dict[str, int], Engine]) -> None:
    c, ids, engine = beheer
    c.post("/beheer/labelen", data={"bericht": str(ids["xss"]), "intent": "buiten_scope"})
    with engine.connect() as conn:
        label_id = conn.execute(text("select id from leren_label")).scalar_one()
    antwoord = c.post(f"/beheer/labelen/{label_id}/verwijderen", follow_redirects=False)
    assert antwoord.status_code == 303
    assert _labels(engine) == []
    nog_eens = c.post(f"/beheer/labelen/{label_id}/verwijderen")
    assert nog_eens.status_code == 404 and "bestaat niet" in nog_eens.text


def test_export_of_no_labels_is_valid_nlu(
    beheer: tuple[TestClient, dict[str, int], Engine],
) -> None:
    c, _, _ = beheer
    assert yaml.safe_load(c.get("/beheer/labelen/export.yml").text) == {
        "version": "3.1",
        "nlu": [],
    }


def test_a_post_without_the_csrf_token_is_refused(
    beheer: tuple[TestClient, dict[str, int], Engine],
) -> None:
    c, ids, engine = beheer
    token = c.headers.pop("x-csrftoken", None)
    assert token, "the logged-in test client sends the session's CSRF token"
    antwoord = c.post(
        "/beheer/labelen", data={"bericht": str(ids["xss"]), "intent": "buiten_scope"}
    )
    assert antwoord.status_code == 403
    assert _labels(engine) == []
