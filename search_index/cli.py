"""The write side's commands: ``ingest``, ``reindex`` and ``search``.

Each takes the settings and the output streams and returns an exit code; the
``newsgraph`` entry point (graphql_api/cli.py) parses arguments and calls them.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from search_index import IngestOutcome, NewsIndex
from search_index.corpus import ReadOutcome, read_paths
from search_index.errors import NewsgraphError
from search_index.models import ArticleDraft
from search_index.settings import Settings

_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def ingest_command(
    settings: Settings, paths: Sequence[Path], out: TextIO, err: TextIO
) -> int:
    """Ingest files and folders; one stderr line per bad file; non-zero when any was skipped."""
    missing = [path for path in paths if not path.exists()]
    for path in missing:
        print(f"newsgraph: skipped {path}: no such file or folder", file=err)
    counts: Counter[str] = Counter()
    current: list[str] = [""]  # where the draft being ingested came from, for error lines

    def drafts() -> Iterator[ArticleDraft]:
        for outcome in _with_progress(read_paths([p for p in paths if p.exists()]), err):
            if outcome.draft is None:
                counts["skipped"] += 1
                print(f"newsgraph: skipped {outcome.where}: {outcome.error}", file=err)
            else:
                current[0] = outcome.where
                yield outcome.draft

    with NewsIndex.open(settings) as index:
        pending = drafts()
        while True:
            # ingest_many batches index commits; a draft it refuses ends that run, and the
            # next run resumes with the following draft of the same iterator.
            try:
                for result in index.ingest_many(pending):
                    counts[result.outcome.value] += 1
                break
            except NewsgraphError as exc:
                counts["skipped"] += 1
                print(f"newsgraph: skipped {current[0]}: {exc}", file=err)
            except Exception as exc:  # noqa: BLE001 - one bad article must not cost the rest
                # The store rolled that article back whole; say so and go on with the others.
                counts["skipped"] += 1
                print(f"newsgraph: skipped {current[0]}: internal error: {type(exc).__name__}: {exc}",
                      file=err)
    skipped = counts["skipped"] + len(missing)
    print(
        f"added {counts[IngestOutcome.ADDED.value]}, updated {counts[IngestOutcome.UPDATED.value]}, "
        f"already present {counts[IngestOutcome.UNCHANGED.value]}, skipped {skipped}",
        file=out,
    )
    return 1 if skipped else 0


def reindex_command(settings: Settings, out: TextIO) -> int:
    """Rebuild the full-text index from the store."""
    with NewsIndex.open(settings) as index:
        count = index.reindex()
    print(f"reindexed {count} articles", file=out)
    return 0


def search_command(settings: Settings, text: str, limit: int, out: TextIO) -> int:
    """Print ranked titles, scores and highlighted snippets."""
    with NewsIndex.open(settings) as index:
        results = index.search(text, first=limit)
        articles = index.articles([hit.article_id for hit in results.hits])
    bold = out.isatty()
    print(f"{results.total} matching articles", file=out)
    for rank, (hit, article) in enumerate(zip(results.hits, articles, strict=True), start=1):
        title = article.title if article else hit.article_id
        print(f"{rank:>3}. {title}  (score {hit.score:.2f}, id {hit.article_id})", file=out)
        for highlight in hit.highlights:
            for fragment in highlight.fragments[:2]:
                print(f"     {_terminal_snippet(fragment, bold)}", file=out)
    if results.did_you_mean:
        print(f"did you mean: {results.did_you_mean}", file=out)
    return 0


def _terminal_snippet(fragment: str, bold: bool) -> str:
    """An HTML highlight fragment as terminal text: marks as bold (or [brackets] when piped)."""
    marked = _MARK.sub(
        (lambda m: f"\033[1m{m.group(1)}\033[0m") if bold else (lambda m: f"[{m.group(1)}]"), fragment
    )
    return " ".join(html.unescape(marked).split())


def _with_progress(outcomes: Iterator[ReadOutcome], err: TextIO) -> Iterator[ReadOutcome]:
    """A progress bar on a terminal; plain iteration otherwise (logs and pipes stay clean)."""
    if not err.isatty():
        yield from outcomes
        return
    with tqdm(outcomes, desc="ingesting", unit=" articles", file=err) as bar:
        yield from bar
