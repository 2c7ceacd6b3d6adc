"""The ground floor on its own: secrets, routes, id pattern, settings sources, error paths.

Runs in the Rasa venv and in .venv-kern312 (Python 3.12, pydantic 2): import only ``kern``.
"""

import stat
import threading
from pathlib import Path

import pytest

from kern.geheim import GEHEIM_LENGTE, GeheimFout, laad_of_maak
from kern.gemeente import Wijk
from kern.pydantic_compat import foutpad
from kern.routes import CRISIS_ROUTES, MAATWERK_ROUTES, ROUTES, crisis_route
from kern.settings import Settings
from kern.themas import KAART_ID


def test_created_once_with_owner_only_permissions(tmp_path: Path) -> None:
    pad = Settings.from_env({"WEGWIJZER_VAR_DIR": str(tmp_path / "var")}).signalen_geheim_path
    geheim = laad_of_maak(pad)
    assert len(geheim) == GEHEIM_LENGTE
    assert stat.S_IMODE(pad.stat().st_mode) == 0o600
    assert laad_of_maak(pad) == geheim
    assert list(pad.parent.iterdir()) == [pad]  # no temporary files left behind


def test_two_installations_get_different_secrets(tmp_path: Path) -> None:
    assert laad_of_maak(tmp_path / "a" / "g") != laad_of_maak(tmp_path / "b" / "g")


def test_processes_starting_together_agree_on_one_secret(tmp_path: Path) -> None:
    pad = tmp_path / "signalen.geheim"
    start = threading.Barrier(8)
    gezien: list[bytes] = []

    def maak() -> None:
        start.wait()
        gezien.append(laad_of_maak(pad))

    draden = [threading.Thread(target=maak) for _ in range(8)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert len(gezien) == 8
    assert len(set(gezien)) == 1
    assert pad.read_bytes() == gezien[0]


def test_a_damaged_secret_is_not_silently_replaced(tmp_path: Path) -> None:
    pad = tmp_path / "signalen.geheim"
    pad.write_bytes(b"kort")
    with pytest.raises(GeheimFout, match="geen geldig geheim"):
        laad_of_maak(pad)
    assert pad.read_bytes() == b"kort"


def test_an_unreadable_secret_is_a_dutch_error(tmp_path: Path) -> None:
    pad = tmp_path / "tracker.key"
    pad.mkdir()  # a directory where the file should be: reading it fails with an OSError
    with pytest.raises(GeheimFout, match="kan niet gelezen worden"):
        laad_of_maak(pad)


def test_routes_are_one_closed_list() -> None:
    assert set(CRISIS_ROUTES) | set(MAATWERK_ROUTES) < set(ROUTES)
    assert "veilig_thuis" in ROUTES
    assert len(set(ROUTES)) == len(ROUTES)
    assert crisis_route("suicide") == "crisis_suicide"
    with pytest.raises(ValueError, match="Onbekende crisissoort"):
        crisis_route("onbekend")


@pytest.mark.parametrize("ident", ["LW-001", "a", "x.y_z-9", "A" * 64])
def test_kaart_id_pattern_accepts(ident: str) -> None:
    assert KAART_ID.match(ident)


@pytest.mark.parametrize("ident", ["", "-begin", "met spatie", "A" * 65, "<script>"])
def test_kaart_id_pattern_refuses(ident: str) -> None:
    assert not KAART_ID.match(ident)


def test_error_paths_read_like_the_profile() -> None:
    assert foutpad(("wijken", 2, "postcodes", 0)) == "wijken[2].postcodes[0]"
    assert foutpad(("cjg", "telefoon")) == "cjg.telefoon"
    assert foutpad(("__root__",)) == ""


def test_a_mapping_is_read_instead_of_the_process_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WEGWIJZER_RASA_PORT", "6000")
    assert Settings.from_env().rasa_port == 6000
    assert Settings.from_env({}).rasa_port == 5005
    assert Settings.from_env({"WEGWIJZER_RASA_PORT": "  "}).rasa_port == 5005  # blank: default


def test_settings_are_read_only() -> None:
    with pytest.raises(TypeError):
        Settings.from_env({}).rasa_port = 1


def test_profile_copies_are_validated_too(demo_profiel_pad: Path) -> None:
    from kern.gemeente import load_profiel

    profiel = load_profiel(demo_profiel_pad)
    with pytest.raises(ValueError, match="staat er twee keer in"):  # pydantic's error
        profiel.vervang(wijken=(Wijk(naam="Een", postcodes=("1234",)),) * 2)
    with pytest.raises(ValueError, match="geen geldige postcode"):
        Wijk(naam="Twee", postcodes=("12AB",))


@pytest.fixture
def demo_profiel_pad() -> Path:
    from tests.conftest import DEMO_PROFIEL

    return DEMO_PROFIEL
