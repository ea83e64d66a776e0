"""Highlights: fragments of a hit's title and body with the matched words in ``<mark>``.

Article text is untrusted input that a frontend will insert as HTML, so every
character outside the ``<mark>`` tags is escaped, matched words included.
"""

from __future__ import annotations

from html import escape
from typing import Any, Final

from whoosh.highlight import ContextFragmenter, Formatter, Highlighter, WholeFragmenter, get_text

from search_index.models import Highlight

#: Body fragments this long at most, with this much context around a match.
_FRAGMENT_CHARS: Final = 200
_CONTEXT_CHARS: Final = 60
_BODY_FRAGMENTS: Final = 3


class MarkFormatter(Formatter):  # type: ignore[misc]  # Whoosh is untyped
    """Wraps matches in ``<mark>`` and HTML-escapes all text; keeps fragments apart."""

    def _text(self, text: str) -> str:
        return escape(text, quote=True)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        """One matched word, escaped, inside ``<mark>``."""
        return f"<mark>{escape(get_text(text, token, replace), quote=True)}</mark>"

    def format(self, fragments: list[Any], replace: bool = False) -> list[str]:
        """Each fragment formatted on its own (Whoosh's default joins them with "...")."""
        return [self.format_fragment(fragment, replace=replace) for fragment in fragments]


_FORMATTER: Final = MarkFormatter()
# A title is short: shown whole. A body: the best few passages around matches.
_HIGHLIGHTERS: Final = {
    "title": (Highlighter(fragmenter=WholeFragmenter(), formatter=_FORMATTER), 1),
    "body": (
        Highlighter(
            fragmenter=ContextFragmenter(maxchars=_FRAGMENT_CHARS, surround=_CONTEXT_CHARS),
            formatter=_FORMATTER,
        ),
        _BODY_FRAGMENTS,
    ),
}


def highlights(hit: Any) -> tuple[Highlight, ...]:
    """Highlights of the title and body of a Whoosh hit; only the fields the query matched."""
    found: list[Highlight] = []
    for field, (highlighter, top) in _HIGHLIGHTERS.items():
        fragments: list[str] = highlighter.highlight_hit(hit, field, top=top)
        if fragments:
            found.append(Highlight(field=field, fragments=tuple(fragments)))
    return tuple(found)
