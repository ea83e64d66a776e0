"""Keyset cursors and sort keys, as pure functions."""

from __future__ import annotations

import base64
import json

import pytest

from search_index.errors import BadCursor, BadInput
from search_index.fulltext.cursors import (
    SortKey,
    decode_cursor,
    encode_cursor,
    page_after,
    scope,
    sort_key,
)
from search_index.models import SearchSort

SCOPE = scope(SearchSort.RELEVANCE, "articles", "border", "")


def test_a_cursor_round_trips_its_key_exactly() -> None:
    key = (-0.6584451431117992, "seed-interfax")
    cursor = encode_cursor(SCOPE, key)
    assert "=" not in cursor and "+" not in cursor and "/" not in cursor
    assert decode_cursor(cursor, SCOPE, SearchSort.RELEVANCE) == key


def test_scopes_differ_by_sort_query_and_filter() -> None:
    scopes = {
        SCOPE,
        scope(SearchSort.NEWEST, "articles", "border", ""),
        scope(SearchSort.RELEVANCE, "articles", "borders", ""),
        scope(SearchSort.RELEVANCE, "articles", "border", '{"sources":["TASS"]}'),
        scope(SearchSort.RELEVANCE, "statements", "border", ""),
    }
    assert len(scopes) == 5


def _forge(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "%%%",
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
        _forge([1, 2]),
        _forge({"s": SCOPE}),
        _forge({"s": SCOPE, "k": [1.0]}),
        _forge({"s": SCOPE, "k": ["a", "b"]}),
        _forge({"s": SCOPE, "k": [True, "b"]}),
        _forge({"s": "RELEVANCE:0000", "k": [1.0, "b"]}),
    ],
)
def test_cursors_this_service_did_not_make_are_refused(cursor: str) -> None:
    with pytest.raises(BadCursor):
        decode_cursor(cursor, SCOPE, SearchSort.RELEVANCE)


def test_date_keys_put_undated_last_both_ways() -> None:
    dated_old = "2021-01-01T00:00:00.000000"
    dated_new = "2023-01-01T00:00:00.000000"
    for sort in (SearchSort.NEWEST, SearchSort.OLDEST):
        keys = [sort_key(sort, 1.0, i, t) for i, t in (("u", ""), ("o", dated_old), ("n", dated_new))]
        ordered = [key[-1] for key in sorted(keys)]
        assert ordered == (["n", "o", "u"] if sort is SearchSort.NEWEST else ["o", "n", "u"])


def test_relevance_keys_put_the_best_first_then_ids() -> None:
    keys = [sort_key(SearchSort.RELEVANCE, score, i, "") for score, i in ((1.0, "b"), (2.0, "c"), (1.0, "a"))]
    assert [key[-1] for key in sorted(keys)] == ["c", "a", "b"]


def test_pages_resume_after_the_key_not_at_an_offset() -> None:
    items: list[tuple[SortKey, str]] = [((float(n), f"id{n}"), f"id{n}") for n in (1, 2, 3, 4, 5)]
    page, has_next = page_after(items, None, 2)
    assert [item for _, item in page] == ["id1", "id2"] and has_next
    last = page[-1][0]
    # An item ranked before the cursor appears meanwhile: the next page does not shift.
    grown = [((0.5, "id0"), "id0"), *items]
    page, has_next = page_after(grown, last, 2)
    assert [item for _, item in page] == ["id3", "id4"] and has_next
    page, has_next = page_after(grown, page[-1][0], 2)
    assert [item for _, item in page] == ["id5"] and not has_next


def test_a_negative_page_size_is_bad_input() -> None:
    with pytest.raises(BadInput):
        page_after([], None, -1)
