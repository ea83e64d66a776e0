"""Plain-text articles, as the seed articles come.

    22 Sep 2022 16:47                  <- optional date line

    Kyrgyzstan not considering ...     <- title

    kyrgyz                             <- page chrome (a category), dropped

    BISHKEK. Sept 22 (Interfax) - ...  <- body paragraphs, the dateline kept
    ...
    Scroll to Top                      <- page chrome, dropped

The date line may also stand just under the title. Body lines keep their
characters as written (curly quotes stay); paragraphs are joined by a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

from search_index.corpus.chrome import is_breadcrumb, is_chrome, is_header_chrome
from search_index.corpus.dates import looks_like_date, parse_date_line
from search_index.corpus.drafts import make_draft
from search_index.errors import BadArticle
from search_index.models import ArticleDraft

# An "Updated ..." stamp is not the publication date, and not the title either.
_UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)


def _is_date_stamp(line: str) -> bool:
    """A line that is a date (read or not, "Updated ..." too): never a title or body text."""
    return looks_like_date(line) or parse_date_line(_UPDATED.sub("", line)) is not None


def _paragraphs(lines: list[str]) -> Iterator[str]:
    """Blocks of consecutive non-blank lines, chrome dropped, each line stripped."""
    block: list[str] = []
    for line in lines:
        text = line.strip()
        if text and not is_chrome(text):
            block.append(text)
        elif not text and block:
            yield "\n".join(block)
            block = []
    if block:
        yield "\n".join(block)


class _Header(NamedTuple):
    """What precedes the text: the title, the stated date, the index of the first body line."""

    title: str
    published_at: datetime | None
    body_starts: int


def _read_header(lines: list[str]) -> _Header | None:
    """The title, the date line (before or just under the title) and where the text starts."""
    published_at: datetime | None = None
    title: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if not line:
            continue
        if published_at is None and (found := parse_date_line(line)) is not None:
            published_at = found
        elif title is None and not (is_chrome(line) or is_breadcrumb(line) or _is_date_stamp(line)):
            title = line
        elif title is not None and not (is_header_chrome(line) or _is_date_stamp(line)):
            return _Header(title, published_at, index - 1)
    return None if title is None else _Header(title, published_at, len(lines))


def parse_txt(text: str, where: str) -> ArticleDraft:
    """The article in a .txt file's text. Raises BadArticle when it has no title or body.

    A date line without a zone is taken as UTC; with no date line the article is undated.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = _read_header(lines)
    if header is None:
        raise BadArticle(where, "no text: the file holds no title")
    body = "\n\n".join(_paragraphs(lines[header.body_starts :]))
    if not body:
        raise BadArticle(where, "no body: the file holds a title and nothing else")
    return make_draft(where, title=header.title, body=body, published_at=header.published_at)
