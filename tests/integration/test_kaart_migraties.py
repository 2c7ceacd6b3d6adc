"""Alembic migrations of the kaart: fresh databases, old create_all databases with data."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.gemeente import GemeenteProfiel
from kern.settings import Settings
from sociale_kaart.migraties import alembic_config, head_revisie, huidige_revisie, migreer
from sociale_kaart.models import Aanbod, AanbodZoekterm, Base
from sociale_kaart.service import import_bestand, init_database
from sociale_kaart.zoeken import ZoekVraag, zoek
from tests.kaart_hulp import DEMO_KAART

#: The tables exactly as ``create_all`` made them before migrations existed (SQLite).
OUDE_SQLITE_DDL = [
    "CREATE TABLE thema (code VARCHAR(32) NOT NULL, naam VARCHAR(120) NOT NULL, PRIMARY KEY (code))",
    "CREATE TABLE wijk (id INTEGER NOT NULL, naam VARCHAR(120) NOT NULL, PRIMARY KEY (id), UNIQUE (naam))",
    "CREATE TABLE organisatie (id INTEGER NOT NULL, naam VARCHAR(200) NOT NULL, PRIMARY KEY (id), UNIQUE (naam))",
    "CREATE TABLE wijk_postcode (pc4 VARCHAR(4) NOT NULL, wijk_id INTEGER NOT NULL, PRIMARY KEY (pc4), "
    "FOREIGN KEY(wijk_id) REFERENCES wijk (id) ON DELETE CASCADE)",
    "CREATE TABLE aanbod (id VARCHAR(64) NOT NULL, naam VARCHAR(200) NOT NULL, organisatie_id INTEGER NOT NULL, "
    "omschrijving TEXT NOT NULL, niveau VARCHAR(20) NOT NULL, leeftijd_min INTEGER, leeftijd_max INTEGER, "
    "wijk_id INTEGER, adres VARCHAR(200), postcode VARCHAR(7), plaats VARCHAR(120), telefoon VARCHAR(40), "
    "email VARCHAR(200), website VARCHAR(500), openingstijden TEXT, kosten VARCHAR(200), trefwoorden TEXT NOT NULL, "
    "laatst_gecontroleerd DATE, PRIMARY KEY (id), FOREIGN KEY(organisatie_id) REFERENCES organisatie (id), "
    "FOREIGN KEY(wijk_id) REFERENCES wijk (id))",
    "CREATE TABLE aanbod_thema (aanbod_id VARCHAR(64) NOT NULL, thema_code VARCHAR(32) NOT NULL, "
    "PRIMARY KEY (aanbod_id, thema_code), FOREIGN KEY(aanbod_id) REFERENCES aanbod (id) ON DELETE CASCADE, "
    "FOREIGN KEY(thema_code) REFERENCES thema (code))",
    "CREATE TABLE aanbod_doelgroep (aanbod_id VARCHAR(64) NOT NULL, doelgroep VARCHAR(32) NOT NULL, "
    "PRIMARY KEY (aanbod_id, doelgroep), FOREIGN KEY(aanbod_id) REFERENCES aanbod (id) ON DELETE CASCADE)",
]

OUDE_DATA = [
    "INSERT INTO thema (code, naam) VALUES ('mantelzorg', 'Mantelzorg'), ('eenzaamheid', 'Eenzaamheid')",
    "INSERT INTO wijk (naam) VALUES ('Oosterpark')",
    "INSERT INTO organisatie (naam) VALUES ('Mantelzorgsteunpunt Lindewaard')",
    "INSERT INTO aanbod (id, naam, organisatie_id, omschrijving, niveau, leeftijd_min, wijk_id, trefwoorden, "
    "laatst_gecontroleerd) VALUES "
    "('oud-1', 'Mantelzorgcafé', (SELECT id FROM organisatie), 'Ontmoeten met koffie.', 'sociale_basis', "
    "NULL, (SELECT id FROM wijk), 'respijt;lotgenoten', '2026-03-12'), "
    "('oud-2', 'Zilveren Soos', (SELECT id FROM organisatie), 'Voor ouderen die kinderen missen.', "
    "'algemene_voorziening', 65, NULL, 'senioren', NULL)",
    "INSERT INTO aanbod_thema (aanbod_id, thema_code) VALUES ('oud-1', 'mantelzorg'), ('oud-2', 'eenzaamheid')",
    "INSERT INTO aanbod_doelgroep (aanbod_id, doelgroep) VALUES ('oud-1', 'mantelzorgers'), ('oud-2', 'ouderen')",
]


def _oude_database(settings: Settings) -> None:
    """A database as the pre-migration code left it: tables and data, no alembic_version."""
    engine = make_engine(settings.db_url)
    try:
        if engine.dialect.name == "sqlite":
            with engine.begin() as conn:
                for ddl in OUDE_SQLITE_DDL:
                    conn.execute(text(ddl))
        else:
            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), "0001")
                conn.execute(text("DROP TABLE alembic_version"))
        with engine.begin() as conn:
            for sql in OUDE_DATA:
                conn.execute(text(sql))
    finally:
        engine.dispose()


def test_nieuwe_database_volgt_de_modellen(
    db_settings: Settings, demo_profiel: GemeenteProfiel
) -> None:
    init_database(db_settings, demo_profiel)
    engine = make_engine(db_settings.db_url)
    try:
        assert huidige_revisie(engine) == head_revisie()
        with engine.connect() as conn:
            verschillen = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert verschillen == []
    finally:
        engine.dispose()


def test_oude_database_wordt_bijgewerkt_zonder_verlies(
    db_settings: Settings, demo_profiel: GemeenteProfiel
) -> None:
    _oude_database(db_settings)
    assert init_database(db_settings, demo_profiel) == 2

    engine = make_engine(db_settings.db_url)
    try:
        assert huidige_revisie(engine) == head_revisie()
        with unit_of_work(make_session_factory(engine)) as session:
            oud = session.get(Aanbod, "oud-1")
            assert oud is not None
            assert (oud.naam, oud.wijk.naam if oud.wijk else None, oud.trefwoorden) == (
                "Mantelzorgcafé",
                "Oosterpark",
                "respijt;lotgenoten",
            )
            assert oud.laatst_gecontroleerd == date(2026, 3, 12)
            assert oud.sorteernaam == "mantelzorgcafe"
            assert session.scalar(select(func.count()).select_from(AanbodZoekterm)) > 0
            # The rebuilt index and doelgroep bits make the old offers findable and filterable.
            # No offer has both words: the best one matches one of the two, and says so ("kinderen"
            # for whom help is sought counts half, so the soos for ouderen is no answer here).
            treffers = zoek(session, ZoekVraag(tekst="oppas kinderen"), 10)
            assert [r.aanbod.id for r in treffers][:1] == ["oud-1"]
            assert all("(1 van 2 zoekwoorden" in r.redenen[-1] for r in treffers)
            assert [r.aanbod.id for r in zoek(session, ZoekVraag(tekst="oppas"), 10)] == ["oud-1"]
            assert [r.aanbod.id for r in zoek(session, ZoekVraag(tekst="kinderen"), 10)] == [
                "oud-2"
            ]
            jong = zoek(session, ZoekVraag(leeftijd=30), 10)
            assert [r.aanbod.id for r in jong] == ["oud-1"]  # oud-2 is 65+
            ouderen = zoek(session, ZoekVraag(doelgroep="ouderen"), 10)
            assert [r.aanbod.id for r in ouderen] == ["oud-2"]
    finally:
        engine.dispose()

    # Importing on top of it works and keeps what is not in the file (no --vervang).
    samenvatting = import_bestand(db_settings, DEMO_KAART, vervang=False)
    assert samenvatting.toegevoegd == 80
    assert init_database(db_settings, demo_profiel) == 82


def test_create_all_database_wordt_gestempeld(
    db_settings: Settings, demo_profiel: GemeenteProfiel
) -> None:
    engine = make_engine(db_settings.db_url)
    try:
        Base.metadata.create_all(engine)
        assert huidige_revisie(engine) is None
        migreer(engine)
        assert huidige_revisie(engine) == head_revisie()
    finally:
        engine.dispose()
    assert init_database(db_settings, demo_profiel) == 0


def test_downgrade_en_upgrade_behouden_het_aanbod(
    sqlite_settings: Settings, demo_profiel: GemeenteProfiel
) -> None:
    init_database(sqlite_settings, demo_profiel)
    import_bestand(sqlite_settings, DEMO_KAART, vervang=False)
    engine = make_engine(sqlite_settings.db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0001")
        with engine.connect() as conn:
            assert "aanbod_zoekterm" not in inspect(conn).get_table_names()
            assert conn.execute(text("SELECT count(*) FROM aanbod_thema")).scalar() == 137
    finally:
        engine.dispose()
    assert init_database(sqlite_settings, demo_profiel) == 80
