"""Lazy references to the node types, for annotations that would otherwise import in a cycle.

Article, Person, Statement and the rest point at one another; Strawberry
resolves these names when the schema is built, after every module is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypeAlias

import strawberry

if TYPE_CHECKING:
    from graphql_api.types.article import Article, ArticleConnection
    from graphql_api.types.country import Country
    from graphql_api.types.incident import Incident
    from graphql_api.types.organization import Organization
    from graphql_api.types.person import Person
    from graphql_api.types.search import ArticleSearchEdge
    from graphql_api.types.statement import Statement, StatementConnection

_TYPES = "graphql_api.types."

LazyArticle: TypeAlias = Annotated["Article", strawberry.lazy(_TYPES + "article")]
LazyArticleConnection: TypeAlias = Annotated[
    "ArticleConnection", strawberry.lazy(_TYPES + "article")
]
LazyArticleSearchEdge: TypeAlias = Annotated["ArticleSearchEdge", strawberry.lazy(_TYPES + "search")]
LazyCountry: TypeAlias = Annotated["Country", strawberry.lazy(_TYPES + "country")]
LazyIncident: TypeAlias = Annotated["Incident", strawberry.lazy(_TYPES + "incident")]
LazyOrganization: TypeAlias = Annotated["Organization", strawberry.lazy(_TYPES + "organization")]
LazyPerson: TypeAlias = Annotated["Person", strawberry.lazy(_TYPES + "person")]
LazyStatement: TypeAlias = Annotated["Statement", strawberry.lazy(_TYPES + "statement")]
LazyStatementConnection: TypeAlias = Annotated[
    "StatementConnection", strawberry.lazy(_TYPES + "statement")
]
