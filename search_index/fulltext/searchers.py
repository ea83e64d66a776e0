"""Long-lived Whoosh searchers, shared safely between threads and other processes' commits.

A Whoosh searcher keeps file positions in its readers, so two threads must not
use one at the same time. The pool lends each read a searcher of its own:
with one read at a time that is always the same long-lived searcher; with N
concurrent reads, N searchers (all reading the same memory-mapped files).

Every commit (of this process or another) writes a new table of contents and
deletes the files no longer listed: older tables, and segments merged away.
A searcher that is open keeps reading its files (they are memory-mapped, and
a deleted file lives on while mapped), but *opening* one races the commit
between listing the newest table and opening it or its segments. So:

- a stale searcher is replaced by one opened from scratch, never by Whoosh's
  ``Searcher.refresh()``: when that hits a vanished file its retry closes the
  readers it meant to reuse and then reuses (or closes again) the closed ones,
  leaving a searcher that fails with ReaderClosed;
- a read that still meets a vanished file or a closed reader drops that
  searcher and runs again, a few times, on a fresh one: reads have no effects.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from whoosh.reading import ReaderClosed

T = TypeVar("T")

#: How many times a read or an open is tried while commits replace the files under it.
ATTEMPTS: Final = 5
#: What a read or an open raises when a commit deleted the files it was opening.
VANISHED: Final = (OSError, ReaderClosed)


def retrying(action: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """``action()``, tried again (up to ``attempts`` in all) while it meets vanished files."""
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except VANISHED:
            # The next try lists the directory again and finds the newer commit.
            if attempt == attempts:
                raise
    raise ValueError(f"attempts must be at least 1, not {attempts}")


@dataclass(frozen=True)
class _Pooled:
    """A searcher and the generation it was opened at (it reads that one or a newer one)."""

    searcher: Any
    generation: int


class SearcherPool:
    """Searchers of one Whoosh index, lent one read at a time."""

    def __init__(self, index: Any) -> None:
        self._index = index
        self._lock = threading.Lock()
        self._idle: list[_Pooled] = []
        self._closed = False

    def run(self, read: Callable[[Any], T]) -> T:
        """``read(searcher)`` with a searcher of the latest commit, for this thread alone.

        ``read`` must only read: it is run again on a fresh searcher when a
        concurrent commit deleted files under it (up to ATTEMPTS in all).
        """
        return retrying(lambda: self._run_once(read))

    def refresh(self) -> None:
        """After a commit: close idle searchers of older commits; one of the newest replaces them.

        Lent searchers are replaced when next lent. Opening here only spares the
        next read the wait, so an open that races yet another commit is left to it.
        """
        with self._lock:
            idle, self._idle = self._idle, []
        latest = self._index.latest_generation()
        current = [pooled for pooled in idle if pooled.generation == latest]
        stale = [pooled for pooled in idle if pooled.generation != latest]
        for pooled in stale:
            _close(pooled)
        if stale and not current:
            with suppress(*VANISHED):
                current.append(self._open())
        for pooled in current:
            self._give_back(pooled)

    def close(self) -> None:
        """Close idle searchers now, and lent ones as they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for pooled in idle:
            _close(pooled)

    def _run_once(self, read: Callable[[Any], T]) -> T:
        pooled = self._take()
        try:
            result = read(pooled.searcher)
        except VANISHED:
            # Its readers may be half open or closed: never lend it again.
            _close(pooled)
            raise
        except BaseException:
            self._give_back(pooled)
            raise
        self._give_back(pooled)
        return result

    def _take(self) -> _Pooled:
        """An idle searcher if it reads the newest commit, else a newly opened one."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the full-text index is closed")
            pooled = self._idle.pop() if self._idle else None
        if pooled is not None:
            if pooled.generation == self._index.latest_generation():
                return pooled
            _close(pooled)
        return self._open()

    def _open(self) -> _Pooled:
        # The generation is read first: the searcher reads it or a newer one, so a
        # match with the latest generation later proves the searcher current.
        generation: int = self._index.latest_generation()
        return _Pooled(self._index.searcher(), generation)

    def _give_back(self, pooled: _Pooled) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(pooled)
                return
        _close(pooled)


def _close(pooled: _Pooled) -> None:
    """Close a searcher no one uses; one broken by a vanished file may be half closed already."""
    with suppress(*VANISHED):
        pooled.searcher.close()
