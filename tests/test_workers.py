"""Worker processes of a bulk ingest: started at the priority asked for."""

from __future__ import annotations

import gc
import os

from search_index.workers import start_pool


def _niceness() -> int:
    return os.nice(0)


def test_workers_run_at_the_niceness_asked_for() -> None:
    ours = os.nice(0)
    for asked in (0, 3):
        pool = start_pool(1, niceness=asked)
        try:
            assert pool.submit(_niceness).result(timeout=30) == min(ours + asked, 19)
        finally:
            pool.shutdown(wait=True)
    assert os.nice(0) == ours  # this process keeps its own


def test_starting_a_pool_sets_what_is_alive_aside_from_garbage_collection() -> None:
    gc.unfreeze()
    kept = [[n] for n in range(10)]  # lists: objects the collector tracks
    pool = start_pool(1)
    try:
        collected = {id(obj) for generation in range(3) for obj in gc.get_objects(generation)}
        assert gc.get_freeze_count() >= len(kept)
        assert not any(id(obj) in collected for obj in kept)
    finally:
        pool.shutdown(wait=True)
        gc.unfreeze()
