"""Ranked search results: scored edges with highlights, facets and a spelling suggestion."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from graphql_api.context import Context
from graphql_api.ids import encode_id
from graphql_api.types import article as article_types
from graphql_api.types.base import object_type
from graphql_api.types.lazy import LazyArticle
from graphql_api.types.pagination import PageInfo, page_info
from search_index import models


@object_type
class Highlight:
    """Fragments of one field where the query matched."""

    field: str = strawberry.field(description='The field matched: "title" or "body".')
    fragments: list[str] = strawberry.field(
        description="Excerpts, HTML-escaped, with the matched terms wrapped in <mark>…</mark>."
    )


@object_type
class ArticleSearchEdge:
    """One ranked article, with its score and where it matched."""

    cursor: str = strawberry.field(description="Pass as `after` to get the results after this one.")
    score: float = strawberry.field(description="Relevance (BM25F); higher is better.")
    highlights: list[Highlight] = strawberry.field(description="Where the query matched.")
    node: LazyArticle = strawberry.field(description="The article.")


@object_type
class FacetCount:
    """How many results share one value."""

    value: str = strawberry.field(description="The value: an entity's name, a source, a year.")
    id: strawberry.ID | None = strawberry.field(
        description="The entity's global id, for entity facets; filter on it to drill down."
    )
    count: int = strawberry.field(description="How many results have this value.")


@object_type
class SearchFacets:
    """Counts over the whole result set, not just this page."""

    countries: list[FacetCount] = strawberry.field(description="Countries the results mention.")
    organizations: list[FacetCount] = strawberry.field(
        description="Organizations the results mention."
    )
    people: list[FacetCount] = strawberry.field(description="People the results mention.")
    sources: list[FacetCount] = strawberry.field(description="Who published the results.")
    years: list[FacetCount] = strawberry.field(description="Years the results were published.")


@object_type
class ArticleSearchConnection:
    """A page of ranked search results, with facts about the whole result set."""

    edges: list[ArticleSearchEdge] = strawberry.field(description="This page's results, in order.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in all results.")
    total_count: int = strawberry.field(description="How many articles match in all.")
    did_you_mean: str | None = strawberry.field(
        description="A spelling suggestion when the query looks misspelled."
    )
    facets: SearchFacets = strawberry.field(
        description="Counts over the whole result set, not just this page."
    )


def _facet_counts(counts: Sequence[models.FacetCount], type_name: str | None) -> list[FacetCount]:
    return [
        FacetCount(
            value=count.value,
            id=strawberry.ID(encode_id(type_name, count.id)) if type_name and count.id else None,
            count=count.count,
        )
        for count in counts
    ]


def facets(found: models.Facets) -> SearchFacets:
    """The GraphQL form of the facade's facets (entity ids made global)."""
    return SearchFacets(
        countries=_facet_counts(found.countries, "Country"),
        organizations=_facet_counts(found.organizations, "Organization"),
        people=_facet_counts(found.people, "Person"),
        sources=_facet_counts(found.sources, None),
        years=_facet_counts(found.years, None),
    )


async def search_edges(context: Context, hits: Sequence[models.SearchHit]) -> list[ArticleSearchEdge]:
    """Edges for ranked hits; a hit whose article vanished meanwhile is dropped."""
    found = await context.loaders.articles.load_many([hit.article_id for hit in hits])
    return [
        ArticleSearchEdge(
            cursor=hit.cursor,
            score=hit.score,
            highlights=[
                Highlight(field=highlight.field, fragments=list(highlight.fragments))
                for highlight in hit.highlights
            ],
            node=article_types.Article(record=record),
        )
        for hit, record in zip(hits, found, strict=True)
        if record is not None
    ]


async def search_connection(context: Context, results: models.SearchResults) -> ArticleSearchConnection:
    """The GraphQL form of one page of search results."""
    edges = await search_edges(context, results.hits)
    return ArticleSearchConnection(
        edges=edges,
        page_info=page_info(
            [hit.cursor for hit in results.hits],
            has_next=results.has_next,
            has_previous=results.has_previous,
        ),
        total_count=results.total,
        did_you_mean=results.did_you_mean,
        facets=facets(results.facets),
    )
