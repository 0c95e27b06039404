"""Authored Markdown and raw articles → the model. Never imports Textual.

Submodules are imported on first use so that the reader, which only needs :mod:`tui.ingest.text`,
does not pay for markdown-it and PyYAML at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .content import load_content
    from .errors import BuildFailed, ContentError

__all__ = ["BuildFailed", "ContentError", "load_content"]


def __getattr__(name: str) -> Any:
    if name == "load_content":
        from .content import load_content

        return load_content
    if name in ("BuildFailed", "ContentError"):
        from . import errors

        return getattr(errors, name)
    raise AttributeError(name)
