"""The HMAC secret: created once, 32 random bytes, mode 0600, the same for every process."""

import stat
import threading
from pathlib import Path

import pytest

from signalen import SignaalFout
from signalen.geheim import GEHEIM_LENGTE, geheim_pad, laad_of_maak


def test_created_once_with_owner_only_permissions(tmp_path: Path) -> None:
    pad = geheim_pad(tmp_path / "var")
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
    with pytest.raises(SignaalFout, match="geen geldig geheim"):
        laad_of_maak(pad)
    assert pad.read_bytes() == b"kort"
