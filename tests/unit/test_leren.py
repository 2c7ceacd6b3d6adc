"""leren without Rasa: grouping, labels, export shape, bad input (the web venv runs the same code)."""

from __future__ import annotations

import json
import random
from datetime import datetime
from typing import Any

import pytest
import yaml
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from kern.db import make_engine
from kern.settings import Settings
from leren.export import bestaande_voorbeelden, naar_nlu_yaml, voorbeeld
from leren.groeperen import DREMPEL, groepeer, lijken, normaliseer, score
from leren.kandidaten import Kandidaat, events_tabel, lees_kandidaten
from leren.labels import (
    BUITEN_SCOPE,
    Label,
    LabelFout,
    alle_labels,
    bekende_intents,
    intent_naam,
    label,
    lees_vraag,
    verwijder,
)
from leren.migraties import LEREN, head_revisie, migreer

NU = 1_800_000_000.0


def _k(i: int, tekst: str) -> Kandidaat:
    return Kandidaat(i, tekst, "nlu_fallback", 0.3, ("fallback",), NU - i)


def _user(tekst: str, intent: str, zekerheid: float, tijd: float) -> dict[str, Any]:
    parse = {"intent": {"name": intent, "confidence": zekerheid}, "entities": [], "text": tekst}
    return {"event": "user", "timestamp": tijd, "text": tekst, "parse_data": parse}


@pytest.fixture
def engine(sqlite_settings: Settings) -> Engine:
    engine = make_engine(sqlite_settings.db_url)
    events_tabel.create(engine)
    migreer(engine)
    return engine


def _voeg_toe(engine: Engine, sender: str, rijen: list[dict[str, Any]]) -> list[int]:
    ids = []
    with engine.begin() as conn:
        for data in rijen:
            r = conn.execute(
                events_tabel.insert().values(
                    sender_id=sender,
                    type_name=data["event"],
                    timestamp=data["timestamp"],
                    action_name=data.get("name") if data["event"] == "action" else None,
                    data=json.dumps(data),
                )
            )
            ids.append(int(r.inserted_primary_key[0]))
    return ids


# --- grouping -------------------------------------------------------------------------------


def test_normalise_keeps_tags_as_words() -> None:
    assert normaliseer("Mijn naam is [NAAM],  ik zoek HULP!") == "mijn naam is naam ik zoek hulp"


def test_likeness_rule() -> None:
    assert lijken(normaliseer("Wanneer komt de vuilniswagen?"), "wanneer komt de vuilnisauto")
    # a subset gives token_set_ratio 100, but one word of six is not alike
    assert score("hulp", "ik zoek hulp bij mijn administratie") == 0.0
    assert not lijken("ik heb schulden", "ik heb geen geld")
    assert score("", "") == 100.0 and score("", "iets") == 0.0
    assert DREMPEL == 80.0


def test_grouping_is_deterministic_and_biggest_first() -> None:
    teksten = [
        "wanneer komt de vuilniswagen",
        "Wanneer komt de vuilniswagen?",
        "wanneer komt de vuilnisauto",
        "paspoort verlengen",
        "mijn paspoort verlengen",
        "asdf qwerty",
    ]
    kandidaten = [_k(i, t) for i, t in enumerate(teksten, start=1)]
    groepen = groepeer(kandidaten)
    assert [g.aantal for g in groepen] == [3, 2, 1]
    assert {k.tekst for k in groepen[0].berichten} == set(teksten[:3])
    assert {k.tekst for k in groepen[1].berichten} == set(teksten[3:5])
    for _ in range(5):
        random.shuffle(kandidaten)
        assert [g.ids for g in groepeer(kandidaten)] == [g.ids for g in groepen]
    assert groepeer([]) == []


# --- candidates from the store --------------------------------------------------------------


def test_no_events_table_means_no_candidates(sqlite_settings: Settings) -> None:
    assert lees_kandidaten(make_engine(sqlite_settings.db_url), dagen=30) == []


def test_candidates_window_confidence_and_broken_rows(engine: Engine) -> None:
    _voeg_toe(engine, "a", [_user("gemeente belasting betalen", "nlu_fallback", 0.4, NU - 10)])
    _voeg_toe(engine, "b", [_user("ik wil een traplift", "hulpvraag_wonen", 0.92, NU - 10)])
    _voeg_toe(engine, "c", [_user("afval ophalen", "nlu_fallback", 0.3, NU - 31 * 86400)])
    _voeg_toe(engine, "d", [_user("/geef_info{}", "nlu_fallback", 0.3, NU - 5)])
    _voeg_toe(engine, "e", [_user("hulp met mijn moeder", "hulpvraag_mantelzorg", 0.59, NU - 4)])
    with engine.begin() as conn:  # a row no parser would accept
        conn.execute(
            events_tabel.insert().values(
                sender_id="f", type_name="user", timestamp=NU - 3, data="{kapot"
            )
        )
    kandidaten = lees_kandidaten(engine, dagen=30, nu=NU)
    assert [(k.tekst, k.redenen) for k in kandidaten] == [
        ("hulp met mijn moeder", ("onzeker_thema",)),
        ("gemeente belasting betalen", ("fallback",)),
    ]


def test_core_fallback_is_put_on_the_message_it_answered(engine: Engine) -> None:
    _voeg_toe(
        engine,
        "a",
        [
            _user("ja hoor", "bevestigen", 0.9, NU - 10),
            {"event": "action", "timestamp": NU - 9, "name": "action_gesprek"},
            _user("zeg het maar", "iets_anders", 0.5, NU - 8),
            {"event": "action", "timestamp": NU - 7, "name": "action_niet_begrepen"},
        ],
    )
    _voeg_toe(engine, "b", [{"event": "action", "timestamp": NU, "name": "action_niet_begrepen"}])
    assert [(k.tekst, k.redenen) for k in lees_kandidaten(engine, dagen=30, nu=NU)] == [
        ("zeg het maar", ("niet_begrepen",))
    ]


# --- labels ---------------------------------------------------------------------------------


def test_intents_come_from_the_domain() -> None:
    intents = bekende_intents()
    assert BUITEN_SCOPE in intents and "hulpvraag_wonen" in intents
    assert "nlu_fallback" not in intents
    assert intent_naam("hulpvraag_opvoeden_opgroeien") == "Hulpvraag: opvoeden opgroeien"
    assert intent_naam(BUITEN_SCOPE).startswith("Buiten scope")


@pytest.mark.parametrize(
    ("berichten", "intent", "melding"),
    [
        ([], "buiten_scope", "Kies minstens één bericht"),
        (["1"], "", "Kies het juiste onderwerp"),
        (["1"], "nlu_fallback", "Kies een onderwerp uit de lijst"),
        (["1"], "x" * 500, "Kies een onderwerp uit de lijst"),
        (["abc"], "buiten_scope", "De keuze van berichten klopt niet"),
        (["-4"], "buiten_scope", "De keuze van berichten klopt niet"),
        (["1"] * 501, "buiten_scope", "De keuze van berichten klopt niet"),
        (["9" * 30], "buiten_scope", "De keuze van berichten klopt niet"),
        (["9" * 5000], "buiten_scope", "De keuze van berichten klopt niet"),
        (["1.5"], "buiten_scope", "De keuze van berichten klopt niet"),
    ],
)
def test_bad_label_requests_get_a_dutch_message(
    berichten: list[str], intent: str, melding: str
) -> None:
    with pytest.raises(LabelFout, match=melding):
        lees_vraag(berichten, intent, bekende_intents())


def test_label_takes_text_from_the_store_and_relabelling_replaces(engine: Engine) -> None:
    ids = _voeg_toe(
        engine,
        "a",
        [
            _user("Mijn naam is [NAAM], waar is het milieupark", "nlu_fallback", 0.3, NU - 5),
            _user("Mijn naam is  [NAAM], waar is het milieupark", "nlu_fallback", 0.3, NU - 4),
        ],
    )
    intents = bekende_intents()
    assert label(engine, lees_vraag([str(i) for i in ids], "geef_info", intents), "a", 30, NU) == 1
    assert label(engine, lees_vraag([str(ids[0])], BUITEN_SCOPE, intents), "b", 30, NU + 1) == 1
    [lab] = alle_labels(engine)
    assert (lab.tekst, lab.intent, lab.door) == (
        "Mijn naam is [NAAM], waar is het milieupark",
        BUITEN_SCOPE,
        "b",
    )
    assert lab.op == datetime.utcfromtimestamp(NU + 1)
    assert verwijder(engine, lab.id) and not verwijder(engine, lab.id)
    assert alle_labels(engine) == []


def test_label_refuses_gone_or_non_user_events(engine: Engine) -> None:
    ids = _voeg_toe(
        engine,
        "a",
        [
            _user("oud bericht", "nlu_fallback", 0.3, NU - 40 * 86400),
            {"event": "action", "timestamp": NU, "name": "action_niet_begrepen"},
            _user("nieuw bericht", "nlu_fallback", 0.3, NU),
        ],
    )
    intents = bekende_intents()
    for weg in (ids[0], ids[1], 9999):
        vraag = lees_vraag([str(ids[2]), str(weg)], BUITEN_SCOPE, intents)
        with pytest.raises(LabelFout, match="bewaartermijn"):
            label(engine, vraag, "a", 30, NU)
    assert alle_labels(engine) == []  # all or nothing


def test_migration_is_idempotent(sqlite_settings: Settings) -> None:
    engine = make_engine(sqlite_settings.db_url)
    assert LEREN.huidige(engine) is None
    assert migreer(engine) == head_revisie() == migreer(engine)
    assert LEREN.huidige(engine) == head_revisie()
    assert inspect(engine).has_table("leren_label")
    assert inspect(engine).has_table("alembic_version_leren")


# --- export ---------------------------------------------------------------------------------


def _label(i: int, tekst: str, intent: str) -> Label:
    return Label(i, tekst, intent, "beheerder", datetime(2026, 12, 1))


def test_export_has_the_shape_of_the_project_nlu_files() -> None:
    labels = [
        _label(1, "waar is het milieupark", BUITEN_SCOPE),
        _label(2, "[NAAM](iets) ging\nweg", "geef_info"),
        _label(3, "afval\x00kalender", BUITEN_SCOPE),
        _label(4, "   ", BUITEN_SCOPE),
    ]
    export = naar_nlu_yaml(labels, datum="2026-12-01")
    data = yaml.safe_load(export.yaml)
    assert data["version"] == "3.1"
    assert [blok["intent"] for blok in data["nlu"]] == [BUITEN_SCOPE, "geef_info"]
    assert data["nlu"][0]["examples"] == "- afval kalender\n- waar is het milieupark\n"
    assert data["nlu"][1]["examples"] == "- [NAAM] (iets) ging weg\n"
    assert export.regels == 3 and export.al_bekend == 0
    assert "(2026-12-01)" in export.yaml.splitlines()[0]
    assert naar_nlu_yaml(list(reversed(labels)), datum="2026-12-01") == export


def test_export_of_nothing_is_still_valid() -> None:
    data = yaml.safe_load(naar_nlu_yaml([]).yaml)
    assert data == {"version": "3.1", "nlu": []}


def test_export_leaves_out_existing_training_examples() -> None:
    bestaand = bestaande_voorbeelden()
    assert "traplift aanvragen" in bestaand
    assert "mijn moeder kan niet meer in haar huis blijven wonen" in bestaand  # annotation gone
    export = naar_nlu_yaml(
        [_label(1, "Traplift aanvragen!", "hulpvraag_wonen"), _label(2, "nieuw", BUITEN_SCOPE)],
        bestaand,
    )
    assert (export.regels, export.al_bekend) == (1, 1)
    assert "raplift" not in export.yaml


def test_example_line_is_one_printable_line() -> None:
    assert voorbeeld("a\tb\r\nc [X]{y} [Z][w]") == "a b c [X] {y} [Z] [w]"


def test_a_question_inside_a_longer_message_is_alike() -> None:
    lang = normaliseer("Mijn naam is [NAAM], bel me op [TELEFOON]. Wanneer komt de vuilniswagen?")
    assert lijken(lang, "wanneer komt de vuilniswagen")
    assert not lijken(lang, "de vuilniswagen")  # two words in common, a fifth of the longer


def test_migration_creates_exactly_the_model(sqlite_settings: Settings) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from leren.model import Base

    engine = make_engine(sqlite_settings.db_url)
    migreer(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_object": lambda o, naam, soort, r, c: (
                    soort != "table" or naam in Base.metadata.tables
                ),
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_after_a_fallback_the_best_real_guess_is_the_hint(engine: Engine) -> None:
    data = _user("kwijtschelding aanvragen", "nlu_fallback", 0.4, NU - 1)
    data["parse_data"]["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "hulpvraag_geldzorgen", "confidence": 0.31},
        {"name": "buiten_scope", "confidence": 0.3},
    ]
    _voeg_toe(engine, "a", [data, _user("zomaar iets", "hulpvraag_wonen", 0.5, NU)])
    onzeker, fallback = lees_kandidaten(engine, dagen=30, nu=NU)
    assert (fallback.intent, fallback.gok, fallback.gok_zekerheid) == (
        "nlu_fallback",
        "hulpvraag_geldzorgen",
        0.31,
    )
    assert (onzeker.gok, onzeker.gok_zekerheid) == ("hulpvraag_wonen", 0.5)
