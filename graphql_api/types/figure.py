"""``Figure``: one reported number about an incident, with its own provenance."""

from __future__ import annotations

from datetime import date

import strawberry

from graphql_api.context import Info
from graphql_api.types import article as article_types
from graphql_api.types import country as country_types
from graphql_api.types import entities
from graphql_api.types.base import field, object_type
from graphql_api.types.enums import FigureKind, Qualifier
from graphql_api.types.lazy import LazyArticle, LazyCountry
from graphql_api.types.speaker import Speaker
from search_index import models


@object_type
class Figure:
    """A number reported about an incident; two sources that disagree are two figures."""

    record: strawberry.Private[models.Figure]

    @field
    def kind(self) -> FigureKind:
        """What the number counts."""
        return self.record.kind

    @field
    def value(self) -> int:
        """The number as reported ("more than 700" -> 700)."""
        return self.record.value

    @field
    def qualifier(self) -> Qualifier:
        """How exact the number is ("more than 700" -> MORE_THAN)."""
        return self.record.qualifier

    @field
    def text(self) -> str:
        """The words the number was read from."""
        return self.record.text

    @field
    async def side(self, info: Info) -> LazyCountry | None:
        """The side the number is about, when the article says."""
        return await country_types.load_country(info, self.record.side_country_id)

    @field
    async def reported_by(self, info: Info) -> Speaker | None:
        """Who reported the number ("the Kyrgyz Health Ministry"); null when unattributed."""
        return await entities.load_speaker(info.context, self.record.reported_by)

    @field
    async def article(self, info: Info) -> LazyArticle:
        """The article that carries the number."""
        fact = f"figure {self.record.id}"
        return await article_types.source_article(info, self.record.article_id, fact)

    @field
    def reported_on(self) -> date | None:
        """When it was reported (the article's date); null when unknown."""
        return self.record.reported_on
