"""Long-lived Whoosh searchers, shared safely between threads.

A Whoosh searcher keeps file positions in its readers, so two threads must not
use one at the same time. The pool lends each search a searcher of its own:
with one search at a time that is always the same long-lived searcher; with N
concurrent searches, N searchers (all reading the same memory-mapped files).
A searcher is refreshed when lent if the index changed, including by another
process, and every idle searcher is refreshed right after a commit here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: Tries at opening a searcher of the newest commit while other commits go on.
_ATTEMPTS = 5


class SearcherPool:
    """Searchers of one Whoosh index, lent one search at a time."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self._lock = threading.Lock()
        self._idle: list[Any] = []
        self._closed = False

    @contextmanager
    def lease(self) -> Iterator[Any]:
        """A searcher of the latest commit, for this thread alone until the block ends."""
        searcher = self._take()
        try:
            yield searcher
        finally:
            self._give_back(searcher)

    def refresh(self) -> None:
        """Bring idle searchers up to the latest commit (busy ones catch up when next lent)."""
        with self._lock:
            idle, self._idle = self._idle, []
        # Refreshing reads the index: done outside the lock, on searchers no one else holds.
        fresh = [self._fresh(searcher) for searcher in idle]
        for searcher in fresh:
            self._give_back(searcher)

    def close(self) -> None:
        """Close idle searchers now, and lent ones as they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for searcher in idle:
            searcher.close()

    def _take(self) -> Any:
        with self._lock:
            if self._closed:
                raise RuntimeError("the full-text index is closed")
            searcher = self._idle.pop() if self._idle else None
        return self._fresh(searcher)

    def _fresh(self, searcher: Any | None) -> Any:
        """A searcher of the newest commit (``searcher`` refreshed, or a new one)."""
        for attempt in range(_ATTEMPTS):
            try:
                if searcher is None:
                    return self._index.searcher()
                # The same searcher when nothing changed, else a new one that reuses
                # the unchanged segments.
                return searcher.refresh()
            except FileNotFoundError:
                # Between finding the newest table of contents and opening it (or its
                # segments), a commit (of any process) replaced it and deleted the
                # files; the next look finds the newer one.
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def _give_back(self, searcher: Any) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(searcher)
                return
        searcher.close()
