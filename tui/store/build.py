"""``brief build``: content/ → a store directory, with a progress callback.

The library is loaded and validated whole before anything is written (a failed build writes
nothing); then only files whose bytes changed are rewritten, and the catalog last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .tinyio import stale_files, write_files
from .writer import serialize

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildResult:
    briefs: int
    people: int
    factions: int
    events: int
    mentions: int
    size: int
    incremental: bool = False
    rebuilt: int = 0


def build_store(
    content: Path, target: Path, *, full: bool = False, progress: Progress | None = None
) -> BuildResult:
    from ..ingest import load_content
    from .indexing import dump_search

    library = load_content(content, progress=progress)
    files = serialize(library)
    if progress is not None:
        progress("writing", 0, 1)
    write_files(target, files, search=lambda folder: dump_search(library, folder))
    if progress is not None:
        progress("done", 1, 1)
    return BuildResult(
        len(library.briefs),
        len(library.people),
        len(library.factions),
        len(library.events),
        len(library.mentions),
        sum(len(b) for b in files.values()),
    )


def check_store(library: object, target: Path) -> list[str]:
    """The files of the store at ``target`` that differ from what ``library`` builds."""
    return stale_files(target, serialize(library))  # type: ignore[arg-type]
