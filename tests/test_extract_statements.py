"""Who said what: direct quotes and reported speech, on the seeds and on real news sentences."""

from __future__ import annotations

from datetime import date

import pytest

from search_index.extract.people import find_people
from search_index.extract.quotes import find_quotes
from search_index.extract.statements import find_statements
from search_index.models import (
    Article,
    EntityKind,
    EntityRef,
    Statement,
    StatementKind,
)
from tests.test_extract_people import (
    ORGANIZATIONS,
    article,
    country_mentions,
    org_mentions,
    seed,
)


def statements_of(item: Article) -> list[Statement]:
    """The statements of an article, after the people rules, with hand-built entity mentions."""
    countries, orgs = country_mentions(item.body), org_mentions(item.body)
    people = find_people(item, countries, orgs, list(ORGANIZATIONS.values()))
    return find_statements(item, people.mentions, orgs, people.people)


def person(person_id: str) -> EntityRef:
    """A speaker reference to a person."""
    return EntityRef(kind=EntityKind.PERSON, id=person_id)


def org(org_id: str) -> EntityRef:
    """A speaker reference to an organization."""
    return EntityRef(kind=EntityKind.ORGANIZATION, id=org_id)


def said(found: list[Statement]) -> list[tuple[StatementKind, EntityRef | None, str]]:
    """Kind, speaker and the first words of each statement."""
    return [(s.kind, s.speaker, " ".join(s.text.split()[:4])) for s in found]


# --- The seeds -------------------------------------------------------------------------------


def test_interfax_seed_gives_imankulovs_quotes_and_reported_speech_and_the_ministries() -> None:
    found = statements_of(seed("000_b3ee55cb9c8e7b0e.txt"))
    imankulov = person("marat-imankulov")
    assert said(found) == [
        (StatementKind.INDIRECT, imankulov, "Kyrgyzstan is interested in"),
        (StatementKind.DIRECT, imankulov, "The CSTO membership meets"),
        (StatementKind.INDIRECT, imankulov, "There have been public"),
        (StatementKind.DIRECT, imankulov, "We believe that such"),
        (StatementKind.INDIRECT, imankulov, "CSTO members should not"),
        (StatementKind.DIRECT, imankulov, "Problems arising in relations"),
        (StatementKind.INDIRECT, org("kg-health-ministry"), "the deaths of 59"),
        (
            StatementKind.INDIRECT,
            org("kg-emergency-situations-ministry"),
            "more than 700 facilities,",
        ),
    ]
    first = found[1]
    assert first.text == (
        "The CSTO membership meets the interests of Kyrgyzstan, and a withdrawal from the "
        "organization is not being considered"
    )
    assert first.said_on == date(2022, 9, 22)
    assert first.id == f"{first.article_id}:s{first.span.start}"
    assert first.context.endswith("Imankulov said.")


def test_akipress_seed_gives_kulubaevs_reported_speech_only() -> None:
    item = seed("003_5c3a99d317be5e11.txt")
    found = statements_of(item)
    kulubaev = person("jeenbek-kulubaev")
    assert said(found) == [
        (StatementKind.INDIRECT, kulubaev, "Tajikistan\u2019s illegal acts are"),
        (StatementKind.INDIRECT, kulubaev, "the parties were able"),
        (StatementKind.INDIRECT, kulubaev, "The CSTO procedures for"),
    ]
    # The article has no date line: nothing is invented.
    assert all(s.said_on is None for s in found)
    for statement in found:
        assert item.body[statement.span.start : statement.span.end] == statement.text


# --- Direct quotes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "words"),
    [
        (
            (
                'Russian President Vladimir Putin arrived. "We are ready to talk to everyone," Putin '
                "said."
            ),
            "vladimir-putin",
            "We are ready to talk to everyone",
        ),
        (
            "Prime Minister Theresa May said: \u201cBrexit means Brexit.\u201d",
            "theresa-may",
            "Brexit means Brexit.",
        ),
        (
            (
                "\u201cWe will not back down,\u201d said Ursula von der Leyen, the president of the "
                "European Commission."
            ),
            "ursula-von-der-leyen",
            "We will not back down",
        ),
        (
            (
                "German Chancellor Olaf Scholz spoke in Berlin. \u201cThis is a turning point in the "
                "history of our continent,\u201d he added."
            ),
            "olaf-scholz",
            "This is a turning point in the history of our continent",
        ),
        (
            (
                "Mr Trump told reporters: 'the press' is not welcome. \"It is a disaster for our "
                'country," Trump said.'
            ),
            "trump",
            "It is a disaster for our country",
        ),
    ],
)
def test_a_direct_quote_knows_its_speaker_before_or_after_it(
    body: str, speaker: str, words: str
) -> None:
    direct = [s for s in statements_of(article(body)) if s.kind is StatementKind.DIRECT]
    assert [(s.speaker, s.text) for s in direct] == [(person(speaker), words)]


def test_a_quote_carried_into_the_next_paragraph_is_one_statement() -> None:
    body = (
        "\u201cThe situation on the border remains tense. We are doing everything to stop the "
        "fighting.\n\n"
        "\u201cOur soldiers are holding their positions and we call on the other side to respect "
        "the ceasefire,\u201d Defence Minister Baktybek Bekbolotov told journalists."
    )
    [statement] = statements_of(article(body))
    assert statement.kind is StatementKind.DIRECT
    assert statement.speaker == person("baktybek-bekbolotov")
    assert statement.text.startswith("The situation on the border remains tense.")
    assert statement.text.endswith("to respect the ceasefire")
    assert (statement.span.start, statement.span.end) == (0, body.index("\u201d") + 1)


def test_a_quote_without_attribution_after_an_attributed_one_keeps_its_speaker() -> None:
    body = (
        '"We will rebuild every house," Kyrgyz President Sadyr Japarov said.\n\n'
        '"Nobody will be left without a roof before winter."'
    )
    found = statements_of(article(body))
    assert [s.speaker for s in found] == [person("sadyr-japarov")] * 2


def test_he_is_the_last_person_named_outside_a_quote() -> None:
    body = (
        "Kyrgyz Security Council Secretary Marat Imankulov spoke to Interfax.\n\n"
        '"Vladimir Putin knows our position well," he said.'
    )
    [statement] = statements_of(article(body))
    # Putin is named inside the quote: he is talked about, not talking.
    assert statement.speaker == person("marat-imankulov")


def test_a_bare_title_is_the_person_introduced_with_it() -> None:
    body = (
        "MOSCOW, February 7. /TASS/. The snap check continues the existing practice, Kremlin "
        'spokesman Dmitry Peskov said. "This practice of sudden checks has continued for more '
        'than one year," the presidential spokesman said.\n\n'
        "NATO Secretary General Jens Stoltenberg spoke in Brussels. The NATO secretary general "
        "said that the best way was to let observers in."
    )
    found = statements_of(article(body))
    assert [(s.kind, s.speaker) for s in found] == [
        (StatementKind.INDIRECT, person("dmitry-peskov")),
        (StatementKind.DIRECT, person("dmitry-peskov")),
        (StatementKind.INDIRECT, person("jens-stoltenberg")),
    ]


def test_a_quote_after_a_statement_runs_on_with_its_speaker() -> None:
    body = (
        "The statement misleads the public, Russian Foreign Minister Sergei Lavrov said on "
        'Friday. "I have seen the statement and accepted it with deep regret."\n\n'
        '"We will not take part in this game."'
    )
    found = statements_of(article(body))
    assert [(s.kind, s.speaker) for s in found] == [
        (StatementKind.INDIRECT, person("sergei-lavrov")),
        (StatementKind.DIRECT, person("sergei-lavrov")),
        (StatementKind.DIRECT, person("sergei-lavrov")),
    ]


def test_a_quote_does_not_run_on_past_another_person() -> None:
    body = (
        "The statement misleads the public, Russian Foreign Minister Sergei Lavrov said. French "
        'President Francois Hollande left for Berlin. "We will see what happens next in New York."'
    )
    direct = [s for s in statements_of(article(body)) if s.kind is StatementKind.DIRECT]
    assert [s.speaker for s in direct] == [None]


def test_according_to_him_before_a_quote_and_a_comma_after_its_close() -> None:
    body = (
        "Kyrgyz Security Council Secretary Marat Imankulov spoke. According to him, "
        '"such a defensive organization is necessary for the region." The device was "a '
        'firework, or a big firecracker, and certainly not a bomb", Paris police chief Michel '
        "Cadot told reporters."
    )
    direct = [s for s in statements_of(article(body)) if s.kind is StatementKind.DIRECT]
    assert [s.speaker for s in direct] == [person("marat-imankulov"), person("michel-cadot")]


def test_a_pronoun_with_no_one_before_it_is_an_unknown_speaker() -> None:
    [statement] = statements_of(article('"Putin has made a terrible mistake," he said.'))
    assert statement.kind is StatementKind.DIRECT
    assert statement.speaker is None


@pytest.mark.parametrize(
    ("body", "speaker", "words"),
    [
        (
            (
                'Kyrgyz Security Council Secretary Marat Imankulov spoke. "The talks are over." '
                "Imankulov said."
            ),
            "marat-imankulov",
            "The talks are over.",
        ),
        (
            # A page that lost its dashes leaves "?" between the quote and its speaker.
            (
                'Mr Mansoor Shams travels the country. "It\'s a lack of awareness, lack of knowledge,"?'
                "Shams said."
            ),
            "mansoor-shams",
            "It's a lack of awareness, lack of knowledge",
        ),
        (
            '"We will fight this bill all the way," said Rep. Tony Tinderholt in a statement.',
            "tony-tinderholt",
            "We will fight this bill all the way",
        ),
        (
            'The 6" pipe burst on Monday. "We will fix it by Friday night," Mayor Tom Jones said.',
            "tom-jones",
            "We will fix it by Friday night",
        ),
    ],
)
def test_attribution_survives_full_stops_lost_dashes_abbreviations_and_stray_marks(
    body: str, speaker: str, words: str
) -> None:
    direct = [s for s in statements_of(article(body)) if s.kind is StatementKind.DIRECT]
    assert [(s.speaker, s.text) for s in direct] == [(person(speaker), words)]


def test_a_speaker_named_after_the_comma_of_a_title() -> None:
    body = '"We are very satisfied and relieved," said her attorney, Maryam Hashemi.'
    [statement] = statements_of(article(body))
    assert statement.speaker == person("maryam-hashemi")


def test_a_new_sentence_after_a_closed_quote_does_not_attribute_it() -> None:
    body = (
        "Foreign minister Jeenbek Kulubaev arrived. "
        '"The border will stay closed until further notice." '
        "Later that day Kulubaev met the Tajik ambassador in Bishkek and said goodbye."
    )
    direct = [s for s in statements_of(article(body)) if s.kind is StatementKind.DIRECT]
    assert [s.speaker for s in direct] == [None]


def test_straight_and_curly_quotes_are_found_alike() -> None:
    text = 'He said "one two three four" and \u201cfive six seven eight\u201d.'
    quotes = find_quotes(text)
    assert [q.words(text) for q in quotes] == ["one two three four", "five six seven eight"]


@pytest.mark.parametrize(
    "body",
    [
        'The so-called "peace" plan was rejected by both sides.',
        "The agreement on \u201cstrategic partnership\u201d was signed in Astana.",
        "Scroll to Top",
        "Both sides reported casualties and traded accusations of armed aggression.",
        (
            "In the previous month, leaders of the Collective Security Treaty Organization gathered "
            "in the Tajik capital for a meeting, according to RFERL."
        ),
        "CSTO Mechanisms to be Launched on Kyrgyz-Tajik Border",
        "Officials said the border was calm.",
    ],
)
def test_scare_quotes_chrome_and_sourcing_are_no_statements(body: str) -> None:
    assert statements_of(article(body)) == []


# --- Reported speech -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "words"),
    [
        (
            (
                "Russian President Vladimir Putin said on Tuesday that the talks had been "
                "constructive."
            ),
            person("vladimir-putin"),
            "the talks had been constructive",
        ),
        (
            (
                "U.S. Secretary of State Antony Blinken told reporters in Brussels that the alliance "
                "was united."
            ),
            person("antony-blinken"),
            "the alliance was united",
        ),
        (
            (
                "Kyrgyzstan is not considering withdrawing from the organization, Kyrgyz Security "
                "Council Secretary Marat Imankulov told Interfax."
            ),
            person("marat-imankulov"),
            "Kyrgyzstan is not considering withdrawing from the organization",
        ),
        (
            (
                "Kyrgyz Security Council Secretary Marat Imankulov told Interfax Kyrgyzstan would "
                "stay in the CSTO."
            ),
            person("marat-imankulov"),
            "Kyrgyzstan would stay in the CSTO",
        ),
        (
            (
                "Stanislav Zas, the secretary general of the Collective Security Treaty Organization, "
                "said on Monday that the CSTO was ready to help."
            ),
            person("stanislav-zas"),
            "the CSTO was ready to help",
        ),
        (
            (
                "Chinese Foreign Ministry spokesperson Mao Ning met the press. The sanctions are "
                "illegal, said Mao Ning."
            ),
            person("mao-ning"),
            "The sanctions are illegal",
        ),
        (
            "The Kyrgyz Health Ministry reported the deaths of 59 people.",
            org("kg-health-ministry"),
            "the deaths of 59 people",
        ),
        (
            "The Secretariat\u2019s press service said that the meeting would be held in Dushanbe.",
            org("csto-secretariat"),
            "the meeting would be held in Dushanbe",
        ),
        (
            "The World Health Organization\u2019s press service said that 63 people had died.",
            org("who"),
            "63 people had died",
        ),
    ],
)
def test_reported_speech_in_every_common_shape(body: str, speaker: EntityRef, words: str) -> None:
    found = [s for s in statements_of(article(body)) if s.kind is StatementKind.INDIRECT]
    assert [(s.speaker, s.text) for s in found][-1:] == [(speaker, words)]


@pytest.mark.parametrize(
    ("body", "speaker", "words"),
    [
        (
            (
                "Iraqi Shia leader Muqtada al-Sadr spoke on Saturday. Sadr told thousands of "
                "supporters in Iraq's capital, Baghdad, that he will boycott the elections."
            ),
            "muqtada-al-sadr",
            "he will boycott the elections",
        ),
        (
            "Mr Tom Godfrey of the consumer group spoke. Godfrey said Thursday Volkswagen must come clean.",
            "tom-godfrey",
            "Volkswagen must come clean",
        ),
        (
            (
                "Inspector Lisa Olson spoke. According to Olson, director of the Exploited Child "
                "Division, 94% of the cases were outside the US."
            ),
            "lisa-olson",
            "94% of the cases were outside the US",
        ),
    ],
)
def test_reported_speech_skips_whom_when_and_who_it_was(
    body: str, speaker: str, words: str
) -> None:
    found = [s for s in statements_of(article(body)) if s.kind is StatementKind.INDIRECT]
    assert [(s.speaker, s.text) for s in found] == [(person(speaker), words)]


def test_where_or_how_something_was_said_is_not_what_was_said() -> None:
    body = "Mayor Tom Jones spoke at length. Jones said in an interview with the Miami Herald."
    assert statements_of(article(body)) == []


def test_he_claimed_that_is_the_last_person_named() -> None:
    body = (
        "The CSTO Secretary General was briefed by FM Jeenbek Kulubaev of the circumstance at the "
        "Kyrgyz-Tajik border. He claimed that Tajikistan\u2019s illegal acts are aggressive."
    )
    [statement] = statements_of(article(body))
    assert statement.speaker == person("jeenbek-kulubaev")
    assert statement.text == "Tajikistan\u2019s illegal acts are aggressive"
    assert statement.context == body[body.index("He claimed") :]


def test_the_dateline_is_no_part_of_what_was_said() -> None:
    body = (
        "BISHKEK. Sept 22 (Interfax) - Kyrgyzstan will stay in the CSTO, Kyrgyz Security Council "
        "Secretary Marat Imankulov told Interfax."
    )
    [statement] = statements_of(article(body, dateline="BISHKEK"))
    assert statement.text == "Kyrgyzstan will stay in the CSTO"


def test_statement_ids_are_unique_and_spans_in_text_order() -> None:
    found = statements_of(seed("000_b3ee55cb9c8e7b0e.txt"))
    assert len({s.id for s in found}) == len(found)
    assert [s.span.start for s in found] == sorted(s.span.start for s in found)
