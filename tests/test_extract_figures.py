"""Reported figures: their qualifiers, who reported them and whose losses they count.

Figures are read by extract.figures and credited by extract.attribution.
"""

from __future__ import annotations

import pytest

from search_index.extract import Found
from search_index.extract.attribution import (
    organization_country,
    reported_by,
    reporter_for,
    reporters_in,
    side_of,
)
from search_index.extract.figures import (
    FigurePhrase,
    find_figures,
    may_hold_a_figure,
    number_value,
)
from search_index.models import EntityKind, EntityRef, FigureKind, Qualifier, Span

KILLED, INJURED = FigureKind.KILLED, FigureKind.INJURED
SEED_HEALTH = (
    "The Kyrgyz Health Ministry reported the deaths of 59 people and the injuries of another "
    "198 in the resulting armed clashes."
)
SEED_EMERGENCY = (
    "The Kyrgyz Emergency Situations Ministry said that more than 700 facilities, including 364 "
    "residential houses, were destroyed and over 142,000 people were evacuated from the conflict "
    "zone."
)


def summary(text: str) -> list[tuple[FigureKind, int, Qualifier]]:
    """(kind, value, qualifier) of every figure in ``text``, each checked against its span."""
    found = find_figures(text)
    for phrase in found:
        assert text[phrase.start : phrase.end] == phrase.text
    return [(f.kind, f.value, f.qualifier) for f in found]


def entity(kind: EntityKind, key: str, name: str, text: str, surface: str) -> Found:
    """A hand-built Found for ``surface``'s first occurrence in ``text``."""
    start = text.index(surface)
    return Found(
        kind=kind,
        key=key,
        name=name,
        surface=surface,
        span=Span(start=start, end=start + len(surface)),
    )


# --- The seeds -------------------------------------------------------------------


def test_seed_deaths_and_injuries() -> None:
    assert summary(SEED_HEALTH) == [(KILLED, 59, Qualifier.EXACT), (INJURED, 198, Qualifier.EXACT)]
    assert [f.text for f in find_figures(SEED_HEALTH)] == [
        "deaths of 59 people",
        "injuries of another 198",
    ]


def test_a_lead_in_belongs_to_one_figure_only() -> None:
    # Reuters, Baghdad, 2017: the second number has a verb of its own and is not a death toll.
    text = (
        "An interior ministry official gave a death toll of 52 and said that more than 50 "
        "other people were also wounded."
    )
    assert summary(text) == [(KILLED, 52, Qualifier.EXACT), (INJURED, 50, Qualifier.MORE_THAN)]


def test_seed_destruction_and_evacuation() -> None:
    assert summary(SEED_EMERGENCY) == [
        (FigureKind.BUILDINGS_DESTROYED, 700, Qualifier.MORE_THAN),
        (FigureKind.HOMES_DESTROYED, 364, Qualifier.EXACT),
        (FigureKind.EVACUATED, 142_000, Qualifier.MORE_THAN),
    ]
    # Neither phrase swallows the other's words.
    assert [f.text for f in find_figures(SEED_EMERGENCY)][:2] == [
        "more than 700 facilities",
        "364 residential houses",
    ]


# --- Kinds, on real news sentences -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fighting killed 24 soldiers overnight.", [(KILLED, 24, Qualifier.EXACT)]),
        ("The death toll rose to 63, officials said.", [(KILLED, 63, Qualifier.EXACT)]),
        (
            "The death toll from Monday's earthquake has climbed to more than 2,300.",
            [(KILLED, 2300, Qualifier.MORE_THAN)],
        ),
        (
            "At least 12 people were killed and about 30 injured in the blast.",
            [(KILLED, 12, Qualifier.AT_LEAST), (INJURED, 30, Qualifier.ABOUT)],
        ),
        (
            "The attack left 24 dead and 40 wounded.",
            [(KILLED, 24, Qualifier.EXACT), (INJURED, 40, Qualifier.EXACT)],
        ),
        (
            "Some 1.5 million people were displaced by the floods.",
            [(FigureKind.DISPLACED, 1_500_000, Qualifier.ABOUT)],
        ),
        (
            "Floods in Pakistan have displaced more than 33 million people.",
            [(FigureKind.DISPLACED, 33_000_000, Qualifier.MORE_THAN)],
        ),
        (
            "Police detained 12 protesters in Tbilisi on Saturday.",
            [(FigureKind.DETAINED, 12, Qualifier.EXACT)],
        ),
        (
            "Up to 30 people are missing after the landslide.",
            [(FigureKind.OTHER, 30, Qualifier.UP_TO)],
        ),
        (
            "Nearly 100 homes were destroyed by the wildfire.",
            [(FigureKind.HOMES_DESTROYED, 100, Qualifier.ABOUT)],
        ),
        (
            "As many as 40 people were evacuated from the flooded village.",
            [(FigureKind.EVACUATED, 40, Qualifier.UP_TO)],
        ),
        (
            "Fifty-nine people were killed in the clashes.",
            [(KILLED, 59, Qualifier.EXACT)],
        ),
        (
            "The strike destroyed 12 tanks.",
            [(FigureKind.OTHER, 12, Qualifier.EXACT)],
        ),
        (
            "The rainy season destroyed 1,500 shelters in August alone.",
            [(FigureKind.BUILDINGS_DESTROYED, 1_500, Qualifier.EXACT)],
        ),
        (
            "Shelling destroyed 14 mosques and a market in the old town.",
            [(FigureKind.BUILDINGS_DESTROYED, 14, Qualifier.EXACT)],
        ),
    ],
)
def test_kinds_and_qualifiers(
    sentence: str, expected: list[tuple[FigureKind, int, Qualifier]]
) -> None:
    assert summary(sentence) == expected


def test_each_coordinated_count_is_kept_as_stated() -> None:
    for sentence in (
        "Two servicemen and three civilians were killed in the shelling.",
        "Another strike on Wednesday killed two servicemen and three civilians.",
    ):
        assert summary(sentence) == [(KILLED, 2, Qualifier.EXACT), (KILLED, 3, Qualifier.EXACT)]


def test_counts_written_in_words_only_are_read_in_any_case_and_script() -> None:
    # Sentences with no digit at all: the number words alone must be found, in capitals and
    # next to letters outside ASCII as well.
    for sentence in (
        "TWO SERVICEMEN WERE KILLED IN THE SHELLING.",
        "In Zürich two servicemen were killed in the shelling.",
        "Fifty-nine people were killed, the Health Ministry reported.",
    ):
        assert [kind for kind, _, _ in summary(sentence)] == [KILLED]
    assert summary("Nobody was killed in the shelling.") == []


def test_a_coordinated_count_with_a_verb_of_its_own_keeps_it() -> None:
    assert summary("One person died and 3 were hospitalized after the fire.") == [
        (KILLED, 1, Qualifier.EXACT),
        (INJURED, 3, Qualifier.EXACT),
    ]


def test_left_homeless_counts_the_displaced() -> None:
    assert summary("About 200 families were left homeless by the floods.") == [
        (FigureKind.DISPLACED, 200, Qualifier.ABOUT)
    ]


def test_a_count_inside_an_aside_takes_the_verb_after_it() -> None:
    assert summary("24 people, including 5 children, were killed.") == [
        (KILLED, 24, Qualifier.EXACT),
        (KILLED, 5, Qualifier.EXACT),
    ]


# --- Traps: numbers that are not figures --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "at the conclusion of a 20-year-old U.S.-led military mission in Afghanistan",
        "tens of thousands of people may flood over the border",
        "in violation of bilateral and international agreements between two nations.",
        "Turnout was 69.4 percent, and the campaign cost 300 million dollars.",
        "Ivanov, 45, was killed in the attack.",
        "Hundreds of people were evacuated and dozens were injured.",
        "The convoy was hit 14 km from the border at 16:47.",
        "In 2022, the war displaced people across the region.",
        "The G20 summit was held in Bali.",
    ],
)
def test_not_a_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


def test_numbers_in_skipped_spans_are_ignored() -> None:
    text = "September 14 clashes killed people."
    assert summary(text) == [(KILLED, 14, Qualifier.EXACT)]  # read alone, "14 clashes killed"
    assert find_figures(text, skip=[(0, 12)]) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("142,000", 142_000), ("1.5 million", 1_500_000), ("fifty-nine", 59), ("two", 2), ("63", 63)],
)
def test_number_value(text: str, value: int) -> None:
    assert number_value(text) == value


# --- Who reported it, and whose losses ------------------------------------------------


def test_a_national_ministry_reports_its_own_countrys_losses() -> None:
    text = SEED_HEALTH
    kyrgyz = entity(EntityKind.COUNTRY, "KG", "Kyrgyzstan", text, "Kyrgyz")
    ministry = entity(
        EntityKind.ORGANIZATION, "kg-health-ministry", "Kyrgyz Health Ministry", text,
        "Kyrgyz Health Ministry",
    )  # fmt: skip
    assert organization_country(ministry, [kyrgyz]) == "KG"
    reporters = reporters_in(text, 0, len(text), [kyrgyz], [ministry])
    deaths = find_figures(text)[0]
    reporter = reporter_for(reporters, deaths.start)
    assert reporter is not None
    assert (reporter.kind, reporter.key) == (EntityKind.ORGANIZATION, "kg-health-ministry")
    assert reported_by(reporter) == EntityRef(kind=EntityKind.ORGANIZATION, id="kg-health-ministry")
    assert side_of(deaths, reporter, [kyrgyz]) == "KG"


def test_a_country_named_with_the_losses_wins_over_the_reporter() -> None:
    text = "The Kyrgyz Health Ministry said 41 Tajik servicemen were killed."
    kyrgyz = entity(EntityKind.COUNTRY, "KG", "Kyrgyzstan", text, "Kyrgyz")
    tajik = entity(EntityKind.COUNTRY, "TJ", "Tajikistan", text, "Tajik")
    ministry = entity(
        EntityKind.ORGANIZATION, "kg-health-ministry", "Kyrgyz Health Ministry", text,
        "Kyrgyz Health Ministry",
    )  # fmt: skip
    phrase = find_figures(text)[0]
    reporter = reporter_for(reporters_in(text, 0, len(text), [kyrgyz, tajik], [ministry]), 40)
    assert side_of(phrase, reporter, [kyrgyz, tajik]) == "TJ"


def test_each_side_reports_its_own_dead() -> None:
    text = "The Tajik side reported 41 dead, while the Kyrgyz side said 59 people were killed."
    countries = [
        entity(EntityKind.COUNTRY, "TJ", "Tajikistan", text, "Tajik"),
        entity(EntityKind.COUNTRY, "KG", "Kyrgyzstan", text, "Kyrgyz"),
    ]
    reporters = reporters_in(text, 0, len(text), countries, [])
    sides = []
    for phrase in find_figures(text):
        reporter = reporter_for(reporters, phrase.start)
        assert reporter is not None and reporter.kind is EntityKind.COUNTRY
        assert reported_by(reporter) is None  # a side is no speaker (Person | Organization)
        sides.append((phrase.value, reporter.key, side_of(phrase, reporter, countries)))
    assert sides == [(41, "TJ", "TJ"), (59, "KG", "KG")]


def test_a_countrys_forces_speak_for_it() -> None:
    text = "The Tajik border guards said one serviceman was killed and two were wounded."
    tajik = entity(EntityKind.COUNTRY, "TJ", "Tajikistan", text, "Tajik")
    reporters = reporters_in(text, 0, len(text), [tajik], [])
    assert [(r.kind, r.key, r.country_id) for r in reporters] == [(EntityKind.COUNTRY, "TJ", "TJ")]
    phrases = find_figures(text)
    assert [(p.kind, p.value) for p in phrases] == [(KILLED, 1), (INJURED, 2)]
    assert {side_of(p, reporter_for(reporters, p.start), [tajik]) for p in phrases} == {"TJ"}


def test_according_to_and_a_trailing_said_credit_the_source() -> None:
    text = "At least 24 people were killed in Gaza, according to the Health Ministry."
    ministry = entity(EntityKind.ORGANIZATION, "ps-health-ministry", "Health Ministry", text,
                      "Health Ministry")  # fmt: skip
    reporter = reporter_for(reporters_in(text, 0, len(text), [], [ministry]), 0)
    assert reporter is not None and reporter.according_to and reporter.key == "ps-health-ministry"

    text = "At least 24 people were killed, Reuters said."
    agency = entity(EntityKind.ORGANIZATION, "reuters", "Reuters", text, "Reuters")
    reporter = reporter_for(reporters_in(text, 0, len(text), [], [agency]), 0)
    assert reporter is not None and reporter.key == "reuters" and reporter.country_id is None


def test_nobody_is_credited_without_a_reporting_verb() -> None:
    text = "The Health Ministry building was damaged and 12 people were killed."
    ministry = entity(EntityKind.ORGANIZATION, "health-ministry", "Health Ministry", text,
                      "Health Ministry")  # fmt: skip
    assert reporters_in(text, 0, len(text), [], [ministry]) == []
    phrase: FigurePhrase = find_figures(text)[0]
    assert side_of(phrase, None, []) is None


# One real-news shape per word naming a loss, before the number or after it.
LOSS_SENTENCES = [
    "Officials said 12 people were hospitalised after the crash.",
    "At least 40 people fled the village overnight.",
    "Police said 15 protesters were taken into custody.",
    "Some 20 homes were burnt down in the raid.",
    "Three fishermen are missing after the storm.",
    "About 300 families were forced to flee the floods.",
    "The blast left 12 people dead and 30 injured.",
    "The strike razed 4 buildings.",
    "Soldiers detained 14 suspects.",
    "The quake damaged 120 schools.",
    "Authorities evacuated 5,000 residents.",
    "Rescuers recovered the bodies of 9 miners.",
    "The war displaced 2 million people.",
    "Police reported the arrests of 25 fans.",
    "The death toll rose to 31.",
    "Officials counted 7 fatalities and 2,500 evacuees.",
    "A total of 18 people perished.",
    "More than 100 became refugees.",
    "Sixty families were left homeless.",
    "The shelling killed 3 civilians.",
    "The attack claimed the lives of 11 soldiers.",
    "The fire destroyed 30 tents.",
    "THE SHELLING KILLED 3 CIVILIANS IN ZÜRICH.",
]


@pytest.mark.parametrize("sentence", LOSS_SENTENCES)
def test_a_sentence_stating_a_figure_may_hold_one(sentence: str) -> None:
    # The cheap test must never rule out a sentence the full reading finds a figure in.
    assert find_figures(sentence)
    assert may_hold_a_figure(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The company hired 300 workers in 2022.",
        "He is 45 years old.",
        "Sales rose 12 percent to 3 million units.",
        "Around three hundred delegates met in Geneva.",
    ],
)
def test_a_number_with_no_word_of_loss_holds_no_figure(sentence: str) -> None:
    assert not may_hold_a_figure(sentence)
    assert find_figures(sentence) == []


def test_may_hold_a_figure_reads_only_its_window() -> None:
    text = "Sales rose 12 percent. The shelling killed 3 civilians."
    first_end = text.index(".") + 1
    assert not may_hold_a_figure(text, 0, first_end)
    assert may_hold_a_figure(text, first_end, len(text))
