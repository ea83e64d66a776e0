"""Filtered lists: stable keyset cursors across pages, totals, filters, fuzzy name search."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta, timezone
from typing import TypeVar

import pytest

from search_index.errors import BadCursor, BadInput
from search_index.models import (
    Article,
    ArticleFilter,
    EntityKind,
    EntityRef,
    Extraction,
    IncidentFilter,
    IncidentKind,
    Page,
    PersonFilter,
    StatementFilter,
)
from search_index.store import Store
from tests.conftest import RecordFactory, at
from tests.test_store_writes import IMANKULOV, first_report, second_report

T = TypeVar("T")
BISHKEK = timezone(timedelta(hours=6))


def every_page(fetch: Callable[[str | None], Page[T]]) -> list[T]:
    """Walk a list page by page; check each page's bookkeeping on the way."""
    nodes: list[T] = []
    after: str | None = None
    while True:
        page = fetch(after)
        nodes.extend(edge.node for edge in page.edges)
        assert page.has_previous == (after is not None)
        if not page.has_next:
            return nodes
        assert page.edges, "a page with more after it is not empty"
        after = page.edges[-1].cursor


def corpus(store: Store, records: RecordFactory) -> list[Article]:
    """17 articles: shared timestamps, undated ones, two sources, KG mentioned by every third."""
    articles: list[Article] = []
    for n in range(17):
        published = None if n % 5 == 4 else at(f"2022-09-{10 + n // 2:02d}", f"{n % 2 * 12 + 8:02d}:00")
        if n in (2, 3):  # two articles at the very same instant: the id breaks the tie
            published = at("2022-09-30")
        if published is not None and n % 7 == 0:
            # Bishkek time: order by instant, filter by the article's own calendar day.
            published = published.astimezone(BISHKEK)
        article = records.article(f"art-{n:02d}", published=published,
                                  source="Interfax" if n % 2 else "AKIpress")
        mentions = (records.mention(article.id, EntityKind.COUNTRY, "KG"),) if n % 3 == 0 else ()
        countries = (records.country("KG", "Kyrgyzstan", "KGZ"),) if mentions else ()
        store.put(article, Extraction(countries=countries, mentions=mentions))
        articles.append(article)
    return articles


def newest_first(articles: list[Article]) -> list[Article]:
    """The documented order, computed independently: newest first, undated last, then id."""
    dated = sorted((a for a in articles if a.published_at), key=lambda a: a.id)
    dated.sort(key=lambda a: a.published_at.timestamp() if a.published_at else 0, reverse=True)
    return dated + sorted((a for a in articles if a.published_at is None), key=lambda a: a.id)


@pytest.mark.parametrize("size", [1, 4, 17, 50])
def test_articles_page_through_in_order(store: Store, records: RecordFactory, size: int) -> None:
    articles = corpus(store, records)
    walked = every_page(lambda after: store.list_articles(None, first=size, after=after))
    assert walked == newest_first(articles)
    assert store.list_articles(None, first=size, after=None).total == 17


@pytest.mark.parametrize(
    "filter, keep",
    [
        (ArticleFilter(sources=("Interfax",)), lambda a: a.source == "Interfax"),
        (ArticleFilter(countries=("KG",)), lambda a: int(a.id[-2:]) % 3 == 0),
        (ArticleFilter(from_date=date(2022, 9, 12), to_date=date(2022, 9, 14)),
         lambda a: a.published_at is not None
         and date(2022, 9, 12) <= a.published_at.date() <= date(2022, 9, 14)),
        (ArticleFilter(sources=("AKIpress",), countries=("KG",)),
         lambda a: a.source == "AKIpress" and int(a.id[-2:]) % 3 == 0),
    ],
)
def test_article_filters_keep_totals_and_cursors(
    store: Store, records: RecordFactory, filter: ArticleFilter, keep: Callable[[Article], bool]
) -> None:
    expected = newest_first([a for a in corpus(store, records) if keep(a)])
    assert expected, "the filter should keep something"
    walked = every_page(lambda after: store.list_articles(filter, first=2, after=after))
    assert walked == expected
    assert store.list_articles(filter, first=2, after=None).total == len(expected)


def test_a_cursor_stays_put_when_rows_are_added_before_it(
    store: Store, records: RecordFactory
) -> None:
    corpus(store, records)
    first = store.list_articles(None, first=3, after=None)
    store.put(records.article("art-new", published=at("2023-01-01")), Extraction())
    second = store.list_articles(None, first=3, after=first.edges[-1].cursor)
    seen = [e.node.id for e in first.edges]
    assert not {e.node.id for e in second.edges} & set(seen)
    assert second.total == 18


def test_foreign_and_malformed_cursors_are_refused(store: Store, records: RecordFactory) -> None:
    corpus(store, records)
    cursor = store.list_articles(ArticleFilter(sources=("Interfax",)), first=2, after=None).edges[0].cursor
    with pytest.raises(BadCursor):
        store.list_articles(None, first=2, after=cursor)  # another filter, another list
    with pytest.raises(BadCursor):
        store.list_countries(first=2, after=cursor)
    for junk in ("", "not a cursor", "bm9wZQ", "W10", cursor[:-3]):
        with pytest.raises(BadCursor):
            store.list_articles(None, first=2, after=junk)


def test_page_sizes(store: Store, records: RecordFactory) -> None:
    corpus(store, records)
    empty = store.list_articles(None, first=0, after=None)
    assert (empty.edges, empty.total, empty.has_next) == ((), 17, True)
    with pytest.raises(BadInput):
        store.list_articles(None, first=-1, after=None)


def test_people_by_name_and_fuzzy_search(store: Store, records: RecordFactory) -> None:
    names = ["Marat Imankulov", "Sadyr Japarov", "Emomali Rahmon", "Marat Imanaliev",
             "Jeenbek Kulubaev"]
    for n, name in enumerate(names):
        person = records.person(f"p{n}", name, country="KG" if n != 2 else "TJ")
        store.put(records.article(f"a{n}"), Extraction(people=(person,)))
    by_name = every_page(lambda after: store.list_people(None, None, first=2, after=after))
    assert [p.name for p in by_name] == sorted(names, key=str.casefold)

    found = store.list_people("imankulv", None, first=10, after=None)
    assert found.edges[0].node.name == "Marat Imankulov"
    assert all(edge.score is not None for edge in found.edges)
    scores = [edge.score or 0.0 for edge in found.edges]
    assert scores == sorted(scores, reverse=True)
    assert "Emomali Rahmon" not in [e.node.name for e in found.edges]
    walked = every_page(lambda after: store.list_people("marat", None, first=1, after=after))
    assert walked == [e.node for e in store.list_people("marat", None, first=10, after=None).edges]
    assert len(walked) >= 2

    tajik = store.list_people(None, PersonFilter(country="TJ"), first=10, after=None)
    assert [e.node.name for e in tajik.edges] == ["Emomali Rahmon"] and tajik.total == 1


def test_equal_scores_are_ordered_by_id(store: Store, records: RecordFactory) -> None:
    for person_id in ("p3", "p1", "p2"):
        store.put(records.article(f"a-{person_id}"),
                  Extraction(people=(records.person(person_id, "Marat Imankulov"),)))
    walked = every_page(lambda after: store.list_people("Imankulov", None, first=1, after=after))
    assert [p.id for p in walked] == ["p1", "p2", "p3"]


def test_organizations_fuzzy_by_acronym(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    found = store.list_organizations("CSTO", first=5, after=None)
    assert found.edges[0].node.id == "csto"
    listed = store.list_organizations(None, first=5, after=None)
    assert [e.node.id for e in listed.edges] == ["csto", "kg-security-council"]


def test_countries_by_name(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    assert [c.name for c in every_page(lambda after: store.list_countries(first=1, after=after))] == [
        "Kyrgyzstan", "Tajikistan"]


def test_statement_filters(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    csto = EntityRef(kind=EntityKind.ORGANIZATION, id="csto")
    later = records.article("c", published=at("2022-10-01"))
    store.put(later, Extraction(
        organizations=(records.organization("csto", "Collective Security Treaty Organization",
                                            acronym="CSTO"),),
        statements=(records.statement("c-s1", "c", "Members act together", speaker=csto,
                                      said_on=date(2022, 10, 1)),
                    records.statement("c-s2", "c", "Someone said", start=50)),
    ))
    def ids(filter: StatementFilter | None) -> list[str]:
        return [s.id for s in every_page(
            lambda after: store.list_statements(filter, first=1, after=after))]

    assert ids(None) == ["c-s1", "a-s1", "c-s2"]  # newest first, undated last
    assert ids(StatementFilter(speaker=IMANKULOV.id)) == ["a-s1"]
    assert ids(StatementFilter(country="KG")) == ["a-s1"]
    assert ids(StatementFilter(organization="csto")) == ["c-s1"]
    assert ids(StatementFilter(organization="kg-security-council")) == ["a-s1"]  # via his role
    assert ids(StatementFilter(from_date=date(2022, 9, 30))) == ["c-s1"]
    assert store.statement_speakers(StatementFilter(country="KG")) == {f"person:{IMANKULOV.id}"}
    assert store.statement_speakers(StatementFilter(from_date=date(2022, 1, 1))) is None


def test_incident_filters_and_search(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    store.put(*second_report(records))
    summit = records.article("s", published=at("2022-10-14"))
    store.put(summit, Extraction(incidents=(records.incident(
        "summit", "s", "CIS summit in Astana", kind=IncidentKind.SUMMIT, start=date(2022, 10, 14),
        countries=("KZ",), places=("Astana",)),)))

    def ids(search: str | None, filter: IncidentFilter | None = None) -> list[str]:
        return [i.id for i in every_page(
            lambda after: store.list_incidents(search, filter, first=1, after=after))]

    assert ids(None) == ["summit", "clash"]
    assert ids("tajikistan") == ["clash"]  # a country's name
    assert ids("batken") == ["clash"]  # a place
    assert ids("armed clash") == ["clash"]  # its kind
    assert ids("summit") == ["summit"]
    assert ids("kazakhstan") == ["summit"]  # name found with pycountry: KZ was never stored
    assert ids("paris") == []
    assert ids(None, IncidentFilter(country="TJ")) == ["clash"]
    # The clash ran 14-17 September: a range touching any day of it keeps it.
    assert ids(None, IncidentFilter(from_date=date(2022, 9, 16), to_date=date(2022, 9, 20))) == [
        "clash"]
    assert ids(None, IncidentFilter(from_date=date(2022, 9, 18), to_date=date(2022, 10, 1))) == []
