"""Reading back what extraction produced for an article, as :class:`PredictedArticle`.

Two ways: through the facade of a :class:`~search_index.NewsIndex` the set was
ingested into (the real pipeline, entities merged across articles), or from
one :class:`~search_index.models.Extraction` (each article on its own).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from search_index import NewsIndex
from search_index.models import (
    EntityKind,
    EntityRef,
    Extraction,
    Organization,
    Person,
)
from tests.eval.predicted import (
    PredictedArticle,
    PredictedFigure,
    PredictedOrganization,
    PredictedPerson,
    PredictedRole,
    PredictedStatement,
)

T = TypeVar("T")


def _organization_names(organization: Organization) -> tuple[str, ...]:
    acronym = (organization.acronym,) if organization.acronym else ()
    return (organization.name, *acronym, *organization.aliases)


def _person_names(person: Person) -> tuple[str, ...]:
    return (person.name, *person.aliases)


class _Names:
    """Names of the entities an article's facts point at, by id."""

    def __init__(self, people: Iterable[Person], organizations: Iterable[Organization]) -> None:
        self.people = {p.id: _person_names(p) for p in people}
        self.organizations = {o.id: _organization_names(o) for o in organizations}

    def of(self, ref: EntityRef | None) -> tuple[str, ...]:
        """The names of the entity ``ref`` points at; none for no entity or an unknown one."""
        if ref is None:
            return ()
        if ref.kind == EntityKind.PERSON:
            return self.people.get(ref.id, ())
        if ref.kind == EntityKind.ORGANIZATION:
            return self.organizations.get(ref.id, ())
        return ()

    def organization(self, organization_id: str | None) -> tuple[str, ...]:
        """The names of an organization by id; none when there is none."""
        return self.organizations.get(organization_id or "", ())


def from_extraction(article_id: str, extraction: Extraction) -> PredictedArticle:
    """What one article's extraction holds (ids as extraction gave them)."""
    names = _Names(extraction.people, extraction.organizations)
    return PredictedArticle(
        article=article_id,
        countries=frozenset(c.id for c in extraction.countries),
        organizations=tuple(PredictedOrganization(o.id, _organization_names(o), o.kind)
                            for o in extraction.organizations),
        people=tuple(PredictedPerson(p.id, _person_names(p)) for p in extraction.people),
        roles=tuple(PredictedRole(r.person_id, r.title, names.organization(r.organization_id),
                                  r.country_id) for r in extraction.roles),
        statements=tuple(PredictedStatement(s.text, s.kind, names.of(s.speaker))
                         for s in extraction.statements),
        figures=tuple(PredictedFigure(f.kind, f.value, f.qualifier) for f in extraction.figures),
    )


def _present(found: Iterable[T | None]) -> list[T]:
    return [item for item in found if item is not None]


def from_index(index: NewsIndex, article_id: str) -> PredictedArticle:
    """What the graph holds about one ingested article (entities as merged across articles)."""
    mentions = index.mentions_in_articles([article_id])[0]
    ids: dict[EntityKind, list[str]] = {kind: [] for kind in EntityKind}
    for mention in mentions:
        ids[mention.entity.kind].append(mention.entity.id)
    people = _present(index.people(ids[EntityKind.PERSON]))
    roles = [role for person_roles in index.roles_of_people([p.id for p in people])
             for role in person_roles if role.article_id == article_id]
    statements = index.statements_in_articles([article_id])[0]
    speaker_ids = {s.speaker.id for s in statements
                   if s.speaker is not None and s.speaker.kind == EntityKind.PERSON}
    # A speaker or a role's organization need not be among the article's mentions.
    more_people = _present(index.people(sorted(speaker_ids - {p.id for p in people})))
    organization_ids = set(ids[EntityKind.ORGANIZATION])
    organization_ids |= {r.organization_id for r in roles if r.organization_id}
    organization_ids |= {s.speaker.id for s in statements
                         if s.speaker is not None and s.speaker.kind == EntityKind.ORGANIZATION}
    everything = {o.id: o for o in _present(index.organizations(sorted(organization_ids)))}
    mentioned = [everything[i] for i in ids[EntityKind.ORGANIZATION] if i in everything]
    names = _Names([*people, *more_people], everything.values())
    incidents = index.incidents_in_articles([article_id])[0]
    figures = [figure for incident_figures in index.figures_of_incidents([i.id for i in incidents])
               for figure in incident_figures if figure.article_id == article_id]
    return PredictedArticle(
        article=article_id,
        countries=frozenset(ids[EntityKind.COUNTRY]),
        organizations=tuple(PredictedOrganization(o.id, _organization_names(o), o.kind)
                            for o in mentioned),
        people=tuple(PredictedPerson(p.id, _person_names(p)) for p in people),
        roles=tuple(PredictedRole(r.person_id, r.title, names.organization(r.organization_id),
                                  r.country_id) for r in roles),
        statements=tuple(PredictedStatement(s.text, s.kind, names.of(s.speaker))
                         for s in statements),
        figures=tuple(PredictedFigure(f.kind, f.value, f.qualifier) for f in figures),
    )
