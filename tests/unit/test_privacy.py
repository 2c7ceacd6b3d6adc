"""Tests for the de-identification layer (package ``privacy``).

deduce's lookup cache is built once per test module in a temporary directory (about 2 s), so
these tests also cover the build-and-cache path.
"""

from __future__ import annotations

import io
import itertools
import json
import logging
import pickle
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from privacy import deidentify as deid_module
from privacy import engine
from privacy.deidentify import Deidentifier, get_deidentifier, peek_deidentifier, prepare
from privacy.evaluation import RECALL_DOELEN, evaluate, load_berichten
from privacy.logging import REDACTED, RedactUserTextFilter, install_log_redaction
from privacy.recognisers import elfproef, iban_checksum_ok

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "privacy_berichten.jsonl"


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("deduce-cache")


@pytest.fixture(scope="module")
def model(cache_dir: Path) -> Any:
    return engine.load_deduce(cache_dir)


@pytest.fixture(scope="module")
def deid(model: Any) -> Deidentifier:
    return Deidentifier(model)


# --------------------------------------------------------------------------- every kind


@pytest.mark.parametrize(
    ("text", "secret", "tag"),
    [
        # BSN: plain, grouped, after the word BSN even with a bad checksum
        ("Mijn BSN is 123456782.", "123456782", "[BSN]"),
        ("burgerservicenummer 123.456.782", "123.456.782", "[BSN]"),
        ("nummer 1234.56.782 graag", "1234.56.782", "[BSN]"),
        ("mijn bsn: 123 456 782", "123 456 782", "[BSN]"),
        ("bsn 123456789 (typfout)", "123456789", "[BSN]"),
        # IBAN: NL and foreign, spaces, lower case, failing checksum in NL format
        ("IBAN NL91ABNA0417164300 graag", "NL91ABNA0417164300", "[IBAN]"),
        ("rekening NL91 ABNA 0417 1643 00.", "NL91 ABNA 0417 1643 00", "[IBAN]"),
        ("stort op nl91abna0417164300", "nl91abna0417164300", "[IBAN]"),
        ("Belgisch: BE68 5390 0754 7034", "BE68 5390 0754 7034", "[IBAN]"),
        ("Duits DE89370400440532013000 ok", "DE89370400440532013000", "[IBAN]"),
        ("ik gaf NL12ABNA0123456789 op", "NL12ABNA0123456789", "[IBAN]"),
        # telefoon: every common notation
        ("bel 06-12345678", "06-12345678", "[TELEFOON]"),
        ("bel 06 1234 5678", "06 1234 5678", "[TELEFOON]"),
        ("bel +31 6 12345678", "+31 6 12345678", "[TELEFOON]"),
        ("bel 0031612345678", "0031612345678", "[TELEFOON]"),
        ("bel 020-1234567", "020-1234567", "[TELEFOON]"),
        ("bel (020) 123 45 67", "(020) 123 45 67", "[TELEFOON]"),
        ("bel 0123 45 67 89", "0123 45 67 89", "[TELEFOON]"),
        ("bel 088-1234567", "088-1234567", "[TELEFOON]"),
        ("bel +31 (0)6 12345678", "+31 (0)6 12345678", "[TELEFOON]"),
        ("bel 06.12.34.56.78", "06.12.34.56.78", "[TELEFOON]"),
        ("bel +32 470 12 34 56", "+32 470 12 34 56", "[TELEFOON]"),
        # e-mail and URL
        ("mail jan.de-vries+wmo@example.nl", "jan.de-vries+wmo@example.nl", "[EMAIL]"),
        ("mail piet@voorbeeld.example.", "piet@voorbeeld.example", "[EMAIL]"),
        ("mijn profiel https://social.example.com/jan.devries", "social.example.com", "[URL]"),
        # postcode, address, place in an address line
        ("postcode 1234 AB", "1234 AB", "[POSTCODE]"),
        ("postcode 1234ab", "1234ab", "[POSTCODE]"),
        ("ik woon op de Kerkstraat 12", "Kerkstraat 12", "[ADRES]"),
        ("Dorpsweg 3a is mijn adres", "Dorpsweg 3a", "[ADRES]"),
        ("op de Lindelaan 14-2 woont mijn zus", "Lindelaan 14-2", "[ADRES]"),
        ("mijn adres is kerkstraat 12", "kerkstraat 12", "[ADRES]"),
        ("Burgemeester de Withstraat 5", "Burgemeester de Withstraat 5", "[ADRES]"),
        ("ik woon op Vredenburg 12", "Vredenburg 12", "[ADRES]"),
        ("Kerkstraat 1, 9903 AB Appingedam", "Appingedam", "[LOCATIE]"),
        # dates of birth
        ("geboren op 12-03-1950", "12-03-1950", "[DATUM]"),
        ("geboren op 12 maart 1950", "12 maart 1950", "[DATUM]"),
        ("geboortedatum 1950-03-12", "1950-03-12", "[DATUM]"),
        ("geboren 5 juni", "5 juni", "[DATUM]"),
        # names
        ("Mijn naam is Jan de Vries.", "Jan de Vries", "[NAAM]"),
        ("mijn naam is jan de vries", "jan de vries", "[NAAM]"),
        ("Ik heet Fatima El Amrani", "Fatima El Amrani", "[NAAM]"),
        ("ik ben sanne en ik ben 34", "sanne", "[NAAM]"),
        ("Goedemiddag, met Pieter Bakker.", "Pieter Bakker", "[NAAM]"),
        ("Ik ben Sanne van den Berg", "Sanne van den Berg", "[NAAM]"),
        ("henk jansen van hiernaast", "henk jansen", "[NAAM]"),
        ("Groetjes, Marieke", "Marieke", "[NAAM]"),
        # other long numbers
        ("klantnummer 45678123", "45678123", "[NUMMER]"),
    ],
)
def test_identifier_is_replaced(deid: Deidentifier, text: str, secret: str, tag: str) -> None:
    out = deid.deidentify(text)
    assert secret not in out
    assert tag in out
    for part in secret.split():
        if any(c.isdigit() for c in part) or len(part) > 3:
            assert part not in out, f"{part!r} survived in {out!r}"


def test_deduce_iban_gap_is_closed(model: Any, deid: Deidentifier) -> None:
    """deduce alone leaves the bank code; we must not."""
    text = "Mijn IBAN is NL91ABNA0417164300."
    plain = model.deidentify(text)
    leftover = {a.text for a in plain.annotations}
    assert "NL91ABNA0417164300" not in leftover  # the gap is still there in deduce 3.0.3
    assert deid.deidentify(text) == "Mijn IBAN is [IBAN]."


def test_title_stays_and_name_goes(deid: Deidentifier) -> None:
    assert deid.deidentify("Mijn buurvrouw mevrouw Jansen is ziek") == (
        "Mijn buurvrouw mevrouw [NAAM] is ziek"
    )


def test_mixed_message(deid: Deidentifier) -> None:
    text = (
        "Goedemorgen, mijn naam is Anouk de Graaf. Ik woon op de Molenweg 7, 9903 AB. "
        "Bel 06-98765432 of mail anouk@example.nl; BSN 111222333."
    )
    assert deid.deidentify(text) == (
        "Goedemorgen, mijn naam is [NAAM]. Ik woon op de [ADRES], [POSTCODE]. "
        "Bel [TELEFOON] of mail [EMAIL]; BSN [BSN]."
    )


# --------------------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "text",
    [
        "Ik ben 82 jaar en woon in Oosterpark.",
        "Mijn zoon van 11 wordt gepest.",
        "Ik heb 113 gebeld en daarna 0800-0113.",
        "Veilig Thuis 0800-2000 is gratis.",
        "De Kindertelefoon is 0800-0432.",
        "Bel bij acuut gevaar 112.",
        "Bel 14 050 voor een paspoort.",
        "Mijn postcode begint met 9903.",
        "ik woon in wijk 9901",
        "Ik ben op, ik kan niet meer.",
        "Ik ben moe en ik ben bang.",
        "Ik ben mantelzorger voor mijn moeder.",
        "Ik ben alleenstaande moeder van 2 kinderen.",
        "ik ben Marokkaans en spreek slecht Nederlands",
        "Een schuld van € 1.250 bij de energie.",
        "Mijn huur is 750 euro en mijn uitkering 1200 per maand.",
        "Ik heb op 14 mei een afspraak bij het Wmo-loket.",
        "Is het buurthuis aan de Kerkstraat open?",
        "Noorderhaven, 9901",
        "ik woon in De Weiden",
        "Kan ik op 113.nl chatten?",
        "Wat doet de Voedselbank in de Schilderswijk?",
        "Mijn man heeft Parkinson.",
        "Wij wonen sinds 2019 in Vinkhuizen.",
        "Ik heb 1500 euro schuld en 2 kinderen van 8 en 10.",
    ],
)
def test_trap_stays_visible(deid: Deidentifier, text: str) -> None:
    assert deid.deidentify(text) == text


def test_keep_terms_protect_wijk_names(model: Any) -> None:
    text = "De Weiden is een fijne wijk"
    assert Deidentifier(model).deidentify(text) != text  # deduce takes it for a surname
    assert Deidentifier(model, keep_terms=["De Weiden"]).deidentify(text) == text


def test_keep_terms_never_protect_numbers(model: Any) -> None:
    deid = Deidentifier(model, keep_terms=["06-12345678"])
    assert deid.deidentify("bel 06-12345678") == "bel [TELEFOON]"


# --------------------------------------------------------------------------- robustness


def _random_text(seed: int, n: int) -> str:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(n)).decode("utf-8", errors="replace")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "😀🙈 ik ben 😢 06-12345678 😀",
        "<p>Mijn naam is <b>Jan de Vries</b>, <a href='mailto:j@example.nl'>mail</a></p>",
        "\x00\x01 nul bytes \x00 123456782",
        "a" * 20_000,
        "Jan " * 60,
        "06-" * 3_000,
        _random_text(1, 6_000),
        _random_text(2, 300),
        "ﷺ ǅ ß İ ﬁ Ⅻ ⁰¹² ١٢٣٤٥٦٧٨٩",
        "NL" * 5_000,
    ],
    ids=lambda text: f"{len(text)}:{text[:12]!r}",
)
def test_bad_input_never_crashes(deid: Deidentifier, text: str) -> None:
    out = deid.deidentify(text)
    assert isinstance(out, str)
    spans = deid.annotate(text)
    assert all(0 <= v.start < v.end <= len(text) for v in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


def test_long_message_is_still_scrubbed(deid: Deidentifier) -> None:
    text = ("Ik zoek hulp bij het huishouden. " * 200) + "Bel 06-12345678. " + "en verder " * 300
    assert len(text) > 5_000
    out = deid.deidentify(text)
    assert "06-12345678" not in out
    assert "[TELEFOON]" in out


def test_too_long_text_is_replaced_whole(deid: Deidentifier) -> None:
    text = "Ik zoek hulp. " * (deid_module.MAX_CHARS // 10)
    assert deid.deidentify(text) == "[TEKST]"


def test_over_budget_rest_is_replaced(deid: Deidentifier, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deid_module, "DEDUCE_BUDGET_S", -1.0)
    assert deid.deidentify("Ik ben Jan en ik zoek hulp.") == "[TEKST]"


@pytest.mark.parametrize("shift", range(0, 60, 7))
def test_name_on_a_window_edge_is_found(deid: Deidentifier, shift: int) -> None:
    filler = "ik zoek hulp bij het huishouden en de boodschappen " * 5
    text = filler[: deid_module.WINDOW - 20 + shift] + " Gerda de Boer-Dijkstra helpt mij."
    out = deid.deidentify(text)
    assert "Gerda" not in out and "Boer" not in out and "Dijkstra" not in out, out


def test_deidentify_equals_annotate(deid: Deidentifier) -> None:
    for bericht in load_berichten(FIXTURE)[:60]:
        spans = deid.annotate(bericht.tekst)
        assert deid.deidentify(bericht.tekst) == deid_module.replace(bericht.tekst, spans)


def test_fails_closed_when_deduce_breaks(model: Any) -> None:
    class Broken:
        lookup_structs = model.lookup_structs

        def deidentify(self, text: str) -> Any:
            raise RuntimeError("boom")

    deid = Deidentifier(Broken())
    assert deid.deidentify("Mijn naam is Jan, ik woon in Oosterpark") == "[TEKST]"


def test_pattern_only_mode_finds_numbers() -> None:
    deid = Deidentifier(None)
    assert not deid.uses_deduce
    out = deid.deidentify("BSN 123456782, NL91ABNA0417164300, 06-12345678, a@example.nl")
    assert out == "BSN [BSN], [IBAN], [TELEFOON], [EMAIL]"
    assert deid.deidentify("mijn naam is Jan de Vries") == "mijn naam is [NAAM]"


def test_checksums() -> None:
    assert elfproef("123456782")
    assert not elfproef("123456789")
    assert not elfproef("000000000")
    assert iban_checksum_ok("NL91ABNA0417164300")
    assert not iban_checksum_ok("NL92ABNA0417164300")


# --------------------------------------------------------------------------- accuracy


def test_recall_targets_on_fixture(deid: Deidentifier) -> None:
    berichten = load_berichten(FIXTURE)
    assert len(berichten) >= 160
    result = evaluate(deid, berichten)
    for kind, target in RECALL_DOELEN.items():
        score = result.per_kind[kind]
        assert score.labelled >= 25, kind
        assert score.recall >= target, (kind, score.recall, result.misses)
    assert result.over_scrub_rate < 0.01, result.removed_words.most_common(10)


def test_fixture_has_enough_traps_and_only_fake_data() -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    assert sum(1 for r in rows if not r["vondsten"]) >= 20
    for row in rows:
        for v in row["vondsten"]:
            assert v["tekst"] in row["tekst"]
            if v["soort"] == "email":
                assert "example" in v["tekst"].lower()


# --------------------------------------------------------------------------- build and cache


def test_cache_is_written_in_deduce_format_and_reused(
    cache_dir: Path, model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import deduce

    pickles = list(cache_dir.glob("deduce-*/cache/lookup_structs.pickle"))
    assert len(pickles) == 1
    with pickles[0].open("rb") as fh:
        payload = pickle.load(fh)
    assert payload["deduce_version"] == deduce.__version__
    assert "street" not in payload["lookup_structs"]  # the 600k-street trie is left out

    def no_build(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a second load must come from the cache")

    monkeypatch.setattr(engine, "_build_lookup_structs", no_build)
    again = engine.load_deduce(cache_dir)
    assert Deidentifier(again).deidentify("Ik heet Jan de Vries") == "Ik heet [NAAM]"


def test_corrupt_cache_is_rebuilt(
    tmp_path: Path, model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import deduce

    builds: list[int] = []

    def fast_build(deduce_module: Any) -> Any:  # the real build is covered by the fixture
        builds.append(1)
        return model.lookup_structs

    monkeypatch.setattr(engine, "_build_lookup_structs", fast_build)
    target = engine._pickle_file(engine._cache_path(tmp_path, deduce.__version__))
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a pickle")
    rebuilt = engine.load_deduce(tmp_path)
    assert builds == [1]
    assert Deidentifier(rebuilt).deidentify("bel 06-12345678") == "bel [TELEFOON]"


def test_prepare_installs_the_process_wide_instance(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deid_module, "_instance", None)
    monkeypatch.setattr(deid_module, "_cache_dir", None)
    monkeypatch.setattr(deid_module, "_keep_terms", ())
    assert peek_deidentifier() is None
    prepare(cache_dir, keep_terms=["De Weiden"])
    first = get_deidentifier()
    assert first is peek_deidentifier()
    assert get_deidentifier() is first
    assert first.deidentify("De Weiden is een fijne wijk") == "De Weiden is een fijne wijk"


def test_import_does_no_io_and_deduce_does_not_touch_logging(tmp_path: Path) -> None:
    code = (
        "import logging, sys\n"
        "import privacy\n"
        "assert 'deduce' not in sys.modules, 'deduce imported at import time'\n"
        "from privacy import engine\n"
        "engine._import_deduce()\n"
        "root = logging.getLogger()\n"
        "assert root.handlers == [], root.handlers\n"
        "assert root.level == logging.WARNING, root.level\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# --------------------------------------------------------------------------- logging


def _record(name: str, msg: str, *args: object, level: int = logging.DEBUG) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, msg, args or None, None)


def test_filter_redacts_rasa_structlog_event(deid: Deidentifier) -> None:
    flt = RedactUserTextFilter(deid)
    rendered = json.dumps(
        {
            "event": "processor.message.parse",
            "parse_data_text": "ik heet Jan de Vries en ik ben op",
            "parse_data_intent": {"name": "mantelzorg"},
            "level": "debug",
        }
    )
    record = _record("rasa.core.processor", rendered)
    assert flt.filter(record) is True
    out = record.getMessage()
    assert "Jan" not in out and "ik ben op" not in out
    assert out.startswith("processor.message.parse ")
    assert REDACTED in out


def test_filter_redacts_console_rendered_event_with_colours(deid: Deidentifier) -> None:
    flt = RedactUserTextFilter(deid)
    rendered = (
        "2026-11-22 12:00:00 [debug    ] processor.slots.log            "
        "\x1b[36mslot_values\x1b[0m=\x1b[35m'naam: Jan de Vries'\x1b[0m"
    )
    record = _record("rasa.core.processor", rendered)
    flt.filter(record)
    assert "Jan" not in record.getMessage()
    assert record.getMessage().startswith("processor.slots.log ")


def test_filter_redacts_known_plain_rasa_message(deid: Deidentifier) -> None:
    flt = RedactUserTextFilter(deid)
    record = _record(
        "rasa.core.actions.action", "Validating extracted slots: %s", {"woonplaats": "Hoogkerk"}
    )
    flt.filter(record)
    assert "Hoogkerk" not in record.getMessage()


def test_filter_deidentifies_other_messages_and_exceptions(deid: Deidentifier) -> None:
    flt = RedactUserTextFilter(deid)
    record = _record(
        "wegwijzer.opslag", "terugbelverzoek van %s op %s", "Jan de Vries", "06-12345678"
    )
    try:
        raise ValueError("ongeldige invoer: bsn 123456782")
    except ValueError:
        record.exc_info = sys.exc_info()
    flt.filter(record)
    assert record.getMessage() == "terugbelverzoek van [NAAM] op [TELEFOON]"
    assert record.exc_text is not None
    assert "123456782" not in record.exc_text and "[BSN]" in record.exc_text
    ordinary = _record("rasa.core.agent", "Loading model %s", "models/wegwijzer.tar.gz")
    flt.filter(ordinary)
    assert ordinary.getMessage() == "Loading model models/wegwijzer.tar.gz"


def test_filter_survives_bad_format_arguments(deid: Deidentifier) -> None:
    flt = RedactUserTextFilter(deid)
    record = _record("wegwijzer", "%s en %s", "alleen een")
    assert flt.filter(record) is True
    assert isinstance(record.getMessage(), str)


def test_filter_replaces_huge_messages_whole(deid: Deidentifier) -> None:
    flt = RedactUserTextFilter(deid, max_chars=100)
    record = _record("wegwijzer", "x" * 500 + " Jan de Vries")
    flt.filter(record)
    assert "Jan" not in record.getMessage() and "500" not in record.getMessage()


@pytest.fixture()
def captured_root() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        # pytest's own handlers hang on root too: leave no filter behind for other tests.
        for h in root.handlers:
            for f in [f for f in h.filters if isinstance(f, RedactUserTextFilter)]:
                h.removeFilter(f)


def test_install_on_root_handlers_end_to_end(
    deid: Deidentifier, captured_root: io.StringIO
) -> None:
    handler = logging.getLogger().handlers[-1]
    first = install_log_redaction(deidentifier=deid)
    install_log_redaction(deidentifier=deid)
    assert sum(isinstance(f, RedactUserTextFilter) for f in handler.filters) == 1
    assert first in handler.filters
    logging.getLogger("rasa.core.processor").debug(
        '{"event": "processor.message.parse", "parse_data_text": "mijn naam is Jan"}'
    )
    logging.getLogger("actions.terugbellen").info("bel %s terug", "06-12345678")
    logged = captured_root.getvalue()
    assert "Jan" not in logged and "06-12345678" not in logged
    assert "bel [TELEFOON] terug" in logged


def test_rasa_structlog_pipeline_is_redacted(
    deid: Deidentifier, captured_root: io.StringIO
) -> None:
    """Render like rasa.utils.log_utils.configure_structlog (JSON) and check the output."""
    structlog = pytest.importorskip("structlog")
    install_log_redaction(deidentifier=deid)
    old_config = structlog.get_config()
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            structlog.processors.add_log_level,
            structlog.processors.JSONRenderer(),
        ],
        context_class=dict,
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    try:
        log = structlog.get_logger("rasa.core.processor")
        log.debug("processor.message.parse", parse_data_text="ik ben Sanne, bel 0612345678")
    finally:
        structlog.configure(**old_config)
    logged = captured_root.getvalue()
    assert "processor.message.parse" in logged
    assert "Sanne" not in logged and "0612345678" not in logged
