"""Saved news pages (.html, .htm): the article text without the page around it.

trafilatura finds the text, title, canonical URL and site name; measured on the
fixtures in tests/fixtures/corpus/html it drops navigation, cookie banners,
share buttons, related links, ads and footers and keeps every paragraph.

Dates are the exception. trafilatura asks htmldate, which falls back on any
date it sees on the page: on a page that states no date of its own it took the
date of a "Most read" link in the sidebar, even with extensive search off. So
the publication time is read here, only from where a page states it for this
article (JSON-LD ``datePublished`` of an article, ``article:published_time``
and similar meta tags, ``itemprop="datePublished"``), and is None otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import trafilatura

from search_index.corpus.chrome import is_chrome
from search_index.corpus.dates import parse_date_line, parse_iso
from search_index.corpus.drafts import make_draft
from search_index.corpus.identity import normalize_text
from search_index.errors import BadArticle
from search_index.models import ArticleDraft

_META_DATES = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@property='og:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date']/@content",
    "//meta[@name='dcterms.issued' or @name='DC.date.issued' or @name='dc.date']/@content",
    "//time[@itemprop='datePublished']/@datetime",
    "//*[@itemprop='datePublished']/@content",
)
_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting", "Report")


def _moment(value: str) -> datetime | None:
    """A stated date-time (ISO 8601 or a plain written date), None when it is neither."""
    try:
        return parse_iso(value)
    except ValueError:
        return parse_date_line(value)


def _json_ld_objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document, including those under ``@graph`` and in lists."""
    if isinstance(value, list):
        for item in value:
            yield from _json_ld_objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _json_ld_objects(value.get("@graph"))


def _is_article(obj: dict[str, Any]) -> bool:
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(name, str) and name in _ARTICLE_TYPES for name in names)


def _json_ld_date(tree: Any) -> datetime | None:
    """``datePublished`` of the article described in the page's JSON-LD."""
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            document = json.loads(script)
        except json.JSONDecodeError:
            continue  # a broken block on someone else's page is not our reader's error
        for obj in _json_ld_objects(document):
            stated = obj.get("datePublished")
            if _is_article(obj) and isinstance(stated, str) and (found := _moment(stated)):
                return found
    return None


def stated_date(tree: Any) -> datetime | None:
    """When the page says its article was published; None when it does not say."""
    found = _json_ld_date(tree)
    if found is not None:
        return found
    for path in _META_DATES:
        for value in tree.xpath(path):
            if (found := _moment(str(value))) is not None:
                return found
    return None


def _paragraphs(text: str, title: str) -> str:
    """trafilatura's lines as paragraphs, without a heading that repeats the title.

    Lines that are chrome by the .txt rules ("Share", "Home") are dropped too: on a
    page with little text trafilatura falls back to what it can find, menus included.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and normalize_text(lines[0]) == normalize_text(title):
        lines = lines[1:]
    return "\n\n".join(line for line in lines if not is_chrome(line))


def parse_html(text: str, where: str) -> ArticleDraft:
    """The article on a saved news page. Raises BadArticle when no article text is found."""
    try:
        tree = trafilatura.load_html(text)
        if tree is None:
            raise BadArticle(where, "not an HTML page")
        found = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Keep htmldate from searching widely; its date is ignored anyway (see above).
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (ValueError, RecursionError) as error:
        # Pathological markup can defeat lxml; that is a bad file, not a crash of the ingest.
        raise BadArticle(where, f"the page cannot be parsed: {error}") from None
    if found is None or isinstance(found, dict):
        raise BadArticle(where, "no article text found on the page")
    title = (found.title or "").strip()
    if not title:
        raise BadArticle(where, "no title found on the page")
    body = _paragraphs(found.text or "", title)
    if not body:
        raise BadArticle(where, "no article text found on the page")
    return make_draft(
        where,
        title=title,
        body=body,
        published_at=stated_date(tree),
        source=(found.sitename or "").strip() or None,
        url=(found.url or "").strip() or None,
    )
