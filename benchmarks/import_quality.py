"""Quality of `brief import` on the hand-made evaluation set in tests/import_eval/.

Each article NN-name.txt has an answer key NN-name.json: the people (full names), organisations and
dated statements ("when" as written) a careful reader would list. Alternatives are separated by
"|" ("Rapid Support Forces|RSF"); a second prediction matching an entry already matched counts as
an alias, not an error. Prints recall and precision per article and overall (micro-averaged), and
the time extraction takes per article.

    python benchmarks/import_quality.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.extract import extract  # noqa: E402
from tui.ingest.text import fold  # noqa: E402

EVAL = ROOT / "tests" / "import_eval"


def match_entities(
    predicted: list[list[str]], key: list[str]
) -> tuple[int, int, list[str], list[str]]:
    """(true positives, false positives, missed, wrong). ``predicted`` lists each entity's names."""
    entries = [{fold(alt) for alt in entry.split("|")} for entry in key]
    matched: set[int] = set()
    false_positives, wrong = 0, []
    for names in predicted:
        folded = {fold(n) for n in names}
        hits = [i for i, entry in enumerate(entries) if entry & folded]
        if not hits:
            false_positives += 1
            wrong.append(names[0])
            continue
        matched.update(hits[:1])
    missed = [key[i] for i in range(len(key)) if i not in matched]
    return len(matched), false_positives, missed, wrong


def match_events(predicted: list[str], key: list[str]) -> tuple[int, int, list[str], list[str]]:
    """Each key entry (alternatives with "|") takes at most one predicted date with the same text."""
    remaining = [fold(p) for p in predicted]
    missed = []
    for entry in key:
        options = {fold(alt) for alt in entry.split("|")}
        hit = next((i for i, p in enumerate(remaining) if p in options), None)
        if hit is None:
            missed.append(entry)
        else:
            remaining.pop(hit)
    true_positives = len(key) - len(missed)
    return true_positives, len(remaining), missed, remaining


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def evaluate(folder: Path, verbose: bool) -> tuple[dict[str, Counter], list[float]]:
    totals = {kind: Counter() for kind in ("people", "orgs", "events")}
    times = []
    for text_path in sorted(folder.glob("*.txt")):
        key = json.loads(text_path.with_suffix(".json").read_text())
        text = text_path.read_text()
        started = time.perf_counter()
        result = extract(text)
        times.append((time.perf_counter() - started) * 1000)
        scores = {
            "people": match_entities([[p.name, *p.aliases] for p in result.people], key["people"]),
            "orgs": match_entities(
                [[f.name, *f.aliases] for f in result.factions], key["organizations"]
            ),
            "events": match_events([e.when for e in result.events], key["events"]),
        }
        sizes = {
            "people": len(key["people"]),
            "orgs": len(key["organizations"]),
            "events": len(key["events"]),
        }
        cells = []
        for kind, (tp, fp, _missed, _wrong) in scores.items():
            totals[kind].update(tp=tp, fp=fp, expected=sizes[kind])
            cells.append(f"{ratio(tp, sizes[kind]):.2f}/{ratio(tp, tp + fp):.2f}")
        print(
            f"{text_path.stem:<26} {cells[0]:>11} {cells[1]:>11} {cells[2]:>11} {times[-1]:>5.1f}"
        )
        if verbose:
            for kind, (_tp, _fp, missed, wrong) in scores.items():
                if missed or wrong:
                    print(f"    {kind}: missed {missed}; wrong {wrong}")
    return totals, times


def overall(label: str, totals: dict[str, Counter], times: list[float]) -> None:
    cells = []
    for kind in ("people", "orgs", "events"):
        t = totals[kind]
        cells.append(f"{ratio(t['tp'], t['expected']):.2f}/{ratio(t['tp'], t['tp'] + t['fp']):.2f}")
    print(
        f"{label:<26} {cells[0]:>11} {cells[1]:>11} {cells[2]:>11} {statistics.median(times):>5.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list what was missed and what was wrong"
    )
    args = parser.parse_args()
    header = f"{'article':<26} {'people R/P':>11} {'orgs R/P':>11} {'events R/P':>11} {'ms':>5}"
    print("development set (the rules were tuned on these)")
    print(header)
    dev, dev_times = evaluate(EVAL, args.verbose)
    print("-" * 68)
    overall("development (micro)", dev, dev_times)
    print()
    print("held-out set (written after tuning; never tuned on)")
    print(header)
    held, held_times = evaluate(EVAL / "heldout", args.verbose)
    print("-" * 68)
    overall("held-out (micro)", held, held_times)
    print()
    print(
        "targets: people recall ≥ 0.90, organisations ≥ 0.80, dated events ≥ 0.90; precision ≥ 0.75 (people, orgs)"
    )


if __name__ == "__main__":
    main()
