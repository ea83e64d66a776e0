"""The schema: types, the limits that guard it, and error logging with the request id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from graphql_api.context import Context
from graphql_api.cost import CostLimiter
from graphql_api.errors import log_errors
from graphql_api.mutation import Mutation
from graphql_api.query import Query
from graphql_api.types.article import Article
from graphql_api.types.country import Country
from graphql_api.types.incident import Incident
from graphql_api.types.organization import Organization
from graphql_api.types.person import Person
from graphql_api.types.scalars import SCALARS
from graphql_api.types.statement import Statement
from search_index.settings import Settings

#: Parsed documents kept per process: clients send the same few queries again and again.
PARSER_CACHE_SIZE = 256


class NewsgraphSchema(strawberry.Schema):
    """Strawberry's schema, logging unexpected errors our way (JSON, with the request id)."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log the errors nobody raised on purpose; the rest are the client's to read."""
        context = execution_context.context if execution_context else None
        log_errors(errors, context.request_id if isinstance(context, Context) else None)


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Factories of the per-request limits, from settings (over a limit: QUERY_TOO_COMPLEX)."""
    return [
        # Strawberry keeps the LRU itself at module level, so a fresh instance per request is fine.
        lambda: ParserCache(maxsize=PARSER_CACHE_SIZE),
        lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
        lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        lambda: CostLimiter(max_cost=settings.max_query_cost),
    ]


def build_schema(settings: Settings | None = None) -> NewsgraphSchema:
    """The executable schema, its limits taken from ``settings`` (defaults when None)."""
    extensions: list[Any] = limit_extensions(settings or Settings())
    return NewsgraphSchema(
        query=Query,
        mutation=Mutation,
        # Nodes reachable only through the Node interface must still be in the schema.
        types=[Article, Country, Incident, Organization, Person, Statement],
        extensions=extensions,
        config=StrawberryConfig(scalar_map=SCALARS),
    )


def schema_sdl() -> str:
    """The SDL of the schema, as ``schema.graphql`` holds it (ends with a newline)."""
    return build_schema().as_str() + "\n"
