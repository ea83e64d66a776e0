"""Writing one article and everything extracted from it (its claims and facts); deleting one.

All functions here run inside the caller's write transaction: an article and
all its records land together or not at all. The merged records the claims
support are then re-derived (:mod:`~search_index.store.merged`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date
from enum import StrEnum

from search_index.models import (
    Article,
    Country,
    Extraction,
    Figure,
    Incident,
    Mention,
    Organization,
    Person,
    Role,
    Span,
    Statement,
)
from search_index.names import alias_key
from search_index.store import validate
from search_index.store.merged import Fresh, Touched, refresh


class IngestOutcome(StrEnum):
    """What ingesting one article did."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def stored_hash(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The content hash stored for this article id, None if there is none."""
    row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else str(row[0])


def put(conn: sqlite3.Connection, article: Article, extraction: Extraction) -> IngestOutcome:
    """Store ``article`` with ``extraction``, replacing an older version of the same id."""
    validate.check(article.id, extraction)
    previous = stored_hash(conn, article.id)
    if previous == article.content_hash:
        return IngestOutcome.UNCHANGED
    touched = Touched()
    if previous is not None:
        touched.add(_remove(conn, article.id))
    _insert_article(conn, article)
    touched.add(_insert_extraction(conn, article.id, extraction))
    refresh(conn, touched, Fresh.of(extraction))
    return IngestOutcome.ADDED if previous is None else IngestOutcome.UPDATED


def delete(conn: sqlite3.Connection, article_id: str) -> bool:
    """Delete an article and what it alone supported; False when there was none."""
    if stored_hash(conn, article_id) is None:
        return False
    refresh(conn, _remove(conn, article_id))
    return True


def _remove(conn: sqlite3.Connection, article_id: str) -> Touched:
    touched = _supported_by(conn, article_id)
    # Every fact and claim goes with the article (ON DELETE CASCADE).
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    return touched


def _supported_by(conn: sqlite3.Connection, article_id: str) -> Touched:
    def ids(table: str, column: str) -> set[str]:
        sql = f"SELECT DISTINCT {column} FROM {table} WHERE article_id = ?"
        return {str(row[0]) for row in conn.execute(sql, (article_id,))}

    return Touched(
        countries=ids("country_claims", "country_id"),
        organizations=ids("organization_claims", "organization_id"),
        people=ids("person_claims", "person_id"),
        incidents=ids("incident_claims", "incident_id"),
    )


def _insert_article(conn: sqlite3.Connection, article: Article) -> None:
    published = article.published_at
    conn.execute(
        "INSERT INTO articles (id, title, body, url, source, published_at, published_utc,"
        " published_on, dateline, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            article.title,
            article.body,
            article.url,
            article.source,
            None if published is None else published.isoformat(),
            "" if published is None else utc_key(published.timestamp()),
            None if published is None else published.date().isoformat(),
            article.dateline,
            article.content_hash,
        ),
    )


def utc_key(timestamp: float) -> str:
    """A sort key for an instant: fixed width, so text order is time order."""
    return f"{timestamp:020.6f}"


def _spans(spans: tuple[Span, ...]) -> str:
    return json.dumps([[span.start, span.end] for span in spans])


def _insert_extraction(conn: sqlite3.Connection, article_id: str, found: Extraction) -> Touched:
    # One executemany per table: one call for all an article's rows of it, in
    # the order they come (a record listed twice updates its claim, as before).
    _insert_countries(conn, article_id, found.countries)
    _insert_organizations(conn, article_id, found.organizations)
    _insert_people(conn, article_id, found.people)
    conn.executemany(
        "INSERT OR REPLACE INTO mentions (article_id, entity_kind, entity_id, count, spans)"
        " VALUES (?, ?, ?, ?, ?)",
        [_mention_row(article_id, mention) for mention in found.mentions],
    )
    conn.executemany(
        "INSERT INTO roles (person_id, title, organization_id, country_id, article_id,"
        " span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [_role_row(article_id, role) for role in found.roles],
    )
    conn.executemany(
        "INSERT INTO statements (id, article_id, text, kind, speaker_kind, speaker_id, said_on,"
        " context, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_statement_row(article_id, statement) for statement in found.statements],
    )
    _insert_incidents(conn, article_id, found.incidents)
    conn.executemany(
        "INSERT INTO figures (id, incident_id, kind, value, qualifier, side_country_id,"
        " reporter_kind, reporter_id, article_id, reported_on, text, span_start, span_end)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_figure_row(article_id, figure) for figure in found.figures],
    )
    return Touched(
        countries={country.id for country in found.countries},
        organizations={organization.id for organization in found.organizations},
        people={person.id for person in found.people},
        incidents={incident.id for incident in found.incidents},
    )


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _mention_row(article_id: str, mention: Mention) -> tuple[object, ...]:
    return (article_id, mention.entity.kind.value, mention.entity.id, mention.count,
            _spans(mention.spans))


def _role_row(article_id: str, role: Role) -> tuple[object, ...]:
    return (role.person_id, role.title, role.organization_id, role.country_id, article_id,
            role.span.start, role.span.end)


def _statement_row(article_id: str, statement: Statement) -> tuple[object, ...]:
    speaker = statement.speaker
    return (statement.id, article_id, statement.text, statement.kind.value,
            None if speaker is None else speaker.kind.value,
            None if speaker is None else speaker.id,
            _iso(statement.said_on), statement.context, statement.span.start, statement.span.end)


def _figure_row(article_id: str, figure: Figure) -> tuple[object, ...]:
    reporter = figure.reported_by
    return (figure.id, figure.incident_id, figure.kind.value, figure.value,
            figure.qualifier.value, figure.side_country_id,
            None if reporter is None else reporter.kind.value,
            None if reporter is None else reporter.id, article_id,
            _iso(figure.reported_on), figure.text, figure.span.start, figure.span.end)


def _insert_aliases(
    conn: sqlite3.Connection,
    table: str,
    column: str,
    article_id: str,
    owners: Sequence[Country | Organization | Person],
) -> None:
    conn.executemany(
        f"INSERT OR IGNORE INTO {table} ({column}, alias, alias_key, article_id) VALUES (?, ?, ?, ?)",
        [(owner.id, alias, alias_key(alias), article_id)
         for owner in owners for alias in owner.aliases],
    )


def _insert_countries(
    conn: sqlite3.Connection, article_id: str, countries: Sequence[Country]
) -> None:
    conn.executemany(
        "INSERT INTO country_claims (country_id, article_id, name, alpha3) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET name = excluded.name, alpha3 = excluded.alpha3",
        [(country.id, article_id, country.name, country.alpha3) for country in countries],
    )
    _insert_aliases(conn, "country_aliases", "country_id", article_id, countries)


def _insert_organizations(
    conn: sqlite3.Connection, article_id: str, organizations: Sequence[Organization]
) -> None:
    conn.executemany(
        "INSERT INTO organization_claims (organization_id, article_id, name, name_key, acronym,"
        " acronym_key, kind, country_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET name = excluded.name, name_key = excluded.name_key,"
        " acronym = excluded.acronym, acronym_key = excluded.acronym_key,"
        " kind = excluded.kind, country_id = excluded.country_id",
        [(org.id, article_id, org.name, alias_key(org.name), org.acronym,
          None if org.acronym is None else alias_key(org.acronym), org.kind.value, org.country_id)
         for org in organizations],
    )
    _insert_aliases(conn, "organization_aliases", "organization_id", article_id, organizations)
    conn.executemany(
        "INSERT OR IGNORE INTO organization_members (organization_id, country_id, article_id)"
        " VALUES (?, ?, ?)",
        [(org.id, member, article_id) for org in organizations for member in org.member_ids],
    )


def _person_claim_row(article_id: str, person: Person) -> tuple[object, ...]:
    full_key = alias_key(person.name)
    surname_key = full_key.rsplit(" ", 1)[-1]
    return (person.id, article_id, person.name, full_key, surname_key, person.country_id)


def _insert_people(conn: sqlite3.Connection, article_id: str, people: Sequence[Person]) -> None:
    conn.executemany(
        "INSERT INTO person_claims"
        " (person_id, article_id, name, name_key, surname_key, country_id)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET name = excluded.name,"
        " name_key = excluded.name_key, surname_key = excluded.surname_key,"
        " country_id = excluded.country_id",
        [_person_claim_row(article_id, person) for person in people],
    )
    _insert_aliases(conn, "person_aliases", "person_id", article_id, people)


def _insert_incidents(
    conn: sqlite3.Connection, article_id: str, incidents: Sequence[Incident]
) -> None:
    conn.executemany(
        "INSERT INTO incident_claims (incident_id, article_id, title, kind, start_date, end_date)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET title = excluded.title,"
        " kind = excluded.kind, start_date = excluded.start_date, end_date = excluded.end_date",
        [(incident.id, article_id, incident.title, incident.kind.value,
          _iso(incident.start_date), _iso(incident.end_date)) for incident in incidents],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO incident_countries (incident_id, country_id, article_id)"
        " VALUES (?, ?, ?)",
        [(incident.id, country, article_id)
         for incident in incidents for country in incident.country_ids],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO incident_places (incident_id, place, article_id) VALUES (?, ?, ?)",
        [(incident.id, place, article_id) for incident in incidents for place in incident.places],
    )
