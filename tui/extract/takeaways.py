"""Structure (headline, headings, takeaway lists), the summary and the key takeaways."""

from __future__ import annotations

import re

from ..ingest.article import split_article
from ..model import Article

# -- structure ------------------------------------------------------------------------------------
_HEADING = re.compile(
    r"^\s*#{0,6}\s*\**(synopsis|summary|key takeaways|takeaways|key points|highlights|in brief|at a glance)\**\s*:?\s*$",
    re.I,
)
_TAKEAWAY_HEADINGS = {
    "key takeaways",
    "takeaways",
    "key points",
    "highlights",
    "at a glance",
    "in brief",
}
_LIST = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


# A line that stands alone even without a blank line after it: a headline, a byline, a claim box,
# a subhead, a credit line. Hard-wrapped prose (a long line without closing punctuation) goes on.
_ENDS_LINE = re.compile(r"[.!?:;\"”’)\]…]\s*$")
_STARTS_BLOCK = re.compile(
    r"^\s*(?:#|[-*•]\s|\d+[.)]\s|\(|By\s|(?:CLAIM|Claim|VERDICT|Verdict|RATING|Rating|FACT CHECK)\b)"
)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs for extraction: blank lines separate them, and so does a line break after a line
    that ends a sentence or is short (a headline, byline or subhead), or before a heading, list
    item, byline or claim box. Hard-wrapped prose stays one paragraph."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    previous = ""
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            if start is not None:
                spans.append((start, line_start - 1))
            start, previous = None, ""
            continue
        if start is not None and (
            _ENDS_LINE.search(previous)
            or len(previous) < 60
            or _STARTS_BLOCK.match(line)
            or not spans  # the headline is the first line
            or re.match(r"\s*[A-Z][A-Z'’.\-]{2,}(?: [A-Z][A-Z'’.\-]+)*\s*[,(—–-]", line)  # KABUL, …
            or previous.lstrip().startswith("#")
        ):
            spans.append((start, line_start - 1))
            start = None
        if start is None:
            start = line_start + (len(line) - len(line.lstrip()))
        previous = stripped
    if start is not None:
        spans.append((start, len(text)))
    cleaned = []
    for begin, end in spans:
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            cleaned.append((begin, end))
    return cleaned


def split_for_extraction(raw: str) -> Article:
    """The article split into paragraphs and sentences for the rules (ids are internal)."""
    return split_article("import", "article", raw, paragraph_spans=_paragraph_spans)


# a one-line subhead in capitals, without a full stop: "WHAT THE DOCUMENT SAYS"
_CAPS_HEADING = re.compile(r"(?=[^a-z\n]*[A-Z]{2})[^a-z.!?\n]{3,80}")


def _title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return re.sub(r"^\s*#+\s*", "", line).strip().strip("*").strip()
    return ""


class TakeawayRules:
    def structure(self) -> None:
        self.article = split_for_extraction(self.text)
        self.sentence_map = {s.id: s for s in self.article.sentences()}
        self.sentence_index = {sid: index for index, sid in enumerate(self.sentence_map)}
        self.title = _title(self.text)
        self.heading_ids: set[str] = set()
        self.takeaway_ids: list[str] = []
        in_takeaways = False
        paragraphs = list(self.article.paragraphs)
        self.title_id = paragraphs[0].id if paragraphs else ""
        for paragraph in paragraphs:
            text = self.text[paragraph.start : paragraph.end]
            heading = _HEADING.match(text)
            if heading:
                self.heading_ids.add(paragraph.id)
                in_takeaways = heading.group(1).lower() in _TAKEAWAY_HEADINGS
                continue
            if text.lstrip().startswith("#") or _CAPS_HEADING.fullmatch(text.strip()):
                # "### What we found", "WHAT IS BEING SHARED": a subhead names nobody
                self.heading_ids.add(paragraph.id)
                in_takeaways = False
                continue
            if in_takeaways and _LIST.match(text):
                self.takeaway_ids.append(paragraph.id)
                continue
            in_takeaways = False
        self.body = [
            s
            for p in paragraphs[1:]
            if p.id not in self.heading_ids and p.id not in self.takeaway_ids
            for s in p.sentences
        ]

    def summary(self) -> str:
        if not self.body:
            return self.title
        lead = self.dateline_sentence or self.body[0]
        first = lead.text[self.dateline_end :].strip() if lead is self.dateline_sentence else ""
        return first or lead.text

    def takeaways(self) -> tuple[list[str], bool]:
        listed = []
        for paragraph_id in self.takeaway_ids:
            paragraph = next(p for p in self.article.paragraphs if p.id == paragraph_id)
            listed.append(_LIST.sub("", self.text[paragraph.start : paragraph.end]).strip())
        if listed:
            return listed, True
        scored = []
        lead = self.dateline_sentence or (self.body[0] if self.body else None)
        for position, sentence in enumerate(self.body):
            if sentence is lead and len(self.body) > 1:
                continue  # the lead is the summary: a takeaway repeating it word for word adds nothing
            mentions = self.mentions.get(sentence.id, [])
            # "KABUL, March 4 (Reuters) - " is where the story was filed, not what it says
            text = (
                sentence.text[self.dateline_end :]
                if sentence is self.dateline_sentence
                else sentence.text
            )
            score = len({m.name for m in mentions if m.kind in ("person", "org")}) + 2 * bool(
                re.search(r"\b(?:1[5-9]\d\d|20\d\d)\b", text)
            )
            text = _LIST.sub("", text)  # "- July 26, 2023: Soldiers detain …" (a timeline's line)
            if len(text.split()) >= 5:  # not "1." or a stray fragment
                scored.append((score, -position, text.strip()))
        best = sorted(scored, reverse=True)[:3]
        order = {text: -pos for _, pos, text in best}
        return [text for text in sorted(order, key=order.get)], False  # type: ignore[arg-type]
