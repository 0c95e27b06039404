"""Source articles: split into paragraphs and sentences with stable ids, and locate quotes in them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Article, Paragraph, Sentence, SourceRef
from .text import _NON_SPACE, fold_quotes, normalize, sanitize

MAX_ARTICLE_BYTES = 5 * 1024 * 1024

# a whitespace run other than one plain space (the runs folding changes the length of)
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) before whitespace and
# a capital letter, digit or opening quote.
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[a-z]\.){1,2}[a-z]")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov",
    "pres", "st", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "jr", "sr", "mt", "ft", "inc", "ltd",
    "co", "corp", "dept", "univ", "approx", "est",
    # wire-style ranks and titles before a name: "Brig. Nabil Abdallah", "Adm. Samuel Paparo"
    "brig", "adm", "cmdr", "cpl", "pvt", "supt", "insp", "rev", "amb",
}  # fmt: skip


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph. Blank lines separate paragraphs; where the article uses no
    blank lines at all (one paragraph per line, as copied from a web page) each line is one, and a
    list item is always its own paragraph."""
    one_per_line = "\n\n" not in text.strip()
    spans: list[tuple[int, int]] = []
    start: int | None = None
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            if start is not None:
                spans.append((start, _rstrip_end(text, start, line_start)))
                start = None
            continue
        if start is not None and (one_per_line or _LIST_ITEM.match(line)):
            spans.append((start, _rstrip_end(text, start, line_start)))
            start = None
        if start is None:
            start = line_start + (len(line) - len(line.lstrip()))
    if start is not None:
        spans.append((start, _rstrip_end(text, start, len(text))))
    return [(s, e) for s, e in spans if e > s]


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        words = text[begin : match.start()].rsplit(None, 1)  # only the last word is wanted
        last = words[-1].lower().lstrip("(\"'“‘") if words else ""
        if (
            last in _ABBREVIATIONS
            or (len(last) == 1 and last.isalpha())
            or _INITIALS.fullmatch(last)  # initials: "Air Marshal A.K. Bharti"
        ):
            continue
        spans.append((begin, stop))
        begin = stop
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append((begin, end))
    return spans


def split_article(
    brief_id: str,
    path: str,
    raw_text: str,
    paragraph_spans: Callable[[str], list[tuple[int, int]]] | None = None,
) -> Article:
    """Sanitise an article's text and split it into paragraphs ``pN`` and sentences ``pN.sM``
    (``paragraph_spans`` finds the paragraphs; the importer's also splits headlines and bylines)."""
    text = sanitize(raw_text)
    paragraphs = []
    for p_index, (p_start, p_end) in enumerate((paragraph_spans or _paragraph_spans)(text), 1):
        sentences = tuple(
            Sentence(f"p{p_index}.s{s_index}", s_start, s_end, text[s_start:s_end])
            for s_index, (s_start, s_end) in enumerate(_sentence_spans(text, p_start, p_end), 1)
        )
        paragraphs.append(Paragraph(f"p{p_index}", p_start, p_end, sentences))
    return Article(brief=brief_id, path=path, text=text, paragraphs=tuple(paragraphs))


@dataclass
class QuoteNotFound(Exception):
    quote: str


@dataclass
class QuoteAmbiguous(Exception):
    quote: str
    count: int


class ArticleIndex:
    """Finds verbatim quotes in an article, insensitive to whitespace and to the style of quote marks."""

    def __init__(self, article: Article) -> None:
        self.article = article
        # The folded text is the article's words joined by single spaces. An offset in it maps
        # back to the article by the shift in force there: the shift changes only after a
        # whitespace run that is not one plain space (kept as the folded positions where each
        # new shift starts), so the words themselves are never walked in Python.
        source = fold_quotes(article.text)
        self._folded = " ".join(_NON_SPACE.findall(source))
        lead = len(source) - len(source.lstrip())  # dropped, where other runs become one space
        changes = [0]
        shifts = [lead]
        shift = lead
        for run in _ODD_SPACE.finditer(source, lead):
            start, end = run.span()
            if end == len(source):
                break  # trailing whitespace: no word after it
            shift += end - start - 1
            changes.append(end - shift)
            shifts.append(shift)
        self._changes = changes
        self._shifts = shifts
        self._sentences = list(article.sentences())
        self._starts = [s.start for s in self._sentences]

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        needle = normalize(quote)
        if not needle:
            return []
        found = []
        index = self._folded.find(needle)
        while index != -1:
            start = self._original(index)
            end = self._original(index + len(needle) - 1) + 1
            found.append((start, end))
            index = self._folded.find(needle, index + 1)
        return found

    def _original(self, index: int) -> int:
        """The offset in the article of the folded text's character ``index`` (a space maps to
        the first whitespace character after its word, as :func:`normalize_with_map` does)."""
        return index + self._shifts[bisect.bisect_right(self._changes, index) - 1]

    def sentences_between(self, start: int, end: int) -> list[Sentence]:
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        result = []
        for sentence in self._sentences[first:]:
            if sentence.start >= end:
                break
            if sentence.end > start:
                result.append(sentence)
        return result

    def sentence_at(self, offset: int) -> Sentence | None:
        hits = self.sentences_between(offset, offset + 1)
        return hits[0] if hits else None

    def locate(self, quote: str, anchor: int | None = None) -> SourceRef:
        """The one place ``quote`` occurs; raises :class:`QuoteNotFound` / :class:`QuoteAmbiguous`."""
        found = self.find_all(quote)
        if not found:
            raise QuoteNotFound(quote)
        if len(found) > 1:
            raise QuoteAmbiguous(quote, len(found))
        start, end = found[0]
        covered = self.sentences_between(start, end)
        return SourceRef(
            brief=self.article.brief,
            sentence=covered[0].id if covered else "",
            start=start,
            end=end,
            quote=self.article.text[start:end],
            sentences=tuple(s.id for s in covered),
            anchor=anchor,
        )
