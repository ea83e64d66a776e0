"""Worker processes of a bulk ingest: how many, and how they start and end.

Workers are forked (they share the loaded modules and gazetteers) and end with
the process they work for, however that ends.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor

#: How often a worker checks that the process it works for is still alive.
_PARENT_POLL_SECONDS = 0.5


def default_workers() -> int:
    """Processes to analyze articles in: one per core this process may use; none on one core.

    They run at a lower priority (see ``start_pool``), so the ingesting and
    indexing processes get the CPU they need first; on a single core they would
    only add the cost of sending articles to and fro.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


def start_worker(parent: int, niceness: int = 0) -> None:
    """Worker start-up: leave Ctrl-C to the parent, end when the parent is gone, take a priority.

    A parent killed outright (SIGKILL, OOM) cannot shut its pool down; a worker
    left behind would keep the parent's inherited stdout open, and whoever reads
    it would wait forever.

    ``niceness`` is added to the worker's (see :func:`start_pool`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if niceness:
        os.nice(niceness)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def start_pool(workers: int, *, niceness: int = 0) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that end with this one.

    ``niceness`` above 0 lowers their priority: when they compete for a core with
    processes of normal priority, Linux gives them a smaller share (at 10, about a
    tenth). For work done ahead, which must not slow a stage every article waits for.
    """
    # fork shares the loaded modules with the workers; elsewhere the default method works too.
    # Objects alive now (modules, tables, caches) are set aside from garbage collection, as
    # Python's gc docs advise before a fork: collections stop walking them in this process
    # and the workers, and the workers' copies of their pages stay shared. Garbage goes first.
    gc.collect()
    gc.freeze()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=start_worker,
        initargs=(os.getpid(), niceness),
    )
