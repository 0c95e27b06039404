"""The entity page's opening and the Library's first paint, in CPU time, in one process.

    python benchmarks/entity_open.py STORE [--root CHECKOUT] [--opens 10]

Opens the reader headless on STORE, then the page of the entity in most briefs --opens times
(back to the reader between, with backspace), and prints the CPU time of the first opening, the
median and minimum of the others (files cached, code imported), up to its first paint
(`*_paint_*`: what the user waits for; the whole page since scale4, its sections below the
screen were added after it before) and up to idle (`*_open_*`: the reader it replaced removed
too), the wall time to the first paint (`*_paint_wall_*`), and the Library's first paint and
first key. --root imports `tui` from another checkout (e.g. main's, for a before/after in the
same minute). Wall times to idle are not printed: Pilot's wait for idle (20 ms steps) dominates
them.
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


async def measure(store_path: Path, opens: int) -> dict[str, float]:
    from textual.screen import Screen

    from tui.app import BriefApp
    from tui.config import Config
    from tui.store import Store
    from tui.userdata import UserData

    painted: dict[str, float] = {}
    painted_wall: dict[str, float] = {}
    refresh = Screen._compositor_refresh

    def first_paint(self: Screen) -> None:
        refresh(self)
        painted.setdefault(type(self).__name__, time.process_time())
        painted_wall.setdefault(type(self).__name__, time.perf_counter())

    Screen._compositor_refresh = first_paint  # type: ignore[method-assign]
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(store_path)
        app = BriefApp(store, UserData(Path(tmp)), None, Config())
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            painted.clear()
            cpu = time.process_time()
            await pilot.press("L")
            await pilot.pause()
            result["library_first_paint_cpu_ms"] = (painted["LibraryScreen"] - cpu) * 1000
            result["library_open_cpu_ms"] = (time.process_time() - cpu) * 1000
            cpu = time.process_time()
            await pilot.press("t")
            await pilot.pause()
            result["library_first_key_cpu_ms"] = (time.process_time() - cpu) * 1000
            await pilot.press("escape")
            await pilot.pause()
            from scale import most_mentioned  # beside this file (imports tui.search: not before)

            top = most_mentioned(store)
            times, paints, walls = [], [], []
            for _ in range(opens):
                painted.pop("EntityScreen", None)
                painted_wall.pop("EntityScreen", None)
                wall, cpu = time.perf_counter(), time.process_time()
                app.open_entity(top)
                await pilot.pause()
                times.append((time.process_time() - cpu) * 1000)
                paints.append((painted["EntityScreen"] - cpu) * 1000)
                walls.append((painted_wall["EntityScreen"] - wall) * 1000)
                await pilot.press("backspace")  # back to the reader
                await pilot.pause()
    result["entity_first_paint_cpu_ms"] = paints[0]
    result["entity_paint_cpu_ms_median"] = statistics.median(paints[1:])
    result["entity_first_paint_wall_ms"] = walls[0]
    result["entity_paint_wall_ms_median"] = statistics.median(walls[1:])
    result["entity_first_open_cpu_ms"] = times[0]
    result["entity_open_cpu_ms_median"] = statistics.median(times[1:])
    result["entity_open_cpu_ms_min"] = min(times[1:])
    return {k: round(v, 1) for k, v in result.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store", type=Path)
    parser.add_argument("--root", type=Path, help="import tui from this checkout")
    parser.add_argument("--opens", type=int, default=10)
    args = parser.parse_args()
    root = args.root or Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root.resolve()))
    figures = asyncio.run(measure(args.store.resolve(), max(2, args.opens)))
    print(json.dumps({"root": str(root), "store": str(args.store), **figures}))


if __name__ == "__main__":
    main()
