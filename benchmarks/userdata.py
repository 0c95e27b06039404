"""User data at scale: open, per-keystroke queries and one saved note, for a heavy user.

    .venv/bin/python benchmarks/userdata.py [--notes 5000] [--reads 10000]

Times are reported with a baseline measured in the same run: ``orjson.loads`` of the same bytes
(the least any reader of the file must pay) and one bare ``write + fsync + replace + fsync dir``
of the same size (the least any durable save must pay).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from tui.userdata import USERDATA_FILE, Anchor, UserData, UserDataStorage, write_durably


def best(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--reads", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    directory = Path(tempfile.mkdtemp(prefix="brief-userdata-bench-"))
    records = {}
    for i in range(args.notes):
        rid = f"note:{i:016x}"
        records[rid] = {
            "id": rid, "kind": "note", "anchor": f"brief:b{i % 500}#takeaway:{i % 7}",
            "quote": "q" * 100, "text": "t" * 200, "created": "2026-01-01T00:00:00.000000Z",
            "edited": "2026-01-01T00:00:00.000000Z", "updated": "2026-01-01T00:00:00.000000Z",
        }  # fmt: skip
    for i in range(args.reads):
        rid = f"read:b{i}"
        records[rid] = {
            "id": rid, "kind": "read", "brief": f"b{i}", "hash": "h" * 16,
            "items": {f"takeaway:{j}": "x" * 16 for j in range(6)},
            "read_at": "2026-01-01T00:00:00.000000Z", "updated": "2026-01-01T00:00:00.000000Z",
        }  # fmt: skip
    UserDataStorage(directory / USERDATA_FILE).write_records(records)
    raw = (directory / USERDATA_FILE).read_bytes()
    lines = b"[" + b",".join(raw.split(b"\n")[:-1]) + b"]"
    print(f"{len(records):,} records, {len(raw) / 1e6:.1f} MB in {directory}")

    base_parse = best(lambda: orjson.loads(lines), args.repeat)
    base_write = best(lambda: write_durably(directory / "baseline.json", raw), 3)
    ud = UserData(directory)
    ids = [f"b{i}" for i in range(args.reads)]
    rows = [
        ("open", best(lambda: UserData(directory), args.repeat), base_parse, "orjson.loads"),
        ("add_note", best(lambda: ud.add_note(Anchor.of_brief("b1"), "x"), 3), base_write,
         "durable write"),
    ]  # fmt: skip
    print(f"{'':28} {'ms':>9} {'baseline ms':>12} {'ratio':>6}")
    for name, took, base, label in rows:
        print(f"{name:28} {took * 1000:9.2f} {base * 1000:12.2f} {took / base:6.2f}  ({label})")
    ud.notes(brief="b3")  # build the index once
    for name, action in (
        ("notes(brief)", lambda: ud.notes(brief="b3")),
        ("noted_items(brief)", lambda: ud.noted_items("b3")),
        ("is_unread x 10,000", lambda: [ud.is_unread(b) for b in ids]),
        ("next_unread over 10,000", lambda: ud.next_unread(ids, after="b5")),
    ):
        print(f"{name:28} {best(action, args.repeat) * 1000:9.2f}")
    small = Path(tempfile.mkdtemp(prefix="brief-userdata-bench-"))
    fresh = UserData(small)
    took = best(lambda: fresh.add_note(Anchor.of_brief("b1"), "x"), 10)
    base = best(lambda: write_durably(small / "baseline.json", b"x" * 300), 10)
    print(
        f"{'add_note, small file':28} {took * 1000:9.2f} {base * 1000:12.2f} {took / base:6.2f}  (durable write)"
    )
    print(f"(load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
