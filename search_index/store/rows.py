"""Rows to records: the SELECT of each record kind and its converter.

Each ``*_SELECT`` yields one row per record with every collection it holds
(aliases, members, countries, ...) folded in as JSON by correlated
subqueries, so a batch of records is one query, never one per record.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from search_index.models import (
    Article,
    Country,
    EntityKind,
    EntityRef,
    Figure,
    FigureKind,
    Incident,
    IncidentKind,
    Mention,
    Organization,
    OrganizationKind,
    Person,
    Qualifier,
    Role,
    Span,
    Statement,
    StatementKind,
)

ARTICLE_SELECT = (
    "SELECT a.id, a.title, a.body, a.url, a.source, a.published_at, a.dateline, a.content_hash"
    " FROM articles a"
)

COUNTRY_SELECT = (
    "SELECT c.id, c.name, c.alpha3,"
    " (SELECT json_group_array(DISTINCT alias) FROM country_aliases x WHERE x.country_id = c.id)"
    " AS aliases FROM countries c"
)

ORGANIZATION_SELECT = (
    "SELECT o.id, o.name, o.acronym, o.kind, o.country_id,"
    " (SELECT json_group_array(DISTINCT alias) FROM organization_aliases x"
    "  WHERE x.organization_id = o.id) AS aliases,"
    " (SELECT json_group_array(DISTINCT country_id) FROM organization_members m"
    "  WHERE m.organization_id = o.id) AS member_ids"
    " FROM organizations o"
)

PERSON_SELECT = (
    "SELECT p.id, p.name, p.country_id,"
    " (SELECT json_group_array(DISTINCT alias) FROM person_aliases x WHERE x.person_id = p.id)"
    " AS aliases FROM people p"
)

INCIDENT_SELECT = (
    "SELECT i.id, i.title, i.kind, i.start_date, i.end_date,"
    " (SELECT json_group_array(DISTINCT country_id) FROM incident_countries x"
    "  WHERE x.incident_id = i.id) AS country_ids,"
    " (SELECT json_group_array(DISTINCT place) FROM incident_places x"
    "  WHERE x.incident_id = i.id) AS places,"
    " (SELECT json_group_array(DISTINCT article_id) FROM incident_claims x"
    "  WHERE x.incident_id = i.id) AS article_ids"
    " FROM incidents i"
)

STATEMENT_SELECT = (
    "SELECT s.id, s.article_id, s.text, s.kind, s.speaker_kind, s.speaker_id, s.said_on,"
    " s.context, s.span_start, s.span_end FROM statements s"
)

MENTION_SELECT = "SELECT m.article_id, m.entity_kind, m.entity_id, m.count, m.spans FROM mentions m"

ROLE_SELECT = (
    "SELECT r.person_id, r.title, r.organization_id, r.country_id, r.article_id,"
    " r.span_start, r.span_end FROM roles r"
)

FIGURE_SELECT = (
    "SELECT f.id, f.incident_id, f.kind, f.value, f.qualifier, f.side_country_id,"
    " f.reporter_kind, f.reporter_id, f.article_id, f.reported_on, f.text,"
    " f.span_start, f.span_end FROM figures f"
)


def _strings(raw: str | None) -> tuple[str, ...]:
    # Sorted so a record reads the same whatever order SQLite scanned its rows in.
    return tuple(sorted(str(item) for item in json.loads(raw or "[]")))


def _date(raw: str | None) -> date | None:
    return None if raw is None else date.fromisoformat(raw)


def _ref(kind: str | None, entity_id: str | None) -> EntityRef | None:
    if kind is None or entity_id is None:
        return None
    return EntityRef(kind=EntityKind(kind), id=entity_id)


def article(row: sqlite3.Row) -> Article:
    """An article row as a record."""
    published = row["published_at"]
    return Article(
        id=row["id"],
        title=row["title"],
        body=row["body"],
        url=row["url"],
        source=row["source"],
        published_at=None if published is None else datetime.fromisoformat(published),
        dateline=row["dateline"],
        content_hash=row["content_hash"],
    )


def country(row: sqlite3.Row) -> Country:
    """A country row as a record."""
    return Country(id=row["id"], name=row["name"], alpha3=row["alpha3"],
                   aliases=_strings(row["aliases"]))


def organization(row: sqlite3.Row) -> Organization:
    """An organization row as a record."""
    return Organization(
        id=row["id"],
        name=row["name"],
        acronym=row["acronym"],
        aliases=_strings(row["aliases"]),
        kind=OrganizationKind(row["kind"]),
        country_id=row["country_id"],
        member_ids=_strings(row["member_ids"]),
    )


def person(row: sqlite3.Row) -> Person:
    """A person row as a record."""
    return Person(id=row["id"], name=row["name"], aliases=_strings(row["aliases"]),
                  country_id=row["country_id"])


def incident(row: sqlite3.Row) -> Incident:
    """An incident row as a record."""
    return Incident(
        id=row["id"],
        title=row["title"],
        kind=IncidentKind(row["kind"]),
        start_date=_date(row["start_date"]),
        end_date=_date(row["end_date"]),
        country_ids=_strings(row["country_ids"]),
        places=_strings(row["places"]),
        article_ids=_strings(row["article_ids"]),
    )


def statement(row: sqlite3.Row) -> Statement:
    """A statement row as a record."""
    return Statement(
        id=row["id"],
        article_id=row["article_id"],
        text=row["text"],
        kind=StatementKind(row["kind"]),
        speaker=_ref(row["speaker_kind"], row["speaker_id"]),
        said_on=_date(row["said_on"]),
        context=row["context"],
        span=Span(start=row["span_start"], end=row["span_end"]),
    )


def mention(row: sqlite3.Row) -> Mention:
    """A mention row as a record."""
    return Mention(
        entity=EntityRef(kind=EntityKind(row["entity_kind"]), id=row["entity_id"]),
        article_id=row["article_id"],
        count=row["count"],
        spans=tuple(Span(start=start, end=end) for start, end in json.loads(row["spans"])),
    )


def role(row: sqlite3.Row) -> Role:
    """A role row as a record."""
    return Role(
        person_id=row["person_id"],
        title=row["title"],
        organization_id=row["organization_id"],
        country_id=row["country_id"],
        article_id=row["article_id"],
        span=Span(start=row["span_start"], end=row["span_end"]),
    )


def figure(row: sqlite3.Row) -> Figure:
    """A figure row as a record."""
    return Figure(
        id=row["id"],
        incident_id=row["incident_id"],
        kind=FigureKind(row["kind"]),
        value=row["value"],
        qualifier=Qualifier(row["qualifier"]),
        side_country_id=row["side_country_id"],
        reported_by=_ref(row["reporter_kind"], row["reporter_id"]),
        article_id=row["article_id"],
        reported_on=_date(row["reported_on"]),
        text=row["text"],
        span=Span(start=row["span_start"], end=row["span_end"]),
    )
