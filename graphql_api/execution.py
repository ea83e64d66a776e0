"""Running one GraphQL operation and shaping the response body (shared by HTTP and the CLI)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from graphql_api.context import Context
from graphql_api.errors import format_error, request_error
from graphql_api.schema import NewsgraphSchema, build_schema
from search_index import NewsIndex, Settings


def response_body(result: ExecutionResult) -> dict[str, Any]:
    """The JSON body of a result; no ``data`` key when the request failed before execution."""
    body: dict[str, Any] = {}
    if result.errors:
        body["errors"] = [format_error(error) for error in result.errors]
    if not is_request_error(result):
        body["data"] = result.data
    return body


def is_request_error(result: ExecutionResult) -> bool:
    """True when nothing was executed: the document failed to parse or validate, or variables.

    Field errors always carry a path; errors with none stopped the request
    before any field ran (graphql-core coerces variables inside ``execute``).
    """
    if isinstance(result, PreExecutionError):
        return True
    return result.data is None and bool(result.errors) and all(
        error.path is None for error in result.errors or ()
    )


async def run(
    schema: NewsgraphSchema,
    context: Context,
    query: str,
    variables: dict[str, Any] | None = None,
    operation_name: str | None = None,
    allowed: Iterable[OperationType] = (OperationType.QUERY, OperationType.MUTATION),
) -> ExecutionResult:
    """Execute one operation of ``query`` against ``schema`` with this request's context."""
    return await schema.execute(
        query,
        variable_values=variables,
        context_value=context,
        operation_name=operation_name,
        allowed_operation_types=tuple(allowed),
    )


async def execute_operation(
    index: NewsIndex,
    settings: Settings,
    query: str,
    variables: dict[str, Any] | None = None,
    operation_name: str | None = None,
) -> dict[str, Any]:
    """Run one operation in-process (``newsgraph query``) and return the response body.

    The caller is trusted with writes: it can already write the data dir.
    """
    context = Context(index=index, settings=settings, trusted=True)
    try:
        result = await run(build_schema(settings), context, query, variables, operation_name)
    except (CannotGetOperationTypeError, MissingQueryError):
        return request_error("no operation with that name in the document")
    return response_body(result)
