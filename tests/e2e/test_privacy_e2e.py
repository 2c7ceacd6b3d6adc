"""Through the real servers with DEBUG logging: personal data reaches no storage and no log."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from kern.db import make_engine
from tests.e2e.conftest import Servers

pytestmark = pytest.mark.e2e

PERSOONLIJK = [
    "Marieke Jansen-Bakker",
    "111222333",
    "NL91ABNA0417164300",
    "06-12345678",
    "+31 6 87654321",
    "marieke.jansen@example.nl",
    "Dorpsstraat 17",
    "9905 AB",
    "12-03-1951",
]
GESPREK = [
    "Goedemiddag, mijn naam is Marieke Jansen-Bakker en ik ben geboren op 12-03-1951. "
    "Mijn BSN is 111222333 en mijn rekening NL91ABNA0417164300.",
    "Ik zorg voor mijn man met dementie en ik kan het niet meer aan. "
    "Mail me op marieke.jansen@example.nl",
    "Ik woon op de Dorpsstraat 17, 9905 AB. Bel me op 06-12345678 of +31 6 87654321.",
    "nee, dat is niet genoeg",
]


def test_conversation_full_of_personal_data_leaves_none_behind(debug_servers: Servers) -> None:
    sender = f"marieke.jansen@example.nl-{uuid.uuid4().hex[:6]}"
    engine = make_engine(debug_servers.settings.db_url)
    with engine.connect() as conn:  # the servers are shared: signals of other tests are there
        eerder = {row[0] for row in conn.execute(text("select sleutel from signaal"))}
    replies = []
    for bericht in GESPREK:
        replies.append(debug_servers.send(sender, bericht))
    # the bot still worked: the resident got an offer and a referral
    customs = [r["custom"] for turn in replies for r in turn if "custom" in r]
    assert any(c["type"] == "aanbod" for c in customs), replies
    assert any(c["type"] == "verwijzing" and c["route"] == "wmo_loket" for c in customs)

    with engine.connect() as conn:
        stored = "\n".join(
            f"{row[0]} {row[1]}" for row in conn.execute(text("select sender_id, data from events"))
        )
        signalen = [
            dict(row._mapping)
            for row in conn.execute(text("select * from signaal"))
            if row._mapping["sleutel"] not in eerder
        ]
    engine.dispose()
    # exactly one anonymous signal, and it is right
    assert len(signalen) == 1, signalen
    signaal = signalen[0]
    assert signaal["thema"] in {"mantelzorg", "dementie"}
    assert (signaal["voor_wie"], signaal["wijk"], signaal["route"], signaal["geholpen"]) == (
        "naaste",
        "Oosterpark",
        "wmo_loket",
        "nee",
    )
    assert signaal["leeftijdsgroep"] == "onbekend"
    assert signaal["getoond"]
    assert not set(signaal) & {"tekst", "sender_id", "tijd", "timestamp"}
    stored += "\n" + repr(signalen)
    assert "dementie" in stored  # the transcript is kept, de-identified
    log = debug_servers.output()
    assert "DEBUG" in log  # the servers really logged at DEBUG level
    for waarde in [*PERSOONLIJK, "marieke.jansen@example.nl"]:
        assert waarde not in stored, f"{waarde} in tracker store or signal table"
        assert waarde not in log, f"{waarde} in log"
    assert not any(Path(debug_servers.settings.var_dir).glob("*.log"))
