"""Reading articles from files: .txt (as the seeds come), .json, .jsonl and saved .html pages.

INTERFACE ONLY (being implemented).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from search_index.errors import BadArticle
from search_index.models import Article, ArticleDraft, Record


class ReadOutcome(Record):
    """One article read from a file (or one line of a .jsonl file), or why it could not be."""

    where: str
    draft: ArticleDraft | None = None
    error: str | None = None


def read_paths(paths: Iterable[Path]) -> Iterator[ReadOutcome]:
    """Every article in these files and folders (walked, in sorted order); bad ones as errors."""
    raise NotImplementedError


def to_article(draft: ArticleDraft) -> Article:
    """Settle an article's identity: the given id, else the URL, else a hash of title and body."""
    raise NotImplementedError


__all__ = ["BadArticle", "ReadOutcome", "read_paths", "to_article"]
