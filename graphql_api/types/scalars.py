"""``Date`` and ``DateTime``: ISO 8601, and a date-time must say its UTC offset.

A date-time without an offset names no instant; refusing it at the edge says
so clearly instead of letting a server time zone guess.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from operator import methodcaller

from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.types.scalar import ScalarDefinition


def parse_date(value: object) -> date:
    """An ISO 8601 calendar date ("2022-09-14")."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise StrawberryInputCoercionError(f"Date must be an ISO 8601 date like 2022-09-14, not {value!r}")


def parse_datetime(value: object) -> datetime:
    """An ISO 8601 date-time with its offset ("2022-09-22T16:47:00+00:00" or "...Z")."""
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is not None and parsed.utcoffset() is not None:
            return parsed
    raise StrawberryInputCoercionError(
        f"DateTime must be ISO 8601 with an offset, like 2022-09-22T16:47:00+00:00, not {value!r}"
    )


def _iso_scalar(
    name: str, description: str, origin: type, parse_value: Callable[[object], object]
) -> ScalarDefinition:
    # Both scalars serialize with the value's own isoformat() and take no literals of their own.
    return ScalarDefinition(
        name=name,
        description=description,
        specified_by_url=None,
        serialize=methodcaller("isoformat"),
        parse_value=parse_value,
        parse_literal=None,
        origin=origin,
    )


DATE = _iso_scalar("Date", "An ISO 8601 calendar date, e.g. 2022-09-14.", date, parse_date)

DATETIME = _iso_scalar(
    "DateTime",
    "An ISO 8601 date-time with its UTC offset, e.g. 2022-09-22T16:47:00+00:00.",
    datetime,
    parse_datetime,
)

#: What the schema's config maps Python types to.
SCALARS: dict[object, ScalarDefinition] = {date: DATE, datetime: DATETIME}
