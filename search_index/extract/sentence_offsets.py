"""Bling Fire's sentence split as character offsets, without its per-byte Python loop.

``blingfire.text_to_sentences_and_offsets`` calls the library's C function,
which answers in UTF-8 byte offsets, then walks every byte of the text in
Python to turn them into character offsets: most of the time the split takes.
:func:`sentence_offsets` calls the same C function with the same buffers and
converts only the offsets it returns, giving exactly what the wrapper gives
(pinned blingfire 0.1.8; a test compares the two). Where the wrapper would not
give a clean answer (offsets out of order, inside a character) it is called
itself, so even its failures are the same.
"""

from __future__ import annotations

from ctypes import byref, c_char_p, c_int, c_int32, create_string_buffer

import blingfire

#: The library the wrapper module loaded (its C functions are attributes of it).
_LIBRARY = blingfire.blingfire


def _byte_offsets(text: bytes) -> tuple[list[int], int] | None:
    """The C function's answer: start and inclusive end byte of each sentence, interleaved,
    and how many sentences it says there are.

    None where the wrapper would find an error and give no sentences.
    """
    out = create_string_buffer(len(text) * 2)
    capacity = len(out)
    starts = (c_int32 * capacity)()
    ends = (c_int32 * capacity)()
    length = _LIBRARY.TextToSentencesWithOffsets(
        c_char_p(text), c_int(len(text)), byref(out), byref(starts), byref(ends), c_int(capacity)
    )
    if length == -1 or length > capacity:
        return None
    count = out.value.count(b"\n") + 1
    pairs = zip(starts[:count], ends[:count], strict=True)
    return [offset for pair in pairs for offset in pair], count


def _char_offsets(source: str, text: bytes, targets: list[int]) -> list[int] | None:
    """Byte positions as character positions, as the wrapper's walk assigns them.

    The walk visits the first byte of each character in order and assigns the
    next target when it equals that byte; a target it cannot assign (earlier
    than one before it, inside a character, past the end) stops it, and the
    last one missing is the text's end. None when that leaves any other missing.
    """
    ascii_only = len(text) == len(source)
    found: list[int] = []
    previous = 0
    for target in targets:
        if not (previous <= target < len(text)) or (text[target] & 0xC0) == 0x80:
            break
        found.append(target if ascii_only else len(text[:target].decode("utf-8")))
        previous = target
    if len(found) < len(targets):
        found.append(len(source))
    return found if len(found) == len(targets) else None


def sentence_offsets(source: str) -> list[tuple[int, int]]:
    """``blingfire.text_to_sentences_and_offsets(source)[1]``: each sentence's (start, end)."""
    text = source.encode("utf-8")
    answer = _byte_offsets(text)
    if answer is None:
        return []
    offsets, count = answer
    # The wrapper's ends point at a sentence's last byte; it reads them one byte on.
    targets = [offset + (i % 2) for i, offset in enumerate(offsets)]
    found = _char_offsets(source, text, targets)
    if found is None or len(found) != 2 * count:
        _, pairs = blingfire.text_to_sentences_and_offsets(source)
        return list(pairs)
    return list(zip(found[::2], found[1::2], strict=True))
