"""A bulk ingest's full-text commits, in a process of their own, while the store goes on.

Whoosh indexing is pure Python and most of a bulk ingest's work after
extraction: done in the ingesting process, it holds up storing the next
articles. Here one worker process holds its own handle on the index and
commits each batch while the ingesting process stores the next one. One batch
is in flight at most, and each is committed after the one before, so a later
version of an article always replaces an earlier one. The store commits first
as ever: a batch lost with a killed worker is put back by the repair on open.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from search_index.fulltext import FullText
from search_index.fulltext.schema import ArticleDocuments
from search_index.workers import start_pool

_Batch = Sequence[ArticleDocuments]

#: The index this worker process commits to, opened once by the first batch.
#: A worker's own state: each process has its own, and only the worker uses it.
_worker_index: FullText | None = None


def _commit(directory: Path, lock_timeout: float, batch: _Batch) -> None:
    """In the worker: put ``batch`` into the index in ``directory``, in one commit."""
    global _worker_index  # a worker process's own, see above
    if _worker_index is None:
        _worker_index = FullText.open(directory, lock_timeout=lock_timeout)
    _worker_index.put_documents(batch)


class BackgroundIndexer:
    """Commits batches to ``fulltext``'s index in a worker process, in the order given."""

    def __init__(self, fulltext: FullText) -> None:
        self._fulltext = fulltext
        self._pool: ProcessPoolExecutor | None = None
        self._in_flight: tuple[Future[None], _Batch] | None = None

    def put(self, batch: _Batch) -> None:
        """Commit ``batch`` after the batch before; returns once that one is committed.

        Documents, not records, cross to the worker: plain values pickle in a
        fiftieth of the time pydantic records take.
        """
        self.wait()
        if self._pool is None:
            self._pool = start_pool(1)
        try:
            future = self._pool.submit(
                _commit, self._fulltext.directory, self._fulltext.lock_timeout, list(batch)
            )
        except BrokenProcessPool:  # the worker died between batches: commit here, start anew next
            self._pool = None
            self._fulltext.put_documents(batch)
            return
        self._in_flight = (future, batch)

    def wait(self) -> None:
        """Return once every batch given is committed; raise what committing one raised."""
        if self._in_flight is None:
            return
        future, batch = self._in_flight
        self._in_flight = None
        try:
            future.result()
        except BrokenProcessPool:  # the worker died (killed, out of memory): commit here
            self._pool = None
            self._fulltext.put_documents(batch)

    def close(self) -> None:
        """Wait for the last batch, then stop the worker."""
        try:
            self.wait()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None
