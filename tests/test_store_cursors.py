"""Opaque cursors: round trip, scope and shape checks."""

from __future__ import annotations

import pytest

from search_index import cursors
from search_index.errors import BadCursor


def test_a_cursor_round_trips_its_key() -> None:
    scope = cursors.scope_of("articles", {"sources": ["Interfax"]})
    key = (0, "00000001663843620.000000", "art-01")
    cursor = cursors.encode(scope, key)
    assert cursor.isascii() and "=" not in cursor
    assert cursors.decode(cursor, scope, [int, str, str]) == key


def test_a_float_key_accepts_a_whole_number() -> None:
    scope = cursors.scope_of("people", "marat")
    assert cursors.decode(cursors.encode(scope, (100, "p1")), scope, [float, str]) == (100.0, "p1")


def test_scopes_differ_with_their_parameters() -> None:
    assert cursors.scope_of("people", "a") != cursors.scope_of("people", "b")
    assert cursors.scope_of("people", None) != cursors.scope_of("organizations", None)
    assert cursors.scope_of("x", {"a": 1, "b": 2}) == cursors.scope_of("x", {"b": 2, "a": 1})


@pytest.mark.parametrize(
    "key, shape",
    [
        (("a", "b"), [int, str]),  # a string where a number belongs
        ((True, "b"), [int, str]),  # a boolean is no sort key
        (("a",), [str, str]),  # too short
        (("a", "b", "c"), [str, str]),  # too long
    ],
)
def test_a_key_of_the_wrong_shape_is_refused(key: tuple[object, ...], shape: list[type]) -> None:
    scope = cursors.scope_of("articles")
    cursor = cursors.encode(scope, key)  # type: ignore[arg-type]
    with pytest.raises(BadCursor):
        cursors.decode(cursor, scope, shape)


@pytest.mark.parametrize("junk", ["", "!!!", "bm90IGpzb24", "e30", "WzEsMl0"])
def test_junk_is_refused(junk: str) -> None:
    with pytest.raises(BadCursor):
        cursors.decode(junk, cursors.scope_of("articles"), [str])


def test_a_cursor_of_another_list_is_refused() -> None:
    cursor = cursors.encode(cursors.scope_of("people", "a"), ("x", "y"))
    with pytest.raises(BadCursor):
        cursors.decode(cursor, cursors.scope_of("people", "b"), [str, str])
