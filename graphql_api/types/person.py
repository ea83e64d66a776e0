"""``Person`` and ``Role``: people named in the news, the titles they hold; their connection types."""

from __future__ import annotations

import strawberry
from strawberry import UNSET

from graphql_api.context import Info
from graphql_api.limits import optional_search
from graphql_api.types import article as article_types
from graphql_api.types import country as country_types
from graphql_api.types import entity_lists
from graphql_api.types import organization as organization_types
from graphql_api.types.base import field, object_type
from graphql_api.types.lazy import (
    LazyArticle,
    LazyCountry,
    LazyOrganization,
    LazyStatementConnection,
)
from graphql_api.types.node import Node
from graphql_api.types.pagination import PageInfo, node_connection
from search_index import models
from search_index.models import EntityKind, EntityRef


@object_type
class Role:
    """A title a person holds, as one article states it (provenance included)."""

    record: strawberry.Private[models.Role]

    @field
    def title(self) -> str:
        """The title, e.g. "Secretary of the Security Council"."""
        return self.record.title

    @field
    async def organization(self, info: Info) -> LazyOrganization | None:
        """The organization the title is in, when the article names one."""
        if self.record.organization_id is None:
            return None
        found = await info.context.loaders.organizations.load(self.record.organization_id)
        return organization_types.Organization(record=found) if found else None

    @field
    async def country(self, info: Info) -> LazyCountry | None:
        """The country the title is of, when the article names one."""
        return await country_types.load_country(info, self.record.country_id)

    @field
    async def article(self, info: Info) -> LazyArticle:
        """The article that states it."""
        fact = f"a role of {self.record.person_id}"
        return await article_types.source_article(info, self.record.article_id, fact)


@object_type
class Person(Node):
    """A person named in the news, merged across articles and spellings."""

    record: strawberry.Private[models.Person]

    @field
    def name(self) -> str:
        """The fullest form of the name seen."""
        return self.record.name

    @field
    def aliases(self) -> list[str]:
        """Every other spelling seen ("Imankulov", "Marat Imankulov", ...)."""
        return list(self.record.aliases)

    @field
    async def roles(self, info: Info) -> list[Role]:
        """Every title the person is said to hold, each with the article that says so."""
        found = await info.context.loaders.roles_of_people.load(self.record.id)
        return [Role(record=role) for role in found]

    @field
    async def country(self, info: Info) -> LazyCountry | None:
        """The person's country, when known."""
        return await country_types.load_country(info, self.record.country_id)

    @field
    async def organizations(self, info: Info) -> list[LazyOrganization]:
        """The organizations the person holds a role in."""
        found = await info.context.loaders.organizations_of_people.load(self.record.id)
        return [organization_types.Organization(record=org) for org in found]

    @field
    async def statements(
        self, info: Info, search: str | None = UNSET, first: int | None = 10, after: str | None = UNSET
    ) -> LazyStatementConnection:
        """What the person said, newest first; ranked by relevance when `search` is given."""
        text = optional_search(search, info.context.settings)
        return await entity_lists.statements_of(info, self.ref(), text, first, after)

    articles = entity_lists.articles_field("Articles that name the person, newest first.")

    def ref(self) -> EntityRef:
        """The person as an entity reference, the key of its per-person lists."""
        return EntityRef(kind=EntityKind.PERSON, id=self.record.id)


@object_type
class PersonEdge:
    """One person of a list, with the cursor that resumes after them."""

    cursor: str = strawberry.field(description="Pass as `after` to get the people after this one.")
    node: Person = strawberry.field(description="The person.")


@object_type
class PersonConnection:
    """A page of people (Relay cursor connection)."""

    edges: list[PersonEdge] = strawberry.field(description="The people of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the whole list.")
    total_count: int = strawberry.field(description="How many people the whole list holds.")


def person_connection(page: models.Page[models.Person]) -> PersonConnection:
    """The GraphQL form of a facade page of people."""
    return node_connection(page, PersonConnection, PersonEdge, Person)
