"""Dates an article states, and the ones it does not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from search_index.corpus import parse_date_line, parse_iso

UTC_PLUS_6 = timezone(timedelta(hours=6))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("22 Sep 2022 16:47", datetime(2022, 9, 22, 16, 47, tzinfo=UTC)),
        ("2022-09-22", datetime(2022, 9, 22, tzinfo=UTC)),
        ("September 22, 2022", datetime(2022, 9, 22, tzinfo=UTC)),
        ("22.09.2022 16:47", datetime(2022, 9, 22, 16, 47, tzinfo=UTC)),
        ("Sep 22, 2022 4:47 PM", datetime(2022, 9, 22, 16, 47, tzinfo=UTC)),
        ("Sept. 22, 2022 4:47 p.m.", datetime(2022, 9, 22, 16, 47, tzinfo=UTC)),
        ("Thursday, 22 September 2022", datetime(2022, 9, 22, tzinfo=UTC)),
        ("Published: 22 Sep 2022", datetime(2022, 9, 22, tzinfo=UTC)),
        ("22 September 2022, 16:47 GMT", datetime(2022, 9, 22, 16, 47, tzinfo=UTC)),
        ("2022-09-22T16:47:00+06:00", datetime(2022, 9, 22, 16, 47, tzinfo=UTC_PLUS_6)),
        ("22 Sep 2022 16:47 GMT+6", datetime(2022, 9, 22, 10, 47, tzinfo=UTC)),
        ("22 сентября 2022, 16:47", datetime(2022, 9, 22, 16, 47, tzinfo=UTC)),
    ],
)
def test_date_lines(line: str, expected: datetime) -> None:
    found = parse_date_line(line)
    assert found == expected  # equal instants
    assert found is not None and found.utcoffset() is not None


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Kyrgyzstan not considering withdrawal from CSTO - Kyrgyz Security Council secretary",
        "Putin to visit Bishkek on 12 October 2022",
        "Kyrgyz-Tajik border talks 2022",
        "May 2022",  # no day: which day would it be?
        "2022",
        "03/04/2022",  # the 3rd of April or the 4th of March?
        "31 Feb 2022",
        "1663865220",  # a number is not a stated date
        "2 days ago",
        "Today",
    ],
)
def test_lines_that_state_no_single_date(line: str) -> None:
    assert parse_date_line(line) is None


def test_iso_date_alone_is_midnight_utc() -> None:
    assert parse_iso("2022-09-22") == datetime(2022, 9, 22, tzinfo=UTC)


def test_iso_with_zone_keeps_it() -> None:
    found = parse_iso("2022-09-22T16:47:00+06:00")
    assert found.utcoffset() == timedelta(hours=6)
    assert found == datetime(2022, 9, 22, 10, 47, tzinfo=UTC)


def test_iso_without_zone_is_utc() -> None:
    assert parse_iso("2022-09-22T16:47:00") == datetime(2022, 9, 22, 16, 47, tzinfo=UTC)
    assert parse_iso("2022-09-22T16:47:00Z").utcoffset() == timedelta(0)


@pytest.mark.parametrize("value", ["22/09/2022", "September 22, 2022", "", "2022-13-01", "soon"])
def test_iso_rejects_other_forms(value: str) -> None:
    with pytest.raises(ValueError):
        parse_iso(value)
