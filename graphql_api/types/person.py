"""``Person`` and ``Role``: people named in the news, the titles they hold; their connection types."""

from __future__ import annotations

import strawberry
from strawberry import UNSET

from graphql_api.context import Info
from graphql_api.limits import optional_search, page_size
from graphql_api.types import article as article_types
from graphql_api.types import country as country_types
from graphql_api.types import organization as organization_types
from graphql_api.types import statement as statement_types
from graphql_api.types.base import field, object_type
from graphql_api.types.lazy import (
    LazyArticle,
    LazyArticleConnection,
    LazyCountry,
    LazyOrganization,
    LazyStatementConnection,
)
from graphql_api.types.node import Node
from graphql_api.types.pagination import PageInfo, page_info
from search_index import models
from search_index.models import EntityKind, EntityRef, StatementFilter


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
        found = await info.context.loaders.articles.load(self.record.article_id)
        if found is None:
            raise LookupError(f"a role of {self.record.person_id} outlived its article")
        return article_types.Article(record=found)


@object_type
class Person(Node):
    """A person named in the news, merged across articles and spellings."""

    record: strawberry.Private[models.Person]

    def raw_id(self) -> str:
        """The person's id in the store."""
        return self.record.id

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
        context = info.context
        text = optional_search(search, context.settings)
        size = page_size(first, context.settings)
        if text is None and after is None:
            # A first page, unranked: batched with every other person's on this page.
            page = await context.loaders.statements_of_speakers.load((self.ref(), size))
        else:
            page = await context.call(
                context.index.list_statements, text, StatementFilter(speaker=self.record.id),
                first=size, after=after,
            )
        return statement_types.statement_connection(page)

    @field
    async def articles(
        self, info: Info, first: int | None = 10, after: str | None = UNSET
    ) -> LazyArticleConnection:
        """Articles that name the person, newest first."""
        return await country_types.load_articles_of(info, self.ref(), first, after)

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
    return PersonConnection(
        edges=[PersonEdge(cursor=edge.cursor, node=Person(record=edge.node)) for edge in page.edges],
        page_info=page_info(
            [edge.cursor for edge in page.edges], has_next=page.has_next, has_previous=page.has_previous
        ),
        total_count=page.total,
    )
