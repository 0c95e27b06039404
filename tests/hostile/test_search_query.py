"""Hostile queries: whatever is typed into `brief search`, the Library filter or the palette, only
QueryError (one line) comes out of the search engine — never another exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.search import FIELDS, QueryError, SearchIndex, documents, parse
from tui.search.adapter import library_of

PIECES = st.sampled_from(
    [*(f"{f}:" for f in FIELDS), "-", '"', " ", "..", "kind:person", "year:1..", "year:..",
     "dostom", "iran", "é", "\x1b[2J", "[b]", ":", "--", '-"', "\u202e", "\x00", "9999", "ß", "ﬁ"]
)  # fmt: skip
QUERIES = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=12).map("".join)


@pytest.fixture(scope="module")
def index(store) -> SearchIndex:
    return SearchIndex.build(documents(library_of(store)))


@settings(max_examples=150, deadline=None)
@given(QUERIES)
def test_parse_raises_only_query_errors(text):
    try:
        query = parse(text)
    except QueryError as error:
        assert "\n" not in str(error) and str(error)
        return
    for clause in query.clauses:
        assert clause.words or clause.field not in (None, "name")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(QUERIES, st.integers(min_value=-3, max_value=300))
def test_search_raises_only_query_errors(index, text, limit):
    predicates = {("is", "unread"): {"afghan-national-consensus"}, ("has", "note"): lambda b: True}
    try:
        result = index.search(text, limit, predicates=predicates)
    except QueryError as error:
        assert "\n" not in str(error)
        return
    for hit in result.hits:
        for start, end in hit.highlights:
            assert 0 <= start < end <= len(hit.snippet)


def test_an_enormous_query_is_refused_in_one_line():
    with pytest.raises(QueryError, match="characters long"):
        parse("dostum " * 1000)
    with pytest.raises(QueryError, match="more than 32 parts"):
        parse(" ".join(f"w{i}" for i in range(40)))
