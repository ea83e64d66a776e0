"""Alias keys of the names the store writes, remembered across articles.

Every article stores the same countries' aliases again ("Kyrgyzstan", "Kyrgyz
Republic", ...) and the same organizations' names: computing each key once
spares a bulk ingest most of its :func:`~search_index.names.alias_key` calls.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from search_index.names import alias_key

#: Distinct names remembered; a bounded LRU, so a long ingest's memory stays flat.
CACHE_SIZE = 16_384

#: :func:`~search_index.names.alias_key`, remembered (it is a pure function of the name).
name_key: Callable[[str], str] = lru_cache(maxsize=CACHE_SIZE)(alias_key)
