"""Name keys: how two spellings of one name are recognised as the same."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_NON_WORD = re.compile(r"[^a-z0-9]+")
#: Distinct names whose keys are remembered: the same names recur in article after
#: article (each stores its countries' aliases again), and a bulk ingest resolves and
#: stores them in one process. Bounded, so a long ingest's memory stays flat.
KEY_CACHE_SIZE = 16_384


@lru_cache(maxsize=KEY_CACHE_SIZE)
def alias_key(name: str) -> str:
    """A key equal for spellings that differ only in case, diacritics, script or punctuation.

    "Jeenbek Kulubaev", "JEENBEK KULUBAEV" and "Жээнбек Кулубаев" share one key;
    "U.S." and "US" too.
    """
    folded = anyascii(unicodedata.normalize("NFKC", name)).casefold()
    folded = folded.replace(".", "")
    return _NON_WORD.sub(" ", folded).strip()


def slug(name: str) -> str:
    """A readable, stable id fragment for a name ("Marat Imankulov" -> "marat-imankulov")."""
    return alias_key(name).replace(" ", "-")
