"""Merging one article's entities with the graph other articles built.

An organization is the stored one sharing any alias key; a person is the stored
one found under one of the usual spellings of the name ("Japarov", "Zhaparov",
"Жапаров") whose name folds to the same sound, when first names and countries
do not conflict; an incident is the stored one of the same kind, with
overlapping dates and a shared country. Every fact of the extraction is
then rewritten to the graph's ids. Pure functions over records and a
:class:`~search_index.extract.GraphLookup`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz

from search_index.extract import GraphLookup
from search_index.models import (
    EntityKind,
    EntityRef,
    Extraction,
    Figure,
    Incident,
    Mention,
    Organization,
    Person,
    Role,
    Statement,
)
from search_index.names import alias_key, slug

#: Two folded names this similar (0-100) are one spelling apart ("Kulubaev" / "Kulubayev").
NAME_SIMILARITY = 90.0
#: Two first names this similar are the same name ("Sadyr" / "Sadir").
GIVEN_NAME_SIMILARITY = 80.0
#: Most other spellings looked up per name.
SPELLING_VARIANTS = 48
#: How many days before an incident's start an overlapping one may have started.
EARLIER_START_DAYS = 7
#: An undated incident is looked for among those of this many days before the article.
RECENT_DAYS = 31
#: Names folded and spelt out, kept across articles: the same names recur from one
#: article to the next, and a bulk ingest merges in a single process.
NAME_CACHE_SIZE = 16_384

# Spellings one transliteration gives and another does not, both ways.
_SWAPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"dzh|zh|dj"), "j"),
    (re.compile(r"j"), "zh"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"(?<![kszcg])h"), "kh"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(?<=[aeiou])i"), "y"),
    (re.compile(r"(?<=[aeiou])y(?=e[vw])"), ""),
    (re.compile(r"(?<=[aeiou])(?=e[vw])"), "y"),
    (re.compile(r"ev\b"), "ov"),
    (re.compile(r"w"), "v"),
)

# Transliteration variants of Russian/Central Asian names, most specific first.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"dzh|dj|zh"), "j"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"q"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"(?<=[aeiou])[yj](?=[aeiou])"), ""),
    (re.compile(r"y"), "i"),
    (re.compile(r"(?<=[aeiou])j$"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"e(v|va)$"), r"o\1"),
)


# --- Name folding -----------------------------------------------------------------


@lru_cache(maxsize=NAME_CACHE_SIZE)
def fold_word(word: str) -> str:
    """One word of a name reduced to its sound: "Zhaparov", "Japarov" -> "japarov"."""
    folded = alias_key(word).replace(" ", "")
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded


def fold_name(name: str) -> str:
    """A whole name folded word by word ("Sadyr Zhaparov" -> "sadir japarov")."""
    return " ".join(fold_word(w) for w in alias_key(name).split())


def spelling_variants(name: str, limit: int = SPELLING_VARIANTS) -> list[str]:
    """Alias keys of the usual other spellings of ``name``, itself first.

    "Sadyr Zhaparov" -> "sadyr zhaparov", "sadyr japarov", "sadir japarov", ...
    The graph is asked for each; :func:`same_person_name` then judges what it returns.
    """
    return list(_spellings(alias_key(name))[:limit])


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _spellings(start: str) -> tuple[str, ...]:
    # A tuple: callers share the one cached answer.
    seen = [start]
    frontier = [start]
    for _ in range(2):  # two changes cover a given name and a surname spelt differently
        following: list[str] = []
        for spelling in frontier:
            for pattern, replacement in _SWAPS:
                variant = pattern.sub(replacement, spelling)
                if variant not in seen:
                    seen.append(variant)
                    following.append(variant)
        frontier = following
    return tuple(seen)


def search_keys(name: str) -> list[str]:
    """The alias keys a person of this name is looked for by: spellings of the name and surname."""
    keys = spelling_variants(name)
    words = alias_key(name).split()
    if len(words) > 1:
        keys += [k for k in spelling_variants(words[-1]) if k not in keys]
    return keys


def _given_names(name: str) -> list[str]:
    return [fold_word(w) for w in alias_key(name).split()[:-1]]


def given_names_agree(a: str, b: str) -> bool:
    """Whether two names' first names could be one person's (either missing is no conflict).

    An initial agrees with a name of that letter ("M. Imankulov", "Marat Imankulov").
    """
    first_a, first_b = _given_names(a)[:1], _given_names(b)[:1]
    if not first_a or not first_b:
        return True
    x, y = first_a[0], first_b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y or fuzz.ratio(x, y) >= GIVEN_NAME_SIMILARITY


def same_person_name(a: str, b: str) -> bool:
    """Whether two written names can be one person: surnames sound alike, first names agree."""
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return False
    surname_a, surname_b = fa.rsplit(" ", 1)[-1], fb.rsplit(" ", 1)[-1]
    if fuzz.ratio(surname_a, surname_b) < NAME_SIMILARITY:
        return False
    return given_names_agree(a, b)


# --- Entities ------------------------------------------------------------------------


def match_organization(org: Organization, graph: GraphLookup) -> Organization | None:
    """The stored organization sharing any of this one's names or aliases, or its acronym.

    A name shared by two states' bodies never joins them. An acronym alone is
    weaker evidence (IMU is a movement and a union), so a match found only by
    it must also have a similar full name.
    """
    for name in (org.name, *org.aliases):
        stored = graph.organization_by_alias_key(alias_key(name))
        if stored is not None and _same_state(org, stored):
            return stored
    stored = _by_acronym(org, graph)
    if stored is None or _names_agree(org, stored):
        return stored
    return None


def organization_id(org: Organization, graph: GraphLookup) -> str:
    """The id this article's organization has in the graph.

    The stored match's id; otherwise its own, unless another organization
    already holds that id under the same acronym: then one from its full name
    ("imu" is taken, so "international-mathematical-union").
    """
    stored = match_organization(org, graph)
    if stored is not None:
        return stored.id
    taken = _by_acronym(org, graph)
    return slug(org.name) if taken is not None and taken.id == org.id else org.id


def _same_state(org: Organization, stored: Organization) -> bool:
    # "Ministry of Commerce" is an alias of China's and of India's: a body of one
    # state is never another's, whatever name they share.
    return org.country_id is None or stored.country_id in (None, org.country_id)


def _by_acronym(org: Organization, graph: GraphLookup) -> Organization | None:
    return graph.organization_by_alias_key(alias_key(org.acronym)) if org.acronym else None


def _names_agree(org: Organization, stored: Organization) -> bool:
    if org.acronym in (org.name, None) or stored.acronym in (stored.name, None):
        return True
    return fuzz.token_set_ratio(alias_key(org.name), alias_key(stored.name)) >= NAME_SIMILARITY


def _person_candidates(person: Person, graph: GraphLookup) -> list[Person]:
    seen: dict[str, Person] = {}
    keys = dict.fromkeys(k for name in (person.name, *person.aliases) for k in search_keys(name))
    for key in keys:
        for candidate in graph.people_by_alias_key(key):
            seen.setdefault(candidate.id, candidate)
    if len(alias_key(_fullest_name(person)).split()) == 1 and person.country_id:
        # Named by surname alone ("Makhmudov, the secretary of Uzbekistan's Security
        # Council"): people other articles named in full, when the country says so too.
        for key in spelling_variants(person.name):
            for candidate in graph.people_by_surname_key(key):
                if candidate.country_id == person.country_id:
                    seen.setdefault(candidate.id, candidate)
    return list(seen.values())


def _fullest_name(person: Person) -> str:
    # The name with most words carries the first name a surname-only alias hides.
    return max((person.name, *person.aliases), key=lambda n: len(alias_key(n).split()))


def _compatible(person: Person, stored: Person) -> bool:
    if person.country_id and stored.country_id and person.country_id != stored.country_id:
        return False
    return same_person_name(_fullest_name(person), _fullest_name(stored))


def match_person(person: Person, graph: GraphLookup) -> Person | None:
    """The stored person this one is, if exactly one candidate fits.

    Candidates are the people found under one of :func:`search_keys`; one fits
    when the fullest names of both pass :func:`same_person_name` and their
    countries do not differ. Two fitting candidates for one surname ("Imankulov") are a coin
    toss, so nothing is merged; one sharing this person's country breaks the tie.
    """
    fitting = [c for c in _person_candidates(person, graph) if _compatible(person, c)]
    if len(fitting) > 1 and person.country_id:
        fitting = [c for c in fitting if c.country_id == person.country_id] or fitting
    return fitting[0] if len(fitting) == 1 else None


def _dates(incident: Incident) -> tuple[date, date] | None:
    if incident.start_date is None:
        return None
    return incident.start_date, incident.end_date or incident.start_date


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def match_incident(
    incident: Incident, graph: GraphLookup, published_on: date | None = None
) -> Incident | None:
    """The stored incident this one is: same kind, a shared country, overlapping dates.

    The graph answers by start day, so the days an overlapping incident may
    have started on are asked one by one: from :data:`EARLIER_START_DAYS`
    before this one's start to its end. An undated incident ("the situation at
    the Kyrgyz-Tajik border") is matched against those that started in the
    :data:`RECENT_DAYS` before the article's date, and only one in every
    country it names: a report refers to a recent event. When neither says
    when, dates cannot decide: see :func:`_same_place_alone`.
    """
    if not incident.country_ids:
        return None
    dates = _dates(incident)
    if dates is not None:
        first, last = dates[0], min(dates[1], dates[0] + timedelta(days=RECENT_DAYS))
        days, shared = _days(first - timedelta(days=EARLIER_START_DAYS), last), 1
    elif published_on is not None:
        first, last = published_on - timedelta(days=RECENT_DAYS), published_on
        days, shared = _days(first, last), len(set(incident.country_ids))
    else:
        return _same_place_alone(incident, graph.incidents_in(incident.kind, incident.country_ids))
    for day in days:
        for stored in graph.incidents_like(incident.kind, day, incident.country_ids):
            stored_dates = _dates(stored)
            if (
                stored_dates is not None
                and stored_dates[0] <= last
                and first <= stored_dates[1]
                and len(set(stored.country_ids) & set(incident.country_ids)) >= shared
            ):
                return stored
    # A dated report of an incident first stored from an undated one.
    return _same_place_alone(incident, graph.incidents_like(incident.kind, None, incident.country_ids))


def _same_place_alone(incident: Incident, candidates: Iterable[Incident]) -> Incident | None:
    """The one candidate with the same countries and a shared place, when dates cannot decide.

    An undated report ("the situation on the Kyrgyz-Tajik border") is the
    incident stored for that very place only if no other of its kind is
    there: with two, nothing says which, so it stays apart.
    """
    fitting = [
        stored
        for stored in candidates
        if set(stored.country_ids) == set(incident.country_ids)
        and set(stored.places) & set(incident.places)
    ]
    return fitting[0] if len(fitting) == 1 else None


# --- Rewriting -------------------------------------------------------------------------
#
# Most ids stay as they are: a record or fact none of whose ids changes is kept
# as it is (records are frozen), not copied.


_R = TypeVar("_R", Organization, Person, Incident)


def _renamed(records: Iterable[_R], ids: Mapping[str, str]) -> list[_R]:
    out: dict[str, _R] = {}
    for record in records:
        new_id = ids.get(record.id, record.id)
        if new_id in out:
            continue
        out[new_id] = record if new_id == record.id else record.model_copy(update={"id": new_id})
    return list(out.values())


def _rekeyed(ref: EntityRef, ids: Mapping[EntityKind, Mapping[str, str]]) -> EntityRef:
    new_id = ids.get(ref.kind, {}).get(ref.id, ref.id)
    return ref if new_id == ref.id else ref.model_copy(update={"id": new_id})


def _ref(ref: EntityRef | None, ids: Mapping[EntityKind, Mapping[str, str]]) -> EntityRef | None:
    return None if ref is None else _rekeyed(ref, ids)


def _mentions(
    mentions: Iterable[Mention], ids: Mapping[EntityKind, Mapping[str, str]]
) -> list[Mention]:
    merged: dict[tuple[EntityKind, str], Mention] = {}
    for mention in mentions:
        ref = _rekeyed(mention.entity, ids)
        key = (ref.kind, ref.id)
        if key in merged:
            old = merged[key]
            spans = tuple(sorted({*old.spans, *mention.spans}, key=lambda s: (s.start, s.end)))
            merged[key] = old.model_copy(
                update={"count": old.count + mention.count, "spans": spans}
            )
        elif ref is mention.entity:
            merged[key] = mention
        else:
            merged[key] = mention.model_copy(update={"entity": ref})
    return list(merged.values())


def _role(role: Role, people: Mapping[str, str], orgs: Mapping[str, str]) -> Role:
    org_id = role.organization_id
    person_id = people.get(role.person_id, role.person_id)
    new_org_id = orgs.get(org_id, org_id) if org_id else None
    if person_id == role.person_id and new_org_id == org_id:
        return role
    return role.model_copy(update={"person_id": person_id, "organization_id": new_org_id})


def _statement(statement: Statement, ids: Mapping[EntityKind, Mapping[str, str]]) -> Statement:
    speaker = _ref(statement.speaker, ids)
    if speaker is statement.speaker:
        return statement
    return statement.model_copy(update={"speaker": speaker})


def _figure(
    figure: Figure, ids: Mapping[EntityKind, Mapping[str, str]], incidents: Mapping[str, str]
) -> Figure:
    reported_by = _ref(figure.reported_by, ids)
    incident_id = incidents.get(figure.incident_id, figure.incident_id)
    if reported_by is figure.reported_by and incident_id == figure.incident_id:
        return figure
    return figure.model_copy(update={"reported_by": reported_by, "incident_id": incident_id})


def resolve(
    extraction: Extraction, graph: GraphLookup, published_on: date | None = None
) -> Extraction:
    """``extraction`` with every entity and incident id replaced by the graph's, where one matches.

    Records keep what this article says of them (name, aliases, kind); only ids
    change, and every fact pointing at a changed id follows it. Two records of
    this article that land on one stored id become one; their mentions add up.
    ``published_on`` (the article's date) places its undated incidents.
    """
    orgs = {o.id: organization_id(o, graph) for o in extraction.organizations}
    people = {p.id: q.id for p in extraction.people if (q := match_person(p, graph))}
    incidents = {
        i.id: j.id for i in extraction.incidents if (j := match_incident(i, graph, published_on))
    }
    ids: dict[EntityKind, Mapping[str, str]] = {
        EntityKind.ORGANIZATION: orgs,
        EntityKind.PERSON: people,
    }
    return extraction.model_copy(
        update={
            "organizations": tuple(_renamed(extraction.organizations, orgs)),
            "people": tuple(_renamed(extraction.people, people)),
            "incidents": tuple(_renamed(extraction.incidents, incidents)),
            "mentions": tuple(_mentions(extraction.mentions, ids)),
            "roles": tuple(_role(r, people, orgs) for r in extraction.roles),
            "statements": tuple(_statement(s, ids) for s in extraction.statements),
            "figures": tuple(_figure(f, ids, incidents) for f in extraction.figures),
        }
    )
