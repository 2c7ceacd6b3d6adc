"""Reading kaart files: CSV variants, Excel and HSDS JSON, good and bad (no database)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from kern.gemeente import GemeenteProfiel
from kern.themas import Niveau
from sociale_kaart.bestanden import lees_bestand
from sociale_kaart.template import KOLOMMEN, KaartFout
from tests.kaart_hulp import DEMO_KAART, HSDS, HSDS_API, HSDS_KOPPELING, KLEINE_KAART, schrijf

KOP = ",".join(KOLOMMEN)


def _rij(**waarden: str) -> str:
    basis = {
        "id": "t-1",
        "naam": "Mantelzorgcafé",
        "organisatie": "Steunpunt",
        "themas": "mantelzorg",
        "niveau": "sociale_basis",
    }
    basis.update(waarden)
    buffer = io.StringIO()
    csv.writer(buffer).writerow([basis.get(k, "") for k in KOLOMMEN])
    return buffer.getvalue().strip("\r\n")


def _meldingen(exc: pytest.ExceptionInfo[KaartFout]) -> list[str]:
    return [str(p) for p in exc.value.problemen]


# ---------------------------------------------------------------------------------------- CSV


def test_demo_kaart_komma_utf8(demo_profiel: GemeenteProfiel) -> None:
    gelezen = lees_bestand(DEMO_KAART, demo_profiel)
    assert gelezen.formaat == "csv"
    assert len(gelezen.rijen) == 80
    assert gelezen.rijen[0].naam == "Mantelzorgcafé"


@pytest.mark.parametrize(
    ("encoding", "scheiding", "bom"),
    [("utf-8", ";", False), ("utf-8", ";", True), ("cp1252", ";", False), ("utf-8", "\t", False)],
)
def test_excel_varianten(
    tmp_path: Path, demo_profiel: GemeenteProfiel, encoding: str, scheiding: str, bom: bool
) -> None:
    tekst = KLEINE_KAART.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(tekst)))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=scheiding).writerows(rows)
    data = buffer.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    pad = tmp_path / "kaart.csv"
    pad.write_bytes(data)
    gelezen = lees_bestand(pad, demo_profiel)
    assert [r.id for r in gelezen.rijen] == [r[0] for r in rows[1:]]
    assert gelezen.rijen[0].naam == "Mantelzorgcafé Oosterpark"  # é survives every encoding


def test_kopregel_zoals_excel_gebruikers_hem_typen(
    tmp_path: Path, demo_profiel: GemeenteProfiel
) -> None:
    kop = KOP.replace("themas", "Thema's").replace("laatst_gecontroleerd", "Laatst gecontroleerd")
    pad = schrijf(tmp_path / "k.csv", f"{kop}\n{_rij()}\n")
    assert len(lees_bestand(pad, demo_profiel).rijen) == 1


def test_kapotte_codering_noemt_de_regel(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    goed = f"{KOP}\n{_rij(id='t-1', naam='Café')}\n".encode()
    fout = _rij(id="t-2", naam="Caf\xe9 De Linde").encode("cp1252")  # pasted from an old file
    pad = tmp_path / "gemengd.csv"
    pad.write_bytes(goed + fout + b"\n")
    with pytest.raises(KaartFout) as exc:
        lees_bestand(pad, demo_profiel)
    (melding,) = _meldingen(exc)
    assert melding.startswith("Rij 3:")
    assert "deels UTF-8" in melding and "0xE9" in melding


def test_binair_bestand_wordt_geweigerd(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    pad = tmp_path / "kaart.csv"
    pad.write_bytes(b"id,naam\n\x81\x8d\x8f\x90\x9d")
    with pytest.raises(KaartFout, match="geen tekst in UTF-8 of Windows-1252"):
        lees_bestand(pad, demo_profiel)


def test_ontbrekende_kolom(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    kop = KOP.replace(",niveau", ",nivo")
    pad = schrijf(tmp_path / "k.csv", f"{kop}\n")
    with pytest.raises(KaartFout) as exc:
        lees_bestand(pad, demo_profiel)
    assert _meldingen(exc) == [
        "Rij 1, kolom niveau: deze kolom ontbreekt in de kopregel. Bedoelt u 'nivo'?"
    ]


def test_dubbel_id_en_alle_fouten_tegelijk(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    inhoud = "\n".join(
        [
            KOP,
            _rij(id="t-1"),
            _rij(id="t-1", naam="Tweede"),
            _rij(id="t-3", wijk="Oosterpak"),
            _rij(id="t-4", themas="schulden"),
            _rij(id="t-5", niveau="basis", leeftijd_min="30", leeftijd_max="12"),
        ]
    )
    pad = schrijf(tmp_path / "k.csv", inhoud + "\n")
    with pytest.raises(KaartFout) as exc:
        lees_bestand(pad, demo_profiel)
    meldingen = _meldingen(exc)
    assert "Rij 3, kolom id: id 't-1' komt al voor in rij 2." in meldingen
    assert any(
        m.startswith("Rij 4, kolom wijk: de wijk 'Oosterpak' staat niet in het gemeenteprofiel.")
        and "Bedoelt u 'Oosterpark'?" in m
        for m in meldingen
    )
    assert "Rij 5, kolom themas: onbekend thema 'schulden'. Bedoelt u 'geldzorgen'?" in meldingen
    assert any(m.startswith("Rij 6, kolom niveau: onbekend niveau 'basis'") for m in meldingen)
    assert any(m.startswith("Rij 6, kolom leeftijd_max:") for m in meldingen)
    assert "De sociale kaart is niet ingelezen" in str(exc.value)


def test_meerregelige_cel_telt_als_een_rij(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    inhoud = "\n".join([KOP, _rij(id="t-1", omschrijving="regel een\nregel twee"), _rij(id="t-1")])
    pad = schrijf(tmp_path / "k.csv", inhoud + "\n")
    with pytest.raises(KaartFout) as exc:
        lees_bestand(pad, demo_profiel)
    assert _meldingen(exc) == ["Rij 3, kolom id: id 't-1' komt al voor in rij 2."]


def test_onbekend_bestandstype(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    with pytest.raises(KaartFout, match=r"oud Excel-bestand \(.xls\)"):
        lees_bestand(schrijf(tmp_path / "k.xls", "x"), demo_profiel)
    with pytest.raises(KaartFout, match=r"onbekend bestandstype \.ods"):
        lees_bestand(schrijf(tmp_path / "k.ods", "x"), demo_profiel)


# -------------------------------------------------------------------------------------- Excel


def _xlsx(pad: Path, rows: Sequence[Sequence[object]]) -> Path:
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.title = "kaart"
    for row in rows:
        blad.append(row)
    boek.save(pad)
    return pad


def test_xlsx_met_getallen_en_datums(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    from datetime import datetime

    rows: list[list[object]] = [list(KOLOMMEN)]
    waarden: dict[str, object] = {
        "id": "x-1",
        "naam": "Huiswerkklas",
        "organisatie": "Wijkcentrum De Wilg",
        "themas": "opvoeden_opgroeien",
        "niveau": "sociale_basis",
        "leeftijd_min": 12.0,  # Excel stores numbers as floats
        "leeftijd_max": 17,
        "wijk": "westwijk",
        "laatst_gecontroleerd": datetime(2026, 10, 8),
    }
    rows.append([waarden.get(k) for k in KOLOMMEN])
    rows.append([None] * len(KOLOMMEN))  # empty rows are skipped
    gelezen = lees_bestand(_xlsx(tmp_path / "k.xlsx", rows), demo_profiel)
    (rij,) = gelezen.rijen
    assert gelezen.formaat == "xlsx"
    assert (rij.leeftijd_min, rij.leeftijd_max, rij.wijk) == (12, 17, "Westwijk")
    assert (
        rij.laatst_gecontroleerd is not None
        and rij.laatst_gecontroleerd.isoformat() == "2026-10-08"
    )


def test_xlsx_fouten(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    zonder_kolom = [[k for k in KOLOMMEN if k != "organisatie"]]
    with pytest.raises(KaartFout) as exc:
        lees_bestand(_xlsx(tmp_path / "a.xlsx", zonder_kolom), demo_profiel)
    assert _meldingen(exc) == ["Rij 1, kolom organisatie: deze kolom ontbreekt in de kopregel."]

    dubbel = [list(KOLOMMEN)] + [
        ["x-1", "A", "Org", "", "mantelzorg", "sociale_basis"] + [None] * (len(KOLOMMEN) - 6)
    ] * 2
    with pytest.raises(KaartFout) as exc:
        lees_bestand(_xlsx(tmp_path / "b.xlsx", dubbel), demo_profiel)
    assert _meldingen(exc) == ["Rij 3, kolom id: id 'x-1' komt al voor in rij 2."]

    with pytest.raises(KaartFout, match="geen geldig Excel-bestand"):
        lees_bestand(schrijf(tmp_path / "kapot.xlsx", "dit is geen zip"), demo_profiel)


# --------------------------------------------------------------------------------------- HSDS


def test_hsds_dataset(demo_profiel: GemeenteProfiel) -> None:
    gelezen = lees_bestand(HSDS, demo_profiel, HSDS_KOPPELING)
    rijen = {r.id.removeprefix("zr-5e0d9c34-8f4b-4f1e-b7a4-1a2b3c4d"): r for r in gelezen.rijen}
    assert gelezen.formaat == "hsds"
    assert sorted(rijen) == ["0001", "0002", "0003", "0004", "0005"]
    assert gelezen.overgeslagen == ["services[5] ('Telefooncirkel (gestopt)'): status defunct"]

    even_vrij = rijen["0001"]
    assert even_vrij.themas == ("mantelzorg", "dementie")
    assert even_vrij.niveau is Niveau.SOCIALE_BASIS  # "Vrijwillige inzet"
    assert even_vrij.doelgroepen == ("mantelzorgers",)
    assert even_vrij.wijk is None  # "Gemeente Lindewaard" → hele gemeente
    assert even_vrij.telefoon == "0123 45 62 10"
    assert "Respijt aan huis" in even_vrij.trefwoorden

    consulent = rijen["0002"]
    assert consulent.niveau is Niveau.ALGEMENE_VOORZIENING
    assert (consulent.adres, consulent.postcode) == ("Kerkstraat 12", "9902 BC")  # physical
    assert consulent.telefoon == "0123 45 62 00"  # organisation's number
    assert consulent.openingstijden == "1e di van de maand 19:30 - 21:30 uur"

    inloop = rijen["0003"]
    assert inloop.wijk == "Oosterpark"  # two areas, both mapped to Oosterpark
    assert inloop.openingstijden == "ma, wo, vr 09:30 - 11:30 uur"  # schedule of the location
    assert inloop.telefoon == "0123 45 63 00 toestel 2"
    assert inloop.kosten == "gratis"
    assert inloop.laatst_gecontroleerd is not None
    assert inloop.laatst_gecontroleerd.isoformat() == "2026-06-10"

    assert rijen["0005"].leeftijd_min == 65
    assert rijen["0005"].wijk is None  # "Lindewaard" is the gemeente itself


def test_hsds_api_vorm_geeft_dezelfde_rijen(demo_profiel: GemeenteProfiel) -> None:
    plat = {r.id: r for r in lees_bestand(HSDS, demo_profiel, HSDS_KOPPELING).rijen}
    for rij in lees_bestand(HSDS_API, demo_profiel, HSDS_KOPPELING).rijen:
        verwacht = plat[rij.id]
        assert (rij.naam, rij.organisatie, rij.themas, rij.niveau, rij.wijk) == (
            verwacht.naam,
            verwacht.organisatie,
            verwacht.themas,
            verwacht.niveau,
            verwacht.wijk,
        )
        assert (rij.adres, rij.telefoon, rij.openingstijden, rij.kosten) == (
            verwacht.adres,
            verwacht.telefoon,
            verwacht.openingstijden,
            verwacht.kosten,
        )


def test_hsds_zonder_koppeling(demo_profiel: GemeenteProfiel) -> None:
    with pytest.raises(KaartFout, match="--koppeling"):
        lees_bestand(HSDS, demo_profiel)


def test_hsds_fouten_noemen_het_json_pad(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    data = json.loads(HSDS.read_text(encoding="utf-8"))
    data["services"][1]["organization_id"] = "bestaat-niet"
    data["service_areas"][1]["name"] = "Oosterpak"
    data["attributes"] = [a for a in data["attributes"] if not a["link_id"].endswith("0004")]
    data["services"][4]["minimum_age"] = "oud"
    pad = tmp_path / "hsds.json"
    pad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KaartFout) as exc:
        lees_bestand(pad, demo_profiel, HSDS_KOPPELING, streng=True)
    meldingen = _meldingen(exc)
    assert (
        "services[1], veld organization_id: organisatie 'bestaat-niet' staat niet in 'organizations'."
        in meldingen
    )
    assert any(
        m.startswith("services[2], veld service_areas: de wijk 'Oosterpak' staat niet")
        and "Bedoelt u 'Oosterpark'?" in m
        for m in meldingen
    )
    assert any(
        m.startswith("services[3], veld attributes (thema via koppeling): geen thema")
        for m in meldingen
    )
    assert any(
        m.startswith("services[4], veld minimum_age: 'oud' is geen leeftijd") for m in meldingen
    )
    # The validator's own "themas is empty" is not repeated next to our clearer message.
    assert not any("dit veld is verplicht" in m for m in meldingen)

    # Without --streng the usable part is read: services[1] (no organisation) and services[3]
    # (no thema) are skipped, services[2] loses its unknown area, services[4] its age.
    gelezen = lees_bestand(pad, demo_profiel, HSDS_KOPPELING)
    assert sorted(r.id[-4:] for r in gelezen.rijen) == ["0001", "0003", "0005"]
    overgeslagen = "\n".join(gelezen.overgeslagen)
    assert "services[1] ('" in overgeslagen and "organisatie 'bestaat-niet'" in overgeslagen
    assert "services[3] ('" in overgeslagen and "geen thema" in overgeslagen
    opmerkingen = "\n".join(gelezen.opmerkingen)
    assert "veld service_areas: de wijk 'Oosterpak'" in opmerkingen
    assert "veld minimum_age: 'oud' is geen leeftijd" in opmerkingen
    vijf = next(r for r in gelezen.rijen if r.id.endswith("0005"))
    assert vijf.leeftijd_min is None


def test_hsds_koppeling_met_fouten(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    koppeling = HSDS_KOPPELING.read_text(encoding="utf-8")
    koppeling = koppeling.replace("ZR-ONT: eenzaamheid", "ZR-ONT: eenzaam").replace(
        "Oosterpark-Noord: Oosterpark", "Oosterpark-Noord: Oostpark"
    )
    pad = schrijf(tmp_path / "koppeling.yml", koppeling)
    with pytest.raises(KaartFout) as exc:
        lees_bestand(HSDS, demo_profiel, pad)
    meldingen = _meldingen(exc)
    assert (
        "koppeling.yml: thema['ZR-ONT']: onbekend thema 'eenzaam'. Bedoelt u 'eenzaamheid'?"
        in meldingen
    )
    assert any(
        m.startswith("koppeling.yml: gebied['Oosterpark-Noord']: de wijk 'Oostpark'")
        for m in meldingen
    )


def test_hsds_ongeldige_json(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    pad = schrijf(tmp_path / "x.json", '{"services": [\n  {"id": 1,}\n]}')
    with pytest.raises(KaartFout, match=r"Rij 2: geen geldige JSON"):
        lees_bestand(pad, demo_profiel, HSDS_KOPPELING)
