"""Articles as JSON: one object in a .json file, one object a line in a .jsonl file.

    {"title": ..., "body": ..., "publishedAt": ..., "source": ..., "url": ..., "id": ...}

``published`` and ``date`` are other names of ``publishedAt`` (an ISO 8601
date-time, or a date alone: 00:00 UTC that day). Unknown keys are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from search_index.corpus.dates import parse_iso
from search_index.corpus.drafts import make_draft
from search_index.corpus.outcome import ReadOutcome
from search_index.errors import BadArticle
from search_index.models import ArticleDraft

_DATE_KEYS = ("publishedAt", "published", "date")


def _kind(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _optional(obj: dict[str, Any], key: str, where: str) -> str | None:
    """A string field, stripped; None when absent, null or blank."""
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise BadArticle(where, f"{key!r} must be a string, not {_kind(value)}")
    return value.strip()


def _required(obj: dict[str, Any], key: str, where: str) -> str:
    """A string field that must be there and not blank."""
    value = _optional(obj, key, where)
    if value is None:
        raise BadArticle(where, f"missing or empty {key!r}")
    return value


def _published_at(obj: dict[str, Any], where: str) -> datetime | None:
    """The first date given under any of its names; None when there is none."""
    for key in _DATE_KEYS:
        value = _optional(obj, key, where)
        if value is None:
            continue
        try:
            return parse_iso(value)
        except ValueError:
            raise BadArticle(
                where, f"bad {key!r}: {value!r} is not an ISO 8601 date or date-time"
            ) from None
    return None


def parse_json_object(obj: object, where: str) -> ArticleDraft:
    """The article one decoded JSON value describes. Raises BadArticle when it does not."""
    if not isinstance(obj, dict):
        raise BadArticle(where, f"expected a JSON object, got {_kind(obj)}")
    return make_draft(
        where,
        title=_required(obj, "title", where),
        body=_required(obj, "body", where),
        published_at=_published_at(obj, where),
        source=_optional(obj, "source", where),
        url=_optional(obj, "url", where),
        article_id=_optional(obj, "id", where),
    )


def _decode(text: str, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadArticle(where, f"invalid JSON: {error}") from None
    except RecursionError:
        raise BadArticle(where, "invalid JSON: nested too deeply") from None


def parse_json(text: str, where: str) -> ArticleDraft:
    """The article in a .json file's text. Raises BadArticle when there is none."""
    return parse_json_object(_decode(text, where), where)


def parse_jsonl(text: str, where: str) -> Iterator[ReadOutcome]:
    """Every line of a .jsonl file's text, each an article or an error at ``where:LINE``.

    Blank lines are skipped; a bad line does not stop the lines after it.
    """
    # Split on newlines only: str.splitlines would also cut at U+2028, which JSON strings may hold.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        place = f"{where}:{number}"
        try:
            yield ReadOutcome(where=place, draft=parse_json_object(_decode(line, place), place))
        except BadArticle as problem:
            yield ReadOutcome.failed(problem)
