"""A crash in the reader: non-zero exit, terminal restored, one line naming the report file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.app import App

from tui import cli
from tui.app import BriefApp


def run_headless_pressing(*keys: str):
    async def auto_pilot(pilot) -> None:
        await pilot.press(*keys)

    def run(self: App, **_: object) -> None:
        App.run(self, headless=True, size=(100, 30), auto_pilot=auto_pilot)

    return run


def test_a_crash_exits_non_zero_with_one_line_naming_the_report(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
):
    def broken_help(self: BriefApp) -> None:
        raise RuntimeError("injected failure in action_help")

    monkeypatch.setattr(BriefApp, "action_help", broken_help)
    monkeypatch.setattr(BriefApp, "run", run_headless_pressing("question_mark"))
    monkeypatch.setenv("BRIEF_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "argv", ["brief"])

    with pytest.raises(SystemExit) as exit_:
        cli.run()

    assert exit_.value.code == cli.CRASH_EXIT
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err + captured.out
    reports = list((tmp_path / "state").glob("crash-*.txt"))
    assert len(reports) == 1
    assert str(reports[0]) in lines[0]
    assert "RuntimeError: injected failure" in lines[0]
    report = reports[0].read_text(encoding="utf-8")
    assert "Traceback" in report and "broken_help" in report


def test_a_crash_outside_the_app_is_reported_the_same_way(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
):
    def broken_main(argv=None) -> int:
        raise KeyError(0)

    monkeypatch.setattr(cli, "main", broken_main)
    monkeypatch.setenv("BRIEF_STATE_DIR", str(tmp_path / "state"))
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == cli.CRASH_EXIT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "KeyError: 0" in err and "crash-" in err


def test_a_report_is_written_somewhere_even_when_the_state_dir_is_unwritable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("BRIEF_STATE_DIR", str(blocker / "state"))
    line = cli.report_crash(ValueError("boom"))
    assert "ValueError: boom" in line and "crash-" in line
    Path(line.split("report is in ")[1].split(";")[0]).unlink()
