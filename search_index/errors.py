"""Errors as values with names. The API maps each to a GraphQL error code in one place."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose; its message is safe to show a user."""


class BadInput(NewsgraphError):
    """Input a user can fix: a malformed id, cursor, date or argument."""


class BadArticle(BadInput):
    """An article file (or one line of a .jsonl file) that cannot be read as an article."""

    def __init__(self, where: str, why: str) -> None:
        super().__init__(f"{where}: {why}")
        self.where = where
        self.why = why


class BadSearchQuery(BadInput):
    """Search text that cannot be parsed, with a hint a person can act on."""


class BadCursor(BadInput):
    """A pagination cursor that this service did not hand out (or for another query)."""


class ArticleNotFound(NewsgraphError):
    """No article with that id (a lookup that must find one, such as a delete)."""

    def __init__(self, article_id: str) -> None:
        super().__init__(f"no article with id {article_id!r}")
        self.article_id = article_id


class StoreBusy(NewsgraphError):
    """Another process holds the write lock for longer than we are willing to wait."""
