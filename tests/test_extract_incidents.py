"""Incidents and their figures, from the seed articles and real news sentences."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from search_index.corpus.dates import parse_date_line
from search_index.extract import Found
from search_index.extract.incidents import find_incidents
from search_index.models import (
    Article,
    EntityKind,
    EntityRef,
    Figure,
    FigureKind,
    Incident,
    IncidentKind,
    Qualifier,
    Span,
)

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"

# What a colleague's finders report for the seeds, written out by hand: (pattern, key, name).
COUNTRIES = (
    (r"Kyrgyzstan|Kyrgyz", "KG", "Kyrgyzstan"),
    (r"Tajikistan|Tajik", "TJ", "Tajikistan"),
    (r"Russia", "RU", "Russia"),
    (r"China", "CN", "China"),
    (r"Afghanistan|Afghan", "AF", "Afghanistan"),
    (r"U\.S\.|American", "US", "United States"),
    (r"Turkey", "TR", "Turkey"),
    (r"Syria", "SY", "Syria"),
    (r"Pakistan", "PK", "Pakistan"),
    (r"Kazakhstan", "KZ", "Kazakhstan"),
    (r"Ukraine|Ukrainian", "UA", "Ukraine"),
)
ORGANIZATIONS = (
    (r"Kyrgyz Health Ministry", "kg-health-ministry", "Kyrgyz Health Ministry"),
    (
        r"Kyrgyz Emergency Situations Ministry",
        "kg-emergency-situations-ministry",
        "Kyrgyz Emergency Situations Ministry",
    ),
    (r"Kyrgyz Security Council", "kg-security-council", "Kyrgyz Security Council"),
    (
        r"Collective Security Treaty Organization|CSTO",
        "csto",
        "Collective Security Treaty Organization",
    ),
    (r"Interfax", "interfax", "Interfax"),
    (r"AKIpress", "akipress", "AKIpress"),
    (r"RFERL", "rferl", "RFE/RL"),
    (r"Shanghai Cooperation Organization|SCO", "sco", "Shanghai Cooperation Organization"),
    (r"Ukrainian Air Force", "ua-air-force", "Ukrainian Air Force"),
)
PEOPLE = (
    (r"Marat Imankulov|Imankulov", "marat-imankulov", "Marat Imankulov"),
    (r"Stanislav Zas", "stanislav-zas", "Stanislav Zas"),
    (r"Jeenbek Kulubaev|Kulubaev", "jeenbek-kulubaev", "Jeenbek Kulubaev"),
)


def found(kind: EntityKind, table: tuple[tuple[str, str, str], ...], body: str) -> list[Found]:
    """Every occurrence in ``body`` of the names in ``table``, as a finder would report it."""
    return [
        Found(
            kind=kind,
            key=key,
            name=name,
            surface=m.group(),
            span=Span(start=m.start(), end=m.end()),
        )
        for pattern, key, name in table
        for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", body)
    ]


def extract(article: Article) -> tuple[list[Incident], list[Figure]]:
    body = article.body
    return find_incidents(
        article,
        found(EntityKind.COUNTRY, COUNTRIES, body),
        found(EntityKind.ORGANIZATION, ORGANIZATIONS, body),
        found(EntityKind.PERSON, PEOPLE, body),
    )


def news(body: str, published: datetime | None = datetime(2023, 2, 7, 9, tzinfo=UTC)) -> Article:
    return Article(id="news-1", title="News", body=body, published_at=published, content_hash="h")


def seed(name: str) -> Article:
    """A seed article: an optional date line, the title line, then the body."""
    lines = (SEEDS / name).read_text(encoding="utf-8").strip().splitlines()
    published = parse_date_line(lines[0])
    if published is not None:
        lines = lines[1:]
    while not lines[0].strip():
        lines = lines[1:]
    body = "\n".join(lines[1:]).strip()
    return Article(
        id=name.split("_")[0], title=lines[0], body=body, published_at=published, content_hash="h"
    )


def by_kind(incidents: list[Incident], kind: IncidentKind) -> list[Incident]:
    return [i for i in incidents if i.kind is kind]


# --- Seed 1: the armed clash, dated, with every figure ---------------------------------


@pytest.fixture(scope="module")
def seed_one() -> tuple[Article, list[Incident], list[Figure]]:
    article = seed("000_b3ee55cb9c8e7b0e.txt")
    assert article.published_at is not None
    return article, *extract(article)


def test_seed_one_has_one_armed_clash_from_september_14(
    seed_one: tuple[Article, list[Incident], list[Figure]],
) -> None:
    article, incidents, _ = seed_one
    assert len(incidents) == 1
    clash = incidents[0]
    assert clash.kind is IncidentKind.ARMED_CLASH
    assert (clash.start_date, clash.end_date) == (date(2022, 9, 14), date(2022, 9, 14))
    assert clash.country_ids == ("KG", "TJ")
    assert clash.places == ("Kyrgyz-Tajik border",)
    assert clash.title == "Armed clash on the Kyrgyz-Tajik border"
    assert clash.id == "armed_clash:2022-09-14:KG-TJ"
    assert clash.article_ids == (article.id,)


def test_seed_one_figures(seed_one: tuple[Article, list[Incident], list[Figure]]) -> None:
    article, incidents, figures = seed_one
    health = EntityRef(kind=EntityKind.ORGANIZATION, id="kg-health-ministry")
    emergency = EntityRef(kind=EntityKind.ORGANIZATION, id="kg-emergency-situations-ministry")
    assert [(f.kind, f.value, f.qualifier, f.reported_by, f.side_country_id) for f in figures] == [
        (FigureKind.KILLED, 59, Qualifier.EXACT, health, "KG"),
        (FigureKind.INJURED, 198, Qualifier.EXACT, health, "KG"),
        (FigureKind.BUILDINGS_DESTROYED, 700, Qualifier.MORE_THAN, emergency, "KG"),
        (FigureKind.HOMES_DESTROYED, 364, Qualifier.EXACT, emergency, "KG"),
        (FigureKind.EVACUATED, 142_000, Qualifier.MORE_THAN, emergency, "KG"),
    ]
    for figure in figures:
        assert figure.incident_id == incidents[0].id
        assert figure.article_id == article.id
        assert figure.reported_on == date(2022, 9, 22)
        assert article.body[figure.span.start : figure.span.end] == figure.text
        assert figure.id == f"{article.id}:f{figure.span.start}"


# --- Seed 2: undated; the clash without a date, meetings and a summit of their own ---------


@pytest.fixture(scope="module")
def seed_two() -> tuple[list[Incident], list[Figure]]:
    article = seed("003_5c3a99d317be5e11.txt")
    assert article.published_at is None
    return extract(article)


def test_seed_two_mentions_the_clash_without_a_date(
    seed_two: tuple[list[Incident], list[Figure]],
) -> None:
    incidents, figures = seed_two
    clashes = by_kind(incidents, IncidentKind.ARMED_CLASH)
    assert len(clashes) == 1
    assert clashes[0].start_date is None and clashes[0].end_date is None
    assert clashes[0].country_ids == ("KG", "TJ")
    assert clashes[0].id == "armed_clash:undated:KG-TJ"
    # "20-year-old", "two nations" and "tens of thousands" are no figures.
    assert figures == []


def test_seed_two_meetings_stay_apart(seed_two: tuple[list[Incident], list[Figure]]) -> None:
    incidents, _ = seed_two
    meetings = by_kind(incidents, IncidentKind.MEETING)
    assert [m.title for m in meetings] == [
        "Meeting of Stanislav Zas and Jeenbek Kulubaev",
        "Meeting in New York",
        "Meeting in Dushanbe",
    ]
    assert [m.country_ids for m in meetings] == [(), ("US",), ("TJ",)]
    assert len({m.id for m in incidents}) == len(incidents)
    summits = by_kind(incidents, IncidentKind.SUMMIT)
    # China is named in an aside about the SCO's members, not as the summit's place.
    assert [(s.title, s.country_ids) for s in summits] == [
        ("Summit of the Shanghai Cooperation Organization", ())
    ]


def test_seed_two_hypothetical_flood_is_no_incident(
    seed_two: tuple[list[Incident], list[Figure]],
) -> None:
    incidents, _ = seed_two
    assert by_kind(incidents, IncidentKind.OTHER) == []


# --- Real news sentences -----------------------------------------------------------------


def test_earthquake_with_weekday_and_two_countries() -> None:
    incidents, figures = extract(news(
        "A magnitude 7.8 earthquake struck southern Turkey and northwestern Syria on Monday, "
        "killing more than 2,300 people, officials said."
    ))  # fmt: skip
    assert [(i.kind, i.title, i.start_date, i.country_ids) for i in incidents] == [
        (IncidentKind.OTHER, "Earthquake in Syria and Turkey", date(2023, 2, 6), ("SY", "TR"))
    ]
    assert [(f.kind, f.value, f.qualifier, f.side_country_id) for f in figures] == [
        (FigureKind.KILLED, 2300, Qualifier.MORE_THAN, None)
    ]


def test_flood_figures_in_later_sentences_join_it() -> None:
    incidents, figures = extract(news(
        "Floods in Pakistan have displaced more than 33 million people since June.\n\n"
        "The death toll rose to 1,136 on Sunday."
    ))  # fmt: skip
    assert len(incidents) == 1
    assert (incidents[0].title, incidents[0].start_date) == ("Flood in Pakistan", None)
    assert [(f.kind, f.value, f.incident_id) for f in figures] == [
        (FigureKind.DISPLACED, 33_000_000, incidents[0].id),
        (FigureKind.KILLED, 1136, incidents[0].id),
    ]


def test_election_dated_with_its_year() -> None:
    incidents, figures = extract(news(
        "Kazakhstan held a snap presidential election on November 20, 2022. "
        "Turnout was 69.4 percent.",
        published=None,
    ))  # fmt: skip
    assert [(i.kind, i.title, i.start_date) for i in incidents] == [
        (IncidentKind.POLITICAL, "Election in Kazakhstan", date(2022, 11, 20))
    ]
    assert figures == []


def test_figures_with_no_event_word_make_an_incident_of_their_own() -> None:
    incidents, figures = extract(
        news("At least 12 people were killed and 30 injured in Kabul on Monday.")
    )
    assert [(i.kind, i.title, i.country_ids, i.start_date) for i in incidents] == [
        (IncidentKind.OTHER, "Incident in Kabul", ("AF",), date(2023, 2, 6))
    ]
    assert [(f.kind, f.value, f.qualifier) for f in figures] == [
        (FigureKind.KILLED, 12, Qualifier.AT_LEAST),
        (FigureKind.INJURED, 30, Qualifier.EXACT),
    ]


def test_two_clashes_on_different_days_stay_apart() -> None:
    incidents, figures = extract(news(
        "Russian missile strikes on Ukraine's energy grid on October 10 killed 19 people. "
        "Shelling on Wednesday killed two servicemen and three civilians, "
        "the Ukrainian Air Force said.",
        published=datetime(2022, 10, 14, tzinfo=UTC),
    ))  # fmt: skip
    starts = [i.start_date for i in incidents]
    assert starts == [date(2022, 10, 10), date(2022, 10, 12)]
    assert [(f.value, f.incident_id, f.reported_by) for f in figures] == [
        (19, incidents[0].id, None),
        (2, incidents[1].id, EntityRef(kind=EntityKind.ORGANIZATION, id="ua-air-force")),
        (3, incidents[1].id, EntityRef(kind=EntityKind.ORGANIZATION, id="ua-air-force")),
    ]
    assert figures[1].side_country_id == "UA"


def test_future_meetings_and_possible_events_are_no_incidents() -> None:
    incidents, _ = extract(news(
        "The foreign ministers will hold talks with their Chinese counterpart next week. "
        "Officials warned that the river could flood the valley."
    ))  # fmt: skip
    assert incidents == []


def test_an_undated_article_never_gets_todays_date() -> None:
    incidents, figures = extract(news(
        "Clashes broke out on the Kyrgyz-Tajik border on Friday, killing 24.", published=None
    ))  # fmt: skip
    assert [(i.start_date, i.country_ids) for i in incidents] == [(None, ("KG", "TJ"))]
    assert [(f.value, f.reported_on) for f in figures] == [(24, None)]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # In capitals, inside longer words, and in sentences with letters outside ASCII.
        ("HEAVY SHELLING WAS REPORTED ALONG THE FRONT LINE.", "Armed clash"),
        ("Two airstrikes hit the town after an exchange of fire.", "Armed clash"),
        ("A gun battle broke out near the border post in Zürich.", "Armed clash"),
        ("The foreign ministers met with their counterparts in Geneva.", "Meeting"),
        ("Thousands joined the protests in São Paulo.", "Protest"),
        ("The interior minister resigned after the vote.", "Resignation"),
        ("The army staged a coup in the capital.", "Coup"),
        ("Wildfires destroyed thousands of hectares of forest.", "Fire"),
        ("A mudslide buried several houses in the village.", "Landslide"),
        ("A powerful blast rocked the port.", "Explosion"),
        ("The tsunami hit the coast before dawn.", "Storm"),
    ],
)
def test_each_kind_of_event_word_is_read_in_any_case(sentence: str, label: str) -> None:
    incidents, _ = extract(news(sentence))
    assert [i.title.startswith(label) for i in incidents] == [True], incidents


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said the government is fighting corruption in the customs service.",
        "The former president died of a heart attack in 2019.",
        "Stocks staged a broad rally after the central bank's decision.",
        "Opposition leaders called for the resignation of the prime minister.",
    ],
)
def test_words_that_look_like_events_but_are_not(sentence: str) -> None:
    assert extract(news(sentence)) == ([], [])


def test_an_event_word_is_read_in_an_ascii_sentence_of_an_article_that_is_not() -> None:
    # Lower case stands for the event words' reading only in ASCII: the article's other
    # sentence must not rule out this one's words.
    incidents, _ = extract(news("Officials in Zürich said nothing. Heavy shelling hit the town."))
    assert [i.title.startswith("Armed clash") for i in incidents] == [True], incidents


def test_the_date_of_a_later_sentence_comes_from_its_paragraph() -> None:
    incidents, figures = extract(news(
        "Clashes erupted on the Kyrgyz-Tajik border on Sunday. The fighting killed 12 people."
    ))  # fmt: skip
    assert [(i.kind, i.start_date) for i in incidents] == [
        (IncidentKind.ARMED_CLASH, date(2023, 2, 5))
    ]
    assert [(f.value, f.incident_id) for f in figures] == [(12, incidents[0].id)]


def test_the_agency_dateline_does_not_date_the_event() -> None:
    incidents, _ = extract(news(
        "BISHKEK. Sept 22 (Interfax) - Clashes broke out on the Kyrgyz-Tajik border, killing 3."
    ))  # fmt: skip
    assert [(i.kind, i.start_date) for i in incidents] == [(IncidentKind.ARMED_CLASH, None)]


def test_two_mentions_of_one_meeting_in_one_city_are_one_incident() -> None:
    incidents, _ = extract(news(
        "Kazakhstan's president met with his Turkish counterpart in Astana on Monday. "
        "The meeting of the two leaders in Astana lasted three hours."
    ))  # fmt: skip
    assert [(i.kind, i.title, i.start_date) for i in incidents] == [
        (IncidentKind.MEETING, "Meeting in Astana", date(2023, 2, 6))
    ]


def test_incidents_that_would_share_a_key_are_numbered() -> None:
    incidents, _ = extract(news(
        "Stanislav Zas met with Jeenbek Kulubaev. Later, Marat Imankulov met with Stanislav Zas."
    ))  # fmt: skip
    assert [i.id for i in incidents] == ["meeting:undated:", "meeting:undated:#2"]
    assert [i.title for i in incidents] == [
        "Meeting of Stanislav Zas and Jeenbek Kulubaev",
        "Meeting of Marat Imankulov and Stanislav Zas",
    ]


def test_a_side_reporting_its_dead_is_the_side_not_the_speaker() -> None:
    _, figures = extract(news(
        "The Tajik side reported 41 dead, while the Kyrgyz side said 59 people were killed."
    ))  # fmt: skip
    assert [(f.value, f.side_country_id, f.reported_by) for f in figures] == [
        (41, "TJ", None),
        (59, "KG", None),
    ]
