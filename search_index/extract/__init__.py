"""Knowledge extraction: the typed facts of one article, resolved against the graph.

``extract(article, graph)`` runs the rules of each kind (countries,
organizations, people and roles, statements, incidents and figures) over the
article's body and returns an :class:`~search_index.models.Extraction` whose
entity ids are already merged with the entities other articles built.
Deterministic and explainable: every fact keeps the span it came from.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from search_index.models import (
    Article,
    EntityKind,
    Extraction,
    Incident,
    IncidentKind,
    Organization,
    Person,
    Record,
    Span,
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

    def organization_by_alias_key(self, key: str) -> Organization | None:
        """The organization one of whose names or acronym has this alias key."""
        ...

    def incidents_like(
        self, kind: IncidentKind, start: date | None, country_ids: tuple[str, ...]
    ) -> list[Incident]:
        """Stored incidents of this kind starting on that date in any of these countries."""
        ...


class EmptyGraph:
    """A graph with nothing in it: for extracting one article on its own."""

    def people_by_alias_key(self, key: str) -> list[Person]:
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


def extract(article: Article, graph: GraphLookup | None = None) -> Extraction:
    """Every fact this article states, with ids merged against ``graph``."""
    # Filled in rule by rule (see the modules of this package); empty until then.
    return Extraction()
