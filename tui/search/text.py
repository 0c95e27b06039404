"""Words, folding and the fuzzy keys the search engine matches on. Pure functions, no I/O."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_WORD = re.compile(r"\w+")
_QUOTE_MARKS = ("’", "‘", "`", "´")
_QUOTES = str.maketrans(dict.fromkeys(_QUOTE_MARKS, "'"))


class _Uncombined(dict):
    """``str.translate`` table dropping combining marks, filled in as characters are met (a
    dict lookup per character at C speed, where a generator over the text was ~10x slower)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_UNCOMBINED = _Uncombined()
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``Dostúm`` → ``dostum`` (fast path for ASCII)."""
    if text.isascii():
        return text.lower()
    for quote in _QUOTE_MARKS:  # text.translate(_QUOTES), several times faster
        if quote in text:
            text = text.replace(quote, "'")
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed.lower()
    if any(_UNCOMBINED[ord(c)] is None for run in _NON_ASCII.findall(decomposed) for c in run):
        decomposed = decomposed.translate(_UNCOMBINED)  # only when there is a mark to drop
    return decomposed.casefold()


def words(text: str) -> list[str]:
    """The folded words of ``text``, as they are indexed and queried."""
    return _WORD.findall(fold(text))


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of ``text`` with its span in ``text`` (not folded) and its folded form."""
    for match in _WORD.finditer(text):
        for folded in _WORD.findall(fold(match.group())):
            yield match.start(), match.end(), folded


_VOWELS = set("aeiouy")
_SKELETON_MAP = str.maketrans({"q": "k", "c": "k", "w": "v", "z": "s", "x": "ks"})


def skeleton(word: str) -> str:
    """A transliteration-tolerant key: consonants only, doubles collapsed, ``q``/``k``/``c`` and
    ``w``/``v`` merged, ``h`` after a letter and ``ph`` folded. Dostum, Dostom and Dostam all give
    ``dstm``; Mohaqiq and Mohaqeq ``mkk``; Massoud and Masood ``msd``. Words with digits are their
    own key."""
    if not word.isalpha():
        return word
    word = word.replace("ph", "f").translate(_SKELETON_MAP)
    out: list[str] = [word[0]]
    for char in word[1:]:
        if char in _VOWELS or char == "h":
            continue
        if char != out[-1]:
            out.append(char)
    return "".join(out)


def deletions(key: str) -> set[str]:
    """Every string one character shorter than ``key`` (the symmetric-delete typo keys)."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))} if len(key) > 2 else set()


def distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment edit distance, giving up (returning ``limit + 1``) past ``limit``."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def typo_budget(word: str) -> int:
    """How many edits a query word may be away from an indexed one."""
    if len(word) <= 3 or not word.isalpha():
        return 0
    return 1 if len(word) <= 5 else 2
