"""A real ingest process killed with SIGKILL loses nothing it reported, and leaves no half article.

The child ingests generated .json articles through the facade and prints each
id once ``ingest_many`` yields it (the store has committed it); the index is
committed only every few articles, so a kill usually lands between the two
writes. Reopening the data dir must repair the index from the store.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from search_index import NewsIndex
from search_index.settings import Settings
from search_index.store import Store

ARTICLES = 40

CHILD = """
import sys
from pathlib import Path
from search_index import NewsIndex
from search_index.corpus import read_paths
from search_index.settings import Settings

settings = Settings(data_dir=Path(sys.argv[1]), bundled_articles=None)
drafts = (outcome.draft for outcome in read_paths([Path(sys.argv[2])]) if outcome.draft)
with NewsIndex.open(settings) as index:
    for result in index.ingest_many(drafts, batch=4):
        print(result.article.id, flush=True)
print("done", flush=True)
"""


def marker(n: int) -> str:
    """A word only article ``n`` contains."""
    return f"zebracrossing{n:03d}"


def write_articles(folder: Path) -> None:
    """Generated articles, each with its own id and its own searchable word."""
    folder.mkdir()
    for n in range(ARTICLES):
        article = {
            "id": f"gen-{n:03d}",
            "title": f"Border talks, round {n}",
            "body": (f"BISHKEK. Delegations met for round {n} of talks ({marker(n)}). "
                     "Kyrgyzstan and Tajikistan discussed the border. " * 20),
            "publishedAt": f"2022-10-{1 + n % 28:02d}T{n % 24:02d}:00:00+06:00",
            "source": "Interfax",
        }
        (folder / f"{n:03d}.json").write_text(json.dumps(article), encoding="utf-8")


def ingest_and_kill(data_dir: Path, source: Path, kill_after: int) -> list[str]:
    """Run the child, SIGKILL it once it has reported ``kill_after`` ids; the ids it reported."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    reported: list[str] = []
    try:
        for line in child.stdout:
            if line.strip() == "done":
                break
            reported.append(line.strip())
            if len(reported) >= kill_after:
                os.kill(child.pid, signal.SIGKILL)
                break
    finally:
        child.wait(timeout=120)
        # Whatever was already in the pipe was reported too.
        reported += [line.strip() for line in child.stdout if line.strip() not in ("", "done")]
        child.stdout.close()
        assert child.stderr is not None
        errors = child.stderr.read()
        child.stderr.close()
    assert child.returncode in (0, -signal.SIGKILL), errors
    return reported


@pytest.mark.parametrize("kill_after", [1, 6, 23])
def test_a_killed_ingest_loses_nothing_it_reported(tmp_path: Path, kill_after: int) -> None:
    source = tmp_path / "articles"
    write_articles(source)
    data_dir = tmp_path / "data"
    reported = ingest_and_kill(data_dir, source, kill_after)
    assert len(reported) >= kill_after

    store = Store.open(data_dir / "newsgraph.sqlite3")
    try:
        assert store.integrity_check() == "ok"
        assert store.problems() == []
        stored = store.fingerprints()
        assert set(reported) <= set(stored)
        # No half-written article: each stored one reads back whole, records included.
        whole = store.extractions(sorted(stored))
        assert [article.id for article, _ in whole] == sorted(stored)
        assert all(article.content_hash == stored[article.id] for article, _ in whole)
    finally:
        store.close()

    with NewsIndex.open(Settings(data_dir=data_dir, bundled_articles=None)) as index:
        for article_id in reported:
            n = int(article_id.removeprefix("gen-"))
            hits = index.search(marker(n)).hits
            assert [hit.article_id for hit in hits] == [article_id]
        assert index.list_articles(first=0).total == len(stored)


def test_ingesting_again_after_a_kill_finishes_the_job(tmp_path: Path) -> None:
    source = tmp_path / "articles"
    write_articles(source)
    data_dir = tmp_path / "data"
    first = ingest_and_kill(data_dir, source, 10)
    second = ingest_and_kill(data_dir, source, ARTICLES + 1)  # runs to the end
    assert set(first) < set(second) and len(second) == ARTICLES
    with NewsIndex.open(Settings(data_dir=data_dir, bundled_articles=None)) as index:
        assert index.list_articles(first=0).total == ARTICLES
        assert [hit.article_id for hit in index.search(marker(ARTICLES - 1)).hits] == [
            f"gen-{ARTICLES - 1:03d}"]
