"""Keyset pagination: sort keys, opaque cursors, and cutting one page out of a ranked list.

A cursor is base64url JSON of the last item's sort key plus a scope (the sort
order and a fingerprint of the query and filter). The next page starts after
that key, not at an offset, so an article added meanwhile shifts nothing. A
cursor from another query or sort order is refused rather than silently
misapplied.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime
from typing import Final, TypeVar

from search_index.errors import BadCursor, BadInput
from search_index.models import SearchSort

#: What a sort key holds: ascending order of keys is the order of results.
SortKey = tuple[int | float | str, ...]
T = TypeVar("T")

_TIME_FORMAT: Final = "%Y-%m-%dT%H:%M:%S.%f"
_EPOCH: Final = datetime(1970, 1, 1)

#: The types of each position of a key, per sort order; a cursor must match them.
_SHAPES: Final[dict[SearchSort, tuple[type, ...]]] = {
    SearchSort.RELEVANCE: (float, str),
    SearchSort.NEWEST: (int, int, str),
    SearchSort.OLDEST: (int, int, str),
}


def _micros(time_key: str) -> int:
    """Microseconds since the epoch of a schema time key."""
    moment = datetime.strptime(time_key, _TIME_FORMAT)
    return (moment - _EPOCH) // _EPOCH.resolution


def sort_key(sort: SearchSort, score: float, doc_id: str, time_key: str) -> SortKey:
    """The key ranking one hit: best score first, or newest/oldest with the undated last; id breaks ties."""
    if sort is SearchSort.RELEVANCE:
        return (-score, doc_id)
    undated = 1 if not time_key else 0
    micros = _micros(time_key) if time_key else 0
    return (undated, -micros if sort is SearchSort.NEWEST else micros, doc_id)


def scope(sort: SearchSort, *parts: str) -> str:
    """What a cursor is valid for: this sort order over this query and filter."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{sort.value}:{digest}"


def encode_cursor(cursor_scope: str, key: SortKey) -> str:
    """An opaque, URL-safe cursor that resumes after ``key``."""
    payload = json.dumps({"s": cursor_scope, "k": list(key)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode("utf-8")).rstrip(b"=").decode("ascii")


def _fits(value: object, wanted: type) -> bool:
    if isinstance(value, bool):
        return False
    if wanted is float:
        return isinstance(value, int | float)
    return isinstance(value, wanted)


def decode_cursor(cursor: str, cursor_scope: str, sort: SearchSort) -> SortKey:
    """The sort key in ``cursor``; :class:`BadCursor` unless this service made it for this scope."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise BadCursor("malformed cursor: pass back an endCursor this service returned") from error
    if not isinstance(data, dict) or not isinstance(data.get("k"), list):
        raise BadCursor("malformed cursor: pass back an endCursor this service returned")
    if data.get("s") != cursor_scope:
        raise BadCursor("this cursor belongs to another query, filter or sort order")
    shape = _SHAPES[sort]
    key = data["k"]
    if len(key) != len(shape) or not all(map(_fits, key, shape)):
        raise BadCursor("malformed cursor: pass back an endCursor this service returned")
    return tuple(float(v) if t is float else v for v, t in zip(key, shape, strict=True))


def page_after(
    ranked: Sequence[tuple[SortKey, T]], after: SortKey | None, first: int
) -> tuple[list[tuple[SortKey, T]], bool]:
    """Up to ``first`` items following ``after`` in key order, and whether more follow them."""
    if first < 0:
        raise BadInput("first must not be negative")
    ordered = sorted(ranked, key=lambda item: item[0])
    start = 0 if after is None else bisect_right([key for key, _ in ordered], after)
    return ordered[start : start + first], start + first < len(ordered)
