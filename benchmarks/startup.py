"""Start-up time of the reader against a bare Textual app, measured the same way in the same run.

Each run starts the program in a fresh tmux session and polls `tmux capture-pane` until the
expected text is on screen: for `brief`, the brief's title and all five pane titles; for the
baseline (benchmarks/hello_app.py), its one line. Runs alternate between the two so that machine
noise hits both alike; the figure that matters is the ratio of the medians (goal: ≤ 1.15).

    python benchmarks/startup.py [--runs 15] [--store PATH] [--size 120x40] [--no-compile]
                                 [--compare OTHER_CHECKOUT]

Every program starts in an empty temporary directory (a checkout in the current directory would
otherwise shadow the installed package). ``--compare DIR`` also times the `tui` package of another
checkout (e.g. `git archive HEAD~5 tui | tar -x -C /tmp/before`), in the same runs, alternating with the
others: a before/after ratio measured under the same load.

brief keeps its parsed stylesheet (tui/css_cache.py) and the compiled methods of its dataclasses
(tui/codecache.py) in the user's cache directory: every start but the first after an install, an
upgrade or a theme change finds them. By default the runs share a temporary cache directory warmed
by one untimed start (the usual case); ``--cold-cache`` gives each run an empty one (the first
start).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The five panes' titles, or (below 110 columns, one pane at a time) the tab strip's: "2 Key
# takeaways" there reads "2 Takeaways". An entry "a|b" is found when either is on screen.
PANES = ("1 Summary", "2 Key takeaways|2 Takeaways", "3 Actors", "4 History", "5 Source")


def on_screen(text: str, screen: str) -> bool:
    return any(choice in screen for choice in text.split("|"))


def time_to_screen(
    command: str,
    expected: tuple[str, ...],
    size: str,
    cwd: str,
    timeout: float = 30,
    linger: float = 0.0,
) -> float:
    width, height = size.split("x")
    socket = f"bench-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", socket]
    started = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", width, "-y", height, "-c", cwd, command],
        check=True,
        cwd=cwd,
    )
    try:
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p"], capture_output=True, text=True
            ).stdout
            if all(on_screen(text, screen) for text in expected):
                elapsed = time.perf_counter() - started
                time.sleep(linger)  # let the program finish what follows its first paint
                return elapsed
            time.sleep(0.002)
        raise RuntimeError(f"timed out waiting for {expected}; screen was:\n{screen}")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--store", type=Path, help="store to open (default: the embedded one)")
    parser.add_argument("--size", default="120x40", help="terminal size, WIDTHxHEIGHT")
    parser.add_argument(
        "--title", default="National Consensus", help="text of the brief's title to wait for"
    )
    parser.add_argument(
        "--no-compile", action="store_true", help="do not byte-compile the package first"
    )
    parser.add_argument(
        "--compare", type=Path, help="another checkout whose `tui` to time in the same runs"
    )
    parser.add_argument(
        "--cold-cache", action="store_true", help="an empty stylesheet cache for every run"
    )
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("startup.py needs tmux")
    if not args.no_compile:
        # An installed package ships compiled bytecode (pip compiles wheels on install); a checkout
        # run with PYTHONDONTWRITEBYTECODE=1 would compile every module of ours on each start.
        import compileall

        compileall.compile_dir(str(HERE.parent / "tui"), quiet=1)
        if args.compare:
            compileall.compile_dir(str(args.compare / "tui"), quiet=1)
    store = f" --store {args.store}" if args.store else ""
    times: dict[str, list[float]] = {"baseline": [], "brief": []}
    if args.compare:
        times["compare"] = []
    with tempfile.TemporaryDirectory() as tmp:
        if not args.cold_cache:  # one untimed start of each writes its caches
            warm = f"BRIEF_CACHE_DIR={tmp}/cache BRIEF_DATA_DIR={tmp}/warm {sys.executable} -m tui"
            time_to_screen(warm + store, (args.title,), args.size, tmp, linger=1.0)
            if args.compare:
                # its own cache directory: a start that does not find its stylesheet there
                # writes it and removes the other version's, which would then parse every time
                warm = f"PYTHONPATH={args.compare.resolve()} BRIEF_CACHE_DIR={tmp}/cache-compare"
                warm += f" BRIEF_DATA_DIR={tmp}/warm-compare {sys.executable} -m tui"
                time_to_screen(warm + store, (args.title,), args.size, tmp, linger=1.0)
        for run in range(args.runs):
            data = Path(tmp) / f"data-{run}"  # a first run every time: opens the newest brief
            cache = Path(tmp) / (f"cache-{run}" if args.cold_cache else "cache")
            brief_cmd = (
                f"BRIEF_CACHE_DIR={cache} BRIEF_DATA_DIR={data} {sys.executable} -m tui{store}"
            )
            hello_cmd = f"{sys.executable} {HERE / 'hello_app.py'}"
            programs = [
                ("baseline", hello_cmd, ("Hello, world",)),
                ("brief", brief_cmd, (args.title, *PANES)),
            ]
            if args.compare:
                other = f"PYTHONPATH={args.compare.resolve()} BRIEF_CACHE_DIR={cache}-compare"
                other += f" BRIEF_DATA_DIR={data}-compare"
                other += f" {sys.executable} -m tui{store}"
                programs.append(("compare", other, (args.title, *PANES)))
            shift = run % len(programs)  # each program goes first, second, … in turn
            for name, command, expected in programs[shift:] + programs[:shift]:
                times[name].append(time_to_screen(command, expected, args.size, tmp))
    base = statistics.median(times["baseline"])
    print(f"runs: {args.runs} each, terminal {args.size}")
    labels = {
        "baseline": "baseline (bare Textual app)",
        "brief": "brief (title + 5 pane titles)",
        "compare": f"{args.compare} (same)",
    }
    for name, values in times.items():
        middle = statistics.median(values)
        print(
            f"{labels[name]}: median {middle * 1000:.0f} ms  (min {min(values) * 1000:.0f})"
            + ("" if name == "baseline" else f"  ratio {middle / base:.2f}")
        )
    print(f"ratio: {statistics.median(times['brief']) / base:.2f}  (goal ≤ 1.15)")


if __name__ == "__main__":
    main()
