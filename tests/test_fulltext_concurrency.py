"""Reads while commits replace the index files under them: threads, a second index, another process.

Every Whoosh commit deletes the files it no longer lists (the previous table
of contents, segments merged away), so a reader opening the index races each
commit of any writer. These tests run many small commits from three writers
at once while other threads search, and check every search saw one whole
commit: nothing raised, and no result mixes up or loses documents.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, Final

import pytest
from whoosh import fields
from whoosh import index as whoosh_index

from search_index.errors import BadSearchQuery
from search_index.fulltext import FullText
from search_index.fulltext.searchers import ATTEMPTS, SearcherPool
from tests.test_fulltext_corpus import Item, Quote, corpus, to_records

#: Commits of each writer; a third of them also delete an article written before.
WRITES: Final = 15
#: Writers wait for each other this long at most: fairness among writers is not tested here.
PATIENT: Final = 120.0
#: Whatever a query below finds, it finds all its hits on one page.
WHOLE: Final = 10_000


def _item(prefix: str, n: int) -> Item:
    return Item(
        f"{prefix}{n}", f"Border talks round {n}", "Border talks went on.", None, "Test",
        quotes=(Quote(f"{prefix}{n}-q", None, "The border talks go on", None),),
    )


def commit_batches(index: FullText, prefix: str) -> None:
    """Commit WRITES one-article batches, a third of them followed by a delete."""
    for n in range(WRITES):
        index.put([to_records(_item(prefix, n))])
        if n % 3 == 2:
            index.delete([f"{prefix}{n - 1}"])


def write_batches(index_dir: str, prefix: str) -> None:
    """:func:`commit_batches` through an index of its own: what another process runs."""
    index = FullText.open(Path(index_dir), lock_timeout=PATIENT)
    try:
        commit_batches(index, prefix)
    finally:
        index.close()


def _written(prefix: str) -> set[str]:
    return {f"{prefix}{n}" for n in range(WRITES)}


def _kept(prefix: str) -> set[str]:
    return _written(prefix) - {f"{prefix}{n - 1}" for n in range(WRITES) if n % 3 == 2}


def _article_ids(index: FullText) -> set[str]:
    results = index.search("border", first=WHOLE)
    assert len(results.hits) == results.total  # one whole commit: the count agrees
    return {hit.article_id for hit in results.hits}


def _statement_ids(index: FullText) -> set[str]:
    page = index.search_statements("border", first=WHOLE)
    assert len(page.edges) == page.total
    return {edge.node for edge in page.edges}


def _collecting(errors: list[BaseException], action: Callable[[], None]) -> threading.Thread:
    """A thread running ``action``; what it raises goes to ``errors`` for the main thread."""

    def run() -> None:
        try:
            action()
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            errors.append(error)

    return threading.Thread(target=run)


def _repeat(step: Callable[[], None], done: threading.Event, rounds: list[int]) -> None:
    """Run ``step`` until ``done`` is set, at least once; record how many rounds ran."""
    count = 0
    while count == 0 or not done.is_set():
        step()
        count += 1
    rounds.append(count)


def test_searches_stay_whole_while_three_writers_commit(tmp_path: Path) -> None:
    # Every writer waits as long as it takes: the three queue for one lock on a busy machine.
    index = FullText.open(tmp_path, lock_timeout=PATIENT)
    index.put([to_records(item) for item in corpus()])
    second = FullText.open(tmp_path, lock_timeout=PATIENT)  # as a second server worker
    try:
        articles_before, statements_before = _article_ids(index), _statement_ids(index)
        prefixes = ("own", "second", "process")
        may_appear = set().union(*(_written(prefix) for prefix in prefixes))

        def search() -> None:
            found = _article_ids(index)
            # Untouched articles never go missing; nothing unknown appears.
            assert articles_before <= found <= articles_before | may_appear
            statements = _statement_ids(index)
            assert statements_before <= statements
            assert statements <= statements_before | {f"{id}-q" for id in may_appear}
            assert set(index.fingerprints()) >= articles_before

        def reopen() -> None:
            # A worker starting up opens the index while the others commit.
            opened = FullText.open(tmp_path)
            try:
                assert _article_ids(opened) >= articles_before
            finally:
                opened.close()

        done = threading.Event()
        errors: list[BaseException] = []
        rounds: list[int] = []
        readers = [
            _collecting(errors, partial(_repeat, step, done, rounds))
            for step in (search, search, search, reopen)
        ]
        writers = [
            _collecting(errors, lambda: commit_batches(index, "own")),
            _collecting(errors, lambda: commit_batches(second, "second")),
        ]
        process = multiprocessing.get_context("spawn").Process(
            target=write_batches, args=(str(tmp_path), "process")
        )
        for reader in readers:
            reader.start()
        process.start()
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        process.join()
        done.set()
        for reader in readers:
            reader.join()

        assert errors == []
        assert process.exitcode == 0
        assert len(rounds) == len(readers) and min(rounds) >= 1
        expected = articles_before | set().union(*(_kept(prefix) for prefix in prefixes))
        assert _article_ids(index) == expected
        assert _article_ids(second) == expected
        written = expected - articles_before
        assert _statement_ids(second) == statements_before | {f"{id}-q" for id in written}
    finally:
        second.close()
        index.close()


# --- the searcher pool ------------------------------------------------------------------------


@pytest.fixture
def whoosh_dir(tmp_path: Path) -> Path:
    """A small Whoosh index of two documents."""
    created = whoosh_index.create_in(str(tmp_path), fields.Schema(id=fields.ID(stored=True)))
    with created.writer() as writer:
        writer.add_document(id="one")
        writer.add_document(id="two")
    return tmp_path


@pytest.fixture
def pool(whoosh_dir: Path) -> Iterator[SearcherPool]:
    opened = SearcherPool(whoosh_index.open_dir(str(whoosh_dir)))
    yield opened
    opened.close()


def _ids(searcher: Any) -> set[str]:
    return {fields["id"] for fields in searcher.documents()}


def test_a_searcher_is_kept_until_a_commit_then_replaced(
    pool: SearcherPool, whoosh_dir: Path
) -> None:
    first = pool.run(lambda searcher: searcher)
    assert pool.run(lambda searcher: searcher) is first  # long-lived while nothing changes
    with whoosh_index.open_dir(str(whoosh_dir)).writer() as writer:  # another process, say
        writer.add_document(id="three")
    replacement = pool.run(lambda searcher: searcher)
    assert replacement is not first and first.is_closed
    assert pool.run(_ids) == {"one", "two", "three"}


def test_a_read_that_meets_vanished_files_runs_again_on_a_fresh_searcher(
    pool: SearcherPool,
) -> None:
    used: list[Any] = []

    def read(searcher: Any) -> set[str]:
        used.append(searcher)
        if len(used) == 1:
            raise FileNotFoundError("a commit deleted a segment file")
        return _ids(searcher)

    assert pool.run(read) == {"one", "two"}
    assert len(used) == 2 and used[0] is not used[1]
    assert used[0].is_closed  # dropped, never lent again
    assert pool.run(lambda searcher: searcher) is used[1]


def test_a_read_gives_up_after_a_few_attempts(pool: SearcherPool) -> None:
    used: list[Any] = []

    def read(searcher: Any) -> None:
        used.append(searcher)
        raise FileNotFoundError("a commit deleted a segment file")

    with pytest.raises(FileNotFoundError):
        pool.run(read)
    assert len(used) == ATTEMPTS


def test_other_errors_are_not_retried_and_keep_the_searcher(pool: SearcherPool) -> None:
    used: list[Any] = []

    def read(searcher: Any) -> None:
        used.append(searcher)
        raise BadSearchQuery("not a query")

    with pytest.raises(BadSearchQuery):
        pool.run(read)
    assert len(used) == 1
    assert pool.run(lambda searcher: searcher) is used[0]


def test_a_closed_pool_lends_nothing(pool: SearcherPool) -> None:
    lent = pool.run(lambda searcher: searcher)
    pool.close()
    assert lent.is_closed
    with pytest.raises(RuntimeError):
        pool.run(_ids)
