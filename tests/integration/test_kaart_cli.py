"""``wegwijzer kaart …`` end to end through the real CLI entry point."""

from __future__ import annotations

import json
from email import message_from_bytes
from pathlib import Path

import pytest

from tests.conftest import DEMO_PROFIEL
from tests.kaart_hulp import DEMO_KAART, HSDS, HSDS_KOPPELING, KLEINE_KAART
from wegwijzer.cli import main


@pytest.fixture
def omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("WEGWIJZER_DB_URL", f"sqlite:///{tmp_path / 'var' / 'cli.db'}")
    monkeypatch.setenv("WEGWIJZER_GEMEENTE", str(DEMO_PROFIEL))
    monkeypatch.delenv("WEGWIJZER_KAART_VERS_DAGEN", raising=False)
    return tmp_path


def test_import_droog_en_echt(omgeving: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kaart", "import", str(DEMO_KAART), "--droog"]) == 0
    assert "Proefimport, er is niets opgeslagen" in capsys.readouterr().out
    assert main(["kaart", "import", str(DEMO_KAART)]) == 0
    assert capsys.readouterr().out == (
        "Sociale kaart ingelezen: 80 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 0 verwijderd.\n"
    )
    assert main(["kaart", "import", str(KLEINE_KAART), "--vervang"]) == 0
    assert "16 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 80 verwijderd" in capsys.readouterr().out


def test_import_met_fouten_geeft_exitcode_2(
    omgeving: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kapot = omgeving / "kapot.csv"
    kapot.write_text(
        KLEINE_KAART.read_text(encoding="utf-8").replace(",mantelzorg,", ",mantelzrog,", 1)
    )
    assert main(["kaart", "import", str(kapot)]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: De sociale kaart is niet ingelezen:\n")
    assert "Rij 2, kolom themas: onbekend thema 'mantelzrog'. Bedoelt u 'mantelzorg'?" in fout


def test_hsds_import_via_cli(omgeving: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kaart", "import", str(HSDS)]) == 2
    assert "--koppeling" in capsys.readouterr().err
    assert main(["kaart", "import", str(HSDS), "--koppeling", str(HSDS_KOPPELING)]) == 0
    uit = capsys.readouterr().out
    assert "Overgeslagen: services[5] ('Telefooncirkel (gestopt)'): status defunct" in uit
    assert "5 toegevoegd" in uit


def test_hsds_voorbeeld_via_cli_met_en_zonder_streng(
    omgeving: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.kaart_hulp import FIXTURES

    map_, koppeling = FIXTURES / "hsds" / "csv", FIXTURES / "hsds" / "koppeling.yml"
    assert main(["kaart", "import", str(map_), "--koppeling", str(koppeling), "--streng"]) == 2
    assert "'ABC 1234' is geen postcode" in capsys.readouterr().err
    assert main(["kaart", "import", str(map_), "--koppeling", str(koppeling)]) == 0
    uit = capsys.readouterr().out
    assert "Let op: services.csv, rij 2 ('Community Counselling'), veld " in uit
    assert uit.rstrip().endswith(
        "Sociale kaart ingelezen: 1 toegevoegd, 0 gewijzigd, 0 ongewijzigd, 0 verwijderd."
    )


def test_lezen_zonder_setup_zegt_wat_te_doen(
    omgeving: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (["zoek", "koffie"], ["controle"], ["export", str(omgeving / "k.csv")]):
        assert main(["kaart", *args]) == 2
        fout = capsys.readouterr().err
        assert fout.startswith("Fout: De database heeft nog geen sociale kaart.")
        assert "Voer eerst `wegwijzer setup` uit" in fout


def test_zoek_tabel_en_json(omgeving: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["kaart", "import", str(DEMO_KAART)])
    capsys.readouterr()
    args = ["kaart", "zoek", "mantelzorg dementie", "--wijk", "Oosterpark", "--leeftijd", "80"]
    assert main(args) == 0
    tabel = capsys.readouterr().out
    for kop in (
        "Naam",
        "Organisatie",
        "Niveau",
        "Wijk",
        "Telefoon",
        "Laatst gecontroleerd",
        "Waarom",
    ):
        assert kop in tabel
    assert "Wandelmaatje bij" in tabel and "0123 45 62 10" in tabel

    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["vraag"]["wijk"] == "Oosterpark"
    eerste = data["resultaten"][0]
    assert eerste["id"] == "lw-013"
    assert eerste["niveau"] == "sociale_basis"
    assert eerste["laatst_gecontroleerd"] == "2026-07-15"
    assert eerste["redenen"][-1].startswith("tekst: ")
    # The best answers follow the ladder (sociale basis, algemene voorziening, maatwerk); the
    # other answers come after them, best match first, so the last one need not be maatwerk.
    ladder = ["sociale_basis", "algemene_voorziening", "maatwerk"]
    beste = [
        ladder.index(r["niveau"])
        for r in data["resultaten"]
        if r["vers"] and not any("dus daarna" in x or "na de beste" in x for x in r["redenen"])
    ]
    assert beste == sorted(beste) and len(set(beste)) > 1
    for niveau in ladder:  # within a niveau a stale entry after every fresh one
        vers = [r["vers"] for r in data["resultaten"] if r["niveau"] == niveau]
        assert vers == sorted(vers, reverse=True)


def test_zoek_op_postcode_en_fouten(omgeving: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["kaart", "import", str(DEMO_KAART)])
    capsys.readouterr()
    assert main(["kaart", "zoek", "--thema", "eenzaamheid", "--postcode", "9905 AB", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["vraag"]["wijk"] == "Oosterpark"
    assert data["resultaten"][0]["redenen"][1] == "in de eigen wijk (Oosterpark)"

    assert main(["kaart", "zoek", "koffie", "--wijk", "Oosterpak"]) == 2
    assert "Bedoelt u 'Oosterpark'?" in capsys.readouterr().err
    assert main(["kaart", "zoek", "--thema", "schulden"]) == 2
    assert "Bedoelt u 'geldzorgen'?" in capsys.readouterr().err
    assert main(["kaart", "zoek", "xyzzyqq"]) == 0
    assert "Geen aanbod gevonden" in capsys.readouterr().out


def test_controle_en_mails(omgeving: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["kaart", "import", str(DEMO_KAART)])
    capsys.readouterr()
    mails = omgeving / "mails"
    assert main(["kaart", "controle", "--dagen", "365", "--mails", str(mails)]) == 0
    uit = capsys.readouterr().out
    assert "Buurtkamer De Weiden (buurtkamer@deweiden-lindewaard.example" in uit
    assert "lw-038" in uit and "Tuinhulp De Weiden: laatst gecontroleerd 10-02-2025" in uit
    mail = message_from_bytes((mails / "buurtkamer-de-weiden.eml").read_bytes())
    assert mail["To"] == "buurtkamer@deweiden-lindewaard.example"
    assert mail["From"] == "info@lindewaard.example"
    assert "Klopt uw informatie op de sociale kaart" in mail["Subject"]
    body = mail.get_payload(decode=True)
    assert isinstance(body, bytes)
    assert "Geheugenkoffie De Weiden (nummer lw-014)" in body.decode("utf-8")

    assert main(["kaart", "controle", "--json", "--dagen", "365"]) == 0
    data = json.loads(capsys.readouterr().out)
    weiden = next(o for o in data if o["organisatie"] == "Buurtkamer De Weiden")
    assert [a["id"] for a in weiden["aanbod"]] == ["lw-038", "lw-014"]  # oldest first

    assert main(["kaart", "controle", "--dagen", "100000"]) == 0
    assert "Alle aanbod is in de laatste 100000 dagen gecontroleerd." in capsys.readouterr().out


def test_export_en_migreer(omgeving: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kaart", "migreer"]) == 0
    assert "0 aanbod op de kaart" in capsys.readouterr().out
    main(["kaart", "import", str(KLEINE_KAART)])
    doel = omgeving / "kaart.xlsx"
    assert main(["kaart", "export", str(doel)]) == 0
    assert "16 aanbod geschreven" in capsys.readouterr().out
    assert main(["kaart", "import", str(doel)]) == 0
    assert "0 toegevoegd, 0 gewijzigd, 16 ongewijzigd" in capsys.readouterr().out
    assert main(["kaart", "export", str(omgeving / "kaart.pdf")]) == 2
    assert "gebruik .csv of .xlsx" in capsys.readouterr().err
