"""Writing one article and everything extracted from it; deleting one; merging entities.

All functions here run inside the caller's write transaction: an article and
all its records land together or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from enum import StrEnum

import pycountry

from search_index.models import Article, Extraction, Incident, Organization, Person, Span
from search_index.names import alias_key
from search_index.store import validate


class IngestOutcome(StrEnum):
    """What ingesting one article did."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class Touched:
    """Ids of the merged records whose support changed, to re-derive after a write."""

    countries: set[str] = field(default_factory=set)
    organizations: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    incidents: set[str] = field(default_factory=set)

    def add(self, other: Touched) -> None:
        """Take in another set of touched ids."""
        self.countries |= other.countries
        self.organizations |= other.organizations
        self.people |= other.people
        self.incidents |= other.incidents


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
    refresh(conn, touched)
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
    for country in found.countries:
        conn.execute(
            "INSERT INTO country_claims (country_id, article_id, name, alpha3) VALUES (?, ?, ?, ?)"
            " ON CONFLICT DO UPDATE SET name = excluded.name, alpha3 = excluded.alpha3",
            (country.id, article_id, country.name, country.alpha3),
        )
        _insert_aliases(conn, "country_aliases", "country_id", country.id, country.aliases, article_id)
    for organization in found.organizations:
        _insert_organization(conn, article_id, organization)
    for person in found.people:
        _insert_person(conn, article_id, person)
    for mention in found.mentions:
        conn.execute(
            "INSERT OR REPLACE INTO mentions (article_id, entity_kind, entity_id, count, spans)"
            " VALUES (?, ?, ?, ?, ?)",
            (article_id, mention.entity.kind.value, mention.entity.id, mention.count,
             _spans(mention.spans)),
        )
    for role in found.roles:
        conn.execute(
            "INSERT INTO roles (person_id, title, organization_id, country_id, article_id,"
            " span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (role.person_id, role.title, role.organization_id, role.country_id, article_id,
             role.span.start, role.span.end),
        )
    for statement in found.statements:
        speaker = statement.speaker
        conn.execute(
            "INSERT INTO statements (id, article_id, text, kind, speaker_kind, speaker_id, said_on,"
            " context, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (statement.id, article_id, statement.text, statement.kind.value,
             None if speaker is None else speaker.kind.value,
             None if speaker is None else speaker.id,
             None if statement.said_on is None else statement.said_on.isoformat(),
             statement.context, statement.span.start, statement.span.end),
        )
    for incident in found.incidents:
        _insert_incident(conn, article_id, incident)
    for figure in found.figures:
        reporter = figure.reported_by
        conn.execute(
            "INSERT INTO figures (id, incident_id, kind, value, qualifier, side_country_id,"
            " reporter_kind, reporter_id, article_id, reported_on, text, span_start, span_end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (figure.id, figure.incident_id, figure.kind.value, figure.value,
             figure.qualifier.value, figure.side_country_id,
             None if reporter is None else reporter.kind.value,
             None if reporter is None else reporter.id, article_id,
             None if figure.reported_on is None else figure.reported_on.isoformat(),
             figure.text, figure.span.start, figure.span.end),
        )
    return Touched(
        countries={country.id for country in found.countries},
        organizations={organization.id for organization in found.organizations},
        people={person.id for person in found.people},
        incidents={incident.id for incident in found.incidents},
    )


def _insert_aliases(
    conn: sqlite3.Connection,
    table: str,
    column: str,
    entity_id: str,
    aliases: tuple[str, ...],
    article_id: str,
) -> None:
    conn.executemany(
        f"INSERT OR IGNORE INTO {table} ({column}, alias, alias_key, article_id) VALUES (?, ?, ?, ?)",
        [(entity_id, alias, alias_key(alias), article_id) for alias in aliases],
    )


def _insert_organization(conn: sqlite3.Connection, article_id: str, org: Organization) -> None:
    conn.execute(
        "INSERT INTO organization_claims (organization_id, article_id, name, name_key, acronym,"
        " acronym_key, kind, country_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET name = excluded.name, name_key = excluded.name_key,"
        " acronym = excluded.acronym, acronym_key = excluded.acronym_key,"
        " kind = excluded.kind, country_id = excluded.country_id",
        (org.id, article_id, org.name, alias_key(org.name), org.acronym,
         None if org.acronym is None else alias_key(org.acronym), org.kind.value, org.country_id),
    )
    _insert_aliases(conn, "organization_aliases", "organization_id", org.id, org.aliases, article_id)
    conn.executemany(
        "INSERT OR IGNORE INTO organization_members (organization_id, country_id, article_id)"
        " VALUES (?, ?, ?)",
        [(org.id, member, article_id) for member in org.member_ids],
    )


def _insert_person(conn: sqlite3.Connection, article_id: str, person: Person) -> None:
    name_key = alias_key(person.name)
    surname_key = name_key.rsplit(" ", 1)[-1]
    conn.execute(
        "INSERT INTO person_claims"
        " (person_id, article_id, name, name_key, surname_key, country_id)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET name = excluded.name,"
        " name_key = excluded.name_key, surname_key = excluded.surname_key,"
        " country_id = excluded.country_id",
        (person.id, article_id, person.name, name_key, surname_key, person.country_id),
    )
    _insert_aliases(conn, "person_aliases", "person_id", person.id, person.aliases, article_id)


def _insert_incident(conn: sqlite3.Connection, article_id: str, incident: Incident) -> None:
    conn.execute(
        "INSERT INTO incident_claims (incident_id, article_id, title, kind, start_date, end_date)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET title = excluded.title,"
        " kind = excluded.kind, start_date = excluded.start_date, end_date = excluded.end_date",
        (incident.id, article_id, incident.title, incident.kind.value,
         None if incident.start_date is None else incident.start_date.isoformat(),
         None if incident.end_date is None else incident.end_date.isoformat()),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO incident_countries (incident_id, country_id, article_id)"
        " VALUES (?, ?, ?)",
        [(incident.id, country, article_id) for country in incident.country_ids],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO incident_places (incident_id, place, article_id) VALUES (?, ?, ?)",
        [(incident.id, place, article_id) for place in incident.places],
    )


# --- merged records, derived from their claims --------------------------------
#
# The latest claim (highest seq) names an entity: the extractor resolves each
# new article against the graph, so its view is the most informed one. An
# attribute the latest claim leaves empty falls back to the latest claim that
# has it, so a later, vaguer article does not erase what an earlier one said.


def refresh(conn: sqlite3.Connection, touched: Touched) -> None:
    """Re-derive every touched merged record from its claims; drop those with none left."""
    for country_id in sorted(touched.countries):
        _refresh_country(conn, country_id)
    for organization_id in sorted(touched.organizations):
        _refresh_organization(conn, organization_id)
    for person_id in sorted(touched.people):
        _refresh_person(conn, person_id)
    for incident_id in sorted(touched.incidents):
        _refresh_incident(conn, incident_id)


def _latest(conn: sqlite3.Connection, table: str, column: str, entity_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        f"SELECT * FROM {table} WHERE {column} = ? ORDER BY seq DESC LIMIT 1", (entity_id,)
    ).fetchone()
    return row


def _latest_value(
    conn: sqlite3.Connection, table: str, column: str, entity_id: str, attribute: str
) -> object:
    row = conn.execute(
        f"SELECT {attribute} FROM {table} WHERE {column} = ? AND {attribute} IS NOT NULL"
        " ORDER BY seq DESC LIMIT 1",
        (entity_id,),
    ).fetchone()
    return None if row is None else row[0]


def _refresh_country(conn: sqlite3.Connection, country_id: str) -> None:
    claim = _latest(conn, "country_claims", "country_id", country_id)
    if claim is None:
        conn.execute("DELETE FROM countries WHERE id = ?", (country_id,))
        return
    conn.execute(
        "INSERT INTO countries (id, name, alpha3, sort_name) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET name = excluded.name, alpha3 = excluded.alpha3,"
        " sort_name = excluded.sort_name",
        (country_id, claim["name"], claim["alpha3"], alias_key(claim["name"])),
    )


def _refresh_organization(conn: sqlite3.Connection, organization_id: str) -> None:
    claim = _latest(conn, "organization_claims", "organization_id", organization_id)
    if claim is None:
        conn.execute("DELETE FROM organizations WHERE id = ?", (organization_id,))
        return

    def latest(attribute: str) -> object:
        return _latest_value(conn, "organization_claims", "organization_id", organization_id,
                             attribute)

    kind_row = conn.execute(
        "SELECT kind FROM organization_claims WHERE organization_id = ? AND kind != 'OTHER'"
        " ORDER BY seq DESC LIMIT 1",
        (organization_id,),
    ).fetchone()
    conn.execute(
        "INSERT INTO organizations (id, name, acronym, kind, country_id, sort_name)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET name = excluded.name,"
        " acronym = excluded.acronym, kind = excluded.kind, country_id = excluded.country_id,"
        " sort_name = excluded.sort_name",
        (organization_id, claim["name"], latest("acronym"),
         "OTHER" if kind_row is None else kind_row[0], latest("country_id"),
         alias_key(claim["name"])),
    )


def _refresh_person(conn: sqlite3.Connection, person_id: str) -> None:
    # The fullest name any article gives, the latest of those: an article that
    # names him "Imankulov" alone does not shorten "Marat Imankulov".
    claim = conn.execute(
        "SELECT name FROM person_claims WHERE person_id = ?"
        " ORDER BY length(name_key) - length(replace(name_key, ' ', '')) DESC, seq DESC LIMIT 1",
        (person_id,),
    ).fetchone()
    if claim is None:
        conn.execute("DELETE FROM people WHERE id = ?", (person_id,))
        return
    country_id = _latest_value(conn, "person_claims", "person_id", person_id, "country_id")
    conn.execute(
        "INSERT INTO people (id, name, country_id, sort_name) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET name = excluded.name, country_id = excluded.country_id,"
        " sort_name = excluded.sort_name",
        (person_id, claim["name"], country_id, alias_key(claim["name"])),
    )


def _refresh_incident(conn: sqlite3.Connection, incident_id: str) -> None:
    claim = _latest(conn, "incident_claims", "incident_id", incident_id)
    if claim is None:
        conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
        return
    # Reports of one event may date it differently: the earliest start and the
    # latest end any report gives (an end no report gives stays None).
    start, end = conn.execute(
        "SELECT MIN(start_date), MAX(end_date) FROM incident_claims"
        " WHERE incident_id = ?",
        (incident_id,),
    ).fetchone()
    conn.execute(
        "INSERT INTO incidents (id, title, kind, start_date, end_date, search_text)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET title = excluded.title,"
        " kind = excluded.kind, start_date = excluded.start_date, end_date = excluded.end_date,"
        " search_text = excluded.search_text",
        (incident_id, claim["title"], claim["kind"], start, end,
         _incident_search_text(conn, incident_id, claim["title"], claim["kind"])),
    )


def _incident_search_text(conn: sqlite3.Connection, incident_id: str, title: str, kind: str) -> str:
    places = [row[0] for row in conn.execute(
        "SELECT DISTINCT place FROM incident_places WHERE incident_id = ?", (incident_id,))]
    countries = [_country_name(conn, row[0]) for row in conn.execute(
        "SELECT DISTINCT country_id FROM incident_countries WHERE incident_id = ?", (incident_id,))]
    words = [title, kind.replace("_", " "), *places, *countries]
    return " " + " ".join(alias_key(word) for word in words if word) + " "


def _country_name(conn: sqlite3.Connection, country_id: str) -> str:
    row = conn.execute("SELECT name FROM countries WHERE id = ?", (country_id,)).fetchone()
    if row is not None:
        return str(row[0])
    known = pycountry.countries.get(alpha_2=country_id)
    return country_id if known is None else str(known.name)
