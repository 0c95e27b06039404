"""Find where people and factions are named: one pass over the words, longest name first.

Names and aliases are indexed by their first word. The text is scanned once word by word; at each
word that starts a name, the candidates are tried longest first, so "Ahmad Shah Massoud" is one
mention of the father and never also a mention of a shorter name inside it. The cost grows with the
length of the text, not with the number of names. Matching is case-sensitive (names are proper
nouns) and needs word boundaries; a name glued to a preceding hyphen ("anti-Taliban") describes
someone else and is not a mention, while one followed by a hyphen ("UN-supervised") is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_ALTERNATION_MIN = 3  # names sharing a first word, from which one regex tries them


@dataclass(frozen=True, slots=True)
class Hit:
    entity: str
    start: int
    end: int
    text: str


class MentionFinder:
    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """``names`` is ``(entity id, name or alias)`` pairs."""
        self._owner: dict[str, str] = {}
        for entity, name in names:
            for variant in {name, name.replace("'", "’"), name.replace("’", "'")}:
                if variant:
                    self._owner.setdefault(variant, entity)
        # first word → names starting with it, longest first (ties: alphabetical, as a regex
        # alternation sorted the same way would try them)
        by_word: dict[str, list[str]] = {}
        odd: list[str] = []  # names that do not start with a word character
        for name in sorted(self._owner, key=lambda n: (-len(n), n)):
            first = _WORD.match(name)
            if first is None:
                odd.append(name)
            else:
                by_word.setdefault(first.group(), []).append(name)
        self._by_word = by_word
        # the word runs that can start a name: those beginning with a name's first letter (the
        # runs `\w+` finds, without stopping at each of the many that cannot)
        initials = "".join(sorted({word[0] for word in by_word}))
        self._starts = re.compile(rf"(?<!\w)[{re.escape(initials)}]\w*") if initials else _WORD
        # a first word many names share ("Mohammad ..."): its names tried longest first by one
        # regex alternation (the same order, the same word boundary after the name)
        self._alternations = {
            word: re.compile("(?:" + "|".join(re.escape(n) for n in sharing) + r")(?!\w)")
            for word, sharing in by_word.items()
            if len(sharing) >= _ALTERNATION_MIN
        }
        self._odd: re.Pattern[str] | None = None
        if odd:
            alternation = "|".join(re.escape(n) for n in odd)
            self._odd = re.compile(rf"(?<![\w-])(?:{alternation})(?!\w)")

    def _match_at(self, text: str, start: int, candidates: list[str]) -> str | None:
        for name in candidates:
            if text.startswith(name, start):
                end = start + len(name)
                if end >= len(text) or not _is_word(text[end]):
                    return name
        return None

    def find(self, text: str) -> Iterator[Hit]:
        by_word = self._by_word
        alternations = self._alternations
        if not by_word and self._odd is None:
            return
        hits: list[Hit] = []
        covered = 0
        for word in self._starts.finditer(text):
            start = word.start()
            if start < covered:
                continue
            if start and text[start - 1] == "-":
                continue
            candidates = by_word.get(word.group())
            if candidates is None:
                # a name may start inside a longer word run only at its first character; names
                # whose first word is a prefix of this word ("UN" in "UN2") need a boundary
                continue
            alternation = alternations.get(word.group())
            if alternation is None:
                name = self._match_at(text, start, candidates)
            else:
                match = alternation.match(text, start)
                name = match.group() if match is not None else None
            if name is not None:
                covered = start + len(name)
                hits.append(Hit(self._owner[name], start, covered, name))
        if self._odd is not None:
            hits = _merge(hits, self._odd, self._owner, text)
        yield from hits


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _merge(
    hits: list[Hit], pattern: re.Pattern[str], owner: dict[str, str], text: str
) -> list[Hit]:
    """Add the matches of names that do not start with a word, keeping hits from overlapping."""
    extra = [Hit(owner[m.group()], m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
    merged: list[Hit] = []
    covered = 0
    for hit in sorted([*hits, *extra], key=lambda h: (h.start, -(h.end - h.start))):
        if hit.start >= covered:
            merged.append(hit)
            covered = hit.end
    return merged
