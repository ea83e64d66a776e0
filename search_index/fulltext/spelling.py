"""Did-you-mean: a corrected query when a word of the query is not in the index.

Suggestions come from the unstemmed words of titles and bodies (the
``spelling`` field, see :mod:`~search_index.fulltext.lexicon`), nearest edit
distance first, then in most articles (counted on the stemmed body field). Only
words absent from the index are corrected: a rare but real word ("Zas") must
not be "corrected" into a common one. A suggestion is made only when the
corrected query finds more articles than the original.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from whoosh import query as wq
from whoosh.qparser import QueryParser
from whoosh.spelling import Corrector

from search_index.errors import BadSearchQuery
from search_index.fulltext.querying import try_parse
from search_index.fulltext.schema import BODY, SPELLING

#: Largest edit distance tried; farther words are not plausible typos.
_MAX_DISTANCE: Final = 2
#: Typos rarely touch the first letter, and sharing it makes lookups much cheaper.
_SHARED_PREFIX: Final = 1
#: Smaller than any difference in how common two words are: it only breaks ties.
_TIE: Final = 1e-12


class NearestCorrector(Corrector):  # type: ignore[misc]  # Whoosh is untyped
    """Words of a field within an edit distance, nearest first, then by how common.

    Whoosh's own ReaderCorrector ranks by frequency alone, so a frequent word
    two edits away beats the one-letter fix.
    """

    def __init__(self, reader: Any, fieldname: str, frequency: Callable[[str], int]) -> None:
        self._reader = reader
        self._fieldname = fieldname
        self._frequency = frequency

    def _suggestions(self, text: str, maxdist: int, prefix: int) -> Iterator[tuple[float, str]]:
        seen: set[str] = set()
        for distance in range(1, maxdist + 1):
            for word in self._reader.terms_within(self._fieldname, text, distance, prefix=prefix):
                if word not in seen:
                    seen.add(word)
                    frequency = self._frequency(word)
                    # Higher is better. The frequency part stays below 1, so it
                    # only orders words at the same distance; words of one stem
                    # count alike, and then a word that keeps every typed letter
                    # (the typo left one out: "withdrawl") goes first.
                    closeness = frequency / (frequency + 1) - distance
                    yield (closeness + _TIE * _keeps_letters(text, word), word)


def _keeps_letters(typed: str, word: str) -> bool:
    """True when ``word`` holds every letter of ``typed``, in order."""
    letters = iter(word)
    return all(letter in letters for letter in typed)


def _articles_with(searcher: Any) -> Callable[[str], int]:
    """How many articles' bodies hold a word, by its stem (the spelling field holds each word once)."""
    reader = searcher.reader()
    body = searcher.schema[BODY]

    def count(word: str) -> int:
        stems = list(body.process_text(word))
        return int(reader.doc_frequency(BODY, stems[0])) if stems else 0

    return count


def _only_words(parsed: Any) -> bool:
    """True when the query is made of words and phrases: ranges and patterns are not typos.

    (Whoosh's token walk, which correction relies on, also fails on ranges.)
    """
    leaves = [parsed] if parsed.is_leaf() else list(parsed.leaves())
    return all(isinstance(leaf, wq.Term | wq.Phrase) for leaf in leaves)


def suggest(
    searcher: Any,
    text: str,
    hits_now: int,
    count_hits: Callable[[str], int],
) -> str | None:
    """A corrected ``text`` that ``count_hits`` finds more of than ``hits_now``, or None."""
    reader = searcher.reader()
    spelled = try_parse(QueryParser(SPELLING, searcher.schema), text)
    if spelled is None or not _only_words(spelled):
        return None
    unknown = [
        (SPELLING, token.text)
        for token in spelled.all_tokens()
        if token.fieldname == SPELLING and reader.doc_frequency(SPELLING, token.text) == 0
    ]
    if not unknown:
        return None
    correction = searcher.correct_query(
        spelled,
        text,
        correctors={SPELLING: NearestCorrector(reader, SPELLING, _articles_with(searcher))},
        terms=unknown,
        maxdist=_MAX_DISTANCE,
        prefix=_SHARED_PREFIX,
    )
    corrected: str = correction.string
    if corrected == text:
        return None
    try:
        better = count_hits(corrected) > hits_now
    except BadSearchQuery:
        return None
    return corrected if better else None
