"""``make eval``: extraction precision, recall and F1 per kind on the written and real-news sets.

Usage: ``python -m tests.eval.run [--set written|real|all] [--explain]``.

Each set's articles are ingested in file-name order through the real
pipeline (a NewsIndex over a temporary data dir), so cross-article merges are
what the graph holds. Should the pipeline raise NotImplementedError, each
article is extracted on its own against an empty graph instead, and the
output says so.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import CorpusUnavailable, article_key, as_draft, load_news_articles
from search_index import NewsIndex, Settings
from search_index.corpus import read_file, to_article
from search_index.extract import EmptyGraph, extract
from search_index.models import ArticleDraft
from tests.eval.collect import from_extraction, from_index
from tests.eval.gold import GoldArticle, GoldError, Merges, check_merges, load_golds, load_merges
from tests.eval.predicted import PredictedArticle
from tests.eval.report import explain, role_lines
from tests.eval.score import KINDS, Counts, score_set

EVAL_DIR = Path(__file__).resolve().parent
WRITTEN_DIR = EVAL_DIR / "written"
REAL_DIR = EVAL_DIR / "real"
#: The files an article of the written set may be (as API.md reads them).
ARTICLE_SUFFIXES = (".txt", ".json")

PIPELINE = "pipeline (NewsIndex, articles ingested in order, merged across articles)"
FALLBACK = "FALLBACK: extract(article, EmptyGraph()) per article (pipeline not available)"


@dataclass(frozen=True)
class EvalSet:
    """A set ready to run: gold and drafts in ingest order, and its merges."""

    name: str
    golds: tuple[GoldArticle, ...]
    drafts: tuple[ArticleDraft, ...]
    merges: Merges


@dataclass(frozen=True)
class SetResult:
    """A set's scores per kind, how extraction was run, and what it produced per article."""

    name: str
    articles: int
    mode: str
    scores: dict[str, Counts]
    predicted: dict[str, PredictedArticle]


def _written_draft(folder: Path, gold: GoldArticle) -> ArticleDraft:
    """The article the gold describes, read as newsgraph reads files, with the gold's id."""
    for suffix in ARTICLE_SUFFIXES:
        path = folder / f"{gold.article}{suffix}"
        if path.exists():
            outcomes = list(read_file(path))
            if len(outcomes) != 1 or outcomes[0].draft is None:
                raise GoldError(f"{path}: not one readable article ({outcomes[0].error})")
            return outcomes[0].draft.model_copy(update={"id": gold.article})
    raise GoldError(f"{folder}: no article file for gold {gold.article!r}")


def load_written(folder: Path = WRITTEN_DIR) -> EvalSet:
    """The written set: articles next to their gold, no network needed."""
    golds = load_golds(folder)
    merges = load_merges(folder)
    check_merges(merges, golds)
    drafts = tuple(_written_draft(folder, gold) for gold in golds)
    return EvalSet("written", tuple(golds), drafts, merges)


def load_real(rows: Sequence[dict[str, str]], folder: Path = REAL_DIR) -> EvalSet:
    """The real-news set: gold from the repo, text from the corpus rows by article id."""
    golds = load_golds(folder)
    merges = load_merges(folder)
    check_merges(merges, golds)
    by_key = {article_key(row): row for row in rows}
    missing = [gold.article for gold in golds if gold.article not in by_key]
    if missing:
        raise GoldError(f"{folder}: not in the corpus: {', '.join(missing)}")
    drafts = tuple(as_draft(by_key[gold.article]) for gold in golds)
    return EvalSet("real", tuple(golds), drafts, merges)


def through_pipeline(drafts: Sequence[ArticleDraft]) -> dict[str, PredictedArticle]:
    """Ingest every draft in order into a fresh index; read each article's facts back."""
    with tempfile.TemporaryDirectory(prefix="newsgraph-eval-") as data_dir:
        settings = Settings(data_dir=Path(data_dir), bundled_articles=None)
        with NewsIndex.open(settings) as index:
            ids = [index.ingest(draft).article.id for draft in drafts]
            return {article_id: from_index(index, article_id) for article_id in ids}


def one_by_one(drafts: Sequence[ArticleDraft]) -> dict[str, PredictedArticle]:
    """Extract each draft on its own, against an empty graph."""
    predicted: dict[str, PredictedArticle] = {}
    for draft in drafts:
        article = to_article(draft)
        predicted[article.id] = from_extraction(article.id, extract(article, EmptyGraph()))
    return predicted


def evaluate(eval_set: EvalSet) -> SetResult:
    """Run extraction over the set and score it against the gold."""
    try:
        predicted, mode = through_pipeline(eval_set.drafts), PIPELINE
    except NotImplementedError:
        predicted, mode = one_by_one(eval_set.drafts), FALLBACK
    scores = score_set(eval_set.golds, predicted, eval_set.merges)
    return SetResult(eval_set.name, len(eval_set.golds), mode, scores, predicted)


def format_result(result: SetResult) -> str:
    """The set's table: precision, recall, F1 and the counts behind them, per kind."""
    lines = [
        f"{result.name} set: {result.articles} articles; {result.mode}",
        f"{'kind':<20} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}",
    ]
    for kind in KINDS:
        c = result.scores[kind]
        lines.append(f"{kind:<20} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} "
                     f"{c.tp:5d} {c.fp:5d} {c.fn:5d}")
    return "\n".join(lines)


def format_explanation(eval_set: EvalSet, result: SetResult) -> str:
    """Per article, what was missed (-) and what matches no gold (+), and the roles found (~)."""
    lines: list[str] = []
    for gold in eval_set.golds:
        found = result.predicted.get(gold.article, PredictedArticle(article=gold.article))
        lines.append(f"{gold.article}:")
        lines += explain(gold, found) + role_lines(gold, found)
    return "\n".join(lines)


def _report(eval_set: EvalSet, explain_misses: bool) -> None:
    result = evaluate(eval_set)
    if explain_misses:
        print(format_explanation(eval_set, result), end="\n\n")
    print(format_result(result), end="\n\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Score the chosen sets and print one table each; 1 when the real set could not be fetched."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("written", "real", "all"), default="all")
    parser.add_argument("--explain", action="store_true",
                        help="list, per article, what was missed and what matches no gold")
    args = parser.parse_args(argv)
    if args.set in ("written", "all"):
        _report(load_written(), args.explain)
    if args.set in ("real", "all"):
        try:
            rows = load_news_articles()
        except CorpusUnavailable as error:
            print(f"real set skipped: {error}", file=sys.stderr)
            return 1
        _report(load_real(rows), args.explain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
