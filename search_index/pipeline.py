"""Ingest: draft -> article -> extraction -> store (the truth) -> full-text index (derived).

The store commits each article on its own, before the index hears of it, so
an article reported ingested survives a crash; an index left behind by one is
repaired when the data dir is next opened (see ``NewsIndex.open``).

A bulk ingest analyzes articles ahead in worker processes (the text alone, see
:func:`~search_index.extract.analyze`) while this process merges each with the
graph and stores it, in input order: merging reads what the articles before it
just stored, so only the pure part may run ahead. Full-text commits go to a
process of their own (:mod:`~search_index.indexer`), one batch behind.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from search_index.corpus import to_article
from search_index.errors import BadInput
from search_index.extract import analyze, merge_with_graph
from search_index.fulltext import FullText
from search_index.fulltext.schema import ArticleDocuments, documents_of
from search_index.indexer import BackgroundIndexer
from search_index.models import Article, ArticleDraft, Extraction, Record
from search_index.store import IngestOutcome, Store
from search_index.workers import default_workers, start_pool

#: Articles per full-text commit in :meth:`Pipeline.ingest_many`. Whoosh commits
#: are slow and each merges segments again: on 1,200 real articles, 600 a commit
#: cost ~15% less index time than 200. Memory holds one batch of records.
DEFAULT_BATCH = 500
#: Fewer drafts than this are ingested in this process alone: starting a pool costs more.
POOL_MIN_DRAFTS = 20
#: Articles analyzed ahead per worker: enough to keep it busy through an index commit,
#: few enough that memory stays flat however long the input.
LOOKAHEAD_PER_WORKER = 32
#: How much lower than ours the analysis workers' priority is. Storing (here) and
#: indexing (its own process) take each article in turn; analysis runs ahead of
#: them. Given equal shares of the cores, the indexing process got less CPU than
#: it needed and held every stage up; a lower priority gives the serial stages
#: what they need and analysis the rest.
ANALYSIS_NICENESS = 10


class IngestResult(Record):
    """The stored article and what ingesting it did."""

    article: Article
    outcome: IngestOutcome


@dataclass(slots=True)
class _Ahead:
    """A draft read ahead: its article (or why it has none) and, maybe, its analysis under way."""

    draft: ArticleDraft
    article: Article | None = None
    error: Exception | None = None
    analysis: Future[Extraction] | None = None

    def article_or_raise(self) -> Article:
        """The article; or, now that it is this draft's turn, the error reading it."""
        if self.article is None:
            assert self.error is not None
            raise self.error
        return self.article

    def local_facts(self, article: Article) -> Extraction:
        """What the worker found; found here when it did not run or its pool broke."""
        if self.analysis is not None:
            try:
                return self.analysis.result()
            except BrokenProcessPool:  # a worker died (killed, out of memory): do it here
                pass
        return analyze(article)


class _Feed:
    """Drafts in input order, read a bounded distance ahead, analyzed ahead when a pool runs.

    A draft's turn comes in input order; errors reading it wait for that turn.
    The pool starts only once ``POOL_MIN_DRAFTS`` drafts are waiting.
    """

    def __init__(
        self,
        carried: Iterable[ArticleDraft],
        source: Iterator[ArticleDraft],
        workers: int,
        changed: Callable[[Article], bool],
    ) -> None:
        self._carried = deque(carried)
        self._source = source
        self._workers = workers
        self._changed = changed
        self._ahead: deque[_Ahead] = deque()
        self._pool: ProcessPoolExecutor | None = None
        self._depth = POOL_MIN_DRAFTS if workers > 0 else 1

    def next(self) -> _Ahead | None:
        """The next draft in input order; None after the last."""
        self._top_up()
        return self._ahead.popleft() if self._ahead else None

    def unreached(self) -> list[ArticleDraft]:
        """Drafts read from the source but not yet handed out, in order."""
        return [item.draft for item in self._ahead] + list(self._carried)

    def close(self) -> None:
        """Stop the pool, dropping analyses not yet started."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _top_up(self) -> None:
        while len(self._ahead) < self._depth:
            draft = self._pull()
            if draft is None:
                break
            self._ahead.append(self._read(draft))
        if self._pool is None and self._workers > 0 and len(self._ahead) >= POOL_MIN_DRAFTS:
            self._pool = start_pool(self._workers, niceness=ANALYSIS_NICENESS)
            self._depth = self._workers * LOOKAHEAD_PER_WORKER
            for item in self._ahead:
                self._submit(item)

    def _pull(self) -> ArticleDraft | None:
        if self._carried:
            return self._carried.popleft()
        return next(self._source, None)

    def _read(self, draft: ArticleDraft) -> _Ahead:
        try:
            item = _Ahead(draft, article=to_article(draft))
        except Exception as error:  # noqa: BLE001 - raised at the draft's turn, as without look-ahead
            return _Ahead(draft, error=error)
        self._submit(item)
        return item

    def _submit(self, item: _Ahead) -> None:
        # An article already stored as it is will not be extracted at its turn either.
        if self._pool is None or item.article is None or not self._changed(item.article):
            return
        try:
            item.analysis = self._pool.submit(analyze, item.article)
        except BrokenProcessPool:  # analyze the rest here
            self.close()
            self._workers = 0


class Pipeline:
    """The write path over one store and one full-text index."""

    def __init__(self, store: Store, fulltext: FullText, *, workers: int | None = None) -> None:
        """``workers``: processes :meth:`ingest_many` analyzes ahead in (default: one per core).

        With 0, a bulk ingest also commits the index in this process instead of its own.
        """
        self._store = store
        self._fulltext = fulltext
        self._workers = default_workers() if workers is None else workers
        # Extraction resolves names against what is stored, then writes: two
        # articles ingested at once could each create the same new person.
        # One ingest at a time per process keeps "read graph, then write" whole.
        self._ingest_lock = threading.RLock()
        # Drafts a stopped ingest_many had read ahead from this iterator but not reached.
        self._carried: tuple[Iterator[ArticleDraft], list[ArticleDraft]] | None = None

    def ingest(self, draft: ArticleDraft) -> IngestResult:
        """Extract, store and index one article; the same article twice is stored once."""
        with self._ingest_lock:
            result, item = self._store_one(to_article(draft), analyze)
            if item is not None:
                self._fulltext.put([item])
        return result

    def ingest_many(
        self, drafts: Iterable[ArticleDraft], *, batch: int = DEFAULT_BATCH
    ) -> Generator[IngestResult, None, None]:
        """Ingest each draft in turn, yielding each result once the store has committed it.

        The index is committed every ``batch`` changed articles and at the end,
        also when the caller stops early. A draft that fails raises at its turn,
        ending the run; drafts read ahead of it are not lost: the next
        ``ingest_many`` over the same iterator starts with them.
        """
        if batch < 1:
            raise BadInput("batch must be at least 1")
        source = iter(drafts)
        feed = _Feed(self._take_carried(source), source, self._workers, self._changed)
        indexer = BackgroundIndexer(self._fulltext) if self._workers > 0 else None
        pending: list[ArticleDocuments] = []
        try:
            while (ahead := feed.next()) is not None:
                result, item = self._store_one(ahead.article_or_raise(), ahead.local_facts)
                if item is not None:
                    pending.append(documents_of(*item))
                if len(pending) >= batch:
                    self._commit(pending, indexer)
                    pending = []
                yield result
        finally:
            unreached = feed.unreached()
            self._carried = (source, unreached) if unreached else None
            try:
                feed.close()
            finally:
                try:
                    if pending:
                        self._commit(pending, indexer)
                finally:
                    if indexer is not None:
                        indexer.close()

    def _commit(self, batch: list[ArticleDocuments], indexer: BackgroundIndexer | None) -> None:
        """One full-text commit: in the indexer's process when the batch is worth sending there."""
        if indexer is not None and len(batch) >= POOL_MIN_DRAFTS:
            indexer.put(batch)
            return
        if indexer is not None:
            indexer.wait()  # the batch before goes in first
        self._fulltext.put_documents(batch)

    def delete(self, article_id: str) -> bool:
        """Delete an article from the store, then from the index; False when there was none."""
        deleted = self._store.delete(article_id)
        if deleted:
            self._fulltext.delete([article_id])
        return deleted

    def _take_carried(self, source: Iterator[ArticleDraft]) -> list[ArticleDraft]:
        carried, self._carried = self._carried, None
        return carried[1] if carried is not None and carried[0] is source else []

    def _changed(self, article: Article) -> bool:
        return self._store.stored_hash(article.id) != article.content_hash

    def _store_one(
        self, article: Article, local_facts: Callable[[Article], Extraction]
    ) -> tuple[IngestResult, tuple[Article, Extraction] | None]:
        with self._ingest_lock:
            if not self._changed(article):
                # Unchanged: no extraction, no write, nothing for the index.
                return IngestResult(article=article, outcome=IngestOutcome.UNCHANGED), None
            extraction = merge_with_graph(article, local_facts(article), self._store)
            outcome = self._store.put(article, extraction)
        if outcome is IngestOutcome.UNCHANGED:  # another thread stored it meanwhile
            return IngestResult(article=article, outcome=outcome), None
        return IngestResult(article=article, outcome=outcome), (article, extraction)
