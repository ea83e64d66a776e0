"""An entity's own lists (its articles, what it said): first pages batched through the loaders.

A page of twenty people each asking for their articles would otherwise be
twenty facade calls; the request's loaders make every entity's first page one
call per page size. A later page (``after``) or a ranked one is a call of its own.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Protocol

from strawberry import UNSET

from graphql_api.context import Info
from graphql_api.limits import page_size
from graphql_api.types import article as article_types
from graphql_api.types import statement as statement_types
from graphql_api.types.base import field
from graphql_api.types.lazy import LazyArticleConnection
from graphql_api.types.pagination import facade_page
from search_index.models import EntityRef


class Entity(Protocol):
    """A Person, Organization or Country object: it knows its entity reference."""

    def ref(self) -> EntityRef:
        """The entity reference, the key of its lists."""
        ...


async def articles_of(
    info: Info, entity: EntityRef, first: int | None, after: str | None
) -> article_types.ArticleConnection:
    """The articles that name ``entity``, newest first."""
    context = info.context
    if after is None:
        size = page_size(first, context.settings)
        page = await context.loaders.articles_of_entities.load((entity, size))
    else:
        page = await facade_page(context, partial(context.index.articles_of, entity), first, after)
    return article_types.article_connection(page)


def articles_field(description: str) -> Any:
    """The ``articles(first, after)`` field of an entity type, with that type's own description.

    One resolver serves Person, Organization and Country: the list is the same
    for each, only what the schema says about it differs.
    """

    async def articles(
        self: Entity, info: Info, first: int | None = 10, after: str | None = UNSET
    ) -> LazyArticleConnection:
        return await articles_of(info, self.ref(), first, after)

    articles.__doc__ = description
    return field(articles)


async def statements_of(
    info: Info, entity: EntityRef, search: str | None, first: int | None, after: str | None
) -> statement_types.StatementConnection:
    """What ``entity`` said, newest first; by relevance with ``search``.

    The loader's first pages are the facade's pages for the same filter
    (``statements_of_speakers``), unranked: a search goes to the facade itself.
    """
    context = info.context
    if search is None and after is None:
        size = page_size(first, context.settings)
        page = await context.loaders.statements_of_speakers.load((entity, size))
    else:
        page = await facade_page(
            context, partial(context.index.statements_of, entity, search), first, after
        )
    return statement_types.statement_connection(page)
