"""Snapshots of the main screens at 80×24 and 120×40 (pytest-textual-snapshot).

Update after an intended visual change with `pytest tests/test_snapshots.py --snapshot-update`
and review the SVGs in tests/__snapshots__/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import BriefApp
from tui.config import Config
from tui.linking import Location
from tui.store import Store
from tui.userdata import UserData

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def app_at(store: Store, tmp_path: Path):
    def make(start: Location | None = None) -> BriefApp:
        return BriefApp(store, UserData(tmp_path / "data"), start, Config())

    return make


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reader_with_a_takeaway_selected(snap_compare, app_at, size):
    assert snap_compare(app_at(), terminal_size=size, press=["2", "down", "down", "down"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_entity_screen(snap_compare, app_at, size):
    assert snap_compare(app_at(Location("entity", "abdul-rashid-dostum")), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library_screen(snap_compare, app_at, size):
    assert snap_compare(app_at(), terminal_size=size, press=["L"])
