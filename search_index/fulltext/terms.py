"""The stemmed fields' terms, made in a few passes in C: what the schema's analyzer makes of a text.

Whoosh analyzes a field through a chain of Python generators, one step per
filter per word (tokenize, lowercase, fold accents, drop stop words, stem):
on real news that was a third of all indexing time. A writer given a list of
words instead of a text indexes the list as it is, so the index gets the same
terms, with the same frequencies, in the same order, from :func:`stemmed_terms`.

One difference is deliberate: Whoosh numbers the first kept word by its place
among all words (1 when a stop word opens the text), a list starts at 0. A
phrase or proximity query compares positions with each other, never with the
start, so every query finds and scores the same documents either way.
"""

from __future__ import annotations

import re
from typing import Final

from whoosh.analysis import StemFilter, StopFilter
from whoosh.support.charset import accent_map

from search_index.fulltext.schema import stemming_analyzer

#: Whoosh's RegexTokenizer pattern (the schema's tokenizer), without its capturing
#: group: findall then returns whole words.
WORD: Final = re.compile(r"\w+(?:\.?\w+)*")
#: Joins a text's words so that one lower() and one translate() fold them all: neither
#: case mapping nor accent_map maps to or from it, and lower() treats it as a word
#: boundary, as the end of a separate word would be (the final sigma rule).
_SEP: Final = "\x00"
# The schema's own filters, so that their settings are read from one place. Only the
# settings replicated here may differ from Whoosh's defaults: a test compares the
# whole chain with what this module assumes (tests/test_fulltext_terms.py).
_STOP_FILTER: Final = next(f for f in stemming_analyzer().items if isinstance(f, StopFilter))
_STEM_FILTER: Final = next(f for f in stemming_analyzer().items if isinstance(f, StemFilter))
#: What the stop filter drops: its stop words, and words shorter than its minimum.
_STOPS: Final[frozenset[str]] = _STOP_FILTER.stops
_MIN_LENGTH: Final[int] = _STOP_FILTER.min
#: The stemmer the stem filter applies.
_STEM: Final = _STEM_FILTER.stemfn
#: Known words before the table of stems starts over (Whoosh's filter caches 50,000).
_MAX_KNOWN: Final = 200_000


class _Stems:
    """Folded word -> stem, or "" for a word the stop filter drops; learned as words come."""

    def __init__(self) -> None:
        self._table: dict[str, str] = {}

    def of(self, words: list[str]) -> list[str]:
        """The stems of ``words`` in order, dropped words left out."""
        # Read through one table: another thread starting a new one leaves ours whole.
        table = self._table
        unknown = [word for word in set(words) if word not in table]
        if unknown:
            if len(table) + len(unknown) > _MAX_KNOWN:
                # A bound on memory for a long-lived process; relearning is cheap.
                table = self._table = {}
                unknown = list(set(words))
            for word in unknown:
                dropped = len(word) < _MIN_LENGTH or word in _STOPS
                table[word] = "" if dropped else _STEM(word)
        return [stem for stem in map(table.__getitem__, words) if stem]


# A pure function's memo: each process learns its own, and nothing depends on what it holds.
_stems = _Stems()


def stemmed_terms(text: str) -> list[str]:
    """The terms the schema's stemming analyzer makes of ``text``, in order, stop words out."""
    words = WORD.findall(text)
    if not words:
        return []
    folded = _SEP.join(words).lower().translate(accent_map).split(_SEP)
    return _stems.of(folded)
