"""Authored Markdown and raw articles → the model. Never imports Textual."""

from .content import load_content
from .errors import BuildFailed, ContentError

__all__ = ["BuildFailed", "ContentError", "load_content"]
