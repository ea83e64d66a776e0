"""Reading .json and .jsonl articles, good and bad."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from search_index.corpus import BadArticle, parse_json, parse_json_object, parse_jsonl

FIXTURES = Path(__file__).parent / "fixtures" / "corpus" / "json"


def test_full_object() -> None:
    path = FIXTURES / "interfax_full.json"
    given = json.loads(path.read_text(encoding="utf-8"))
    draft = parse_json(path.read_text(encoding="utf-8"), str(path))
    assert draft.id == given["id"]
    assert draft.title == given["title"]
    assert draft.body == given["body"]
    assert draft.url == given["url"]
    assert draft.published_at == datetime(2022, 9, 22, 10, 47, tzinfo=UTC)
    assert draft.published_at is not None and draft.published_at.utcoffset() == timedelta(hours=6)
    # No "source" key: the dateline names the agency.
    assert (draft.dateline, draft.source) == ("BISHKEK", "Interfax")


def test_date_alone_under_another_name_is_midnight_utc() -> None:
    path = FIXTURES / "akipress_date_only.json"
    draft = parse_json(path.read_text(encoding="utf-8"), str(path))
    assert draft.published_at == datetime(2022, 9, 27, tzinfo=UTC)
    assert draft.source == "AKIpress"


def test_a_given_source_wins_over_the_dateline() -> None:
    obj = {"title": "T", "body": "MOSCOW, Sept 22 (Reuters) - Text.", "source": "Yahoo News"}
    draft = parse_json_object(obj, "x.json")
    assert (draft.source, draft.dateline) == ("Yahoo News", "MOSCOW")


@pytest.mark.parametrize("key", ["publishedAt", "published", "date"])
def test_date_names(key: str) -> None:
    draft = parse_json_object({"title": "T", "body": "B", key: "2022-09-22T16:47:00Z"}, "x.json")
    assert draft.published_at == datetime(2022, 9, 22, 16, 47, tzinfo=UTC)


def test_no_date_is_undated_and_unknown_keys_are_ignored() -> None:
    draft = parse_json_object({"title": "T", "body": "B", "lang": "en", "extra": [1]}, "x.json")
    assert draft.published_at is None
    assert (draft.source, draft.url, draft.id) == (None, None, None)


@pytest.mark.parametrize(
    ("obj", "why"),
    [
        ({"body": "B"}, "missing or empty 'title'"),
        ({"title": "T"}, "missing or empty 'body'"),
        ({"title": "  ", "body": "B"}, "missing or empty 'title'"),
        ({"title": "T", "body": ""}, "missing or empty 'body'"),
        ({"title": "T", "body": 12}, "'body' must be a string, not a number"),
        ({"title": "T", "body": "B", "url": ["u"]}, "'url' must be a string, not an array"),
        ({"title": "T", "body": "B", "publishedAt": "22/09/2022"}, "bad 'publishedAt'"),
        ({"title": "T", "body": "B", "date": "yesterday"}, "bad 'date'"),
        ({"title": "T", "body": "B", "published": 1663865220}, "'published' must be a string"),
        (["title", "body"], "expected a JSON object, got an array"),
        ("an article", "expected a JSON object, got a string"),
        (None, "expected a JSON object, got null"),
    ],
)
def test_bad_objects(obj: object, why: str) -> None:
    with pytest.raises(BadArticle) as raised:
        parse_json_object(obj, "bad.json")
    assert raised.value.where == "bad.json"
    assert why in raised.value.why
    assert "\n" not in str(raised.value)


def test_invalid_json_names_the_problem() -> None:
    with pytest.raises(BadArticle) as raised:
        parse_json('{"title": "T", "body": ', "broken.json")
    assert raised.value.why.startswith("invalid JSON: ")
    assert "line 1" in raised.value.why


def test_jsonl_keeps_good_lines_and_reports_bad_ones_by_line() -> None:
    path = FIXTURES / "mixed.jsonl"
    text = path.read_text(encoding="utf-8")
    outcomes = list(parse_jsonl(text, str(path)))
    lines = text.split("\n")
    blank = [n for n, line in enumerate(lines, start=1) if not line.strip()]
    assert len(outcomes) == len(lines) - len(blank)
    assert all(o.where != f"{path}:{n}" for o in outcomes for n in blank)
    good = [o for o in outcomes if o.draft is not None]
    assert [o.where for o in good] == [f"{path}:1", f"{path}:7"]
    assert good[0].draft is not None and good[0].draft.published_at == datetime(
        2022, 9, 20, 10, tzinfo=UTC
    )
    errors = {o.where: o.error for o in outcomes if o.draft is None}
    assert errors == {
        f"{path}:3": "missing or empty 'body'",
        f"{path}:4": errors[f"{path}:4"],
        f"{path}:5": "expected a JSON object, got an array",
        f"{path}:6": "bad 'publishedAt': '22/09/2022' is not an ISO 8601 date or date-time",
    }
    assert (errors[f"{path}:4"] or "").startswith("invalid JSON")


def test_jsonl_line_separator_inside_a_string_is_not_a_line_break() -> None:
    text = json.dumps({"title": "T", "body": "one\u2028two"}, ensure_ascii=False) + "\r\n"
    [outcome] = parse_jsonl(text, "sep.jsonl")
    assert outcome.draft is not None and outcome.draft.body == "one\u2028two"
    assert outcome.where == "sep.jsonl:1"
