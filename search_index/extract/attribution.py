"""Who reported a figure, and whose losses it counts.

A sentence credits what it reports to an entity written before a reporting verb
("The Kyrgyz Health Ministry reported", "the Tajik side said") or after
"according to". A figure goes to the reporter :func:`reporter_for` picks, and
counts the losses of the country :func:`side_of` reads from the figure's own
words or, failing that, from whom the reporter speaks for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from search_index.models import EntityKind, EntityRef

if TYPE_CHECKING:
    from search_index.extract import Found
    from search_index.extract.figures import FigurePhrase

_REPORTING_AFTER = re.compile(
    r"\s*(?:has\s+|have\s+|had\s+|also\s+)?(?:reported|reports|said|says|announced|stated"
    r"|confirmed|informed|told|added|noted|estimated|put)\b",
    re.IGNORECASE,
)
_ACCORDING_TO_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_ACCORDING = re.compile(r"according", re.IGNORECASE)
# "the Tajik side reported", "Tajik authorities said": a country speaking for itself.
_SIDE_AFTER = re.compile(
    r"\s+(?:side|authorities|officials|government|(?:border\s+)?guards|forces|military|army"
    r"|troops|police)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Reporter:
    """An entity a sentence credits with what it reports, and the country it speaks for."""

    kind: EntityKind
    key: str
    position: int
    country_id: str | None
    according_to: bool


def organization_country(org: Found, countries: Sequence[Found]) -> str | None:
    """The country a government body belongs to: one named inside its name.

    Falls back on the id's prefix ("kg-health-ministry") when it is one of the
    article's countries, for bodies named without the adjective.
    """
    for country in countries:
        if org.span.start <= country.span.start and country.span.end <= org.span.end:
            return country.key
    prefix = org.key.split("-", 1)[0].upper()
    return prefix if len(prefix) == 2 and prefix in {c.key for c in countries} else None


def reporters_in(
    body: str,
    start: int,
    end: int,
    countries: Sequence[Found],
    speakers: Sequence[Found],
) -> list[Reporter]:
    """Entities in ``body[start:end]`` that report something: "X reported", "according to X".

    ``speakers`` are the organizations and people found in the article.
    """
    found: list[Reporter] = []
    # The word must be there for the phrase to be: one search of the sentence spares reading
    # its beginning again before every entity.
    may_cite = _ACCORDING.search(body, start, end) is not None
    for entity in speakers:
        if not (start <= entity.span.start and entity.span.end <= end):
            continue
        according = may_cite and bool(_ACCORDING_TO_BEFORE.search(body[start : entity.span.start]))
        if according or _REPORTING_AFTER.match(body, entity.span.end):
            speaks_for = (
                organization_country(entity, countries)
                if entity.kind is EntityKind.ORGANIZATION
                else None
            )
            found.append(
                Reporter(entity.kind, entity.key, entity.span.start, speaks_for, according)
            )
    for country in countries:
        if not (start <= country.span.start and country.span.end <= end):
            continue
        side = _SIDE_AFTER.match(body, country.span.end)
        if side and _REPORTING_AFTER.match(body, side.end()):
            found.append(
                Reporter(EntityKind.COUNTRY, country.key, country.span.start, country.key, False)
            )
    return sorted(found, key=lambda r: r.position)


def reported_by(reporter: Reporter | None) -> EntityRef | None:
    """The speaker a figure is credited to: a person or an organization, never a country.

    "The Tajik side reported 41 dead" names whose figure it is (its side), not a
    speaker the graph can hold, so it credits nobody.
    """
    if reporter is None or reporter.kind is EntityKind.COUNTRY:
        return None
    return EntityRef(kind=reporter.kind, id=reporter.key)


def reporter_for(reporters: Sequence[Reporter], position: int) -> Reporter | None:
    """Who a figure at ``position`` is credited to.

    "according to X" covers the whole sentence; otherwise the nearest reporter
    named before the figure ("The Health Ministry reported 59 deaths"), else the
    first one after it ("59 people were killed, the ministry said").
    """
    for reporter in reporters:
        if reporter.according_to:
            return reporter
    before = [r for r in reporters if r.position < position]
    if before:
        return before[-1]
    after = [r for r in reporters if r.position > position]
    return after[0] if after else None


def side_of(
    phrase: FigurePhrase, reporter: Reporter | None, countries: Sequence[Found]
) -> str | None:
    """The country whose losses a figure counts.

    A country named in the figure's own words ("41 Tajik servicemen") decides;
    otherwise the country the reporter speaks for (a national ministry counts its
    own losses); otherwise nobody can tell.
    """
    for country in countries:
        if phrase.number_start < country.span.start and country.span.end <= phrase.end:
            return country.key
    return reporter.country_id if reporter is not None else None
