"""Input objects: filters and the article a mutation ingests, each converted to its record here.

Ids arrive global and leave raw; a wrong or malformed id is BAD_USER_INPUT.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import strawberry
from pydantic import ValidationError
from strawberry import UNSET

from graphql_api.ids import decode_id, decode_id_of
from graphql_api.types.base import input_type
from search_index import models
from search_index.errors import BadInput


def _raw_ids(ids: Sequence[strawberry.ID] | None, type_name: str) -> tuple[str, ...]:
    return tuple(decode_id_of(str(global_id), type_name) for global_id in ids or ())


def _raw_id(global_id: strawberry.ID | None, type_name: str) -> str | None:
    # UNSET (left out) and None (explicit null) both mean "no condition".
    return decode_id_of(str(global_id), type_name) if global_id else None


@input_type
class ArticleFilter:
    """Which articles to keep: any value within a field, every field given. Empty keeps all."""

    from_: date | None = strawberry.field(
        default=UNSET, name="from", description="Published on or after this day."
    )
    to: date | None = strawberry.field(default=UNSET, description="Published on or before this day.")
    sources: list[str] | None = strawberry.field(
        default=UNSET, description="Published by any of these sources."
    )
    countries: list[strawberry.ID] | None = strawberry.field(
        default=UNSET, description="Mentioning any of these countries."
    )
    organizations: list[strawberry.ID] | None = strawberry.field(
        default=UNSET, description="Mentioning any of these organizations."
    )
    people: list[strawberry.ID] | None = strawberry.field(
        default=UNSET, description="Mentioning any of these people."
    )

    def to_record(self) -> models.ArticleFilter:
        """The facade's filter, with raw ids."""
        return models.ArticleFilter(
            from_date=self.from_ or None,
            to_date=self.to or None,
            sources=tuple(self.sources or ()),
            countries=_raw_ids(self.countries, "Country"),
            organizations=_raw_ids(self.organizations, "Organization"),
            people=_raw_ids(self.people, "Person"),
        )


@input_type
class PersonFilter:
    """Which people to keep."""

    country: strawberry.ID | None = strawberry.field(default=UNSET, description="Of this country.")
    organization: strawberry.ID | None = strawberry.field(
        default=UNSET, description="Holding a role in this organization."
    )

    def to_record(self) -> models.PersonFilter:
        """The facade's filter, with raw ids."""
        return models.PersonFilter(
            country=_raw_id(self.country, "Country"),
            organization=_raw_id(self.organization, "Organization"),
        )


@input_type
class StatementFilter:
    """Which statements to keep; every condition given must hold."""

    speaker: strawberry.ID | None = strawberry.field(
        default=UNSET, description="Said by this person or organization."
    )
    country: strawberry.ID | None = strawberry.field(
        default=UNSET, description="Said by a person or organization of this country."
    )
    organization: strawberry.ID | None = strawberry.field(
        default=UNSET, description="Said by this organization or by someone holding a role in it."
    )
    from_: date | None = strawberry.field(
        default=UNSET, name="from", description="Said on or after this day."
    )
    to: date | None = strawberry.field(default=UNSET, description="Said on or before this day.")

    def to_record(self) -> models.StatementFilter:
        """The facade's filter, with raw ids."""
        speaker = None
        if self.speaker:
            type_name, speaker = decode_id(str(self.speaker))
            if type_name not in ("Person", "Organization"):
                raise BadInput("`speaker` must be a Person or Organization id")
        return models.StatementFilter(
            speaker=speaker,
            country=_raw_id(self.country, "Country"),
            organization=_raw_id(self.organization, "Organization"),
            from_date=self.from_ or None,
            to_date=self.to or None,
        )


@input_type
class IncidentFilter:
    """Which incidents to keep; every condition given must hold."""

    country: strawberry.ID | None = strawberry.field(default=UNSET, description="In this country.")
    from_: date | None = strawberry.field(
        default=UNSET, name="from", description="Began on or after this day."
    )
    to: date | None = strawberry.field(default=UNSET, description="Began on or before this day.")

    def to_record(self) -> models.IncidentFilter:
        """The facade's filter, with raw ids."""
        return models.IncidentFilter(
            country=_raw_id(self.country, "Country"), from_date=self.from_ or None, to_date=self.to or None
        )


@input_type
class ArticleInput:
    """An article to ingest, as a client sends it."""

    title: str = strawberry.field(description="The headline.")
    body: str = strawberry.field(description="The article text.")
    published_at: datetime | None = strawberry.field(
        default=UNSET, description="When it was published, with a UTC offset."
    )
    source: str | None = strawberry.field(default=UNSET, description="Who published it.")
    url: str | None = strawberry.field(default=UNSET, description="Where it was published.")

    def to_draft(self) -> models.ArticleDraft:
        """The draft the ingest pipeline takes; BadInput with the first problem found."""
        try:
            return models.ArticleDraft(
                title=self.title,
                body=self.body,
                published_at=self.published_at or None,
                source=self.source or None,
                url=self.url or None,
            )
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "input"
            raise BadInput(f"{where}: {first['msg']}") from error
