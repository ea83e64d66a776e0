"""Who speaks in news sentences: organizations by reference, subjects, quotes in odd shapes.

Each case runs the whole extraction of one article (countries, organizations,
people, statements) over sentences taken from real news, so speakers are the
entities the pipeline itself found.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from search_index.extract import analyze
from search_index.extract.quotes import find_quotes
from search_index.extract.speech import reported_speech
from search_index.models import Article, StatementKind

Said = tuple[StatementKind, str | None, str]


def said(body: str) -> list[Said]:
    """Kind, speaker's name and words of every statement of an article with this body."""
    extraction = analyze(
        Article(
            id="a1",
            title="A title",
            body=body,
            content_hash="hash",
            published_at=datetime(2017, 3, 1, tzinfo=UTC),
        )
    )
    names = {o.id: o.name for o in extraction.organizations}
    names |= {p.id: p.name for p in extraction.people}
    return [
        (s.kind, names.get(s.speaker.id) if s.speaker else None, s.text)
        for s in extraction.statements
    ]


def speakers(body: str) -> list[str | None]:
    """The speaker of each statement, by name."""
    return [speaker for _, speaker, _ in said(body)]


def words_of(body: str, speaker: str) -> list[str]:
    """The words of each statement ``speaker`` made."""
    return [words for _, who, words in said(body) if who == speaker]


# --- Organizations spoken of without their name ----------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "words"),
    [
        (
            (
                "Berlin's Labor Court has ruled on the case. By simply dismissing her candidacy "
                "because of the hijab, the court said, the school had broken anti-discrimination "
                "statutes."
            ),
            "Labor Court",
            "the school had broken anti-discrimination statutes",
        ),
        (
            (
                "In 2005, Abdullah Muhammad Abd Al-Rahman was designated by the US Treasury "
                "Department as a terror supporter. The department said he was responsible for "
                "coordinating al Qaeda's work with other terrorist organizations."
            ),
            "U.S. Finance Ministry",
            "he was responsible for coordinating al Qaeda's work with other terrorist organizations",
        ),
        (
            (
                "In the past, al-Shabab has taken responsibility for blasts and gun attacks in the "
                "capital. The armed group has said that it would launch deadly attacks against the "
                "new president."
            ),
            "al-Shabab",
            "it would launch deadly attacks against the new president",
        ),
        (
            (
                "Kaspersky Lab also plans to address the European Commission on this issue. The "
                "company's official said that the company \"has long-standing and successful "
                'partnership" with Microsoft.'
            ),
            "Kaspersky Lab",
            "has long-standing and successful partnership",
        ),
    ],
)
def test_the_court_the_department_the_group_the_company_are_the_last_one_named(
    body: str, speaker: str, words: str
) -> None:
    assert words in words_of(body, speaker)


def test_a_kind_noun_skips_organizations_of_another_kind() -> None:
    # The European Commission is named last, but no company: the company is Kaspersky Lab.
    body = (
        "Kaspersky Lab filed a complaint. It plans to address the European Commission on this "
        "issue. Windows 10 meets requirements of the Russian competition law, the company said."
    )
    assert speakers(body) == ["Kaspersky Lab"]


def test_officials_named_with_their_office_speak_for_it_later() -> None:
    body = (
        "Two Office of Management and Budget officials said in a conference call that the "
        "budget will be seen as a security budget. The officials reiterated this was merely a "
        'first draft. They did not say which departments will feel cuts, though one said, "There '
        'will be a large reduction in foreign aid."'
    )
    assert speakers(body) == ["Office of Management and Budget"] * 3


def test_a_statement_named_with_its_author_speaks_for_it_later() -> None:
    body = (
        "A Russian Ministry of Defense statement said fighter jets were performing a combat "
        'mission. "The heads of the General Staff agreed to a closer coordination of the joint '
        'actions," the statement said.'
    )
    assert said(body)[-1] == (
        StatementKind.DIRECT,
        "Russian Defense Ministry",
        "The heads of the General Staff agreed to a closer coordination of the joint actions",
    )


def test_it_said_is_the_organization_last_the_subject_of_a_sentence() -> None:
    body = (
        "The travel trade organisation, Abta, says a cyber attack on its website may have "
        "affected about 43,000 people. About 1,000 files may include personal information. It "
        "says it is contacting those affected by the hack. It advised customers to change their "
        "passwords."
    )
    assert speakers(body) == ["Abta"] * 3


def test_an_acronym_stands_for_the_organization_it_spells() -> None:
    body = (
        "The activist group Syrian Observatory for Human Rights told CNN he was killed. SOHR "
        "said al-Masri was in a car near al-Mastoumeh camp when the strike took place."
    )
    assert speakers(body)[-1] == "Syrian Observatory for Human Rights"


def test_according_to_a_body_is_its_statement_according_to_an_outlet_is_not() -> None:
    body = (
        "China's trade volume with Germany exceeded 999.1 billion yuan in 2016, according to "
        "China's General Administration of Customs. The leaders met in the Tajik capital, "
        "according to RFERL."
    )
    assert said(body) == [
        (
            StatementKind.INDIRECT,
            "General Administration of Customs",
            "China's trade volume with Germany exceeded 999.1 billion yuan in 2016",
        )
    ]


# --- What is reported, and who reports it ----------------------------------------------------


def test_a_report_verb_with_a_plain_object_reports_no_words() -> None:
    body = (
        "Syria Civil Defence in Idlib, also known as the White Helmets, reported the incident and "
        "posted pictures on its Facebook account. The group reported two people were killed in "
        "the strike."
    )
    assert said(body) == [
        (StatementKind.INDIRECT, "Syrian Civil Defense", "two people were killed in the strike")
    ]


def test_saying_is_said_by_the_subject_of_the_sentence() -> None:
    body = (
        "Department of Homeland Security attorneys had opposed the asylum bid, saying Yee's case "
        "didn't qualify as persecution based on political beliefs."
    )
    assert said(body) == [
        (
            StatementKind.INDIRECT,
            "Department of Homeland Security",
            "Yee's case didn't qualify as persecution based on political beliefs",
        )
    ]


@pytest.mark.parametrize(
    ("body", "speaker", "words"),
    [
        (
            (
                "The accelerated growth has become a pillar of trade relations between the two "
                "countries, said Sun Jiwen, spokesman for the Ministry of Commerce, at a news "
                "conference in February."
            ),
            "Sun Jiwen",
            (
                "The accelerated growth has become a pillar of trade relations between the two "
                "countries"
            ),
        ),
        (
            (
                "The ceasefire in eastern Ukraine is not respected, NATO Secretary General Jens "
                "Stoltenberg said on Thursday at a press conference following a Russia-NATO Council "
                "meeting."
            ),
            "Jens Stoltenberg",
            "The ceasefire in eastern Ukraine is not respected",
        ),
        (
            (
                "The body is still in Kuala Lumpur, Health Minister Subramaniam Sathasivam said on "
                "Tuesday, after reports the remains would soon leave the country."
            ),
            "Subramaniam Sathasivam",
            "The body is still in Kuala Lumpur",
        ),
        (
            (
                "In an indication Washington is set to take a tougher approach on North Korea, Rex "
                "Tillerson said earlier this week that the United States was growing impatient."
            ),
            "Rex Tillerson",
            "the United States was growing impatient",
        ),
    ],
)
def test_reported_speech_with_an_apposition_a_setting_a_clause_or_an_introduction(
    body: str, speaker: str, words: str
) -> None:
    assert said(body) == [(StatementKind.INDIRECT, speaker, words)]


def test_a_sentence_end_the_splitter_missed_before_a_quote() -> None:
    body = (
        "Martin Shanahan, IDA Ireland's chief executive, said that the decision is testament to "
        "the company's commitment to Ireland.- \"Microsoft's Irish workforce has facilitated the "
        "delivery of the firm's global strategy,\" he added."
    )
    assert said(body) == [
        (
            StatementKind.INDIRECT,
            "Martin Shanahan",
            "the decision is testament to the company's commitment to Ireland",
        ),
        (
            StatementKind.DIRECT,
            "Martin Shanahan",
            (
                "Microsoft's Irish workforce has facilitated the delivery of the firm's global "
                "strategy"
            ),
        ),
    ]


# --- Quotes ----------------------------------------------------------------------------------


def test_an_apostrophe_turned_quote_mark_opens_no_quote() -> None:
    text = 'Merkel looked his way. He didn"t budge and most certainly didn"t return her gaze.'
    assert find_quotes(text) == []


def test_a_quote_in_the_writers_own_sentence_is_no_statement() -> None:
    body = (
        '"We are very satisfied and relieved," said her attorney, Maryam Hashemi. Berlin would '
        'have had to prove that wearing a headscarf constituted a "concrete threat to peace at '
        'the school," which it was unable to do.'
    )
    assert said(body) == [
        (StatementKind.DIRECT, "Maryam Hashemi", "We are very satisfied and relieved")
    ]


def test_a_quote_inside_reported_speech_is_the_reporters_speakers() -> None:
    body = (
        'Kyrgyz Foreign Minister Jeenbek Kulubaev met the envoy. The king took the decision "in '
        'the absence of signs that suggest an imminent formation" of a government, Kulubaev said '
        "on Wednesday."
    )
    direct = [(who, words) for kind, who, words in said(body) if kind is StatementKind.DIRECT]
    assert direct == [
        ("Jeenbek Kulubaev", "in the absence of signs that suggest an imminent formation")
    ]


def test_a_statement_that_reads_is_its_authors_and_runs_on() -> None:
    body = (
        "German FA chief Reinhard Grindel has called for change. For Grindel, enough is enough: "
        '"In view of the violent riots, words of indignation are not enough," reads his statement '
        'on the German FA website. "It\'s important now to have a fundamental debate."'
    )
    assert speakers(body) == ["Reinhard Grindel"] * 3


def test_quoted_as_saying_is_the_one_quoted() -> None:
    body = (
        'North Korea tested what its leader Kim Jong Un described as a new birth. "The '
        'development of a new-type engine would help consolidate the foundation," KCNA quoted '
        "Kim as saying."
    )
    assert speakers(body) == ["Kim Jong Un"]


def test_a_name_after_a_closed_quote_starting_a_statement_does_not_take_the_quote() -> None:
    body = (
        'Chinese President Xi Jinping called for "a bigger role for the SCO in keeping the '
        'peace." Russian President Vladimir Putin said the bloc was becoming one of the pillars '
        "of a fair world order."
    )
    assert speakers(body) == ["Xi Jinping", "Vladimir Putin"]


# --- Guards --------------------------------------------------------------------------------


def test_a_source_cited_does_not_speak_on() -> None:
    body = (
        "According to the UN World Food Programme, two and half million Haitians live in "
        'poverty. "We have to wait and see what is going to happen," Desilien Simedieu, a '
        "community leader at the Carradeux camp, where most people live on less than $3 per "
        "day, told Al Jazeera."
    )
    direct = [who for kind, who, _ in said(body) if kind is StatementKind.DIRECT]
    assert direct == [None]


def test_it_is_no_organization_merely_named() -> None:
    body = (
        "Propastor posted a list of 28 Russian internet resources. Along with TASS, the list "
        "includes websites of RT and NTV. Moreover, it said the list is far from being complete."
    )
    assert "TASS" not in speakers(body)


def test_the_subject_of_saying_follows_an_opening_phrase() -> None:
    body = (
        "During a subsequent press gaggle aboard Air Force One, White House press secretary Sean "
        "Spicer appeared to double down on the claim, saying there were several instances of the "
        "media under-reporting terrorist attacks."
    )
    assert speakers(body) == ["Sean Spicer"]


def test_whom_it_was_told_is_not_what_was_said() -> None:
    body = (
        "The Syrian army has regained the communities of Tias and El Beida, the chief of the "
        "Russian General Staff's main operations directorate, Lieutenant-General Sergey Rudskoy "
        "told a news briefing on Tuesday."
    )
    assert [words for _, _, words in said(body)] == [
        "The Syrian army has regained the communities of Tias and El Beida"
    ]


def test_a_quote_reported_by_someone_not_named_runs_on_from_the_speaker_before() -> None:
    body = (
        '"We support efforts of Afghanistan\'s leadership in the war on terror," Sergey Lavrov '
        'said. Moscow is satisfied by the "level of political dialogue" with Afghanistan, '
        "Russia's top diplomat said."
    )
    assert speakers(body) == ["Sergey Lavrov", "Sergey Lavrov"]


def test_a_who_holding_a_quotation_is_no_speaker() -> None:
    # A headline run into the next sentence: the quote and the name after it are not what
    # "EU nuclear weapons would be a mistake" said.
    sentence = (
        'EU nuclear weapons would be a mistake "There is no concrete threat," said Ulrich Kuehn '
        "of the Carnegie Endowment for International Peace."
    )
    assert reported_speech(sentence, 0) is None


def test_according_to_a_source_with_no_comma_after_it() -> None:
    body = (
        "According to refugee rights group the Hungarian Helsinki Committee some 400 "
        "asylum-seekers are currently housed in the country's internal camp network."
    )
    assert said(body) == [
        (
            StatementKind.INDIRECT,
            "Hungarian Helsinki Committee",
            "some 400 asylum-seekers are currently housed in the country's internal camp network",
        )
    ]
