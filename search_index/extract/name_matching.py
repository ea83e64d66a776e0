"""Matching many names at once, faster than one alternation of them all.

:func:`~search_index.extract.text.names_pattern` once joined every name into
one regex alternation, longest first. For the gazetteers' thousands of names
that tries every name at every character of a text; :func:`trie_alternation`
and :func:`longest_first` write the same names as a trie, which matches the
same way far faster. For the handful of names one article gives,
:func:`name_spans` and :func:`written_alone` find them with ``str.find``
rather than compiling a regex for each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Below this many names a plain alternation compiles faster than a trie and reads a text as fast.
FEW_NAMES = 50


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``names_pattern(names).finditer(text)`` matches, as (start, end), found without it.

    For the few names one article gives (its people, the acronyms it defines)
    compiling a regex costs more than finding each name: leftmost first, the
    longest that ends a word there, the next one searched for after it.
    """
    longest: dict[int, int] = {}
    for name in {n for n in names if n}:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            # The regex's whole-word test: no letter or digit (``[^\W_]``) on either side.
            alone = (start == 0 or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            if alone and end > longest.get(start, start):
                longest[start] = end
            start = text.find(name, start + 1)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for start in sorted(longest):
        if start >= cursor:
            spans.append((start, longest[start]))
            cursor = longest[start]
    return spans


# A plain alternation of a few thousand names tries every one of them at every character of a
# text. The same names as a trie try one branch per character read, and a trie whose branches
# open with distinct characters lets the regex engine skip to the characters that open a name.
# It matches what the alternation matched: at a position the text picks one path down the trie,
# each optional tail is tried before stopping short of it, so the longest name that lets the
# rest of the pattern match there wins, as it did when the names were tried longest first.
_Trie = dict[str, "_Trie"]
_END = ""


def _trie(names: Iterable[str]) -> _Trie:
    root: _Trie = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[_END] = {}
    return root


def trie_alternation(names: Iterable[str]) -> str:
    """A regex for ``names`` (none empty) as a trie, whole-word on the left, longest first."""
    # The left word boundary goes after each opening character, where it looks back two
    # characters: a regex opening with a look-behind gets no list of characters to skip to.
    return _guarded_branches(_trie(names), r"[^\W_]", re.escape(" "))


def longest_first(phrases: Iterable[str], space: str = re.escape(" ")) -> str:
    """A regex alternation of ``phrases`` that tries the longer of two matching ones first.

    Each space of a phrase is written as the regex ``space`` (a plain space by
    default, or one matching any run of whitespace). Equivalent to joining the
    escaped phrases longest first, and far faster on long lists.
    """
    root = _trie(phrases)
    return _trie_regex(root, space) if root else r"(?!x)x"


def word_start_first(phrases: Iterable[str], space: str = re.escape(" ")) -> str:
    """``(?<![\\w-])(?:`` :func:`longest_first` ``)``: the phrases, none joined to a word before.

    The look-behind goes after each opening character, as in
    :func:`trie_alternation`: a regex opening with a look-behind gets no list of
    characters to skip to and is tried at every character of a text. That pays
    when the phrases open with capitals, which few characters of a text are; for
    lower-case ones most characters open a try, and the look-behind first fails
    sooner inside words. The phrases must open with a letter, not a space.
    """
    branches = _guarded_branches(_trie(phrases), r"[\w-]", space)
    return f"(?:{branches})"


def _guarded_branches(root: _Trie, before: str, space: str) -> str:
    """One branch per opening character, each refusing a ``before`` character ahead of it."""
    if not root:
        return r"(?!x)x"
    branches = []
    for char, child in sorted(root.items()):
        escaped = re.escape(char)
        branches.append(f"{escaped}(?<!{before}{escaped}){_trie_regex(child, space)}")
    return "|".join(branches)


def _trie_regex(node: _Trie, space: str) -> str:
    """The regex for every way down from ``node``, a longer way tried before a shorter one."""
    branches = []
    for char, child in sorted(node.items()):
        if char == _END:
            continue
        chain = space if char == " " else re.escape(char)
        while len(child) == 1 and _END not in child:
            ((next_char, child),) = child.items()
            chain += space if next_char == " " else re.escape(next_char)
        branches.append(chain + _trie_regex(child, space))
    if not branches:
        return ""
    alternation = "|".join(branches)
    if _END in node:
        return f"(?:{alternation})?"
    return alternation if len(branches) == 1 else f"(?:{alternation})"


def written_alone(word: str, text: str) -> bool:
    """Whether ``word`` stands in ``text`` with no letter, digit, "_" or "-" joined to it.

    What ``re.search(rf"(?<![\\w-]){re.escape(word)}(?![\\w-])", text)`` finds,
    without compiling a regex for every word asked about.
    """
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        joined_before = start > 0 and _joins_words(text[start - 1])
        joined_after = end < len(text) and _joins_words(text[end])
        if not joined_before and not joined_after:
            return True
        start = text.find(word, start + 1)
    return False


def _joins_words(char: str) -> bool:
    """Whether a character is one of ``[\\w-]``: it would make a word longer."""
    return char.isalnum() or char in "_-"
