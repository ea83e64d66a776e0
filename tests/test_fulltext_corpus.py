"""A test corpus for the full-text index: the two seed articles plus a few dozen written here.

Records are built directly (no corpus reader, no extractor). Other
``test_fulltext_*`` modules import :func:`corpus` and :func:`open_index`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from search_index.fulltext import FullText
from search_index.models import (
    Article,
    Country,
    EntityKind,
    EntityRef,
    Extraction,
    Mention,
    Organization,
    Person,
    Span,
    Statement,
    StatementKind,
)
from search_index.settings import BUNDLED_ARTICLES

INTERFAX = "seed-interfax"
AKIPRESS = "seed-akipress"

COUNTRIES = {
    "KG": Country(id="KG", name="Kyrgyzstan", alpha3="KGZ", aliases=("Kyrgyz Republic",)),
    "TJ": Country(id="TJ", name="Tajikistan", alpha3="TJK"),
    "RU": Country(id="RU", name="Russia", alpha3="RUS", aliases=("Russian Federation",)),
    "CN": Country(id="CN", name="China", alpha3="CHN"),
    "AM": Country(id="AM", name="Armenia", alpha3="ARM"),
    "KZ": Country(id="KZ", name="Kazakhstan", alpha3="KAZ"),
    "UZ": Country(id="UZ", name="Uzbekistan", alpha3="UZB"),
    "AF": Country(id="AF", name="Afghanistan", alpha3="AFG"),
    "DE": Country(id="DE", name="Germany", alpha3="DEU"),
    "BR": Country(id="BR", name="Brazil", alpha3="BRA"),
}
ORGANIZATIONS = {
    "csto": Organization(id="csto", name="Collective Security Treaty Organization", acronym="CSTO"),
    "sco": Organization(id="sco", name="Shanghai Cooperation Organization", acronym="SCO"),
    "un": Organization(id="un", name="United Nations", acronym="UN"),
    "who": Organization(id="who", name="World Health Organization", acronym="WHO"),
    "eaeu": Organization(id="eaeu", name="Eurasian Economic Union", acronym="EAEU"),
}
PEOPLE = {
    "marat-imankulov": Person(id="marat-imankulov", name="Marat Imankulov", aliases=("Imankulov",)),
    "jeenbek-kulubaev": Person(
        id="jeenbek-kulubaev", name="Jeenbek Kulubaev", aliases=("Kulubaev", "Külübaev")
    ),
    "stanislav-zas": Person(id="stanislav-zas", name="Stanislav Zas", aliases=("Zas",)),
    "sadyr-japarov": Person(id="sadyr-japarov", name="Sadyr Japarov", aliases=("Japarov",)),
    "emomali-rahmon": Person(id="emomali-rahmon", name="Emomali Rahmon", aliases=("Rahmon",)),
}


@dataclass(frozen=True)
class Quote:
    """A statement to attach to a corpus article."""

    id: str
    speaker: str | None
    text: str
    said_on: date | None


@dataclass(frozen=True)
class Item:
    """One corpus article as written here, before it becomes records."""

    id: str
    title: str
    body: str
    published: datetime | None
    source: str | None
    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()


def _at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def _seed(name: str) -> list[str]:
    text = (BUNDLED_ARTICLES / name).read_text(encoding="utf-8").replace("Scroll to Top", "")
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def _seed_items() -> list[Item]:
    interfax = _seed("000_b3ee55cb9c8e7b0e.txt")
    akipress = _seed("003_5c3a99d317be5e11.txt")
    return [
        Item(
            INTERFAX, interfax[1], "\n\n".join(interfax[2:]), datetime(2022, 9, 22, 16, 47, tzinfo=UTC),
            "Interfax", ("KG", "TJ"), ("csto",), ("marat-imankulov",),
            (
                Quote("q-imankulov-1", "person:marat-imankulov",
                      "The CSTO membership meets the interests of Kyrgyzstan, and a withdrawal from "
                      "the organization is not being considered", date(2022, 9, 22)),
                Quote("q-imankulov-2", "person:marat-imankulov",
                      "We believe that such a defensive organization is necessary",
                      date(2022, 9, 22)),
            ),
        ),
        Item(
            AKIPRESS, akipress[0], "\n\n".join(akipress[2:]), None, "AKIpress",
            ("KG", "TJ", "RU", "CN", "AF"), ("csto", "sco"), ("stanislav-zas", "jeenbek-kulubaev"),
            (
                Quote("q-kulubaev-1", "person:jeenbek-kulubaev",
                      "Tajikistan's illegal acts are aggressive and destabilizing", None),
            ),
        ),
    ]


_WRITTEN: list[Item] = [
    Item("a01", "Armenia weighs its future in the CSTO",
         "Yerevan officials discussed a possible withdrawal from the CSTO after the alliance "
         "declined to send help. Analysts doubt a withdrawal will happen soon.",
         _at(2023, 1, 10), "Eurasianet", ("AM",), ("csto",)),
    Item("a02", "Drought hits wheat harvest in Kazakhstan",
         "Farmers in northern Kazakhstan reported a poor wheat harvest after months of drought. "
         "Grain exports are expected to fall.", _at(2021, 8, 3), "Reuters", ("KZ",)),
    Item("a03", "Kyrgyz and Tajik border guards exchange fire",
         "Border guards of Kyrgyzstan and Tajikistan exchanged fire near the Batken region. "
         "Both sides blamed each other for the clash.", _at(2022, 9, 14), "AKIpress",
         ("KG", "TJ")),
    Item("a04", "Ceasefire holds on the Kyrgyz-Tajik border",
         "The ceasefire agreed on Friday held overnight, officials in Bishkek said. "
         "Disengagement of troops continues.", _at(2022, 9, 17), "Interfax", ("KG", "TJ")),
    Item("a05", "Uzbekistan opens new railway to China",
         "A railway linking Uzbekistan with China through Kyrgyzstan moved a step closer as the "
         "three countries signed an agreement.", _at(2022, 9, 15), "Reuters",
         ("UZ", "CN", "KG")),
    Item("a06", "Football: Bishkek club wins national cup",
         "Dordoi Bishkek won the national cup final on penalties in front of a full stadium.",
         None, "Sport24", ("KG",)),
    Item("a07", "WHO warns of measles outbreak",
         "The World Health Organization warned of a measles outbreak in several Central Asian "
         "countries and urged vaccination.", _at(2023, 3, 2), "Reuters", (), ("who",)),
    Item("a08", "SCO summit ends in Samarkand",
         "Leaders of the Shanghai Cooperation Organization ended their summit in Samarkand with "
         "a declaration on regional security.", _at(2022, 9, 16), "TASS", ("UZ", "CN", "RU"),
         ("sco",)),
    Item("a09", "Security secretary rules out leaving the alliance",
         "The secretary of the Security Council said the republic would stay in the bloc, "
         "citing threats in the region.", _at(2022, 9, 23), "Kabar", ("KG",), ("csto",),
         ("marat-imankulov",),
         (Quote("q-imankulov-3", "person:marat-imankulov",
                "We should stay in the bloc and protect our countries together", date(2022, 9, 23)),)),
    Item("a10", "Germany pledges aid for Afghan refugees",
         "Germany pledged new humanitarian aid for Afghan refugees in neighbouring countries.",
         _at(2021, 11, 20), "DW", ("DE", "AF")),
    Item("a11", "Kulubaev meets UN envoy",
         "Foreign minister Külübaev met the United Nations envoy for Central Asia to discuss "
         "border security.", _at(2022, 10, 5), "AKIpress", ("KG",), ("un",),
         ("jeenbek-kulubaev",),
         (Quote("q-kulubaev-2", "person:jeenbek-kulubaev",
                "Border disputes must be settled through negotiations", date(2022, 10, 5)),)),
    Item("a12", "Brazil coffee prices climb",
         "Coffee prices climbed after frost damaged plantations in southern Brazil.",
         _at(2021, 7, 22), "Reuters", ("BR",)),
    Item("a13", "Zas visits Dushanbe",
         "Stanislav Zas, the CSTO secretary general, visited Dushanbe to discuss the border "
         "situation with Tajik officials.", _at(2022, 10, 12), "TASS", ("TJ",), ("csto",),
         ("stanislav-zas",),
         (Quote("q-zas-1", "person:stanislav-zas",
                "The CSTO is ready to help stabilize the border", date(2022, 10, 12)),)),
    Item("a14", "Rahmon addresses parliament",
         "President Emomali Rahmon told parliament that Tajikistan seeks a peaceful settlement "
         "of the border dispute.", _at(2022, 10, 20), "Asia-Plus", ("TJ",), (),
         ("emomali-rahmon",),
         (Quote("q-rahmon-1", "person:emomali-rahmon",
                "Tajikistan seeks a peaceful settlement of the border dispute", None),)),
    Item("a15", "Japarov calls for CSTO reform",
         "President Sadyr Japarov called for reform of the CSTO charter so that members who use "
         "force against each other face consequences.", _at(2022, 10, 14), "Kabar", ("KG",),
         ("csto",), ("sadyr-japarov",),
         (Quote("q-japarov-1", "person:sadyr-japarov",
                "The CSTO charter must be reviewed", date(2022, 10, 14)),)),
    Item("a16", "Eurasian Economic Union debates customs rules",
         "Members of the Eurasian Economic Union debated new customs rules for goods in transit.",
         _at(2022, 12, 1), "TASS", ("RU", "KZ", "KG"), ("eaeu",)),
    Item("a17", "Heavy snow closes mountain pass",
         "Heavy snow closed the Too-Ashuu pass, cutting the road between Bishkek and the south.",
         None, "24.kg", ("KG",)),
    Item("a18", "Russia and China hold naval drills",
         "Russia and China held joint naval drills in the Sea of Japan, the defence ministry said.",
         _at(2022, 9, 3), "TASS", ("RU", "CN")),
    Item("a19", "Afghan border crossing reopens",
         "The border crossing between Tajikistan and Afghanistan reopened for trade.",
         _at(2022, 6, 1), "Asia-Plus", ("TJ", "AF")),
    Item("a20", "Kazakhstan raises interest rate",
         "The central bank of Kazakhstan raised its base rate to fight inflation.",
         _at(2022, 12, 5), "Interfax", ("KZ",)),
    Item("a21", "Kyrgyz parliament ratifies border deal",
         "The Kyrgyz parliament ratified a border deal with Uzbekistan after a long debate.",
         _at(2022, 11, 3), "24.kg", ("KG", "UZ")),
    Item("a22", "Measles vaccination campaign starts",
         "A measles vaccination campaign started in Kyrgyzstan with support from the World "
         "Health Organization.", _at(2023, 3, 20), "24.kg", ("KG",), ("who",)),
    Item("a23", "Analysts on CSTO credibility",
         "Analysts said the response to the border clash tested the credibility of the alliance; "
         "none expected any member to withdraw.", None, "Eurasianet", ("KG", "TJ"), ("csto",)),
    Item("a24", "Tajik officials report casualties",
         "Tajik officials reported casualties among civilians after the border clashes and "
         "accused the Kyrgyz side of aggression.", _at(2022, 9, 18), "Asia-Plus", ("TJ", "KG")),
    Item("a25", "New airport terminal in Osh",
         "A new terminal opened at Osh airport, doubling its capacity for passengers.",
         _at(2023, 5, 1), "Kabar", ("KG",)),
    Item("a26", "UN calls for restraint in Central Asia",
         "The United Nations called on Kyrgyzstan and Tajikistan to show restraint and resolve "
         "the dispute through dialogue.", _at(2022, 9, 16), "UN News", ("KG", "TJ"), ("un",)),
    Item("a27", "Grain corridor talks continue",
         "Talks on a grain corridor continued with no agreement on shipping guarantees.",
         _at(2022, 8, 8), "Reuters"),
    Item("a28", "Mountain glaciers shrinking fast",
         "Scientists said glaciers in the Tian Shan mountains are shrinking faster than expected.",
         None, None, ("KG", "KZ")),
]


def _content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()


def _extraction(item: Item) -> Extraction:
    mentions = [
        Mention(entity=EntityRef(kind=kind, id=entity_id), article_id=item.id, count=1)
        for kind, ids in (
            (EntityKind.COUNTRY, item.countries),
            (EntityKind.ORGANIZATION, item.organizations),
            (EntityKind.PERSON, item.people),
        )
        for entity_id in ids
    ]
    statements = [
        Statement(
            id=quote.id, article_id=item.id, text=quote.text, kind=StatementKind.DIRECT,
            speaker=(EntityRef(kind=EntityKind(quote.speaker.split(":")[0]),
                               id=quote.speaker.split(":")[1]) if quote.speaker else None),
            said_on=quote.said_on, context=f"{quote.text}, the article says.",
            span=Span(start=0, end=len(quote.text)),
        )
        for quote in item.quotes
    ]
    return Extraction(
        countries=tuple(COUNTRIES[i] for i in item.countries),
        organizations=tuple(ORGANIZATIONS[i] for i in item.organizations),
        people=tuple(PEOPLE[i] for i in item.people),
        mentions=tuple(mentions),
        statements=tuple(statements),
    )


def to_records(item: Item) -> tuple[Article, Extraction]:
    """The Article and Extraction records of one corpus item."""
    article = Article(
        id=item.id, title=item.title, body=item.body, source=item.source,
        published_at=item.published, content_hash=_content_hash(item.title, item.body),
    )
    return article, _extraction(item)


def corpus() -> list[Item]:
    """Every corpus item: the two seeds first."""
    return [*_seed_items(), *_WRITTEN]


def open_index(path: Path) -> FullText:
    """A FullText in ``path`` holding the whole corpus."""
    index = FullText.open(path)
    index.put([to_records(item) for item in corpus()])
    return index


# --- the corpus itself is sound, and every article is found by its own title ---------


def test_corpus_ids_are_unique_and_seeds_are_read() -> None:
    items = corpus()
    assert len({item.id for item in items}) == len(items)
    assert items[0].title.startswith("Kyrgyzstan not considering withdrawal from CSTO")
    assert items[1].title == "CSTO Mechanisms to be Launched on Kyrgyz-Tajik Border"
    assert "Imankulov" in items[0].body and "Scroll to Top" not in items[1].body


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FullText]:
    opened = open_index(tmp_path_factory.mktemp("corpus"))
    yield opened
    opened.close()


@pytest.mark.parametrize("item", corpus(), ids=lambda item: item.id)
def test_every_article_is_found_by_its_title(index: FullText, item: Item) -> None:
    results = index.search(f'title:"{item.title}"', first=50)
    assert item.id in [hit.article_id for hit in results.hits]
