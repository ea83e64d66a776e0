"""Article identity: stable across re-reads, and a content hash that sees every change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from search_index.corpus import parse_json_object, parse_txt, read_paths, to_article
from search_index.models import ArticleDraft

SEEDS = Path(__file__).parent.parent / "data" / "articles"

BASE = ArticleDraft(
    title="CSTO Mechanisms to be Launched on Kyrgyz-Tajik Border",
    body="Stanislav Zas met with foreign minister Jeenbek Kulubaev.\n\nThey talked about security.",
    published_at=datetime(2022, 9, 27, 9, 20, tzinfo=UTC),
    source="AKIpress",
    dateline="BISHKEK",
)


def test_rereading_the_seeds_gives_the_same_ids_and_hashes() -> None:
    first = [to_article(o.draft) for o in read_paths([SEEDS]) if o.draft is not None]
    second = [to_article(o.draft) for o in read_paths([SEEDS]) if o.draft is not None]
    assert len(first) == 2
    assert [(a.id, a.content_hash) for a in first] == [(a.id, a.content_hash) for a in second]
    assert first[0].id != first[1].id


def test_hashed_id_is_16_hex_digits() -> None:
    article = to_article(BASE)
    assert len(article.id) == 16
    int(article.id, 16)
    assert len(article.content_hash) == 64


def test_hashed_id_ignores_spacing_and_case() -> None:
    respaced = BASE.model_copy(
        update={"body": BASE.body.replace(" ", "  \n").upper(), "title": f"  {BASE.title.lower()} "}
    )
    assert to_article(respaced).id == to_article(BASE).id
    # ... but the content hash sees the edit.
    assert to_article(respaced).content_hash != to_article(BASE).content_hash


def test_hashed_id_changes_with_the_words() -> None:
    other = BASE.model_copy(update={"body": BASE.body.replace("security", "trade")})
    assert to_article(other).id != to_article(BASE).id


def test_same_article_from_txt_and_json_has_one_id() -> None:
    text = f"{BASE.title}\n\n{BASE.body}"
    from_txt = to_article(parse_txt(text, "a.txt"))
    from_json = to_article(parse_json_object({"title": BASE.title, "body": BASE.body}, "a.json"))
    assert from_txt.id == from_json.id


def test_given_id_wins_then_url() -> None:
    with_url = BASE.model_copy(update={"url": "  https://akipress.com/news:683311/ "})
    assert to_article(with_url).id == "https://akipress.com/news:683311/"
    assert to_article(with_url).url == "https://akipress.com/news:683311/"
    with_id = with_url.model_copy(update={"id": " aki-683311 "})
    assert to_article(with_id).id == "aki-683311"
    # The id stays when the text is corrected: that is an update, not a new article.
    edited = with_id.model_copy(update={"body": BASE.body + "\n\nCorrection appended."})
    assert to_article(edited).id == "aki-683311"
    assert to_article(edited).content_hash != to_article(with_id).content_hash


@pytest.mark.parametrize(
    "change",
    [
        {"title": "CSTO mechanisms launched"},
        {"body": BASE.body + " More."},
        {"published_at": datetime(2022, 9, 28, tzinfo=UTC)},
        {"published_at": None},
        {"source": "Interfax"},
        {"source": None},
        {"url": "https://example.org/a"},
        {"dateline": "OSH"},
        {"dateline": None},
    ],
)
def test_any_change_gives_a_new_content_hash(change: dict[str, object]) -> None:
    assert to_article(BASE.model_copy(update=change)).content_hash != to_article(BASE).content_hash


def test_the_same_instant_in_another_zone_is_not_a_change() -> None:
    assert BASE.published_at is not None
    shifted = BASE.published_at.astimezone(timezone(timedelta(hours=6)))
    moved = BASE.model_copy(update={"published_at": shifted})
    assert to_article(moved).content_hash == to_article(BASE).content_hash


def test_article_keeps_every_field_of_the_draft() -> None:
    article = to_article(BASE)
    assert (article.title, article.body, article.source, article.dateline) == (
        BASE.title,
        BASE.body,
        BASE.source,
        BASE.dateline,
    )
    assert article.published_at == BASE.published_at
    assert article.url is None


def test_spaces_around_the_url_change_neither_id_nor_hash() -> None:
    tidy = BASE.model_copy(update={"url": "https://akipress.com/news:683311/"})
    padded = BASE.model_copy(update={"url": " https://akipress.com/news:683311/\n"})
    assert to_article(tidy) == to_article(padded)
