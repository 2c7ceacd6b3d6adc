"""Dry-run plans, the change log, the full-replace guard and formula-safe round trips."""

from __future__ import annotations

import csv
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kern.db import make_engine, make_session_factory, unit_of_work
from kern.gemeente import GemeenteProfiel
from kern.settings import Settings
from sociale_kaart import importer
from sociale_kaart.bestanden import lees_bestand
from sociale_kaart.importer import GEWIJZIGD, ONGEWIJZIGD, TOEGEVOEGD, VERWIJDERD
from sociale_kaart.models import Aanbod, KaartWijziging
from sociale_kaart.service import (
    VervangNietBevestigd,
    exporteer_bestand,
    import_bestand,
    importeer,
    proef,
)
from sociale_kaart.template import KOLOMMEN
from sociale_kaart.wijzigingen import laatste, registreer
from tests.kaart_hulp import KLEINE_KAART
from wegwijzer.cli import main


def _aanbod(session: Session, ident: str) -> Aanbod:
    aanbod = session.get(Aanbod, ident)
    assert aanbod is not None
    return aanbod


def _rijen() -> list[dict[str, str]]:
    with KLEINE_KAART.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _schrijf(path: Path, rijen: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(KOLOMMEN))
        writer.writeheader()
        for rij in rijen:
            writer.writerow({k: rij.get(k, "") for k in KOLOMMEN})
    return path


def _sessie(settings: Settings) -> AbstractContextManager[Session]:
    return unit_of_work(make_session_factory(make_engine(settings.db_url)))


def test_plan_per_rij_zonder_te_schrijven(
    db_settings: Settings, demo_profiel: GemeenteProfiel, tmp_path: Path
) -> None:
    import_bestand(db_settings, KLEINE_KAART, vervang=False)
    rijen = _rijen()
    rijen[0]["telefoon"] = "0123 45 99 99"
    rijen[0]["themas"] = "mantelzorg;dementie"
    weg = rijen.pop(3)
    rijen.append(dict(rijen[1], id="k-nieuw", naam="Nieuw"))
    gelezen = lees_bestand(_schrijf(tmp_path / "k.csv", rijen), demo_profiel)
    with _sessie(db_settings) as session:
        voor = session.scalar(select(func.count()).select_from(KaartWijziging))
        resultaat = proef(session, gelezen, vervang=True)
        assert session.scalar(select(func.count()).select_from(KaartWijziging)) == voor
    plan = resultaat.plan
    per_id = {r.id: r for r in plan.regels}
    assert per_id["k-01"].soort == GEWIJZIGD
    assert per_id["k-01"].velden == ("themas", "telefoon")
    assert per_id["k-01"].rij == 2
    assert per_id["k-nieuw"].soort == TOEGEVOEGD and per_id["k-nieuw"].rij == 17
    assert per_id[weg["id"]].soort == VERWIJDERD and per_id[weg["id"]].rij == 0
    assert plan.aantal(ONGEWIJZIGD) == 14
    # Without vervang nothing is removed, and the fingerprint differs.
    with _sessie(db_settings) as session:
        zonder = proef(session, gelezen, vervang=False).plan
    assert zonder.aantal(VERWIJDERD) == 0
    assert zonder.vingerafdruk != plan.vingerafdruk

    # Applying gives exactly the plan's counts, and logs one row with the id lists.
    with _sessie(db_settings) as session:
        samenvatting = importeer(
            session, demo_profiel, gelezen, True, wie="tester", verwacht_plan=plan.vingerafdruk
        )
    assert str(samenvatting) == "1 toegevoegd, 1 gewijzigd, 14 ongewijzigd, 1 verwijderd"
    with _sessie(db_settings) as session:
        log = laatste(session, 1)[0]
    assert (log.wie, log.soort) == ("tester", "import_vervang")
    assert log.toegevoegd == ("k-nieuw",)
    assert log.gewijzigd == ("k-01",)
    assert log.verwijderd == (weg["id"],)
    assert log.id == samenvatting.wijziging_id


def test_verouderd_plan_wordt_geweigerd(
    db_settings: Settings, demo_profiel: GemeenteProfiel, tmp_path: Path
) -> None:
    import_bestand(db_settings, KLEINE_KAART, vervang=False)
    rijen = _rijen()
    rijen[0]["kosten"] = "3 euro"
    gelezen = lees_bestand(_schrijf(tmp_path / "k.csv", rijen), demo_profiel)
    with _sessie(db_settings) as session:
        oud = proef(session, gelezen, vervang=False).plan.vingerafdruk
    with _sessie(db_settings) as session:
        _aanbod(session, "k-01").kosten = "anders"
    with pytest.raises(importer.PlanVeranderd), _sessie(db_settings) as session:
        importeer(session, demo_profiel, gelezen, False, wie="x", verwacht_plan=oud)
    with _sessie(db_settings) as session:
        assert _aanbod(session, "k-01").kosten == "anders"


def test_ongewijzigde_import_logt_niets_en_cli_logt_met_gebruiker(
    db_settings: Settings,
) -> None:
    import_bestand(db_settings, KLEINE_KAART, vervang=False)
    import_bestand(db_settings, KLEINE_KAART, vervang=False)
    import_bestand(db_settings, KLEINE_KAART, vervang=False, droog=True)
    with _sessie(db_settings) as session:
        rijen = laatste(session, 10)
    assert len(rijen) == 1
    assert rijen[0].wie.startswith("cli:")
    assert len(rijen[0].toegevoegd) == 16


def test_vervang_met_oude_export_weigert_zonder_ja(
    db_settings: Settings, demo_profiel: GemeenteProfiel, tmp_path: Path
) -> None:
    import_bestand(db_settings, KLEINE_KAART, vervang=False)
    export = tmp_path / "export.csv"
    exporteer_bestand(db_settings, export)
    assert lees_bestand(export, demo_profiel).kaartstand is not None
    # Exported before any organisation change: a replace is fine.
    with _sessie(db_settings) as session:
        assert proef(session, lees_bestand(export, demo_profiel), True).terugdraaiingen == []
    # Then an organisation confirms k-05 and a proposal for k-06 is accepted.
    with _sessie(db_settings) as session:
        _aanbod(session, "k-05").laatst_gecontroleerd = date(2026, 11, 30)
        registreer(session, "organisatie:De Wilg", "bevestiging", gewijzigd=["k-05"])
        registreer(session, "beheerder-anna", "voorstel", gewijzigd=["k-07"])
    with pytest.raises(VervangNietBevestigd) as fout:
        import_bestand(db_settings, export, vervang=True)
    tekst = str(fout.value)
    assert "organisatie:De Wilg (bevestiging): k-05" in tekst
    assert "k-07" not in tekst  # the file gives k-07 as it is now: nothing undone
    assert "--ja" in tekst
    with _sessie(db_settings) as session:
        assert _aanbod(session, "k-05").laatst_gecontroleerd == date(2026, 11, 30)
    samenvatting = import_bestand(db_settings, export, vervang=True, ja=True)
    assert samenvatting.gewijzigd == 1
    assert [t.aanbod for t in samenvatting.terugdraaiingen] == [("k-05",)]
    # A fresh export after that contains everything: no warning.
    vers = tmp_path / "vers.xlsx"
    exporteer_bestand(db_settings, vers)
    with _sessie(db_settings) as session:
        assert proef(session, lees_bestand(vers, demo_profiel), True).terugdraaiingen == []


def test_bestand_zonder_kaartstand_telt_organisatiewijzigingen(
    db_settings: Settings, demo_profiel: GemeenteProfiel
) -> None:
    import_bestand(db_settings, KLEINE_KAART, vervang=False)
    with _sessie(db_settings) as session:
        _aanbod(session, "k-05").kosten = "nieuw tarief"
        registreer(session, "organisatie:De Wilg", "voorstel", gewijzigd=["k-05"])
    gelezen = lees_bestand(KLEINE_KAART, demo_profiel)
    assert gelezen.kaartstand is None
    with _sessie(db_settings) as session:
        terug = proef(session, gelezen, True).terugdraaiingen
    assert [t.aanbod for t in terug] == [("k-05",)]


def test_cli_proef_toont_plan_en_vervang_vraagt_ja(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import DEMO_PROFIEL

    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WEGWIJZER_DB_URL", f"sqlite:///{tmp_path / 'var' / 'cli.db'}")
    monkeypatch.setenv("WEGWIJZER_GEMEENTE", str(DEMO_PROFIEL))
    assert main(["kaart", "import", str(KLEINE_KAART)]) == 0
    export = tmp_path / "export.csv"
    assert main(["kaart", "export", str(export)]) == 0
    rijen = _rijen()
    rijen[0]["kosten"] = "2 euro"
    bewerkt = _schrijf(tmp_path / "bewerkt.csv", rijen)
    capsys.readouterr()
    assert main(["kaart", "import", str(bewerkt), "--proef"]) == 0
    uit = capsys.readouterr().out
    assert "Gewijzigd: rij 2: k-01 Mantelzorgcafé Oosterpark (kosten)" in uit
    assert "Proefimport, er is niets opgeslagen" in uit
    assert main(["kaart", "import", str(bewerkt)]) == 0  # logged as cli:<user>
    capsys.readouterr()

    # The export predates that change: a replace with it would undo it.
    assert main(["kaart", "import", str(export), "--vervang"]) == 2
    fout = capsys.readouterr().err
    assert "gaan dan verloren" in fout and "k-01" in fout and "cli:" in fout
    assert main(["kaart", "import", str(export), "--vervang", "--proef"]) == 0
    assert "zouden verloren gaan" in capsys.readouterr().out
    assert main(["kaart", "import", str(export), "--vervang", "--ja"]) == 0
    assert "0 toegevoegd, 1 gewijzigd, 15 ongewijzigd, 0 verwijderd" in capsys.readouterr().out


@pytest.mark.parametrize("extensie", ["csv", "xlsx"])
def test_formules_en_html_overleven_de_rondgang(
    db_settings: Settings, demo_profiel: GemeenteProfiel, tmp_path: Path, extensie: str
) -> None:
    waarden = {
        "naam": '=HYPERLINK("http://evil.example","klik")',
        "omschrijving": '<script>alert(1)</script> en "><img src=x onerror=alert(1)>',
        "kosten": "-5 euro",
        "openingstijden": "@maandag",
        "adres": "+31 straat",
        "trefwoorden": "''=twee apostroffen",
    }
    rijen = _rijen()
    rijen[0].update(waarden)
    import_bestand(db_settings, _schrijf(tmp_path / "in.csv", rijen), vervang=False)
    with _sessie(db_settings) as session:
        opgeslagen = _aanbod(session, "k-01")
        assert opgeslagen is not None
        assert opgeslagen.naam == waarden["naam"]
        assert opgeslagen.trefwoorden == "'=twee apostroffen"  # one apostrophe was the guard
    export = tmp_path / f"uit.{extensie}"
    exporteer_bestand(db_settings, export)
    if extensie == "csv":
        tekst = export.read_text(encoding="utf-8-sig")
        assert ";'=HYPERLINK(" in tekst.replace("\"'=", ";'=")  # quoted or not, guarded
        assert ";'-5 euro;" in tekst and ";'@maandag;" in tekst and ";'+31 straat;" in tekst
        assert ";''=twee apostroffen;" in tekst
    else:
        from openpyxl import load_workbook

        blad = load_workbook(export)["kaart"]
        kop = [c.value for c in blad[1]]
        rij = next(r for r in blad.iter_rows(min_row=2) if r[0].value == "k-01")
        cel = rij[kop.index("naam")]
        assert cel.data_type == "s" and cel.value == waarden["naam"]
    terug = {r.id: r for r in lees_bestand(export, demo_profiel).rijen}["k-01"]
    assert terug.naam == waarden["naam"]
    assert terug.omschrijving == waarden["omschrijving"]
    assert terug.kosten == "-5 euro" and terug.openingstijden == "@maandag"
    assert terug.adres == "+31 straat" and terug.trefwoorden == ("'=twee apostroffen",)
    samenvatting = import_bestand(db_settings, export, vervang=True)
    assert str(samenvatting) == "0 toegevoegd, 0 gewijzigd, 16 ongewijzigd, 0 verwijderd"
