"""Helpers shared by the hostile-input tests (see ``__init__.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# What a tampered store's title holds: set the terminal title, ring the bell, clear the screen.
ESCAPE_TITLE = "\x1b]0;pwned\x07\x1b[2J"
CONTROL_CHARS = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}


def assert_terminal_safe(text: str) -> None:
    """No escape or control character (newline and tab allowed) in what reaches the terminal."""
    bad = sorted({c for c in text if c in CONTROL_CHARS})
    assert not bad, f"control characters reached the terminal: {bad!r} in {text[:200]!r}"


def tamper(store: Path, marker: str, replacement: str) -> int:
    """Replace ``marker`` with ``replacement`` in every file of a built store (a file or a folder),
    format-agnostically: the replacement is written JSON-escaped (``\\u001b``), which keeps a JSON
    store valid and puts the raw characters back when it is parsed. Returns the files changed."""
    escaped = json.dumps(replacement)[1:-1].encode()
    files = [store] if store.is_file() else [p for p in store.rglob("*") if p.is_file()]
    changed = 0
    for path in files:
        data = path.read_bytes()
        if marker.encode() in data:
            path.write_bytes(data.replace(marker.encode(), escaped))
            changed += 1
    return changed


@pytest.fixture
def tampered_store(project: Path, brief) -> Path:
    """A store built from the project whose brief title is then tampered to hold ESCAPE_TITLE."""
    path = project / "content" / "briefs" / "afghan-national-consensus.md"
    text = path.read_text()
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(title, "title: Pwnmarker national consensus", 1))
    store = project / "store.json"
    result = brief("build", project / "content", "-o", store)
    assert result.code == 0, result.err
    assert tamper(store, "Pwnmarker", "Pwn" + ESCAPE_TITLE + "marker") >= 1
    return store
