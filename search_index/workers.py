"""Worker processes of a bulk ingest: how many, and how they start and end.

Workers are forked (they share the loaded modules and gazetteers) and end with
the process they work for, however that ends.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor

#: How often a worker checks that the process it works for is still alive.
_PARENT_POLL_SECONDS = 0.5


def default_workers() -> int:
    """Processes to analyze articles in: every core this process may use but the one it runs on."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, cores - 1)


def exit_with_parent(parent: int) -> None:
    """Worker start-up: leave Ctrl-C to the parent, and end when the parent is gone.

    A parent killed outright (SIGKILL, OOM) cannot shut its pool down; a worker
    left behind would keep the parent's inherited stdout open, and whoever reads
    it would wait forever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that end with this one."""
    # fork shares the loaded modules with the workers; elsewhere the default method works too.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=exit_with_parent,
        initargs=(os.getpid(),),
    )
