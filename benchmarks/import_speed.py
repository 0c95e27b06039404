"""How long `brief import` takes on one article: extraction alone, and extraction plus drafting
(which validates the draft with the real loader against the content directory).

    python benchmarks/import_speed.py [ARTICLE] [--runs 30]

Reports medians in milliseconds; the goal is "well under 100 ms" for a typical article.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.extract import extract, read_article  # noqa: E402
from tui.ingest.draft import make_draft  # noqa: E402

SEED = ROOT / "seeds" / "nationpress-afghan-anti-taliban-national-consensus.txt"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("article", nargs="?", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    raw = args.article.read_bytes()
    text = read_article(args.article)
    extract(text)  # warm up imports and regex caches
    extract_times, draft_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for project, label in (
            (Path(tmp) / "empty", "an empty content/"),
            (Path(tmp) / "seeded", "this project's content/"),
        ):
            (project / "content").mkdir(parents=True)
            if project.name == "seeded":
                shutil.rmtree(project / "content")
                shutil.copytree(ROOT / "content", project / "content")
                shutil.copytree(ROOT / "seeds", project / "seeds")
            draft_times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                result = extract(text)
                middle = time.perf_counter()
                make_draft(result, raw, project / "content")
                done = time.perf_counter()
                extract_times.append((middle - started) * 1000)
                draft_times.append((done - started) * 1000)
            print(
                f"extract + draft + validate into {label}: median {statistics.median(draft_times):.1f} ms"
            )
    print(
        f"extract alone: median {statistics.median(extract_times):.1f} ms  ({args.article.name}, {len(raw):,} bytes)"
    )


if __name__ == "__main__":
    main()
