"""What every resolver of one request can reach: the index, the settings, the loaders, who asks."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

import strawberry
from starlette.concurrency import run_in_threadpool

from graphql_api.errors import Unauthenticated
from graphql_api.loaders import Loaders
from search_index import NewsIndex, Settings

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class Context:
    """Per-request state. ``authorization`` is the raw Authorization header, if any.

    ``trusted`` marks in-process callers (``newsgraph query``): they can already
    write the data dir, so a key would protect nothing.
    """

    index: NewsIndex
    settings: Settings
    request_id: str | None = None
    authorization: str | None = None
    trusted: bool = False
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders.over(self.index)

    async def call(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run one synchronous facade call in the thread pool."""
        return await run_in_threadpool(fn, *args, **kwargs)

    def require_writer(self) -> None:
        """Refuse a write unless the request carries the configured API key."""
        if self.trusted:
            return
        key = self.settings.api_key
        if key is None:
            raise Unauthenticated("writes are disabled: no API key is configured on this server")
        scheme, _, given = (self.authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise Unauthenticated("this operation needs 'Authorization: Bearer <API key>'")
        expected = key.get_secret_value().encode()
        if not hmac.compare_digest(given.strip().encode(), expected):
            raise Unauthenticated("the API key is not valid")


#: What resolvers receive as ``info``.
Info = strawberry.Info[Context, None]
