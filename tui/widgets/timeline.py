"""A compact drawn time axis: where events fall in time, so the gaps between eras show."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from ..model import Event

MARK = "●"
OTHER = "·"


def _position(event: Event) -> float | None:
    """Years as a number (2025.94 for December 10, 2025), or None for undated or unknown years."""
    return _key_position(event.date.sort_key)


def _key_position(key: str) -> float | None:
    year, month, day = key[0:4], key[5:7], key[8:10]
    if not year.isdigit() or year in ("0000", "9999"):
        return None
    value = float(year)
    if month.isdigit() and int(month):
        value += (int(month) - 1) / 12
        if day.isdigit() and int(day):
            value += (int(day) - 1) / 365
    return value


def axis_line(events: Iterable[Event], marked: set[str] | None, width: int) -> Content:
    """``1989 ●────●──────●─●───●●● 2025``: one mark per event cell; with ``marked``, only those
    events are drawn strong and the others faint."""
    placed = [(event, pos) for event in events if (pos := _position(event)) is not None]
    if not placed:
        return Content("")
    first = min(pos for _, pos in placed)
    last = max(pos for _, pos in placed)
    left, right = f"{int(first)} ", f" {int(last)}"
    cells = max(width - len(left) - len(right), 8)
    span = max(last - first, 1e-9)
    slots: dict[int, bool] = {}
    for event, pos in placed:
        cell = round((pos - first) / span * (cells - 1))
        strong = marked is None or event.id in marked
        slots[cell] = slots.get(cell, False) or strong
    parts = [Content.styled(left, "dim")]
    for cell in range(cells):
        if cell in slots:
            parts.append(
                Content.styled(
                    MARK if slots[cell] else OTHER, "bold $text-accent" if slots[cell] else "dim"
                )
            )
        else:
            parts.append(Content.styled("─", "dim"))
    parts.append(Content.styled(right, "dim"))
    return Content("").join(parts)


def axis_line_of_keys(keys: Iterable[str], width: int) -> Content:
    """:func:`axis_line` (nothing marked) from the events' date sort keys only, drawn as runs of
    like cells (a few spans, not one per cell): the entity page's axis."""
    return Content.assemble(*axis_runs_of_keys(keys, width))


def axis_runs_of_keys(keys: Iterable[str], width: int) -> list[tuple[str, str]]:
    """:func:`axis_line_of_keys` as runs of (text, style)."""
    placed = [pos for key in keys if (pos := _key_position(key)) is not None]
    if not placed:
        return []
    first, last = min(placed), max(placed)
    left, right = f"{int(first)} ", f" {int(last)}"
    cells = max(width - len(left) - len(right), 8)
    span = max(last - first, 1e-9)
    marked = {round((pos - first) / span * (cells - 1)) for pos in placed}
    runs = [(left, "dim")]
    start = 0
    for cell in range(1, cells + 1):
        if cell == cells or (cell in marked) != (start in marked):
            strong = start in marked
            runs.append(
                (
                    (MARK if strong else "─") * (cell - start),
                    "bold $text-accent" if strong else "dim",
                )
            )
            start = cell
    runs.append((right, "dim"))
    return runs
