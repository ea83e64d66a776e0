"""Entity references (a speaker, a reporter, a mention) resolved to GraphQL objects via loaders."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from graphql_api.context import Context
from graphql_api.types import country, organization, person
from search_index.models import EntityKind, EntityRef

Entity = person.Person | organization.Organization | country.Country


async def load_entity(context: Context, ref: EntityRef) -> Entity | None:
    """The person, organization or country ``ref`` points at; None when it is gone."""
    loaders = context.loaders
    if ref.kind is EntityKind.PERSON:
        found_person = await loaders.people.load(ref.id)
        return person.Person(record=found_person) if found_person else None
    if ref.kind is EntityKind.ORGANIZATION:
        found_org = await loaders.organizations.load(ref.id)
        return organization.Organization(record=found_org) if found_org else None
    found_country = await loaders.countries.load(ref.id)
    return country.Country(record=found_country) if found_country else None


async def load_speaker(
    context: Context, ref: EntityRef | None
) -> person.Person | organization.Organization | None:
    """A speaker or reporter: a person or an organization (a country is not one)."""
    if ref is None or ref.kind is EntityKind.COUNTRY:
        return None
    entity = await load_entity(context, ref)
    return entity if isinstance(entity, person.Person | organization.Organization) else None


async def load_entities(context: Context, refs: Sequence[EntityRef]) -> list[Entity | None]:
    """Several entities at once (the loaders batch them into one call per kind)."""
    return list(await asyncio.gather(*(load_entity(context, ref) for ref in refs)))
