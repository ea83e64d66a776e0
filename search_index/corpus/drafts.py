"""Building an article draft from what a reader found, the dateline read from its body."""

from __future__ import annotations

from datetime import datetime

from pydantic import ValidationError

from search_index.corpus.dateline import find_dateline
from search_index.errors import BadArticle
from search_index.models import ArticleDraft


def _first_problem(error: ValidationError) -> str:
    """One line for the first thing pydantic rejected: "title: must not be empty"."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "article"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{field}: {message}"


def make_draft(
    where: str,
    *,
    title: str,
    body: str,
    published_at: datetime | None = None,
    source: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
) -> ArticleDraft:
    """A draft with the dateline place (and, when none is given, the source) from the body.

    Raises BadArticle (at ``where``) when the draft is not valid, e.g. an empty body.
    """
    dateline = find_dateline(body)
    if dateline is not None and source is None:
        source = dateline.source
    try:
        return ArticleDraft(
            title=title,
            body=body,
            published_at=published_at,
            source=source,
            url=url,
            id=article_id,
            dateline=None if dateline is None else dateline.place,
        )
    except ValidationError as error:
        raise BadArticle(where, _first_problem(error)) from None
