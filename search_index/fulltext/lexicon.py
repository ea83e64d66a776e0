"""The words did-you-mean may suggest: every word of every title and body, each indexed once.

Suggestions need to know which words exist, not in which article: so instead
of a spelling field in every article's document (a posting per word per
article, a fifth of all indexing work), each commit adds one ``lexicon``
document holding the words no earlier commit added. Lexicon documents belong
to no article, so deleting an article leaves its words: a suggestion is made
only when it finds more articles than the query did, so a word with no article
left is never suggested. How common a word is comes from the stemmed ``body``
field instead (see :mod:`~search_index.fulltext.spelling`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from whoosh.support.charset import accent_map

from search_index.fulltext.schema import LEXICON, SPELLING, TIME_KEY
from search_index.fulltext.terms import WORD


def words_of(text: str) -> set[str]:
    """The distinct words of ``text`` as the spelling field stores them: lowercased, accents folded.

    One regex pass in C instead of Whoosh's token stream, which costs a
    Python call per word of the text.
    """
    folded = text.lower().translate(accent_map)
    return set(WORD.findall(folded))


class KnownWords:
    """The words the index's lexicon holds, kept in memory from one commit of ours to the next.

    Asking Whoosh whether it holds a word asks every segment in turn, which
    cost more than the words saved; so the set is read from the index once,
    and again only when a commit we did not make (another process's, or a
    failed one) came between.
    """

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._generation: int | None = None

    def unseen(self, writer: Any, words: Iterable[str]) -> list[str]:
        """The ``words`` not in the index that ``writer`` is about to commit to, sorted."""
        # A writer reads the newest commit (of any process): the one before its own.
        generation: int = writer.generation - 1
        if generation != self._generation:
            reader = writer.reader()
            try:
                self._words = set(reader.field_terms(SPELLING))
            finally:
                reader.close()
            self._generation = generation
        return sorted(set(words) - self._words)

    def committed(self, generation: int, added: Iterable[str]) -> None:
        """Our commit made ``generation``, adding ``added`` to the lexicon."""
        self._words.update(added)
        self._generation = generation


def lexicon_document(words: list[str]) -> dict[str, Any]:
    """A document adding ``words`` to what did-you-mean knows."""
    return {
        "doctype": LEXICON,
        "id": f"{LEXICON}:{uuid.uuid4().hex}",
        SPELLING: " ".join(words),
        # Every document needs this column (see the schema).
        TIME_KEY: "",
    }
