"""Burst monkey, long run: 50,000 random keys (default) sent in bursts without waiting for the app,
across every screen and modal, with resizes — the same monkey as tests/test_monkey.py.

    python benchmarks/monkey.py [--keys 50000] [--seed 7]

Prints keys sent, resizes, screens visited, wall time and keys per second; exits 1 with the
traceback and the last keys sent if the app raised.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.monkey import burst_monkey  # noqa: E402
from tui.app import BriefApp  # noqa: E402
from tui.cli import EMBEDDED_STORE  # noqa: E402
from tui.config import Config  # noqa: E402
from tui.store import Store  # noqa: E402
from tui.userdata import UserData  # noqa: E402


async def one_run(seed: int, keys: int) -> tuple[bool, int]:
    with tempfile.TemporaryDirectory() as data:
        app = BriefApp(Store.open(EMBEDDED_STORE), UserData(Path(data)), None, Config())
        started = time.perf_counter()
        run = None
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                run = await burst_monkey(app, pilot, seed=seed, keys=keys)
                quit_early = not app.is_running
        except Exception:
            traceback.print_exc()
            trail = getattr(app, "_monkey_trail", [])
            print(f"seed {seed}: FAILED after keys: {' '.join(trail[-80:])}")
            return False, len(trail)
        wall = time.perf_counter() - started
        assert run is not None
        note = " (ended by the palette's Quit command)" if quit_early else ""
        print(
            f"seed {seed}: {run.keys} keys, {run.resizes} resizes, screens "
            f"{sorted(run.screens)}, {wall:.1f} s, {run.keys / wall:.0f} keys/s, no error{note}"
        )
        return True, run.keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    failures = 0
    sent = 0
    seed = args.seed
    started = time.perf_counter()
    while sent < args.keys:  # a run the palette's Quit ended goes on in a new app
        ok, count = asyncio.run(one_run(seed, args.keys - sent))
        failures += not ok
        sent += max(count, 1)
        seed += 1
    wall = time.perf_counter() - started
    print(f"total: {sent} keys in {wall:.0f} s, {failures} failure(s)")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
