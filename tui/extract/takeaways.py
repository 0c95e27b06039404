"""Structure (headline, headings, takeaway lists), the summary and the key takeaways."""

from __future__ import annotations

import re

from ..ingest.article import split_article

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


def _title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return re.sub(r"^\s*#+\s*", "", line).strip().strip("*").strip()
    return ""


class TakeawayRules:
    def structure(self) -> None:
        self.article = split_article("import", "article", self.text)
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
            if text.lstrip().startswith("#"):
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
        first = self.body[0].text[self.dateline_end :].strip()
        return first or self.body[0].text

    def takeaways(self) -> tuple[list[str], bool]:
        listed = []
        for paragraph_id in self.takeaway_ids:
            paragraph = next(p for p in self.article.paragraphs if p.id == paragraph_id)
            listed.append(_LIST.sub("", self.text[paragraph.start : paragraph.end]).strip())
        if listed:
            return listed, True
        scored = []
        for position, sentence in enumerate(self.body):
            mentions = self.mentions.get(sentence.id, [])
            score = len({m.name for m in mentions if m.kind in ("person", "org")}) + 2 * bool(
                re.search(r"\b(?:1[5-9]\d\d|20\d\d)\b", sentence.text)
            )
            if len(sentence.text.split()) >= 5:  # not "1." or a stray fragment
                scored.append((score, -position, sentence.text.strip()))
        best = sorted(scored, reverse=True)[:3]
        order = {text: -pos for _, pos, text in best}
        return [text for text in sorted(order, key=order.get)], False  # type: ignore[arg-type]
