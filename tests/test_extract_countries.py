"""Countries by name, short name, safe abbreviation, demonym and adjective; places are not countries."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from search_index.extract.countries import (
    adjective_of,
    country,
    country_records,
    find_countries,
    find_places,
)

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"


def keys(text: str) -> list[str]:
    return [f.key for f in find_countries(text)]


def test_records_use_the_names_news_uses() -> None:
    records = country_records()
    assert records["RU"].name == "Russia"
    assert "Russian Federation" in records["RU"].aliases
    assert records["US"].name == "United States" and records["US"].alpha3 == "USA"
    assert records["KG"].name == "Kyrgyzstan" and "Kyrgyz" in records["KG"].aliases
    assert country("kgz") == records["KG"] and country("tj") == records["TJ"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kyrgyzstan is interested in being a member of the CSTO.", ["KG"]),
        ("Officials in the United States and Russia disagreed.", ["US", "RU"]),
        ("The Kyrgyz side accused Tajik border guards of opening fire.", ["KG", "TJ"]),
        ("A 20-year-old U.S.-led military mission in Afghanistan ended.", ["US", "AF"]),
        ("Moscow's responses to American geopolitical hegemony.", ["US"]),
        ("British and Chinese diplomats met Afghan officials.", ["GB", "CN", "AF"]),
        ("He claimed that Tajikistan’s illegal acts are aggressive.", ["TJ"]),
        ("Talks between Iran and South Korea, then the Russian Federation.", ["IR", "KR", "RU"]),
        ("Thousands of Afghans and Uzbeks crossed into Kazakhstan.", ["AF", "UZ", "KZ"]),
    ],
)
def test_countries_in_real_sentences(sentence: str, expected: list[str]) -> None:
    assert keys(sentence) == expected


def test_hyphenated_compound_names_both_countries() -> None:
    found = find_countries(
        "An armed conflict broke out on the Kyrgyz-Tajik border on September 14."
    )
    assert [(f.key, f.surface) for f in found] == [("KG", "Kyrgyz"), ("TJ", "Tajik")]
    text = "the Kyrgyz-Tajik border"
    assert [text[f.span.start : f.span.end] for f in find_countries(text)] == ["Kyrgyz", "Tajik"]


def test_abbreviations_only_where_they_are_safe() -> None:
    assert keys("The US and the UK imposed sanctions; the UAE did not.") == ["US", "GB", "AE"]
    assert keys("Let us talk about IT and it.") == []
    assert keys("WHY US? LET US GO") == []


def test_ambiguous_names_inside_longer_proper_names_are_not_countries() -> None:
    assert keys("Michael Jordan flew American Airlines to Latin American capitals.") == []
    assert keys("The king of Jordan visited Chad.") == ["JO", "TD"]


def test_languages_and_us_states_are_not_countries() -> None:
    assert keys("The speech was published in Russian by his press service.") == []
    assert keys("It was translated into Russian.") == []
    assert keys("Troops moved in Russian territory.") == ["RU"]
    assert keys("He worked in Atlanta, Georgia, for an American battery maker.") == ["US"]
    assert keys("Tbilisi, the capital of Georgia, hosted talks.") == ["GE"]


def test_cities_are_places_not_countries() -> None:
    text = "Leaders met in Mexico City, then in Kabul, Moscow, Beijing, New York and Bishkek."
    assert keys(text) == []
    places = {(p.name, p.country_id) for p in find_places(text)}
    assert {("Kabul", "AF"), ("Moscow", "RU"), ("Beijing", "CN"), ("Bishkek", "KG")} <= places
    assert ("Mexico City", "MX") in places


def test_places_inside_longer_runs_and_in_capitals_are_found() -> None:
    # A place need not open its capitalized run, and a dateline writes it in capitals: the
    # quick test for a place's first word reads every word of a run, as written and in title case.
    text = "BISHKEK (AP) - Officials said Friday New York Governor Hochul met envoys."
    places = [(p.name, p.country_id, p.surface) for p in find_places(text)]
    assert ("Bishkek", "KG", "BISHKEK") in places
    assert ("New York", "US", "New York") in places


def test_places_skip_organization_names() -> None:
    text = "The Shanghai Cooperation Organization met in Shanghai."
    name_end = text.index(" met")
    excluded = [p.span for p in find_places(text)][:1]
    assert excluded and excluded[0].end <= name_end
    assert [p.span.start for p in find_places(text, exclude=excluded)] == [text.rindex("Shanghai")]


def test_seed_articles_name_exactly_six_countries_with_counts() -> None:
    counts: Counter[str] = Counter()
    for path in sorted(SEEDS.glob("*.txt")):
        counts.update(keys(path.read_text(encoding="utf-8")))
    assert set(counts) == {"KG", "TJ", "RU", "CN", "AF", "US"}
    assert counts["KG"] > counts["TJ"] > counts["RU"] >= 1


def test_bodies_are_named_with_the_country_adjective() -> None:
    assert adjective_of("KG") == "Kyrgyz"
    assert adjective_of("US") == "U.S."
    assert adjective_of("RU") == "Russian"
