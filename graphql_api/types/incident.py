"""``Incident``: something that happened, with every figure reported; and its connection types."""

from __future__ import annotations

from datetime import date

import strawberry

from graphql_api.context import Info
from graphql_api.types import article as article_types
from graphql_api.types import country as country_types
from graphql_api.types.base import field, object_type
from graphql_api.types.enums import IncidentKind
from graphql_api.types.figure import Figure
from graphql_api.types.lazy import LazyArticle, LazyCountry
from graphql_api.types.node import Node
from graphql_api.types.pagination import PageInfo, node_connection
from search_index import models


@object_type
class Incident(Node):
    """An event (a border clash, a summit...): when, where, the numbers and who reported them."""

    record: strawberry.Private[models.Incident]

    @field
    def title(self) -> str:
        """A short description ("Armed clash on the Kyrgyz-Tajik border")."""
        return self.record.title

    @field
    def kind(self) -> IncidentKind:
        """What sort of event it is."""
        return self.record.kind

    @field
    def start_date(self) -> date | None:
        """When it began; null when no article says."""
        return self.record.start_date

    @field
    def end_date(self) -> date | None:
        """When it ended; null when ongoing or unknown."""
        return self.record.end_date

    @field
    async def countries(self, info: Info) -> list[LazyCountry]:
        """The countries involved."""
        found = await info.context.loaders.countries.load_many(list(self.record.country_ids))
        return [country_types.Country(record=country) for country in found if country is not None]

    @field
    def places(self) -> list[str]:
        """Places named for it ("Kyrgyz-Tajik border", "Batken")."""
        return list(self.record.places)

    @field
    async def figures(self, info: Info) -> list[Figure]:
        """Every reported number, each with its own source and date."""
        found = await info.context.loaders.figures_of_incidents.load(self.record.id)
        return [Figure(record=figure) for figure in found]

    @field
    async def articles(self, info: Info) -> list[LazyArticle]:
        """The articles that report it."""
        found = await info.context.loaders.articles.load_many(list(self.record.article_ids))
        return [article_types.Article(record=article) for article in found if article is not None]


@object_type
class IncidentEdge:
    """One incident of a list, with the cursor that resumes after it."""

    cursor: str = strawberry.field(description="Pass as `after` to get the incidents after this.")
    node: Incident = strawberry.field(description="The incident.")


@object_type
class IncidentConnection:
    """A page of incidents (Relay cursor connection)."""

    edges: list[IncidentEdge] = strawberry.field(description="The incidents of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the whole list.")
    total_count: int = strawberry.field(description="How many incidents the whole list holds.")


def incident_connection(page: models.Page[models.Incident]) -> IncidentConnection:
    """The GraphQL form of a facade page of incidents."""
    return node_connection(page, IncidentConnection, IncidentEdge, Incident)
