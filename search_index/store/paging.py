"""Keyset pagination: a page is the rows strictly after the cursor's sort key.

Unlike offsets, a keyset cursor stays on the same item when rows are added or
removed before it. Every sort ends with a unique column (an id), so the order
is total and no row is skipped or repeated between pages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from search_index import cursors
from search_index.errors import BadCursor, BadInput
from search_index.models import Edge, Page

T = TypeVar("T")


@dataclass(frozen=True)
class Order:
    """One sort column: an SQL expression that is never NULL, and its direction."""

    expr: str
    kind: type
    descending: bool = False


@dataclass(frozen=True)
class Query:
    """A filtered, ordered list: ``select`` rows ``FROM source`` where all ``where`` hold."""

    select: str
    source: str
    order: tuple[Order, ...]
    scope: str
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)


def check_first(first: int) -> None:
    """Refuse a negative page size (the API caps the other end)."""
    if first < 0:
        raise BadInput("`first` must not be negative")


def after_clause(order: Sequence[Order], key: Sequence[object]) -> tuple[str, list[object]]:
    """SQL true for the rows that sort strictly after ``key``, and its parameters."""
    clauses: list[str] = []
    params: list[object] = []
    for index, column in enumerate(order):
        equal = [f"{earlier.expr} = ?" for earlier in order[:index]]
        clauses.append(
            "(" + " AND ".join([*equal, f"{column.expr} {'<' if column.descending else '>'} ?"]) + ")"
        )
        params.extend(key[: index + 1])
    return "(" + " OR ".join(clauses) + ")", params


def sort_columns(order: Sequence[Order]) -> str:
    """The sort expressions as columns ``_k0, _k1, ...``, from which a row's cursor is made."""
    return ", ".join(f"{column.expr} AS _k{i}" for i, column in enumerate(order))


def order_by(order: Sequence[Order]) -> str:
    """The ORDER BY list of a sort."""
    return ", ".join(f"{column.expr}{' DESC' if column.descending else ''}" for column in order)


def cursor_of(query: Query, row: sqlite3.Row) -> str:
    """The cursor resuming ``query`` after ``row`` (selected with :func:`sort_columns`)."""
    return cursors.encode(query.scope, [row[f"_k{i}"] for i in range(len(query.order))])


def page(
    conn: sqlite3.Connection,
    query: Query,
    convert: Callable[[sqlite3.Row], T],
    *,
    first: int,
    after: str | None,
) -> Page[T]:
    """One page of ``query`` after the cursor ``after``, with the whole list's count."""
    check_first(first)
    where = " AND ".join(query.where) or "1"
    (total,) = conn.execute(
        f"SELECT COUNT(*) FROM {query.source} WHERE {where}", query.params
    ).fetchone()
    params = list(query.params)
    if after is not None:
        key = cursors.decode(after, query.scope, [column.kind for column in query.order])
        clause, key_params = after_clause(query.order, key)
        where = f"{where} AND {clause}"
        params.extend(key_params)
    select = query.select.replace("SELECT ", f"SELECT {sort_columns(query.order)}, ", 1)
    found = conn.execute(
        f"{select} WHERE {where} ORDER BY {order_by(query.order)} LIMIT ?", [*params, first + 1]
    ).fetchall()
    edges = tuple(
        Edge[T](cursor=cursor_of(query, row), node=convert(row)) for row in found[:first]
    )
    return Page[T](edges=edges, total=int(total), has_next=len(found) > first,
                   has_previous=after is not None)


def ranked_page(
    ranked: Sequence[tuple[float, str]],
    load: Callable[[Sequence[str]], Sequence[T | None]],
    scope: str,
    *,
    first: int,
    after: str | None,
) -> Page[T]:
    """A page of a list ranked in Python: ``(score, id)`` best first, ties by id."""
    check_first(first)
    ordered = sorted(ranked, key=lambda item: (-item[0], item[1]))
    if after is not None:
        score, last_id = cursors.decode(after, scope, [float, str])
        if not isinstance(score, float) or not isinstance(last_id, str):
            raise BadCursor("malformed cursor")
        ordered = [item for item in ordered if (-item[0], item[1]) > (-score, last_id)]
    chosen = ordered[:first]
    nodes = load([item_id for _, item_id in chosen])
    edges = tuple(
        Edge[T](cursor=cursors.encode(scope, [score, item_id]), node=node, score=score)
        for (score, item_id), node in zip(chosen, nodes, strict=True)
        if node is not None
    )
    return Page[T](edges=edges, total=len(ranked), has_next=len(ordered) > first,
                   has_previous=after is not None)
