"""Opaque pagination cursors: a list's scope and the sort key of the last item handed out.

A cursor is URL-safe base64 of a small JSON array ``[scope, key...]``. The
scope names the list *and* its parameters (filter, search text), so a cursor
handed out for one list is refused by any other, instead of silently resuming
at a meaningless place.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Sequence

from search_index.errors import BadCursor

#: What a sort key may hold: JSON scalars only, so a cursor stays small and portable.
KeyPart = str | int | float | None

_VERSION = 1


def scope_of(name: str, *params: object) -> str:
    """A short tag for one list with its parameters (two different filters, two scopes)."""
    canonical = json.dumps([name, *params], sort_keys=True, default=str, separators=(",", ":"))
    return f"{name}:{hashlib.blake2b(canonical.encode(), digest_size=6).hexdigest()}"


def encode(scope: str, key: Sequence[KeyPart]) -> str:
    """The cursor that resumes ``scope`` right after the item whose sort key is ``key``."""
    payload = json.dumps([_VERSION, scope, *key], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode(cursor: str, scope: str, shape: Sequence[type]) -> tuple[KeyPart, ...]:
    """The sort key in ``cursor``, checked against the list's ``scope`` and key ``shape``.

    ``shape`` gives the type of each key part; ``float`` also accepts an int
    (JSON does not keep the difference) and every part may be None.
    """
    parts = _parse(cursor)
    if len(parts) != len(shape) + 2 or parts[0] != _VERSION or parts[1] != scope:
        raise BadCursor("this cursor does not belong to this list")
    return tuple(_part(value, expected) for value, expected in zip(parts[2:], shape, strict=True))


def _parse(cursor: str) -> list[object]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        parts = json.loads(raw.decode())
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise BadCursor("malformed cursor") from error
    if not isinstance(parts, list):
        raise BadCursor("malformed cursor")
    return parts


def _part(value: object, expected: type) -> KeyPart:
    if value is None:
        return None
    if isinstance(value, bool):  # JSON true/false is never a sort key
        raise BadCursor("malformed cursor")
    if expected is float and isinstance(value, int | float):
        return float(value)
    if expected in (str, int) and isinstance(value, expected):
        return value
    raise BadCursor("malformed cursor")
