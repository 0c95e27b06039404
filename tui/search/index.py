"""The search index: segments, BM25 ranking, fuzzy expansion, filters, snippets."""

from __future__ import annotations

import bisect
import math
import os
import re
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from .docs import KIND_WEIGHT, KINDS, SearchDoc
from .query import Clause, IndexDamaged, Query, QueryError, parse
from .segment import Segment, filter_term, record_to_doc
from .text import distance, fold, skeleton, typo_budget, word_spans, words

K1 = 1.2
B = 0.75
EXACT, VARIANT, TYPO = 1.0, 0.8, 0.65  # weight of a word as typed, a transliteration, a typo
MAX_PREFIX = 40  # completions of a word typed as a prefix, the most frequent first
MAX_FUZZY_CHECKS = 300  # edit distances computed per query word, at most
MAX_SMALL_SEGMENTS = 6  # past this many small segments, they are merged into one
SMALL_FRACTION = 8  # a segment is small when it holds under 1/8 of the largest one's documents
NAME_BONUS = 2.5  # the query is exactly a person's or faction's name or alias
MANIFEST = "index.json"
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}
_KIND_WEIGHTS = np.array([KIND_WEIGHT[k] for k in KINDS], dtype=np.float32)

# What the caller answers for is:/has: filters: brief ids, or a test on a brief id.
Predicates = Mapping[tuple[str, str], Iterable[str] | Callable[[str], bool]]


@dataclass(frozen=True, slots=True)
class Hit:
    """One result. ``id`` is the document's key (a brief, event, person or faction id, or
    ``BRIEF#ITEM``); it opens at ``brief`` + ``item``, or at ``id`` for a person or faction.
    ``highlights`` are (start, end) spans of matched words in ``snippet``; ``title_highlights``
    the same in ``title``."""

    kind: str
    id: str
    title: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float
    brief: str | None = None
    item: str | None = None
    title_highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: list[Hit]
    suggestion: str | None = None  # "did you mean": the query with misspelt words corrected
    total: int = 0  # documents matching before the limit


@dataclass(slots=True)
class _Expansion:
    """A query word and the indexed words it stands for, each with a weight."""

    word: str
    terms: dict[str, float] = field(default_factory=dict)
    exact: bool = False
    correction: str | None = None


class SearchIndex:
    """Build with :meth:`build`, persist with :meth:`dump`, reopen with :meth:`load`, update with
    :meth:`update`, query with :meth:`search`. See the package docstring for the design."""

    def __init__(self, segments: list[Segment], counter: int = 0) -> None:
        self.segments = segments
        self._counter = counter

    # -- life cycle -----------------------------------------------------------------------------
    @classmethod
    def build(cls, docs: Iterable[SearchDoc]) -> SearchIndex:
        return cls([Segment.build(docs, "s0000")], 1)

    @classmethod
    def load(cls, directory: Path) -> SearchIndex:
        """Open an index written by :meth:`dump`: reads only the manifest now, the rest lazily.
        Raises :class:`FileNotFoundError` / :class:`ValueError` for a missing or foreign one."""
        manifest = orjson.loads((directory / MANIFEST).read_bytes())
        if not isinstance(manifest, dict) or manifest.get("format") != 1:
            raise ValueError(f"{directory / MANIFEST} is not a search index this version reads")
        segments = [
            Segment.open(directory / entry["name"], entry["name"], entry.get("dead", []))
            for entry in manifest["segments"]
        ]
        return cls(segments, int(manifest.get("counter", len(segments))))

    def dump(self, directory: Path) -> None:
        """Write the index to ``directory``. Segments already there are kept (they never change);
        new ones are written, then the manifest is replaced atomically, then stale segments go."""
        directory.mkdir(parents=True, exist_ok=True)
        for segment in self.segments:
            target = directory / segment.name
            if segment.path is None or segment.path.resolve() != target.resolve():
                segment.write(target)
        manifest = {
            "format": 1,
            "counter": self._counter,
            "segments": [{"name": s.name, "dead": sorted(s.dead_groups)} for s in self.segments],
        }
        tmp = directory / (MANIFEST + ".tmp")
        tmp.write_bytes(orjson.dumps(manifest))
        os.replace(tmp, directory / MANIFEST)
        keep = {s.name for s in self.segments}
        for child in directory.iterdir():
            if child.is_dir() and child.name.startswith("s") and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)

    def update(self, docs: Iterable[SearchDoc], remove: Iterable[str] = ()) -> None:
        """Replace groups: every document of a group in ``remove`` or among ``docs`` is
        tombstoned, and ``docs`` become a new segment. Cheap: cost grows with ``docs`` only."""
        docs = list(docs)
        groups = set(remove) | {doc.group for doc in docs}
        self.__dict__.pop("_entity_cache", None)
        self.__dict__.pop("_expansion_cache", None)
        for segment in self.segments:
            segment.kill(groups)
        if docs:
            self.segments.append(Segment.build(docs, self._new_name()))
        self._compact()

    def _compact(self) -> None:
        """Merge the small segments (incremental updates) once there are too many, leaving the
        big ones (a full build's) alone: an update's cost stays with what it changed, never with
        the library's size."""
        self.segments = [s for s in self.segments if s.live_count] or self.segments[-1:]
        largest = max((s.size for s in self.segments), default=0)
        small = [s for s in self.segments if s.size * SMALL_FRACTION < largest]
        if len(small) <= MAX_SMALL_SEGMENTS:
            return
        merged = [record_to_doc(r) for s in small for r in s.live_records()]
        kept = [s for s in self.segments if s not in small]
        self.segments = [*kept, Segment.build(merged, self._new_name())]

    def _new_name(self) -> str:
        name = f"s{self._counter:04d}"
        self._counter += 1
        return name

    def documents(self) -> list[SearchDoc]:
        """Every live document (for tests and for merging)."""
        return [record_to_doc(r) for s in self.segments for r in s.live_records()]

    # -- statistics -----------------------------------------------------------------------------
    @property
    def size(self) -> int:
        return sum(s.live_count for s in self.segments)

    def _average_length(self) -> float:
        size = self.size
        return (sum(s.live_length for s in self.segments) / size) if size else 1.0

    # -- expansion ------------------------------------------------------------------------------
    def _df(self, term: str) -> int:
        total = 0
        for segment in self.segments:
            index = segment.lookup(term)
            if index >= 0:
                total += segment.df(index)
        return total

    def _expand(self, word: str, prefix: bool = True, fuzzy: bool = True) -> _Expansion:
        cache = self.__dict__.setdefault("_expansion_cache", {})
        key = (word, prefix, fuzzy)
        found = cache.get(key)
        if found is None:
            if len(cache) > 4096:
                cache.clear()
            found = cache[key] = self._expand_uncached(word, prefix, fuzzy)
        return found

    def _expand_uncached(self, word: str, prefix: bool, fuzzy: bool) -> _Expansion:
        expansion = _Expansion(word)
        terms = expansion.terms
        if self._df(word):
            terms[word] = EXACT
            expansion.exact = True
        if prefix and word[:1].isalnum():
            completions: dict[str, int] = {}
            for segment in self.segments:
                span = segment.with_prefix(word)
                if not len(span):
                    continue
                dfs = np.diff(segment.offsets[span.start : span.stop + 1])
                top = np.argsort(-dfs, kind="stable")[: MAX_PREFIX + 1]
                for at in top:
                    term = segment.terms[span.start + int(at)]
                    if term != word:
                        completions[term] = completions.get(term, 0) + int(dfs[at])
            best = sorted(completions, key=lambda t: (-completions[t], t))[:MAX_PREFIX]
            # A word of one or two letters completes to the commonest words ("t": "the", in
            # half the documents, "took", "truth"): each was scored over its every document
            # (16 ms at 10k for "t", the first key typed in the Library) for the least telling
            # matches. A completion in more than 1/64 of the documents is left out (the word
            # itself, typed whole, is not), unless all are: then the rarest of them is kept.
            ceiling = max(self.size // 64, 2000)
            kept = [term for term in best if completions[term] <= ceiling] or best[-1:]
            for term in kept:
                terms.setdefault(term, 0.6 + 0.3 * len(word) / len(term))
        budget = typo_budget(word)
        if fuzzy and budget:
            # spelling variants (same skeleton) always; typos only for a word not in the index
            typos = not terms
            key = skeleton(word)
            near = [key, *_deletions(key)] if typos else [key]
            candidates: dict[str, float] = {}
            checked = 0
            for segment in self.segments:
                fuzzy_map = segment.fuzzy
                keys = set(near)
                if typos:
                    keys.update(segment.near_keys.get(key, ()))
                    for shorter in near[1:]:
                        keys.update(segment.near_keys.get(shorter, ()))
                for candidate_key in sorted(keys, key=lambda k: (k != key, k)):
                    for index in fuzzy_map.get(candidate_key, ()):
                        term = segment.terms[index]
                        if term in terms or term in candidates or checked >= MAX_FUZZY_CHECKS:
                            continue
                        checked += 1
                        same_key = candidate_key == key
                        limit = max(budget, 2) if same_key else budget
                        if distance(word, term, limit) <= limit:
                            candidates[term] = VARIANT if same_key else TYPO
            terms.update(candidates)
            if not expansion.exact and candidates and not any(t not in candidates for t in terms):
                expansion.correction = max(
                    candidates, key=lambda t: (candidates[t], -distance(word, t), self._df(t))
                )
        return expansion

    # -- entity and value resolution ------------------------------------------------------------
    def _entity_table(self) -> tuple[list[tuple[str, str]], dict[str, set[int]], list[str]]:
        """People and factions: (id, kind) rows, name word → rows, and the sorted name words.
        Built once per index state (an update drops it)."""
        cached = self.__dict__.get("_entity_cache")
        if cached is not None:
            return cached
        rows: list[tuple[str, str]] = []
        by_word: dict[str, set[int]] = {}
        for segment in self.segments:
            live = segment.live
            for number, key, kind, names in segment.meta["entities"]:
                if live is not None and not live[number]:
                    continue
                row = len(rows)
                rows.append((key, kind))
                for name in names:
                    for word in words(name):
                        by_word.setdefault(word, set()).add(row)
        cached = (rows, by_word, sorted(by_word))
        self.__dict__["_entity_cache"] = cached
        return cached

    def _resolve_entities(self, clause: Clause, kinds: tuple[str, ...]) -> list[str]:
        """People (and/or factions) whose id is the value, or whose names hold every word of
        it as a word, a prefix or a spelling variant."""
        rows, by_word, name_words = self._entity_table()
        value = clause.value.replace(" ", "-")
        matched: set[int] | None = None
        for wanted in clause.words:
            found: set[int] = set()
            start = bisect.bisect_left(name_words, wanted)
            for word in name_words[start:]:
                if not word.startswith(wanted):
                    break
                found |= by_word[word]
            if typo_budget(wanted):
                for word in self._name_variants(wanted):
                    found |= by_word.get(word, set())
            matched = found if matched is None else matched & found
        ids = {rows[r][0] for r in matched or () if rows[r][1] in kinds}
        ids.update(
            key
            for key, kind in rows
            if kind in kinds and (key == value or key.startswith(value + "-"))
        )
        return sorted(ids)

    def _name_variants(self, word: str) -> list[str]:
        """Words of names that are spelling variants or typos of ``word``."""
        _rows, by_word, _words = self._entity_table()
        expansion = self._expand(word, prefix=False)
        return [term for term in expansion.terms if term in by_word]

    def _brief_ids(self, value: str) -> list[str]:
        """Brief ids equal to ``value``, else starting with it."""
        every = {b for segment in self.segments for b in segment.meta["briefs"]}
        if value in every:
            return [value]
        return sorted(b for b in every if b.startswith(value))

    def _filter_values(self, field_name: str, value: str) -> list[str]:
        """Values of a filter that exist in the index: exact, else by prefix."""
        exact = filter_term(field_name, value)
        if self._df(exact):
            return [value]
        found: set[str] = set()
        for segment in self.segments:
            for index in segment.with_prefix(exact):
                found.add(segment.terms[index][len(exact) - len(value) :])
        return sorted(found)

    # -- searching ------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        limit: int = 50,
        *,
        predicates: Predicates | None = None,
        per_brief: bool = False,
    ) -> SearchResult:
        """Ranked hits for ``query``; raises :class:`QueryError` (one line) for a bad query.
        ``per_brief``: only the best hit of each brief, and none outside briefs (the Library)."""
        parsed = parse(query)
        if parsed.is_empty or limit <= 0 or not self.segments:
            return SearchResult([])
        try:
            return _Search(self, parsed, predicates, per_brief).run(query, limit)
        except QueryError:
            raise
        except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
            where = next((str(s.path.parent) for s in self.segments if s.path), "the store")
            raise IndexDamaged(
                f"the search index in {where} cannot be read ({type(error).__name__}) — "
                "rebuild the store with `brief build --full`"
            ) from None

    def suggest(self, word: str) -> str | None:
        return self._expand(fold(word), prefix=False).correction


def _deletions(key: str) -> list[str]:
    return [key[:i] + key[i + 1 :] for i in range(len(key))] if len(key) > 2 else []


def _word_matches(query: str, word: str) -> bool:
    if word.startswith(query):
        return True
    budget = typo_budget(query)
    if not budget:
        return False
    if skeleton(query) == skeleton(word):
        return distance(query, word, max(budget, 2)) <= max(budget, 2)
    return distance(query, word, budget) <= budget


class _Search:
    """One query against every segment."""

    def __init__(
        self,
        index: SearchIndex,
        query: Query,
        predicates: Predicates | None,
        per_brief: bool = False,
    ) -> None:
        self.per_brief = per_brief
        self.index = index
        self.query = query
        self.predicates = predicates
        self.expansions: dict[str, _Expansion] = {}
        self.highlight_terms: set[str] = set()
        self.positive: list[Clause] = []
        self.negative_words: list[Clause] = []
        self.phrases: list[tuple[bool, tuple[str, ...]]] = []  # (negated, words)
        self.names: list[tuple[str, ...]] = []
        self.filters: list[Clause] = []
        for clause in query.clauses:
            if clause.field is None or clause.field == "name":
                if clause.negate:
                    if clause.phrase:
                        self.phrases.append((True, clause.words))
                    else:
                        self.negative_words.append(clause)
                else:
                    self.positive.append(clause)
                    if clause.phrase and clause.field is None:
                        self.phrases.append((False, clause.words))
                    if clause.field == "name":
                        self.names.append(clause.words)
            else:
                self.filters.append(clause)

    def expansion(self, word: str, exact_only: bool = False) -> _Expansion:
        key = ("=" if exact_only else "~") + word
        if key not in self.expansions:
            if exact_only:
                self.expansions[key] = self.index._expand(word, prefix=False, fuzzy=False)
            else:
                self.expansions[key] = self.index._expand(word)
        return self.expansions[key]

    def run(self, text: str, limit: int) -> SearchResult:
        index = self.index
        size = index.size
        average = index._average_length()
        # word → (expansion), computed once over every segment's vocabulary
        word_groups: list[_Expansion] = []
        for clause in self.positive:
            for word in clause.words:
                expansion = self.expansion(word, exact_only=clause.phrase and clause.field is None)
                word_groups.append(expansion)
                self.highlight_terms.update(expansion.terms)
        idf: dict[str, float] = {}
        for expansion in word_groups:
            for term in expansion.terms:
                if term not in idf:
                    df = self._live_df(term)
                    idf[term] = math.log(1 + (size - df + 0.5) / (df + 0.5))
        negative = [self.expansion(c.value, exact_only=False) for c in self.negative_words]
        candidates: list[tuple[float, int, int]] = []
        total = 0
        for seg_number, segment in enumerate(index.segments):
            mask = self._filter_mask(segment)
            if mask is not None and not mask.any():
                continue
            if word_groups:
                score = np.zeros(segment.size, dtype=np.float32)
                required = np.ones(segment.size, dtype=bool) if mask is None else mask.copy()
                norm = segment.length_norm(K1, B, average)
                for expansion in word_groups:
                    best = np.zeros(segment.size, dtype=np.float32)
                    for term, weight in expansion.terms.items():
                        at = segment.lookup(term)
                        if at < 0:
                            continue
                        docs, tf = segment.postings(at)
                        value = (weight * idf[term] * (K1 + 1)) * tf / (tf + norm[docs])
                        best[docs] = np.maximum(best[docs], value)
                    required &= best > 0
                    score += best
                weighted = True
            else:
                required = np.ones(segment.size, dtype=bool) if mask is None else mask
                score = segment.kind_weights(_KIND_WEIGHTS) / 100
                weighted = False
            for expansion in negative:
                for term in expansion.terms:
                    if not term.startswith(expansion.word):
                        continue  # NOT a word: the word and its completions, never typo variants
                    at = segment.lookup(term)
                    if at >= 0:
                        docs, _tf = segment.postings(at)
                        required[docs] = False
            if self.names:
                required &= segment.kinds <= _KIND_CODE["faction"]
            live = segment.live
            if live is not None:
                required &= live
            if self.per_brief:
                required &= segment.docbrief >= 0
            found = np.flatnonzero(required)
            total += len(found)
            if not len(found):
                continue
            keep = min(len(found), max(limit * 3, 60) if not self.phrases else 2000)
            values = score[found]
            if weighted:
                values *= _KIND_WEIGHTS[segment.kinds[found]]
            if self.per_brief:  # the best document of each brief, over every match
                owners = segment.docbrief[found]
                best = np.full(len(segment.meta["briefs"]), -np.inf, dtype=np.float32)
                np.maximum.at(best, owners, values)
                top = values >= best[owners]
                found, values, owners = found[top], values[top], owners[top]
                _owners, first = np.unique(owners, return_index=True)
                found, values = found[first], values[first]
                keep = min(len(found), limit + 10 if not self.phrases else 2000)
            if keep < len(found):
                top = np.argpartition(-values, keep - 1)[:keep]
                found, values = found[top], values[top]
            candidates += [
                (float(v), seg_number, int(d)) for v, d in zip(values, found, strict=True)
            ]
        hits = self._hits(candidates, limit)
        suggestion = self._suggestion(text, word_groups)
        if self.phrases or self.names:
            total = max(len(hits), min(total, len(hits)))  # verified lazily: only what was checked
        return SearchResult(hits, suggestion, total)

    def _live_df(self, term: str) -> int:
        total = 0
        for segment in self.index.segments:
            at = segment.lookup(term)
            if at < 0:
                continue
            live = segment.live
            if live is None:
                total += segment.df(at)
            else:
                docs, _tf = segment.postings(at)
                total += int(np.count_nonzero(live[docs]))
        return total

    # -- filters --------------------------------------------------------------------------------
    def _term_mask(self, segment: Segment, terms: Iterable[str]) -> np.ndarray:
        mask = np.zeros(segment.size, dtype=bool)
        for term in terms:
            at = segment.lookup(term)
            if at >= 0:
                docs, _tf = segment.postings(at)
                mask[docs] = True
        return mask

    def _filter_mask(self, segment: Segment) -> np.ndarray | None:
        mask: np.ndarray | None = None
        for clause in self.filters:
            part = self._clause_mask(segment, clause)
            if clause.negate:
                part = ~part
            mask = part if mask is None else (mask & part)
        return mask

    def _clause_mask(self, segment: Segment, clause: Clause) -> np.ndarray:
        name = clause.field
        if name == "kind":
            if clause.value == "entity":
                return segment.kinds <= _KIND_CODE["faction"]
            return segment.kinds == _KIND_CODE[clause.value]
        if name in ("actor", "faction"):
            kinds = ("person", "faction") if name == "actor" else ("faction",)
            ids = self._cached(
                ("entity", name, clause.value), lambda: self.index._resolve_entities(clause, kinds)
            )
            return self._term_mask(segment, (filter_term(name, i) for i in ids))
        if name == "brief":
            ids = self._cached(
                ("briefs", clause.value), lambda: self.index._brief_ids(clause.value)
            )
            briefs = segment.meta["briefs"]
            wanted = set(ids)
            own = [i for i, b in enumerate(briefs) if b in wanted]
            mask = np.isin(segment.docbrief, np.array(own, dtype=np.int32))
            return mask | self._term_mask(segment, (filter_term("brief", b) for b in ids))
        if name in ("status", "tag"):
            value = clause.value if name != "tag" else "-".join(clause.words) or clause.value
            values = self._cached(
                ("values", name, value), lambda: self.index._filter_values(name, value)
            )
            if name == "tag" and not values and value != clause.value:
                values = self.index._filter_values(name, clause.value)
            return self._term_mask(segment, (filter_term(name, v) for v in values))
        if name == "year":
            lo, hi = clause.years
            prefix = filter_term("year", "")
            terms = []
            for at in segment.with_prefix(prefix):
                year = segment.terms[at][len(prefix) :]
                if year.isdigit() and lo <= int(year) <= hi:
                    terms.append(segment.terms[at])
            return self._term_mask(segment, terms)
        if name in ("is", "has"):
            return self._state_mask(segment, name, clause.value)
        raise QueryError(f"the field {name}: cannot be searched here")

    def _cached(self, key: tuple[str, ...], compute: Callable[[], list[str]]) -> list[str]:
        cache = self.__dict__.setdefault("_cache", {})
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def _state_mask(self, segment: Segment, name: str, value: str) -> np.ndarray:
        predicates = self.predicates or {}
        wanted = predicates.get((name, value))
        if wanted is None and (name, value) == ("is", "read"):
            unread = predicates.get(("is", "unread"))
            if unread is not None:
                mask = self._state_mask(segment, "is", "unread")
                return ~mask & (segment.docbrief >= 0)
        if wanted is None:
            raise QueryError(
                f"{name}:{value} needs your reading state (notes, bookmarks, read marks), "
                "which is not available here — drop it from the query"
            )
        briefs = segment.meta["briefs"]
        if callable(wanted):
            chosen = [i for i, b in enumerate(briefs) if wanted(b)]
        else:
            ids = set(wanted)
            chosen = [i for i, b in enumerate(briefs) if b in ids]
        return np.isin(segment.docbrief, np.array(chosen, dtype=np.int32))

    # -- results --------------------------------------------------------------------------------
    def _hits(self, candidates: list[tuple[float, int, int]], limit: int) -> list[Hit]:
        candidates.sort(key=lambda c: -c[0])
        query_words = [w for c in self.positive if c.field is None for w in c.words]
        phrase = " ".join(query_words)
        checked: list[tuple[float, str, list[Any]]] = []
        verify = bool(self.phrases or self.names)
        # records are read only for what can still make the cut (a name bonus can lift a
        # person or faction from the second rank; the per-brief list has none)
        reads = limit + 10 if self.per_brief else limit * 2 + 20
        for score, seg_number, number in candidates:
            if not verify and len(checked) >= reads:
                break
            record = self.index.segments[seg_number].record(number)
            _kind, key, title, text, _brief, _item, names = record[:7]
            if self.phrases or self.names:
                haystack = " " + " ".join(words(f"{title}\n{text}")) + " "
                if any((f" {' '.join(p)} " in haystack) == negated for negated, p in self.phrases):
                    continue
                if self.names and not all(
                    any(_name_has(n, wanted) for n in names or [title]) for wanted in self.names
                ):
                    continue
            if phrase and names and any(" ".join(words(n)) == phrase for n in names):
                score *= NAME_BONUS
            checked.append((round(score, 4), key, record))
            if verify and len(checked) >= limit * 3:
                break
        checked.sort(key=lambda c: (-c[0], _KIND_CODE[c[2][0]], c[1]))
        if self.per_brief:  # across segments too
            seen: set[str] = set()
            checked = [c for c in checked if c[2][4] not in seen and not seen.add(c[2][4])]
        return [self._hit(score, record) for score, _key, record in checked[:limit]]

    def _hit(self, score: float, record: list[Any]) -> Hit:
        kind, key, title, text, brief, item = record[:6]
        terms = self.highlight_terms
        snippet, spans = snippet_with_spans(text, terms, pattern=self._pattern())
        title_spans = tuple(matched_spans(title, terms, self._pattern()))
        return Hit(kind, key, title, snippet, spans, score, brief, item, title_spans)

    def _pattern(self) -> re.Pattern[str] | None:
        if "_compiled" not in self.__dict__:
            self.__dict__["_compiled"] = _compile(self.highlight_terms)
        return self.__dict__["_compiled"]

    def _suggestion(self, text: str, groups: list[_Expansion]) -> str | None:
        corrections = {g.word: g.correction for g in groups if g.correction}
        if not corrections:
            return None
        folded = fold(text)
        for word, better in corrections.items():
            folded = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", better, folded)
        return folded if folded != fold(text) else None


def _name_has(name: str, wanted: tuple[str, ...]) -> bool:
    name_words = words(name)
    return all(any(_word_matches(q, w) for w in name_words) for q in wanted)


def _compile(terms: set[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def matched_spans(
    text: str, terms: set[str], pattern: re.Pattern[str] | None = None
) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` whose folded form is one of ``terms`` (``pattern``: the
    terms compiled by the caller once for many texts)."""
    if not terms:
        return []
    if not text.isascii():
        return [(s, e) for s, e, w in word_spans(text) if w in terms]
    pattern = pattern or _compile(terms)
    assert pattern is not None
    return [m.span() for m in pattern.finditer(text.lower())]


def snippet_with_spans(
    text: str, terms: set[str], width: int = 160, pattern: re.Pattern[str] | None = None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line window of ``text`` around its first matched word, and the matched spans in it."""
    flat = " ".join(text.split())
    return crop(flat, matched_spans(flat, terms, pattern), width)


def crop(
    text: str, spans: Iterable[tuple[int, int]], width: int
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """At most ``width`` characters of one-line ``text`` around its first span (``…`` where it
    was cut), with the spans that fall inside, shifted to match."""
    spans = list(spans)
    if len(text) <= width:
        return text, tuple(spans)
    start = 0
    if spans:
        start = max(0, spans[0][0] - width // 4)
        space = text.rfind(" ", 0, start)
        start = start if space < 0 or start - space > 20 else space + 1
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return prefix + text[start:end] + suffix, inside


__all__ = ["Hit", "Predicates", "SearchIndex", "SearchResult", "crop", "snippet_with_spans"]
