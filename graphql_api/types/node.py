"""The Relay ``Node`` interface: every object with a global, opaque id."""

from __future__ import annotations

from typing import Protocol

import strawberry

from graphql_api.ids import encode_id
from graphql_api.types.base import field, interface_type


class Identified(Protocol):
    """A store record: it has an id of its own (a Country's is its ISO 3166 alpha-2 code)."""

    @property
    def id(self) -> str:
        """The record's id in the store."""
        ...


@interface_type
class Node:
    """An object with a global, opaque id: fetch it again with `node(id:)`."""

    # Each node type narrows this to its own record; private, so not in the schema.
    record: strawberry.Private[Identified]

    @field
    def id(self) -> strawberry.ID:
        """Global, opaque id (Relay); stable across restarts and re-ingests."""
        return strawberry.ID(encode_id(type(self).__name__, self.record.id))
