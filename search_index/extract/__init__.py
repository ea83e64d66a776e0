"""Knowledge extraction: the typed facts of one article, resolved against the graph.

``extract(article, graph)`` runs the rules of each kind (countries,
organizations, people and roles, statements, incidents and figures) over the
article's body and returns an :class:`~search_index.models.Extraction` whose
entity ids are already merged with the entities other articles built.
Deterministic and explainable: every fact keeps the span it came from.
It is two steps: the pure :func:`analyze` (the text alone) and
:func:`merge_with_graph` (which reads the store), so a bulk ingest can analyze
articles ahead in other processes while merging each in turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from search_index.models import (
    Article,
    EntityKind,
    EntityRef,
    Extraction,
    Figure,
    Incident,
    IncidentKind,
    Mention,
    Organization,
    Person,
    Record,
    Span,
    Statement,
)


class Found(Record):
    """An entity named at one place in the text, before merging across articles.

    ``key`` is the entity's id as far as this article can tell: the alpha-2
    code for a country, the organization's or person's id.
    """

    kind: EntityKind
    key: str
    name: str
    surface: str
    span: Span


class GraphLookup(Protocol):
    """What extraction may ask of the entities earlier articles built (the store answers)."""

    def people_by_alias_key(self, key: str) -> list[Person]:
        """People one of whose aliases has this :func:`~search_index.names.alias_key`."""
        ...

    def people_by_surname_key(self, key: str) -> list[Person]:
        """People some article names with this surname (the alias key of one word)."""
        ...

    def organization_by_alias_key(self, key: str) -> Organization | None:
        """The organization one of whose names or acronym has this alias key."""
        ...

    def incidents_like(
        self, kind: IncidentKind, start: date | None, country_ids: tuple[str, ...]
    ) -> list[Incident]:
        """Stored incidents of this kind starting on that date in any of these countries."""
        ...

    def incidents_in(self, kind: IncidentKind, country_ids: tuple[str, ...]) -> list[Incident]:
        """Stored incidents of this kind in any of these countries, dated or not."""
        ...


class EmptyGraph:
    """A graph with nothing in it: for extracting one article on its own."""

    def people_by_alias_key(self, key: str) -> list[Person]:
        """No one."""
        return []

    def people_by_surname_key(self, key: str) -> list[Person]:
        """No one."""
        return []

    def organization_by_alias_key(self, key: str) -> Organization | None:
        """Nothing."""
        return None

    def incidents_like(
        self, kind: IncidentKind, start: date | None, country_ids: tuple[str, ...]
    ) -> list[Incident]:
        """Nothing."""
        return []

    def incidents_in(self, kind: IncidentKind, country_ids: tuple[str, ...]) -> list[Incident]:
        """Nothing."""
        return []


def mentions_of(article_id: str, found: Sequence[Found]) -> list[Mention]:
    """One :class:`Mention` per entity named in ``found``: how often, and every span, in order."""
    grouped: dict[tuple[EntityKind, str], list[Span]] = {}
    for item in found:
        grouped.setdefault((item.kind, item.key), []).append(item.span)
    return [
        Mention(
            entity=EntityRef(kind=kind, id=key),
            article_id=article_id,
            count=len(spans),
            spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))),
        )
        for (kind, key), spans in grouped.items()
    ]


def _with_ids(
    article_id: str, statements: Sequence[Statement], figures: Sequence[Figure]
) -> tuple[tuple[Statement, ...], tuple[Figure, ...]]:
    # Ids follow the span so that re-extracting an article yields the same ids; the end
    # and kind too, since two facts may start at one place.
    return (
        tuple(
            s.model_copy(update={"id": f"{article_id}:s{s.span.start}-{s.span.end}"})
            for s in statements
        ),
        tuple(
            f.model_copy(update={"id": f"{article_id}:f{f.span.start}-{f.span.end}-{f.kind.value}"})
            for f in figures
        ),
    )


def analyze(article: Article) -> Extraction:
    """Every fact this article states on its own: ids local to it, no graph consulted.

    Countries first, since organizations (government bodies, members) and
    people (roles) are read relative to them; then people, statements and
    incidents. Pure (the article in, records out), so it may run in another
    process ahead of the articles being stored.
    """
    # The rule modules import Found from this package, so they are imported here, not on top.
    from search_index.extract import incidents, people, statements
    from search_index.extract.countries import country_records, find_countries
    from search_index.extract.organizations import find_organizations

    body = article.body
    countries = find_countries(body)
    orgs, organizations = find_organizations(body, countries)
    found_people = people.find_people(article, countries, orgs, organizations)
    said = statements.find_statements(article, found_people.mentions, orgs, found_people.people)
    incident_list, figures = incidents.find_incidents(
        article, countries, orgs, found_people.mentions
    )
    statements_with_ids, figures_with_ids = _with_ids(article.id, said, figures)
    records = country_records()
    return Extraction(
        countries=tuple(records[key] for key in dict.fromkeys(c.key for c in countries)),
        organizations=tuple(organizations),
        people=tuple(found_people.people),
        mentions=tuple(mentions_of(article.id, [*countries, *orgs, *found_people.mentions])),
        roles=tuple(found_people.roles),
        statements=statements_with_ids,
        incidents=tuple(incident_list),
        figures=figures_with_ids,
    )


def merge_with_graph(
    article: Article, local: Extraction, graph: GraphLookup | None = None
) -> Extraction:
    """``local`` (what :func:`analyze` found in ``article``) with its ids merged against ``graph``.

    Reads the graph, so it runs where the store is, in the order articles are stored.
    """
    from search_index.extract.resolve import resolve

    published_on = article.published_at.date() if article.published_at else None
    return resolve(local, graph if graph is not None else EmptyGraph(), published_on)


def extract(article: Article, graph: GraphLookup | None = None) -> Extraction:
    """Every fact this article states, with ids merged against ``graph``.

    :func:`analyze`, then :func:`merge_with_graph`.
    """
    return merge_with_graph(article, analyze(article), graph)
