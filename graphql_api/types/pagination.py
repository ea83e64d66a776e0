"""Relay connection parts shared by every list: ``PageInfo`` built from a facade page."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from graphql_api.types.base import object_type


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
