"""Direct quotations: where each opens and closes, across paragraphs, in straight or curly marks.

News continues a long quote into the next paragraph by leaving the first
paragraph's quote open and opening the next paragraph with a quote mark; the
two parts are one quotation. A quote left open with no such continuation ends
with its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = "“«„"
_CLOSERS = "”»"
_STRAIGHT = '"'
# Only the marks matter to the quote finder: one search jumps from one to the next, where a
# loop over every character of a paragraph cost more than all the rest of finding quotes.
_MARK = re.compile(f"[{_OPENERS}{_CLOSERS}{_STRAIGHT}]")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: ``start`` is its opening mark, ``end`` just past its closing mark.

    ``parts`` are the spans of the quoted words, one per paragraph it covers.
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]

    def words(self, text: str) -> str:
        """The quoted words, without quote marks or the comma that hands over to "he said"."""
        joined = " ".join(text[a:b].strip() for a, b in self.parts)
        return joined.rstrip(" ,")

    def word_count(self, text: str) -> int:
        """How many words are quoted."""
        return len(self.words(text).split())


@dataclass(frozen=True, slots=True)
class _Piece:
    """A quote inside one paragraph; ``closed`` is False when the paragraph ends inside it."""

    start: int
    inner_start: int
    inner_end: int
    end: int
    closed: bool


def _straight_role(text: str, i: int, start: int, end: int) -> tuple[bool, bool]:
    """Whether a straight quote at ``i`` can open, and whether it can close, by its neighbours."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    can_open = before.isspace() or before in "([{—–-/"
    can_close = after.isspace() or after in ".,;:!?)]}—–-"
    return can_open, can_close


def _inside_word(text: str, i: int, start: int, end: int) -> bool:
    """Whether a straight mark stands between two letters: an apostrophe a bad conversion
    turned into a quote mark ("didn"t"), never a quotation's edge."""
    return start < i < end - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def _pieces(text: str, start: int, end: int) -> list[_Piece]:
    # A stray mark (a typo, an inch sign, a quote cut off by the page) must not flip every
    # quote after it, so each straight mark opens or closes by what stands next to it, and
    # a mark that can only open, met inside a quote, restarts the quote there.
    pieces: list[_Piece] = []
    open_at: int | None = None
    for mark in _MARK.finditer(text, start, end):
        i = mark.start()
        char = mark.group()
        if char in _OPENERS:
            open_at = i
        elif char in _CLOSERS and open_at is not None:
            pieces.append(_Piece(open_at, open_at + 1, i, i + 1, closed=True))
            open_at = None
        elif char == _STRAIGHT:
            if _inside_word(text, i, start, end):
                continue
            can_open, can_close = _straight_role(text, i, start, end)
            if open_at is None and (can_open or not can_close):
                open_at = i
            elif open_at is not None and (can_close or not can_open):
                pieces.append(_Piece(open_at, open_at + 1, i, i + 1, closed=True))
                open_at = None
            elif open_at is not None:
                open_at = i
    if open_at is not None:
        pieces.append(_Piece(open_at, open_at + 1, end, end, closed=False))
    return pieces


def _opens_with_quote(text: str, start: int) -> bool:
    return text[start] in _OPENERS or text[start] == _STRAIGHT


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order; one that spans paragraphs is one quote."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    quotes: list[Quote] = []
    carried: list[_Piece] = []
    for index, (start, end) in enumerate(paragraphs):
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        pieces = _pieces(text, start + lead, end)
        for piece in pieces:
            if carried and piece is not pieces[0]:
                quotes.append(_join(carried))
                carried = []
            carried.append(piece)
            if piece.closed:
                quotes.append(_join(carried))
                carried = []
        following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        if carried and (following is None or not _opens_with_quote(text, following)):
            quotes.append(_join(carried))
            carried = []
    return quotes


def _join(pieces: list[_Piece]) -> Quote:
    return Quote(
        start=pieces[0].start,
        end=pieces[-1].end,
        parts=tuple((p.inner_start, p.inner_end) for p in pieces),
    )
