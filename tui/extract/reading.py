"""Reading an article file: size, encoding and binary checks before any rule runs."""

from __future__ import annotations

from pathlib import Path

from ..ingest.article import MAX_ARTICLE_BYTES


class ArticleError(Exception):
    """An article that cannot be imported; the message names the file and the reason."""


def read_article(path: Path) -> str:
    """The article's text, or :class:`ArticleError` for input that is not a readable UTF-8 article."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file — check the path") from None
    except IsADirectoryError:
        raise ArticleError(f"{path} is a directory — give the article's file") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot read it ({error.strerror})") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{path} is {len(raw):,} bytes, over the 5 MB limit for an article — trim it"
        )
    if b"\x00" in raw:
        raise ArticleError(
            f"{path} looks binary (it contains NUL bytes) — give a plain-text or Markdown article"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{path} is not UTF-8 (invalid byte at offset {error.start}) — convert it to UTF-8"
        ) from None
    if not text.strip():
        raise ArticleError(f"{path} is empty — give an article with a headline and a body")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t")
    if controls > max(16, len(text) // 100):
        raise ArticleError(
            f"{path} looks binary ({controls} control characters) — give a plain-text article"
        )
    return text
