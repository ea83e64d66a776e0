"""The Whoosh full-text index: derived from the store, rebuildable, one writer at a time.

INTERFACE ONLY (being implemented). The facade (search_index/__init__.py) is
the only caller; no Whoosh object leaves this module.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from typing import Self

from search_index.models import (
    Article,
    ArticleFilter,
    Extraction,
    Page,
    SearchHit,
    SearchResults,
    SearchSort,
)


class FullText:
    """Article and statement documents in one Whoosh index, with a long-lived searcher."""

    @classmethod
    def open(cls, index_dir: Path) -> Self:
        """Open the index in ``index_dir``, creating an empty one if there is none."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the searcher."""
        raise NotImplementedError

    def put(self, items: Sequence[tuple[Article, Extraction]]) -> None:
        """Add or replace these articles (and their statements) in one commit; refresh the searcher."""
        raise NotImplementedError

    def delete(self, article_ids: Sequence[str]) -> None:
        """Remove these articles and their statements in one commit."""
        raise NotImplementedError

    def clear(self) -> None:
        """Empty the index (``reindex`` then puts everything back)."""
        raise NotImplementedError

    def fingerprints(self) -> dict[str, str]:
        """Article id -> content hash, as indexed: what repair compares with the store."""
        raise NotImplementedError

    def search(
        self,
        query: str,
        filter: ArticleFilter | None = None,
        *,
        sort: SearchSort = SearchSort.RELEVANCE,
        first: int = 10,
        after: str | None = None,
    ) -> SearchResults:
        """Ranked articles; facets over all hits (entity facets carry ids); did-you-mean."""
        raise NotImplementedError

    def search_statements(
        self,
        query: str,
        *,
        speakers: Collection[str] | None = None,
        from_date: date | None = None,
        to_date: date | None = None,
        first: int = 10,
        after: str | None = None,
    ) -> Page[str]:
        """Statement ids ranked by BM25 (edge.score set), optionally only of these speakers."""
        raise NotImplementedError

    def more_like(self, article_id: str, *, first: int = 5) -> list[SearchHit]:
        """Articles most like this one, best first; empty if the article is not indexed."""
        raise NotImplementedError
