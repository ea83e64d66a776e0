"""Shared text helpers for the extraction rules: sentences, tokens, capitalization, matching.

Every helper works in character offsets of the text it is given, so a rule can
turn what it finds straight into a :class:`~search_index.models.Span` of the
article body. Nothing here knows about countries, people or incidents.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple, cast

from search_index.extract.name_matching import FEW_NAMES, trie_alternation
from search_index.extract.sentence_offsets import sentence_offsets

#: Characters that open or close a quotation, straight and typographic.
QUOTE_CHARS = '"“”«»„‟'

#: Apostrophes, straight and typographic ("Kyrgyzstan’s").
APOSTROPHES = "'’ʼ"

#: Small words allowed inside a capitalized name ("Ministry of Foreign Affairs").
NAME_CONNECTORS = frozenset(
    {"of", "the", "for", "and", "de", "du", "la", "al", "bin", "van", "von"}
)

# A word: letters/digits, with inner hyphens, apostrophes or dots kept ("U.S.-led", "Kyrgyz-Tajik",
# "O'Brien"); a trailing dot is kept only for abbreviations of single letters ("U.S.").
_TOKEN = re.compile(r"(?:[^\W_](?:\.[^\W_])+\.?|[^\W_]+(?:['’ʼ\-][^\W_]+)*)")
# What goes on a word past its letters: a dotted abbreviation's dots, inner joiners.
_JOINERS = APOSTROPHES + "-."
# What may stand between a sentence's end and its first word.
_OPENERS = QUOTE_CHARS + "([ \t"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a text: ``text == source[start:end]``, with outer whitespace trimmed."""

    text: str
    start: int
    end: int


class Token(NamedTuple):
    """One word of a text: ``text == source[start:end]``.

    A named tuple rather than a frozen dataclass: the rules make thousands of
    Tokens per article, and a frozen dataclass costs three times as much to build.
    """

    text: str
    start: int
    end: int


# --- Sentences ----------------------------------------------------------------


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(text[start:end], start, end) if start < end else None


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(text)))
    return bounds


def _split_paragraph(text: str, start: int, end: int) -> list[Sentence]:
    # Bling Fire's sentence model (shipped in its wheel) over pysbd: measured on 297 real
    # news paragraphs it was 46x faster (0.14 s vs 6.4 s); on the eval sets it lost one real
    # statement (statements+speaker F1 0.718 -> 0.712) and changed nothing else. It returns
    # character offsets, so no piece has to be searched for in the source.
    out: list[Sentence] = []
    for piece_start, piece_end in sentence_offsets(text[start:end]):
        sentence = _trimmed(text, start + piece_start, start + piece_end)
        if sentence is not None:
            out.append(sentence)
    return out


@lru_cache(maxsize=64)
def _sentences_cached(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for start, end in _paragraph_bounds(text):
        if text[start:end].strip():
            out.extend(_split_paragraph(text, start, end))
    return tuple(out)


def sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` in order, never crossing a paragraph break (a blank line).

    Cached on the text, since every rule of one article asks for the same split.
    """
    return _sentences_cached(text)


@lru_cache(maxsize=64)
def _starts_cached(text: str) -> tuple[int, ...]:
    return tuple(s.start for s in _sentences_cached(text))


def sentence_at(text: str, offset: int) -> Sentence | None:
    """The sentence of ``text`` containing character ``offset``, if any."""
    index = bisect_right(_starts_cached(text), offset) - 1
    found = sentences(text)
    if index >= 0 and found[index].start <= offset < found[index].end:
        return found[index]
    return None


def is_sentence_start(text: str, offset: int) -> bool:
    """Whether ``offset`` is the first word of a sentence (its capital says nothing of a name).

    An opening quote or bracket before the word does not count as content.
    """
    position = offset
    while position > 0 and text[position - 1] in _OPENERS:
        position -= 1
    if position == 0 or text[position - 1] == "\n":
        return True
    sentence = sentence_at(text, offset)
    if sentence is not None:
        return not text[sentence.start : offset].strip(_OPENERS + "\n")
    return text[position - 1] in ".!?:"


# --- Tokens and capitalization ------------------------------------------------


def _scanned(text: str, start: int, stop: int) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def _goes_on(char: str) -> bool:
    """Whether a word's scan may go on at ``char``: a letter or digit, a joiner or a dot."""
    return char.isalnum() or char in _JOINERS


def _piece(text: str, start: int, stop: int) -> list[Token]:
    """What a scan of ``text[start:stop]`` finds: a window's piece of a word it cuts."""
    piece = text[start:stop]
    # Mostly letters alone, one word to the pattern: only a joiner or a dot could cut it.
    if piece.isalnum():
        return [Token(piece, start, stop)]
    return _scanned(text, start, stop)


class _Tokenized:
    """Where every word of one text is, and each word's :class:`Token` once a window asks for it.

    The rules ask for the words of many small windows of one article (before a
    name, after a title, around a country), so the article is scanned once and
    each window is cut from it. Most words are in no window, and making a
    Token costs more than finding it, so Tokens are made as windows need them.
    """

    __slots__ = ("_capitals", "_made", "_text", "_words", "count", "ends", "starts")

    def __init__(self, text: str):
        """Scan ``text`` for its words."""
        spans = [m.span() for m in _TOKEN.finditer(text)]
        self._text = text
        self.count = len(spans)
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        self._words: list[Token | None] = [None] * self.count
        self._made = bytearray(self.count)
        self._capitals: tuple[list[bool], list[int]] | None = None

    def words(self, first: int, last: int) -> list[Token]:
        """The Tokens of words ``first`` to ``last`` (excluded)."""
        if self._made.find(0, first, last) >= 0:
            for i in range(first, last):
                if not self._made[i]:
                    start, end = self.starts[i], self.ends[i]
                    self._words[i] = Token(self._text[start:end], start, end)
                    self._made[i] = 1
        # Every word in the range is made by now.
        return cast(list[Token], self._words[first:last])

    def capitals(self) -> tuple[list[bool], list[int]]:
        """Whether each word opens with a capital, and the indexes of the words that do.

        Read once, on first asking: runs of capitalized words are read with two
        sets of connectors from the same words.
        """
        if self._capitals is None:
            flags = [self._text[start].isupper() for start in self.starts]
            self._capitals = (flags, [i for i, flag in enumerate(flags) if flag])
        return self._capitals


@lru_cache(maxsize=64)
def _tokenized(text: str) -> _Tokenized:
    return _Tokenized(text)


def _cut(text: str, full: _Tokenized, index: int, stop: int) -> list[Token]:
    """The words of the window from word ``index`` (where a scan would resume) up to ``stop``.

    A scan of the window finds the very words of the whole text up to ``stop``:
    the token pattern has no look-around, so what it matches ending before the
    window's end does not depend on what follows. A word the window's end cuts
    is scanned afresh, as a scan of the window would cut it.
    """
    last = bisect_right(full.ends, stop, lo=index)
    out = full.words(index, last)
    if last < full.count and full.starts[last] < stop:
        out.extend(_piece(text, full.starts[last], stop))
    return out


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    # A whole text is most often a sentence's, read once: keeping it would crowd out the article.
    if (start == 0 and end is None) or not 0 <= start < stop <= len(text):
        return _scanned(text, start, stop)
    full = _tokenized(text)
    index = bisect_right(full.ends, start)
    if index == full.count or full.starts[index] >= start:
        return _cut(text, full, index, stop)
    # The window opens inside a word.
    end = full.ends[index]
    if end >= stop:
        return _piece(text, start, stop)
    if text[start:end].isalnum() and not _goes_on(text[end]):
        # Its piece is letters alone, and nothing a scan of the piece could take follows it:
        # the piece is one word, and the text's words follow.
        return [Token(text[start:end], start, end), *_cut(text, full, index + 1, stop)]
    # Else scan its piece of that word until a match ends where no word of the whole text
    # goes on; from there the window's words are the text's.
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, stop):
        out.append(Token(m.group(), m.start(), m.end()))
        index = bisect_right(full.ends, m.end())
        if index == full.count or full.starts[index] >= m.end():
            return out + _cut(text, full, index, stop)
    return out


def is_capitalized(word: str) -> bool:
    """Whether a word starts with an upper-case letter ("Imankulov", "U.S.", "CSTO")."""
    return bool(word) and word[0].isupper()


def is_all_caps(word: str) -> bool:
    """Whether a word is written in capitals only, ignoring dots and digits ("CSTO", "U.S.")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_shouted(text: str) -> bool:
    """Whether every word of ``text`` is in capitals: an all-caps headline, where case says nothing.

    "WHO IS TO BLAME" is shouted; "GENEVA (AP) - The WHO said" is not.
    """
    return _shouted(text)


# Kept per sentence: several rules ask it of every all-caps word of one sentence.
@lru_cache(maxsize=1024)
def _shouted(text: str) -> bool:
    # Word by word, to stop at the first small letter: most sentences show one in a few words.
    seen_word = False
    for match in _TOKEN.finditer(text):
        word = match.group()
        if sum(c.isalpha() for c in word) < 2:
            continue
        if any(c.islower() for c in word):
            return False
        seen_word = True
    return seen_word


def in_shouted_sentence(text: str, offset: int) -> bool:
    """Whether the sentence holding ``offset`` is :func:`is_shouted` (an all-caps headline)."""
    sentence = sentence_at(text, offset)
    return sentence is not None and is_shouted(sentence.text)


def strip_possessive(word: str) -> str:
    """``word`` without a trailing possessive ("Kyrgyzstan’s" -> "Kyrgyzstan", "Zas'" kept short)."""
    for apostrophe in APOSTROPHES:
        if word.endswith(apostrophe + "s"):
            return word[:-2]
        if word.endswith(apostrophe):
            return word[:-1]
    return word


def capitalized_runs(text: str, connectors: frozenset[str] = NAME_CONNECTORS) -> list[Token]:
    """Maximal runs of capitalized words in ``text``, as one token each.

    Lower-case ``connectors`` may join two capitalized words ("Ministry of Foreign
    Affairs") but never start or end a run. A run never crosses punctuation other
    than the inner hyphens and dots of a word.
    """
    return list(_capitalized_runs(text, connectors))


# Organizations, their names and places all read the runs of one article.
@lru_cache(maxsize=64)
def _capitalized_runs(text: str, connectors: frozenset[str]) -> tuple[Token, ...]:
    runs: list[Token] = []
    full = _tokenized(text)
    starts, ends = full.starts, full.ends
    capitalized, openers = full.capitals()
    resume = 0
    # Only a capitalized word opens a run: the other words are read only inside one.
    for i in openers:
        if i < resume:
            continue
        last = i
        j = i + 1
        while j < full.count and _only_space_between(text, ends[j - 1], starts[j]):
            if capitalized[j]:
                last = j
            elif text[starts[j] : ends[j]] not in connectors:
                break
            j += 1
        runs.append(Token(text[starts[i] : ends[last]], starts[i], ends[last]))
        resume = last + 1
    return tuple(runs)


def _only_space_between(text: str, left_end: int, right_start: int) -> bool:
    gap = text[left_end:right_start]
    # Most words are one space apart: that answer needs no scan of the gap.
    return gap == " " or (gap.isspace() and "\n" not in gap)


# --- Matching many names at once ------------------------------------------------


def names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any of ``names`` as whole words, longest first.

    Whole-word means no letter or digit right before or after: "Niger" does not
    match inside "Nigeria", yet "U.S." still matches before "-led".
    """
    distinct = {n for n in names if n}
    if len(distinct) < FEW_NAMES:
        # For a few names the plain alternation compiles faster than a trie (name_matching).
        alternatives = sorted(distinct, key=lambda n: (-len(n), n))
        body = "|".join(re.escape(n) for n in alternatives) or r"(?!x)x"
        return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")
    return re.compile(rf"(?:{trie_alternation(distinct)})(?![^\W_])")


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether the half-open ranges [a_start, a_end) and [b_start, b_end) share a character."""
    return a_start < b_end and b_start < a_end


class SpanIndex:
    """Ranges to ask whether any overlaps a range, in log time rather than one range at a time."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        """Index half-open ``ranges`` by start, with the furthest end among each prefix of them."""
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        """Whether a range shares a character with [start, end), as :func:`overlaps` says."""
        # The ranges starting before ``end`` overlap it when one of them ends after ``start``.
        before = bisect_left(self._starts, end)
        return before > 0 and self._reach[before - 1] > start


def non_overlapping(ranges: Sequence[tuple[int, int]]) -> list[int]:
    """Indexes of ``ranges`` to keep so none overlap: longer first, then earlier.

    Used to let "Kyrgyz Health Ministry" win over the "Kyrgyz" inside it.
    """
    order = sorted(range(len(ranges)), key=lambda i: (-(ranges[i][1] - ranges[i][0]), ranges[i][0]))
    kept: list[int] = []
    for i in order:
        if not any(overlaps(*ranges[i], *ranges[k]) for k in kept):
            kept.append(i)
    return sorted(kept, key=lambda i: ranges[i][0])
