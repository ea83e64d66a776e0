"""Every GraphQL error gets one ``extensions.code``; this module is the one place that decides it.

Errors raised on purpose (``search_index.errors`` and the two below) keep their
message, which is written for the user. Anything else is a bug: its message is
replaced, its traceback is logged with the request id, and the client sees only
``INTERNAL_SERVER_ERROR``.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError

from search_index.errors import BadInput, NewsgraphError

log = logging.getLogger("graphql_api.errors")

MASKED_MESSAGE = "Internal server error."


class ErrorCode(StrEnum):
    """The values of ``extensions.code`` (API.md, "Errors")."""

    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


class Unauthenticated(NewsgraphError):
    """A write without a valid API key (or with none configured)."""


class QueryTooComplex(NewsgraphError):
    """A document over one of the size limits (depth, tokens, aliases, cost)."""


# Strawberry's limiters report plain GraphQLErrors; these fragments of their
# messages are how we recognise them (tests pin each one to QUERY_TOO_COMPLEX).
_LIMITER_MESSAGES = ("exceeds maximum operation depth", "aliases found. Allowed", "tokens. Parsing")


def code_of(error: GraphQLError) -> ErrorCode:
    """The code of one error, from what raised it."""
    given = (error.extensions or {}).get("code")
    if isinstance(given, str) and given in ErrorCode.__members__:
        return ErrorCode(given)
    original = error.original_error
    if isinstance(original, Unauthenticated):
        return ErrorCode.UNAUTHENTICATED
    if isinstance(original, QueryTooComplex):
        return ErrorCode.QUERY_TOO_COMPLEX
    if isinstance(original, BadInput):
        return ErrorCode.BAD_USER_INPUT
    if original is None or isinstance(original, GraphQLSyntaxError):
        # A document or variables the schema refuses: the client's to fix.
        if any(fragment in error.message for fragment in _LIMITER_MESSAGES):
            return ErrorCode.QUERY_TOO_COMPLEX
        return ErrorCode.BAD_USER_INPUT
    if isinstance(original, GraphQLError):
        return code_of(original)
    if isinstance(original, NewsgraphError):
        return ErrorCode.INTERNAL_SERVER_ERROR
    # graphql-core wraps scalar parse failures (a bad Date literal) this way.
    if isinstance(original, ValueError | TypeError) and error.path is None:
        return ErrorCode.BAD_USER_INPUT
    return ErrorCode.INTERNAL_SERVER_ERROR


def is_unexpected(error: GraphQLError) -> bool:
    """True for errors nobody raised on purpose: they are masked and logged."""
    original = error.original_error
    while isinstance(original, GraphQLError) and original.original_error is not None:
        original = original.original_error
    if original is None or isinstance(original, GraphQLError | NewsgraphError):
        return False
    return code_of(error) is ErrorCode.INTERNAL_SERVER_ERROR


def format_error(error: GraphQLError) -> dict[str, Any]:
    """The JSON form of one error, with its code, masked when unexpected."""
    formatted: dict[str, Any] = dict(error.formatted)
    if is_unexpected(error):
        formatted["message"] = MASKED_MESSAGE
    extensions = dict(formatted.get("extensions") or {})
    extensions["code"] = code_of(error).value
    formatted["extensions"] = extensions
    return formatted


def log_errors(errors: list[GraphQLError], request_id: str | None) -> None:
    """Log unexpected errors with their traceback; expected ones are the client's business."""
    for error in errors:
        if is_unexpected(error):
            log.error(
                "unexpected error resolving %s",
                ".".join(str(part) for part in error.path or ()) or "(document)",
                exc_info=error.original_error,
                extra={"request_id": request_id},
            )


def request_error(message: str, code: ErrorCode = ErrorCode.BAD_USER_INPUT) -> dict[str, Any]:
    """A GraphQL response body for a request refused before any GraphQL ran (HTTP level)."""
    return {"errors": [{"message": message, "extensions": {"code": code.value}}]}
