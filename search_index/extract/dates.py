"""Dates a news text states, resolved to calendar days against the article's own date.

News rarely writes a year: "on September 14", "on Friday", "Sept 14-16". Each is
read relative to the day the article was published (its *anchor*). The rules:

- a day and month without a year takes the anchor's year, or the year before when
  that would put it more than a day after the anchor (stories are about the past;
  the one day of slack covers time zones);
- a weekday is the last such day on or before the anchor;
- "yesterday", "today", "last month", "last year" are what they say, a month or a
  year being an honest range from its first to its last day;
- with no anchor only dates that write their year resolve: nothing is read
  against today's clock.

Everything is done with a handful of regular expressions rather than dateparser's
``search_dates``: that one reads "May" and "March" in any sentence as months, resolves
against the reader's clock unless told otherwise, and loses the characters a date
came from, while every date found here keeps its exact span.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Month names are matched case-sensitively: "may" and "march" are also verbs.
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|2[01])\d\d"
_TO = r"\s*(?:-|–|—|to|through|till|until)\s*"
_END = r"(?![\w-])"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or date range written in a text: ``text == source[span_start:span_end]``."""

    start: date
    end: date
    span_start: int
    span_end: int
    text: str


# --- Resolving parts against the anchor --------------------------------------


def _month_number(word: str) -> int:
    return _MONTHS[word.rstrip(".")[:3].lower()]


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, anchor: date | None) -> date | None:
    """The day ``month``/``day`` most recently before ``anchor`` (one day's slack), or None.

    None when there is no anchor (no year can be assumed) or the day does not exist.
    """
    if anchor is None:
        return None
    found = _safe_date(anchor.year, month, day)
    if found is not None and found <= anchor + timedelta(days=1):
        return found
    return _safe_date(anchor.year - 1, month, day)


def last_weekday(weekday: int, anchor: date) -> date:
    """The last day with this weekday (Monday is 0) on or before ``anchor``."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def month_range(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _day_range(
    month1: int, day1: int, month2: int, day2: int, year: str | None, anchor: date | None
) -> tuple[date, date] | None:
    """A range of days; its year from ``year`` if written, else inferred from its end."""
    if year is not None:
        end = _safe_date(int(year), month2, day2)
    else:
        end = infer_year(month2, day2, anchor)
    if end is None:
        return None
    # "December 30 to January 2" starts in the year before it ends.
    start_year = end.year - 1 if (month1, day1) > (month2, day2) else end.year
    start = _safe_date(start_year, month1, day1)
    return None if start is None or start > end else (start, end)


# --- The forms, most specific first -------------------------------------------

_Resolver = Callable[[re.Match[str], "date | None"], "tuple[date, date] | None"]


def _iso(m: re.Match[str], anchor: date | None) -> tuple[date, date] | None:
    found = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None if found is None else (found, found)


def _month_days(m: re.Match[str], anchor: date | None) -> tuple[date, date] | None:
    month2 = _month_number(m["m2"]) if m["m2"] else _month_number(m["m1"])
    month1 = _month_number(m["m1"])
    day2 = _day_number(m["d2"]) if m["d2"] else _day_number(m["d1"])
    return _day_range(month1, _day_number(m["d1"]), month2, day2, m["y"], anchor)


def _days_month(m: re.Match[str], anchor: date | None) -> tuple[date, date] | None:
    month2 = _month_number(m["m2"])
    month1 = _month_number(m["m1"]) if m["m1"] else month2
    day1 = _day_number(m["d1"])
    day2 = _day_number(m["d2"]) if m["d2"] else day1
    return _day_range(month1, day1, month2, day2, m["y"], anchor)


def _month_year(m: re.Match[str], anchor: date | None) -> tuple[date, date] | None:
    return month_range(int(m["y"]), _month_number(m["m"]))


def _weekday(m: re.Match[str], anchor: date | None) -> tuple[date, date] | None:
    if anchor is None:
        return None
    found = last_weekday(_WEEKDAYS.index(m["w"].lower()), anchor)
    return found, found


def _relative(m: re.Match[str], anchor: date | None) -> tuple[date, date] | None:
    if anchor is None:
        return None
    word = m["r"].lower()
    if word == "today":
        return anchor, anchor
    if word == "yesterday":
        return anchor - timedelta(days=1), anchor - timedelta(days=1)
    if word.endswith("month"):
        first_of_this = anchor.replace(day=1)
        previous = first_of_this - timedelta(days=1)
        return month_range(previous.year, previous.month)
    return date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31)


# What every match of a form writes, looked for before the form itself: most sentences write a
# number but no month, and one search for a month's name skips the four forms that need one.
_WRITES_YEAR = re.compile(_YEAR)
# Every month's name and abbreviation opens with one of these ("Sept" with "Sep").
_WRITES_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# Weekdays, "yesterday" and "today" end in "day"; "last month", "the previous year" say so.
_WRITES_DAY_WORD = re.compile(r"day|month|year")

#: Each form: its pattern, how a match resolves, and what any match of it writes.
_FORMS: tuple[tuple[re.Pattern[str], _Resolver, re.Pattern[str]], ...] = (
    (re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _iso, _WRITES_YEAR),
    (
        re.compile(rf"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{_YEAR})\b"),
        _iso,
        _WRITES_YEAR,
    ),
    # "between September 14 and 17": "and" joins a range only after "between".
    (
        re.compile(
            rf"\bbetween\s+(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\s+and\s+(?:(?P<m2>{_MONTH})\s+)?"
            rf"(?P<d2>{_DAY}){_END}(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
        _month_days,
        _WRITES_MONTH,
    ),
    # "September 14", "Sept. 14-16", "September 14 to October 2, 2022"
    (
        re.compile(
            rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})"
            rf"(?:{_TO}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY}))?{_END}"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
        _month_days,
        _WRITES_MONTH,
    ),
    # "14 September 2022", "from 14 to 17 September", "30 December to 2 January"
    (
        re.compile(
            rf"\b(?P<d1>{_DAY})(?:\s+(?:of\s+)?(?P<m1>{_MONTH}))?"
            rf"(?:{_TO}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<m2>{_MONTH})(?![\w-])"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
        _days_month,
        _WRITES_MONTH,
    ),
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b"), _month_year, _WRITES_MONTH),
    (
        re.compile(
            r"(?<!\bnext )(?<!\bcoming )\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday"
            r"|Saturday|Sunday)\b"
        ),
        _weekday,
        _WRITES_DAY_WORD,
    ),
    (
        re.compile(
            r"\b(?P<r>[Yy]esterday|[Tt]oday|(?:[Ll]ast|(?:[Tt]he\s+)?previous)\s+(?:month|year))\b"
        ),
        _relative,
        _WRITES_DAY_WORD,
    ),
)


# What every form above writes: a digit (a day, a year), a weekday or "yesterday"/"today" (both
# "day"), or a month or year ago. Most sentences hold none of them and are not read eight more
# times. A new form must write one of these too, or be added here.
_MAY_HOLD_A_DATE = re.compile(r"\d|day|month|year")


# Incidents read the dates of one sentence again for every event word of its paragraph, and
# figures read them once more to skip their numbers, so a scan is kept per text window. The
# matches do not depend on the anchor; only resolving them does.
@lru_cache(maxsize=4096)
def _expressions(
    text: str, start: int, stop: int
) -> tuple[tuple[re.Match[str], _Resolver], ...]:
    """Every date expression in ``text[start:stop]`` in text order, with its resolver."""
    if _MAY_HOLD_A_DATE.search(text, start, stop) is None:
        return ()
    taken: list[tuple[int, int]] = []
    found: list[tuple[re.Match[str], _Resolver]] = []
    written: dict[re.Pattern[str], bool] = {}
    for pattern, resolve, needle in _FORMS:
        if needle not in written:
            written[needle] = needle.search(text, start, stop) is not None
        if not written[needle]:
            continue
        for m in pattern.finditer(text, start, stop):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m, resolve))
    return tuple(sorted(found, key=lambda pair: pair[0].start()))


def _resolved(
    text: str, anchor: date | None, start: int, stop: int
) -> tuple[tuple[re.Match[str], tuple[date, date] | None], ...]:
    return tuple((m, resolve(m, anchor)) for m, resolve in _expressions(text, start, stop))


def _scan(
    text: str, anchor: date | None, start: int, end: int | None
) -> list[tuple[re.Match[str], tuple[date, date] | None]]:
    """Every date expression with the days it resolves to (None when it cannot be)."""
    return list(_resolved(text, anchor, start, len(text) if end is None else end))


def find_dates(
    text: str, anchor: date | None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Every date written in ``text[start:end]``, resolved against ``anchor``, in text order.

    Offsets are into ``text``. Expressions that cannot be resolved (no year and no
    anchor, a day that does not exist) are left out. When two forms claim the
    same characters the more specific one (listed earlier) wins.
    """
    return [
        DateMention(days[0], days[1], m.start(), m.end(), m.group())
        for m, days in _scan(text, anchor, start, end)
        if days is not None
    ]


def date_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` writes a date, resolvable or not ("on September 14" undated).

    Their numbers are days and years, never counts of anything.
    """
    return [(m.start(), m.end()) for m, _ in _expressions(text, start, len(text) if end is None else end)]
