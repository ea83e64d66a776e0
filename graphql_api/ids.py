"""Global opaque ids (Relay): base64 of ``"Type:id"``, decoded and checked at the edge.

Clients treat them as opaque; we keep them readable after one base64 decode so
that support can tell what an id points at without a lookup.
"""

from __future__ import annotations

import base64
import binascii

from search_index.errors import BadInput

#: The GraphQL types that have global ids.
NODE_TYPES = frozenset({"Article", "Person", "Organization", "Country", "Statement", "Incident"})


def encode_id(type_name: str, raw_id: str) -> str:
    """The global id of the record ``raw_id`` shown as GraphQL type ``type_name``."""
    return base64.b64encode(f"{type_name}:{raw_id}".encode()).decode("ascii")


def decode_id(global_id: str) -> tuple[str, str]:
    """``(type name, raw id)`` of a global id; BadInput when it is not one we hand out."""
    try:
        text = base64.b64decode(global_id.encode("ascii"), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError) as error:
        raise BadInput(f"malformed id {global_id!r}: not an id this API hands out") from error
    type_name, colon, raw_id = text.partition(":")
    if not colon or not raw_id or type_name not in NODE_TYPES:
        raise BadInput(f"malformed id {global_id!r}: not an id this API hands out")
    return type_name, raw_id


def decode_id_of(global_id: str, expected: str) -> str:
    """The raw id inside a global id that must be of GraphQL type ``expected``."""
    type_name, raw_id = decode_id(global_id)
    if type_name != expected:
        raise BadInput(f"id {global_id!r} is a {type_name} id; a {expected} id is expected here")
    return raw_id
