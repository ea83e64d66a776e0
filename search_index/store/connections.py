"""SQLite connections: one per thread, WAL so readers never wait for the writer.

The API resolves fields from the event loop and from a thread pool at once; a
``sqlite3.Connection`` must not be shared by two threads at the same time, so
each thread gets its own. Writes are serialized in-process by a lock (and
across processes by SQLite's own write lock, waited for up to the busy
timeout).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from search_index.errors import StoreBusy

#: How long a writer waits for another process's write lock, in milliseconds.
BUSY_TIMEOUT_MS = 10_000
#: WAL pages after which a commit copies them back into the database file (SQLite's
#: default is 1,000). An article's commit writes ~120 pages, many of them the same
#: hot pages as the articles before it: a checkpoint copies each page once, so a
#: longer WAL (up to ~40 MB) copies less per article. On 1,500 real articles this
#: cut the CPU of storing them by ~15%.
WAL_AUTOCHECKPOINT_PAGES = 10_000


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (we issue BEGIN ourselves) with our pragmas set."""
    # check_same_thread=False only so close() may close every thread's
    # connection; each one is still used by its own thread alone.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL is durable across process crashes in WAL mode (only an OS crash
    # may lose the last commits), which is the guarantee ingest promises.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    return conn


class Connections:
    """A connection per thread on one database file, and the one writer's lock."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self._write_lock = threading.RLock()
        self._closed = False

    def get(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            with self._guard:
                if self._closed:
                    raise sqlite3.ProgrammingError("the store is closed")
                conn = connect(self._path)
                self._all.append(conn)
            self._local.conn = conn
        return conn

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several queries (a deferred read transaction)."""
        conn = self.get()
        if conn.in_transaction:  # nested in a write or another read: already consistent
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed if the block succeeds, rolled back otherwise."""
        with self._write_lock:
            conn = self.get()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if "locked" not in str(error):
                    raise
                raise StoreBusy("another process is writing to the store") from error
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close every thread's connection; later use raises."""
        with self._guard:
            self._closed = True
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()
