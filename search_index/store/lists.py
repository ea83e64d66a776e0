"""The filtered lists the API pages through, each in one stable order.

Filters become SQL conditions; sort keys are never NULL (an undated row sorts
by a flag first, so "newest first, undated last" is a plain keyset order).
Fuzzy name search ranks in Python with rapidfuzz over every name and alias.
"""

from __future__ import annotations

import json
import sqlite3

from rapidfuzz import fuzz

from search_index import cursors
from search_index.models import (
    Article,
    ArticleFilter,
    Country,
    Incident,
    IncidentFilter,
    Organization,
    Page,
    Person,
    PersonFilter,
    Record,
    Statement,
    StatementFilter,
)
from search_index.names import alias_key
from search_index.store import reads, rows
from search_index.store.paging import Order, Query, page, ranked_page

#: The least rapidfuzz WRatio (0-100) for a name to count as matching a search.
MIN_FUZZY_SCORE = 70.0

_IN = reads.IN_IDS


def _scope(name: str, *params: object) -> str:
    return cursors.scope_of(name, *params)


def _dump(filter: Record | None) -> object:
    return None if filter is None else filter.model_dump(mode="json")


# --- articles ---------------------------------------------------------------


def article_conditions(filter: ArticleFilter) -> tuple[list[str], list[object]]:
    """SQL conditions on ``articles a`` for a filter: OR within a field, AND across fields."""
    where: list[str] = []
    params: list[object] = []
    if filter.from_date is not None:
        where.append("a.published_on >= ?")
        params.append(filter.from_date.isoformat())
    if filter.to_date is not None:
        where.append("a.published_on <= ?")
        params.append(filter.to_date.isoformat())
    if filter.sources:
        where.append(f"a.source {_IN}")
        params.append(reads.ids_param(list(filter.sources)))
    for kind, ids in (("country", filter.countries), ("organization", filter.organizations),
                      ("person", filter.people)):
        if ids:
            where.append(
                "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id"
                f" AND m.entity_kind = ? AND m.entity_id {_IN})"
            )
            params.extend([kind, reads.ids_param(list(ids))])
    return where, params


def article_query(filter: ArticleFilter) -> Query:
    """The list of articles a filter keeps, newest first (undated last), then by id."""
    where, params = article_conditions(filter)
    return Query(
        select=rows.ARTICLE_SELECT,
        source="articles a",
        order=(Order("(a.published_utc = '')", int), Order("a.published_utc", str, True),
               Order("a.id", str)),
        scope=_scope("articles", _dump(filter)),
        where=where,
        params=params,
    )


def articles(
    conn: sqlite3.Connection, filter: ArticleFilter | None, *, first: int, after: str | None
) -> Page[Article]:
    """Articles, newest first (undated last), then by id."""
    query = article_query(filter or ArticleFilter())
    return page(conn, query, rows.article, first=first, after=after)


# --- people, organizations, countries -------------------------------------------------


def _person_conditions(filter: PersonFilter) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if filter.country is not None:
        where.append("p.country_id = ?")
        params.append(filter.country)
    if filter.organization is not None:
        where.append("EXISTS (SELECT 1 FROM roles r WHERE r.person_id = p.id AND r.organization_id = ?)")
        params.append(filter.organization)
    return where, params


def people(
    conn: sqlite3.Connection,
    search: str | None,
    filter: PersonFilter | None,
    *,
    first: int,
    after: str | None,
) -> Page[Person]:
    """People by name, or best fuzzy match first when ``search`` is given."""
    filter = filter or PersonFilter()
    where, params = _person_conditions(filter)
    scope = _scope("people", search, _dump(filter))
    if search is not None and search.strip():
        sql = (
            "SELECT p.id, p.sort_name AS name_key, NULL AS acronym, (SELECT json_group_array(DISTINCT alias_key)"
            " FROM person_aliases x WHERE x.person_id = p.id) AS keys FROM people p"
            f" WHERE {' AND '.join(where) or '1'}"
        )
        ranked = _rank(search, conn.execute(sql, params))
        return ranked_page(ranked, lambda ids: reads.people(conn, ids), scope,
                           first=first, after=after)
    query = Query(rows.PERSON_SELECT, "people p",
                  (Order("p.sort_name", str), Order("p.id", str)), scope, where, params)
    return page(conn, query, rows.person, first=first, after=after)


def organizations(
    conn: sqlite3.Connection, search: str | None, *, first: int, after: str | None
) -> Page[Organization]:
    """Organizations by name, or best fuzzy match (name, acronym, aliases) first."""
    scope = _scope("organizations", search)
    if search is not None and search.strip():
        sql = (
            "SELECT o.id, o.sort_name AS name_key, o.acronym,"
            " (SELECT json_group_array(DISTINCT alias_key) FROM organization_aliases x"
            "  WHERE x.organization_id = o.id) AS keys FROM organizations o"
        )
        ranked = _rank(search, conn.execute(sql))
        return ranked_page(ranked, lambda ids: reads.organizations(conn, ids), scope,
                           first=first, after=after)
    query = Query(rows.ORGANIZATION_SELECT, "organizations o",
                  (Order("o.sort_name", str), Order("o.id", str)), scope)
    return page(conn, query, rows.organization, first=first, after=after)


def countries(conn: sqlite3.Connection, *, first: int, after: str | None) -> Page[Country]:
    """Countries mentioned in any article, by name."""
    query = Query(rows.COUNTRY_SELECT, "countries c",
                  (Order("c.sort_name", str), Order("c.id", str)), _scope("countries"))
    return page(conn, query, rows.country, first=first, after=after)


def _rank(search: str, candidates: sqlite3.Cursor) -> list[tuple[float, str]]:
    """(score, id) of the candidates whose best name matches ``search`` well enough."""
    wanted = alias_key(search)
    ranked: list[tuple[float, str]] = []
    for row in candidates:
        keys = [row["name_key"], *json.loads(row["keys"] or "[]")]
        if row["acronym"]:
            keys.append(alias_key(row["acronym"]))
        score = max(fuzz.WRatio(wanted, key) for key in keys)
        if score >= MIN_FUZZY_SCORE:
            # Rounded so the score a cursor carries compares equal to the recomputed one.
            ranked.append((round(float(score), 4), str(row["id"])))
    return ranked


# --- statements ------------------------------------------------------------------


#: What each speaker field of a :class:`StatementFilter` asks of ``statements s``, as SQL
#: over the field's value ``{v}`` (a ``?`` for one list, a column for a batch of them).
SPEAKER_SQL: dict[str, str] = {
    "speaker": "s.speaker_id = {v}",
    "country": (
        "((s.speaker_kind = 'person' AND s.speaker_id IN"
        "  (SELECT id FROM people WHERE country_id = {v}))"
        " OR (s.speaker_kind = 'organization' AND s.speaker_id IN"
        "  (SELECT id FROM organizations WHERE country_id = {v})))"
    ),
    "organization": (
        "((s.speaker_kind = 'organization' AND s.speaker_id = {v})"
        " OR (s.speaker_kind = 'person' AND s.speaker_id IN"
        "  (SELECT person_id FROM roles WHERE organization_id = {v})))"
    ),
}


def speaker_conditions(filter: StatementFilter) -> tuple[list[str], list[object]]:
    """SQL conditions on ``statements s`` for the speaker, country and organization filters."""
    where: list[str] = []
    params: list[object] = []
    for name, sql in SPEAKER_SQL.items():
        value = getattr(filter, name)
        if value is not None:
            where.append(sql.format(v="?"))
            params.extend([value] * sql.count("{v}"))
    return where, params


def speakers(conn: sqlite3.Connection, filter: StatementFilter) -> set[str] | None:
    """The speakers whose statements the filter keeps, as ``kind:id`` (what the index holds).

    None when the filter keeps anyone's statements.
    """
    where, params = speaker_conditions(filter)
    if not where:
        return None
    sql = (
        "SELECT DISTINCT s.speaker_kind || ':' || s.speaker_id FROM statements s"
        f" WHERE s.speaker_id IS NOT NULL AND {' AND '.join(where)}"
    )
    return {str(row[0]) for row in conn.execute(sql, params)}


def statement_query(filter: StatementFilter) -> Query:
    """The list of statements a filter keeps: newest first (undated last), then in text order."""
    where, params = speaker_conditions(filter)
    if filter.from_date is not None:
        where.append("s.said_on >= ?")
        params.append(filter.from_date.isoformat())
    if filter.to_date is not None:
        where.append("s.said_on <= ?")
        params.append(filter.to_date.isoformat())
    return Query(
        rows.STATEMENT_SELECT,
        "statements s",
        (Order("(s.said_on IS NULL)", int), Order("COALESCE(s.said_on, '')", str, True),
         Order("s.article_id", str), Order("s.span_start", int), Order("s.id", str)),
        _scope("statements", _dump(filter)),
        where,
        params,
    )


def statements(
    conn: sqlite3.Connection, filter: StatementFilter | None, *, first: int, after: str | None
) -> Page[Statement]:
    """Statements newest first (undated last), then in text order within an article."""
    query = statement_query(filter or StatementFilter())
    return page(conn, query, rows.statement, first=first, after=after)


# --- incidents ---------------------------------------------------------------------


def incidents(
    conn: sqlite3.Connection,
    search: str | None,
    filter: IncidentFilter | None,
    *,
    first: int,
    after: str | None,
) -> Page[Incident]:
    """Incidents newest first (undated last); ``search`` keeps those whose words match.

    Every word searched must begin a word of the title, kind, a place or a
    country name (case-, diacritic- and script-insensitive).
    """
    filter = filter or IncidentFilter()
    where: list[str] = []
    params: list[object] = []
    if filter.country is not None:
        where.append("EXISTS (SELECT 1 FROM incident_countries x"
                     " WHERE x.incident_id = i.id AND x.country_id = ?)")
        params.append(filter.country)
    # An incident is kept when its span [start, end] overlaps [from, to].
    if filter.from_date is not None:
        where.append("COALESCE(i.end_date, i.start_date) >= ?")
        params.append(filter.from_date.isoformat())
    if filter.to_date is not None:
        where.append("i.start_date <= ?")
        params.append(filter.to_date.isoformat())
    for word in alias_key(search or "").split():
        # alias keys hold only [a-z0-9 ], so no LIKE wildcard can sneak in.
        where.append("i.search_text LIKE ?")
        params.append(f"% {word}%")
    query = Query(
        rows.INCIDENT_SELECT,
        "incidents i",
        (Order("(i.start_date IS NULL)", int), Order("COALESCE(i.start_date, '')", str, True),
         Order("i.id", str)),
        _scope("incidents", search, _dump(filter)),
        where,
        params,
    )
    return page(conn, query, rows.incident, first=first, after=after)
