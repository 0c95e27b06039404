"""The `brief` entry point: the reader's start-up path, with nothing imported that it does not need.

``brief`` with no verb (only ``--store`` / ``--data-dir``, or their environment variables) opens
the reader. That path does not go through click: the command line module imports click, the
exporters and every verb's helpers, which the reader's first paint never uses (~15 ms on the
start-up path). Anything else — a verb, ``--help``, ``--version``, a malformed option — is handed
to :func:`tui.cli.run`, which also reports every error of the reader path (a missing or damaged
store, a store without briefs): the fast path only ever *starts* the reader, it never words an
error of its own.

The garbage collector is off from here to the reader's first paint: start-up allocates ~300,000
objects (Textual's modules, the catalog, the widgets) and none of them is garbage, so each
collection during start-up is wasted time (~10 ms in all). At the first paint everything allocated
so far is frozen (kept out of every later collection) and collection resumes.

Textual writes to the terminal from a thread of its own, which needs the GIL for every write
while the app's thread is busy building the screen and, after the first paint, drawing the next
frames: with Python's 5 ms switch interval, each write waited up to 5 ms for its turn, and the
first frame reached the terminal 15–35 ms after it was drawn. From start to a second after the
first paint, the interval is 0.5 ms.

The methods that ``@dataclass`` compiles at each import come from a table kept in the user's cache
directory (tui/codecache.py) from here to the first paint.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any

READER_OPTIONS = ("--store", "--data-dir")
START_SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005
RESTORE_SWITCH_AFTER = 1.0  # seconds after the first paint


def reader_arguments(argv: list[str]) -> dict[str, str] | None:
    """``{"--store": …, "--data-dir": …}`` when ``argv`` only opens the reader, else None."""
    found: dict[str, str] = {}
    index = 0
    while index < len(argv):
        arg = argv[index]
        name, equals, value = arg.partition("=")
        if name not in READER_OPTIONS or name in found:
            return None
        if not equals:
            index += 1
            if index >= len(argv):
                return None
            value = argv[index]
        if not value or value.startswith("-"):
            return None  # click decides what an empty or dash-led value means
        found[name] = value
        index += 1
    return found


def collect_after_first_paint() -> None:
    """Freeze what start-up allocated (it lives as long as the app) and let the collector run."""
    gc.freeze()
    gc.enable()


PRELOAD_AFTER = 1.5  # seconds after the first paint


def preload_in_background(store: Any) -> None:
    """Read the catalog and open the search index in a worker thread, so that the first `L`,
    palette or search does not wait for them (at 10,000 briefs the Library's first paint waited
    ≈ 0.15 s for the catalog, and its first letter ≈ 0.1 s for the search engine). The thread
    gives the interpreter back every few milliseconds, except inside the JSON parse itself
    (≈ 0.05–0.09 s at 10,000 briefs); a store that cannot be read says so when it is used."""
    import threading

    preload = getattr(store, "preload", None)
    if preload is None:
        return

    def work() -> None:
        try:
            preload(search=True)
        except Exception:  # the reader reports it where the store is used
            return

    threading.Thread(target=work, name="brief-preload", daemon=True).start()


def start_reader(store: Any, data_dir: Path | None, start: Any, *, fast: bool = False) -> Any:
    """Run the reader on ``store``; returns the app once it has exited."""
    from .app import BriefApp  # Textual is only imported when the UI runs
    from .userdata import UserData

    app = BriefApp(store, UserData(data_dir), start)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, START_SWITCH_INTERVAL))  # (see the module's docstring)

    def restore_switch() -> None:
        sys.setswitchinterval(switch)

    app.after_first_paint.append(lambda: app.set_timer(RESTORE_SWITCH_AFTER, restore_switch))
    app.after_first_paint.append(
        lambda: app.set_timer(PRELOAD_AFTER, lambda: preload_in_background(store))
    )
    if fast:
        from . import codecache

        app.after_first_paint.append(codecache.finish)
        app.after_first_paint.append(collect_after_first_paint)
    else:
        gc.freeze()  # the catalog lives as long as the app: keep it out of every collection
    try:
        app.run()
    finally:
        restore_switch()
    return app


def run() -> None:
    """Console-script entry point (``brief``)."""
    options = reader_arguments(sys.argv[1:])
    if options is None or not _fast_reader(options):
        from .cli import run as run_cli

        run_cli()


def _fast_reader(options: dict[str, str]) -> bool:
    """Open the reader without click. False (nothing started, nothing printed) when the command
    line should handle it: a store that does not open, one without briefs, a data dir that is a
    file — the command line words those errors."""
    store_path = options.get("--store") or os.environ.get("BRIEF_STORE") or None
    data = options.get("--data-dir") or os.environ.get("BRIEF_DATA_DIR") or None
    data_dir = Path(data) if data is not None else None
    if data_dir is not None and data_dir.exists() and not data_dir.is_dir():
        return False
    gc.disable()
    from . import codecache

    codecache.install()  # the dataclasses imported from here on are not compiled again
    try:
        from .store import Store, StoreError

        try:
            if store_path is not None:
                store = Store.open(Path(store_path))
            else:
                from .library import EMBEDDED_STORE, open_union, user_library

                store = open_union(EMBEDDED_STORE, user_library(data_dir))
            if not store.briefs():
                raise StoreError("no briefs")
        except StoreError:
            codecache.finish(save=False)
            gc.enable()
            return False
        app = start_reader(store, data_dir, None, fast=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        _crashed(error)
    finally:
        if not gc.isenabled():
            gc.enable()
    if app.crash is not None:
        _crashed(app.crash)
    sys.exit(0)


def _crashed(error: BaseException) -> None:
    """One line naming the crash report, exit status 70 (as :func:`tui.cli.run`)."""
    from .cli import CRASH_EXIT, report_crash
    from .outputs import TerminalSafeStream

    stream = TerminalSafeStream(sys.stderr)
    stream.write(report_crash(error) + "\n")
    stream.flush()
    sys.exit(CRASH_EXIT)
