"""Search across briefs, people, factions and events: an in-memory inverted index.

Words are folded (case and accents) and matched by prefix, every query word must match, and hits
in names and titles rank above hits in body text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..ingest.text import fold

if TYPE_CHECKING:
    from .reader import Store

_WORD = re.compile(r"\w+")
TITLE_WEIGHT = 5
PHRASE_BONUS = 10
NAME_BONUS = 20
KIND_RANK = {"person": 0, "faction": 0, "brief": 1, "event": 2}  # breaks ties in score


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # brief | person | faction | event
    id: str
    title: str
    snippet: str
    score: int
    brief: str | None = None


@dataclass(frozen=True, slots=True)
class _Doc:
    kind: str
    id: str
    title: str  # indexed with the higher weight: names and aliases, titles
    body: str
    brief: str | None
    display: str  # what a hit shows
    names: tuple[str, ...] = ()  # names and aliases: a query that is exactly one ranks first


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


class SearchIndex:
    def __init__(self, docs: list[_Doc]) -> None:
        self._docs = docs
        # word → document → weight: TITLE_WEIGHT if the word is in the title, plus 1 if it is in
        # the body; how often it occurs does not count, so long texts do not drown short names.
        postings: dict[str, dict[int, int]] = {}
        for number, doc in enumerate(docs):
            for weight, text in ((TITLE_WEIGHT, doc.title), (1, doc.body)):
                for word in set(words(text)):
                    bucket = postings.setdefault(word, {})
                    bucket[number] = bucket.get(number, 0) + weight
        self._postings = postings
        self._vocabulary = sorted(postings)

    @classmethod
    def from_store(cls, store: Store) -> SearchIndex:
        docs: list[_Doc] = []
        for header in store.briefs():
            brief = store.brief(header.id)
            assert brief is not None
            body = " ".join([brief.summary_text, *(t.text for t in brief.takeaways), *brief.tags])
            docs.append(_Doc("brief", brief.id, brief.title, body, brief.id, brief.title))
            for event in store.events(brief.id):
                title = f"{event.date.text} {event.title}"
                label = f"{event.date.text} — {event.title}"
                docs.append(_Doc("event", event.id, title, event.description, brief.id, label))
        for person in store.people():
            roles = " ".join(
                f"{r.title} {store.name_of(r.faction) if r.faction else ''}" for r in person.roles
            )
            body = f"{roles} {person.bio.text}"
            docs.append(
                _Doc(
                    "person",
                    person.id,
                    " ".join(person.names),
                    body,
                    None,
                    person.name,
                    person.names,
                )
            )
        for faction in store.factions():
            body = f"{faction.kind} {faction.stance} {faction.description.text}"
            names = " ".join(faction.names)
            docs.append(_Doc("faction", faction.id, names, body, None, faction.name, faction.names))
        return cls(docs)

    def _matching(self, prefix: str) -> dict[int, int]:
        """Documents containing a word that starts with ``prefix``, with their best weight."""
        found: dict[int, int] = {}
        start = bisect.bisect_left(self._vocabulary, prefix)
        for word in self._vocabulary[start:]:
            if not word.startswith(prefix):
                break
            for doc, weight in self._postings[word].items():
                found[doc] = max(found.get(doc, 0), weight)
        return found

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        terms = words(query)
        if not terms:
            return []
        scores: dict[int, int] | None = None
        for term in terms:
            matching = self._matching(term)
            if scores is None:
                scores = matching
            else:
                scores = {d: s + matching[d] for d, s in scores.items() if d in matching}
            if not scores:
                return []
        assert scores is not None
        phrase = " ".join(terms)
        for number in scores:
            doc = self._docs[number]
            if any(phrase == " ".join(words(name)) for name in doc.names):
                scores[number] += NAME_BONUS
            elif len(terms) > 1 and phrase in " ".join(words(doc.title)):
                scores[number] += PHRASE_BONUS  # the words together, in order, in a title
        docs = self._docs
        ranked = sorted(
            scores.items(),
            key=lambda item: (-item[1], KIND_RANK[docs[item[0]].kind], docs[item[0]].title),
        )
        hits = []
        for number, score in ranked[:limit]:
            doc = self._docs[number]
            snippet = _snippet(doc, terms)
            hits.append(SearchHit(doc.kind, doc.id, doc.display, snippet, score, doc.brief))
        return hits


def _snippet(doc: _Doc, terms: list[str], width: int = 90) -> str:
    text = " ".join(doc.body.split())
    folded = fold(text)
    positions = [folded.find(term) for term in terms if folded.find(term) >= 0]
    if not positions:
        return text[:width] + ("…" if len(text) > width else "")
    start = max(min(positions) - 30, 0)
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
