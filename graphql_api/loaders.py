"""DataLoaders, one set per request: each batch of keys is one facade call, run off the event loop.

The facade is synchronous (SQLite and Whoosh); every call goes to a worker
thread so one slow read never stalls the other requests this process serves.
First pages of per-entity lists (a person's statements, an entity's articles)
are keyed by entity and page size: one facade call per page size in a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from strawberry.dataloader import DataLoader

from search_index import NewsIndex
from search_index.models import (
    Article,
    Country,
    EntityRef,
    Figure,
    Incident,
    Mention,
    Organization,
    Page,
    Person,
    Role,
    Statement,
)

V = TypeVar("V")

#: An entity and a page size: the key of a first page of one of its lists.
PageKey = tuple[EntityRef, int]

#: A batched facade method of first pages: entities and page size in, one page per entity out.
FirstPages = Callable[[Sequence[EntityRef], int], list[Page[V]]]


def _loader(batch: Callable[[Sequence[str]], list[V]]) -> DataLoader[str, V]:
    """A DataLoader over one batched facade method (same order in as out)."""

    async def load(keys: list[str]) -> list[V]:
        return await run_in_threadpool(batch, keys)

    return DataLoader(load_fn=load)


def first_pages(batch: FirstPages[V], keys: Sequence[PageKey]) -> list[Page[V]]:
    """The page for each key, in order: one ``batch`` call per distinct page size.

    A query asking different sizes of the same list (aliases) needs one call
    each; the usual query asks one size, so one call.
    """
    answers: dict[PageKey, Page[V]] = {}
    for size in sorted({size for _, size in keys}):
        refs = [ref for ref, wanted in keys if wanted == size]
        answers.update(zip([(ref, size) for ref in refs], batch(refs, size), strict=True))
    return [answers[key] for key in keys]


def _page_loader(batch: FirstPages[V]) -> DataLoader[PageKey, Page[V]]:
    """A DataLoader of first pages over one batched facade method."""

    async def load(keys: list[PageKey]) -> list[Page[V]]:
        return await run_in_threadpool(first_pages, batch, keys)

    return DataLoader(load_fn=load)


@dataclass(frozen=True)
class Loaders:
    """The loaders of one request; made fresh per request, so nothing is cached across them."""

    articles: DataLoader[str, Article | None]
    countries: DataLoader[str, Country | None]
    organizations: DataLoader[str, Organization | None]
    people: DataLoader[str, Person | None]
    statements: DataLoader[str, Statement | None]
    incidents: DataLoader[str, Incident | None]
    mentions_in_articles: DataLoader[str, list[Mention]]
    statements_in_articles: DataLoader[str, list[Statement]]
    incidents_in_articles: DataLoader[str, list[Incident]]
    roles_of_people: DataLoader[str, list[Role]]
    organizations_of_people: DataLoader[str, list[Organization]]
    people_of_organizations: DataLoader[str, list[Person]]
    people_of_countries: DataLoader[str, list[Person]]
    organizations_of_countries: DataLoader[str, list[Organization]]
    incidents_of_countries: DataLoader[str, list[Incident]]
    figures_of_incidents: DataLoader[str, list[Figure]]
    statements_of_speakers: DataLoader[PageKey, Page[Statement]]
    articles_of_entities: DataLoader[PageKey, Page[Article]]

    @classmethod
    def over(cls, index: NewsIndex) -> Loaders:
        """Fresh loaders reading ``index``."""
        return cls(
            articles=_loader(index.articles),
            countries=_loader(index.countries),
            organizations=_loader(index.organizations),
            people=_loader(index.people),
            statements=_loader(index.statements),
            incidents=_loader(index.incidents),
            mentions_in_articles=_loader(index.mentions_in_articles),
            statements_in_articles=_loader(index.statements_in_articles),
            incidents_in_articles=_loader(index.incidents_in_articles),
            roles_of_people=_loader(index.roles_of_people),
            organizations_of_people=_loader(index.organizations_of_people),
            people_of_organizations=_loader(index.people_of_organizations),
            people_of_countries=_loader(index.people_of_countries),
            organizations_of_countries=_loader(index.organizations_of_countries),
            incidents_of_countries=_loader(index.incidents_of_countries),
            figures_of_incidents=_loader(index.figures_of_incidents),
            statements_of_speakers=_page_loader(
                lambda refs, size: index.statements_of_speakers(refs, first=size)
            ),
            articles_of_entities=_page_loader(
                lambda refs, size: index.articles_of_entities(refs, first=size)
            ),
        )
