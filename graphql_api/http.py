"""GraphQL over HTTP: POST (JSON) and GET (queries only), as the GraphQL-over-HTTP spec says.

With ``Accept: application/graphql-response+json`` the answer has that media
type and a request that fails to parse or validate gets a 4xx; with plain
``application/json`` it stays 200 (the legacy behaviour clients expect).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from strawberry.exceptions import MissingQueryError
from strawberry.http.ides import get_graphql_ide_html
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types.graphql import OperationType

from graphql_api.context import Context
from graphql_api.errors import ErrorCode, request_error
from graphql_api.execution import is_request_error, response_body, run
from graphql_api.logs import request_id_var

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


class RequestRefused(Exception):
    """An HTTP request that is not a GraphQL request we can run; answered before any GraphQL."""

    def __init__(self, status: int, message: str, code: ErrorCode = ErrorCode.BAD_USER_INPUT) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def response_media_type(accept: str | None) -> str | None:
    """The media type to answer with, or None when the client accepts neither of ours."""
    if not accept:
        return JSON
    offered = []
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        if any(param.replace(" ", "") in ("q=0", "q=0.0") for param in params):
            continue
        offered.append(media.lower())
    if GRAPHQL_RESPONSE in offered:
        return GRAPHQL_RESPONSE
    if any(media in (JSON, "application/*", "*/*") for media in offered):
        return JSON
    return None


def _wants_ide(request: Request) -> bool:
    return "query" not in request.query_params and "text/html" in request.headers.get("accept", "")


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise RequestRefused(413, f"request body is larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise RequestRefused(413, f"request body is larger than {limit} bytes")
    return bytes(body)


def _params_from_json(raw: bytes) -> dict[str, Any]:
    try:
        params = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise RequestRefused(400, f"request body is not valid JSON: {error}") from error
    if not isinstance(params, dict):
        raise RequestRefused(400, "request body must be a JSON object")
    return params


def _params_from_query_string(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    if "variables" in params:
        try:
            params["variables"] = json.loads(params["variables"])
        except ValueError as error:
            raise RequestRefused(400, "`variables` is not valid JSON") from error
    return params


def _checked(params: dict[str, Any]) -> tuple[str, dict[str, Any] | None, str | None]:
    query, variables, name = params.get("query"), params.get("variables"), params.get("operationName")
    if not isinstance(query, str) or not query.strip():
        raise RequestRefused(400, "`query` must be a non-empty string")
    if variables is not None and not isinstance(variables, dict):
        raise RequestRefused(400, "`variables` must be a JSON object")
    if name is not None and not isinstance(name, str):
        raise RequestRefused(400, "`operationName` must be a string")
    return query, variables, name


async def _params(request: Request, limit: int) -> dict[str, Any]:
    if request.method == "GET":
        if len(request.url.query) > limit:
            raise RequestRefused(413, f"query string is longer than {limit} bytes")
        return _params_from_query_string(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != JSON:
        raise RequestRefused(415, "POST a JSON body with `Content-Type: application/json`")
    return _params_from_json(await _read_body(request, limit))


async def graphql_endpoint(request: Request) -> Response:
    """Serve one GraphQL request (or GraphiQL to a browser)."""
    if request.method == "GET" and _wants_ide(request):
        return HTMLResponse(get_graphql_ide_html(graphql_ide="graphiql"))
    media_type = response_media_type(request.headers.get("accept"))
    if media_type is None:
        return _refused(RequestRefused(406, f"accept {GRAPHQL_RESPONSE} or {JSON}"), JSON)
    state = request.app.state
    try:
        query, variables, name = _checked(await _params(request, state.settings.max_body_bytes))
        context = Context(
            index=state.index,
            settings=state.settings,
            request_id=request_id_var.get(),
            authorization=request.headers.get("authorization"),
        )
        allowed = (OperationType.QUERY,) if request.method == "GET" else (
            OperationType.QUERY, OperationType.MUTATION)
        try:
            result = await run(state.schema, context, query, variables, name, allowed)
        except InvalidOperationTypeError as error:
            raise RequestRefused(405, "only queries may be sent with GET; POST mutations") from error
        except (CannotGetOperationTypeError, MissingQueryError) as error:
            raise RequestRefused(400, "no operation with that `operationName` in `query`") from error
    except RequestRefused as refused:
        return _refused(refused, media_type)
    status = 400 if media_type == GRAPHQL_RESPONSE and is_request_error(result) else 200
    return JSONResponse(response_body(result), status_code=status, media_type=media_type)


def _refused(refused: RequestRefused, media_type: str) -> Response:
    headers = {"Allow": "POST"} if refused.status == 405 else None
    return JSONResponse(
        request_error(str(refused), refused.code),
        status_code=refused.status,
        media_type=media_type,
        headers=headers,
    )
