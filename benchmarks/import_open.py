"""From a raw article to the reader: `brief import ARTICLE --open`, timed to the new brief's title.

Each run starts the command in a fresh tmux session (a fresh, empty user library: the import
drafts, writes and builds it, then the reader opens) and polls `tmux capture-pane` until the title
and the five pane titles are on screen. The same run times a bare Textual app
(benchmarks/hello_app.py) and `brief open` of the embedded brief, alternating, so machine noise
hits all three alike; the ratios of the medians are the figures that carry over between machines.
Goal: the import to the reader in under a second.

    python benchmarks/import_open.py [--runs 9] [--article PATH] [--title TEXT] [--size 120x40]
                                     [--library DIR]

With --library DIR (content/, seeds/ and a built store/, e.g. 10,000 briefs from
benchmarks/make_library.py), every import goes into that library instead of an empty one (it is
the user library of each run); the files an import adds are removed and the store rebuilt
(incrementally) after each run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from startup import HERE, PANES, time_to_screen

ROOT = HERE.parent
ARTICLE = ROOT / "tests" / "import_eval" / "02-sudan-explainer.txt"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--title", default="Who is fighting in Sudan")
    parser.add_argument("--size", default="120x40", help="terminal size, WIDTHxHEIGHT")
    parser.add_argument("--library", type=Path, help="a built library to import into")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("import_open.py needs tmux")
    args.article = args.article.resolve()  # the command runs in another directory
    times: dict[str, list[float]] = {"baseline": [], "open": [], "import --open": []}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            data = Path(tmp) / f"data-{run}"
            where = Path(tmp) / f"cwd-{run}"  # not a project: the import goes to the library
            where.mkdir()
            before: set[Path] = set()
            if args.library is not None:
                library = args.library.resolve()
                data.mkdir()
                (data / "library").symlink_to(library)
                before = _files(library)
            env = f"cd {where} && BRIEF_DATA_DIR={data}"
            commands = [
                ("baseline", f"{sys.executable} {HERE / 'hello_app.py'}", ("Hello, world",)),
                (
                    "open",  # a first run, with its own data: opens the embedded brief
                    f"BRIEF_DATA_DIR={data}-open {sys.executable} -m tui",
                    ("National Consensus", *PANES),
                ),
                (
                    "import --open",
                    f"{env} {sys.executable} -m tui import {args.article} --open",
                    (args.title, *PANES),
                ),
            ]
            if run % 2:
                commands.reverse()
            for name, command, expected in commands:
                times[name].append(time_to_screen(command, expected, args.size, str(where)))
            if args.library is not None:  # undo the import
                for path in _files(library) - before:
                    path.unlink()
                content, store = library / "content", library / "store"
                subprocess.run(
                    [sys.executable, "-m", "tui", "build", str(content), "-o", str(store)],
                    check=True,
                    capture_output=True,
                    cwd=ROOT,
                )
    base = statistics.median(times["baseline"])
    print(f"runs: {args.runs} each, terminal {args.size}, article {args.article.name}")
    for name, found in times.items():
        median = statistics.median(found)
        print(
            f"{name:>14}: median {median * 1000:.0f} ms (min {min(found) * 1000:.0f}), "
            f"{median / base:.2f}x the bare app"
        )
    print("goal: import --open under 1000 ms")


def _files(library: Path) -> set[Path]:
    return {p for sub in ("content", "seeds") for p in (library / sub).rglob("*") if p.is_file()}


if __name__ == "__main__":
    main()
