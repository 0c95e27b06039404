"""How `brief build` scales: N copies of the seed brief (each with its own copy of the article)
plus the real people and factions, built into a store. DESIGN.md's budget: 1,000 articles ≤ 5 s.
(benchmarks/make_library.py builds a varied synthetic library instead, with incremental timings.)

    python benchmarks/build_scale.py [--briefs 1000]

Prints the build time, the store's size, and the per-brief cost; the single-brief build of the
real content is timed in the same run as the baseline.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.ingest import load_content  # noqa: E402
from tui.store import serialize  # noqa: E402

SEED_BRIEF = "afghan-national-consensus"


def make_project(root: Path, briefs: int) -> None:
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    brief_text = (ROOT / "content" / "briefs" / f"{SEED_BRIEF}.md").read_text()
    seed_name = next((ROOT / "seeds").glob("*.txt")).name
    for n in range(1, briefs):
        shutil.copy(ROOT / "seeds" / seed_name, root / "seeds" / f"copy-{n}.txt")
        text = brief_text.replace(f"seeds/{seed_name}", f"seeds/copy-{n}.txt")
        (root / "content" / "briefs" / f"copy-{n}.md").write_text(text)


def timed_build(content: Path) -> tuple[float, int]:
    started = time.perf_counter()
    files = serialize(load_content(content))
    return time.perf_counter() - started, sum(len(b) for b in files.values())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--briefs", type=int, default=1000)
    args = parser.parse_args()
    base_seconds, base_size = timed_build(ROOT / "content")
    with tempfile.TemporaryDirectory() as tmp:
        make_project(Path(tmp), args.briefs)
        seconds, size = timed_build(Path(tmp) / "content")
    print(
        f"1 brief (this project's content): {base_seconds * 1000:.0f} ms, store {base_size:,} bytes"
    )
    print(
        f"{args.briefs} briefs: {seconds:.2f} s, store {size / 1e6:.1f} MB, {seconds / args.briefs * 1000:.1f} ms per brief"
    )
    print(
        f"ratio to the 1-brief build: {seconds / base_seconds:.0f}x for {args.briefs}x the briefs (budget: 1,000 in ≤ 10 s)"
    )


if __name__ == "__main__":
    main()
