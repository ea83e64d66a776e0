"""The gold format: what a careful reader finds in each article, and how it is loaded.

One ``<article>.gold.json`` per article::

    {"article": "01_trade_deal",                  # the article's id (written: its file stem)
     "countries": ["KG", "TJ"],                   # ISO 3166 alpha-2, each country named in any form
     "organizations": [{"name": "Collective Security Treaty Organization",
                        "acronym": "CSTO", "aliases": [], "kind": "INTERGOVERNMENTAL"}],
     "people": [{"name": "Marat Imankulov", "aliases": [],
                 "roles": [{"title": "Secretary", "organization": "Kyrgyz Security Council",
                            "country": "KG"}]}],
     "statements": [{"speaker": "Marat Imankulov", "kind": "DIRECT",
                     "text_contains": "a distinctive substring of what was said"}],
     "figures": [{"kind": "KILLED", "value": 59, "qualifier": "EXACT"}]}

Organizations, people, roles, statements and figures may carry ``"optional": true``: a
borderline item a reasonable extractor may find or not; it is neither
rewarded nor penalized. A statement's speaker and a role's organization must
name a person or organization of the same gold file (checked on load), so a
typo in the gold cannot silently cost a match. ``speaker`` is null for a
quotation the article attributes to no one.

Per set, ``merges.json`` lists groups of (article, surface name) that must be
one entity in the graph; singleton groups say "a different entity from the
others", so a wrong merge costs precision::

    {"groups": [{"kind": "person", "members": [{"article": "05_border_a", "name": "Imankulov"},
                                                {"article": "06_border_b", "name": "Marat Imankulov"}]}]}
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from search_index.models import (
    EntityKind,
    FigureKind,
    OrganizationKind,
    Qualifier,
    StatementKind,
)
from search_index.names import alias_key

GOLD_SUFFIX = ".gold.json"
MERGES_FILE = "merges.json"


class GoldError(ValueError):
    """A gold file that does not follow the format (its path and the first problem)."""


class _Gold(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldOrganization(_Gold):
    """An organization the article names, with every name it goes by there."""

    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    kind: OrganizationKind
    optional: bool = False

    def names(self) -> tuple[str, ...]:
        """Full name, acronym and aliases."""
        return (self.name, *((self.acronym,) if self.acronym else ()), *self.aliases)


class GoldRole(_Gold):
    """A title the article gives a person; organization and country only when the text ties them."""

    title: str
    organization: str | None = None
    country: str | None = None
    #: A title the text gives only at a distance ("..., the presidential spokesman said").
    optional: bool = False


class GoldPerson(_Gold):
    """A person the article names, with other spellings it (or the set) uses."""

    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[GoldRole, ...] = ()
    optional: bool = False

    def names(self) -> tuple[str, ...]:
        """Full name and aliases."""
        return (self.name, *self.aliases)


class GoldStatement(_Gold):
    """Something said: who, direct or reported, and a distinctive part of the words."""

    speaker: str | None
    #: Other speakers a careful reader could name ("Tass reported Putin "conveyed ...""); any counts.
    other_speakers: tuple[str, ...] = ()
    kind: StatementKind
    text_contains: str = Field(min_length=8)
    optional: bool = False


class GoldFigure(_Gold):
    """A reported number: "more than 700 buildings destroyed" is (BUILDINGS_DESTROYED, 700, MORE_THAN)."""

    kind: FigureKind
    value: int = Field(ge=0)
    qualifier: Qualifier = Qualifier.EXACT
    #: A figure only embedded page content states (a quoted tweet): found or not, no matter.
    optional: bool = False


class GoldArticle(_Gold):
    """Everything extraction should find in one article."""

    article: str
    countries: tuple[str, ...] = ()
    #: Countries named only in passing page chrome ("READ MORE: ..."): found or not, no matter.
    optional_countries: tuple[str, ...] = ()
    organizations: tuple[GoldOrganization, ...] = ()
    people: tuple[GoldPerson, ...] = ()
    statements: tuple[GoldStatement, ...] = ()
    figures: tuple[GoldFigure, ...] = ()
    notes: str | None = None

    @field_validator("countries", "optional_countries")
    @classmethod
    def _alpha2(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        for code in codes:
            if len(code) != 2 or not code.isupper():
                raise ValueError(f"{code!r} is not an ISO 3166 alpha-2 code")
        return codes

    @model_validator(mode="after")
    def _references_resolve(self) -> GoldArticle:
        organizations = {alias_key(n) for o in self.organizations for n in o.names()}
        people = {alias_key(n) for p in self.people for n in p.names()}
        for person in self.people:
            for role in person.roles:
                if role.organization and alias_key(role.organization) not in organizations:
                    raise ValueError(f"role of {person.name}: no organization {role.organization!r}")
        for statement in self.statements:
            for speaker in (statement.speaker, *statement.other_speakers):
                if speaker is not None and alias_key(speaker) not in people | organizations:
                    raise ValueError(f"statement speaker {speaker!r} is no person or organization")
        return self

    def organization(self, name: str) -> GoldOrganization | None:
        """The organization going by ``name`` (any of its names), if any."""
        key = alias_key(name)
        return next((o for o in self.organizations if key in map(alias_key, o.names())), None)

    def person(self, name: str) -> GoldPerson | None:
        """The person going by ``name`` (any of their names), if any."""
        key = alias_key(name)
        return next((p for p in self.people if key in map(alias_key, p.names())), None)


class MergeMember(_Gold):
    """One surface name in one article."""

    article: str
    name: str


class MergeGroup(_Gold):
    """Surface names that must all be one entity (a singleton: distinct from the others)."""

    kind: EntityKind
    members: tuple[MergeMember, ...] = Field(min_length=1)


class Merges(_Gold):
    """The cross-article merges of one set."""

    groups: tuple[MergeGroup, ...] = ()


def _load_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GoldError(f"{path}: {error}") from error


def load_gold(path: Path) -> GoldArticle:
    """One gold file, validated (raises GoldError)."""
    try:
        return GoldArticle.model_validate(_load_json(path))
    except ValidationError as error:
        raise GoldError(f"{path}: {error}") from error


def load_merges(folder: Path) -> Merges:
    """The set's merges file; no merges when the set has none."""
    path = folder / MERGES_FILE
    if not path.exists():
        return Merges()
    try:
        return Merges.model_validate(_load_json(path))
    except ValidationError as error:
        raise GoldError(f"{path}: {error}") from error


def load_golds(folder: Path) -> list[GoldArticle]:
    """Every gold file of a set, in file-name order (the order articles are ingested in)."""
    paths = sorted(folder.glob(f"*{GOLD_SUFFIX}"))
    if not paths:
        raise GoldError(f"{folder}: no {GOLD_SUFFIX} files")
    golds = [load_gold(path) for path in paths]
    ids = [gold.article for gold in golds]
    if len(set(ids)) != len(ids):
        raise GoldError(f"{folder}: two gold files name the same article")
    return golds


def check_merges(merges: Merges, golds: list[GoldArticle]) -> None:
    """Raise GoldError when a merge member names an article or entity its gold does not hold."""
    by_id = {gold.article: gold for gold in golds}
    for group in merges.groups:
        for member in group.members:
            gold = by_id.get(member.article)
            if gold is None:
                raise GoldError(f"merges: no article {member.article!r}")
            found = (gold.person(member.name) if group.kind == EntityKind.PERSON
                     else gold.organization(member.name))
            if found is None and not _surname_of_gold(gold, member.name, group.kind):
                raise GoldError(f"merges: {member.name!r} is not a {group.kind} of {member.article}")


def _surname_of_gold(gold: GoldArticle, name: str, kind: EntityKind) -> bool:
    """True when ``name`` is the last word of a gold person's name (a surname-only mention)."""
    if kind != EntityKind.PERSON:
        return False
    key = alias_key(name)
    return any(alias_key(n).split()[-1:] == [key] for p in gold.people for n in p.names())
