"""Merged records (countries, organizations, people, incidents), derived from their claims.

The latest claim (highest seq) names an entity: the extractor resolves each
new article against the graph, so its view is the most informed one. An
attribute the latest claim leaves empty falls back to the latest claim that
has it, so a later, vaguer article does not erase what an earlier one said.

A claim written in the current transaction is the latest of its record: seq
is AUTOINCREMENT, so it outnumbers every claim before it, deleted ones too.
The article being stored thus hands over its records' latest claims itself
(:class:`Fresh`), and only what those leave empty is read back.

A merged row is rewritten only when one of its values changes: a row left
alone keeps its pages, and its indexes' pages, clean, so the commit writes
less to the WAL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pycountry

from search_index.models import Country, Extraction, Incident, Organization, Person
from search_index.names import alias_key


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


@dataclass(frozen=True)
class Fresh:
    """The claims the article being stored has just made, by record id: each its record's latest."""

    countries: Mapping[str, Country] = field(default_factory=dict)
    organizations: Mapping[str, Organization] = field(default_factory=dict)
    people: Mapping[str, Person] = field(default_factory=dict)
    incidents: Mapping[str, Incident] = field(default_factory=dict)

    @classmethod
    def of(cls, extraction: Extraction) -> Fresh:
        """The claims ``extraction`` has just been stored as."""
        # Of a record listed twice, the claim upsert kept the last; so does a dict.
        return cls(
            countries={country.id: country for country in extraction.countries},
            organizations={org.id: org for org in extraction.organizations},
            people={person.id: person for person in extraction.people},
            incidents={incident.id: incident for incident in extraction.incidents},
        )


#: No claims made in this transaction (a delete): every record is read back.
NOTHING_FRESH = Fresh()


def refresh(conn: sqlite3.Connection, touched: Touched, fresh: Fresh = NOTHING_FRESH) -> None:
    """Re-derive every touched merged record from its claims; drop those with none left.

    ``fresh``: the claims this transaction has made (see :class:`Fresh`).
    """
    # Countries first: an incident's search text reads their names.
    for country_id in sorted(touched.countries):
        _refresh_country(conn, country_id, fresh.countries.get(country_id))
    for organization_id in sorted(touched.organizations):
        _refresh_organization(conn, organization_id, fresh.organizations.get(organization_id))
    for person_id in sorted(touched.people):
        _refresh_person(conn, person_id, fresh.people.get(person_id))
    for incident_id in sorted(touched.incidents):
        _refresh_incident(conn, incident_id, fresh.incidents.get(incident_id))


def upsert_sql(table: str, columns: Sequence[str]) -> str:
    """Insert a row keyed by ``id``, or update the stored one only where a value differs."""
    rest = [column for column in columns if column != "id"]
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        f" ON CONFLICT DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in rest)}"
        f" WHERE ({', '.join(rest)}) IS NOT ({', '.join(f'excluded.{c}' for c in rest)})"
    )


_UPSERT_COUNTRY = upsert_sql("countries", ("id", "name", "alpha3", "sort_name"))
_UPSERT_ORGANIZATION = upsert_sql(
    "organizations", ("id", "name", "acronym", "kind", "country_id", "sort_name")
)
_UPSERT_PERSON = upsert_sql("people", ("id", "name", "country_id", "sort_name"))
_UPSERT_INCIDENT = upsert_sql(
    "incidents", ("id", "title", "kind", "start_date", "end_date", "search_text")
)


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


def _refresh_country(conn: sqlite3.Connection, country_id: str, fresh: Country | None) -> None:
    if fresh is not None:
        name, alpha3 = fresh.name, fresh.alpha3
    elif (claim := _latest(conn, "country_claims", "country_id", country_id)) is not None:
        name, alpha3 = claim["name"], claim["alpha3"]
    else:
        conn.execute("DELETE FROM countries WHERE id = ?", (country_id,))
        return
    conn.execute(_UPSERT_COUNTRY, (country_id, name, alpha3, alias_key(name)))


def _refresh_organization(
    conn: sqlite3.Connection, organization_id: str, fresh: Organization | None
) -> None:
    acronym: object
    country_id: object
    if fresh is not None:
        name, acronym, kind = fresh.name, fresh.acronym, fresh.kind.value
        country_id = fresh.country_id
    elif (claim := _latest(conn, "organization_claims", "organization_id", organization_id)):
        name, acronym, kind = claim["name"], claim["acronym"], claim["kind"]
        country_id = claim["country_id"]
    else:
        conn.execute("DELETE FROM organizations WHERE id = ?", (organization_id,))
        return

    # What the latest claim leaves empty, the latest claim that has it gives.
    def latest(attribute: str) -> object:
        return _latest_value(conn, "organization_claims", "organization_id", organization_id,
                             attribute)

    if kind == "OTHER":
        kind_row = conn.execute(
            "SELECT kind FROM organization_claims WHERE organization_id = ? AND kind != 'OTHER'"
            " ORDER BY seq DESC LIMIT 1",
            (organization_id,),
        ).fetchone()
        kind = "OTHER" if kind_row is None else kind_row[0]
    conn.execute(
        _UPSERT_ORGANIZATION,
        (organization_id, name, latest("acronym") if acronym is None else acronym, kind,
         latest("country_id") if country_id is None else country_id, alias_key(name)),
    )


def _refresh_person(conn: sqlite3.Connection, person_id: str, fresh: Person | None) -> None:
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
    country_id: object = None if fresh is None else fresh.country_id
    if country_id is None:
        country_id = _latest_value(conn, "person_claims", "person_id", person_id, "country_id")
    conn.execute(_UPSERT_PERSON, (person_id, claim["name"], country_id, alias_key(claim["name"])))


def _refresh_incident(conn: sqlite3.Connection, incident_id: str, fresh: Incident | None) -> None:
    if fresh is not None:
        title, kind = fresh.title, fresh.kind.value
    elif (claim := _latest(conn, "incident_claims", "incident_id", incident_id)) is not None:
        title, kind = claim["title"], claim["kind"]
    else:
        conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
        return
    # Reports of one event may date it differently: the earliest start and the
    # latest end any report gives (an end no report gives stays None).
    start, end = conn.execute(
        "SELECT MIN(start_date), MAX(end_date) FROM incident_claims WHERE incident_id = ?",
        (incident_id,),
    ).fetchone()
    conn.execute(
        _UPSERT_INCIDENT,
        (incident_id, title, kind, start, end,
         _incident_search_text(conn, incident_id, title, kind)),
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
