"""A full `brief build` of a library: wall time and CPU (user + sys of the whole process tree) per
1,000 briefs, optionally against another version of the code in the same run. (Peak memory:
``/usr/bin/time -f %M`` around one ``brief build --full``.)

    python benchmarks/build_full.py CONTENT [--runs 3] [--jobs 1] [--base CODE_DIR]

CONTENT is a library's content/ (benchmarks/make_library.py N OUT --no-build makes one; it is only
read). Each run builds into a fresh store in a temporary folder (``brief build --full CONTENT -o
…``), under ``nice -n 5``. With ``--base`` (a checkout or ``git archive`` of other code, put first
on PYTHONPATH), its runs alternate with this checkout's, and the ratios are this / base.
BRIEF_BUILD_JOBS is set to ``--jobs`` (1: serial, the CPU figure the design budget speaks of).
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = "import sys; from tui.launch import run; sys.argv[0] = 'brief'; run()"


def one_build(content: Path, code: Path, jobs: int) -> dict[str, float]:
    """One full build in a child process: wall s, CPU s (children's user + sys, workers
    included: each is waited for by its parent)."""
    with tempfile.TemporaryDirectory(prefix="build-full-") as tmp:
        store = Path(tmp) / "store"
        env = dict(os.environ, PYTHONPATH=str(code), BRIEF_BUILD_JOBS=str(jobs))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        command = ["nice", "-n", "5", sys.executable, "-c", RUN, "build", "--full", str(content)]
        subprocess.run(
            [*command, "-o", str(store)],
            env=env,
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        shutil.rmtree(store, ignore_errors=True)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("content", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--base", type=Path, help="other code to compare with (PYTHONPATH)")
    args = parser.parse_args()
    content = args.content.resolve()
    briefs = sum(1 for _ in (content / "briefs").glob("*.md"))
    versions = {"this": ROOT}
    if args.base is not None:
        versions = {"base": args.base.resolve(), "this": ROOT}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in versions}
    for number in range(args.runs):
        for name, code in versions.items():
            figures = one_build(content, code, args.jobs)
            runs[name].append(figures)
            load = os.getloadavg()[0]
            print(
                f"run {number + 1} {name}: wall {figures['wall_s']:.2f} s, "
                f"CPU {figures['cpu_s']:.2f} s (load {load:.1f})",
                flush=True,
            )
    result: dict[str, object] = {"briefs": briefs, "jobs": args.jobs, "runs": args.runs}
    for name, figures in runs.items():
        wall = statistics.median(f["wall_s"] for f in figures)
        cpu = statistics.median(f["cpu_s"] for f in figures)
        result[name] = {
            "wall_s_median": round(wall, 2),
            "cpu_s_median": round(cpu, 2),
            "wall_s_per_1000": round(wall / briefs * 1000, 2),
            "cpu_s_per_1000": round(cpu / briefs * 1000, 2),
        }
        print(
            f"{name}: wall {wall:.2f} s, CPU {cpu:.2f} s median "
            f"= {wall / briefs * 1000:.2f} s / {cpu / briefs * 1000:.2f} s per 1,000 briefs"
        )
    if "base" in runs:
        this, base = result["this"], result["base"]
        assert isinstance(this, dict) and isinstance(base, dict)
        result["cpu_ratio"] = round(this["cpu_s_median"] / base["cpu_s_median"], 3)
        result["wall_ratio"] = round(this["wall_s_median"] / base["wall_s_median"], 3)
        print(f"this / base: CPU {result['cpu_ratio']}, wall {result['wall_ratio']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
