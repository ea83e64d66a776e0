"""NewsIndex: opening, repair after a crash between the two writes, reindex, search, lookups."""

from __future__ import annotations

import multiprocessing

import pytest
from pydantic import ValidationError

from search_index import NewsIndex
from search_index.corpus import read_paths
from search_index.errors import BadCursor, BadInput
from search_index.fulltext import FullText
from search_index.models import (
    ArticleDraft,
    ArticleFilter,
    Edge,
    EntityKind,
    EntityRef,
    Extraction,
    Statement,
    StatementFilter,
)
from search_index.pipeline import POOL_MIN_DRAFTS
from search_index.settings import Settings
from search_index.store import IngestOutcome, Store
from tests.conftest import SEED_ARTICLES, RecordFactory, at
from tests.test_store_writes import IMANKULOV, first_report, second_report


def seed_store(settings: Settings, records: RecordFactory) -> None:
    """Write the two reports to the store alone, as if the process died before indexing."""
    store = Store.open(settings.store_path)
    try:
        store.put(*first_report(records))
        store.put(*second_report(records))
    finally:
        store.close()


def test_open_creates_the_data_dir_and_reports_its_state(settings: Settings) -> None:
    with NewsIndex.open(settings) as index:
        assert settings.store_path.exists() and settings.index_dir.exists()
        assert index.is_ready() and index.is_empty()
    assert not index.is_ready()


def test_the_seed_articles_are_ingested_once(news_index: NewsIndex) -> None:
    page = news_index.list_articles(first=10)
    assert page.total >= 2
    assert not news_index.is_empty()
    for outcome in read_paths([SEED_ARTICLES]):
        assert outcome.draft is not None
        assert news_index.ingest(outcome.draft).outcome is IngestOutcome.UNCHANGED
    assert news_index.list_articles(first=10).total == page.total


def test_open_repairs_an_index_behind_ahead_or_stale(
    settings: Settings, records: RecordFactory
) -> None:
    seed_store(settings, records)
    # An article the index holds but the store does not (deleted from the store, then a crash).
    fulltext = FullText.open(settings.index_dir)
    try:
        stale = records.article("a", body="An outdated version about quinoa.")
        fulltext.put([(records.article("ghost"), Extraction()), (stale, Extraction())])
    finally:
        fulltext.close()
    with NewsIndex.open(settings) as index:
        found = {hit.article_id for hit in index.search("body").hits}
        assert "ghost" not in found and {"a", "b"} <= found
        assert index.search("quinoa").hits == ()  # the stale version was replaced
        assert index.repair() == 0  # already level
    fulltext = FullText.open(settings.index_dir)
    try:
        store = Store.open(settings.store_path)
        try:
            assert fulltext.fingerprints() == store.fingerprints()
        finally:
            store.close()
    finally:
        fulltext.close()


def test_reindex_rebuilds_from_the_store(settings: Settings, records: RecordFactory) -> None:
    seed_store(settings, records)
    with NewsIndex.open(settings) as index:
        assert index.reindex() == 2
        assert {h.article_id for h in index.search("body").hits} == {"a", "b"}


def test_search_facets_carry_entity_names(settings: Settings, records: RecordFactory) -> None:
    seed_store(settings, records)
    with NewsIndex.open(settings) as index:
        results = index.search("body")
        people = {facet.id: facet.value for facet in results.facets.people}
        assert people.get("marat-imankulov") == "Marat Imankulov"
        countries = {facet.id: facet.value for facet in results.facets.countries}
        assert countries.get("KG") == "Kyrgyzstan"
        with pytest.raises(BadInput):
            index.search("body", first=-1)


def test_statement_search_keeps_rank_scores_and_the_speaker_filter(
    settings: Settings, records: RecordFactory
) -> None:
    seed_store(settings, records)
    with NewsIndex.open(settings) as index:
        ranked = index.list_statements("membership interests")
        assert [edge.node.id for edge in ranked.edges] == ["a-s1"]
        assert all(edge.score is not None and edge.score > 0 for edge in ranked.edges)
        kept = index.list_statements("membership", StatementFilter(country="KG"))
        assert [edge.node.id for edge in kept.edges] == ["a-s1"]
        none = index.list_statements("membership", StatementFilter(country="FR"))
        assert (none.edges, none.total) == ((), 0)
        newest = index.list_statements(None, StatementFilter(speaker=IMANKULOV.id))
        assert [edge.node.id for edge in newest.edges] == ["a-s1"]


def test_lookups_and_relations_through_the_facade(
    settings: Settings, records: RecordFactory
) -> None:
    seed_store(settings, records)
    with NewsIndex.open(settings) as index:
        assert index.find_country(code="KGZ") == index.find_country(name="Kyrgyz")
        assert index.find_country(name="Kyrgyz Republic") is not None
        # Not a name any article used, but pycountry knows it is Tajikistan's.
        found = index.find_country(name="Republic of Tajikistan")
        assert found is not None and found.id == "TJ"
        assert index.find_country(name="Atlantis") is None
        assert index.find_country() is None
        person = index.find_person("МАРАТОМ ИМАНКУЛОВЫМ")
        assert person is not None and person.id == "marat-imankulov"
        assert index.find_person("Marat Imankulov") == index.people(["marat-imankulov"])[0]
        organization = index.find_organization("CSTO")
        assert organization is not None and organization.member_ids == ("KG", "TJ")
        [figures] = index.figures_of_incidents(["clash"])
        assert sorted(f.value for f in figures) == [59, 63]


def test_articles_of_an_entity(settings: Settings, records: RecordFactory) -> None:
    seed_store(settings, records)
    with NewsIndex.open(settings) as index:
        of_person = index.articles_of(EntityRef(kind=EntityKind.PERSON, id="marat-imankulov"))
        assert [edge.node.id for edge in of_person.edges] == ["b", "a"]  # newest first
        of_country = index.articles_of(EntityRef(kind=EntityKind.COUNTRY, id="KG"), first=1)
        assert [edge.node.id for edge in of_country.edges] == ["a"] and not of_country.has_next
        with pytest.raises(BadCursor):
            index.list_articles(ArticleFilter(), after=of_person.edges[0].cursor)


def test_delete_through_the_facade(settings: Settings, records: RecordFactory) -> None:
    with NewsIndex.open(settings) as index:
        result = index.ingest(ArticleDraft(title="Quinoa prices", body="Quinoa rose.",
                                           published_at=at("2022-09-22")))
        assert [h.article_id for h in index.search("quinoa").hits] == [result.article.id]
        assert index.delete_article(result.article.id) is True
        assert index.search("quinoa").hits == ()
        assert index.articles([result.article.id]) == [None]
        assert index.delete_article(result.article.id) is False
        assert index.list_incidents(None).total == 0
        assert index.list_statements(None).total == 0
        assert index.list_people(None).total == 0
        assert index.list_organizations(None).total == 0
        assert index.list_countries().total == 0
        assert index.related(result.article.id) == []


def test_ranked_statements_page_through_in_rank_order(
    settings: Settings, records: RecordFactory
) -> None:
    store = Store.open(settings.store_path)
    try:
        for n in range(5):
            article = records.article(f"s{n}", published=at(f"2022-09-{10 + n}"))
            text = "border " * (n + 1) + f"talks round {n}"
            store.put(article, Extraction(statements=(
                records.statement(f"s{n}-q", article.id, text),)))
    finally:
        store.close()
    with NewsIndex.open(settings) as index:
        whole = index.list_statements("border", first=10)
        assert whole.total == 5 and len(whole.edges) == 5
        walked: list[Edge[Statement]] = []
        after: str | None = None
        while True:
            page = index.list_statements("border", first=2, after=after)
            walked.extend(page.edges)
            if not page.has_next:
                break
            after = page.edges[-1].cursor
        assert [e.node.id for e in walked] == [e.node.id for e in whole.edges]
        scores = [e.score or 0.0 for e in walked]
        assert scores == sorted(scores, reverse=True) and scores[-1] > 0
        with pytest.raises(BadCursor):
            index.list_statements("talks", first=2, after=walked[0].cursor)


@pytest.mark.parametrize("workers", [0, 1])
def test_ingest_workers_setting_decides_whether_articles_are_analyzed_in_other_processes(
    settings: Settings, workers: int
) -> None:
    drafts = [
        ArticleDraft(title=f"Border talks, day {n}", body=f"Delegations met in Bishkek on day {n}.",
                     url=f"https://example.org/talks/{n}", source="Interfax")
        for n in range(POOL_MIN_DRAFTS + 5)
    ]
    # Only processes started by this ingest count, not any an earlier test left behind.
    before = {child.pid for child in multiprocessing.active_children()}
    children_seen = 0
    with NewsIndex.open(settings.model_copy(update={"ingest_workers": workers})) as index:
        for result in index.ingest_many(drafts):
            assert result.outcome is IngestOutcome.ADDED
            started = {child.pid for child in multiprocessing.active_children()} - before
            children_seen = max(children_seen, len(started))
        assert index.search("delegations", first=100).total == len(drafts)
    assert (children_seen > 0) == (workers > 0)


def test_ingest_workers_may_not_be_negative(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_INGEST_WORKERS", "-1")
    with pytest.raises(ValidationError):
        Settings()
