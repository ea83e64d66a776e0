"""The dateline that opens an agency story: ``BISHKEK. Sept 22 (Interfax) -``.

It names the place the story was filed from and, usually, the agency. The
forms agencies use differ in punctuation, not in shape: a place in capitals,
an optional region (AP's ``KYIV, Ukraine``), an optional day without a year,
an optional agency in parentheses or slashes (TASS's ``/TASS/``) and a dash:

    BISHKEK. Sept 22 (Interfax) -        MOSCOW, Sept 22 (Reuters) -
    WASHINGTON (AP) —                     PARIS (AFP) -
    ASTANA, Oct. 3 (TASS)                 MOSCOW, September 22. /TASS/.
    BEIJING, Sept. 22 (Xinhua) --         ASTANA. KAZINFORM -
    LONDON —                              (place only)

The day in a dateline has no year, so it never becomes the article's date.
"""

from __future__ import annotations

import re

from search_index.models import Record

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_WORD = r"[^\W\d_][^\W\d_'’\-]*"
_DATELINE = re.compile(
    rf"""
    ^(?P<place>(?:[^\W\d_]{{1,3}}\.\s)?{_WORD}(?:\s{_WORD}){{0,3}}?)
    (?:,\s(?!{_MONTH}[a-z]*\.?\s\d)(?P<region>[A-Z][a-z][\w.]*(?:\s[A-Z][a-z][\w.]*)?))?
    (?:[.,]?\s+(?P<day>[A-Z][a-z]{{2,8}}\.?\s\d{{1,2}}|\d{{1,2}}\s[A-Z][a-z]{{2,8}})\.?)?
    (?:                                     # an agency, then perhaps a dash; or a dash alone
        (?:
            \s*\((?P<paren>[^()\n]{{2,40}})\)
          | \s*/(?P<slash>[^/\n]{{2,30}})/\.?
          | [.,]\s(?P<caps>[A-Z][A-Z\-]{{2,30}})(?=\s*(?:--|[-–—]))
        )
        (?:\s*(?:--|[-–—]))?
      | \s*(?:--|[-–—])
    )
    (?=\s)
    """,
    re.VERBOSE,
)
_MOST_SOURCE_WORDS = 3
_FEWEST_PLACE_LETTERS = 3


class Dateline(Record):
    """A dateline: where the story was filed, by whom, and the text it takes up."""

    place: str
    source: str | None = None
    text: str


def _is_place(place: str) -> bool:
    """All capitals (``BISHKEK``, ``ST. PETERSBURG``): a capitalised first word is prose."""
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= _FEWEST_PLACE_LETTERS and all(c.isupper() for c in letters)


def find_dateline(body: str) -> Dateline | None:
    """The dateline at the very start of ``body``, or None when the body opens with prose."""
    match = _DATELINE.match(body.lstrip())
    if match is None or not _is_place(match["place"]):
        return None
    source = (match["paren"] or match["slash"] or match["caps"] or "").strip() or None
    if source is not None and len(source.split()) > _MOST_SOURCE_WORDS:
        return None
    return Dateline(place=match["place"], source=source, text=match.group(0).strip())
