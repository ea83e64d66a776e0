"""The write path: draft -> store -> index; idempotence, replacement, batching, deletion."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from search_index.errors import BadInput
from search_index.fulltext import FullText
from search_index.models import ArticleDraft, EntityKind, EntityRef
from search_index.pipeline import POOL_MIN_DRAFTS, IngestResult, Pipeline
from search_index.store import IngestOutcome, Store
from tests.eval.run import load_written


@pytest.fixture
def parts(tmp_path: Path) -> Iterator[tuple[Store, FullText, Pipeline]]:
    """A store, an index and the pipeline over both."""
    store = Store.open(tmp_path / "store.sqlite3")
    fulltext = FullText.open(tmp_path / "index")
    yield store, fulltext, Pipeline(store, fulltext)
    fulltext.close()
    store.close()


def draft(n: int, body: str | None = None) -> ArticleDraft:
    """A draft with a URL (its identity) and a word of its own."""
    return ArticleDraft(
        title=f"Talks in Bishkek, day {n}",
        body=body or f"Delegations met on day {n}; word{n:03d} was discussed.",
        url=f"https://example.org/news/{n}",
        source="Interfax",
        published_at=datetime(2022, 9, 1 + n, 12, tzinfo=UTC),
    )


def test_the_same_article_twice_is_stored_once(parts: tuple[Store, FullText, Pipeline]) -> None:
    store, fulltext, pipeline = parts
    added = pipeline.ingest(draft(1))
    again = pipeline.ingest(draft(1))
    assert (added.outcome, again.outcome) == (IngestOutcome.ADDED, IngestOutcome.UNCHANGED)
    assert added.article == again.article
    assert store.fingerprints() == fulltext.fingerprints() == {
        added.article.id: added.article.content_hash}


def test_a_changed_article_replaces_its_old_version_in_both(
    parts: tuple[Store, FullText, Pipeline],
) -> None:
    store, fulltext, pipeline = parts
    old = pipeline.ingest(draft(1)).article
    new = pipeline.ingest(draft(1, body="A corrected text about quinoa.")).article
    assert new.id == old.id and new.content_hash != old.content_hash
    assert store.articles([new.id]) == [new]
    assert fulltext.fingerprints() == {new.id: new.content_hash}
    assert [hit.article_id for hit in fulltext.search("quinoa").hits] == [new.id]
    assert fulltext.search("word001").hits == ()


def test_ingest_many_commits_the_index_in_batches(
    parts: tuple[Store, FullText, Pipeline],
) -> None:
    store, fulltext, pipeline = parts
    drafts = [draft(n) for n in range(7)]
    seen: list[tuple[int, int]] = []
    for result in pipeline.ingest_many(drafts, batch=3):
        assert result.outcome is IngestOutcome.ADDED
        # Each yielded article is already committed to the store...
        assert store.stored_hash(result.article.id) == result.article.content_hash
        # ...while the index catches up three at a time.
        seen.append((len(store.fingerprints()), len(fulltext.fingerprints())))
    assert seen == [(1, 0), (2, 0), (3, 3), (4, 3), (5, 3), (6, 6), (7, 6)]
    assert len(fulltext.fingerprints()) == 7  # the last, partial batch too


def test_stopping_early_still_commits_what_was_stored(
    parts: tuple[Store, FullText, Pipeline],
) -> None:
    store, fulltext, pipeline = parts
    results = pipeline.ingest_many([draft(n) for n in range(10)], batch=100)
    taken: list[IngestResult] = [next(results), next(results)]
    results.close()
    assert store.fingerprints() == fulltext.fingerprints()
    assert set(fulltext.fingerprints()) == {result.article.id for result in taken}


def test_unchanged_articles_are_not_reindexed(parts: tuple[Store, FullText, Pipeline]) -> None:
    store, fulltext, pipeline = parts
    list(pipeline.ingest_many([draft(n) for n in range(3)]))
    outcomes = [r.outcome for r in pipeline.ingest_many([draft(n) for n in range(4)], batch=2)]
    assert outcomes == [IngestOutcome.UNCHANGED] * 3 + [IngestOutcome.ADDED]
    assert store.fingerprints() == fulltext.fingerprints()


def test_a_batch_must_hold_something(parts: tuple[Store, FullText, Pipeline]) -> None:
    _, _, pipeline = parts
    with pytest.raises(BadInput):
        list(pipeline.ingest_many([draft(1)], batch=0))


def test_delete_removes_from_store_then_index(parts: tuple[Store, FullText, Pipeline]) -> None:
    store, fulltext, pipeline = parts
    kept, gone = (pipeline.ingest(draft(n)).article for n in (1, 2))
    assert pipeline.delete(gone.id) is True
    assert pipeline.delete(gone.id) is False
    assert store.fingerprints() == fulltext.fingerprints() == {kept.id: kept.content_hash}


def _graph(store: Store) -> tuple[tuple[str, str], ...]:
    """Everything the store holds about the articles, in a comparable form."""
    stored = store.extractions(sorted(store.article_ids()))
    return tuple((article.id, extraction.model_dump_json()) for article, extraction in stored)


def test_analysis_in_a_worker_process_builds_the_same_graph(tmp_path: Path) -> None:
    # The written eval articles: people, quotes and incidents that merge across articles,
    # so a merge made out of order would show. Twice over, to pass POOL_MIN_DRAFTS.
    written = list(load_written().drafts)
    drafts = [*written, *(d.model_copy(update={"id": f"{d.id}-again"}) for d in written)]
    assert len(drafts) >= POOL_MIN_DRAFTS
    graphs: list[tuple[tuple[str, str], ...]] = []
    for workers in (0, 1):
        folder = tmp_path / f"workers-{workers}"
        store = Store.open(folder / "store.sqlite3")
        fulltext = FullText.open(folder / "index")
        try:
            results = list(Pipeline(store, fulltext, workers=workers).ingest_many(drafts))
            assert [r.outcome for r in results] == [IngestOutcome.ADDED] * len(drafts)
            assert fulltext.fingerprints() == store.fingerprints()
            graphs.append(_graph(store))
        finally:
            fulltext.close()
            store.close()
    assert graphs[0] == graphs[1]
    assert any('"statements":[{' in extraction for _, extraction in graphs[0])


def test_a_surname_in_a_later_article_is_the_person_named_in_full_before(
    parts: tuple[Store, FullText, Pipeline],
) -> None:
    store, _, pipeline = parts
    full = pipeline.ingest(ArticleDraft(
        title="Canal talks", url="https://example.org/canal", published_at=datetime(2022, 9, 16, tzinfo=UTC),
        body="Uzbek Security Council Secretary Viktor Makhmudov led the Uzbek side at the talks.",
    ))
    later = pipeline.ingest(ArticleDraft(
        title="Joint patrols", url="https://example.org/patrols",
        published_at=datetime(2022, 9, 18, tzinfo=UTC),
        body="Uzbekistan and Kyrgyzstan will start joint patrols on their border in October, "
             "Makhmudov, the secretary of Uzbekistan's Security Council, told Interfax.",
    ))
    people = store.list_people(None, None, first=10, after=None).edges
    assert [(edge.node.id, edge.node.name) for edge in people] == [
        ("viktor-makhmudov", "Viktor Makhmudov")]  # one person, and the fuller name kept
    ref = EntityRef(kind=EntityKind.PERSON, id="viktor-makhmudov")
    articles = store.articles_of(ref, first=10, after=None).edges
    assert {edge.node.id for edge in articles} == {full.article.id, later.article.id}
