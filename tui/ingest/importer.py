"""Kept for old imports: the importer's rules live in :mod:`tui.extract`."""

from ..extract import (
    ArticleError,
    Extraction,
    FoundEvent,
    Organisation,
    Person,
    extract,
    read_article,
)

__all__ = [
    "ArticleError",
    "Extraction",
    "FoundEvent",
    "Organisation",
    "Person",
    "extract",
    "read_article",
]
