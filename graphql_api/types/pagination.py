"""Relay connections from facade pages: ``PageInfo``, fetching a page, and its connection.

Every list field is the same three steps: check ``first``, ask the facade
for one page off the event loop, and wrap the page's edges in the field's own
Edge and Connection types (which keep their own names and descriptions).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

import strawberry

from graphql_api.context import Context
from graphql_api.limits import page_size
from graphql_api.types.base import object_type
from search_index import models

R = TypeVar("R")
N = TypeVar("N")
E = TypeVar("E")
C = TypeVar("C")
R_contra = TypeVar("R_contra", contravariant=True)
N_contra = TypeVar("N_contra", contravariant=True)
N_co = TypeVar("N_co", covariant=True)
E_co = TypeVar("E_co", covariant=True)
C_co = TypeVar("C_co", covariant=True)


@object_type
class PageInfo:
    """Where this page sits in the whole list (Relay cursor connection spec)."""

    has_next_page: bool = strawberry.field(description="More items follow `endCursor`.")
    has_previous_page: bool = strawberry.field(description="Items precede `startCursor`.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge, if any.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last edge: pass it as `after` for the next page."
    )


def page_info(cursors: Sequence[str], *, has_next: bool, has_previous: bool) -> PageInfo:
    """The PageInfo of a page whose edges have these cursors, in order."""
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )


class Lister(Protocol[R]):
    """A facade list with everything but the page bound (``functools.partial`` of a ``list_*``)."""

    def __call__(self, *, first: int, after: str | None) -> models.Page[R]:
        """One page of the list."""
        ...


class ConnectionType(Protocol[E, C_co]):
    """A Connection type's constructor: what every connection of ours is made of."""

    def __call__(self, *, edges: list[E], page_info: PageInfo, total_count: int) -> C_co:
        """The connection of these edges."""
        ...


class NodeType(Protocol[R_contra, N_co]):
    """A node type's constructor: the GraphQL object wrapping one record."""

    def __call__(self, *, record: R_contra) -> N_co:
        """The node of this record."""
        ...


class EdgeType(Protocol[N_contra, E_co]):
    """A plain Edge type's constructor: a cursor and a node."""

    def __call__(self, *, cursor: str, node: N_contra) -> E_co:
        """The edge of this node."""
        ...


async def facade_page(
    context: Context, lister: Lister[R], first: int | None, after: str | None, *, default: int = 10
) -> models.Page[R]:
    """The page of ``lister`` after ``after``, ``first`` long (``default`` when null) once checked.

    The facade is synchronous, so the call runs in the thread pool.
    """
    size = page_size(first, context.settings, default=default)
    return await context.call(lister, first=size, after=after)


def connection(
    page: models.Page[R], connection_type: ConnectionType[E, C], edge: Callable[[models.Edge[R]], E]
) -> C:
    """The GraphQL connection of a facade page, each of its edges made by ``edge``."""
    cursors = [item.cursor for item in page.edges]
    return connection_type(
        edges=[edge(item) for item in page.edges],
        page_info=page_info(cursors, has_next=page.has_next, has_previous=page.has_previous),
        total_count=page.total,
    )


def node_connection(
    page: models.Page[R],
    connection_type: ConnectionType[E, C],
    edge_type: EdgeType[N, E],
    node_type: NodeType[R, N],
) -> C:
    """The connection of a facade page whose edges are plain: a cursor and the record's node."""
    return connection(
        page,
        connection_type,
        lambda item: edge_type(cursor=item.cursor, node=node_type(record=item.node)),
    )
