"""The Starlette application: ``create_app(settings)`` builds it; nothing exists before that call."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graphql_api import logs
from graphql_api.http import graphql_endpoint
from graphql_api.schema import build_schema
from search_index import NewsIndex, Settings
from search_index.corpus import read_paths

log = logging.getLogger("graphql_api.http")

REQUEST_ID_HEADER = "x-request-id"
# A client's request id is echoed only if it is short and plain (it lands in logs and headers).
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Give every request an id (the client's X-Request-ID if sane), echo it, log the request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one request with its id set for every log line it causes."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = Request(scope).headers.get(REQUEST_ID_HEADER, "")
        request_id = given if _SAFE_REQUEST_ID.match(given) else uuid.uuid4().hex
        token = logs.request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            log.info(
                "%s %s %s", scope["method"], scope["path"], status,
                extra={"status": status, "ms": round((time.perf_counter() - started) * 1000, 1)},
            )
            logs.request_id_var.reset(token)


async def healthz(request: Request) -> JSONResponse:
    """Alive: the process answers."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    """Ready: the store answers and the index is open."""
    index: NewsIndex | None = getattr(request.app.state, "index", None)
    ready = index is not None and await run_in_threadpool(index.is_ready)
    return JSONResponse({"status": "ready" if ready else "unavailable"}, 200 if ready else 503)


def open_index(settings: Settings) -> NewsIndex:
    """Open the index, filling an empty store from the bundled articles first."""
    index = NewsIndex.open(settings)
    bundled = settings.bundled_articles
    if bundled is not None and bundled.exists() and index.is_empty():
        for outcome in read_paths([bundled]):
            if outcome.draft is None:
                log.warning("skipped %s: %s", outcome.where, outcome.error)
            else:
                index.ingest(outcome.draft)
    return index


def create_app(settings: Settings, index: NewsIndex | None = None) -> Starlette:
    """The API app. Without ``index`` it opens one from ``settings`` at startup and closes it after."""
    logs.configure(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if index is not None:
            yield
            return
        app.state.index = await run_in_threadpool(open_index, settings)
        try:
            yield
        finally:
            await run_in_threadpool(app.state.index.close)

    app = Starlette(
        routes=[
            Route("/graphql", graphql_endpoint, methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
        ],
        middleware=[
            Middleware(RequestIdMiddleware),
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
                expose_headers=["X-Request-ID"],
            ),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.schema = build_schema(settings)
    if index is not None:
        app.state.index = index
    return app
