"""Saved news pages: the article without the page around it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import html as lxml_html

from search_index.corpus import BadArticle, parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "corpus" / "html"

# Text each page shows around the article, which must not reach the body.
PAGE_CHROME = {
    "akipress_zas_kulubaev.html": [
        "We use cookies",
        "Accept all cookies",
        "Central Asia",
        "Contacts",
        "Related news",
        "Death toll in border conflict rises",
        "Advertisement",
        "Telegram",
        "All rights reserved",
        "Terms of use",
    ],
    "tass_imankulov.html": [
        "This website uses cookies",
        "Military & Defense",
        "Russian Politics",
        "Advertisement",
        "Tags",
        "More news",
        "Tajikistan reports 41 dead",
        "Certificate of mass media",
    ],
    "undated_blog_repost.html": [
        "uses cookies",
        "Opinion",
        "Most read",
        "CSTO leaders gather in Yerevan",
        "Newsletter",
        "weekly briefing",
        "independent news site",
        "Copyright",
    ],
}


def _page(name: str) -> tuple[str, str]:
    path = FIXTURES / name
    return path.read_text(encoding="utf-8"), str(path)


def _article_paragraphs(html: str) -> list[str]:
    """The <p> elements of the page's article text, as written in the fixture."""
    tree = lxml_html.fromstring(html)
    nodes = tree.xpath(
        "//div[contains(@class,'article-body') or contains(@class,'text-content')"
        " or contains(@class,'entry')]/p"
    )
    return [node.text_content().strip() for node in nodes]


@pytest.mark.parametrize("name", sorted(PAGE_CHROME))
def test_article_text_is_all_there_and_chrome_is_gone(name: str) -> None:
    html, where = _page(name)
    draft = parse_html(html, where)
    expected = _article_paragraphs(html)
    assert len(expected) >= 5
    assert draft.body.split("\n\n") == expected
    for chrome in PAGE_CHROME[name]:
        assert chrome not in draft.body, chrome


def test_akipress_page_metadata() -> None:
    draft = parse_html(*_page("akipress_zas_kulubaev.html"))
    assert draft.title == "CSTO mechanisms to be launched on Kyrgyz-Tajik border"
    assert draft.url == "https://akipress.com/news:683311/"
    assert draft.source == "AKIpress News Agency"
    assert draft.dateline == "BISHKEK"
    assert draft.published_at == datetime(2022, 9, 27, 9, 20, tzinfo=UTC)


def test_tass_page_date_comes_from_json_ld() -> None:
    draft = parse_html(*_page("tass_imankulov.html"))
    assert draft.published_at == datetime(2022, 9, 22, 11, 5, tzinfo=UTC)
    assert (draft.source, draft.dateline) == ("TASS", "MOSCOW")
    assert draft.url == "https://tass.com/politics/1511441"


def test_page_that_states_no_date_stays_undated() -> None:
    # Its sidebar lists other stories with dates; none of them is this article's.
    draft = parse_html(*_page("undated_blog_repost.html"))
    assert draft.published_at is None
    assert draft.title == "Border villages begin to rebuild after the fighting"
    assert not draft.body.startswith(draft.title)
    assert draft.dateline == "BATKEN"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    ],
)
def test_page_without_article_text_is_an_error(html: str) -> None:
    with pytest.raises(BadArticle) as raised:
        parse_html(html, "empty.html")
    assert raised.value.where == "empty.html"
