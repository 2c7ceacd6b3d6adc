"""HSDS 3.0 as published: every shape of the specification's own examples, and unclean feeds.

The examples in ``tests/fixtures/kaart/hsds/`` are the Open Referral ones, unchanged
(CC BY-SA 4.0, licence beside them). They describe one service, "Community Counselling",
in each shape; their values are placeholders (a US postcode, ``link_entity: "link_entity"``).
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from kern.gemeente import GemeenteProfiel
from sociale_kaart.bestanden import formaat_van, lees_bestand
from sociale_kaart.hsds import lees_hsds, lees_koppeling
from sociale_kaart.template import KaartFout
from tests.kaart_hulp import FIXTURES, HSDS_KOPPELING, schrijf

VOORBEELDEN = FIXTURES / "hsds"
KOPPELING = VOORBEELDEN / "koppeling.yml"
DIENST_ID = "or-ac148810-d857-441c-9679-408f346de14b"
SCHEMA = "The service is available from 10 am to 6pm weekdays."


def _zip(doel: Path, map_: Path, in_submap: bool) -> Path:
    with zipfile.ZipFile(doel, "w") as archief:
        for bestand in sorted(map_.iterdir()):
            naam = f"hsds-export/{bestand.name}" if in_submap else bestand.name
            archief.write(bestand, naam)
    return doel


def _vorm(naam: str, tmp_path: Path) -> Path:
    if naam == "csv.zip":
        return _zip(tmp_path / "hsds.zip", VOORBEELDEN / "csv", in_submap=False)
    if naam == "csv-submap.zip":
        return _zip(tmp_path / "hsds.zip", VOORBEELDEN / "csv", in_submap=True)
    return VOORBEELDEN / naam


@pytest.mark.parametrize(
    ("vorm", "met_locatie"),
    [
        ("service_full.json", True),  # one service object
        ("service_list.json", False),  # a page with "contents"
        ("organization_full.json", True),  # an organization with its services
        ("service_at_location_full.json", True),  # a service_at_location with its service
        ("tabular.json", True),  # the full data set, table per key ("services.csv": [...])
        ("csv", True),  # the tabular data package, a folder
        ("csv/datapackage.json", True),  # ... named by its datapackage.json
        ("csv.zip", True),  # ... zipped
        ("csv-submap.zip", True),  # ... zipped with its folder
    ],
)
def test_elke_officiele_vorm_leest_de_dienst_in(
    vorm: str, met_locatie: bool, tmp_path: Path, demo_profiel: GemeenteProfiel
) -> None:
    pad = _vorm(vorm, tmp_path)
    assert formaat_van(pad) == "hsds"
    gelezen = lees_bestand(pad, demo_profiel, KOPPELING)
    (rij,) = gelezen.rijen
    assert (rij.id, rij.naam, rij.organisatie) == (
        DIENST_ID,
        "Community Counselling",
        "Example Organization Inc.",
    )
    assert rij.themas == ("psychisch",)  # standaard_thema: the taxonomy is a placeholder
    assert (rij.leeftijd_min, rij.leeftijd_max) == (12, 100)
    assert rij.wijk is None
    if met_locatie:
        # The area is a sentence, not a wijk: reported, not used.
        assert any("veld service_areas" in o for o in gelezen.opmerkingen)
        # The location is linked (in the CSV package through the singular table name
        # service_at_location), but its US postcode is left out and reported.
        assert (rij.adres, rij.plaats, rij.postcode) == (
            "1-30 Main Street MyVillage",
            "MyCity",
            None,
        )
        assert any("'ABC 1234' is geen postcode" in o for o in gelezen.opmerkingen)
        assert rij.telefoon == "+44 1234 234567 toestel 100"  # without the export's quotes
        # Nested under the service, its service_at_location and the location: shown once.
        assert rij.openingstijden is not None and rij.openingstijden.count(SCHEMA) == 1
    else:
        assert rij.adres is None and rij.postcode is None


def test_de_csv_tabellen_komen_uit_datapackage_json(
    tmp_path: Path, demo_profiel: GemeenteProfiel
) -> None:
    """A real datapackage.json names the tables; a file not named like its table is found."""
    map_ = tmp_path / "pakket"
    shutil.copytree(VOORBEELDEN / "csv", map_)
    (map_ / "service_at_location.csv").rename(map_ / "diensten_op_locatie.csv")
    resources = [
        {"name": Path(p).stem, "path": p.name}
        for p in sorted(map_.glob("*.csv"))
        if p.name != "diensten_op_locatie.csv"
    ]
    resources.append({"name": "service_at_location", "path": "diensten_op_locatie.csv"})
    resources.append({"name": "wachtlijst", "path": "wachtlijst.csv"})
    (map_ / "wachtlijst.csv").write_text("id,service_id\nw1,x\n", encoding="utf-8")
    (map_ / "datapackage.json").write_text(json.dumps({"resources": resources}), encoding="utf-8")
    gelezen = lees_bestand(map_, demo_profiel, KOPPELING)
    (rij,) = gelezen.rijen
    assert rij.adres == "1-30 Main Street MyVillage"
    assert any("'wachtlijst'" in o and "niet gelezen" in o for o in gelezen.opmerkingen)
    assert not any("op bestandsnaam" in o for o in gelezen.opmerkingen)


def test_onleesbare_datapackage_json_wordt_gemeld(demo_profiel: GemeenteProfiel) -> None:
    # The published datapackage.json in examples/csv is a symlink stored as its target path.
    gelezen = lees_bestand(VOORBEELDEN / "csv", demo_profiel, KOPPELING)
    assert any("datapackage.json is geen leesbare" in o for o in gelezen.opmerkingen)


def test_placeholder_link_entity_breekt_niets_en_wordt_gemeld(
    demo_profiel: GemeenteProfiel,
) -> None:
    gelezen = lees_bestand(VOORBEELDEN / "tabular.json", demo_profiel, KOPPELING)
    assert len(gelezen.rijen) == 1
    (melding,) = [o for o in gelezen.opmerkingen if o.startswith("attributes.csv[0]")]
    assert "hoort bij geen dienst (link_entity 'link_entity'" in melding
    assert "niet gebruikt" in melding


def test_zonder_standaard_thema_wordt_niets_ingelezen(
    tmp_path: Path, demo_profiel: GemeenteProfiel
) -> None:
    koppeling = schrijf(tmp_path / "k.yml", "standaard_niveau: sociale_basis\n")
    with pytest.raises(KaartFout) as exc:
        lees_bestand(VOORBEELDEN / "service_full.json", demo_profiel, koppeling)
    assert "geen thema" in str(exc.value) and "standaard_thema" in str(exc.value)


def test_alleen_taxonomietermen(demo_profiel: GemeenteProfiel) -> None:
    with pytest.raises(KaartFout, match="alleen taxonomietermen"):
        lees_bestand(VOORBEELDEN / "taxonomy_term_list.json", demo_profiel, KOPPELING)


def test_streng_weigert_de_officiele_voorbeelden(demo_profiel: GemeenteProfiel) -> None:
    with pytest.raises(KaartFout) as exc:
        lees_bestand(VOORBEELDEN / "service_full.json", demo_profiel, KOPPELING, streng=True)
    meldingen = [str(p) for p in exc.value.problemen]
    assert (
        "service, veld location.addresses.postal_code: 'ABC 1234' is geen postcode zoals 1234 AB."
        in meldingen
    )


# ------------------------------------------------------------------ an unclean, hand-made feed


def _dienst(ident: str, **velden: Any) -> dict[str, Any]:
    dienst: dict[str, Any] = {
        "id": ident,
        "name": f"Dienst {ident}",
        "status": "active",
        "organization_id": "org-1",
        "attributes": [{"taxonomy_term": {"id": "t-mz", "code": "ZR-MZ", "name": "Mantelzorg"}}],
    }
    dienst.update(velden)
    return dienst


def _feed(tmp_path: Path) -> Path:
    data = {
        "organizations": [{"id": "org-1", "name": "Steunpunt Lindewaard"}],
        "locations": [
            {
                "id": "loc-1",
                "addresses": [{"address_1": "Dorpsstraat 1", "postal_code": "SW1A 1AA"}],
            }
        ],
        "services": [
            _dienst(
                "goed",
                url="https://steunpunt.example",
                phones=[{"number": "0123 45 67 89"}],
            ),
            _dienst(
                "vuil",
                url="ftp://steunpunt.example/dienst",
                email="geen-adres",
                phones=[{"number": "bel ons maar"}],
                service_at_locations=[{"id": "sal-1", "location_id": "loc-1"}],
            ),
            _dienst("naamloos", name=""),
            _dienst("zonder-thema", attributes=[]),
            _dienst("weg", organization_id="org-bestaat-niet"),
        ],
        "service_at_locations": [{"id": "sal-2", "service_id": "goed", "location_id": "loc-9"}],
        "phones": [{"id": "p-9", "service_id": "bestaat-niet", "number": "0123 00 00 00"}],
    }
    return schrijf(tmp_path / "feed.json", json.dumps(data))


def test_vuile_feed_wordt_ingelezen_zonder_wat_niet_kan(
    tmp_path: Path, demo_profiel: GemeenteProfiel
) -> None:
    gelezen = lees_hsds(_feed(tmp_path), HSDS_KOPPELING, demo_profiel)
    rijen = {r.id: r for r in gelezen.rijen}
    assert sorted(rijen) == ["zr-goed", "zr-vuil"]
    assert rijen["zr-goed"].telefoon == "0123 45 67 89"
    vuil = rijen["zr-vuil"]
    assert (vuil.adres, vuil.postcode) == ("Dorpsstraat 1", None)
    assert (vuil.telefoon, vuil.website, vuil.email) == (None, None, None)

    opmerkingen = "\n".join(gelezen.opmerkingen)
    for verwacht in (
        "services[1] ('Dienst vuil'), veld location.addresses.postal_code: 'SW1A 1AA' is geen "
        "postcode zoals 1234 AB. Ingelezen zonder dit veld.",
        "services[1] ('Dienst vuil'), veld phones.number: 'bel ons maar' is geen telefoonnummer.",
        "services[1] ('Dienst vuil'), veld url: 'ftp://steunpunt.example/dienst' is geen webadres",
        "services[1] ('Dienst vuil'), veld email: 'geen-adres' is geen geldig e-mailadres.",
        # What cannot be linked is said, not dropped silently.
        "service_at_locations[0]: locatie 'loc-9' staat niet in 'locations'",
        "phones[0]: dit telefoonnummer hoort bij geen dienst, locatie of organisatie",
    ):
        assert verwacht in opmerkingen

    overgeslagen = "\n".join(gelezen.overgeslagen)
    assert len(gelezen.overgeslagen) == 3
    assert (
        "services[2]: niet ingelezen: veld name: dit veld is verplicht en is leeg." in overgeslagen
    )
    assert "services[3] ('Dienst zonder-thema'): niet ingelezen: veld attributes (thema" in (
        overgeslagen
    )
    assert "services[4] ('Dienst weg'): niet ingelezen: veld organization_id: organisatie" in (
        overgeslagen
    )


def test_streng_weigert_de_vuile_feed_met_alle_problemen(
    tmp_path: Path, demo_profiel: GemeenteProfiel
) -> None:
    with pytest.raises(KaartFout) as exc:
        lees_hsds(_feed(tmp_path), HSDS_KOPPELING, demo_profiel, streng=True)
    meldingen = [str(p) for p in exc.value.problemen]
    assert "services[2], veld name: dit veld is verplicht en is leeg." in meldingen
    assert "services[1], veld phones.number: 'bel ons maar' is geen telefoonnummer." in meldingen
    assert any(
        m.startswith("services[3], veld attributes (thema via koppeling)") for m in meldingen
    )
    assert any(m.startswith("service_at_locations[0]: locatie 'loc-9'") for m in meldingen)


def test_standaard_thema_voor_feed_zonder_taxonomie(
    tmp_path: Path, demo_profiel: GemeenteProfiel
) -> None:
    data = {
        "organizations": [{"id": "o", "name": "Buurthuis"}],
        "services": [{"id": "s1", "name": "Koffieochtend", "organization_id": "o"}],
    }
    feed = schrijf(tmp_path / "feed.json", json.dumps(data))
    koppeling = schrijf(
        tmp_path / "k.yml", "standaard_thema: [eenzaamheid]\nstandaard_niveau: sociale_basis\n"
    )
    gelezen = lees_hsds(feed, koppeling, demo_profiel)
    (rij,) = gelezen.rijen
    assert rij.themas == ("eenzaamheid",)
    assert gelezen.opmerkingen == []  # no taxonomy at all: the default is what was asked for


def test_hetzelfde_schema_twee_keer_genest(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    schema = {"id": "sc-1", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00"}
    dienst = _dienst(
        "s1",
        organization={"id": "org-1", "name": "Steunpunt"},
        schedules=[schema],
        service_at_locations=[{"id": "sal", "schedules": [schema], "location": {"id": "l"}}],
    )
    feed = schrijf(tmp_path / "dienst.json", json.dumps(dienst))
    (rij,) = lees_hsds(feed, HSDS_KOPPELING, demo_profiel).rijen
    assert rij.openingstijden == "ma 09:00 - 12:00 uur"


# --------------------------------------------------------------------------- the mapping file


@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [
        ("thmea:\n  ZR-MZ: mantelzorg\n", "k.yml: thmea: onbekend onderdeel. Bedoelt u 'thema'?"),
        ("thema: [mantelzorg]\n", "k.yml: thema: verwacht een blok 'term: waarde'."),
        (
            "thema:\n  ZR-MZ: {code: mantelzorg}\n",
            "k.yml: thema['ZR-MZ']: verwacht een themacode of een lijst [themacode, themacode].",
        ),
        (
            "standaard_thema: eenzaam\n",
            "k.yml: standaard_thema: onbekend thema 'eenzaam'. Bedoelt u 'eenzaamheid'?",
        ),
        ("niveau:\n  X: basis\n", "k.yml: niveau['X']: onbekend niveau 'basis'"),
        ("standaard_niveau: [maatwerk]\n", "k.yml: standaard_niveau: verwacht een niveau"),
        ("doelgroep:\n  Ouderen: [ouderen, bejaarden]\n", "k.yml: doelgroep['Ouderen']: onbekende"),
        ("id_voorvoegsel: 'zr '\n", "k.yml: id_voorvoegsel: mag alleen letters"),
    ],
)
def test_koppeling_fouten_noemen_het_veld(
    tmp_path: Path, demo_profiel: GemeenteProfiel, inhoud: str, verwacht: str
) -> None:
    with pytest.raises(KaartFout) as exc:
        lees_koppeling(schrijf(tmp_path / "k.yml", inhoud), demo_profiel)
    meldingen = [str(p) for p in exc.value.problemen]
    assert any(m.startswith(verwacht) for m in meldingen), meldingen


def test_koppeling_alle_fouten_tegelijk(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    inhoud = "thema:\n  A: eenzaam\n  B: [mantelzorg, schulden]\ngebied:\n  Noord: Oostpark\n"
    with pytest.raises(KaartFout) as exc:
        lees_koppeling(schrijf(tmp_path / "k.yml", inhoud), demo_profiel)
    paden = [str(p).split(": ")[1] for p in exc.value.problemen]
    assert paden == ["thema['A']", "thema['B']", "gebied['Noord']"]


def test_koppeling_leeg_blok_en_getallen(tmp_path: Path, demo_profiel: GemeenteProfiel) -> None:
    inhoud = "thema:\n  101: mantelzorg\nniveau:\ndoelgroep:\nstandaard_thema: Dementie\n"
    koppeling = lees_koppeling(schrijf(tmp_path / "k.yml", inhoud), demo_profiel)
    assert koppeling.themas == {"101": ("mantelzorg",)}
    assert koppeling.standaard_themas == ("dementie",)
    assert koppeling.niveaus == {} and koppeling.standaard_niveau is None
