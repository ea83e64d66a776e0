"""The Relay ``Node`` interface: every object with a global, opaque id."""

from __future__ import annotations

import strawberry

from graphql_api.ids import encode_id
from graphql_api.types.base import field, interface_type


@interface_type
class Node:
    """An object with a global, opaque id: fetch it again with `node(id:)`."""

    @field
    def id(self) -> strawberry.ID:
        """Global, opaque id (Relay); stable across restarts and re-ingests."""
        return strawberry.ID(encode_id(type(self).__name__, self.raw_id()))

    def raw_id(self) -> str:
        """The record's own id, which the global id wraps."""
        raise NotImplementedError
