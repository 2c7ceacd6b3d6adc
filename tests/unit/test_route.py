import pytest

from triage.route import kies_route, leeftijd_nodig


@pytest.mark.parametrize(
    ("thema", "voor_wie", "leeftijd", "onder_18", "route"),
    [
        ("opvoeden_opgroeien", "kind", None, None, "cjg"),
        ("opvoeden_opgroeien", "zelf", 40, False, "cjg"),  # parenting question: always CJG
        ("psychisch", "kind", 15, True, "cjg"),
        ("psychisch", "kind", 25, False, "wmo_loket"),
        ("psychisch", "kind", None, None, "cjg"),
        ("psychisch", "zelf", None, True, "cjg"),
        ("psychisch", "zelf", None, None, "wmo_loket"),
        ("mantelzorg", "naaste", 80, False, "wmo_loket"),
        ("huishouden", "naaste", None, None, "wmo_loket"),
        ("verslaving", "naaste", 16, True, "cjg"),
        (None, None, None, None, "wmo_loket"),
    ],
)
def test_route(
    thema: str | None, voor_wie: str | None, leeftijd: int | None, onder_18: bool | None, route: str
) -> None:
    assert kies_route(thema, voor_wie, leeftijd, onder_18) == route


def test_age_is_asked_only_when_it_decides() -> None:
    assert leeftijd_nodig("mantelzorg", "kind")
    assert leeftijd_nodig("opvoeden_opgroeien", None)
    assert leeftijd_nodig("psychisch", "zelf")
    assert not leeftijd_nodig("huishouden", "zelf")
    assert not leeftijd_nodig("mantelzorg", "naaste")
