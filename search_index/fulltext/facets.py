"""Facet counts over every hit of a search (not one page), from Whoosh's grouping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from whoosh import sorting

from search_index.models import FacetCount, Facets

#: Facets whose values are entity ids (the facade looks up their names).
_ENTITY_FACETS: Final = ("countries", "organizations", "people")
#: Facet name -> index field.
_PLAIN_FACETS: Final = {"sources": "source", "years": "year"}


def grouping() -> dict[str, Any]:
    """What to pass as ``groupedby`` so a search also counts every facet."""
    groups: dict[str, Any] = {
        name: sorting.FieldFacet(name, allow_overlap=True, maptype=sorting.Count)
        for name in _ENTITY_FACETS
    }
    groups.update(
        {name: sorting.FieldFacet(field, maptype=sorting.Count) for name, field in _PLAIN_FACETS.items()}
    )
    return groups


def _ranked(counts: Mapping[Any, int], *, with_id: bool) -> tuple[FacetCount, ...]:
    """Counts by count desc then value; hits without a value (key None) are not a facet value."""
    pairs = sorted(
        ((str(value), count) for value, count in counts.items() if value is not None),
        key=lambda pair: (-pair[1], pair[0]),
    )
    return tuple(
        FacetCount(value=value, id=value if with_id else None, count=count) for value, count in pairs
    )


def facets(results: Any) -> Facets:
    """The facets of a Whoosh result set searched with :func:`grouping`."""
    return Facets(
        **{name: _ranked(results.groups(name), with_id=True) for name in _ENTITY_FACETS},
        **{name: _ranked(results.groups(name), with_id=False) for name in _PLAIN_FACETS},
    )
