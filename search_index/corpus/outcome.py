"""What reading one article gives: the article, or the reason it could not be read."""

from __future__ import annotations

from search_index.errors import BadArticle
from search_index.models import ArticleDraft, Record


class ReadOutcome(Record):
    """One article read from a file (or one line of a .jsonl file), or why it could not be.

    ``where`` is the file path (``path:LINE`` for a .jsonl line); ``error`` is one line
    saying what is wrong, without the path (``f"{where}: {error}"`` is the full report).
    """

    where: str
    draft: ArticleDraft | None = None
    error: str | None = None

    @classmethod
    def failed(cls, problem: BadArticle) -> ReadOutcome:
        """The outcome of an article that could not be read."""
        return cls(where=problem.where, error=problem.why)
