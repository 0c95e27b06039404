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


def keys_read(chunks: list[tuple[float, str]], end: float) -> list[str]:
    """What Textual's input parser makes of ``chunks`` (arrival time, bytes), with the input
    thread's tick after each read and every 100 ms, as in the Linux driver."""
    from textual import _parser
    from textual._xterm_parser import XTermParser

    from tui import textual_fixes

    textual_fixes.apply(only_if_loaded=True)
    now = [0.0]
    keys: list[str] = []
    saved = _parser.get_time
    _parser.get_time = lambda: now[0]
    try:
        parser = XTermParser()
        ticks = [n / 10 for n in range(int(end * 10) + 1)]
        events = sorted([(t, 0, data) for t, data in chunks] + [(t, 1, "") for t in ticks])
        for at, kind, data in events:
            now[0] = at
            made = list(parser.feed(data)) if kind == 0 else []
            made += list(parser.tick())
            keys += [e.key for e in made if hasattr(e, "key")]
    finally:
        _parser.get_time = saved
    return keys


def test_escape_then_ctrl_p_typed_80_ms_apart_are_two_keys():
    # `? escape ctrl+p escape` 80 ms apart in tmux left Help open: the parser read the first
    # Escape and ctrl+p as one key ("circumflex_accent" then ctrl+p), so only the palette closed.
    chunks = [(0.0, "?"), (0.08, "\x1b"), (0.16, "\x10"), (0.24, "\x1b")]
    assert keys_read(chunks, end=0.6) == ["question_mark", "escape", "ctrl+p", "escape"]


def test_escape_sequences_still_parse_as_one_key():
    assert keys_read([(0.0, "\x1b[A"), (0.2, "\x1b"), (0.21, "[B")], end=0.6) == ["up", "down"]


async def _first_screen(monkeypatch: pytest.MonkeyPatch, size=(100, 30)) -> tuple[str, int]:
    """The reader's first screen as text, and how many stylesheet sources were tokenized."""
    import textual.css.stylesheet as stylesheet_module

    from tui.config import Config
    from tui.store import Store
    from tui.userdata import UserData

    calls = [0]
    parse = stylesheet_module.parse

    def counting_parse(*args, **kwargs):
        calls[0] += 1
        return parse(*args, **kwargs)

    monkeypatch.setattr(stylesheet_module, "parse", counting_parse)
    from tui.cli import EMBEDDED_STORE

    app = BriefApp(Store.open(EMBEDDED_STORE), UserData(None), config=Config())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        text = "\n".join(
            "".join(segment.text for segment in line)
            for line in app.screen._compositor.render_strips()
        )
    monkeypatch.setattr(stylesheet_module, "parse", parse)
    return text, calls[0]


async def test_the_parsed_stylesheet_is_kept_for_the_next_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    first, parsed_first = await _first_screen(monkeypatch)
    files = list((tmp_path / "cache").glob("css-*.pickle"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o077 == 0
    second, parsed_second = await _first_screen(monkeypatch)
    assert parsed_first > 5 and parsed_second == 0  # nothing tokenized the second time
    assert second == first


async def test_a_damaged_or_foreign_stylesheet_cache_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    reference, _ = await _first_screen(monkeypatch)
    (cached,) = (tmp_path / "cache").glob("css-*.pickle")
    cached.write_bytes(b"\x80\x05not a pickle")
    text, parsed = await _first_screen(monkeypatch)
    assert text == reference and parsed > 5
    _, parsed = await _first_screen(monkeypatch)
    assert parsed == 0  # written anew after the damaged one was found
    (cached,) = (tmp_path / "cache").glob("css-*.pickle")
    cached.chmod(0o666)  # writable by others: never read
    text, parsed = await _first_screen(monkeypatch)
    assert text == reference and parsed > 5


async def test_the_pane_chosen_in_the_wide_layout_is_the_one_shown_when_it_narrows():
    from tui.cli import EMBEDDED_STORE
    from tui.config import Config
    from tui.store import Store
    from tui.userdata import UserData

    app = BriefApp(Store.open(EMBEDDED_STORE), UserData(None), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("3")  # "-active" moves without a restyle while wide
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        shown = [p.id for p in app.screen.query(".pane") if p.display and p.region.height]
        assert shown == ["actors"]
        await pilot.press("5")
        await pilot.pause()
        shown = [p.id for p in app.screen.query(".pane") if p.display and p.region.height]
        assert shown == ["source"]
