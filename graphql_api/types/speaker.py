"""``Speaker``: who said something or reported a figure, a person or an organization."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypeAlias, Union

import strawberry

if TYPE_CHECKING:
    from graphql_api.types.organization import Organization
    from graphql_api.types.person import Person

# Lazy members: person and organization reach statements, which reach back here.
Speaker: TypeAlias = Annotated[
    Union[  # noqa: UP007 - lazy forward references need typing.Union
        Annotated["Person", strawberry.lazy("graphql_api.types.person")],
        Annotated["Organization", strawberry.lazy("graphql_api.types.organization")],
    ],
    strawberry.union("Speaker", description="Who said or reported something."),
]
