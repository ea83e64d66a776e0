"""Reading records: by id, by relation and by name, each batch in one query.

Every batched function answers in the order asked, duplicates included: one
list (or None) per id, so a DataLoader maps answers back by position.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from search_index.models import (
    Article,
    Country,
    Extraction,
    Figure,
    Incident,
    IncidentKind,
    Mention,
    Organization,
    Person,
    Role,
    Statement,
)
from search_index.store import rows

T = TypeVar("T")

#: SQL for "is one of the ids in the JSON array bound here": one parameter, whatever the batch size.
IN_IDS = "IN (SELECT value FROM json_each(?))"


def ids_param(ids: Sequence[str] | set[str]) -> str:
    """A batch of ids as the one JSON parameter :data:`IN_IDS` reads."""
    return json.dumps(sorted(ids) if isinstance(ids, set) else list(ids))


def keyed(select: str, key: str, *, distinct: bool = False) -> str:
    """``select`` with ``key`` added as column ``_key``, to group a batch's rows by."""
    head = "SELECT DISTINCT " if distinct else "SELECT "
    return select.replace("SELECT ", f"{head}{key} AS _key, ", 1)


def by_ids(
    conn: sqlite3.Connection,
    select: str,
    id_column: str,
    ids: Sequence[str],
    convert: Callable[[sqlite3.Row], T],
) -> list[T | None]:
    """The records with these ids, in the order asked (None where there is none)."""
    found = {
        row["id"]: convert(row)
        for row in conn.execute(f"{select} WHERE {id_column} {IN_IDS}", (ids_param(ids),))
    }
    return [found.get(record_id) for record_id in ids]


def grouped(
    conn: sqlite3.Connection,
    sql: str,
    keys: Sequence[str],
    convert: Callable[[sqlite3.Row], T],
) -> list[list[T]]:
    """Run ``sql`` (which has a ``_key`` column and one :data:`IN_IDS`) and group by key."""
    groups: dict[str, list[T]] = {key: [] for key in keys}
    for row in conn.execute(sql, (ids_param(keys),)):
        groups[row["_key"]].append(convert(row))
    return [list(groups[key]) for key in keys]


# --- records by id -------------------------------------------------------------


def articles(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Article | None]:
    """Articles by id."""
    return by_ids(conn, rows.ARTICLE_SELECT, "a.id", ids, rows.article)


def countries(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Country | None]:
    """Countries by alpha-2 id."""
    return by_ids(conn, rows.COUNTRY_SELECT, "c.id", ids, rows.country)


def organizations(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Organization | None]:
    """Organizations by id."""
    return by_ids(conn, rows.ORGANIZATION_SELECT, "o.id", ids, rows.organization)


def people(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Person | None]:
    """People by id."""
    return by_ids(conn, rows.PERSON_SELECT, "p.id", ids, rows.person)


def statements(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Statement | None]:
    """Statements by id."""
    return by_ids(conn, rows.STATEMENT_SELECT, "s.id", ids, rows.statement)


def incidents(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Incident | None]:
    """Incidents by id."""
    return by_ids(conn, rows.INCIDENT_SELECT, "i.id", ids, rows.incident)


# --- relations, batched ----------------------------------------------------------------

_RELATIONS: dict[str, str] = {
    "mentions_in_articles": keyed(rows.MENTION_SELECT, "m.article_id")
    + f" WHERE m.article_id {IN_IDS} ORDER BY m.count DESC, m.entity_kind, m.entity_id",
    "statements_in_articles": keyed(rows.STATEMENT_SELECT, "s.article_id")
    + f" WHERE s.article_id {IN_IDS} ORDER BY s.span_start, s.id",
    "incidents_in_articles": keyed(rows.INCIDENT_SELECT, "c.article_id")
    + " JOIN incident_claims c ON c.incident_id = i.id"
    + f" WHERE c.article_id {IN_IDS} ORDER BY i.start_date DESC NULLS LAST, i.id",
    "roles_of_people": keyed(rows.ROLE_SELECT, "r.person_id")
    + f" WHERE r.person_id {IN_IDS} ORDER BY r.article_id, r.span_start, r.seq",
    "organizations_of_people": keyed(rows.ORGANIZATION_SELECT, "r.person_id", distinct=True)
    + " JOIN roles r ON r.organization_id = o.id"
    + f" WHERE r.person_id {IN_IDS} ORDER BY o.sort_name, o.id",
    "people_of_organizations": keyed(rows.PERSON_SELECT, "r.organization_id", distinct=True)
    + " JOIN roles r ON r.person_id = p.id"
    + f" WHERE r.organization_id {IN_IDS} ORDER BY p.sort_name, p.id",
    "people_of_countries": keyed(rows.PERSON_SELECT, "p.country_id")
    + f" WHERE p.country_id {IN_IDS} ORDER BY p.sort_name, p.id",
    "organizations_of_countries": keyed(rows.ORGANIZATION_SELECT, "o.country_id")
    + f" WHERE o.country_id {IN_IDS} ORDER BY o.sort_name, o.id",
    "incidents_of_countries": keyed(rows.INCIDENT_SELECT, "x.country_id", distinct=True)
    + " JOIN incident_countries x ON x.incident_id = i.id"
    + f" WHERE x.country_id {IN_IDS} ORDER BY i.start_date DESC NULLS LAST, i.id",
    "figures_of_incidents": keyed(rows.FIGURE_SELECT, "f.incident_id")
    + f" WHERE f.incident_id {IN_IDS} ORDER BY f.article_id, f.span_start, f.id",
}


def mentions_in_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> list[list[Mention]]:
    """The entities each article mentions, most mentioned first."""
    return grouped(conn, _RELATIONS["mentions_in_articles"], ids, rows.mention)


def statements_in_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> list[list[Statement]]:
    """The statements each article reports, in text order."""
    return grouped(conn, _RELATIONS["statements_in_articles"], ids, rows.statement)


def incidents_in_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> list[list[Incident]]:
    """The incidents each article reports, newest first."""
    return grouped(conn, _RELATIONS["incidents_in_articles"], ids, rows.incident)


def roles_of_people(conn: sqlite3.Connection, ids: Sequence[str]) -> list[list[Role]]:
    """Every role each person is said to hold, with its article."""
    return grouped(conn, _RELATIONS["roles_of_people"], ids, rows.role)


def organizations_of_people(
    conn: sqlite3.Connection, ids: Sequence[str]
) -> list[list[Organization]]:
    """The organizations each person holds a role in, by name."""
    return grouped(conn, _RELATIONS["organizations_of_people"], ids, rows.organization)


def people_of_organizations(conn: sqlite3.Connection, ids: Sequence[str]) -> list[list[Person]]:
    """The people holding a role in each organization, by name."""
    return grouped(conn, _RELATIONS["people_of_organizations"], ids, rows.person)


def people_of_countries(conn: sqlite3.Connection, ids: Sequence[str]) -> list[list[Person]]:
    """The people of each country, by name."""
    return grouped(conn, _RELATIONS["people_of_countries"], ids, rows.person)


def organizations_of_countries(
    conn: sqlite3.Connection, ids: Sequence[str]
) -> list[list[Organization]]:
    """The organizations of each country, by name."""
    return grouped(conn, _RELATIONS["organizations_of_countries"], ids, rows.organization)


def incidents_of_countries(conn: sqlite3.Connection, ids: Sequence[str]) -> list[list[Incident]]:
    """The incidents that took place in each country, newest first."""
    return grouped(conn, _RELATIONS["incidents_of_countries"], ids, rows.incident)


def figures_of_incidents(conn: sqlite3.Connection, ids: Sequence[str]) -> list[list[Figure]]:
    """Every figure reported for each incident, each with its own provenance."""
    return grouped(conn, _RELATIONS["figures_of_incidents"], ids, rows.figure)


# --- lookups by name key -------------------------------------------------------


def people_by_alias_key(conn: sqlite3.Connection, key: str) -> list[Person]:
    """People whose name or one of whose aliases has this alias key, by id."""
    sql = (
        f"{rows.PERSON_SELECT} WHERE p.id IN (SELECT person_id FROM person_aliases"
        " WHERE alias_key = ? UNION SELECT person_id FROM person_claims WHERE name_key = ?)"
        " ORDER BY p.id"
    )
    return [rows.person(row) for row in conn.execute(sql, (key, key))]


def people_by_surname_key(conn: sqlite3.Connection, key: str) -> list[Person]:
    """People some article names with this surname (alias key of the name's last word), by id."""
    sql = (
        f"{rows.PERSON_SELECT} WHERE p.id IN"
        " (SELECT person_id FROM person_claims WHERE surname_key = ?) ORDER BY p.id"
    )
    return [rows.person(row) for row in conn.execute(sql, (key,))]


def organizations_by_alias_key(
    conn: sqlite3.Connection, key: str, *, limit: int | None = None
) -> list[Organization]:
    """Organizations with this key as name, acronym or alias; best supported first.

    ``limit``: at most this many (None: all); the graph lookup wants the best one
    only and would otherwise build a record of every other.
    """
    sql = (
        f"{rows.ORGANIZATION_SELECT} WHERE o.id IN ("
        " SELECT organization_id FROM organization_aliases WHERE alias_key = ?"
        " UNION SELECT organization_id FROM organization_claims"
        "  WHERE name_key = ? OR acronym_key = ?)"
        " ORDER BY (SELECT COUNT(*) FROM organization_claims x WHERE x.organization_id = o.id)"
        " DESC, o.id LIMIT ?"
    )
    # SQLite reads a negative LIMIT as none.
    return [rows.organization(row) for row in conn.execute(sql, (key, key, key, -1 if limit is None else limit))]


def country_by_code(conn: sqlite3.Connection, code: str) -> Country | None:
    """A stored country by ISO alpha-2 or alpha-3 code (any case)."""
    code = code.strip().upper()
    column = "c.alpha3" if len(code) == 3 else "c.id"
    row = conn.execute(f"{rows.COUNTRY_SELECT} WHERE {column} = ?", (code,)).fetchone()
    return None if row is None else rows.country(row)


def country_by_alias_key(conn: sqlite3.Connection, key: str) -> Country | None:
    """A stored country whose name, alias or demonym has this alias key."""
    sql = (
        f"{rows.COUNTRY_SELECT} WHERE c.sort_name = ? OR c.id IN"
        " (SELECT country_id FROM country_aliases WHERE alias_key = ?) ORDER BY c.id LIMIT 1"
    )
    row = conn.execute(sql, (key, key)).fetchone()
    return None if row is None else rows.country(row)


def incidents_like(
    conn: sqlite3.Connection, kind: IncidentKind, start: date | None, country_ids: tuple[str, ...]
) -> list[Incident]:
    """Incidents of this kind starting that day (both undated when ``start`` is None).

    With ``country_ids``, only those in one of them; without, in any country.
    """
    sql = f"{rows.INCIDENT_SELECT} WHERE i.kind = ? AND i.start_date IS ?"
    params: list[str | None] = [kind.value, None if start is None else start.isoformat()]
    if country_ids:
        # Tested per incident of that kind and day: "i.id IN (the country's incidents)"
        # made SQLite list every incident of the country first, a cost that grew
        # with the store (~5x the time at 1,500 articles).
        sql += (
            " AND EXISTS (SELECT 1 FROM incident_countries x"
            f" WHERE x.incident_id = i.id AND x.country_id {IN_IDS})"
        )
        params.append(ids_param(list(country_ids)))
    return [rows.incident(row) for row in conn.execute(sql + " ORDER BY i.id", params)]


def incidents_in(
    conn: sqlite3.Connection, kind: IncidentKind, country_ids: tuple[str, ...]
) -> list[Incident]:
    """Incidents of this kind in any of these countries, whatever their dates."""
    sql = (
        f"{rows.INCIDENT_SELECT} WHERE i.kind = ? AND i.id IN "
        f"(SELECT incident_id FROM incident_countries WHERE country_id {IN_IDS}) ORDER BY i.id"
    )
    return [rows.incident(row) for row in conn.execute(sql, [kind.value, ids_param(list(country_ids))])]


# --- whole articles, for the full-text index ----------------------------------------


def fingerprints(conn: sqlite3.Connection) -> dict[str, str]:
    """Article id -> content hash, for every stored article."""
    return {row[0]: row[1] for row in conn.execute("SELECT id, content_hash FROM articles")}


def article_ids(conn: sqlite3.Connection) -> list[str]:
    """Every stored article id, sorted."""
    return [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]


def extraction_of(conn: sqlite3.Connection, article_id: str) -> Extraction:
    """What was extracted from one article, as it was stored: its claims and facts."""
    one = (ids_param([article_id]),)

    def each(sql: str, convert: Callable[[sqlite3.Row], T]) -> tuple[T, ...]:
        return tuple(convert(row) for row in conn.execute(sql, one))

    return Extraction(
        countries=each(_CLAIMED["countries"], rows.country),
        organizations=each(_CLAIMED["organizations"], rows.organization),
        people=each(_CLAIMED["people"], rows.person),
        mentions=each(f"{rows.MENTION_SELECT} WHERE m.article_id {IN_IDS} ORDER BY m.rowid",
                      rows.mention),
        roles=each(f"{rows.ROLE_SELECT} WHERE r.article_id {IN_IDS} ORDER BY r.seq", rows.role),
        statements=each(_RELATIONS["statements_in_articles"], rows.statement),
        incidents=each(_CLAIMED["incidents"], rows.incident),
        figures=each(f"{rows.FIGURE_SELECT} WHERE f.article_id {IN_IDS} ORDER BY f.id", rows.figure),
    )


# One article's own view of each merged record: its claim, with only the
# aliases, members, countries and places that this article gave.
_CLAIMED: dict[str, str] = {
    "countries": (
        "SELECT c.country_id AS id, c.name, c.alpha3,"
        " (SELECT json_group_array(alias) FROM country_aliases x"
        "  WHERE x.country_id = c.country_id AND x.article_id = c.article_id) AS aliases"
        f" FROM country_claims c WHERE c.article_id {IN_IDS} ORDER BY c.seq"
    ),
    "organizations": (
        "SELECT c.organization_id AS id, c.name, c.acronym, c.kind, c.country_id,"
        " (SELECT json_group_array(alias) FROM organization_aliases x"
        "  WHERE x.organization_id = c.organization_id AND x.article_id = c.article_id)"
        " AS aliases,"
        " (SELECT json_group_array(country_id) FROM organization_members m"
        "  WHERE m.organization_id = c.organization_id AND m.article_id = c.article_id)"
        " AS member_ids"
        f" FROM organization_claims c WHERE c.article_id {IN_IDS} ORDER BY c.seq"
    ),
    "people": (
        "SELECT c.person_id AS id, c.name, c.country_id,"
        " (SELECT json_group_array(alias) FROM person_aliases x"
        "  WHERE x.person_id = c.person_id AND x.article_id = c.article_id) AS aliases"
        f" FROM person_claims c WHERE c.article_id {IN_IDS} ORDER BY c.seq"
    ),
    "incidents": (
        "SELECT c.incident_id AS id, c.title, c.kind, c.start_date, c.end_date,"
        " (SELECT json_group_array(country_id) FROM incident_countries x"
        "  WHERE x.incident_id = c.incident_id AND x.article_id = c.article_id) AS country_ids,"
        " (SELECT json_group_array(place) FROM incident_places x"
        "  WHERE x.incident_id = c.incident_id AND x.article_id = c.article_id) AS places,"
        " json_array(c.article_id) AS article_ids"
        f" FROM incident_claims c WHERE c.article_id {IN_IDS} ORDER BY c.seq"
    ),
}
