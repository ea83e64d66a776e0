"""Batched first pages: per entity, exactly the page (and cursors) the single call gives."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from typing import TypeVar

import pytest

from search_index import NewsIndex
from search_index.errors import BadInput
from search_index.models import (
    Article,
    EntityKind,
    EntityRef,
    Extraction,
    Page,
    Statement,
    StatementFilter,
)
from search_index.settings import Settings
from search_index.store import Store
from tests.conftest import RecordFactory, at

T = TypeVar("T")

COUNCIL = "org-council"


def person_id(n: int) -> str:
    """The id of the n-th person of :func:`newsroom`."""
    return f"person-{n:02d}"


def newsroom(store: Store, records: RecordFactory, people: int) -> None:
    """One article per person, each also naming person 0, KG and (often) the council.

    Person n speaks in article n unless n % 3 == 2; person 0 speaks in every
    article, so person 0 has many articles and statements, on shared days and
    undated ones (every fifth article has no date). Every third person holds a
    role in the council, which also speaks in article 0 itself.
    """
    kg = records.country("KG", "Kyrgyzstan", "KGZ", "Kyrgyz")
    uz = records.country("UZ", "Uzbekistan", "UZB", "Uzbek")
    council = records.organization(COUNCIL, "Security Council", country="KG")
    chief = records.person(person_id(0), "Chief Speaker", country="KG")
    for n in range(people):
        day = None if n % 5 == 4 else at(f"2023-03-{1 + n % 7:02d}", f"{8 + n % 3:02d}:00")
        article = records.article(f"art-{n:02d}", title=f"Report {n}", published=day)
        said_on = None if day is None else day.date()
        person = chief if n == 0 else records.person(
            person_id(n), f"Speaker {n:02d}", country="KG" if n % 2 else "UZ"
        )
        cast = {chief.id: chief, person.id: person}
        mentions = [records.mention(article.id, EntityKind.PERSON, pid) for pid in cast]
        mentions += [records.mention(article.id, EntityKind.COUNTRY, "KG")]
        statements = [records.statement(f"st-{n:02d}-chief", article.id, f"Chief on {n}",
                                        speaker=EntityRef(kind=EntityKind.PERSON, id=chief.id),
                                        said_on=said_on, start=50)]
        if n % 3 != 2 and n != 0:
            statements.append(records.statement(
                f"st-{n:02d}-own", article.id, f"Speaker {n} speaks",
                speaker=EntityRef(kind=EntityKind.PERSON, id=person.id), said_on=said_on, start=10,
            ))
        roles = [records.role(article.id, person.id, "Secretary", org=COUNCIL)] if n % 3 == 1 else []
        if n == 0:
            statements.append(records.statement(
                "st-00-council", article.id, "The council agrees",
                speaker=EntityRef(kind=EntityKind.ORGANIZATION, id=COUNCIL), said_on=said_on,
            ))
        in_council = bool(roles) or n == 0
        if in_council:
            mentions.append(records.mention(article.id, EntityKind.ORGANIZATION, COUNCIL))
        store.put(article, Extraction(
            countries=(kg, uz), organizations=(council,) if in_council else (),
            people=tuple(cast.values()), mentions=tuple(mentions), roles=tuple(roles),
            statements=tuple(statements),
        ))


@pytest.fixture
def index(settings: Settings, records: RecordFactory) -> Iterator[NewsIndex]:
    """A NewsIndex over a store written record by record (opening it indexes what is stored)."""
    store = Store.open(settings.store_path)
    try:
        newsroom(store, records, people=12)
    finally:
        store.close()
    with NewsIndex.open(settings) as opened:
        yield opened


def person(n: int) -> EntityRef:
    """The n-th person of the newsroom, as a reference."""
    return EntityRef(kind=EntityKind.PERSON, id=person_id(n))


NOBODY = EntityRef(kind=EntityKind.PERSON, id="person-nobody")
COUNCIL_REF = EntityRef(kind=EntityKind.ORGANIZATION, id=COUNCIL)
KG_REF = EntityRef(kind=EntityKind.COUNTRY, id="KG")
#: Several entities of every kind: many items, one, none, unknown, and a repeat.
ASKED = [person(0), person(2), NOBODY, person(1), COUNCIL_REF, KG_REF, person(0), person(4)]


def statement_filter(ref: EntityRef) -> StatementFilter:
    """What the API's fields pass to list_statements for this entity."""
    field = {EntityKind.PERSON: "speaker", EntityKind.ORGANIZATION: "organization",
             EntityKind.COUNTRY: "country"}[ref.kind]
    return StatementFilter.model_validate({field: ref.id})


def rest_of(fetch: Callable[[str | None], Page[T]], page: Page[T]) -> list[T]:
    """The nodes of ``page`` and of every page after it, following its last cursor."""
    nodes = [edge.node for edge in page.edges]
    while page.has_next:
        page = fetch(page.edges[-1].cursor)
        nodes += [edge.node for edge in page.edges]
    return nodes


@pytest.mark.parametrize("first", [0, 1, 2, 3, 50])
def test_statement_pages_equal_the_single_calls(index: NewsIndex, first: int) -> None:
    batched = index.statements_of_speakers(ASKED, first=first)
    single = [index.list_statements(filter=statement_filter(ref), first=first) for ref in ASKED]
    assert batched == single
    totals = {ref.id: page.total for ref, page in zip(ASKED, batched, strict=True)}
    assert totals[person_id(0)] == 12 and totals[person_id(2)] == 0 and totals["person-nobody"] == 0
    assert totals[COUNCIL] > 1  # its own statement and its role holders'


@pytest.mark.parametrize("first", [0, 1, 2, 3, 50])
def test_article_pages_equal_the_single_calls(index: NewsIndex, first: int) -> None:
    batched = index.articles_of_entities(ASKED, first=first)
    single = [index.articles_of(ref, first=first) for ref in ASKED]
    assert batched == single
    assert batched[0].total == 12 and batched[2].total == 0


def test_a_batched_cursor_resumes_the_single_list(index: NewsIndex) -> None:
    statements = index.statements_of_speakers([person(0), COUNCIL_REF], first=3)
    for ref, said in zip([person(0), COUNCIL_REF], statements, strict=True):
        assert said.has_next and len(said.edges) == 3
        wanted = statement_filter(ref)
        walked = rest_of(partial(lambda f, after: index.list_statements(filter=f, first=4, after=after),
                                 wanted), said)
        whole = index.list_statements(filter=wanted, first=100)
        assert walked == [edge.node for edge in whole.edges] and len(walked) == whole.total
    articles = index.articles_of_entities([person(0), KG_REF], first=5)
    for ref, named in zip([person(0), KG_REF], articles, strict=True):
        assert named.has_next
        walked_articles = rest_of(partial(lambda r, after: index.articles_of(r, first=4, after=after),
                                          ref), named)
        assert walked_articles == [edge.node for edge in index.articles_of(ref, first=100).edges]


def test_pages_are_newest_first_with_undated_last(index: NewsIndex) -> None:
    (page,) = index.statements_of_speakers([person(0)], first=50)
    days = [edge.node.said_on for edge in page.edges]
    dated = [day for day in days if day is not None]
    assert dated == sorted(dated, reverse=True) and days[len(dated):] == [None] * (len(days) - len(dated))
    assert isinstance(page.edges[0].node, Statement)
    (articles,) = index.articles_of_entities([person(0)], first=50)
    assert all(isinstance(edge.node, Article) for edge in articles.edges)
    assert articles.edges[-1].node.published_at is None


def test_no_entities_no_pages_and_a_negative_size_is_refused(index: NewsIndex) -> None:
    assert index.statements_of_speakers([], first=3) == []
    assert index.articles_of_entities([], first=3) == []
    with pytest.raises(BadInput):
        index.statements_of_speakers([person(0)], first=-1)
    with pytest.raises(BadInput):
        index.articles_of_entities([person(0)], first=-1)


def test_a_batch_costs_the_same_queries_whatever_its_size(
    store: Store, records: RecordFactory
) -> None:
    newsroom(store, records, people=30)
    run: list[str] = []
    store.trace(run.append)

    def queries(call: Callable[[], object]) -> int:
        run.clear()
        call()
        return len(run)

    few = [person(n) for n in range(2)]
    many = [person(n) for n in range(30)] + [COUNCIL_REF, KG_REF]
    assert queries(lambda: store.statements_of_speakers(few, first=3)) == queries(
        lambda: store.statements_of_speakers(many, first=3)
    )
    assert queries(lambda: store.articles_of_entities(few, first=2)) == queries(
        lambda: store.articles_of_entities(many, first=2)
    )
    assert queries(lambda: store.articles_of_entities(many, first=2)) <= 3  # BEGIN, the query, COMMIT
    store.trace(None)


def test_dates_are_what_the_records_say(index: NewsIndex) -> None:
    (page,) = index.statements_of_speakers([person(1)], first=5)
    assert [edge.node.said_on for edge in page.edges] == [date(2023, 3, 2)]
