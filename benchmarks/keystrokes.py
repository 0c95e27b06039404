"""Keystroke latency in the reader: in-process (Pilot) and end to end in a real terminal (tmux).

In-process: each key is pressed with Pilot and timed until the app is idle again (the key handled,
the screen repainted). End to end: each key is sent with `tmux send-keys` and timed until the pane
first changes, and until it is complete (its last change before the screen stays still for 80 ms:
a key drawn in two frames is timed to the second). Keys (SCENARIOS): j/k in each pane, paging in Source, the pane switches 1–5; both
are also reported per scenario (in-process: the CPU time). Goal: ≤ 16 ms median, ≤ 50 ms worst.
``BRIEF_CODE=/path/to/other/checkout`` measures that checkout's code (a before/after comparison).

    python benchmarks/keystrokes.py [--size 120x40] [--rounds 2] [--store PATH] [--skip-tmux]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(os.environ.get("BRIEF_CODE") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))  # BRIEF_CODE=/path/to/other/checkout measures that code instead

# (name, pane key, keys to time) — each sequence is timed key by key after its pane key
SCENARIOS = [
    ("Summary j/k", "1", ["j", "j", "k", "k"] * 3),
    ("Key takeaways j/k", "2", ["j"] * 4 + ["k"] * 4),
    ("Actors down/up", "3", ["down"] * 11 + ["up"] * 11),  # restyles the actor's mentions
    ("History j/k", "4", ["j"] * 4 + ["k"] * 4),
    ("Source j/k", "5", ["j"] * 6 + ["k"] * 6),
    ("Source pages", "5", ["pagedown"] * 6 + ["pageup"] * 6),
    ("pane switches 1-5", "1", ["2", "3", "4", "5", "1"] * 2),
]


BY_SCENARIO: dict[str, list[float]] = {}  # CPU time per key, by scenario (in-process)
TMUX_BY_SCENARIO: dict[str, list[float]] = {}  # key to screen complete, by scenario (tmux)
SETTLED = 0.08  # seconds without a change after which a key's screen is taken as complete


def report(name: str, times: list[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(
        f"{name}: {len(ms)} keys  median {statistics.median(ms):.1f} ms  "
        f"p95 {p95:.1f} ms  max {ms[-1]:.1f} ms"
    )


async def in_process(
    size: tuple[int, int], rounds: int, store_path: Path | None
) -> tuple[list[float], list[float]]:
    """Wall time and CPU time of each key, from press until the app is idle again."""
    from tui.app import BriefApp
    from tui.config import Config
    from tui.store import Store
    from tui.userdata import UserData

    if store_path is None:
        store_path = ROOT / "tui" / "data" / "store"
    times: list[float] = []
    cpu: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        app = BriefApp(Store.open(store_path), UserData(Path(tmp)), config=Config())
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            # as tui.launch does after the first paint: what start-up allocated is frozen, out of
            # every collection (unfrozen, a full collection here took up to 100 ms of one key)
            gc.freeze()
            for _ in range(rounds):
                for name, pane, keys in SCENARIOS:
                    await pilot.press(pane)
                    await pilot.pause()
                    for key in keys:
                        started, cpu_started = time.perf_counter(), time.process_time()
                        await pilot.press(key)
                        times.append(time.perf_counter() - started)
                        cpu.append(time.process_time() - cpu_started)
                        BY_SCENARIO.setdefault(name, []).append(cpu[-1])
    return times, cpu


def tmux_times(
    size: str, rounds: int, store_path: Path | None, command: str | None = None
) -> tuple[list[float], list[float]]:
    """Per key: when the screen first changed, and when it was complete (the last change before
    it stayed still for SETTLED seconds — a key drawn in two frames counts its second)."""
    width, height = size.split("x")
    socket = f"keys-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", socket]
    first: list[float] = []
    complete: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = f" --store {store_path}" if store_path else ""
        ready = "5 Source" if command is None else ""
        command = command or f"cd {ROOT} && BRIEF_DATA_DIR={tmp} {sys.executable} -m tui{store}"
        subprocess.run([*tmux, "new-session", "-d", "-x", width, "-y", height, command], check=True)

        def screen() -> str:
            return subprocess.run(
                [*tmux, "capture-pane", "-p", "-e"], capture_output=True, text=True
            ).stdout

        def wait_change(before: str, started: float, timeout: float = 2.0) -> tuple[float, float]:
            """(first change, last change) in seconds from ``started``, NaN if none."""
            changed = last = float("nan")
            while time.perf_counter() - started < timeout:
                now = screen()
                seen = time.perf_counter()
                if now != before:
                    if changed != changed:
                        changed = seen - started
                    last, before = seen - started, now
                elif last == last and seen - started - last > SETTLED:
                    break
                time.sleep(0.0005)
            return changed, last

        try:
            deadline = time.perf_counter() + 30
            while ready not in screen() and time.perf_counter() < deadline:
                time.sleep(0.05)
            time.sleep(0.5)
            for _ in range(rounds):
                for name, pane, keys in SCENARIOS:
                    subprocess.run([*tmux, "send-keys", pane])
                    time.sleep(0.2)
                    for key in keys:
                        before = screen()
                        names = {"pagedown": "NPage", "pageup": "PPage", "down": "Down", "up": "Up"}
                        started = time.perf_counter()
                        subprocess.run([*tmux, "send-keys", names.get(key, key)])
                        changed, last = wait_change(before, started)
                        if changed == changed:  # not NaN: the key changed the screen
                            first.append(changed)
                            complete.append(last)
                            TMUX_BY_SCENARIO.setdefault(name, []).append(last)
                        time.sleep(0.03)
        finally:
            subprocess.run([*tmux, "kill-server"], capture_output=True)
    return first, complete


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--skip-tmux", action="store_true")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    print(f"terminal {args.size}, {args.rounds} rounds")
    wall, cpu = asyncio.run(in_process((width, height), args.rounds, args.store))
    report("in-process (Pilot, key → idle), wall", wall)
    report("in-process (Pilot, key → idle), CPU of the process", cpu)
    for name, times in BY_SCENARIO.items():
        report(f"    CPU, {name}", times)
    if not args.skip_tmux and shutil.which("tmux"):
        first, complete = tmux_times(args.size, args.rounds, args.store)
        report("end to end (tmux send-keys → screen first changed)", first)
        report("end to end (tmux send-keys → screen complete)", complete)
        for name, times in TMUX_BY_SCENARIO.items():
            report(f"    complete, {name}", times)
        # The harness's own floor: the same keys echoed by the terminal to `cat` (send-keys, the
        # tty and capture-pane, no program drawing anything)
        TMUX_BY_SCENARIO.clear()
        _, floor = tmux_times(args.size, 1, None, command="cat")
        report("harness floor (the same keys echoed to `cat`), complete", floor)


if __name__ == "__main__":
    main()
