"""People and their roles, on the seed articles and on real news sentences.

Country and organization mentions are built by hand here (what the colleague
rules would find), so each test shows exactly what the people rules add.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from search_index.corpus.identity import to_article
from search_index.corpus.txt import parse_txt
from search_index.extract import Found, analyze
from search_index.extract.people import PeopleFound, find_people, surname
from search_index.extract.person_names import name_after, name_before
from search_index.extract.roles import home_country
from search_index.models import (
    Article,
    EntityKind,
    Organization,
    OrganizationKind,
    Span,
)
from search_index.names import slug

SEEDS = Path(__file__).resolve().parents[1] / "data" / "articles"

COUNTRY_FORMS = {
    "Kyrgyzstan": "KG",
    "Kyrgyz": "KG",
    "Tajikistan": "TJ",
    "Tajik": "TJ",
    "Russia": "RU",
    "Russian": "RU",
    "China": "CN",
    "Chinese": "CN",
    "Afghanistan": "AF",
    "U.S.": "US",
    "American": "US",
    "German": "DE",
    "Germany": "DE",
    "British": "GB",
    "Somalia": "SO",
    "Britain": "GB",
}

ORGANIZATIONS = {
    "Kyrgyz Security Council": Organization(
        id="kg-security-council",
        name="Kyrgyz Security Council",
        kind=OrganizationKind.GOVERNMENT_BODY,
        country_id="KG",
    ),
    "Collective Security Treaty Organization": Organization(
        id="csto",
        name="Collective Security Treaty Organization",
        acronym="CSTO",
        kind=OrganizationKind.INTERGOVERNMENTAL,
    ),
    "Kyrgyz Health Ministry": Organization(
        id="kg-health-ministry",
        name="Kyrgyz Health Ministry",
        kind=OrganizationKind.GOVERNMENT_BODY,
        country_id="KG",
    ),
    "Kyrgyz Emergency Situations Ministry": Organization(
        id="kg-emergency-situations-ministry",
        name="Kyrgyz Emergency Situations Ministry",
        kind=OrganizationKind.GOVERNMENT_BODY,
        country_id="KG",
    ),
    "Shanghai Cooperation Organization": Organization(
        id="sco", name="Shanghai Cooperation Organization", acronym="SCO"
    ),
    "Interfax": Organization(
        id="interfax", name="Interfax", kind=OrganizationKind.MEDIA, country_id="RU"
    ),
    "AKIpress": Organization(
        id="akipress", name="AKIpress", kind=OrganizationKind.MEDIA, country_id="KG"
    ),
    "RFERL": Organization(id="rferl", name="RFE/RL", kind=OrganizationKind.MEDIA),
    "European Commission": Organization(id="european-commission", name="European Commission"),
    "Chinese Foreign Ministry": Organization(
        id="cn-foreign-ministry",
        name="Chinese Foreign Ministry",
        kind=OrganizationKind.GOVERNMENT_BODY,
        country_id="CN",
    ),
    "IDA Ireland": Organization(
        id="ida-ireland", name="IDA Ireland", kind=OrganizationKind.GOVERNMENT_BODY, country_id="IE"
    ),
    "Kremlin": Organization(
        id="kremlin", name="Kremlin", kind=OrganizationKind.GOVERNMENT_BODY, country_id="RU"
    ),
    "NATO": Organization(id="nato", name="North Atlantic Treaty Organization", acronym="NATO"),
    "Secretariat": Organization(
        id="csto-secretariat", name="CSTO Secretariat", kind=OrganizationKind.INTERGOVERNMENTAL
    ),
    "White House": Organization(
        id="us-white-house",
        name="White House",
        kind=OrganizationKind.GOVERNMENT_BODY,
        country_id="US",
    ),
    "World Health Organization": Organization(
        id="who", name="World Health Organization", acronym="WHO"
    ),
}
ACRONYMS = {
    "CSTO": "Collective Security Treaty Organization",
    "SCO": "Shanghai Cooperation Organization",
    "WHO": "World Health Organization",
}


def _all(body: str, forms: list[str]) -> list[re.Match[str]]:
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w])"
    )
    return list(pattern.finditer(body))


def country_mentions(body: str) -> list[Found]:
    """Every country form of the table in ``body``, as the countries rule would give them."""
    return [
        Found(
            kind=EntityKind.COUNTRY,
            key=COUNTRY_FORMS[m.group()],
            name=m.group(),
            surface=m.group(),
            span=Span(start=m.start(), end=m.end()),
        )
        for m in _all(body, list(COUNTRY_FORMS))
    ]


def org_mentions(body: str) -> list[Found]:
    """Every organization form of the table (names and acronyms) in ``body``."""
    found = []
    for m in _all(body, [*ORGANIZATIONS, *ACRONYMS]):
        record = ORGANIZATIONS[ACRONYMS.get(m.group(), m.group())]
        found.append(
            Found(
                kind=EntityKind.ORGANIZATION,
                key=record.id,
                name=record.name,
                surface=m.group(),
                span=Span(start=m.start(), end=m.end()),
            )
        )
    return found


def article(body: str, dateline: str | None = None, article_id: str = "a1") -> Article:
    """An article with this body, published on 1 March 2023."""
    return Article(
        id=article_id,
        title="A title",
        body=body,
        content_hash="hash",
        published_at=datetime(2023, 3, 1, tzinfo=UTC),
        dateline=dateline,
    )


def people_of(item: Article) -> PeopleFound:
    """The people rules run over an article with hand-built country and organization mentions."""
    return find_people(
        item, country_mentions(item.body), org_mentions(item.body), list(ORGANIZATIONS.values())
    )


def seed(name: str) -> Article:
    """One seed article, read as the corpus reader reads it."""
    path = SEEDS / name
    return to_article(parse_txt(path.read_text(encoding="utf-8"), str(path)))


# --- The seeds -------------------------------------------------------------------------------


def test_interfax_seed_names_only_imankulov_secretary_of_the_kyrgyz_security_council() -> None:
    found = people_of(seed("000_b3ee55cb9c8e7b0e.txt"))
    assert [(p.id, p.name, p.country_id) for p in found.people] == [
        ("marat-imankulov", "Marat Imankulov", "KG")
    ]
    [role] = found.roles
    assert (role.title, role.organization_id, role.country_id) == (
        "Secretary of the Security Council",
        "kg-security-council",
        "KG",
    )
    # "Imankulov said" after each quote is the same person: one full mention, then surnames.
    assert [m.surface for m in found.mentions] == ["Marat Imankulov"] + ["Imankulov"] * 3
    assert {m.key for m in found.mentions} == {"marat-imankulov"}


def test_akipress_seed_names_only_zas_and_kulubaev() -> None:
    item = seed("003_5c3a99d317be5e11.txt")
    found = people_of(item)
    assert {p.id: p.country_id for p in found.people} == {
        "stanislav-zas": None,
        "jeenbek-kulubaev": "KG",
    }
    roles = {(r.person_id, r.title, r.organization_id, r.country_id) for r in found.roles}
    assert roles == {
        ("stanislav-zas", "Secretary General", "csto", None),
        # "foreign minister" is bare; AKIpress, a Kyrgyz agency, reports it.
        ("jeenbek-kulubaev", "Foreign Minister", None, "KG"),
    }
    kulubaev = [m for m in found.mentions if m.key == "jeenbek-kulubaev"]
    assert [m.surface for m in kulubaev] == ["Jeenbek Kulubaev", "Kulubaev", "Kulubaev", "Kulubaev"]
    for mention in found.mentions:
        assert item.body[mention.span.start : mention.span.end] == mention.surface


# --- Word orders -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "dateline", "name", "title", "organization", "country"),
    [
        (
            (
                "Secretary General of the Collective Security Treaty Organization Stanislav Zas "
                "arrived in Bishkek."
            ),
            None,
            "Stanislav Zas",
            "Secretary General",
            "csto",
            None,
        ),
        (
            (
                "Stanislav Zas, the secretary general of the Collective Security Treaty Organization, "
                "met with officials."
            ),
            None,
            "Stanislav Zas",
            "Secretary General",
            "csto",
            None,
        ),
        (
            "Kyrgyz Security Council Secretary Marat Imankulov told Interfax.",
            None,
            "Marat Imankulov",
            "Secretary of the Security Council",
            "kg-security-council",
            "KG",
        ),
        (
            "Imankulov, Secretary of the Kyrgyz Security Council, said the talks went well.",
            None,
            "Imankulov",
            "Secretary of the Security Council",
            "kg-security-council",
            "KG",
        ),
        (
            "Russian President Vladimir Putin said on Tuesday that the talks had been constructive.",
            None,
            "Vladimir Putin",
            "President",
            None,
            "RU",
        ),
        (
            (
                "U.S. Secretary of State Antony Blinken told reporters in Brussels that the alliance "
                "was united."
            ),
            None,
            "Antony Blinken",
            "Secretary of State",
            None,
            "US",
        ),
        (
            "President Sadyr Japarov signed the decree on Monday.",
            "BISHKEK",
            "Sadyr Japarov",
            "President",
            None,
            "KG",
        ),
        (
            "Kyrgyz foreign minister Jeenbek Kulubaev flew to Moscow.",
            None,
            "Jeenbek Kulubaev",
            "Foreign Minister",
            None,
            "KG",
        ),
        (
            "Prime Minister Theresa May said Britain would leave the customs union.",
            "LONDON",
            "Theresa May",
            "Prime Minister",
            None,
            "GB",
        ),
        (
            "German Chancellor Olaf Scholz told the Bundestag that spending would rise.",
            None,
            "Olaf Scholz",
            "Chancellor",
            None,
            "DE",
        ),
        (
            (
                "\u201cWe will not back down,\u201d said Ursula von der Leyen, the president of the "
                "European Commission."
            ),
            None,
            "Ursula von der Leyen",
            "President",
            "european-commission",
            None,
        ),
        (
            "Chinese Foreign Ministry spokesperson Mao Ning said the sanctions were illegal.",
            None,
            "Mao Ning",
            "Spokesperson of the Foreign Ministry",
            "cn-foreign-ministry",
            "CN",
        ),
        (
            "World Health Organization Director-General Tedros Adhanom Ghebreyesus urged calm.",
            None,
            "Tedros Adhanom Ghebreyesus",
            "Director General",
            "who",
            None,
        ),
    ],
)
def test_a_title_in_any_word_order_makes_a_person_with_a_role(
    body: str,
    dateline: str | None,
    name: str,
    title: str,
    organization: str | None,
    country: str | None,
) -> None:
    found = people_of(article(body, dateline))
    assert [p.name for p in found.people] == [name]
    [role] = found.roles
    assert (role.title, role.organization_id, role.country_id) == (title, organization, country)
    assert found.people[0].country_id == country
    assert name in body[role.span.start : role.span.end]


def test_fm_abbreviation_and_full_title_are_one_role_of_one_person() -> None:
    body = (
        "The CSTO chief met with foreign minister Jeenbek Kulubaev in Bishkek.\n\n"
        "According to FM Kulubaev, the parties were able to come to an agreement."
    )
    found = people_of(article(body, dateline="BISHKEK"))
    assert [p.id for p in found.people] == ["jeenbek-kulubaev"]
    assert [(r.title, r.country_id) for r in found.roles] == [("Foreign Minister", "KG")]
    # "According" opens a sentence; it is no name, and neither is "FM".
    assert [m.surface for m in found.mentions] == ["Jeenbek Kulubaev", "Kulubaev"]


def test_a_counterpart_holds_the_office_of_the_person_he_is_set_against() -> None:
    body = (
        "Kyrgyz Foreign Minister Jeenbek Kulubaev met his Tajik counterpart Sirojiddin Muhriddin "
        "in Batken on Friday."
    )
    found = people_of(article(body))
    roles = {r.person_id: (r.title, r.country_id) for r in found.roles}
    assert roles == {
        "jeenbek-kulubaev": ("Foreign Minister", "KG"),
        "sirojiddin-muhriddin": ("Foreign Minister", "TJ"),
    }


def test_a_form_of_address_and_a_speech_verb_anchor_a_name_without_a_role() -> None:
    found = people_of(article("Mr Trump said the deal was dead. Later Trump said it was alive."))
    assert [(p.id, p.name) for p in found.people] == [("trump", "Trump")]
    assert found.roles == []
    assert len(found.mentions) == 2


def test_a_given_name_used_alone_joins_the_full_name_it_opens() -> None:
    body = (
        "WHO Director-General Tedros Adhanom Ghebreyesus urged calm. Tedros told a news "
        "conference in Geneva that vaccines were on the way."
    )
    found = people_of(article(body))
    assert [p.id for p in found.people] == ["tedros-adhanom-ghebreyesus"]
    assert [m.surface for m in found.mentions] == ["Tedros Adhanom Ghebreyesus", "Tedros"]


def test_a_surname_two_people_share_is_left_to_neither() -> None:
    body = (
        "Former Prime Minister Boris Johnson met Governor Gary Johnson in Washington. "
        "Johnson said nothing."
    )
    found = people_of(article(body))
    assert {p.id for p in found.people} == {"boris-johnson", "gary-johnson"}
    assert [m.surface for m in found.mentions] == ["Boris Johnson", "Gary Johnson"]


def test_person_mentions_point_at_their_text() -> None:
    item = article(
        "Russian President Vladimir Putin met Xi Jinping. Putin said the talks went well."
    )
    for mention in people_of(item).mentions:
        assert item.body[mention.span.start : mention.span.end] == mention.surface
        assert mention.kind is EntityKind.PERSON


@pytest.mark.parametrize(
    ("body", "dateline", "name", "title", "country"),
    [
        (
            "Sen. Mark Warner said the committee would hear from Roger Stone.",
            None,
            "Mark Warner",
            "Senator",
            None,
        ),
        (
            "Richard Painter, who advised former President George W. Bush on ethics, spoke.",
            "WASHINGTON",
            "George W. Bush",
            "former President",
            "US",
        ),
        (
            "Donald Trump accepted an invitation from Queen Elizabeth II for a state visit.",
            "LONDON",
            "Elizabeth II",
            "Queen",
            "GB",
        ),
        (
            "Sudanese President Omar al-Bashir named a prime minister on Wednesday.",
            "KHARTOUM",
            "Omar al-Bashir",
            "President",
            "SD",
        ),
        (
            "Minister for Transport Shane Ross said the new routes would open in May.",
            "DUBLIN",
            "Shane Ross",
            "Minister for Transport",
            "IE",
        ),
        (
            "Queensland Premier Annastacia Palaszczuk said the evacuation was complete.",
            None,
            "Annastacia Palaszczuk",
            "Premier",
            None,
        ),
    ],
)
def test_abbreviated_titles_initials_particles_and_portfolios(
    body: str, dateline: str | None, name: str, title: str, country: str | None
) -> None:
    found = people_of(article(body, dateline))
    assert name in [p.name for p in found.people]
    roles = [(r.title, r.country_id) for r in found.roles if r.person_id == slug(name)]
    assert roles == [(title, country)]


def test_a_title_after_the_name_may_be_owned_by_a_body_or_a_country() -> None:
    body = (
        "Martin Shanahan, IDA Ireland's chief executive, said the jobs were welcome. Al-Shabab "
        "threatened Mohamed Abdullahi Mohamed,- Somalia's new president, also known as Farmajo."
    )
    found = people_of(article(body))
    roles = {(r.person_id, r.title, r.organization_id, r.country_id) for r in found.roles}
    assert roles == {
        ("martin-shanahan", "Chief Executive", "ida-ireland", "IE"),
        ("mohamed-abdullahi-mohamed", "President", None, "SO"),
    }


def test_a_name_opening_a_longer_one_is_the_same_person() -> None:
    body = (
        "Al-Shabab threatened attacks against the new president, Mohamed Abdullahi.\n\n"
        "The group said it would target Mohamed Abdullahi Mohamed,- Somalia's new president."
    )
    found = people_of(article(body))
    assert [p.id for p in found.people] == ["mohamed-abdullahi-mohamed"]
    assert [(r.title, r.country_id) for r in found.roles] == [("President", "SO")]


def test_a_title_before_a_comma_and_a_name_that_closes_there() -> None:
    body = (
        '"We are very satisfied and relieved," said her attorney, Maryam Hashemi. The government '
        "minister for victims affairs, Juliette Meadel, tweeted that all students were safe."
    )
    found = people_of(article(body))
    assert {(r.person_id, r.title) for r in found.roles} == {
        ("maryam-hashemi", "Attorney"),
        ("juliette-meadel", "Minister"),
    }


def test_a_descriptor_or_kinship_anchors_a_name_without_a_role() -> None:
    body = (
        "Two men were acquitted of the murder of British teenager Scarlett Keeling. He insulted "
        "the late leader Lee Kuan Yew, whose son Lee Hsien Loong is now the prime minister."
    )
    found = people_of(article(body))
    assert {p.name for p in found.people} >= {"Scarlett Keeling", "Lee Hsien Loong"}
    assert {r.person_id for r in found.roles} == {"lee-kuan-yew"}


def test_a_word_glued_to_a_name_by_a_lost_space_is_no_part_of_it() -> None:
    found = people_of(article("President Donald Trump-has refused to budge on trade."))
    assert all("has" not in p.name for p in found.people)


def test_a_numeral_after_a_name_is_no_mention_of_it() -> None:
    body = "Queen Elizabeth II met veterans of World War II in London."
    assert [m.surface for m in people_of(article(body, "LONDON")).mentions] == ["Elizabeth II"]


def test_a_title_of_a_body_no_rule_knows_ends_at_the_body_word() -> None:
    body = (
        "The body was found, according to Deputy Superintendent of Police Sammy Tavares. The "
        "case is being investigated as a murder, Tavares added."
    )
    found = people_of(article(body))
    assert [(r.person_id, r.title) for r in found.roles] == [("sammy-tavares", "Deputy Superintendent")]
    assert [m.surface for m in found.mentions] == ["Sammy Tavares", "Tavares"]


def test_a_role_said_twice_keeps_only_its_fullest_form() -> None:
    body = (
        "White House press secretary Sean Spicer took questions. Later, press secretary Sean "
        "Spicer said the raid was a success."
    )
    found = people_of(article(body))
    assert [(r.title, r.organization_id, r.country_id) for r in found.roles] == [
        ("Press Secretary", "us-white-house", "US")
    ]


# --- What is no person -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        (
            "Currently, Kyrgyzstan and Tajikistan are honoring the ceasefire and disengagement "
            "agreements."
        ),
        (
            "Both of the regional security groups have been seen as Beijing\u2019s and Moscow\u2019s "
            "responses to American geopolitical hegemony."
        ),
        (
            "Following the abrupt fall of the Western-backed government in Kabul, Moscow and Beijing "
            "are making moves."
        ),
        "Moscow said the strikes were a response to shelling.",
        "Kyrgyzstan said it would not withdraw.",
        "In New York, the secretary general said the world was at a crossroads.",
        "On Monday, officials said the border was calm.",
        "The CSTO Secretary General was briefed by the minister.",
        (
            "The CSTO Foreign Ministers Council, Defense Ministers Council and Committee of Security "
            "Council Secretaries will meet soon."
        ),
        "The Kyrgyz Health Ministry reported the deaths of 59 people.",
        "Interfax reported that the talks had ended.",
        "CSTO Mechanisms to be Launched on Kyrgyz-Tajik Border",
        "Separately, the president of France announced new measures.",
        "In May, the minister said prices would rise.",
        "Scroll to Top",
        "Charlie, managing director of China Telecom Europe, spoke.",
        "The Virginia Democrat said he wanted to hear from the agency.",
        "General Electric said its profits had doubled.",
        "Staff said the canteen was closed. The staff were angry.",
        "The battle for Raqqa explained in one map.",
        "Leigh Redemer, a 31-year-old teacher from Ohio said she was disappointed.",
        "JPMorgan Chase & Co said on Feb 6 it had received approval.",
    ],
)
def test_no_person_from_places_dates_bodies_countries_or_sentence_starts(body: str) -> None:
    found = people_of(article(body))
    assert found.people == []
    assert found.mentions == []
    assert found.roles == []


def test_a_month_closes_a_name_but_alone_is_no_mention_of_it() -> None:
    body = "Prime Minister Theresa May met the queen. In May, the queen travelled abroad."
    found = people_of(article(body))
    assert [m.surface for m in found.mentions] == ["Theresa May"]


# --- Rules in isolation ----------------------------------------------------------------------


def test_surname_keeps_particles() -> None:
    assert surname("Ursula von der Leyen") == "von der Leyen"
    assert surname("Marat Imankulov") == "Imankulov"


def test_home_country_is_the_datelines_then_the_first_cited_outlets() -> None:
    body = "Kyrgyzstan and Tajikistan disagree, Interfax reported. AKIpress informed later."
    orgs = org_mentions(body)
    records = list(ORGANIZATIONS.values())
    assert home_country(article(body, dateline="DUSHANBE"), orgs, records) == "TJ"
    assert home_country(article(body), orgs, records) == "RU"
    # Countries named, however often, say nothing of where the story is told from.
    assert home_country(article("Kyrgyzstan and Kyrgyzstan."), [], records) is None


@pytest.mark.parametrize(
    ("body", "person_id", "title"),
    [
        (
            "The vote followed the resignation of former Deputy First Minister Martin McGuinness.",
            "martin-mcguinness",
            "former Deputy First Minister",
        ),
        (
            "Troops loyal to former President Ali Abdullah Saleh fired missiles at the border.",
            "ali-abdullah-saleh",
            "former President",
        ),
        (
            "Acting President Hwang Kyo-ahn said the army was on alert.",
            "hwang-kyo-ahn",
            "acting President",
        ),
        (
            "The phrase was first said by then-Vice President George H. W. Bush in 1988.",
            "george-h-w-bush",
            "Vice President",
        ),
    ],
)
def test_a_status_or_rank_written_before_a_title_is_part_of_it(
    body: str, person_id: str, title: str
) -> None:
    found = people_of(article(body))
    assert [(r.person_id, r.title) for r in found.roles] == [(person_id, title)]


def test_a_former_title_set_after_the_name_keeps_its_body() -> None:
    body = "Mr Peskov, the former chief of the Kremlin, a powerful body, spoke. Peskov left."
    found = people_of(article(body))
    assert [(r.title.split()[0], r.organization_id) for r in found.roles] == [("former", "kremlin")]


def test_a_title_for_a_body_is_held_in_that_body() -> None:
    body = "The talks went well, said Dmitry Peskov, spokesman for the Kremlin, on Monday."
    found = people_of(article(body))
    assert [(r.person_id, r.organization_id) for r in found.roles] == [
        ("dmitry-peskov", "kremlin")
    ]


def test_a_name_set_before_what_it_is_a_member_of_is_a_persons() -> None:
    body = (
        "Abdallah al-Muhaysini, a senior member of the Nusra Front, acknowledged the death. "
        "Syria, a member of the Arab League, was silent."
    )
    found = people_of(article(body))
    assert [p.id for p in found.people] == ["abdallah-al-muhaysini"]


@pytest.mark.parametrize(
    ("body", "name", "title", "organization", "country"),
    [
        (
            ("The European Union's foreign policy chief Josep Borrell urged Georgian authorities "
            "to investigate all reported irregularities."),
            "Josep Borrell", "Foreign Policy Chief", "eu", None,
        ),
        (
            ("\u201cMicrosoft's decision to create 600 new jobs here is testament to the company's "
            "commitment,\u201d said Martin Shanahan, IDA Ireland's chief executive."),
            "Martin Shanahan", "Chief Executive", "ida-ireland", "IE",
        ),
        (
            "Kyrgyzstan's foreign minister Jeenbek Kulubaev met the envoy.",
            "Jeenbek Kulubaev", "Foreign Minister", None, "KG",
        ),
        (
            # A word judging the holder is no part of the title.
            "The White House's combative press secretary Sean Spicer defended the order.",
            "Sean Spicer", "Press Secretary", "us-white-house", "US",
        ),
    ],
)
def test_an_owner_written_as_a_possessive_holds_the_title(
    body: str, name: str, title: str, organization: str | None, country: str | None
) -> None:
    extraction = analyze(article(body, None))
    [person] = [p for p in extraction.people if p.name == name]
    roles = [r for r in extraction.roles if r.person_id == person.id]
    assert [(r.title, r.organization_id, r.country_id) for r in roles] == [
        (title, organization, country)]


def test_an_office_is_not_the_owner_of_a_national_title_nor_an_adjective_its_field() -> None:
    # "new" qualifies the holder; a national office belongs to a country, never a body.
    extraction = analyze(article("Somalia's new president Mohamed Abdullahi Mohamed was sworn in.", None))
    assert [r.title for r in extraction.roles] == ["President"]
    assert [r.organization_id for r in extraction.roles] == [None]


def test_names_are_read_around_an_offset_only_where_one_may_open_or_close() -> None:
    # Real sentences: where no name word can open or close, no name is found, and the
    # shapes a name may take there (an Arabic article, an ordinal) are still read.
    text = (
        'Sudanese President Omar al-Bashir met Queen Elizabeth II, who said "yes," said '
        "officials. Prosecutors said al-Bashir would appear."
    )
    after_president = text.index("President") + len("President")
    president = name_after(text, after_president, [])
    assert president is not None and president.text == "Omar al-Bashir"
    opened = name_after(text, text.index("al-Bashir would"), [])
    assert opened is not None and opened.text == "al-Bashir"
    assert name_after(text, text.index('"yes'), []) is None
    assert name_after(text, text.index("officials"), []) is None
    closed = name_before(text, text.index(", who"), [])
    assert closed is not None and closed.text == "Elizabeth II"
    assert name_before(text, text.index(' said officials'), []) is None
    assert name_before(text, text.index("officials") + len("officials"), []) is None
