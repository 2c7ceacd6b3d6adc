"""The beleid room: dashboard page, downloads and the signal-report API.

Everything is compared with the CLI (`wegwijzer signalen rapport|export`, called in-process on
the same database) and every published table is checked by tests/beleid_controle.py against
counts recomputed from the seeded rows: no count under k, nothing derivable from totals.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from kern.db import make_engine, make_session_factory
from kern.settings import Settings
from signalen.dashboard import WEERGAVEN, kies_periode, maak_dashboard, maak_rapporten
from signalen.rapport import MATEN, maak_rapport
from tests.beleid_controle import controleer, lees_getal, ruwe_tellingen
from tests.equivalentie_rapport import VANDAAG, zaad_rijen, zaai
from web import beleid as beleid_module

K = 5
WIJKEN = ["Centrum", "Oosterpark", "Westwijk", "De Weiden", "Noorderhaven", "Molenbuurt"]


@pytest.fixture
def instellingen(maak_settings: Callable[..., Settings]) -> Settings:
    return maak_settings()


@pytest.fixture
def gezaaid(instellingen: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    Path(instellingen.var_dir).mkdir(parents=True, exist_ok=True)
    zaai(instellingen.db_url)
    monkeypatch.setattr(beleid_module, "vandaag", lambda: VANDAAG)
    return instellingen


@pytest.fixture
def beleid(gezaaid: Settings, medewerker: Callable[..., TestClient]) -> TestClient:
    return medewerker("beleid")


@pytest.fixture
def cli(gezaaid: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., bytes]:
    """Run `wegwijzer signalen …` in-process on the same database; the bytes of ``--uit``.

    Through the signalen package's own argparse commands (what ``wegwijzer.cli`` registers and
    runs), since web code may not import the ``wegwijzer`` adapter (import-linter layers).
    """
    import argparse

    from signalen import cli as signalen_cli

    monkeypatch.setenv("WEGWIJZER_VAR_DIR", str(gezaaid.var_dir))
    monkeypatch.setenv("WEGWIJZER_DB_URL", gezaaid.db_url)
    monkeypatch.setenv("WEGWIJZER_GEMEENTE", str(gezaaid.gemeente_path))
    monkeypatch.setattr(signalen_cli, "_vandaag", lambda: VANDAAG)
    parser = argparse.ArgumentParser(prog="wegwijzer")
    signalen_cli.register(parser.add_subparsers(dest="command", required=True))

    def draai(*argv: str) -> bytes:
        uit = tmp_path / "cli-uit"
        args = parser.parse_args([*argv, "--uit", str(uit)])
        assert args.func(Settings.from_env(), args) == 0
        return uit.read_bytes()

    return draai


# -- access -------------------------------------------------------------------------------------

ROUTES = [
    "/beleid",
    "/beleid/rapport?periode=2026-K3&per=thema&formaat=csv",
    "/beleid/export?periode=2026-K3&formaat=csv",
    "/api/v1/signalen/rapport?periode=2026-K3&per=thema",
]


def test_anoniem_en_loket_komen_er_niet_in(
    client: TestClient, medewerker: Callable[..., TestClient]
) -> None:
    anderen = [medewerker(*rollen) for rollen in (("loket",), ("beheer",), ("loket", "beheer"))]
    for route in ROUTES:
        anoniem = client.get(route, follow_redirects=False)
        if route.startswith("/api/"):
            assert anoniem.status_code == 401
            assert anoniem.json()["melding"]
        else:
            assert anoniem.status_code in (302, 303, 307, 401), route
        for ander in anderen:
            assert ander.get(route, follow_redirects=False).status_code == 403, route


# -- the page -----------------------------------------------------------------------------------


class Tabellen(HTMLParser):
    """Tables of a page as {caption: [[cell text, …], …]}; screen-reader-only text left out."""

    def __init__(self) -> None:
        super().__init__()
        self.tabellen: dict[str, list[list[str]]] = {}
        self._bijschrift: str | None = None
        self._rij: list[str] | None = None
        self._cel: list[str] | None = None
        self._in_bijschrift = False
        self._verborgen = 0
        self._rijen: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        klasse = dict(attrs).get("class") or ""
        if tag == "table":
            self._rijen = []
        elif tag == "caption":
            self._in_bijschrift, self._bijschrift = True, ""
        elif tag == "tr":
            self._rij = []
        elif tag in ("td", "th"):
            self._cel = []
        elif (tag == "span" and "medewerker__verborgen" in klasse) or (
            tag == "span" and self._verborgen
        ):
            self._verborgen += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self._in_bijschrift = False
        elif tag in ("td", "th") and self._rij is not None and self._cel is not None:
            self._rij.append("".join(self._cel).strip())
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            self._rijen.append(self._rij)
            self._rij = None
        elif tag == "table" and self._bijschrift is not None:
            self.tabellen[self._bijschrift] = self._rijen
        elif tag == "span" and self._verborgen:
            self._verborgen -= 1

    def handle_data(self, data: str) -> None:
        if self._in_bijschrift and self._bijschrift is not None:
            self._bijschrift += data
        elif self._cel is not None and not self._verborgen:
            self._cel.append(data)


def _dashboard(settings: Settings, code: str = "2026-K3") -> list[Any]:
    engine = make_engine(settings.db_url)
    try:
        periode = kies_periode(code, VANDAAG)
        return maak_dashboard(
            maak_rapporten(make_session_factory(engine), periode, K, WIJKEN, VANDAAG)
        )
    finally:
        engine.dispose()


def test_pagina_toont_elke_weergave(beleid: TestClient, gezaaid: Settings) -> None:
    antwoord = beleid.get("/beleid?periode=2026-K3")
    assert antwoord.status_code == 200
    html = antwoord.text
    assert ' style="' not in html and "<script>" not in html  # CSP: nothing inline
    assert '<script src="/beleid.js" defer></script>' in html
    # Only periods that are over are offered (today is 1 December 2026).
    opties = re.findall(r'<option value="([^"]+)"', html)
    assert "2026-11" in opties and "2026-K3" in opties and "2025" in opties
    assert not {"2026-12", "2026-K4", "2026"} & set(opties)
    assert '<option value="2026-K3" selected>' in html
    parser = Tabellen()
    parser.feed(html)
    for weergave in _dashboard(gezaaid):
        code = weergave.soort.code
        assert f'id="{code}"' in html
        spec = re.search(
            rf'<script type="application/json" id="grafiek-{code}">(.*?)</script>', html, re.S
        )
        assert spec is not None
        assert json.loads(spec.group(1)) == weergave.grafiek
        assert f'data-spec="grafiek-{code}"' in html
        assert weergave.samenvatting.replace("'", "&#39;") in html
        # The table on the page is the dashboard's table, cell for cell (CLI markers and all).
        rijen = parser.tabellen[weergave.tabel.bijschrift]
        assert rijen[0] == list(weergave.tabel.koppen)
        verwacht = [[r.kop, *(c.tekst for c in r.cellen)] for r in weergave.tabel.rijen]
        assert [r[: len(v)] for r, v in zip(rijen[1:], verwacht, strict=False)] == verwacht
    assert 'scope="col"' in html and 'scope="row"' in html
    assert "afgeschermd: minder dan 5" in html  # what a marker means, for screen readers
    assert "kunnen nog wel van elkaar worden afgetrokken" in html  # the CLI's own warning


def _pagina_tabel_ruw(
    rijen: list[list[str]], per: str, van: Any, tot: Any, maten: tuple[int, ...]
) -> None:
    """Suppression check on a table as parsed from the page (labels back to codes)."""
    from kern.themas import THEMAS

    terug = {naam: code for code, naam in THEMAS.items()} | {"(geen thema)": None}
    ruw = ruwe_tellingen(zaad_rijen(), van, tot, (per,))
    lichaam, ruw_lichaam = [], []
    for rij in rijen[1:-1]:
        sleutel = terug.get(rij[0], rij[0]) if per == "thema" else rij[0]
        lichaam.append([lees_getal(t) for t in rij[1::2]])
        ruw_lichaam.append([ruw.get((sleutel,), [0] * len(MATEN))[m] for m in maten])
    totaal = [lees_getal(t) for t in rijen[-1][1::2]]
    ruw_totaal = [sum(r[m] for r in ruw.values()) for m in maten]
    controleer(lichaam, totaal, ruw_lichaam, ruw_totaal, K, list(maten))


@pytest.mark.parametrize("code", ["2026-K3", "2026-08", "2026-10"])
def test_pagina_tabellen_afgeschermd(beleid: TestClient, code: str) -> None:
    parser = Tabellen()
    parser.feed(beleid.get(f"/beleid?periode={code}").text)
    periode = kies_periode(code, VANDAAG)
    gecontroleerd = 0
    for soort in WEERGAVEN:
        if len(soort.per) == 1:
            rijen = parser.tabellen[soort.titel]
            _pagina_tabel_ruw(rijen, soort.per[0], periode.van, periode.tot, soort.maten)
            gecontroleerd += 1
    assert gecontroleerd == 5  # the thema × wijk cross table is checked in tests/unit


@pytest.mark.parametrize(
    ("periode", "melding"),
    [
        ("2026-12", "nog niet voorbij"),
        ("2026", "nog niet voorbij"),
        ("2026-K5", "geen periode"),
        ("<img src=x onerror=alert(1)>", "geen periode"),
    ],
)
def test_pagina_foute_periode(beleid: TestClient, periode: str, melding: str) -> None:
    antwoord = beleid.get("/beleid", params={"periode": periode})
    assert antwoord.status_code == 400
    assert melding in antwoord.text
    assert "<img src=x" not in antwoord.text  # escaped
    assert '<option value="2026-K3" selected>' in antwoord.text  # the default period instead


def test_zonder_signalentabel_een_melding(
    medewerker: Callable[..., TestClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(beleid_module, "vandaag", lambda: VANDAAG)
    c = medewerker("beleid")
    pagina = c.get("/beleid")
    assert pagina.status_code == 503 and "wegwijzer signalen migreer" in pagina.text
    api = c.get("/api/v1/signalen/rapport")
    assert api.status_code == 503 and "signalen migreer" in api.json()["melding"]


# -- API ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("per", ["thema", "wijk", "maand", "thema,wijk", "wijk,maand"])
def test_api_is_de_json_van_de_cli(beleid: TestClient, cli: Callable[..., bytes], per: str) -> None:
    antwoord = beleid.get("/api/v1/signalen/rapport", params={"periode": "2026-K3", "per": per})
    assert antwoord.status_code == 200
    assert antwoord.headers["content-type"].startswith("application/json")
    argv = ["signalen", "rapport", "--periode", "2026-K3", "--format", "json"]
    for p in per.split(","):
        argv += ["--per", p]
    assert antwoord.content == cli(*argv)
    data = antwoord.json()
    beleid_module.RapportAntwoord.model_validate(data)
    ruw = ruwe_tellingen(
        zaad_rijen(),
        kies_periode("2026-K3", VANDAAG).van,
        kies_periode("2026-K3", VANDAAG).tot,
        data["per"],
    )
    codes = [m.code for m in MATEN]
    lichaam = [[r[c] for c in codes] for r in data["rijen"]]
    ruw_lichaam = [
        ruw.get(tuple(r[p] for p in data["per"]), [0] * len(MATEN)) for r in data["rijen"]
    ]
    ruw_totaal = [sum(kolom) for kolom in zip(*ruw.values(), strict=False)]
    controleer(
        lichaam,
        [data["totaal"][c] for c in codes],
        ruw_lichaam,
        ruw_totaal,
        K,
        list(range(len(MATEN))),
    )


@pytest.mark.parametrize(
    ("params", "melding"),
    [
        ({"periode": "2026-12"}, "nog niet voorbij"),
        ({"periode": "kwartaal"}, "geen periode"),
        ({"periode": "2026-K3", "per": "postcode"}, "Onbekende indeling per 'postcode'"),
        ({"periode": "2026-K3", "per": "thema,thema"}, "maar één keer"),
        ({"periode": "2026-K3", "per": ","}, "Kies minstens één indeling"),
        ({"periode": "x" * 50}, ""),
    ],
)
def test_api_fouten_zijn_400_in_het_nederlands(
    beleid: TestClient, params: dict[str, str], melding: str
) -> None:
    antwoord = beleid.get("/api/v1/signalen/rapport", params=params)
    assert antwoord.status_code == 400
    assert melding in antwoord.json()["melding"]
    assert "--" not in antwoord.json()["melding"]


def test_api_gedocumenteerd(beleid: TestClient) -> None:
    schema = beleid.get("/api/v1/openapi.json").json()
    operatie = schema["paths"]["/api/v1/signalen/rapport"]["get"]
    assert {"200", "400", "401", "403", "503"} <= set(operatie["responses"])
    inhoud = operatie["responses"]["200"]["content"]["application/json"]["schema"]
    assert inhoud["$ref"].endswith("/RapportAntwoord")
    assert {p["name"] for p in operatie["parameters"]} == {"periode", "per"}
    assert not any(p.startswith("/beleid") for p in schema["paths"])  # pages are not API


# -- downloads ----------------------------------------------------------------------------------


@pytest.mark.parametrize("per", ["thema", "wijk", "maand", "thema,wijk"])
def test_csv_is_het_bestand_van_de_cli(
    beleid: TestClient, cli: Callable[..., bytes], per: str
) -> None:
    antwoord = beleid.get(
        "/beleid/rapport", params={"periode": "2026-K3", "per": per, "formaat": "csv"}
    )
    assert antwoord.status_code == 200
    assert "attachment" in antwoord.headers["content-disposition"]
    argv = ["signalen", "rapport", "--periode", "2026-K3", "--format", "csv"]
    for p in per.split(","):
        argv += ["--per", p]
    assert antwoord.content == cli(*argv)
    # And the file hides what it must.
    rijen = list(csv.DictReader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))
    codes = [m.code for m in MATEN]
    periode = kies_periode("2026-K3", VANDAAG)
    ruw = ruwe_tellingen(zaad_rijen(), periode.van, periode.tot, per.split(","))
    lichaam = [[lees_getal(r[c]) for c in codes] for r in rijen[:-1]]
    thema_code = {"geen_thema": None}
    ruw_lichaam = [
        ruw.get(tuple(thema_code.get(r[p], r[p]) for p in per.split(",")), [0] * len(MATEN))
        for r in rijen[:-1]
    ]
    totaal = [lees_getal(rijen[-1][c]) for c in codes]
    controleer(
        lichaam,
        totaal,
        ruw_lichaam,
        [sum(k) for k in zip(*ruw.values(), strict=False)],
        K,
        list(range(len(MATEN))),
    )


def _cellen(xlsx: bytes) -> dict[str, list[list[Any]]]:
    boek = load_workbook(io.BytesIO(xlsx))
    return {blad.title: [[c.value for c in rij] for rij in blad.iter_rows()] for blad in boek}


@pytest.mark.parametrize("per", ["thema", "thema,wijk"])
def test_xlsx_is_het_bestand_van_de_cli(
    beleid: TestClient, cli: Callable[..., bytes], per: str
) -> None:
    antwoord = beleid.get(
        "/beleid/rapport", params={"periode": "2026-K3", "per": per, "formaat": "xlsx"}
    )
    assert antwoord.status_code == 200
    assert antwoord.headers["content-type"] == beleid_module.XLSX
    argv = ["signalen", "rapport", "--periode", "2026-K3", "--format", "xlsx"]
    for p in per.split(","):
        argv += ["--per", p]
    web, van_cli = _cellen(antwoord.content), _cellen(cli(*argv))
    assert web == van_cli  # same sheets, same cells (zip timestamps differ, content does not)
    rapport_blad = web["Rapport"]
    n = len(per.split(","))
    koppen = rapport_blad[0]
    posities = [koppen.index(m.kop) for m in MATEN]
    lichaam = [[rij[i] for i in posities] for rij in rapport_blad[1:-1]]
    totaal = [rapport_blad[-1][i] for i in posities]
    periode = kies_periode("2026-K3", VANDAAG)
    ruw = ruwe_tellingen(zaad_rijen(), periode.van, periode.tot, per.split(","))
    engine = make_engine(beleid.app.state.delen.settings.db_url)  # type: ignore[attr-defined]
    try:
        rapport = maak_rapport(
            make_session_factory(engine),
            periode.van,
            periode.tot,
            per.split(","),
            k=K,
            wijken=WIJKEN,
        )
    finally:
        engine.dispose()
    ruw_lichaam = [ruw.get(tuple(r.groep), [0] * len(MATEN)) for r in rapport.rijen]
    assert len(lichaam) == len(ruw_lichaam) and n >= 1
    controleer(
        lichaam,
        totaal,
        ruw_lichaam,
        [sum(k) for k in zip(*ruw.values(), strict=False)],
        K,
        list(range(len(MATEN))),
    )


@pytest.mark.parametrize("formaat", ["csv", "jsonl"])
def test_export_is_die_van_de_cli_en_k_anoniem(
    beleid: TestClient, cli: Callable[..., bytes], formaat: str
) -> None:
    antwoord = beleid.get("/beleid/export", params={"periode": "2026-K3", "formaat": formaat})
    assert antwoord.status_code == 200
    assert antwoord.content == cli(
        "signalen", "export", "--periode", "2026-K3", "--format", formaat
    )
    if formaat == "jsonl":
        regels = [json.loads(r) for r in antwoord.text.splitlines()]
        samenvatting, rijen = regels[0]["samenvatting"], regels[1:]
        assert samenvatting["k"] == K and samenvatting["weggelaten"] > 0
        combinaties = Counter(json.dumps(r, sort_keys=True) for r in rijen)
        assert rijen and min(combinaties.values()) >= K  # k-anonymous over every column
        assert all(re.fullmatch(r"2026-0[789]", r["maand"]) for r in rijen)  # no day
        assert not any("datum" in r or "sleutel" in r for r in rijen)


@pytest.mark.parametrize(
    ("url", "melding"),
    [
        ("/beleid/rapport?periode=2026-K3&per=thema&formaat=pdf", "Onbekend formaat"),
        ("/beleid/rapport?periode=2026-12&per=thema&formaat=csv", "nog niet voorbij"),
        ("/beleid/rapport?periode=2026-K3&per=straat&formaat=csv", "Onbekende indeling"),
        ("/beleid/export?periode=2026-K3&formaat=xml", "Onbekend formaat"),
        ("/beleid/export?periode=2027&formaat=csv", "nog niet voorbij"),
    ],
)
def test_download_fouten(beleid: TestClient, url: str, melding: str) -> None:
    antwoord = beleid.get(url)
    assert antwoord.status_code == 400
    assert melding in antwoord.json()["melding"]


def test_downloadlinks_op_de_pagina_werken(beleid: TestClient) -> None:
    html = beleid.get("/beleid?periode=2026-K3").text
    links = set(re.findall(r'href="(/beleid/(?:rapport|export)\?[^"]+)"', html))
    assert len(links) == 2 * 4 + 2  # csv + xlsx per grouping (thema shared by 3 views), export ×2
    for link in links:
        antwoord = beleid.get(link.replace("&amp;", "&"))
        assert antwoord.status_code == 200, link
        assert "attachment" in antwoord.headers["content-disposition"]
