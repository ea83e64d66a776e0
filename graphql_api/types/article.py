"""``Article``: a stored news article, its connection types, and the article facts come from."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graphql_api.context import Info
from graphql_api.limits import page_size
from graphql_api.types import entities
from graphql_api.types import incident as incident_types
from graphql_api.types import search as search_types
from graphql_api.types import statement as statement_types
from graphql_api.types.base import field, object_type
from graphql_api.types.lazy import LazyArticleSearchEdge, LazyIncident, LazyStatement
from graphql_api.types.mention import Mention
from graphql_api.types.node import Node
from graphql_api.types.pagination import PageInfo, node_connection
from search_index import models
from search_index.models import EntityKind


@object_type
class Article(Node):
    """A news article: its text, where and when it was published, and what it mentions."""

    record: strawberry.Private[models.Article]

    @field
    def title(self) -> str:
        """The headline."""
        return self.record.title

    @field
    def body(self) -> str:
        """The article text, without page chrome."""
        return self.record.body

    @field
    def url(self) -> str | None:
        """Where the article was published, when known."""
        return self.record.url

    @field
    def source(self) -> str | None:
        """Who published or reported it (an agency such as "Interfax"), when known."""
        return self.record.source

    @field
    def published_at(self) -> datetime | None:
        """When it was published; null when the article gives no date (never invented)."""
        return self.record.published_at

    @field
    def dateline(self) -> str | None:
        """The place in the dateline, e.g. "BISHKEK"."""
        return self.record.dateline

    @field
    async def countries(self, info: Info) -> list[Mention]:
        """Countries the article names, most mentioned first."""
        return await self._mentions(info, EntityKind.COUNTRY)

    @field
    async def organizations(self, info: Info) -> list[Mention]:
        """Organizations the article names, most mentioned first."""
        return await self._mentions(info, EntityKind.ORGANIZATION)

    @field
    async def people(self, info: Info) -> list[Mention]:
        """People the article names, most mentioned first."""
        return await self._mentions(info, EntityKind.PERSON)

    @field
    async def statements(self, info: Info) -> list[LazyStatement]:
        """What the article reports people and organizations said, in text order."""
        found = await info.context.loaders.statements_in_articles.load(self.record.id)
        return [statement_types.Statement(record=statement) for statement in found]

    @field
    async def incidents(self, info: Info) -> list[LazyIncident]:
        """The incidents the article reports."""
        found = await info.context.loaders.incidents_in_articles.load(self.record.id)
        return [incident_types.Incident(record=incident) for incident in found]

    @field
    async def related(self, info: Info, first: int | None = 5) -> list[LazyArticleSearchEdge]:
        """Articles most like this one ("more like this"), best first."""
        context = info.context
        hits = await context.call(
            context.index.related, self.record.id, first=page_size(first, context.settings, default=5)
        )
        return await search_types.search_edges(context, hits)

    async def _mentions(self, info: Info, kind: EntityKind) -> list[Mention]:
        mentions = [
            mention
            for mention in await info.context.loaders.mentions_in_articles.load(self.record.id)
            if mention.entity.kind is kind
        ]
        found = await entities.load_entities(info.context, [m.entity for m in mentions])
        return [
            Mention(entity=entity, count=mention.count)
            for mention, entity in zip(mentions, found, strict=True)
            if entity is not None
        ]


@object_type
class ArticleEdge:
    """One article of a list, with the cursor that resumes after it."""

    cursor: str = strawberry.field(description="Pass as `after` to get the articles after this one.")
    node: Article = strawberry.field(description="The article.")


@object_type
class ArticleConnection:
    """A page of articles (Relay cursor connection)."""

    edges: list[ArticleEdge] = strawberry.field(description="The articles of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the whole list.")
    total_count: int = strawberry.field(description="How many articles the whole list holds.")


def article_connection(page: models.Page[models.Article]) -> ArticleConnection:
    """The GraphQL form of a facade page of articles."""
    return node_connection(page, ArticleConnection, ArticleEdge, Article)


async def source_article(info: Info, article_id: str, fact: str) -> Article:
    """The article ``fact`` was read from (its provenance), through the request's loader.

    Deleting an article deletes the facts only it supported, so a fact whose
    article is gone is a bug: a LookupError naming the fact, masked for clients.
    """
    found = await info.context.loaders.articles.load(article_id)
    if found is None:
        raise LookupError(f"{fact} outlived its article")
    return Article(record=found)
