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
    """Replace ``marker`` with ``replacement`` in every text file of a built store, whatever its
    layout (one file, or a catalog file with a data folder beside it, or a folder): every UTF-8
    file under the store's folder, content/ and seeds/ left out. The replacement is written
    JSON-escaped (``\\u001b``), which keeps a JSON file valid and gives back the raw characters
    when it is parsed. Returns the number of files changed."""
    escaped = json.dumps(replacement)[1:-1].encode()
    base = store if store.is_dir() else store.parent
    changed = 0
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        if path.relative_to(base).parts[0] in ("content", "seeds"):
            continue
        data = path.read_bytes()
        if marker.encode() not in data:
            continue
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # a binary index: leave it whole
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
