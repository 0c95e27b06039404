"""Quality of `brief import` on the evaluation sets in tests/import_eval/.

Three sections, each with a row per article and a micro-average:

1. the self-written set (tests/import_eval/*.txt and its old held-out part heldout/*.txt);
2. real reporting, development (tests/import_eval/reporting/dev/: wire stories with bylines and
   credit lines, magazine analysis, fact-checks, explainers; tuned on);
3. real reporting, held-out, written on another branch by someone who does not tune the rules, each
   skipped with a one-line notice when its folder is absent:
   - held-out 2 (tests/import_eval/reporting/heldout2/): its aggregate was scored once after round 1;
   - held-out 3 (tests/import_eval/reporting/heldout3/): never tuned on;
   - held-out 4 (tests/import_eval/reporting/heldout4/): its aggregate was scored once after round 3;
   - held-out 5 (tests/import_eval/reporting/heldout5/): never tuned on;
   - held-out 9 (tests/import_eval/reporting/heldout9/): never tuned on (round 8).
   (held-out 6, 7 and 8 were scored once after rounds 5, 6 and 7; their articles are now in dev/
   as h6-*, h7-* and h8-*.)

Each article NN-name.txt has an answer key NN-name.json: the people (full names), organisations and
dated statements ("when" as written) a careful reader would list. Alternatives are separated by
"|" ("Rapid Support Forces|RSF"); a second prediction matching an entry already matched counts as
an alias, not an error; a prediction matching an "optional" name or date ("that month") is neither
required nor an error (country names count as optional: a state acting in the story may be
drafted, or not).
Prints recall/precision per article and overall (micro-averaged) and the time extraction takes.

    python benchmarks/import_quality.py [--verbose] [--show-heldout] [--json] [--set dev]
                                        [--only GLOB[,GLOB…]] [--skip GLOB[,GLOB…]]

--verbose lists misses and errors on the development sets only; held-out misses are shown only
with --show-heldout (once tuning is over), so that nobody tunes on them by accident.
--json prints one JSON object (per section: micro-averaged recall/precision, median ms) instead.
--set dev prints the development set only (no held-out figure); --only 'd6[3-8]-*' scores only the
articles whose file name (without .txt) matches the pattern, e.g. a new batch scored once unseen
(several patterns separated by commas); --skip 'd8[6-9]-*' leaves out a batch that is committed
but waiting to be scored once, so that tuning runs never see it.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.extract import extract  # noqa: E402
from tui.extract.gazetteer import COUNTRIES, COUNTRY_ALIASES, FORMER_STATES  # noqa: E402
from tui.ingest.text import fold  # noqa: E402

EVAL = ROOT / "tests" / "import_eval"


def _name(text: str) -> str:
    """A name folded for comparison, a leading article dropped: "The Dawn" is "Dawn", and "The
    Hindu" is "Hindu" (whether a paper's "The" belongs to its name is not what is measured)."""
    folded = fold(text)
    return folded[4:] if folded.startswith("the ") else folded


def match_entities(
    predicted: list[list[str]], key: list[str], optional: list[str] = ()
) -> tuple[int, int, list[str], list[str]]:
    """(true positives, false positives, missed, wrong). ``predicted`` lists each entity's names."""
    entries = [{_name(alt) for alt in entry.split("|")} for entry in key]
    ignored = {_name(alt) for entry in optional for alt in entry.split("|")}
    matched: set[int] = set()
    false_positives, wrong = 0, []
    for names in predicted:
        folded = {_name(n) for n in names}
        hits = [i for i, entry in enumerate(entries) if entry & folded]
        if not hits and folded & ignored:
            continue
        if not hits:
            false_positives += 1
            wrong.append(names[0])
            continue
        matched.update(hits[:1])
    missed = [key[i] for i in range(len(key)) if i not in matched]
    return len(matched), false_positives, missed, wrong


def match_events(
    predicted: list[str], key: list[str], optional: list[str] = ()
) -> tuple[int, int, list[str], list[str]]:
    """Each key entry (alternatives with "|") takes at most one predicted date with the same text;
    a date left over that the key lists as optional ("that month") is neither a hit nor an error."""
    remaining = [fold(p) for p in predicted]
    missed = []
    for entry in key:
        options = {fold(alt) for alt in entry.split("|")}
        hit = next((i for i, p in enumerate(remaining) if p in options), None)
        if hit is None:
            missed.append(entry)
        else:
            remaining.pop(hit)
    ignored = {fold(alt) for entry in optional for alt in entry.split("|")}
    remaining = [p for p in remaining if p not in ignored]
    true_positives = len(key) - len(missed)
    return true_positives, len(remaining), missed, remaining


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def _matches(stem: str, globs: str | None) -> bool:
    """Whether an article's name matches one of the comma-separated globs ("d7[7-9]-*,d8[01]-*")."""
    return globs is not None and any(fnmatch.fnmatch(stem, g.strip()) for g in globs.split(","))


def articles(
    folders: list[tuple[Path, bool]], only: str | None = None, skip: str | None = None
) -> list[tuple[Path, bool]]:
    """(article, held out) for every article of the folders, in order: only those matching `only`
    and none matching `skip` (each a glob, or several separated by commas)."""
    return [
        (path, held)
        for folder, held in folders
        for path in sorted(folder.glob("*.txt"))
        if (only is None or _matches(path.stem, only)) and not _matches(path.stem, skip)
    ]


def evaluate(
    folders: list[tuple[Path, bool]],
    verbose: bool,
    show_heldout: bool,
    quiet: bool,
    only: str | None = None,
    skip: str | None = None,
) -> tuple[dict[str, Counter], list[float]]:
    totals = {kind: Counter() for kind in ("people", "orgs", "events")}
    times = []
    for text_path, held_out in articles(folders, only, skip):
        key = json.loads(text_path.with_suffix(".json").read_text())
        text = text_path.read_text()
        # a country acting in the story may be drafted as a state: neither required nor an error
        # unless the key lists it (the first set's keys list some)
        optional = [*key.get("optional", []), *COUNTRIES, *COUNTRY_ALIASES, *FORMER_STATES]
        started = time.perf_counter()
        result = extract(text)
        times.append((time.perf_counter() - started) * 1000)
        scores = {
            "people": match_entities(
                [[p.name, *p.aliases] for p in result.people], key["people"], optional
            ),
            "orgs": match_entities(
                [[f.name, *f.aliases] for f in result.factions], key["organizations"], optional
            ),
            "events": match_events(
                [e.when for e in result.events], key["events"], key.get("optional", [])
            ),
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
        name = text_path.stem if text_path.parent.name != "heldout" else f"heldout/{text_path.stem}"
        if not quiet:
            print(f"{name:<26} {cells[0]:>11} {cells[1]:>11} {cells[2]:>11} {times[-1]:>5.1f}")
        if verbose and not quiet and (show_heldout or not held_out):
            for kind, (_tp, _fp, missed, wrong) in scores.items():
                if missed or wrong:
                    print(f"    {kind}: missed {missed}; wrong {wrong}")
    return totals, times


def summary(totals: dict[str, Counter], times: list[float]) -> dict:
    """Micro-averaged recall and precision per kind, and the median time per article (ms)."""
    out: dict = {"articles": len(times), "median_ms": round(statistics.median(times), 1)}
    for kind in ("people", "orgs", "events"):
        t = totals[kind]
        out[kind] = {
            "recall": round(ratio(t["tp"], t["expected"]), 3),
            "precision": round(ratio(t["tp"], t["tp"] + t["fp"]), 3),
        }
    return out


def overall(label: str, numbers: dict) -> None:
    cells = [
        f"{numbers[kind]['recall']:.2f}/{numbers[kind]['precision']:.2f}"
        for kind in ("people", "orgs", "events")
    ]
    print(f"{label:<26} {cells[0]:>11} {cells[1]:>11} {cells[2]:>11} {numbers['median_ms']:>5.1f}")


REPORTING = EVAL / "reporting"
SETS = [
    ("self-written set", "self", [(EVAL, False), (EVAL / "heldout", True)]),
    ("real reporting, development (tuned on)", "dev", [(REPORTING / "dev", False)]),
    (
        "real reporting, held-out 2 (aggregate scored once after round 1)",
        "heldout2",
        [(REPORTING / "heldout2", True)],
    ),
    ("real reporting, held-out 3 (never tuned on)", "heldout3", [(REPORTING / "heldout3", True)]),
    (
        "real reporting, held-out 4 (aggregate scored once after round 3)",
        "heldout4",
        [(REPORTING / "heldout4", True)],
    ),
    ("real reporting, held-out 5 (never tuned on)", "heldout5", [(REPORTING / "heldout5", True)]),
    ("real reporting, held-out 9 (never tuned on)", "heldout9", [(REPORTING / "heldout9", True)]),
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list misses and errors (development sets)"
    )
    parser.add_argument(
        "--show-heldout", action="store_true", help="with --verbose, also for the held-out sets"
    )
    parser.add_argument("--set", help="only the sets whose label contains this text")
    parser.add_argument("--json", action="store_true", help="print a JSON summary only")
    parser.add_argument(
        "--only", help="only the articles whose name matches this glob (several: comma-separated)"
    )
    parser.add_argument(
        "--skip", help="leave out the articles matching this glob (a batch waiting to be scored)"
    )
    args = parser.parse_args()
    header = f"{'article':<26} {'people R/P':>11} {'orgs R/P':>11} {'events R/P':>11} {'ms':>5}"
    results = {}
    for label, short, folders in SETS:
        if args.set and args.set not in label:
            continue
        present = [(folder, held) for folder, held in folders if folder.is_dir()]
        if not articles(present, args.only, args.skip):
            if not args.json:
                names = ", ".join(str(f.relative_to(ROOT)) for f, _ in folders)
                print(f"{label}: skipped ({names} absent or empty)\n")
            results[short] = None
            continue
        if not args.json:
            print(label)
            print(header)
        totals, times = evaluate(
            present, args.verbose, args.show_heldout, args.json, args.only, args.skip
        )
        results[short] = summary(totals, times)
        if not args.json:
            print("-" * 68)
            overall("overall (micro)", results[short])
            print()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        "targets (real reporting, held-out): people and organisations recall ≥ 0.92, precision"
        " ≥ 0.85; dated events recall ≥ 0.97, precision ≥ 0.90; < 100 ms per article"
    )


if __name__ == "__main__":
    main()
