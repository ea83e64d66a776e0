"""Dates in news text, resolved against the article's date (search_index.extract.dates)."""

from __future__ import annotations

from datetime import date

import pytest

from search_index.extract.dates import (
    date_spans,
    find_dates,
    infer_year,
    last_weekday,
    month_range,
)

# The first seed article is dated Thursday 22 September 2022.
SEED_DAY = date(2022, 9, 22)


def only(text: str, anchor: date | None = SEED_DAY) -> tuple[date, date, str]:
    """The one date ``text`` states, as (start, end, the words)."""
    found = find_dates(text, anchor)
    assert len(found) == 1, found
    mention = found[0]
    assert text[mention.span_start : mention.span_end] == mention.text
    return mention.start, mention.end, mention.text


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("An armed conflict broke out on the Kyrgyz-Tajik border on September 14.", "September 14"),
        ("Fighting resumed on Sept. 14 near the village.", "Sept. 14"),
        ("The clashes began on Sept 14 and lasted three days.", "Sept 14"),
        ("Shelling was reported on 14 September 2022.", "14 September 2022"),
        ("The ceasefire took hold on the 14th of September.", "14th of September"),
    ],
)
def test_a_day_and_month_resolve_to_the_14th(sentence: str, words: str) -> None:
    assert only(sentence) == (date(2022, 9, 14), date(2022, 9, 14), words)


def test_a_day_later_in_the_year_than_the_article_is_last_year() -> None:
    # Written on 22 September, "December 30" can only be the December before.
    assert only("Protests broke out on December 30.")[0] == date(2021, 12, 30)


def test_one_day_after_the_article_is_allowed_for_time_zones() -> None:
    assert infer_year(9, 23, SEED_DAY) == date(2022, 9, 23)
    assert infer_year(9, 24, SEED_DAY) == date(2021, 9, 24)


def test_a_day_that_does_not_exist_is_no_date() -> None:
    assert infer_year(2, 30, SEED_DAY) is None
    assert find_dates("on February 30", SEED_DAY) == []


def test_a_weekday_is_the_last_one_on_or_before_the_article() -> None:
    assert only("Talks were held in Moscow on Friday.")[:2] == (date(2022, 9, 16),) * 2
    # The article's own weekday is that same day, not a week earlier.
    assert only("Voting ended on Thursday.")[0] == SEED_DAY
    assert last_weekday(0, date(2022, 9, 22)) == date(2022, 9, 19)


def test_next_weekday_is_not_resolved_into_the_past() -> None:
    assert find_dates("Ministers will meet next Friday.", SEED_DAY) == []


def test_yesterday_and_today() -> None:
    assert only("A blast hit the capital yesterday.")[:2] == (date(2022, 9, 21),) * 2
    assert only("Parliament voted today.")[:2] == (SEED_DAY, SEED_DAY)


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Floods hit the region September 14 to 17.", date(2022, 9, 14), date(2022, 9, 17)),
        ("The summit ran from 14 to 17 September.", date(2022, 9, 14), date(2022, 9, 17)),
        ("Clashes on Sept 14-16 killed dozens.", date(2022, 9, 14), date(2022, 9, 16)),
        ("Shelling lasted from August 30 to September 2.", date(2022, 8, 30), date(2022, 9, 2)),
        ("Storms raged December 30 to January 2.", date(2021, 12, 30), date(2022, 1, 2)),
        ("Talks were held between September 14 and 17.", date(2022, 9, 14), date(2022, 9, 17)),
    ],
)
def test_ranges(sentence: str, start: date, end: date) -> None:
    assert only(sentence)[:2] == (start, end)


def test_last_month_is_the_whole_previous_month() -> None:
    assert only("Leaders met in the Tajik capital last month.")[:2] == (
        date(2022, 8, 1),
        date(2022, 8, 31),
    )
    assert only("In the previous month, leaders gathered.")[:2] == month_range(2022, 8)


def test_a_month_and_year_is_that_month() -> None:
    assert only("The floods of August 2022 displaced millions.", None)[:2] == month_range(2022, 8)


def test_without_an_article_date_only_written_years_resolve() -> None:
    text = "It began on September 14, on Friday, yesterday, after the vote of 14 September 2022."
    found = find_dates(text, None)
    assert [(d.text, d.start) for d in found] == [("14 September 2022", date(2022, 9, 14))]


@pytest.mark.parametrize(
    "sentence",
    [
        "the conclusion of a 20-year-old U.S.-led military mission in Afghanistan",
        "the possibility that tens of thousands of people may flood over the border",
        "They may march 14 kilometres to the capital.",
        "Turnout was 69.4 percent in 2022.",
        "BISHKEK 16:47 local time",
    ],
)
def test_no_date_in_numbers_that_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, SEED_DAY) == []


def test_date_spans_cover_dates_that_cannot_be_resolved() -> None:
    text = "An armed conflict broke out on September 14."
    assert find_dates(text, None) == []
    assert [text[s:e] for s, e in date_spans(text)] == ["September 14"]


def test_offsets_are_into_the_whole_text_when_a_window_is_given() -> None:
    text = "Intro. Clashes erupted on September 14."
    found = find_dates(text, SEED_DAY, start=7)
    assert [text[d.span_start : d.span_end] for d in found] == ["September 14"]
    assert find_dates(text, SEED_DAY, start=0, end=20) == []


@pytest.mark.parametrize(
    ("sentence", "words", "start", "end"),
    [
        # One per form, each the sentence's only date: every form is read past the quick
        # test for what it writes (a year, a month's name, "day", "month" or "year").
        ("The decree was signed on 2022-09-14 in Bishkek.", "2022-09-14", date(2022, 9, 14), None),
        ("The decree was signed on 14.09.2022 in Bishkek.", "14.09.2022", date(2022, 9, 14), None),
        (
            "Talks were held between September 14 and 17.",
            "between September 14 and 17",
            date(2022, 9, 14),
            date(2022, 9, 17),
        ),
        ("The vote took place in March 2021.", "March 2021", date(2021, 3, 1), date(2021, 3, 31)),
        ("The talks ended on Tuesday.", "Tuesday", date(2022, 9, 20), None),
        (
            "The previous year saw fewer clashes.",
            "The previous year",
            date(2021, 1, 1),
            date(2021, 12, 31),
        ),
        ("The ministry said so yesterday.", "yesterday", date(2022, 9, 21), None),
    ],
)
def test_each_form_alone_in_a_sentence(
    sentence: str, words: str, start: date, end: date | None
) -> None:
    [found] = find_dates(sentence, SEED_DAY)
    assert (found.text, found.start, found.end) == (words, start, end or start)
