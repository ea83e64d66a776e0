"""Argument limits checked in resolvers: page size and search length (BAD_USER_INPUT)."""

from __future__ import annotations

from search_index.errors import BadInput
from search_index.settings import Settings


def page_size(first: int | None, settings: Settings, default: int = 10) -> int:
    """``first`` (``default`` when null) if it is within 0..max_page_size; BadInput otherwise."""
    if first is None:
        return default
    if first < 0:
        raise BadInput("`first` must not be negative")
    if first > settings.max_page_size:
        raise BadInput(f"`first` must be at most {settings.max_page_size}; page with `after`")
    return first


def search_text(text: str, settings: Settings) -> str:
    """Search text within max_search_length and not blank; BadInput otherwise."""
    if len(text) > settings.max_search_length:
        raise BadInput(f"search text is longer than {settings.max_search_length} characters")
    if not text.strip():
        raise BadInput("search text must not be empty")
    return text


def optional_search(text: str | None, settings: Settings) -> str | None:
    """Like :func:`search_text`, where no search (None or blank) means "list them all"."""
    if text is None or not text.strip():
        return None
    return search_text(text, settings)
