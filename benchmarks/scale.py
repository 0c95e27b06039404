"""How the reader and the command line scale to a big library: one JSON object, printed last.

    python benchmarks/scale.py STORE [--runs 5] [--size 120x40]

STORE is a store built by benchmarks/make_library.py (OUT/store; OUT/build.json gives the build
figures). Measured in this run, against a bare Textual app started the same way:

- first_paint_ratio: time until the newest brief's title and pane titles are on screen in tmux,
  median over --runs, divided by the bare app's (benchmarks/hello_app.py); first_paint_ms too;
- rss_mb: the reader's resident memory after its first paint (in a subprocess, headless),
  rss_peak_mb its peak;
- keystroke_ms_median / _p95 / _max: keys in the reader (Actors, Summary, Source), the Library
  (typing a filter; `keys_library_nav_*`: End, Home, page down/up in the list of every brief and
  of a filter matching nearly all, from the list and from the filter box) and the entity page of
  the most-mentioned entity: the process's CPU time per key (Pilot's press also sleeps until
  idle, in 20 ms steps: keystroke_wall_ms_* is that wall time);
- entity_open_ms: opening that entity page (its mentions and events across every brief), wall
  time until idle (Pilot's wait: ≥ 20 ms more than the work); entity_open_cpu_ms: the same in
  CPU time; entity_reopen_cpu_ms: the median CPU time of 5 more openings (files cached, code
  imported); entity_paint_ms / entity_paint_cpu_ms: wall / CPU time until the page's first
  paint (what the user waits for: the whole page since scale4 — before, the sections below the
  screen were added after it; the time to idle also counts removing the screen it replaced);
- search_ms_p95 (and median, max): 200 fixed queries through Store.search — names, words,
  typos, prefixes, phrases, NOT and filters;
- cli_ms: wall time of each CLI verb in a fresh process (cli_ms_max the slowest);
- build_s_per_1000, build_peak_mb, incremental_*_s: from OUT/build.json when present.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

WORDS = (
    "talks",
    "ceasefire",
    "elections",
    "border",
    "refugees",
    "sanctions",
    "aid",
    "water",
    "schools",
    "trade",
    "prisoners",
    "roads",
    "mining",
    "clinics",
    "drought",
    "corridor",
)
PLACES = ("kabul", "herat", "kandahar", "doha", "tehran", "geneva", "islamabad", "bamyan")
FILTERS = (
    "kind:person",
    "kind:faction",
    "status:deceased",
    "tag:synthetic",
    "kind:event",
    "year:2001..2010",
    "kind:brief",
    "tag:talks",
    "year:2021",
    "status:alive",
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def raw_entities(store) -> tuple[list[dict], list[dict]]:
    """The store's people and factions as stored, by id (reads the catalog)."""
    getattr(store, "preload", lambda: None)()  # (a store of format 2 had it read already)
    people = sorted(store._people.raw.values(), key=lambda r: r["id"])
    factions = sorted(store._factions.raw.values(), key=lambda r: r["id"])
    return people, factions


def most_mentioned(store, kind: str | None = None) -> str:
    """The person or faction (or either) in most briefs."""
    people, factions = raw_entities(store)
    raw = {"person": people, "faction": factions}.get(kind or "", people + factions)
    return max(raw, key=lambda r: (len(r.get("briefs", [])), r["id"]))["id"]


def queries(store) -> list[str]:
    """200 fixed queries drawn from the store's own names and words, deterministically."""
    people, factions = raw_entities(store)
    names = [p["name"] for p in people[:: max(1, len(people) // 40)]][:40]
    fnames = [f["name"] for f in factions[:: max(1, len(factions) // 20)]][:20]
    out: list[str] = []
    for n, name in enumerate(names):
        last = name.split()[-1]
        out.append(last)  # a name
        out.append(last[:-2] + last[-1] + last[-2] if len(last) > 4 else last)  # a typo
        out.append(name.split()[0][:4])  # a prefix
        out.append(f"{last} {WORDS[n % len(WORDS)]}")  # name and word
    for n, fname in enumerate(fnames):
        out.append(f'"{fname}"')  # phrase
        out.append(f"{fname.split()[-1]} -{WORDS[n % len(WORDS)]}")  # NOT
    for n in range(200 - len(out)):
        kind = n % 4
        if kind == 0:
            out.append(f"{WORDS[n % len(WORDS)]} {PLACES[n % len(PLACES)]}")
        elif kind == 1:
            out.append(f"{FILTERS[n % len(FILTERS)]} {WORDS[(n // 3) % len(WORDS)]}")
        elif kind == 2:
            out.append(FILTERS[n % len(FILTERS)])
        else:
            word = WORDS[n % len(WORDS)]
            out.append(word[:-1] + "x")  # a typo of a word
    return out[:200]


def search_times(store_path: Path) -> dict[str, float]:
    from tui.search import QueryError
    from tui.store import Store

    store = Store.open(store_path)
    qs = queries(store)
    started = time.perf_counter()
    store.search("warmup")  # opens the index
    open_ms = (time.perf_counter() - started) * 1000
    times, hits = [], 0
    for query in qs:
        started = time.perf_counter()
        with contextlib.suppress(QueryError):
            hits += len(store.search(query, 20))
        times.append((time.perf_counter() - started) * 1000)
    return {
        "search_queries": len(qs),
        "search_open_ms": open_ms,
        "search_ms_median": statistics.median(times),
        "search_ms_p95": percentile(times, 0.95),
        "search_ms_max": max(times),
        "search_hits": hits,
    }


def rss_now_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def child(store_path: Path) -> dict[str, float]:
    """In a fresh process: open the reader headless, measure memory and keys."""
    from tui.app import BriefApp
    from tui.config import Config
    from tui.store import Store
    from tui.userdata import UserData

    result: dict[str, float] = {}
    keys: dict[str, list[float]] = {"reader": [], "library": [], "library_nav": [], "entity": []}
    # Pilot's press waits for the app to go idle (in 20 ms sleeps), so wall time per key is
    # mostly that wait: the CPU time the process spends on the key is the figure that counts.
    walls: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(store_path)
        app = BriefApp(store, UserData(Path(tmp)), None, Config())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            result["rss_mb"] = rss_now_mb()

            async def timed(bucket: str, key: str) -> None:
                started, cpu = time.perf_counter(), time.process_time()
                await pilot.press(key)
                keys[bucket].append((time.process_time() - cpu) * 1000)
                walls.append((time.perf_counter() - started) * 1000)

            for pane, moves in (
                ("3", ["down"] * 10 + ["up"] * 10),
                ("1", ["j", "j", "k", "k"] * 2),
                ("5", ["pagedown"] * 5 + ["pageup"] * 5),
                ("4", ["j"] * 5 + ["k"] * 5),
            ):
                await pilot.press(pane)
                for key in moves:
                    await timed("reader", key)
            await pilot.press("L")
            await pilot.pause()
            for key in ["t", "a", "l", "backspace", "backspace", "backspace", "k", "a"]:
                await timed("library", key)
            # moving in the list: every brief (End adds them all), then a filter matching
            # nearly every brief ("a"), from the list and from the filter box
            for key in ["backspace", "backspace"]:
                await timed("library", key)
            for key in ["tab", "end", "home", "pagedown", "pagedown", "pageup", "end", "home"]:
                await timed("library_nav", key)
            await pilot.press("shift+tab")
            await timed("library", "a")
            for key in ["down", "pagedown", "tab", "end", "home", "pagedown"]:
                await timed("library_nav", key)
            await pilot.press("escape")
            await pilot.pause()
            # the most-mentioned entity: the one in most briefs
            top = store.entity(most_mentioned(store))
            result["entity_briefs"] = len(top.briefs)
            from textual.screen import Screen

            painted: dict[str, tuple[float, float]] = {}
            refresh = Screen._compositor_refresh

            def first_paint(screen: Screen) -> None:
                refresh(screen)
                now = (time.perf_counter(), time.process_time())
                painted.setdefault(type(screen).__name__, now)

            Screen._compositor_refresh = first_paint  # type: ignore[method-assign]
            started, cpu = time.perf_counter(), time.process_time()
            app.open_entity(top.id)
            await pilot.pause()
            result["entity_open_ms"] = (time.perf_counter() - started) * 1000
            result["entity_open_cpu_ms"] = (time.process_time() - cpu) * 1000
            paint_wall, paint_cpu = painted["EntityScreen"]
            result["entity_paint_ms"] = (paint_wall - started) * 1000
            result["entity_paint_cpu_ms"] = (paint_cpu - cpu) * 1000
            Screen._compositor_refresh = refresh  # type: ignore[method-assign]
            lines = app.screen.query("#entity-lines")
            result["entity_lines"] = float(len(lines.first().options)) if lines else 0.0
            # opened again (its files cached, its code imported): CPU time, steadier than wall
            # time on a loaded machine (Pilot's idle wait is part of the wall time)
            reopen = []
            for _ in range(5):
                await pilot.press("escape")
                await pilot.pause()
                cpu = time.process_time()
                app.open_entity(top.id)
                await pilot.pause()
                reopen.append((time.process_time() - cpu) * 1000)
            result["entity_reopen_cpu_ms"] = statistics.median(reopen)
            for key in ["j"] * 10 + ["pagedown"] * 5 + ["k"] * 5 + ["pageup"] * 3 + ["end", "home"]:
                await timed("entity", key)
        result["rss_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    every = [t for bucket in keys.values() for t in bucket]
    result["keystroke_ms_median"] = statistics.median(every)
    result["keystroke_ms_p95"] = percentile(every, 0.95)
    result["keystroke_ms_max"] = max(every)
    result["keystroke_wall_ms_median"] = statistics.median(walls)
    result["keystroke_wall_ms_p95"] = percentile(walls, 0.95)
    for bucket, times in keys.items():
        result[f"keys_{bucket}_ms_median"] = statistics.median(times)
        result[f"keys_{bucket}_ms_max"] = max(times)
    return result


def cli_times(store_path: Path) -> dict[str, float]:
    from tui.store import Store

    store = Store.open(store_path)
    brief_id = store.briefs()[len(store.briefs()) // 2].id
    top = most_mentioned(store)
    person = most_mentioned(store, "person")
    faction = most_mentioned(store, "faction")
    name = store.name_of(person)
    verbs = {
        "list": ["list", "--json"],
        "list_text": ["list"],
        "show": ["show", brief_id],
        "show_json": ["show", brief_id, "--format", "json"],
        "show_person": ["show", person],
        "show_person_by_name": ["show", name],
        "show_faction": ["show", faction],
        "show_entity": ["show", top, "--format", "json"],
        "export_html": ["export", brief_id, "--format", "html"],
        "export_markdown": ["export", brief_id, "--format", "markdown"],
        "export_json": ["export", brief_id, "--format", "json"],
        "export_entity": ["export", top, "--format", "markdown"],
        "export_entity_html": ["export", top, "--format", "html"],
        "search": ["search", "talks kabul"],
        "search_person": ["search", f"kind:person {name.split()[-1]}"],
    }
    # `brief open TARGET` up to the reader's start: open the store, resolve the target
    resolve = (
        "from pathlib import Path; from tui.store import Store; "
        "from tui.cli import resolve_target; "
        f"resolve_target(Store.open(Path({str(store_path)!r})), {{!r}})"
    )
    commands = {
        name: [sys.executable, "-m", "tui", "--store", str(store_path), *args]
        for name, args in verbs.items()
    }
    commands["open_resolve_id"] = [sys.executable, "-c", resolve.format(person)]
    commands["open_resolve_name"] = [sys.executable, "-c", resolve.format(name)]
    times: dict[str, float] = {}
    cpu_times: dict[str, float] = {}  # CPU time (user + system): steadier on a loaded machine
    for name, command in commands.items():
        best = float("inf")
        least = float("inf")
        for _ in range(3):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, cwd=ROOT)
            best = min(best, time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            least = min(least, cpu)
            if done.returncode != 0:
                raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[:300]}")
        times[name] = best * 1000
        cpu_times[name] = least * 1000
    # the same cost for Python itself: `python -c pass`
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    python_ms = (time.perf_counter() - started) * 1000
    return {
        **{f"cli_{k}_ms": v for k, v in times.items()},
        **{f"cli_cpu_{k}_ms": v for k, v in cpu_times.items()},
        "cli_cpu_ms_max": max(cpu_times.values()),
        "cli_ms_max": max(times.values()),
        "python_start_ms": python_ms,
    }


def first_paint(
    store_path: Path, runs: int, size: str, compare: Path | None = None
) -> dict[str, float]:
    """Time to the first screen, against the bare app; with ``compare`` (e.g. the seed store),
    that store's too, interleaved in the same runs (``compare_paint_ms``, ``paint_vs_compare``)."""
    from startup import PANES, time_to_screen

    from tui.store import Store

    def command(path: Path, data: Path) -> str:
        return f"BRIEF_DATA_DIR={data} {sys.executable} -m tui --store {path}"

    store_path = store_path.resolve()  # the programs start in an empty directory
    compare = compare.resolve() if compare is not None else None
    title = Store.open(store_path).briefs()[0].title[:24]
    times: dict[str, list[float]] = {"base": [], "brief": [], "compare": []}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            data = Path(tmp) / f"data-{run}"
            order = [
                ("base", f"{sys.executable} {HERE / 'hello_app.py'}", ("Hello, world",)),
                ("brief", command(store_path, data), (title, *PANES)),
            ]
            if compare is not None:
                other = Store.open(compare).briefs()[0].title[:24]
                order.append(("compare", command(compare, Path(tmp) / f"c-{run}"), (other, *PANES)))
            if run % 2:
                order.reverse()
            for name, line, expected in order:
                times[name].append(time_to_screen(line, expected, size, tmp))
    found = {
        "first_paint_ms": statistics.median(times["brief"]) * 1000,
        "bare_app_ms": statistics.median(times["base"]) * 1000,
        "first_paint_ratio": statistics.median(times["brief"]) / statistics.median(times["base"]),
    }
    if compare is not None:
        found["compare_store"] = str(compare)  # type: ignore[assignment]
        found["compare_paint_ms"] = statistics.median(times["compare"]) * 1000
        found["compare_paint_ratio"] = statistics.median(times["compare"]) / statistics.median(
            times["base"]
        )
        found["paint_vs_compare"] = statistics.median(times["brief"]) / statistics.median(
            times["compare"]
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="120x40")
    parser.add_argument(
        "--parts", default="all", help="'cli' to time only the command line's verbs"
    )
    parser.add_argument(
        "--compare", type=Path, help="another store (the seed's) whose first paint is timed too"
    )
    parser.add_argument(
        "--compiled",
        action="store_true",
        help="compile tui/ to bytecode first, as an installed brief is (with "
        "PYTHONDONTWRITEBYTECODE set, every process otherwise compiles tui/ again: ~0.1 s)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(child(args.store))))
        return
    store = args.store.resolve()
    figures: dict[str, float | int | str] = {"store": str(store)}
    if args.compiled:
        import compileall

        compileall.compile_dir(ROOT / "tui", quiet=1)
        figures["compiled"] = 1
    from tui.store import Store

    opened = Store.open(store)
    figures["briefs"] = len(opened.briefs())
    people, factions = raw_entities(opened)
    figures["people"] = len(people)
    figures["factions"] = len(factions)
    build = store.parent / "build.json"
    if build.is_file():
        figures |= json.loads(build.read_text())
    parts = set(args.parts.split(","))
    if "cli" in parts and len(parts) == 1:
        figures |= cli_times(store)
        print(
            json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in figures.items()})
        )
        return
    if args.runs and shutil.which("tmux"):
        figures |= first_paint(store, args.runs, args.size, args.compare)
    else:
        figures["first_paint_ratio"] = "skipped (no tmux or --runs 0)"
    done = subprocess.run(
        [sys.executable, __file__, str(store), "--child"],
        capture_output=True,
        text=True,
        env={**os.environ, "BRIEF_DATA_DIR": tempfile.mkdtemp()},
    )
    if done.returncode != 0:
        raise SystemExit(f"the headless reader failed:\n{done.stderr[-2000:]}")
    figures |= json.loads(done.stdout.strip().splitlines()[-1])
    figures |= search_times(store)
    figures |= cli_times(store)
    for key, value in figures.items():
        if isinstance(value, float):
            figures[key] = round(value, 2)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
