"""The records newsgraph stores, indexes and serves: Pydantic models, validated at the edges.

Every extracted fact carries its provenance: the article it came from and the
character span in that article's body. Entities (countries, organizations,
people) are merged across articles; the facts that support them are not.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator


class Record(BaseModel):
    """Base of every record: immutable once built, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class OrganizationKind(StrEnum):
    """What sort of body an organization is."""

    INTERGOVERNMENTAL = "INTERGOVERNMENTAL"
    GOVERNMENT_BODY = "GOVERNMENT_BODY"
    MEDIA = "MEDIA"
    MILITARY = "MILITARY"
    OTHER = "OTHER"


class StatementKind(StrEnum):
    """A quotation in the speaker's words, or reported speech."""

    DIRECT = "DIRECT"
    INDIRECT = "INDIRECT"


class IncidentKind(StrEnum):
    """What sort of event an incident is."""

    ARMED_CLASH = "ARMED_CLASH"
    MEETING = "MEETING"
    SUMMIT = "SUMMIT"
    POLITICAL = "POLITICAL"
    OTHER = "OTHER"


class FigureKind(StrEnum):
    """What a reported number counts."""

    KILLED = "KILLED"
    INJURED = "INJURED"
    EVACUATED = "EVACUATED"
    DISPLACED = "DISPLACED"
    DETAINED = "DETAINED"
    BUILDINGS_DESTROYED = "BUILDINGS_DESTROYED"
    HOMES_DESTROYED = "HOMES_DESTROYED"
    OTHER = "OTHER"


class Qualifier(StrEnum):
    """How exact a reported number is: "more than 700" is 700, MORE_THAN."""

    EXACT = "EXACT"
    AT_LEAST = "AT_LEAST"
    MORE_THAN = "MORE_THAN"
    ABOUT = "ABOUT"
    UP_TO = "UP_TO"


class EntityKind(StrEnum):
    """The kinds of entity merged across articles."""

    COUNTRY = "country"
    ORGANIZATION = "organization"
    PERSON = "person"


class Span(Record):
    """Characters ``start`` (inclusive) to ``end`` (exclusive) of an article's body."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EntityRef(Record):
    """A pointer to an entity: a speaker, a reporter, the subject of a mention."""

    kind: EntityKind
    id: str


# --- Articles ---------------------------------------------------------------


class ArticleDraft(Record):
    """An article as read from a file or a mutation, before its identity is settled."""

    title: str
    body: str
    published_at: AwareDatetime | None = None
    source: str | None = None
    url: str | None = None
    id: str | None = None
    dateline: str | None = None

    @field_validator("title", "body")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be empty")
        return value


class Article(Record):
    """A stored article. ``published_at`` is None when the article gives no date."""

    id: str
    title: str
    body: str
    url: str | None = None
    source: str | None = None
    published_at: AwareDatetime | None = None
    dateline: str | None = None
    content_hash: str


# --- Entities (merged across articles) --------------------------------------


class Country(Record):
    """A country; ``id`` is its ISO 3166 alpha-2 code."""

    id: str
    name: str
    alpha3: str
    aliases: tuple[str, ...] = ()


class Organization(Record):
    """An organization: intergovernmental, a government body, a news agency, ..."""

    id: str
    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    kind: OrganizationKind = OrganizationKind.OTHER
    country_id: str | None = None
    member_ids: tuple[str, ...] = ()


class Person(Record):
    """A person named in the news, with every alias seen."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country_id: str | None = None


# --- Facts (each from one article) ------------------------------------------


class Mention(Record):
    """An entity named in an article: how often, and where."""

    entity: EntityRef
    article_id: str
    count: int = Field(ge=1)
    spans: tuple[Span, ...] = ()


class Role(Record):
    """A title a person holds, as one article states it ("Secretary of the Security Council")."""

    person_id: str
    title: str
    organization_id: str | None = None
    country_id: str | None = None
    article_id: str
    span: Span


class Statement(Record):
    """Who said what, in their words (DIRECT) or reported (INDIRECT)."""

    id: str
    article_id: str
    text: str
    kind: StatementKind
    speaker: EntityRef | None = None
    said_on: date | None = None
    context: str
    span: Span


class Incident(Record):
    """Something that happened: when, where, and the articles that report it."""

    id: str
    title: str
    kind: IncidentKind
    start_date: date | None = None
    end_date: date | None = None
    country_ids: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()


class Figure(Record):
    """One reported number about an incident, with who reported it, where and when."""

    id: str
    incident_id: str
    kind: FigureKind
    value: int = Field(ge=0)
    qualifier: Qualifier = Qualifier.EXACT
    side_country_id: str | None = None
    reported_by: EntityRef | None = None
    article_id: str
    reported_on: date | None = None
    text: str
    span: Span


class Extraction(Record):
    """Everything extracted from one article, ids already resolved against the graph.

    Entities listed here are what this article says of them (its aliases, its
    kind); the store merges them into the entity records other articles built.
    """

    countries: tuple[Country, ...] = ()
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    mentions: tuple[Mention, ...] = ()
    roles: tuple[Role, ...] = ()
    statements: tuple[Statement, ...] = ()
    incidents: tuple[Incident, ...] = ()
    figures: tuple[Figure, ...] = ()


# --- Reads: filters, pages, search results ----------------------------------


class ArticleFilter(Record):
    """Which articles a list or a search keeps. Empty means all."""

    from_date: date | None = None
    to_date: date | None = None
    sources: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


class PersonFilter(Record):
    """Which people a list keeps."""

    country: str | None = None
    organization: str | None = None


class StatementFilter(Record):
    """Which statements a list keeps."""

    speaker: str | None = None
    country: str | None = None
    organization: str | None = None
    from_date: date | None = None
    to_date: date | None = None


class IncidentFilter(Record):
    """Which incidents a list keeps."""

    country: str | None = None
    from_date: date | None = None
    to_date: date | None = None


class SearchSort(StrEnum):
    """Order of search results."""

    RELEVANCE = "RELEVANCE"
    NEWEST = "NEWEST"
    OLDEST = "OLDEST"


T = TypeVar("T")


class Edge(Record, Generic[T]):
    """One item of a page, with the opaque cursor that resumes after it."""

    cursor: str
    node: T
    score: float | None = None


class Page(Record, Generic[T]):
    """A page of a stable, ordered list; ``total`` counts the whole list."""

    edges: tuple[Edge[T], ...]
    total: int
    has_next: bool
    has_previous: bool


class Highlight(Record):
    """Fragments of one field with matched terms in ``<mark>``; the rest HTML-escaped."""

    field: str
    fragments: tuple[str, ...]


class SearchHit(Record):
    """One ranked article."""

    cursor: str
    article_id: str
    score: float
    highlights: tuple[Highlight, ...] = ()


class FacetCount(Record):
    """How many results share one value (an entity id, a source, a year)."""

    value: str
    id: str | None = None
    count: int


class Facets(Record):
    """Counts over the whole result set, not one page."""

    countries: tuple[FacetCount, ...] = ()
    organizations: tuple[FacetCount, ...] = ()
    people: tuple[FacetCount, ...] = ()
    sources: tuple[FacetCount, ...] = ()
    years: tuple[FacetCount, ...] = ()


class SearchResults(Record):
    """One page of a ranked search, with the facts about the whole result set."""

    hits: tuple[SearchHit, ...]
    total: int
    has_next: bool
    has_previous: bool
    facets: Facets = Facets()
    did_you_mean: str | None = None
