"""The ``Query`` root: structured lookups and ranked search, read through the facade."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Protocol, TypeVar

import strawberry
from strawberry import UNSET

from graphql_api.context import Context, Info
from graphql_api.ids import decode_id, decode_id_of
from graphql_api.limits import optional_search, page_size, search_text
from graphql_api.types import article as article_types
from graphql_api.types import country as country_types
from graphql_api.types import incident as incident_types
from graphql_api.types import organization as organization_types
from graphql_api.types import person as person_types
from graphql_api.types import search as search_types
from graphql_api.types import statement as statement_types
from graphql_api.types.base import field, object_type
from graphql_api.types.enums import SearchSort
from graphql_api.types.inputs import ArticleFilter, IncidentFilter, PersonFilter, StatementFilter
from graphql_api.types.node import Node
from graphql_api.types.pagination import facade_page
from search_index.errors import BadInput

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


async def load_node(context: Context, global_id: str) -> Node | None:
    """The object behind a global id, of whichever type it names; None when there is none."""
    type_name, raw_id = decode_id(global_id)
    loaders = context.loaders
    if type_name == "Article":
        article = await loaders.articles.load(raw_id)
        return article_types.Article(record=article) if article else None
    if type_name == "Person":
        person = await loaders.people.load(raw_id)
        return person_types.Person(record=person) if person else None
    if type_name == "Organization":
        org = await loaders.organizations.load(raw_id)
        return organization_types.Organization(record=org) if org else None
    if type_name == "Country":
        country = await loaders.countries.load(raw_id)
        return country_types.Country(record=country) if country else None
    if type_name == "Statement":
        statement = await loaders.statements.load(raw_id)
        return statement_types.Statement(record=statement) if statement else None
    incident = await loaders.incidents.load(raw_id)
    return incident_types.Incident(record=incident) if incident else None


class _Filter(Protocol[T_co]):
    """A filter input: converts itself to the facade's filter record."""

    def to_record(self) -> T_co:
        """The facade's filter."""
        ...


def _record(filter: _Filter[T] | None) -> T | None:
    # A filter left out or given as null both mean "keep all", which the facade spells None.
    return filter.to_record() if filter else None


def _one_of(**given: object) -> None:
    named = [name for name, value in given.items() if value is not None]
    if len(named) != 1:
        raise BadInput(f"give exactly one of {', '.join(given)}")


@object_type
class Query:
    """Everything readable: lookups by id or name, filtered lists, and ranked search."""

    @field
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        """Any object by its global id; null when there is none."""
        return await load_node(info.context, str(id))

    @field
    async def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        """Several objects by global id, in the order asked (null where there is none)."""
        if len(ids) > info.context.settings.max_page_size:
            raise BadInput(f"at most {info.context.settings.max_page_size} ids at once")
        for global_id in ids:  # one malformed id refuses the lot, before any read
            decode_id(str(global_id))
        # Gathered, so the loaders batch them: one read per type, whatever the count.
        return list(await asyncio.gather(*(load_node(info.context, str(i)) for i in ids)))

    @field
    async def search(
        self,
        info: Info,
        query: str,
        filter: ArticleFilter | None = UNSET,
        sort: SearchSort | None = SearchSort.RELEVANCE,
        first: int | None = 10,
        after: str | None = UNSET,
    ) -> search_types.ArticleSearchConnection:
        """Ranked full-text search over articles (BM25F over title, body and entity names)."""
        context = info.context
        results = await context.call(
            context.index.search,
            search_text(query, context.settings),
            _record(filter),
            sort=sort or SearchSort.RELEVANCE,
            first=page_size(first, context.settings),
            after=after,
        )
        return await search_types.search_connection(context, results)

    @field
    async def articles(
        self, info: Info, filter: ArticleFilter | None = UNSET, first: int | None = 10, after: str | None = UNSET
    ) -> article_types.ArticleConnection:
        """Articles, newest first (undated last)."""
        context = info.context
        lister = partial(context.index.list_articles, _record(filter))
        page = await facade_page(context, lister, first, after)
        return article_types.article_connection(page)

    @field
    async def article(self, info: Info, id: strawberry.ID) -> article_types.Article | None:
        """One article by id; null when there is none."""
        found = await info.context.loaders.articles.load(decode_id_of(str(id), "Article"))
        return article_types.Article(record=found) if found else None

    @field
    async def people(
        self,
        info: Info,
        search: str | None = UNSET,
        filter: PersonFilter | None = UNSET,
        first: int | None = 10,
        after: str | None = UNSET,
    ) -> person_types.PersonConnection:
        """People by name; with `search`, fuzzy-matched and best match first."""
        context = info.context
        text = optional_search(search, context.settings)
        lister = partial(context.index.list_people, text, _record(filter))
        page = await facade_page(context, lister, first, after)
        return person_types.person_connection(page)

    @field
    async def person(
        self, info: Info, id: strawberry.ID | None = UNSET, name: str | None = UNSET
    ) -> person_types.Person | None:
        """One person by id, or by any alias (case-, diacritic- and script-insensitive)."""
        _one_of(id=id, name=name)
        context = info.context
        if id is not None:
            found = await context.loaders.people.load(decode_id_of(str(id), "Person"))
        else:
            found = await context.call(context.index.find_person, search_text(str(name), context.settings))
        return person_types.Person(record=found) if found else None

    @field
    async def organizations(
        self, info: Info, search: str | None = UNSET, first: int | None = 10, after: str | None = UNSET
    ) -> organization_types.OrganizationConnection:
        """Organizations by name; with `search`, fuzzy-matched and best match first."""
        context = info.context
        text = optional_search(search, context.settings)
        lister = partial(context.index.list_organizations, text)
        page = await facade_page(context, lister, first, after)
        return organization_types.organization_connection(page)

    @field
    async def organization(
        self, info: Info, id: strawberry.ID | None = UNSET, name: str | None = UNSET
    ) -> organization_types.Organization | None:
        """One organization by id, or by full name, alias or acronym ("CSTO")."""
        _one_of(id=id, name=name)
        context = info.context
        if id is not None:
            found = await context.loaders.organizations.load(decode_id_of(str(id), "Organization"))
        else:
            found = await context.call(
                context.index.find_organization, search_text(str(name), context.settings)
            )
        return organization_types.Organization(record=found) if found else None

    @field
    async def countries(
        self, info: Info, first: int | None = 50, after: str | None = UNSET
    ) -> country_types.CountryConnection:
        """Countries mentioned in any article, by name."""
        context = info.context
        page = await facade_page(context, context.index.list_countries, first, after, default=50)
        return country_types.country_connection(page)

    @field
    async def country(
        self,
        info: Info,
        id: strawberry.ID | None = UNSET,
        code: str | None = UNSET,
        name: str | None = UNSET,
    ) -> country_types.Country | None:
        """One country by id, ISO 3166 alpha-2/alpha-3 code, or name, alias or demonym ("Kyrgyz")."""
        _one_of(id=id, code=code, name=name)
        context = info.context
        if id is not None:
            return await country_types.load_country(info, decode_id_of(str(id), "Country"))
        found = await context.call(
            context.index.find_country,
            code=search_text(code, context.settings) if code is not None else None,
            name=search_text(name, context.settings) if name is not None else None,
        )
        return country_types.Country(record=found) if found else None

    @field
    async def statements(
        self,
        info: Info,
        search: str | None = UNSET,
        filter: StatementFilter | None = UNSET,
        first: int | None = 10,
        after: str | None = UNSET,
    ) -> statement_types.StatementConnection:
        """Statements, newest first; ranked by relevance (BM25) when `search` is given.

        A search matches what was said, not the sentences around it.
        """
        context = info.context
        text = optional_search(search, context.settings)
        lister = partial(context.index.list_statements, text, _record(filter))
        page = await facade_page(context, lister, first, after)
        return statement_types.statement_connection(page)

    @field
    async def incidents(
        self,
        info: Info,
        search: str | None = UNSET,
        filter: IncidentFilter | None = UNSET,
        first: int | None = 10,
        after: str | None = UNSET,
    ) -> incident_types.IncidentConnection:
        """Incidents, newest first; `search` matches title, kind, places and countries."""
        context = info.context
        text = optional_search(search, context.settings)
        lister = partial(context.index.list_incidents, text, _record(filter))
        page = await facade_page(context, lister, first, after)
        return incident_types.incident_connection(page)

    @field
    async def incident(self, info: Info, id: strawberry.ID) -> incident_types.Incident | None:
        """One incident by id; null when there is none."""
        found = await info.context.loaders.incidents.load(decode_id_of(str(id), "Incident"))
        return incident_types.Incident(record=found) if found else None
