"""One immutable piece of the index: its vocabulary, postings, per-document arrays and records.

A segment is built from :class:`SearchDoc` objects in one pass, kept in memory, or written to a
directory as a handful of files that open lazily (see the package docstring for the layout).
"""

from __future__ import annotations

import bisect
import gc
import os
import shutil
from array import array
from collections import _count_elements  # type: ignore[attr-defined]
from collections.abc import Iterable
from functools import cached_property
from itertools import count
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import orjson

from .docs import KINDS, SearchDoc
from .text import deletions, skeleton, words

TITLE_WEIGHT = 3  # a word in a title or name counts as this many in the body
FILTER = "\x01"  # filter terms ("\x01tag=iran") sort before every word
FORMAT = 1
PART_KINDS = frozenset({"summary", "takeaway", "sentence"})


def filter_term(field: str, value: str) -> str:
    return f"{FILTER}{field}={value}"


class _FilterTerms(dict):
    """(field, value) → :func:`filter_term`, made once per pair; None for ``kind``."""

    def __missing__(self, pair: tuple[str, str]) -> str | None:
        term = None if pair[0] == "kind" else filter_term(*pair)
        self[pair] = term
        return term


_T = TypeVar("_T")


def _long_lived(value: _T) -> _T:
    """``value`` (read at the first typo-tolerant search: ≈ 100,000 lists at 10,000 briefs, kept
    as long as the index) out of the collector's full passes, as the index's opening does: each
    pass walked them, 60–140 ms, while keys were pressed or a page opened."""
    gc.freeze()
    return value


class Segment:
    """Postings and records of a set of documents. ``dead`` groups are tombstoned (replaced by a
    later segment); they are masked out of every search."""

    def __init__(self, name: str, path: Path | None = None) -> None:
        self.name = name
        self.path = path
        self.dead_groups: set[str] = set()
        self._records: list[list[Any]] | None = None
        self._live: np.ndarray | None = None

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, docs: Iterable[SearchDoc], name: str) -> Segment:
        vocab: dict[str, int] = {}
        t_ids = array("I")
        t_docs = array("I")
        t_tf = array("f")
        doclen = array("f")
        kinds = array("B")
        docbrief = array("i")
        briefs: dict[str, int] = {}
        groups: dict[str, list[int]] = {}
        entities: list[list[Any]] = []
        records: list[list[Any]] = []
        kind_code = {k: i for i, k in enumerate(KINDS)}
        # filter pair → its term (None for kind: a per-document array already, no postings)
        filter_terms = _FilterTerms()
        # ids handed out in posting order (not contiguous: they are ranked by term below)
        setdefault = vocab.setdefault
        next_id = count()
        for number, doc in enumerate(docs):
            kind = doc.kind
            # a takeaway's, paragraph's or sentence's title is its brief's: shown, not indexed
            title_words = words(doc.title) if kind not in PART_KINDS else []
            for name_text in doc.names[1:]:
                title_words += words(name_text)
            body_words = words(doc.text)
            counts: dict[str, float] = {}
            _count_elements(counts, body_words)
            for word in title_words:
                counts[word] = counts.get(word, 0) + TITLE_WEIGHT
            # filter postings (count 0); kind and own brief are per-document arrays already
            zeros = dict.fromkeys(map(filter_terms.__getitem__, doc.filters), 0)
            zeros.pop(None, None)
            if doc.brief is not None:
                zeros.pop(filter_terms[("brief", doc.brief)], None)
            counts.update(zeros)
            t_ids.extend(map(setdefault, counts, next_id))
            t_docs.extend([number] * len(counts))
            t_tf.extend(counts.values())
            doclen.append(len(title_words) + len(body_words))
            kinds.append(kind_code[kind])
            if doc.brief is None:
                docbrief.append(-1)
            else:
                docbrief.append(briefs.setdefault(doc.brief, len(briefs)))
            span = groups.setdefault(doc.group, [number, number + 1])
            span[1] = number + 1
            if kind in ("person", "faction"):
                entities.append([number, doc.key, kind, list(doc.names or (doc.title,))])
            records.append(
                [
                    kind, doc.key, doc.title, doc.text, doc.brief, doc.item,
                    doc.names, doc.filters, doc.group,
                ]
            )  # fmt: skip
        segment = cls(name)
        terms = sorted(vocab)
        rank = np.empty(next(next_id), dtype=np.uint32)
        for new, term in enumerate(terms):
            rank[vocab[term]] = new
        term_arr = (
            rank[np.frombuffer(t_ids, dtype=np.uint32)] if len(t_ids) else np.zeros(0, np.uint32)
        )
        doc_arr = np.frombuffer(t_docs, dtype=np.uint32)
        tf_arr = np.frombuffer(t_tf, dtype=np.float32)
        order = np.lexsort((doc_arr, term_arr))
        counts_per_term = np.bincount(term_arr, minlength=len(terms)) if len(terms) else np.zeros(0)
        offsets = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum(counts_per_term, out=offsets[1:])
        segment.__dict__.update(
            terms=terms,
            offsets=offsets,
            pdoc=np.ascontiguousarray(doc_arr[order]),
            ptf=np.ascontiguousarray(tf_arr[order]),
            doclen=np.frombuffer(doclen, dtype=np.float32).copy(),
            kinds=np.frombuffer(kinds, dtype=np.uint8).copy(),
            docbrief=np.frombuffer(docbrief, dtype=np.int32).copy(),
            meta={
                "format": FORMAT,
                "briefs": list(briefs),
                "groups": groups,
                "entities": entities,
                "size": len(records),
            },
        )
        segment._records = records
        return segment

    @cached_property
    def fuzzy(self) -> dict[str, list[int]]:
        """Skeleton key → indices of the words that have it (words of three letters or more)."""
        keys: dict[str, list[int]] = {}
        if self.path is not None and (self.path / "fuzzy.json").exists():
            return _long_lived(orjson.loads((self.path / "fuzzy.json").read_bytes()))
        for number, term in enumerate(self.terms):
            if len(term) >= 3 and term.isalpha():
                keys.setdefault(skeleton(term), []).append(number)
        return keys

    @cached_property
    def near_keys(self) -> dict[str, list[str]]:
        """Skeleton with one letter dropped → the skeletons it came from (symmetric-delete typos)."""
        if self.path is not None and (self.path / "near.json").exists():
            return _long_lived(orjson.loads((self.path / "near.json").read_bytes()))
        near: dict[str, list[str]] = {}
        for key in self.fuzzy:
            for shorter in sorted(deletions(key)):  # a set: its order would vary by process
                near.setdefault(shorter, []).append(key)
        return near

    # -- files ----------------------------------------------------------------------------------
    def write(self, directory: Path) -> None:
        """Write the segment to ``directory`` (created; replaced atomically if it exists)."""
        tmp = directory.with_name(directory.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        (tmp / "meta.json").write_bytes(orjson.dumps(self.meta))
        (tmp / "terms.json").write_bytes(orjson.dumps(self.terms))
        (tmp / "fuzzy.json").write_bytes(orjson.dumps(self.fuzzy))
        (tmp / "near.json").write_bytes(orjson.dumps(self.near_keys))
        for name in ("offsets", "pdoc", "ptf", "doclen", "kinds", "docbrief"):
            np.save(tmp / f"{name}.npy", np.asarray(getattr(self, name)))
        offsets = array("q", [0])
        with open(tmp / "docs.bin", "wb") as out:
            position = 0
            for number in range(self.size):
                blob = orjson.dumps(self.record(number))
                out.write(blob)
                position += len(blob)
                offsets.append(position)
        np.save(tmp / "docs_off.npy", np.frombuffer(offsets, dtype=np.int64))
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(tmp, directory)

    @classmethod
    def open(cls, directory: Path, name: str, dead_groups: Iterable[str] = ()) -> Segment:
        segment = cls(name, directory)
        segment.dead_groups = set(dead_groups)
        return segment

    def _load(self, name: str) -> np.ndarray:
        assert self.path is not None
        return np.load(self.path / f"{name}.npy", mmap_mode="r")

    @cached_property
    def meta(self) -> dict[str, Any]:
        assert self.path is not None
        return orjson.loads((self.path / "meta.json").read_bytes())

    @cached_property
    def terms(self) -> list[str]:
        assert self.path is not None
        return orjson.loads((self.path / "terms.json").read_bytes())

    @cached_property
    def offsets(self) -> np.ndarray:
        return np.asarray(self._load("offsets"))

    @cached_property
    def pdoc(self) -> np.ndarray:
        return self._load("pdoc")

    @cached_property
    def ptf(self) -> np.ndarray:
        return self._load("ptf")

    @cached_property
    def doclen(self) -> np.ndarray:
        return np.asarray(self._load("doclen"))

    @cached_property
    def kinds(self) -> np.ndarray:
        return np.asarray(self._load("kinds"))

    @cached_property
    def docbrief(self) -> np.ndarray:
        return np.asarray(self._load("docbrief"))

    @cached_property
    def _doc_offsets(self) -> np.ndarray:
        return self._load("docs_off")

    @cached_property
    def _doc_file(self) -> Any:
        assert self.path is not None
        return open(self.path / "docs.bin", "rb")

    # -- reading --------------------------------------------------------------------------------
    @property
    def size(self) -> int:
        return int(self.meta["size"])

    def record(self, number: int) -> list[Any]:
        """``[kind, key, title, text, brief, item, names, filters, group]`` of a document."""
        if self._records is not None:
            return self._records[number]
        start, end = int(self._doc_offsets[number]), int(self._doc_offsets[number + 1])
        handle = self._doc_file
        handle.seek(start)
        return orjson.loads(handle.read(end - start))

    def lookup(self, term: str) -> int:
        """Index of ``term`` in the vocabulary, or -1."""
        terms = self.terms
        at = bisect.bisect_left(terms, term)
        return at if at < len(terms) and terms[at] == term else -1

    def with_prefix(self, prefix: str) -> range:
        terms = self.terms
        start = bisect.bisect_left(terms, prefix)
        end = bisect.bisect_left(terms, prefix + "\U0010ffff", start)
        return range(start, end)

    def postings(self, term_index: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = int(self.offsets[term_index]), int(self.offsets[term_index + 1])
        return np.asarray(self.pdoc[start:end]), np.asarray(self.ptf[start:end])

    def df(self, term_index: int) -> int:
        return int(self.offsets[term_index + 1] - self.offsets[term_index])

    def length_norm(self, k1: float, b: float, average: float) -> np.ndarray:
        """BM25's per-document length factor, cached for the current average length."""
        cached = self.__dict__.get("_norm")
        if cached is None or cached[0] != average:
            norm = (k1 * (1 - b + b * self.doclen / average)).astype(np.float32)
            cached = self.__dict__["_norm"] = (average, norm)
        return cached[1]

    def kind_weights(self, weights: np.ndarray) -> np.ndarray:
        cached = self.__dict__.get("_kind_weights")
        if cached is None:
            cached = self.__dict__["_kind_weights"] = weights[self.kinds]
        return cached

    # -- tombstones -----------------------------------------------------------------------------
    def kill(self, groups: Iterable[str]) -> None:
        spans = self.meta["groups"]
        for group in groups:
            if group in spans and group not in self.dead_groups:
                self.dead_groups.add(group)
                if self._live is not None:
                    start, end = spans[group]
                    self._live[start:end] = False
                self.__dict__.pop("live_count", None)
                self.__dict__.pop("live_length", None)

    @property
    def live(self) -> np.ndarray | None:
        """Mask of the documents not tombstoned, or None when every one is live."""
        if not self.dead_groups:
            return None
        if self._live is None:
            live = np.ones(self.size, dtype=bool)
            spans = self.meta["groups"]
            for group in self.dead_groups:
                start, end = spans[group]
                live[start:end] = False
            self._live = live
        return self._live

    @cached_property
    def live_count(self) -> int:
        live = self.live
        return self.size if live is None else int(np.count_nonzero(live))

    @cached_property
    def live_length(self) -> float:
        live = self.live
        return float(self.doclen.sum() if live is None else self.doclen[live].sum())

    def live_groups(self) -> list[str]:
        return [g for g in self.meta["groups"] if g not in self.dead_groups]

    def live_records(self) -> Iterable[list[Any]]:
        live = self.live
        for number in range(self.size):
            if live is None or live[number]:
                yield self.record(number)

    def close(self) -> None:
        handle = self.__dict__.pop("_doc_file", None)
        if handle is not None:
            handle.close()


def record_to_doc(record: list[Any]) -> SearchDoc:
    kind, key, title, text, brief, item, names, filters, group = record
    return SearchDoc(
        kind, key, title, text, group, brief, item, tuple(names), tuple((f, v) for f, v in filters)
    )
