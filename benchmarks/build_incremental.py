"""Incremental `brief build` and `brief import` on a built library, case by case.

    python benchmarks/build_incremental.py LIBRARY [--runs 3] [--article PATH] [--compiled]
                                           [--code DIR] [--compare DIR]

LIBRARY holds content/, seeds/ and store/ (built: `brief build LIBRARY/content -o LIBRARY/store`;
e.g. a copy of what benchmarks/make_library.py writes — the cases edit content/ and put every
file back afterwards). Each case is one `brief` process, timed (wall and CPU of the process);
the figure is the median of --runs. Cases: one brief changed, one added, one removed, the three
undone at once, one person's file changed (and back), a faction no brief names added (and
removed), and `brief import ARTICLE` into the library as a user library (its draft checked against
the store, new people and factions built incrementally; then removed again). Prints one JSON
object last; the goal is every case ≤ 1 s at 10,000 briefs. ``--compiled`` compiles tui/ to bytecode
first, as an installed brief is (this machine sets PYTHONDONTWRITEBYTECODE: without it every
process compiles tui/ again, ~0.1 s); ``--code DIR`` runs the brief in DIR (e.g. a `git archive`
of an older commit) instead of this checkout's; ``--compare DIR`` runs every case with the brief
in DIR ("before") and with this one ("after") in turn, run by run, and prints both medians and
their ratios (after ÷ before: the figure that carries over between machines and loads).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "import_eval" / "02-sudan-explainer.txt"
CODE: dict[str, str] = {}  # PYTHONPATH for every run (--code)


def run(
    args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float, str]:
    """(wall s, CPU s, stdout) of one `brief` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **CODE, **(env or {})},
        cwd=cwd or Path(CODE.get("PYTHONPATH", ROOT)),
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        sys.exit(f"brief {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return wall, cpu, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--compiled", action="store_true", help="compile tui/ to bytecode first")
    parser.add_argument("--code", type=Path, help="run the brief whose tui/ is in this folder")
    parser.add_argument("--compare", type=Path, help="alternate with the brief in this folder")
    args = parser.parse_args()
    code = args.code.resolve() if args.code else ROOT
    codes = {"": code} if args.compare is None else {"before": args.compare.resolve(), "": code}
    if args.compiled:
        import compileall

        for folder in codes.values():
            compileall.compile_dir(folder / "tui", quiet=1)
    lib = args.library.resolve()
    content, store = lib / "content", lib / "store"
    build = ["build", str(content), "-o", str(store)]
    figures: dict[str, list[tuple[float, float]]] = {}
    which = {"code": ""}  # the key of the code running now ("" = this one, or --code's)

    def use(key: str) -> None:
        which["code"] = key
        CODE.clear()
        if codes[key] != ROOT:
            CODE["PYTHONPATH"] = str(codes[key])

    def timed(name: str, argv: list[str] = build, **kw: object) -> str:
        wall, cpu, out = run(argv, **kw)  # type: ignore[arg-type]
        if name:
            key = f"{which['code']} {name}".strip()
            figures.setdefault(key, []).append((wall, cpu))
        if argv is build and "rebuilt" not in out and "up to date" not in out:
            print(f"warning: {name}: not incremental: {out.strip()}", file=sys.stderr)
        return out

    use("")
    timed("")  # up to date before we start
    briefs = sorted((content / "briefs").glob("*.md"))
    entities = [*(content / "people").glob("*.md"), *(content / "factions").glob("*.md")]
    quoted = {
        line.split(":", 1)[1].strip()
        for p in entities
        for line in p.read_text().splitlines()
        if line.startswith("brief:")
    }
    changed = briefs[len(briefs) // 2]
    gone = next(b for b in briefs[len(briefs) // 3 :] if b.stem not in quoted and b != changed)
    person = sorted((content / "people").glob("*.md"))[len(entities) // 4]
    for _ in range(args.runs):
        for key in codes:
            use(key)
            original, gone_text, person_text = (
                changed.read_text(),
                gone.read_text(),
                person.read_text(),
            )
            changed.write_text(
                original.replace("## Key takeaways\n", "## Key takeaways\n\n- Changed.[^dl]\n")
            )
            timed("changed")
            added = content / "briefs" / "zz-added-brief.md"
            added.write_text(original)
            timed("added")
            gone.unlink()
            timed("removed")
            added.unlink()
            changed.write_text(original)
            gone.write_text(gone_text)
            timed("undo")
            person.write_text(person_text.replace("\n---\n", "\n---\nA reworded line.\n", 1))
            timed("person changed")
            person.write_text(person_text)
            timed("")
            lonely = content / "factions" / "zz-lonely-league.md"
            lonely.write_text(
                f"---\nname: Lonely League of Nobody\nkind: party\nstance: unknown\nbrief: {changed.stem}\n---\nA party.\n"
            )
            timed("faction added")
            lonely.unlink()
            timed("faction removed")
            # brief import into the library as a user library (BRIEF_DATA_DIR/library = LIBRARY)
            with tempfile.TemporaryDirectory() as tmp:
                data = Path(tmp) / "data"
                data.mkdir()
                (data / "library").symlink_to(lib)
                out = timed(
                    "import",
                    ["import", str(args.article.resolve())],
                    env={"BRIEF_DATA_DIR": str(data)},
                    cwd=Path(tmp),
                )
            for line in out.splitlines():
                if line.startswith("  "):
                    (lib / line.strip()).unlink()
            timed("")
    medians = {
        name: {
            "wall_s": round(statistics.median(w for w, _ in runs), 3),
            "cpu_s": round(statistics.median(c for _, c in runs), 3),
        }
        for name, runs in figures.items()
    }
    if args.compare is not None:
        ratios = {
            name: {
                "wall": round(medians[name]["wall_s"] / medians[f"before {name}"]["wall_s"], 2),
                "cpu": round(medians[name]["cpu_s"] / medians[f"before {name}"]["cpu_s"], 2),
            }
            for name in list(medians)
            if not name.startswith("before ") and f"before {name}" in medians
        }
        medians["after_over_before"] = ratios  # type: ignore[assignment]
    briefs_now = len(list((content / "briefs").glob("*.md")))
    print(
        json.dumps(
            {
                "briefs": briefs_now,
                "runs": args.runs,
                "code": str(code),
                "compare": str(codes.get("before", "")),
                "compiled": args.compiled,
                "load": os.getloadavg()[0],
                **medians,
            }
        )
    )


if __name__ == "__main__":
    main()
