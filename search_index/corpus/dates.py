"""Dates an article states: the date line of a .txt file, ``publishedAt`` of a .json object.

A date that names no zone is taken as UTC: the files carry no zone of their own
and UTC is the one choice that does not depend on the machine reading them.
Nothing here guesses: a line that is not wholly a date, or a date that can be
read two ways (``03/04/2022``), gives None rather than a date.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

_WEEKDAY = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)
# Words a site puts before its date ("Published: 22 Sep 2022").
_LEAD_IN = re.compile(
    r"^(?:published|posted|date|first published)\s*(?:on)?\s*:?\s+", re.IGNORECASE
)
_ZONE_UTC = re.compile(r"\s*\b(?:UTC|GMT|Z)$", re.IGNORECASE)
_MERIDIEM = re.compile(r"\b([ap])\.?\s?m\.?$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
# 03/04/2022: the 3rd of April in London, the 4th of March in New York.
_SLASHED = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# Digits and separators only: a date stamp whether or not it can be read.
_MOSTLY_DATE = re.compile(r"^[\d\s/.:,\-+]+$")
_FEWEST_DATE_DIGITS = 4  # "2022", "3/4/22": fewer is a number, not a date
_LONGEST_DATE_LINE = 60

# Strict forms, tried in order on a normalized line (see `_normalize`).
_FORMATS = (
    "%d %b %Y %H:%M",
    "%d %b %Y %H:%M:%S",
    "%d %b %Y",
    "%d %B %Y %H:%M",
    "%d %B %Y %H:%M:%S",
    "%d %B %Y",
    "%b %d %Y %I:%M %p",
    "%b %d %Y %H:%M",
    "%b %d %Y",
    "%B %d %Y %I:%M %p",
    "%B %d %Y %H:%M",
    "%B %d %Y",
    # Dotted numeric dates are day-first wherever they are written (Europe, the CIS).
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
)


def as_utc_if_naive(moment: datetime) -> datetime:
    """The same moment, with UTC attached when it states no zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def parse_iso(value: str) -> datetime:
    """An ISO 8601 date-time, or a date alone (00:00 that day); UTC when no zone is given.

    Raises ValueError when ``value`` is not ISO 8601.
    """
    text = value.strip()
    if not text or not text[0].isdigit():
        raise ValueError(f"not an ISO 8601 date: {value!r}")
    return as_utc_if_naive(datetime.fromisoformat(text))


def _normalize(line: str) -> str:
    """One spelling for the many ways a date line is written, for the strict formats."""
    text = " ".join(line.replace("\u00a0", " ").split())
    text = _LEAD_IN.sub("", text)
    text = _WEEKDAY.sub("", text)
    text = text.replace(",", " ")
    text = re.sub(r"\bSept\b\.?", "Sep", text)
    text = re.sub(r"\b([A-Z][a-z]{2})\.", r"\1", text)  # "Oct." -> "Oct"
    text = _MERIDIEM.sub(lambda m: f"{m.group(1).upper()}M", text)
    return " ".join(text.split())


def _strict(line: str) -> datetime | None:
    """The date in ``line`` when it matches one of the strict forms exactly."""
    text = _normalize(line)
    zone_named_utc = bool(_ZONE_UTC.search(text))
    text = _ZONE_UTC.sub("", text)
    for form in _FORMATS:
        try:
            moment = datetime.strptime(text, form)
        except ValueError:
            continue
        return moment.replace(tzinfo=UTC)
    if not zone_named_utc and text[:1].isdigit():
        try:
            return parse_iso(text)
        except ValueError:
            return None
    return None


# Absolute dates only: no "2 days ago" (relative to the reader's clock), no Unix
# timestamps (any number would do), and day, month and year all written out.
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "UTC",
}


def _lenient(line: str) -> datetime | None:
    """dateparser, for forms the strict list lacks (other languages, named zones)."""
    import dateparser  # slow to import; most lines never need it

    found = dateparser.parse(_LEAD_IN.sub("", line.strip()), settings=_DATEPARSER_SETTINGS)
    return None if found is None else as_utc_if_naive(found)


def parse_date_line(line: str) -> datetime | None:
    """The moment a line states when the whole line is a date, else None.

    ``22 Sep 2022 16:47``, ``2022-09-22``, ``September 22, 2022``, ``22.09.2022 16:47``,
    ``Sep 22, 2022 4:47 PM``, ``2022-09-22T16:47:00+06:00``, ``22 сентября 2022`` ... are
    dates; a stated zone is kept (as the same instant), no zone means UTC. A title that
    merely contains a date is not a date line, and ``03/04/2022`` (which day?) is None.
    """
    text = line.strip()
    if not text or len(text) > _LONGEST_DATE_LINE or not _YEAR.search(text):
        return None
    if _SLASHED.search(text):
        return None
    return _strict(text) or _lenient(text)


def looks_like_date(line: str) -> bool:
    """True for a line of digits and separators only (``03/04/2022``): no title, no text."""
    text = line.strip()
    digits = sum(c.isdigit() for c in text)
    return bool(_MOSTLY_DATE.match(text)) and digits >= _FEWEST_DATE_DIGITS
