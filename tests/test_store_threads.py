"""Reads from many threads while one thread writes: each thread its own connection."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from search_index.models import EntityKind, Extraction
from search_index.store import Store
from tests.conftest import RecordFactory, at


def test_readers_in_threads_see_whole_articles_while_a_writer_writes(
    store: Store, records: RecordFactory
) -> None:
    done = threading.Event()

    def write() -> int:
        for n in range(60):
            article = records.article(f"w{n:02d}", published=at("2022-09-22"))
            person = records.person("p", "Marat Imankulov", f"Alias {n}")
            store.put(article, Extraction(
                people=(person,), mentions=(records.mention(article.id, EntityKind.PERSON, "p"),)))
        done.set()
        return 60

    def read() -> int:
        pages = 0
        while not done.is_set():
            page = store.list_articles(None, first=100, after=None)
            # One snapshot: the count and the rows agree, every article has its mention.
            assert page.total == len(page.edges)
            ids = [edge.node.id for edge in page.edges]
            assert all(len(found) == 1 for found in store.mentions_in_articles(ids))
            pages += 1
        return pages

    with ThreadPoolExecutor(max_workers=5) as pool:
        readers = [pool.submit(read) for _ in range(4)]
        writer = pool.submit(write)
        assert writer.result() == 60
        assert all(reader.result() >= 1 for reader in readers)
    person = store.people(["p"])[0]
    assert person is not None and len(person.aliases) == 60
    assert store.problems() == []
