"""Organizations the bundled gazetteer names, found in a text.

Most names mean one organization wherever they appear ("CSTO", "Reuters").
Political parties are different: a party belongs to one country's politics, so
it is recognized only in an article that names one of its countries, and a
name several parties share ("Labour", "Social Democrats", "Christian
Democrats") goes to the party of the country the article names most.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from search_index.extract import Found
from search_index.extract.gazetteer import known_organizations, known_parties, org_words
from search_index.extract.text import in_shouted_sentence, names_pattern
from search_index.models import Organization
from search_index.names import alias_key


@dataclass(frozen=True, slots=True)
class OrgHit:
    """One candidate organization mention before overlaps are settled."""

    start: int
    end: int
    org: Organization


@dataclass(frozen=True, slots=True)
class _Entry:
    """A gazetteer organization and the countries an article must name to mean it (none: any)."""

    org: Organization
    countries: tuple[str, ...] = ()


def _forms_of(org: Organization) -> tuple[str, ...]:
    return tuple(form for form in (org.name, org.acronym, *org.aliases) if form)


@lru_cache(maxsize=1)
def _entries_by_form() -> dict[str, tuple[_Entry, ...]]:
    entries = [_Entry(org) for org in known_organizations()]
    entries += [_Entry(party.org, party.countries) for party in known_parties()]
    forms: dict[str, list[_Entry]] = {}
    for entry in entries:
        for form in _forms_of(entry.org):
            bucket = forms.setdefault(form, [])
            if entry not in bucket:
                bucket.append(entry)
    return {form: tuple(bucket) for form, bucket in forms.items()}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return names_pattern(_entries_by_form())


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Organization]:
    """Alias keys of the names that mean one organization anywhere (parties left out)."""
    keys: dict[str, Organization] = {}
    for form, entries in _entries_by_form().items():
        unconditional = [entry.org for entry in entries if not entry.countries]
        if unconditional:
            keys.setdefault(alias_key(form), unconditional[0])
    return keys


def known_organization(name: str) -> Organization | None:
    """The gazetteer organization one of whose names or acronym is ``name`` (any spelling).

    Party names are left out: which party a name means depends on the article.
    """
    return _by_key().get(alias_key(name))


def party_named(name: str, countries: Sequence[Found]) -> Organization | None:
    """The party ``name`` means in an article naming ``countries``, if any."""
    return _chosen(_entries_by_form().get(name, ()), Counter(c.key for c in countries))


def _chosen(entries: Sequence[_Entry], counts: Counter[str]) -> Organization | None:
    """The organization a name means: the first one the gazetteer gives with no condition, else
    the party whose country the article names most (ties to the gazetteer's order); None when
    no candidate's country is named."""
    unconditional = [entry.org for entry in entries if not entry.countries]
    if unconditional:
        return unconditional[0]
    best: tuple[int, Organization] | None = None
    for entry in entries:
        named = max((counts[code] for code in entry.countries), default=0)
        if named and (best is None or named > best[0]):
            best = (named, entry.org)
    return best[1] if best else None


def gazetteer_hits(text: str, countries: Sequence[Found]) -> list[OrgHit]:
    """Every gazetteer name in ``text`` (``countries`` are its country mentions)."""
    counts = Counter(c.key for c in countries)
    hits: list[OrgHit] = []
    for match in _pattern().finditer(text):
        if match.group() in org_words().word_acronyms and in_shouted_sentence(text, match.start()):
            continue
        org = _chosen(_entries_by_form()[match.group()], counts)
        if org is not None:
            hits.append(OrgHit(match.start(), match.end(), org))
    return hits
