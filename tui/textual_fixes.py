"""Guards against two Textual 8.2 bugs that keys typed fast reach (found by tests/test_monkey.py).

1. ``OptionList._move_page`` reads ``_index_to_line``, which stays empty until the list has been
   laid out (``_update_lines`` returns early on a zero-size content region). PageDown/PageUp that
   arrive right after a list appears or is hidden — `ctrl+p PageDown` in one burst, `3 Down 4
   PageDown` at 80×24 — raise ``KeyError`` and end the app. Minimal reproduction: an App whose
   OptionList has ``display: none``, ``highlighted = 0``, then ``action_page_down()``.
   Guard: a page move on a list with no lines yet does nothing (the list is not visible).

2. ``Screen.dismiss`` pops whatever screen is on top without checking that it is the screen being
   dismissed. A modal closed by navigation (the palette or the library choosing a brief while keys
   are still arriving) then dismisses again and pops the reader beneath — an empty app, then
   ``ScreenStackError``. Guard: a screen that is not the active one no longer pops anything.

Applied by the App (:func:`apply`); remove when Textual fixes them. The OptionList guard is put in
place at once when OptionList is already imported, otherwise right after the first paint, so that
start-up never imports OptionList just for this.
"""

from __future__ import annotations

import sys
from typing import Any

_applied = False


def apply(only_if_loaded: bool = False) -> None:
    global _applied
    if _applied:
        return
    if only_if_loaded and "textual.widgets._option_list" not in sys.modules:
        _guard_dismiss_once()
        return
    _applied = True
    from textual.widgets import OptionList

    move_page = OptionList._move_page

    def _move_page(self: OptionList, direction: Any) -> None:
        if self._options and (self.highlighted or 0) not in self._index_to_line:
            return  # not laid out yet: nothing on screen to page through
        move_page(self, direction)

    OptionList._move_page = _move_page  # type: ignore[method-assign]
    _guard_dismiss_once()


_dismiss_guarded = False


def _guard_dismiss_once() -> None:
    global _dismiss_guarded
    if not _dismiss_guarded:
        _dismiss_guarded = True
        _guard_dismiss()


def _guard_dismiss() -> None:
    from textual.await_complete import AwaitComplete
    from textual.screen import Screen

    dismiss = Screen.dismiss

    def guarded(self: Screen, result: Any = None) -> AwaitComplete:
        if self.is_attached and self.app.screen is self:
            return dismiss(self, result)
        return AwaitComplete()  # already closed (the user moved on): popping would close another

    Screen.dismiss = guarded  # type: ignore[method-assign]
