"""The Whoosh full-text index: derived from the store, rebuildable, one writer at a time."""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Final, Self

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec
from whoosh.index import LockError
from whoosh.writing import CLEAR

from search_index.errors import StoreBusy
from search_index.fulltext.cursors import (
    SortKey,
    decode_cursor,
    encode_cursor,
    page_after,
    scope,
    sort_key,
)
from search_index.fulltext.facets import table_for
from search_index.fulltext.highlight import highlights
from search_index.fulltext.lexicon import KnownWords, lexicon_document, words_of
from search_index.fulltext.querying import (
    article_filter,
    parse_article_query,
    parse_statement_query,
    statement_filter,
)
from search_index.fulltext.schema import (
    ARTICLE,
    STEMMED_FIELDS,
    TIME_KEY,
    ArticleDocuments,
    build_schema,
    documents_of,
    same_schema,
)
from search_index.fulltext.searchers import SearcherPool, retrying
from search_index.fulltext.spelling import suggest
from search_index.fulltext.terms import stemmed_terms
from search_index.models import (
    Article,
    ArticleFilter,
    Edge,
    Extraction,
    Page,
    SearchHit,
    SearchResults,
    SearchSort,
)

#: How long a write waits for another writer (maybe another process) before StoreBusy.
DEFAULT_LOCK_TIMEOUT: Final = 10.0
#: How many key terms of an article's body make its more-like-this query.
_KEY_TERMS: Final = 10

#: A scored hit: (sort key, (whoosh result position, score)).
_Ranked = tuple[SortKey, tuple[int, float]]


def _open_or_create(index_dir: Path) -> tuple[Any, Any]:
    """The index in ``index_dir`` and its schema; a new empty one if there is none or it has another schema.

    The index is derived from the store, so an index of an older schema is
    rebuilt rather than migrated: the facade's repair puts the articles back.
    Opening reads the newest table of contents, which another process's commit
    may delete under us: then it is read again.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    schema = build_schema()
    if whoosh_index.exists_in(str(index_dir)):
        existing = whoosh_index.open_dir(str(index_dir))
        # Whoosh's `index.schema` reads the newest table of contents on every call;
        # ours never changes once open, so it is read once, here.
        existing_schema = existing.schema
        if same_schema(existing_schema, schema):
            return existing, existing_schema
        existing.close()
    return whoosh_index.create_in(str(index_dir), schema), schema


def _codec() -> Any:
    """How segments are written: Whoosh's own format, minus two costs that buy nothing here.

    - Posting blocks are left uncompressed. Whoosh compresses every block, even a
      term's single posting: on real news that was an eighth of indexing time, for
      an index a quarter smaller. Readers decompress only blocks written compressed,
      so segments of both kinds (older ones, another writer's) read alike.
    - Blocks carry no field-length bounds (``length_stats``): gathering them looks up
      the document's field length once per posting, 12% of indexing time. Whoosh
      uses them only to skip blocks that cannot reach a top N; without them a bound
      of length 0 stands in, which over-estimates, so nothing is skipped that could
      score. Scores read each document's length from its own column, as before.
    """
    codec = W3Codec(compression=0)
    codec.length_stats = False  # an instance setting: the class stays Whoosh's own
    return codec


def _with_terms(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with its stemmed fields given as terms; their texts stay the stored values."""
    fields = dict(document)
    for name in STEMMED_FIELDS:
        text = document.get(name)
        if text is not None:
            fields[name] = stemmed_terms(text)
            # What Whoosh stores for the field, when it stores it (title and body do).
            fields[f"_stored_{name}"] = text
    return fields


def _delete_articles(writer: Any, article_ids: Sequence[str]) -> None:
    """Delete these articles' documents (and their statements') in one query.

    One query for the batch: each of Whoosh's delete calls opens a reader of
    every segment, which cost more than indexing a small article.
    """
    writer.delete_by_query(wq.Or([wq.Term("article_id", id) for id in article_ids]))


class FullText:
    """Article and statement documents in one Whoosh index, with long-lived searchers."""

    def __init__(self, index: Any, schema: Any, lock_timeout: float, directory: Path) -> None:
        self._index = index
        self._directory = directory
        self._schema = schema
        self._lock_timeout = lock_timeout
        self._searchers = SearcherPool(index)
        self._known_words = KnownWords()
        # Whoosh's lock file serializes writers across processes; this lock makes
        # writers of this process queue up instead of timing out on each other.
        self._write_lock = threading.Lock()

    @classmethod
    def open(cls, index_dir: Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Self:
        """Open the index in ``index_dir``, creating an empty one if there is none."""
        index, schema = retrying(lambda: _open_or_create(index_dir))
        return cls(index, schema, lock_timeout, index_dir)

    @property
    def directory(self) -> Path:
        """The folder the index lives in (another process opens it there)."""
        return self._directory

    @property
    def lock_timeout(self) -> float:
        """How long a write waits for another writer before :class:`StoreBusy`."""
        return self._lock_timeout

    def close(self) -> None:
        """Close the searchers."""
        self._searchers.close()

    # --- writes ---------------------------------------------------------------

    @contextmanager
    def _writer(self, **commit_options: Any) -> Iterator[Any]:
        """A Whoosh writer, committed when the block ends well, then searchers refreshed."""
        with self._write_lock:
            try:
                writer = self._index.writer(timeout=self._lock_timeout, codec=_codec())
            except LockError as error:
                raise StoreBusy(
                    f"the search index is being written by another process; "
                    f"gave up after {self._lock_timeout:g}s"
                ) from error
            try:
                yield writer
            except BaseException:
                writer.cancel()
                raise
            writer.commit(**commit_options)
        self._searchers.refresh()

    def put(self, items: Sequence[tuple[Article, Extraction]]) -> None:
        """Add or replace these articles (and their statements) in one commit; refresh the searcher."""
        self.put_documents([documents_of(article, extraction) for article, extraction in items])

    def put_documents(self, batch: Sequence[ArticleDocuments]) -> None:
        """:meth:`put` for documents already built (see :func:`~.schema.documents_of`)."""
        # The last version of an article given wins, as if put one after another.
        latest = {entry.article_id: entry for entry in batch}
        if not latest:
            return
        words: set[str] = set()
        with self._writer() as writer:
            _delete_articles(writer, list(latest))
            for entry in latest.values():
                for document in entry.documents:
                    writer.add_document(**_with_terms(document))
                words |= words_of(entry.titled_body())
            unseen = self._known_words.unseen(writer, words)
            if unseen:
                writer.add_document(**lexicon_document(unseen))
        self._known_words.committed(writer.generation, unseen)

    def delete(self, article_ids: Sequence[str]) -> None:
        """Remove these articles and their statements in one commit."""
        if not article_ids:
            return
        with self._writer() as writer:
            _delete_articles(writer, article_ids)

    def clear(self) -> None:
        """Empty the index (``reindex`` then puts everything back)."""
        with self._writer(mergetype=CLEAR):
            pass

    # --- reads ----------------------------------------------------------------

    def fingerprints(self) -> dict[str, str]:
        """Article id -> content hash, as indexed: what repair compares with the store."""

        def read(searcher: Any) -> dict[str, str]:
            return {
                fields["id"]: fields["content_hash"]
                for fields in searcher.documents(doctype=ARTICLE)
            }

        return self._searchers.run(read)

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
        parsed = parse_article_query(query, self._schema)
        limit = article_filter(filter)
        cursor_scope = scope(sort, "articles", query, filter.model_dump_json() if filter else "")
        after_key = decode_cursor(after, cursor_scope, sort) if after is not None else None

        def read(searcher: Any) -> SearchResults:
            results = searcher.search(parsed, filter=limit, limit=None)
            page, has_next = page_after(_ranked(searcher, results, sort), after_key, first)
            hits = tuple(
                SearchHit(
                    cursor=encode_cursor(cursor_scope, key),
                    article_id=str(key[-1]),  # every key ends with the id
                    score=score,
                    highlights=highlights(results[position]),
                )
                for key, (position, score) in page
            )
            total = len(results.top_n)
            did_you_mean = suggest(
                searcher, query.strip(), total, lambda text: _count(searcher, text, limit)
            )
            return SearchResults(
                hits=hits,
                total=total,
                has_next=has_next,
                has_previous=after is not None,
                facets=table_for(searcher).count(results.docs()),
                did_you_mean=did_you_mean,
            )

        return self._searchers.run(read)

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
        parsed = parse_statement_query(query, self._schema)
        sort = SearchSort.RELEVANCE
        cursor_scope = scope(
            sort, "statements", query, repr(sorted(speakers) if speakers is not None else None),
            str(from_date), str(to_date),
        )
        after_key = decode_cursor(after, cursor_scope, sort) if after is not None else None
        limit = statement_filter(speakers, from_date, to_date)

        def read(searcher: Any) -> tuple[list[_Ranked], bool, int]:
            results = searcher.search(parsed, filter=limit, limit=None)
            page, has_next = page_after(_ranked(searcher, results, sort), after_key, first)
            return page, has_next, len(results.top_n)

        page, has_next, total = self._searchers.run(read)
        edges = tuple(
            Edge[str](cursor=encode_cursor(cursor_scope, key), node=str(key[-1]), score=score)
            for key, (_, score) in page
        )
        return Page[str](edges=edges, total=total, has_next=has_next, has_previous=after is not None)

    def more_like(self, article_id: str, *, first: int = 5) -> list[SearchHit]:
        """Articles most like this one, best first; empty if the article is not indexed."""
        if first <= 0:
            return []
        cursor_scope = scope(SearchSort.RELEVANCE, "related", article_id)

        def read(searcher: Any) -> list[tuple[SortKey, float]]:
            docnum = searcher.document_number(id=article_id, doctype=ARTICLE)
            if docnum is None:
                return []
            # more_like leaves the article itself out of its results.
            results = searcher.more_like(
                docnum, "body", top=first, numterms=_KEY_TERMS, filter=wq.Term("doctype", ARTICLE)
            )
            return [
                (sort_key(SearchSort.RELEVANCE, hit.score, hit["id"], ""), hit.score)
                for hit in results
            ]

        ranked = self._searchers.run(read)
        return [
            SearchHit(cursor=encode_cursor(cursor_scope, key), article_id=str(key[-1]), score=score)
            for key, score in sorted(ranked)
        ]


def _ranked(searcher: Any, results: Any, sort: SearchSort) -> list[_Ranked]:
    """Every hit with its sort key, read from columns (not stored fields, which hold bodies)."""
    if not results.top_n:
        return []  # an empty index has no columns to read
    ids = searcher.reader().column_reader("id")
    times = searcher.reader().column_reader(TIME_KEY)
    return [
        (sort_key(sort, score, ids[docnum], times[docnum]), (position, score))
        for position, (score, docnum) in enumerate(results.top_n)
    ]


def _count(searcher: Any, text: str, limit: Any) -> int:
    """How many articles ``text`` finds within ``limit``."""
    results = searcher.search(
        parse_article_query(text, searcher.schema), filter=limit, limit=None, scored=False
    )
    return len(results.top_n)
