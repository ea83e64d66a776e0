"""What extraction produced for one article, flattened to names: what scoring compares to gold.

Ids are kept only where scoring needs them: a role belongs to a person, and
cross-article merges are judged by whether two mentions got the same id.
"""

from __future__ import annotations

from dataclasses import dataclass

from search_index.models import FigureKind, OrganizationKind, Qualifier, StatementKind


@dataclass(frozen=True)
class PredictedOrganization:
    """An organization found in the article: its id and every name it goes by."""

    id: str
    names: tuple[str, ...]
    kind: OrganizationKind


@dataclass(frozen=True)
class PredictedPerson:
    """A person found in the article: their id and every alias."""

    id: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class PredictedRole:
    """A role the article gives a person; the organization by its names."""

    person_id: str
    title: str
    organization_names: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class PredictedStatement:
    """A statement; the speaker by its names (empty when there is none)."""

    text: str
    kind: StatementKind
    speaker_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class PredictedFigure:
    """A reported number of an incident, as this article reports it."""

    kind: FigureKind
    value: int
    qualifier: Qualifier


@dataclass(frozen=True)
class PredictedArticle:
    """Everything extracted from one article."""

    article: str
    countries: frozenset[str] = frozenset()
    organizations: tuple[PredictedOrganization, ...] = ()
    people: tuple[PredictedPerson, ...] = ()
    roles: tuple[PredictedRole, ...] = ()
    statements: tuple[PredictedStatement, ...] = ()
    figures: tuple[PredictedFigure, ...] = ()
