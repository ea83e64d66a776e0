"""The ``Mutation`` root: ingest and delete, through the same pipeline as the CLI, key required."""

from __future__ import annotations

import strawberry

from graphql_api.context import Info
from graphql_api.ids import decode_id_of
from graphql_api.types import article as article_types
from graphql_api.types.base import mutation_field, object_type
from graphql_api.types.inputs import ArticleInput
from search_index import IngestOutcome


@object_type
class IngestArticlePayload:
    """The result of ingesting one article."""

    article: article_types.Article = strawberry.field(description="The stored article.")
    created: bool = strawberry.field(description="False when the article was already there.")


@object_type
class DeleteArticlePayload:
    """The result of deleting one article."""

    deleted_id: strawberry.ID | None = strawberry.field(
        description="The id deleted; null when there was no such article."
    )


@object_type
class Mutation:
    """Writes; each needs `Authorization: Bearer <API key>`."""

    @mutation_field
    async def ingest_article(self, info: Info, input: ArticleInput) -> IngestArticlePayload:
        """Extract, store and index one article; the same article twice is stored once."""
        context = info.context
        context.require_writer()
        result = await context.call(context.index.ingest, input.to_draft())
        return IngestArticlePayload(
            article=article_types.Article(record=result.article),
            created=result.outcome is IngestOutcome.ADDED,
        )

    @mutation_field
    async def delete_article(self, info: Info, id: strawberry.ID) -> DeleteArticlePayload:
        """Delete an article and the facts only it supported."""
        context = info.context
        context.require_writer()
        deleted = await context.call(context.index.delete_article, decode_id_of(str(id), "Article"))
        return DeleteArticlePayload(deleted_id=id if deleted else None)


