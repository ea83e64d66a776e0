"""``Mention``: an entity an article names, and how often."""

from __future__ import annotations

import strawberry

from graphql_api.types.base import object_type
from graphql_api.types.node import Node


@object_type
class Mention:
    """An entity (country, organization or person) named in an article."""

    entity: Node = strawberry.field(description="What is mentioned.")
    count: int = strawberry.field(description="How many times the article names it.")
