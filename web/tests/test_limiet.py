"""The per-client message limit: a moving window, and clients that went quiet are forgotten."""

from __future__ import annotations

from web.limiet import Venster


class Klok:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.nu = 1000.0

    def __call__(self) -> float:
        return self.nu


def test_allows_the_limit_per_window_then_refuses() -> None:
    klok = Klok()
    venster = Venster(3, 60, klok=klok)
    assert [venster.hit("bericht", "a") for _ in range(4)] == [True, True, True, False]
    assert venster.hit("bericht", "b")  # another client has its own allowance
    assert venster.hit("wis", "a")  # and so has another kind of request


def test_the_window_moves_hit_by_hit() -> None:
    klok = Klok()
    venster = Venster(2, 60, klok=klok)
    assert venster.hit("bericht", "a")
    klok.nu += 30
    assert venster.hit("bericht", "a")
    assert not venster.hit("bericht", "a")
    klok.nu += 30  # the first hit is now a full window old
    assert venster.hit("bericht", "a")
    assert not venster.hit("bericht", "a")  # the second is still inside


def test_refused_hits_do_not_extend_the_wait() -> None:
    klok = Klok()
    venster = Venster(1, 60, klok=klok)
    assert venster.hit("bericht", "a")
    for _ in range(5):
        klok.nu += 10
        assert not venster.hit("bericht", "a")
    klok.nu += 10
    assert venster.hit("bericht", "a")


def test_quiet_clients_are_forgotten() -> None:
    klok = Klok()
    venster = Venster(5, 60, klok=klok)
    for client in ("a", "b", "c"):
        venster.hit("bericht", client)
    assert len(venster) == 3
    klok.nu += 61
    venster.hit("bericht", "d")
    assert len(venster) == 1
