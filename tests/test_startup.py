"""The start-up path (issue 11): `brief` alone opens the reader without click, the garbage
collector is off until the first paint and back on after it, and every error of that path is still
worded by the command line."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import App

from tui import launch
from tui.app import BriefApp


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {}),
        (["--store", "s"], {"--store": "s"}),
        (["--store=s", "--data-dir", "d"], {"--store": "s", "--data-dir": "d"}),
        (["list"], None),
        (["--store"], None),
        (["--store", "s", "--store", "t"], None),
        (["--store", "--help"], None),
        (["--help"], None),
        (["--version"], None),
        (["--store="], None),
        (["open", "dostum"], None),
    ],
)
def test_only_the_reader_options_take_the_fast_path(argv, expected):
    assert launch.reader_arguments(argv) == expected


def test_the_reader_path_does_not_import_click_or_the_exporters(tmp_path: Path):
    code = (
        "import sys, tui.launch, tui.store, tui.library, tui.app; "
        "print(sorted(m for m in ('click', 'tui.cli', 'tui.export', 'markdown_it', 'tomllib') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_missing_store_is_worded_by_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
):
    monkeypatch.setattr(sys, "argv", ["brief", "--store", str(tmp_path / "missing")])
    with pytest.raises(SystemExit) as exit_:
        launch.run()
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "store not found" in err and "missing" in err
    assert gc.isenabled()


def test_the_reader_starts_with_the_collector_off_and_turns_it_on_after_the_first_paint(
    monkeypatch: pytest.MonkeyPatch,
):
    seen: dict[str, bool] = {}

    async def auto_pilot(pilot) -> None:
        seen["before"] = gc.isenabled()
        await pilot.pause()
        await pilot.pause()
        seen["after"] = gc.isenabled()
        await pilot.press("q")

    def run(self: App, **_: object) -> None:
        seen["at start"] = gc.isenabled()
        App.run(self, headless=True, size=(100, 30), auto_pilot=auto_pilot)

    monkeypatch.setattr(BriefApp, "run", run)
    monkeypatch.setattr(sys, "argv", ["brief"])
    frozen = gc.get_freeze_count()
    try:
        with pytest.raises(SystemExit) as exit_:
            launch.run()
        assert exit_.value.code == 0
        assert seen == {"at start": False, "before": False, "after": True}
        assert gc.isenabled() and gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.enable()
