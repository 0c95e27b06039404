"""Hostile article text in the reader: a 2 MiB paragraph, markup-like text and escape sequences."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tui.app import BriefApp
from tui.config import Config
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.panes import TextPane

SEED = "nationpress-afghan-anti-taliban-national-consensus.txt"


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed brief with a 2 MiB single paragraph (one sentence) appended to its article."""
    import shutil

    from tui.cli import main

    root = Path(__file__).resolve().parent.parent.parent
    project = tmp_path_factory.mktemp("big")
    shutil.copytree(root / "content", project / "content")
    shutil.copytree(root / "seeds", project / "seeds")
    words = [
        "the",
        "quick",
        "brown",
        "fox",
        "jumps",
        "over",
        "a",
        "lazy",
        "dog",
        "while",
        "Dostum",
        "watched",
        "from",
        "Kabul",
    ]
    rng = random.Random(1)
    paragraph = " ".join(rng.choice(words) for _ in range(400_000))[: 2 * 1024 * 1024]
    seed = project / "seeds" / SEED
    seed.write_text(seed.read_text() + "\n\n" + paragraph + " THE END.\n")
    path = project / "store.json"
    assert main(["build", str(project / "content"), "-o", str(path)]) == 0
    return path


async def test_a_2_mib_paragraph_opens_and_every_part_is_reachable(big_store, tmp_path):
    app = BriefApp(Store.open(big_store), UserData(tmp_path / "d"), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        source = app.screen.query_one("#source", TextPane)
        big = source.items[-1]
        assert len(big.text) > 2_000_000
        await pilot.press("end")
        assert source.current_key() == big.key
        assert "THE END." in source.visible_text()
        bottom = source.scroll_offset.y
        await pilot.press("pageup")
        assert source.scroll_offset.y == bottom - source.page_height
        assert source.current_key() == big.key  # still inside the paragraph
        await pilot.press("k")
        assert source.scroll_offset.y == bottom - source.page_height - 1
        await pilot.press("ctrl+d", "j", "space")
        assert source.current_key() == big.key
        # the paragraph's first line is reachable too: from the paragraph before, j reads on
        source.move_to(source.items[-2].key)
        await pilot.pause()
        top = source._tops[len(source.items) - 1]
        for _ in range(200):
            await pilot.press("j")
            if source.current_key() == big.key:
                break
        assert source.current_key() == big.key
        assert source.scroll_offset.y <= top  # its top line shows
        await pilot.press("3", "down", "down")  # an actor: restyles the big paragraph lazily
        assert app.is_running


async def test_markup_and_escapes_in_the_article_are_shown_literally(brief, project, tmp_path):
    seed = project / "seeds" / SEED
    hostile = "Dostum said [@click=app.quit]click[/] and [/x] [b]$100[/b] ok."
    seed.write_text(seed.read_text() + "\n" + hostile + "\nBell \x1b[2J\x1b]0;pwned\x07 here.\n")
    path = tmp_path / "hostile.json"
    assert brief("build", project / "content", "-o", path).code == 0
    app = BriefApp(Store.open(path), UserData(tmp_path / "d"), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "end")
        await pilot.pause()
        source = app.screen.query_one("#source", TextPane)
        shown = "\n".join(source.plain_lines())
        assert hostile in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "[@click=app.quit]click[/]" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press("f", "1", "escape")
        assert app.is_running
