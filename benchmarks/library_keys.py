"""Keystrokes in the Library filter on a synthetic library (DESIGN.md: ≤ 16 ms median, ≤ 50 ms p95).

    python benchmarks/library_keys.py [--briefs 10000] [--store STORE]

Builds the synthetic library of benchmarks/search_speed.py, a store holding it and its search
index (or opens STORE, e.g. a 10,000-brief store of make_library.py), opens the Library in a
headless app (Pilot) and types queries a key at a time, timing each key until the screen is idle
again (search + list update + refresh); then moves in the list (`nav`): End, Home, page down and
up in the list of every brief and in those of filters matching nearly every brief ("a") and
some ("talks"), from the list and from the filter box. The same typed keys in a bare Textual
Input in the same run are the baseline. Prints one JSON object last: wall ms per key
(`*_key_ms`: mostly Pilot's wait for idle, in 20 ms sleeps) and the process's CPU ms per key
(`*_key_cpu_ms`, `nav_key_cpu_ms`: the figures to compare with the 16 / 50 / 100 ms budget).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_speed import make_library  # noqa: E402
from textual.app import App  # noqa: E402
from textual.widgets import Input  # noqa: E402

from tui.app import BriefApp  # noqa: E402
from tui.config import Config  # noqa: E402
from tui.search import SearchIndex, documents  # noqa: E402
from tui.store import Store  # noqa: E402
from tui.userdata import UserData  # noqa: E402

TYPED = ["dostum", "kind:person ras", "tag:iran security", "nurza -kind:sentence", "year:2001 mir"]


def store_of(library, folder: Path | None = None) -> Store:
    """The library written as a real store (in ``folder``, or a temporary one) and opened."""
    import tempfile

    from tui.store import write_store

    target = (folder or Path(tempfile.mkdtemp(prefix="brief-bench-"))) / "store"
    write_store(library, target)
    return Store.open(target)


class Bare(App):
    def compose(self):
        yield Input()


NAV = [
    # the list of every brief, from the list
    "tab", "end", "home", "pagedown", "pagedown", "pageup", "end", "home",
    # a filter matching nearly every brief: from the filter box, then from the list
    "shift+tab", "a", "down", "pagedown", "pageup", "tab", "end", "home", "end",
    # a filter matching some
    "shift+tab", "backspace", "t", "a", "l", "k", "s", "pagedown", "tab", "end", "home",
]  # fmt: skip


async def type_keys(
    app: App,
    before,
    size=(120, 40),
    cpu: list[float] | None = None,
    nav: list[tuple[str, float]] | None = None,
) -> list[float]:
    """Wall ms per key (Pilot's press waits for idle, in 20 ms sleeps: mostly that wait); the
    process's CPU ms per key appended to ``cpu``."""
    times = []
    cpu = [] if cpu is None else cpu

    async def press(pilot, key: str) -> None:
        started, cpu_started = time.perf_counter(), time.process_time()
        await pilot.press(key)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)

    async with app.run_test(size=size) as pilot:
        await before(pilot)
        for text in TYPED:
            for char in text:
                await press(pilot, {" ": "space", ":": "colon", "-": "minus"}.get(char, char))
            for _ in text:
                await press(pilot, "backspace")
        if nav is not None:
            for key in NAV:
                cpu_started = time.process_time()
                await pilot.press(key)
                nav.append((key, (time.process_time() - cpu_started) * 1000))
    return times


def summary(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {
        "median": round(statistics.median(times), 2),
        "p95": round(times[int(len(times) * 0.95) - 1], 2),
        "max": round(times[-1], 2),
    }


async def run(briefs: int, store_path: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        if store_path is not None:
            store = Store.open(store_path)
            briefs = len(store.briefs())
        else:
            library = make_library(briefs)
            store = store_of(library)
            SearchIndex.build(documents(library)).dump(Path(tmp) / "search")
            store.__dict__["search_index"] = SearchIndex.load(Path(tmp) / "search")
        app = BriefApp(store, UserData(Path(tmp) / "data"), None, Config())

        async def open_library(pilot) -> None:
            await pilot.press("L")
            await pilot.pause()

        async def nothing(pilot) -> None:
            await pilot.pause()

        bare_cpu: list[float] = []
        library_cpu: list[float] = []
        nav: list[tuple[str, float]] = []
        bare = await type_keys(Bare(), nothing, cpu=bare_cpu)
        library_keys = await type_keys(app, open_library, cpu=library_cpu, nav=nav)
    return {
        "briefs": briefs,
        "keys": len(library_keys),
        "library_key_ms": summary(library_keys),
        "bare_input_key_ms": summary(bare),
        "ratio_median": round(statistics.median(library_keys) / statistics.median(bare), 2),
        "library_key_cpu_ms": summary(library_cpu),
        "bare_input_key_cpu_ms": summary(bare_cpu),
        "nav_key_cpu_ms": summary([ms for _key, ms in nav]),
        "nav_keys": " ".join(f"{key}:{ms:.1f}" for key, ms in nav),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--briefs", type=int, default=10000)
    parser.add_argument("--store", type=Path, help="a built store instead of the synthetic one")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.briefs, args.store))))


if __name__ == "__main__":
    main()
