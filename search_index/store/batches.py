"""First pages of one list per entity, for a whole batch of entities in one query.

The API asks for the statements or the articles of every person on a page at
once. Each entity's list here is the very list :mod:`lists` pages through for
that entity's filter (same order, same cursor scope), so its first page is the
one a single call would give and its cursors resume that call. ROW_NUMBER()
over each entity's rows keeps the first ``first + 1`` (the extra row tells
whether a next page exists); COUNT(*) over the same partition is the total.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from search_index.models import (
    Article,
    ArticleFilter,
    Edge,
    EntityKind,
    EntityRef,
    Page,
    Statement,
    StatementFilter,
)
from search_index.store import lists, reads, rows
from search_index.store.paging import Query, check_first, cursor_of, order_by, sort_columns

T = TypeVar("T")

#: The StatementFilter field that holds an entity's statements, by the entity's kind.
_STATEMENT_FIELD: dict[EntityKind, str] = {
    EntityKind.PERSON: "speaker",
    EntityKind.ORGANIZATION: "organization",
    EntityKind.COUNTRY: "country",
}


@dataclass(frozen=True)
class Members:
    """SQL yielding ``(_key, _id)``: which rows of the list's table belong to each entity's list."""

    sql: str
    params: list[object]


def entity_key(ref: EntityRef) -> str:
    """An entity as one string (``kind:id``), to partition a batch's rows by."""
    return f"{ref.kind.value}:{ref.id}"


def statement_filter(ref: EntityRef) -> StatementFilter:
    """The filter of an entity's statements, as the API's fields mean it.

    A person's own; an organization's own and its role holders'; a country's
    people's and organizations'.
    """
    return StatementFilter.model_validate({_STATEMENT_FIELD[ref.kind]: ref.id})


def article_filter(ref: EntityRef) -> ArticleFilter:
    """The filter of the articles that mention an entity."""
    return {
        EntityKind.COUNTRY: ArticleFilter(countries=(ref.id,)),
        EntityKind.ORGANIZATION: ArticleFilter(organizations=(ref.id,)),
        EntityKind.PERSON: ArticleFilter(people=(ref.id,)),
    }[ref.kind]


def _ids_by_kind(refs: Sequence[EntityRef]) -> dict[EntityKind, list[str]]:
    """Each kind's distinct ids (a repeated entity would repeat its rows in a join)."""
    found: dict[EntityKind, set[str]] = defaultdict(set)
    for ref in refs:
        found[ref.kind].add(ref.id)
    return {kind: sorted(ids) for kind, ids in found.items()}


def statement_members(refs: Sequence[EntityRef]) -> Members:
    """Each entity's statements, by the same SQL condition its single list uses."""
    parts: list[str] = []
    params: list[object] = []
    for kind, ids in _ids_by_kind(refs).items():
        condition = lists.SPEAKER_SQL[_STATEMENT_FIELD[kind]].format(v="_w.value")
        parts.append(
            f"SELECT ? || _w.value, s.id FROM json_each(?) _w JOIN statements s ON {condition}"
        )
        params.extend([f"{kind.value}:", reads.ids_param(ids)])
    return Members(" UNION ALL ".join(parts), params)


def article_members(refs: Sequence[EntityRef]) -> Members:
    """The articles that mention each entity."""
    parts: list[str] = []
    params: list[object] = []
    for kind, ids in _ids_by_kind(refs).items():
        parts.append(
            "SELECT ? || m.entity_id, m.article_id FROM mentions m"
            f" WHERE m.entity_kind = ? AND m.entity_id {reads.IN_IDS}"
        )
        params.extend([f"{kind.value}:", kind.value, reads.ids_param(ids)])
    return Members(" UNION ALL ".join(parts), params)


def first_pages(
    conn: sqlite3.Connection,
    refs: Sequence[EntityRef],
    members: Members,
    query_of: Callable[[EntityRef], Query],
    id_column: str,
    convert: Callable[[sqlite3.Row], T],
    *,
    first: int,
) -> list[Page[T]]:
    """The first page of each entity's list, in the order asked, from one query.

    ``query_of`` gives an entity's single list (its select, order and cursor
    scope); ``members`` says which rows are in it, ``id_column`` what they join on.
    """
    check_first(first)
    if not refs:
        return []
    queries = {entity_key(ref): query_of(ref) for ref in refs}
    shape = next(iter(queries.values()))  # every entity's list has the same select and order
    ranked = shape.select.replace(
        "SELECT ",
        f"SELECT {sort_columns(shape.order)}, _member._key AS _key,"
        f" ROW_NUMBER() OVER (PARTITION BY _member._key ORDER BY {order_by(shape.order)}) AS _rn,"
        " COUNT(*) OVER (PARTITION BY _member._key) AS _total, ",
        1,
    )
    sql = (
        f"WITH _member(_key, _id) AS ({members.sql})"
        f" SELECT * FROM ({ranked} JOIN _member ON _member._id = {id_column})"
        " WHERE _rn <= ? ORDER BY _key, _rn"
    )
    found: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in conn.execute(sql, [*members.params, first + 1]):
        found[row["_key"]].append(row)
    return [_page(queries[key], found.get(key, []), convert, first)
            for key in map(entity_key, refs)]


def _page(query: Query, found: list[sqlite3.Row], convert: Callable[[sqlite3.Row], T],
          first: int) -> Page[T]:
    edges = tuple(Edge[T](cursor=cursor_of(query, row), node=convert(row)) for row in found[:first])
    total = int(found[0]["_total"]) if found else 0
    return Page[T](edges=edges, total=total, has_next=len(found) > first, has_previous=False)


def statements_of(
    conn: sqlite3.Connection, refs: Sequence[EntityRef], *, first: int
) -> list[Page[Statement]]:
    """The first page of each entity's statements (see :func:`statement_filter`), newest first."""
    return first_pages(conn, refs, statement_members(refs),
                       lambda ref: lists.statement_query(statement_filter(ref)),
                       "s.id", rows.statement, first=first)


def articles_of(
    conn: sqlite3.Connection, refs: Sequence[EntityRef], *, first: int
) -> list[Page[Article]]:
    """The first page of the articles that mention each entity, newest first."""
    return first_pages(conn, refs, article_members(refs),
                       lambda ref: lists.article_query(article_filter(ref)),
                       "a.id", rows.article, first=first)
