"""Ingest: draft -> article -> extraction -> store (the truth) -> full-text index (derived).

The store commits each article on its own, before the index hears of it, so
an article reported ingested survives a crash; an index left behind by one is
repaired when the data dir is next opened (see ``NewsIndex.open``).
"""

from __future__ import annotations

import threading
from collections.abc import Generator, Iterable

from search_index.corpus import to_article
from search_index.errors import BadInput
from search_index.extract import extract
from search_index.fulltext import FullText
from search_index.models import Article, ArticleDraft, Extraction, Record
from search_index.store import IngestOutcome, Store

#: Articles per full-text commit in :meth:`Pipeline.ingest_many` (Whoosh commits are slow).
DEFAULT_BATCH = 200


class IngestResult(Record):
    """The stored article and what ingesting it did."""

    article: Article
    outcome: IngestOutcome


class Pipeline:
    """The write path over one store and one full-text index."""

    def __init__(self, store: Store, fulltext: FullText) -> None:
        self._store = store
        self._fulltext = fulltext
        # Extraction resolves names against what is stored, then writes: two
        # articles ingested at once could each create the same new person.
        # One ingest at a time per process keeps "read graph, then write" whole.
        self._ingest_lock = threading.RLock()

    def ingest(self, draft: ArticleDraft) -> IngestResult:
        """Extract, store and index one article; the same article twice is stored once."""
        with self._ingest_lock:
            result, item = self._store_one(draft)
            if item is not None:
                self._fulltext.put([item])
        return result

    def ingest_many(
        self, drafts: Iterable[ArticleDraft], *, batch: int = DEFAULT_BATCH
    ) -> Generator[IngestResult, None, None]:
        """Ingest each draft in turn, yielding each result once the store has committed it.

        The index is committed every ``batch`` changed articles and at the end,
        also when the caller stops early.
        """
        if batch < 1:
            raise BadInput("batch must be at least 1")
        pending: list[tuple[Article, Extraction]] = []
        try:
            for draft in drafts:
                result, item = self._store_one(draft)
                if item is not None:
                    pending.append(item)
                if len(pending) >= batch:
                    self._fulltext.put(pending)
                    pending = []
                yield result
        finally:
            if pending:
                self._fulltext.put(pending)

    def delete(self, article_id: str) -> bool:
        """Delete an article from the store, then from the index; False when there was none."""
        deleted = self._store.delete(article_id)
        if deleted:
            self._fulltext.delete([article_id])
        return deleted

    def _store_one(
        self, draft: ArticleDraft
    ) -> tuple[IngestResult, tuple[Article, Extraction] | None]:
        article = to_article(draft)
        with self._ingest_lock:
            if self._store.stored_hash(article.id) == article.content_hash:
                # Unchanged: no extraction, no write, nothing for the index.
                return IngestResult(article=article, outcome=IngestOutcome.UNCHANGED), None
            extraction = extract(article, self._store)
            outcome = self._store.put(article, extraction)
        if outcome is IngestOutcome.UNCHANGED:  # another thread stored it meanwhile
            return IngestResult(article=article, outcome=outcome), None
        return IngestResult(article=article, outcome=outcome), (article, extraction)
