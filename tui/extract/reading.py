"""Reading an article file: size, encoding and binary checks before any rule runs."""

from __future__ import annotations

import stat
from pathlib import Path


class ArticleError(Exception):
    """An article that cannot be imported; the message names the file and the reason."""


# The largest article `brief import` takes. Checked before reading: the rules' work and the
# drafted brief grow with the article, and the drafted brief must stay under the builder's 1 MiB
# limit for a content file. A longer text is several articles.
MAX_IMPORT_BYTES = 1024 * 1024


def read_article(path: Path) -> str:
    """The article's text, or :class:`ArticleError` for input that is not a readable UTF-8 article."""
    return read_article_raw(path)[1]


def read_article_raw(path: Path) -> tuple[bytes, str]:
    """The article's bytes (copied verbatim to seeds/) and its text; :class:`ArticleError` for
    input that is missing, not a regular file, too large, binary or not UTF-8."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file — check the path") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot read it ({error.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{path} is a directory — give the article's file")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(f"{path} is not a regular file — save the article to a file first")
    if info.st_size > MAX_IMPORT_BYTES:
        raise ArticleError(
            f"{path} is {info.st_size:,} bytes, over the 1 MiB (1,048,576 bytes) that brief "
            "import takes for one article — split it into articles or trim it"
        )
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise ArticleError(f"{path}: cannot read it ({error.strerror})") from None
    if len(raw) > MAX_IMPORT_BYTES:  # it grew while we looked
        raise ArticleError(
            f"{path} is over the 1 MiB (1,048,576 bytes) that brief import takes for one "
            "article — split it into articles or trim it"
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
    return raw, text
