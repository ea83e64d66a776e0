"""Sentence ends the statement rules need and the sentence splitter does not give.

Where the sentence holding a quote begins ("Imankulov said: "...") is read
within the quote's line, where the splitter's sentences may be cut wrong by the
marks themselves. And a sentence is cut again where the splitter missed an end:
a stop glued to a dash before a quote ('country.- "'), and a colon before a new
clause ('included: Abta said ...').

Both are asked about for every quote or sentence of an article, so each finds
its answer without reading more of the text than it must (see the functions).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from search_index.extract.text import Sentence

_SENTENCE_END = re.compile(r"[.!?][\"”]?\s+")
_MISSED_END = re.compile(r"(?<=[.!?])[-–—]+\s*(?=[\"“])|(?<=:)\s+(?=[A-Z])")
# The same ends with the stop or colon before them taken in: a pattern opening on a
# look-behind is tried at every character of a text, one opening on these at few.
_MISSED_END_WITH_STOP = re.compile(r"[.!?][-–—]+\s*(?=[\"“])|:\s+(?=[A-Z])")


def sentence_start(text: str, line_start: int, offset: int) -> int:
    """Where the sentence holding ``offset`` begins: past the last sentence end before it.

    ``line_start`` begins the line of ``offset``, so no newline stands between.
    A sentence end is a stop, maybe a closing quote, and blanks; the line's
    start when there is none. Read from ``offset`` back, since only the last
    end counts: a stop is found with ``str.rfind``, and one that ends no
    sentence ("3.5", "U.S") sends the search further back.
    """
    before = offset
    while True:
        stop = max(
            text.rfind(".", line_start, before),
            text.rfind("!", line_start, before),
            text.rfind("?", line_start, before),
        )
        if stop < 0:
            return line_start
        # An end's blanks may not reach past ``offset``: the match is bounded there.
        end = _SENTENCE_END.match(text, stop, offset)
        if end is not None:
            return end.end()
        before = stop


def pieces(sentence: Sentence) -> list[Sentence]:
    """The sentence cut where the splitter missed an end; itself when it missed none."""
    inner = [m.end() for m in _MISSED_END.finditer(sentence.text)]
    if not inner:
        return [sentence]
    cuts = [0, *inner]
    parts = [
        (sentence.text[a:b], sentence.start + a, sentence.start + b)
        for a, b in zip(cuts, [*inner, len(sentence.text)], strict=True)
    ]
    return [Sentence(words.strip(), start, end) for words, start, end in parts if words.strip()]


def pieces_in(text: str, sentence: Sentence) -> list[Sentence]:
    """:func:`pieces` of a sentence of ``text``, sparing the search in most sentences.

    A missed end inside the sentence, with the stop or colon before it, is
    one in the whole text too, or lies within one found there; so a sentence
    that no end found in the whole text touches is whole. The text is searched
    once, however many sentences ask.
    """
    starts, ends = _missed_ends(text)
    # The first end found in the text that closes past the sentence's start.
    index = bisect_left(ends, sentence.start + 1)
    if index == len(starts) or starts[index] >= sentence.end:
        return [sentence]
    return pieces(sentence)


@lru_cache(maxsize=16)
def _missed_ends(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each missed end found in the whole text, with its stop, starts; where each ends."""
    spans = [m.span() for m in _MISSED_END_WITH_STOP.finditer(text)]
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)
