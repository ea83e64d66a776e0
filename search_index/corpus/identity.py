"""An article's identity (which article it is) and its content hash (which version).

The id is the one the article gives, else its URL, else a hash of its title and
text that ignores spacing and case, so reading the same article twice (or from a
.txt and a .json file) gives the same id. The content hash covers every stored
field, so any edit to an article that keeps its id shows as a new version.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC

from search_index.models import Article, ArticleDraft

_ID_LENGTH = 16


def normalize_text(text: str) -> str:
    """Text with runs of whitespace collapsed to one space and case folded."""
    return " ".join(text.split()).casefold()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _given(value: str | None) -> str | None:
    """A given string, stripped; None when absent or blank."""
    return None if value is None else value.strip() or None


def article_id(draft: ArticleDraft) -> str:
    """The given id, else the URL, else the first 16 hex digits of a hash of title and body."""
    given = _given(draft.id) or _given(draft.url)
    if given is not None:
        return given
    # A separator that never occurs in text keeps ("ab", "c") and ("a", "bc") apart.
    return _sha256(f"{normalize_text(draft.title)}\x1f{normalize_text(draft.body)}")[:_ID_LENGTH]


def content_hash(draft: ArticleDraft) -> str:
    """sha256 (hex) of title, body, publication time, source, URL and dateline.

    The time counts as an instant (the same moment in another zone is no change).
    """
    published = None if draft.published_at is None else draft.published_at.astimezone(UTC)
    fields = [
        draft.title,
        draft.body,
        None if published is None else published.isoformat(),
        draft.source,
        _given(draft.url),
        draft.dateline,
    ]
    return _sha256(json.dumps(fields, ensure_ascii=False))


def to_article(draft: ArticleDraft) -> Article:
    """Settle an article's identity: the given id, else the URL, else a hash of title and body."""
    return Article(
        id=article_id(draft),
        title=draft.title,
        body=draft.body,
        url=_given(draft.url),
        source=draft.source,
        published_at=draft.published_at,
        dateline=draft.dateline,
        content_hash=content_hash(draft),
    )
