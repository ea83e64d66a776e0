"""``Organization``: an intergovernmental body, ministry, agency...; and its connection types."""

from __future__ import annotations

import strawberry
from strawberry import UNSET

from graphql_api.context import Info
from graphql_api.types import country as country_types
from graphql_api.types import entity_lists
from graphql_api.types import person as person_types
from graphql_api.types.base import field, object_type
from graphql_api.types.enums import OrganizationKind
from graphql_api.types.lazy import (
    LazyCountry,
    LazyPerson,
    LazyStatementConnection,
)
from graphql_api.types.node import Node
from graphql_api.types.pagination import PageInfo, node_connection
from search_index import models
from search_index.models import EntityKind, EntityRef


@object_type
class Organization(Node):
    """An organization named in the news, merged across articles and spellings."""

    record: strawberry.Private[models.Organization]

    @field
    def name(self) -> str:
        """The full name ("Collective Security Treaty Organization")."""
        return self.record.name

    @field
    def acronym(self) -> str | None:
        """The acronym ("CSTO"), when it has one."""
        return self.record.acronym

    @field
    def aliases(self) -> list[str]:
        """Every other name seen."""
        return list(self.record.aliases)

    @field
    def kind(self) -> OrganizationKind:
        """What sort of body it is."""
        return self.record.kind

    @field
    async def country(self, info: Info) -> LazyCountry | None:
        """The country it belongs to (a ministry, a national agency); null for international ones."""
        return await country_types.load_country(info, self.record.country_id)

    @field
    async def members(self, info: Info) -> list[LazyCountry]:
        """Member countries, for intergovernmental organizations."""
        found = await info.context.loaders.countries.load_many(list(self.record.member_ids))
        return [country_types.Country(record=country) for country in found if country is not None]

    @field
    async def people(self, info: Info) -> list[LazyPerson]:
        """People holding a role in it."""
        found = await info.context.loaders.people_of_organizations.load(self.record.id)
        return [person_types.Person(record=person) for person in found]

    @field
    async def statements(
        self, info: Info, first: int | None = 10, after: str | None = UNSET
    ) -> LazyStatementConnection:
        """What it, or people holding a role in it, said; newest first."""
        return await entity_lists.statements_of(info, self.ref(), None, first, after)

    articles = entity_lists.articles_field("Articles that name it, newest first.")

    def ref(self) -> EntityRef:
        """The organization as an entity reference, the key of its per-organization lists."""
        return EntityRef(kind=EntityKind.ORGANIZATION, id=self.record.id)


@object_type
class OrganizationEdge:
    """One organization of a list, with the cursor that resumes after it."""

    cursor: str = strawberry.field(description="Pass as `after` to get the ones after this.")
    node: Organization = strawberry.field(description="The organization.")


@object_type
class OrganizationConnection:
    """A page of organizations (Relay cursor connection)."""

    edges: list[OrganizationEdge] = strawberry.field(description="This page's organizations.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the whole list.")
    total_count: int = strawberry.field(description="How many organizations the list holds.")


def organization_connection(page: models.Page[models.Organization]) -> OrganizationConnection:
    """The GraphQL form of a facade page of organizations."""
    return node_connection(page, OrganizationConnection, OrganizationEdge, Organization)
