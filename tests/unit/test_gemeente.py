from pathlib import Path

import pytest
import yaml

from kern.gemeente import ProfielFout, load_profiel, parse_profiel
from tests.conftest import DEMO_PROFIEL

GOED = {
    "naam": "Gemeente Proef",
    "contact": {"telefoon": "14 0999", "website": "https://www.proef.example"},
    "wmo_loket": {"naam": "Wmo Proef", "telefoon": "0999 1", "email": "wmo@proef.example"},
    "cjg": {"telefoon": "0999 2", "openingstijden": "ma-vr"},
    "wijken": [
        {"naam": "Noord", "postcodes": ["9991", "9992"]},
        {"naam": "Zuid", "postcodes": [9993]},
    ],
}


def test_demo_profile_is_valid() -> None:
    profiel = load_profiel(DEMO_PROFIEL)
    assert profiel.naam == "Gemeente Lindewaard"
    assert len(profiel.wijken) >= 5
    assert profiel.wijk_by_postcode("9905")
    assert profiel.contact.telefoon


def test_parse_maps_postcodes_and_names() -> None:
    profiel = parse_profiel(GOED)
    assert profiel.wijk_by_postcode("9993 AB").naam == "Zuid"  # type: ignore[union-attr]
    assert profiel.wijk_by_postcode("9993ab").naam == "Zuid"  # type: ignore[union-attr]
    assert profiel.wijk_by_postcode("1234") is None
    assert profiel.wijk_by_postcode("geen postcode") is None
    assert profiel.wijk_by_naam("  noord ").naam == "Noord"  # type: ignore[union-attr]
    assert profiel.cjg.naam == "Centrum voor Jeugd en Gezin"


def _met(**wijziging: object) -> dict[str, object]:
    data = yaml.safe_load(yaml.safe_dump(GOED))
    for pad, waarde in wijziging.items():
        doel = data
        delen = pad.split("__")
        for deel in delen[:-1]:
            doel = doel[int(deel)] if deel.isdigit() else doel[deel]
        if waarde is None:
            del doel[delen[-1]]
        else:
            doel[delen[-1]] = waarde
    return data


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (_met(naam=None), "naam: dit veld ontbreekt"),
        (_met(wmo_loket=None), "wmo_loket: dit veld ontbreekt"),
        (_met(cjg__telefoon=None), "cjg.telefoon: dit veld ontbreekt"),
        (_met(contact__website="www.proef"), "contact.website"),
        (_met(wmo_loket__email="geen-mail"), "wmo_loket.email"),
        (_met(wijken=[]), "wijken: verwacht een lijst"),
        (_met(wijken__1__postcodes=["12AB"]), "wijken[1].postcodes[0]"),
        (_met(wijken__1__postcodes=["9991"]), "hoort al bij wijk 'Noord'"),
        (_met(wijken__1__naam="noord"), "staat er twee keer in"),
        (_met(wijken__0__postcodes="9991"), "wijken[0].postcodes: verwacht een lijst"),
        (["geen", "blok"], "YAML-blok"),
    ],
)
def test_broken_profile_names_the_field(data: object, fragment: str) -> None:
    with pytest.raises(ProfielFout) as exc:
        parse_profiel(data)
    assert fragment in str(exc.value)


def test_load_reports_missing_file_and_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(ProfielFout, match="bestaat niet"):
        load_profiel(tmp_path / "nergens.yml")
    kapot = tmp_path / "kapot.yml"
    kapot.write_text("naam: [onaf\n", encoding="utf-8")
    with pytest.raises(ProfielFout, match="geen geldige YAML"):
        load_profiel(kapot)
    binair = tmp_path / "binair.yml"
    binair.write_bytes(b"\xff\xfe\x00naam")
    with pytest.raises(ProfielFout, match="UTF-8"):
        load_profiel(binair)
