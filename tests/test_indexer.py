"""Full-text commits in a worker process: in order, seen by the ingesting process, errors brought back."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from search_index.errors import StoreBusy
from search_index.fulltext import FullText
from search_index.fulltext.schema import documents_of
from search_index.indexer import BackgroundIndexer
from tests.test_fulltext_corpus import Item, to_records


def _item(n: int, body: str) -> Item:
    return Item(f"bg{n}", f"Report {n}", body, None, "Test")


def test_batches_are_committed_in_order_and_seen_here(tmp_path: Path) -> None:
    index = FullText.open(tmp_path)
    indexer = BackgroundIndexer(index)
    try:
        first = [to_records(_item(n, "The levee held.")) for n in range(3)]
        # The second batch has a later version of bg1: it must replace the first's.
        second = [to_records(_item(1, "The levee broke at dawn.")), to_records(_item(3, "Rain."))]
        indexer.put([documents_of(*item) for item in first])
        indexer.put([documents_of(*item) for item in second])
        indexer.close()
        assert index.fingerprints() == {
            article.id: article.content_hash for article, _ in [first[0], first[2], *second]}
        assert [hit.article_id for hit in index.search("broke").hits] == ["bg1"]
    finally:
        index.close()


def test_what_the_worker_raises_is_raised_here(tmp_path: Path) -> None:
    index = FullText.open(tmp_path, lock_timeout=0.2)
    held = whoosh_index.open_dir(str(tmp_path)).writer()  # another writer holds the lock
    indexer = BackgroundIndexer(index)
    try:
        indexer.put([documents_of(*to_records(_item(1, "The levee held.")))])
        with pytest.raises(StoreBusy):
            indexer.close()
    finally:
        held.cancel()
        index.close()
    reopened = FullText.open(tmp_path)
    try:
        assert reopened.fingerprints() == {}
    finally:
        reopened.close()
