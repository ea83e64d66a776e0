"""``Country``: a country named in the news (id = ISO 3166 alpha-2); and its connection types."""

from __future__ import annotations

import strawberry

from graphql_api.context import Info
from graphql_api.types import entity_lists
from graphql_api.types import incident as incident_types
from graphql_api.types import organization as organization_types
from graphql_api.types import person as person_types
from graphql_api.types.base import field, object_type
from graphql_api.types.lazy import LazyIncident, LazyOrganization, LazyPerson
from graphql_api.types.node import Node
from graphql_api.types.pagination import PageInfo, node_connection
from search_index import models
from search_index.models import EntityKind, EntityRef


@object_type
class Country(Node):
    """A country, with the people, organizations and incidents the news ties to it."""

    record: strawberry.Private[models.Country]

    @field
    def name(self) -> str:
        """The common English name ("Kyrgyzstan")."""
        return self.record.name

    @field
    def code(self) -> str:
        """ISO 3166 alpha-2 code ("KG")."""
        return self.record.id

    @field
    def alpha3(self) -> str:
        """ISO 3166 alpha-3 code ("KGZ")."""
        return self.record.alpha3

    @field
    def aliases(self) -> list[str]:
        """Other names and demonyms it is known by ("Kyrgyz", "Kyrgyz Republic", ...)."""
        return list(self.record.aliases)

    @field
    async def people(self, info: Info) -> list[LazyPerson]:
        """People of this country."""
        found = await info.context.loaders.people_of_countries.load(self.record.id)
        return [person_types.Person(record=person) for person in found]

    @field
    async def organizations(self, info: Info) -> list[LazyOrganization]:
        """Organizations of this country (government bodies, national media, ...)."""
        found = await info.context.loaders.organizations_of_countries.load(self.record.id)
        return [organization_types.Organization(record=org) for org in found]

    @field
    async def incidents(self, info: Info) -> list[LazyIncident]:
        """Incidents that took place in this country."""
        found = await info.context.loaders.incidents_of_countries.load(self.record.id)
        return [incident_types.Incident(record=incident) for incident in found]

    articles = entity_lists.articles_field("Articles that name this country, newest first.")

    def ref(self) -> EntityRef:
        """The country as an entity reference, the key of its per-country lists."""
        return EntityRef(kind=EntityKind.COUNTRY, id=self.record.id)


async def load_country(info: Info, country_id: str | None) -> Country | None:
    """The country with this alpha-2 id, through the request's loader; None if none."""
    if country_id is None:
        return None
    found = await info.context.loaders.countries.load(country_id)
    return Country(record=found) if found else None


@object_type
class CountryEdge:
    """One country of a list, with the cursor that resumes after it."""

    cursor: str = strawberry.field(description="Pass as `after` to get the countries after this.")
    node: Country = strawberry.field(description="The country.")


@object_type
class CountryConnection:
    """A page of countries (Relay cursor connection)."""

    edges: list[CountryEdge] = strawberry.field(description="The countries of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the whole list.")
    total_count: int = strawberry.field(description="How many countries the whole list holds.")


def country_connection(page: models.Page[models.Country]) -> CountryConnection:
    """The GraphQL form of a facade page of countries."""
    return node_connection(page, CountryConnection, CountryEdge, Country)
