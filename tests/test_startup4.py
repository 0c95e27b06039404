"""Start-up, round 5 (issue 11): what the reader's first paint no longer pays for."""

from __future__ import annotations

import collections
import dataclasses
import gc
import os
import subprocess
import sys
import textwrap
import types
import typing
from pathlib import Path

import pytest
from textual.app import App

from tui import codecache, launch
from tui.app import BriefApp

# -- compiled dataclass methods kept between runs (tui/codecache.py) ----------------------------

CLASSES = """
from dataclasses import dataclass, field
from collections import namedtuple

@dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int = 0
    tags: tuple = field(default_factory=tuple)

Pair = namedtuple("Pair", "left right")
"""


def _define() -> dict:
    module = types.ModuleType("startup4_sample")
    sys.modules[module.__name__] = module
    try:
        exec(textwrap.dedent(CLASSES), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module.__dict__


def _check(namespace: dict) -> None:
    Point, Pair = namespace["Point"], namespace["Pair"]
    p = Point(1)
    assert p == Point(1, 0, ()) and p != Point(2) and hash(p) == hash(Point(1))
    assert repr(p) == "Point(x=1, y=0, tags=())"
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 3  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "tags"]
    assert dataclasses.replace(p, y=5) == Point(1, 5)
    assert Pair(1, 2).right == 2 and Pair(left=3, right=4) == (3, 4)
    assert typing.get_type_hints(Point) == {"x": int, "y": int, "tags": tuple}


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    yield tmp_path / "cache"
    codecache.finish(save=False)


def test_dataclass_methods_are_compiled_once_and_read_back(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    codecache.install()
    _check(_define())
    assert codecache._missed  # nothing kept yet: compiled
    codecache.finish()
    assert "exec" not in vars(dataclasses) and "eval" not in vars(collections)
    assert "compile" not in vars(typing)
    assert codecache.cache_file().is_file()
    mode = codecache.cache_file().stat().st_mode & 0o777
    assert mode == 0o600

    compiled: list[str] = []
    real_compile = compile

    def counting(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        compiled.append(source)
        return real_compile(source, *args, **kwargs)

    codecache.install()
    monkeypatch.setattr("builtins.compile", counting)
    namespace = _define()
    _check(namespace)  # (get_type_hints compiles the annotations: from the table too)
    monkeypatch.setattr("builtins.compile", real_compile)
    assert not codecache._missed
    assert [s for s in compiled if isinstance(s, str) and "__create_fn__" in s] == []
    assert "int" not in compiled and "tuple" not in compiled
    codecache.finish()


def test_a_damaged_or_foreign_table_is_not_used(cache_dir: Path):
    codecache.install()
    _define()
    codecache.finish()
    path = codecache.cache_file()

    path.write_bytes(b"not marshal data")
    codecache.install()
    _check(_define())
    assert codecache._missed
    codecache.finish()  # written anew
    codecache.install()
    _define()
    assert not codecache._missed
    codecache.finish()

    os.chmod(path, 0o666)  # others may write it: not read
    codecache.install()
    assert codecache._table == {}
    _check(_define())
    codecache.finish(save=False)


def test_the_reader_starts_with_the_table_and_gives_the_modules_back_after_the_first_paint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    seen: dict[str, bool] = {}

    async def auto_pilot(pilot) -> None:
        seen["during"] = codecache._table is not None and "exec" in vars(dataclasses)
        await pilot.pause()
        await pilot.pause()
        seen["after"] = codecache._table is not None or "exec" in vars(dataclasses)
        await pilot.press("q")

    def run(self: App, **_: object) -> None:
        App.run(self, headless=True, size=(100, 30), auto_pilot=auto_pilot)

    monkeypatch.setattr(BriefApp, "run", run)
    monkeypatch.setattr(sys, "argv", ["brief"])
    try:
        with pytest.raises(SystemExit) as exit_:
            launch.run()
        assert exit_.value.code == 0
    finally:
        gc.unfreeze()
        gc.enable()
        codecache.finish(save=False)
    assert seen == {"during": True, "after": False}


def test_the_first_start_writes_the_table_that_the_next_one_reads(tmp_path: Path):
    """Two real starts of the reader's import path in fresh interpreters."""
    env = {**os.environ, "BRIEF_CACHE_DIR": str(tmp_path / "cache")}
    code = (
        "from tui import codecache; codecache.install(); "
        "import tui.store, tui.library, tui.app, tui.userdata; "
        "missed = codecache._missed; codecache.finish(); print(missed)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]


# -- imports the first paint does not need -------------------------------------------------------


def test_the_reader_path_does_not_import_hashlib_tinydb_or_secrets():
    code = (
        "import sys, tui.launch, tui.store, tui.library, tui.app, tui.userdata, tui.readstate, "
        "tui.css_cache; "
        "print(sorted(m for m in ('hashlib', '_hashlib', 'tinydb', 'secrets', 'hmac') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_userdata_tinydb_view_still_answers_queries(tmp_path: Path):
    from tinydb import Query
    from tinydb.storages import Storage

    from tui.userdata import Anchor, UserData

    data = UserData(tmp_path / "data")
    data.add_note(Anchor.of_brief("b1"), "find me")
    view = UserData(tmp_path / "data")
    assert view._db is None  # not made until asked for
    assert view.db.table("note").count(Query().text == "find me") == 1
    assert isinstance(view.storage, Storage)


def test_hashes_are_the_same_as_hashlibs():
    import hashlib

    from tui.readstate import _digest
    from tui.store.writer import _digest_bytes

    assert _digest_bytes(b"abc") == hashlib.blake2b(b"abc", digest_size=10).hexdigest()
    assert _digest("x", 1) == hashlib.blake2b(repr(("x", 1)).encode(), digest_size=10).hexdigest()


# -- the theme's variable tokens and the first screen's text styles kept with the stylesheet ----


async def _first_screen_tokenizing(monkeypatch: pytest.MonkeyPatch) -> tuple[str, int, int]:
    """The first screen's text, how many times the variables were tokenized and text styles
    parsed while it was drawn."""
    from textual import markup
    from textual.css import stylesheet as stylesheet_module

    from tui.cli import EMBEDDED_STORE
    from tui.config import Config
    from tui.store import Store
    from tui.userdata import UserData

    counts = [0, 0]
    tokenize = stylesheet_module.tokenize_values
    parse_style = stylesheet_module.parse_style

    def counting_tokenize(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts[0] += 1
        return tokenize(*args, **kwargs)

    def counting_parse_style(*args, **kwargs):  # type: ignore[no-untyped-def]
        counts[1] += 1
        return parse_style(*args, **kwargs)

    monkeypatch.setattr(stylesheet_module, "tokenize_values", counting_tokenize)
    monkeypatch.setattr(stylesheet_module, "parse_style", counting_parse_style)
    assert markup.parse_style is parse_style  # (the one the stylesheet calls)
    app = BriefApp(Store.open(EMBEDDED_STORE), UserData(None), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        text = "\n".join(
            "".join(segment.text for segment in line)
            for line in app.screen._compositor.render_strips()
        )
    monkeypatch.setattr(stylesheet_module, "tokenize_values", tokenize)
    monkeypatch.setattr(stylesheet_module, "parse_style", parse_style)
    return text, counts[0], counts[1]


async def test_variable_tokens_and_text_styles_are_kept_for_the_next_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    first, tokenized, parsed = await _first_screen_tokenizing(monkeypatch)
    assert tokenized >= 1 and parsed > 3
    second, tokenized, parsed = await _first_screen_tokenizing(monkeypatch)
    assert (tokenized, parsed) == (0, 0)
    assert second == first


@pytest.mark.parametrize("env", [True, False])
def test_the_table_lives_in_the_cache_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: bool
):
    from tui.config import user_dir

    if env:
        monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "elsewhere"))
    else:
        monkeypatch.delenv("BRIEF_CACHE_DIR", raising=False)
    assert codecache.cache_file().parent == user_dir("BRIEF_CACHE_DIR", "cache")


# -- a full update skips the widgets entirely behind others (textual_fixes item 11) -------------


def _seed_app() -> BriefApp:
    from tui.cli import EMBEDDED_STORE
    from tui.config import Config
    from tui.store import Store
    from tui.userdata import UserData

    return BriefApp(Store.open(EMBEDDED_STORE), UserData(None), config=Config())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_full_update_draws_what_textual_draws_without_the_covered_widgets(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
):
    from textual._compositor import Compositor
    from textual.widget import Widget

    from tui import textual_fixes

    app = _seed_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("3", "j", "j")  # an actor selected: highlights in every pane
        await pilot.pause()
        compositor = app.screen._compositor
        rendered: list[str] = []
        render_lines = Widget.render_lines

        def recording(self: Widget, crop):  # type: ignore[no-untyped-def]
            rendered.append(self.id or type(self).__name__)
            return render_lines(self, crop)

        monkeypatch.setattr(Widget, "render_lines", recording)
        ours = [list(strip) for strip in compositor.render_strips()]
        assert "panes" not in rendered and "ReaderScreen" not in rendered
        assert "actors" in rendered and "brief-header" in rendered
        monkeypatch.setattr(Compositor, "_render_chops", textual_fixes.textual_render_chops)
        theirs = [list(strip) for strip in compositor.render_strips()]
        assert ours == theirs
        # a screen over part of the reader (help) shows the same as Textual draws it too
        await pilot.press("question_mark")
        await pilot.pause()
        theirs = [list(strip) for strip in app.screen._compositor.render_strips()]
        monkeypatch.undo()
        ours = [list(strip) for strip in app.screen._compositor.render_strips()]
        assert ours == theirs


# -- the terminal writer's thread gets its turn while the screen is built -----------------------


def test_the_switch_interval_is_short_from_start_to_a_moment_after_the_first_paint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    import asyncio

    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(launch, "RESTORE_SWITCH_AFTER", 0.5)
    before = sys.getswitchinterval()
    seen: dict[str, float] = {}

    async def auto_pilot(pilot) -> None:
        seen["start"] = sys.getswitchinterval()
        await pilot.pause()
        await pilot.pause()
        seen["painted"] = sys.getswitchinterval()
        await asyncio.sleep(0.8)
        seen["later"] = sys.getswitchinterval()
        await pilot.press("q")

    def run(self: App, **_: object) -> None:
        App.run(self, headless=True, size=(100, 30), auto_pilot=auto_pilot)

    monkeypatch.setattr(BriefApp, "run", run)
    monkeypatch.setattr(sys, "argv", ["brief"])
    try:
        with pytest.raises(SystemExit):
            launch.run()
    finally:
        gc.unfreeze()
        gc.enable()
        codecache.finish(save=False)
    assert seen["start"] == seen["painted"] == launch.START_SWITCH_INTERVAL < before
    assert seen["later"] == before
    assert sys.getswitchinterval() == before


# -- no tooltip widget on screens where nothing has a tooltip -------------------------------------


async def test_the_reader_mounts_no_tooltip_and_the_help_screen_still_does():
    from textual.widgets import Tooltip

    app = _seed_app()
    async with app.run_test(size=(120, 40), tooltips=True) as pilot:
        await pilot.pause()
        assert not app.screen.query(Tooltip)
        assert [w for w in app.screen.walk_children() if w.tooltip is not None] == []
        await pilot.hover("#summary")  # the mouse over a pane: nothing to show, nothing fails
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query(Tooltip)


async def test_the_too_small_message_is_mounted_only_when_the_terminal_is_too_small():
    from textual.widgets import Static

    app = _seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#too-small")  # not built for the first paint
        await pilot.resize_terminal(50, 14)
        await pilot.pause()
        assert app.screen.has_class("-too-small")
        message = app.screen.query_one("#too-small", Static)
        assert "Terminal too small" in str(message.render()) and message.display
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not app.screen.has_class("-too-small")
        assert not app.screen.query_one("#too-small").display
        assert app.screen.query_one("#summary").display


# -- handlers' parameters counted from their code (textual_fixes item 12) -----------------------


def test_parameters_are_counted_as_inspect_counts_them():
    import functools
    import inspect

    from textual import _callback

    from tui import textual_fixes

    textual_fixes.apply(only_if_loaded=True)

    def plain(a, b=1): ...
    def star(a, *args, c, d=2, **kwargs): ...
    def positional_only(a, b, /, c): ...
    def none(): ...

    @functools.wraps(plain)
    def wrapped(*args, **kwargs): ...

    def signed(a, b, c): ...

    signed.__signature__ = inspect.Signature()  # type: ignore[attr-defined]

    class Handler:
        def on_event(self, event): ...
        async def on_key(self, event, extra=None): ...
        def __call__(self, x): ...

    handler = Handler()
    callables = [
        plain, star, positional_only, none, wrapped, signed, lambda: 0, lambda x, *y: 0,
        Handler.on_event, Handler.on_key, handler, len, print,
    ]  # fmt: skip
    assert _callback._count_parameters.__module__ == "tui.textual_fixes"  # (the fast one)
    for func in callables:
        assert _callback._count_parameters(func) == len(inspect.signature(func).parameters), func
    assert _callback.count_parameters(handler.on_event) == 1
    assert _callback.count_parameters(functools.partial(plain, 1)) == 1


# -- a strip's caches made when first used (textual_fixes item 13) ----------------------------


def test_strips_make_their_caches_when_first_used_and_still_cache():
    from rich.segment import Segment
    from rich.style import Style
    from textual.cache import FIFOCache
    from textual.strip import Strip

    from tui import textual_fixes

    textual_fixes.apply(only_if_loaded=True)
    strip = Strip([Segment("hello ", Style(bold=True)), Segment("world")], 11)
    with pytest.raises(AttributeError):
        object.__getattribute__(strip, "_crop_cache")  # not made yet
    first = strip.crop(0, 5)
    assert strip.crop(0, 5) is first  # cached
    assert isinstance(object.__getattribute__(strip, "_crop_cache"), FIFOCache)
    assert first.text == "hello"
    assert [s.text for s in strip.divide([3, 11])] == ["hel", "lo world"]
    assert strip.crop_extend(0, 14, None).cell_length == 14
    assert strip.simplify().text == "hello world" and strip.cell_length == 11
    assert Strip.join([strip, first]).text == "hello worldhello"
    with pytest.raises(AttributeError):
        strip.no_such_attribute  # noqa: B018


# -- the stylesheet caches of other versions and themes are not evicted at every start ----------


async def test_a_new_stylesheet_cache_keeps_the_three_newest_others(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(cache))
    for n in range(5):  # other versions' or themes' caches, oldest first
        other = cache / f"css-other{n}.pickle"
        other.write_bytes(b"x")
        os.utime(other, (1_000_000 + n, 1_000_000 + n))
    await _first_screen_tokenizing(monkeypatch)
    names = sorted(p.name for p in cache.glob("css-*.pickle"))
    assert len(names) == 4
    assert [n for n in names if n.startswith("css-other")] == [
        "css-other2.pickle", "css-other3.pickle", "css-other4.pickle"
    ]  # fmt: skip
