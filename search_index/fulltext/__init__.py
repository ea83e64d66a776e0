"""The Whoosh full-text index: derived from the store, rebuildable, one writer at a time.

The facade (search_index/__init__.py) is the only caller; no Whoosh object
leaves this package. Modules: ``schema`` (fields, documents), ``querying``
(parsing, filters), ``cursors`` (keyset pages), ``facets``, ``highlight``,
``spelling`` (did-you-mean), ``searchers`` (thread-safe searcher pool),
``index`` (:class:`FullText`).
"""

from search_index.fulltext.index import FullText

__all__ = ["FullText"]
