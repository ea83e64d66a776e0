"""The GraphQL enums: the record enums of ``search_index.models``, registered once with descriptions.

Registering marks the record classes themselves, so resolvers return record
values unchanged; importing this module is what registers them.
"""

from __future__ import annotations

import strawberry

from search_index.models import (
    FigureKind,
    IncidentKind,
    OrganizationKind,
    Qualifier,
    SearchSort,
    StatementKind,
)

strawberry.enum(OrganizationKind, description="What sort of body an organization is.")
strawberry.enum(StatementKind, description="A quotation in the speaker's words, or reported speech.")
strawberry.enum(IncidentKind, description="What sort of event an incident is.")
strawberry.enum(FigureKind, description="What a reported number counts.")
strawberry.enum(Qualifier, description='How exact a number is: "more than 700" is MORE_THAN 700.')
strawberry.enum(SearchSort, description="Order of search results.")

__all__ = ["FigureKind", "IncidentKind", "OrganizationKind", "Qualifier", "SearchSort", "StatementKind"]
