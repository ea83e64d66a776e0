"""``Statement``: who said what, with the sentence(s) around it; and its connection types."""

from __future__ import annotations

from datetime import date

import strawberry

from graphql_api.context import Info
from graphql_api.types import article as article_types
from graphql_api.types import entities
from graphql_api.types.base import field, object_type
from graphql_api.types.enums import StatementKind
from graphql_api.types.lazy import LazyArticle
from graphql_api.types.node import Node
from graphql_api.types.pagination import PageInfo, connection
from graphql_api.types.speaker import Speaker
from search_index import models


@object_type
class Statement(Node):
    """Something a person or organization said, as one article reports it."""

    record: strawberry.Private[models.Statement]

    @field
    def text(self) -> str:
        """What was said: the quotation, or the reported claim."""
        return self.record.text

    @field
    def kind(self) -> StatementKind:
        """DIRECT for a quotation, INDIRECT for reported speech."""
        return self.record.kind

    @field
    async def speaker(self, info: Info) -> Speaker | None:
        """Who said it; null when the article does not say."""
        return await entities.load_speaker(info.context, self.record.speaker)

    @field
    async def article(self, info: Info) -> LazyArticle:
        """The article that reports it (provenance)."""
        fact = f"statement {self.record.id}"
        return await article_types.source_article(info, self.record.article_id, fact)

    @field
    def said_on(self) -> date | None:
        """When it was said, as the article dates it; null when unknown."""
        return self.record.said_on

    @field
    def context(self) -> str:
        """The sentence(s) around the quote."""
        return self.record.context


@object_type
class StatementEdge:
    """One statement of a list, with the cursor that resumes after it."""

    cursor: str = strawberry.field(description="Pass as `after` to get the statements after this.")
    score: float | None = strawberry.field(description="Relevance (BM25) when ranked by a search.")
    node: Statement = strawberry.field(description="The statement.")


@object_type
class StatementConnection:
    """A page of statements (Relay cursor connection)."""

    edges: list[StatementEdge] = strawberry.field(description="The statements of this page.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the whole list.")
    total_count: int = strawberry.field(description="How many statements the whole list holds.")


def _edge(item: models.Edge[models.Statement]) -> StatementEdge:
    # Unlike the other lists' edges, a statement's carries a score: a search ranks statements.
    return StatementEdge(cursor=item.cursor, score=item.score, node=Statement(record=item.node))


def statement_connection(page: models.Page[models.Statement]) -> StatementConnection:
    """The GraphQL form of a facade page of statements (with scores when ranked)."""
    return connection(page, StatementConnection, _edge)
