"""Importing into SQLite and PostgreSQL: upsert, replace, dry run, all or nothing, round trip."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.gemeente import GemeenteProfiel
from kern.settings import Settings
from sociale_kaart import importer
from sociale_kaart.bestanden import lees_bestand
from sociale_kaart.models import Aanbod, AanbodZoekterm, Organisatie
from sociale_kaart.service import exporteer_bestand, import_bestand, init_database
from sociale_kaart.template import KOLOMMEN, AanbodRij, KaartFout
from sociale_kaart.zoeken import ZoekVraag, zoek
from tests.kaart_hulp import DEMO_KAART, HSDS, HSDS_KOPPELING, KLEINE_KAART


def _tel(settings: Settings) -> tuple[int, int, int]:
    engine = make_engine(settings.db_url)
    try:
        with unit_of_work(make_session_factory(engine)) as session:
            return (
                session.scalar(select(func.count()).select_from(Aanbod)) or 0,
                session.scalar(select(func.count()).select_from(AanbodZoekterm)) or 0,
                session.scalar(select(func.count()).select_from(Organisatie)) or 0,
            )
    finally:
        engine.dispose()


def _zoek_ids(settings: Settings, tekst: str) -> list[str]:
    engine = make_engine(settings.db_url)
    try:
        with unit_of_work(make_session_factory(engine)) as session:
            return [r.aanbod.id for r in zoek(session, ZoekVraag(tekst=tekst), 20)]
    finally:
        engine.dispose()


def _bewerk(
    bron: Path,
    doel: Path,
    wijzig: dict[str, dict[str, str]],
    weg: set[str],
    extra: list[dict[str, str]],
) -> Path:
    with bron.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with doel.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(KOLOMMEN))
        writer.writeheader()
        for row in rows:
            if row["id"] in weg:
                continue
            writer.writerow({**row, **wijzig.get(row["id"], {})})
        for row in extra:
            writer.writerow({k: row.get(k, "") for k in KOLOMMEN})
    return doel


def test_upsert_vervang_en_samenvatting(db_settings: Settings, tmp_path: Path) -> None:
    eerste = import_bestand(db_settings, KLEINE_KAART, vervang=False)
    assert str(eerste) == "16 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 0 verwijderd"
    aantal, termen, _ = _tel(db_settings)
    assert aantal == 16 and termen > 100

    nogmaals = import_bestand(db_settings, KLEINE_KAART, vervang=False)
    assert str(nogmaals) == "0 toegevoegd, 0 gewijzigd, 16 ongewijzigd, 0 verwijderd"
    assert _tel(db_settings)[1] == termen  # the index is untouched

    nieuw = {
        "id": "k-99",
        "naam": "Repair Café",
        "organisatie": "Repair Café Lindewaard",
        "themas": "huishouden",
        "niveau": "sociale_basis",
    }
    bewerkt = _bewerk(
        KLEINE_KAART,
        tmp_path / "bewerkt.csv",
        wijzig={"k-07": {"naam": "Geheugencafé", "trefwoorden": "geheugen;zangmiddag"}},
        weg={"k-16"},
        extra=[nieuw],
    )
    upsert = import_bestand(db_settings, bewerkt, vervang=False)
    assert str(upsert) == "1 toegevoegd, 1 gewijzigd, 14 ongewijzigd, 0 verwijderd"
    assert _tel(db_settings)[0] == 17  # without --vervang nothing disappears
    # The index follows the change: the new word is found, the old name is not.
    assert "k-07" in _zoek_ids(db_settings, "zangmiddag")
    assert "k-07" not in _zoek_ids(db_settings, "vergeten")  # old trefwoord
    assert _zoek_ids(db_settings, "repair") == ["k-99"]


def test_vervang_verwijdert_en_ruimt_organisaties_op(db_settings: Settings, tmp_path: Path) -> None:
    import_bestand(db_settings, KLEINE_KAART, vervang=False)
    kleiner = _bewerk(KLEINE_KAART, tmp_path / "k.csv", wijzig={}, weg={"k-08", "k-16"}, extra=[])
    samenvatting = import_bestand(db_settings, kleiner, vervang=True)
    assert str(samenvatting) == "0 toegevoegd, 0 gewijzigd, 14 ongewijzigd, 2 verwijderd"
    aantal, _, organisaties = _tel(db_settings)
    assert aantal == 14
    # SchuldHulpMaatje Lindewaard only ran k-08, so it is gone too.
    assert organisaties == len(
        {r.organisatie for r in lees_bestand(kleiner, _profiel(db_settings)).rijen}
    )
    assert _zoek_ids(db_settings, "aanmaning") == []


def _profiel(settings: Settings) -> GemeenteProfiel:
    from kern.gemeente import load_profiel

    return load_profiel(settings.gemeente_path)


def test_droog_schrijft_niets(db_settings: Settings) -> None:
    samenvatting = import_bestand(db_settings, KLEINE_KAART, vervang=False, droog=True)
    assert samenvatting.toegevoegd == 16
    assert _tel(db_settings) == (0, 0, 0)


def test_alles_of_niets_bij_een_fout_halverwege(
    db_settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import_bestand(db_settings, KLEINE_KAART, vervang=False)
    voor = _tel(db_settings)

    def stuk(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("schijf vol")

    # Fails after the offers themselves were written in the transaction.
    monkeypatch.setattr(importer, "markeer_gewijzigd", stuk)
    kleiner = _bewerk(
        KLEINE_KAART, tmp_path / "k.csv", wijzig={"k-01": {"naam": "Nieuw"}}, weg={"k-02"}, extra=[]
    )
    with pytest.raises(RuntimeError, match="schijf vol"):
        import_bestand(db_settings, kleiner, vervang=True)
    assert _tel(db_settings) == voor
    assert "k-01" in _zoek_ids(db_settings, "mantelzorgcafe oosterpark")


@pytest.mark.parametrize("extensie", ["csv", "xlsx"])
def test_import_export_import_is_verliesvrij(
    db_settings: Settings, demo_profiel: GemeenteProfiel, tmp_path: Path, extensie: str
) -> None:
    import_bestand(db_settings, DEMO_KAART, vervang=False)
    eerste = tmp_path / f"eerste.{extensie}"
    assert exporteer_bestand(db_settings, eerste) == 80

    # Every value comes back as the original file gave it (lists of codes in sorted order:
    # the database keeps them as sets).
    def genormaliseerd(path: Path) -> dict[str, AanbodRij]:
        return {
            r.id: replace(
                r, themas=tuple(sorted(r.themas)), doelgroepen=tuple(sorted(r.doelgroepen))
            )
            for r in lees_bestand(path, demo_profiel).rijen
        }

    assert genormaliseerd(eerste) == genormaliseerd(DEMO_KAART)

    samenvatting = import_bestand(db_settings, eerste, vervang=True)
    assert str(samenvatting) == "0 toegevoegd, 0 gewijzigd, 80 ongewijzigd, 0 verwijderd"
    tweede = tmp_path / f"tweede.{extensie}"
    exporteer_bestand(db_settings, tweede)
    if extensie == "csv":
        assert tweede.read_bytes() == eerste.read_bytes()
        assert eerste.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel


def test_hsds_in_de_database(db_settings: Settings) -> None:
    samenvatting = import_bestand(db_settings, HSDS, vervang=False, koppeling=HSDS_KOPPELING)
    assert (
        str(samenvatting)
        == "5 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 0 verwijderd, 1 overgeslagen"
    )
    assert samenvatting.meldingen == ["services[5] ('Telefooncirkel (gestopt)'): status defunct"]
    assert _zoek_ids(db_settings, "oppas")[0] == "zr-5e0d9c34-8f4b-4f1e-b7a4-1a2b3c4d0001"


def test_init_database_is_herhaalbaar(db_settings: Settings, demo_profiel: GemeenteProfiel) -> None:
    assert init_database(db_settings, demo_profiel) == 0
    import_bestand(db_settings, KLEINE_KAART, vervang=False)
    assert init_database(db_settings, demo_profiel) == 16


def test_leesfuncties_migreren_niet(db_settings: Settings, tmp_path: Path) -> None:
    """Search, check and export never touch the schema; without set-up they say what to do."""
    from alembic import command

    from sociale_kaart.migraties import alembic_config, huidige_revisie
    from sociale_kaart.service import KaartNietKlaar, verouderd, zoek_op_kaart

    lezers = {
        "zoek": lambda: zoek_op_kaart(db_settings, ZoekVraag(tekst="koffie")),
        "controle": lambda: verouderd(db_settings),
        "export": lambda: exporteer_bestand(db_settings, tmp_path / "uit.csv"),
    }
    engine = make_engine(db_settings.db_url)
    try:
        for naam, lees in lezers.items():
            with pytest.raises(KaartNietKlaar, match="Voer eerst `wegwijzer setup` uit") as exc:
                lees()
            assert "nog geen sociale kaart" in str(exc.value), naam
            assert huidige_revisie(engine) is None, naam  # nothing was migrated
        assert not (tmp_path / "uit.csv").exists()

        import_bestand(db_settings, KLEINE_KAART, vervang=False)  # a write: migrates
        assert len(zoek_op_kaart(db_settings, ZoekVraag(tekst="mantelzorg"))) > 0
        with engine.begin() as conn:  # as if the code were newer than the database
            command.stamp(alembic_config(conn), "0001")
        for naam, lees in lezers.items():
            with pytest.raises(KaartNietKlaar, match=r"niet bijgewerkt \(revisie 0001") as exc:
                lees()
            assert huidige_revisie(engine) == "0001", naam
    finally:
        engine.dispose()


def test_hsds_tabelpakket_importeren(db_settings: Settings) -> None:
    from tests.kaart_hulp import FIXTURES

    map_ = FIXTURES / "hsds" / "csv"
    koppeling = FIXTURES / "hsds" / "koppeling.yml"
    samenvatting = import_bestand(db_settings, map_, vervang=False, koppeling=koppeling)
    assert str(samenvatting) == "1 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 0 verwijderd"
    assert any("'ABC 1234' is geen postcode" in o for o in samenvatting.opmerkingen)
    assert _zoek_ids(db_settings, "counselling") == ["or-ac148810-d857-441c-9679-408f346de14b"]
    with pytest.raises(KaartFout, match="'ABC 1234' is geen postcode"):
        import_bestand(db_settings, map_, vervang=True, koppeling=koppeling, streng=True)
    assert _tel(db_settings)[0] == 1
