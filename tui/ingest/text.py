"""Text hygiene shared by ingest: control-character stripping, quote-insensitive matching, slugs."""

from __future__ import annotations

import re
import unicodedata

# Whole terminal escape sequences, so that none leaves its printable remainder ("[31m") in the text.
ESCAPE_SEQUENCES = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]?              # CSI: ESC [ params intermediates final
    | \x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?  # OSC: ESC ] … BEL or ST (a newline ends a broken one)
    | \x1b[PX^_][^\x1b\n]*(?:\x1b\\)?       # DCS, SOS, PM, APC: … ST
    | \x1b[ -/]*[0-~]?                      # any other escape: ESC c, ESC ( B, ESC 7 …
    | \x9b[0-?]*[ -/]*[@-~]?                # 8-bit CSI
    | \x9d[^\x07\x9c\n]*[\x07\x9c]?         # 8-bit OSC
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, and C1 controls (what is left after the sequences).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi overrides and isolates can reorder what the reader sees; zero-width joiners are left alone.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
    }
)


def sanitize(text: str) -> str:
    """Untrusted text made safe to store and show: newlines normalised, control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = ESCAPE_SEQUENCES.sub("", text)
    text = _CONTROL.sub("", text)
    return _BIDI.sub("", text)


_QUOTE_MARKS = tuple((chr(code), plain) for code, plain in _QUOTES.items())


def fold_quotes(text: str) -> str:
    """``text.translate(_QUOTES)``: typographic quote marks as plain ones, one character for one
    (a replace per mark the text holds: several times faster than translate's lookup per
    character)."""
    for mark, plain in _QUOTE_MARKS:
        if mark in text:
            text = text.replace(mark, plain)
    return text


_NON_SPACE = re.compile(r"\S+")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Fold quote marks and collapse whitespace; return the folded text and, for each of its
    characters, the offset of the character it came from in ``text``."""
    folded = fold_quotes(text)  # one character for one: offsets are kept
    out: list[str] = []
    offsets: list[int] = []
    previous_end = 0
    for match in _NON_SPACE.finditer(folded):
        start, end = match.span()
        if out:
            out.append(" ")
            offsets.append(previous_end)
        out.append(match.group())
        offsets.extend(range(start, end))
        previous_end = end
    return "".join(out), offsets


def normalize(text: str) -> str:
    return " ".join(fold_quotes(text).split())


def strip_quotes(text: str) -> str:
    """A footnote's text without the quotation marks around it."""
    text = normalize(text)
    if len(text) >= 2 and text[0] in "\"'" and text[-1] in "\"'":
        return text[1:-1].strip()
    return text


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching names and search terms."""
    if text.isascii():  # the same result, without decomposing (most names and words)
        return text.replace("`", "'").lower()
    decomposed = unicodedata.normalize("NFKD", fold_quotes(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


MAX_ID_CHARS = 80  # ids name files (store and content): far below any file system's 255-byte limit


def slugify(text: str, max_words: int | None = None) -> str:
    """A kebab-case id for ``text``, at most MAX_ID_CHARS long (cut at a word where it can be)."""
    words = re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", fold(text)))
    if max_words is not None:
        words = words[:max_words]
    slug = "-".join(words)
    if len(slug) > MAX_ID_CHARS:
        cut = slug[: MAX_ID_CHARS + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[1:] else slug[:MAX_ID_CHARS]
        slug = slug[:MAX_ID_CHARS].strip("-")
    return slug


SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(value: str) -> bool:
    return bool(SLUG_RE.match(value))


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """``1 brief``, ``2 briefs``, ``0 events``: a count with its noun in the right number."""
    return f"{number:,} {singular if number == 1 else plural or singular + 's'}"
