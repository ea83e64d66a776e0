"""newsgraph's read side: the GraphQL API over the ``search_index`` facade.

Importing this package creates nothing; ``create_app(settings)`` builds the
Starlette app, ``execute_operation`` runs one operation in-process.
"""

from __future__ import annotations

from graphql_api.app import create_app
from graphql_api.execution import execute_operation
from graphql_api.schema import build_schema, schema_sdl

__all__ = ["build_schema", "create_app", "execute_operation", "schema_sdl"]
