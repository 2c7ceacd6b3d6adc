"""``make eval-nlu``: k-fold cross-validation of the NLU and a short report.

Runs ``rasa test nlu --cross-validation`` and summarises Rasa's intent report: macro F1 and the
confusion pairs that remain. Writes ``reports/nlu/samenvatting.md`` next to Rasa's own files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from kern.settings import PROJECT_ROOT, rasa_omgeving

REPORT_DIR = PROJECT_ROOT / "reports" / "nlu"


def run_cross_validation(folds: int, out: Path) -> float:
    """Run Rasa's cross-validation; return the wall time in seconds."""
    cmd = [
        str(Path(sys.executable).with_name("rasa")), "test", "nlu",
        "--config", "config.yml", "--nlu", "data/nlu",
        "--cross-validation", "--folds", str(folds),
        "--out", str(out),
    ]  # fmt: skip
    start = time.monotonic()
    subprocess.run(cmd, cwd=PROJECT_ROOT, check=True, env=rasa_omgeving())
    return time.monotonic() - start


def summarise(report: dict[str, Any], top: int = 12) -> tuple[float, list[tuple[str, str, int]]]:
    """Macro F1 over intents and the most frequent (true, predicted, count) confusions."""
    macro = float(report["macro avg"]["f1-score"])
    pairs: list[tuple[str, str, int]] = []
    for intent, scores in report.items():
        if not isinstance(scores, dict) or "confused_with" not in scores:
            continue
        for other, count in scores["confused_with"].items():
            pairs.append((intent, other, int(count)))
    pairs.sort(key=lambda p: -p[2])
    return macro, pairs[:top]


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description="Kruisvalidatie van de NLU")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=REPORT_DIR)
    args = parser.parse_args(argv)
    seconds = run_cross_validation(args.folds, args.out)
    report = json.loads((args.out / "intent_report.json").read_text(encoding="utf-8"))
    macro, pairs = summarise(report)
    lines = [
        f"# NLU-kruisvalidatie ({args.folds} folds, {seconds / 60:.1f} min)",
        "",
        f"Intent macro F1: **{macro:.3f}** (doel ≥ 0.90)",
        "",
        "| intent | F1 | support |",
        "|---|---|---|",
    ]
    for intent, scores in sorted(report.items()):
        if isinstance(scores, dict) and "f1-score" in scores and "confused_with" in scores:
            lines.append(f"| {intent} | {scores['f1-score']:.3f} | {scores['support']} |")
    lines += ["", "Verwarringen die overblijven (echt → voorspeld: aantal):", ""]
    lines += [f"- {a} → {b}: {n}" for a, b, n in pairs]
    text = "\n".join(lines) + "\n"
    (args.out / "samenvatting.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
