"""newsgraph's read side: the GraphQL API over the ``search_index`` facade.

Importing this package creates nothing; ``create_app(settings)`` builds the
Starlette app, ``execute_operation`` runs one operation in-process.

The names below are imported on first use: the ``newsgraph`` command lives in
this package, and its write-side commands (``ingest``, ``reindex``) would
otherwise load Strawberry and Starlette for nothing (a second of CPU).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graphql_api.app import create_app
    from graphql_api.execution import execute_operation
    from graphql_api.schema import build_schema, schema_sdl

__all__ = ["build_schema", "create_app", "execute_operation", "schema_sdl"]

_HOMES = {
    "build_schema": "graphql_api.schema",
    "create_app": "graphql_api.app",
    "execute_operation": "graphql_api.execution",
    "schema_sdl": "graphql_api.schema",
}


def __getattr__(name: str) -> Any:
    """The public names, each imported from its module when first asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
