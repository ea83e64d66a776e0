"""The full-text index as a store of documents: writes, readers, locking, statements, related."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from whoosh import fields
from whoosh import index as whoosh_index

from search_index.errors import BadCursor, BadSearchQuery, StoreBusy
from search_index.fulltext import FullText
from search_index.models import ArticleFilter
from tests.test_fulltext_corpus import (
    AKIPRESS,
    INTERFAX,
    Item,
    Quote,
    corpus,
    open_index,
    to_records,
)

BY_ID = {item.id: item for item in corpus()}


@pytest.fixture
def index(tmp_path: Path) -> Iterator[FullText]:
    opened = open_index(tmp_path)
    yield opened
    opened.close()


def hit_ids(index: FullText, query: str) -> set[str]:
    return {hit.article_id for hit in index.search(query, first=100).hits}


def statement_ids(index: FullText, query: str, **kwargs: object) -> list[str]:
    page = index.search_statements(query, first=100, **kwargs)  # type: ignore[arg-type]
    return [edge.node for edge in page.edges]


# --- writes -------------------------------------------------------------------------------


def test_fingerprints_are_every_article_and_its_hash(index: FullText) -> None:
    expected = {article.id: article.content_hash for article, _ in map(to_records, corpus())}
    assert index.fingerprints() == expected


def test_put_replaces_an_article_and_its_statements(index: FullText) -> None:
    new = replace(
        BY_ID[INTERFAX],
        title="Kyrgyzstan reaffirms alliance membership",
        body="Bishkek reaffirmed its membership in the alliance on Thursday.",
        quotes=(Quote("q-new", "person:marat-imankulov", "We reaffirm our membership", None),),
    )
    article, _ = to_records(new)
    index.put([to_records(new)])
    assert index.fingerprints()[INTERFAX] == article.content_hash
    assert INTERFAX in hit_ids(index, "reaffirmed")
    assert INTERFAX not in hit_ids(index, "withdrawal")
    assert statement_ids(index, "reaffirm") == ["q-new"]
    assert "q-imankulov-1" not in statement_ids(index, "withdrawal CSTO")
    assert len(index.fingerprints()) == len(corpus())  # replaced, not added


def test_the_last_version_in_one_batch_wins(tmp_path: Path) -> None:
    index = FullText.open(tmp_path)
    try:
        first = Item("b1", "Old headline", "Old body text.", None, "Test")
        second = replace(first, title="New headline", body="New body text.")
        index.put([to_records(first), to_records(second)])
        assert index.fingerprints() == {"b1": to_records(second)[0].content_hash}
        assert hit_ids(index, "headline") == {"b1"} and hit_ids(index, "old") == set()
    finally:
        index.close()


def test_delete_removes_articles_and_their_statements(index: FullText) -> None:
    assert "q-imankulov-1" in statement_ids(index, "withdrawal")
    index.delete([INTERFAX, "a09", "no-such-article"])
    fingerprints = index.fingerprints()
    assert INTERFAX not in fingerprints and "a09" not in fingerprints
    assert len(fingerprints) == len(corpus()) - 2
    assert INTERFAX not in hit_ids(index, "withdrawal CSTO")
    assert not set(statement_ids(index, "CSTO stay organization")) & {
        "q-imankulov-1", "q-imankulov-2", "q-imankulov-3"
    }


def test_clear_empties_the_index(index: FullText) -> None:
    index.clear()
    assert index.fingerprints() == {}
    assert index.search("border").total == 0
    assert index.search_statements("border").total == 0
    index.put([to_records(BY_ID["a02"])])
    assert hit_ids(index, "drought") == {"a02"}


# --- other readers, reopening, locking ---------------------------------------------------------


def test_a_second_reader_sees_commits(tmp_path: Path) -> None:
    writer = FullText.open(tmp_path)
    reader = FullText.open(tmp_path)  # as another process would
    try:
        assert reader.search("title:drought").total == 0
        writer.put([to_records(BY_ID["a02"])])
        assert hit_ids(reader, "drought") == {"a02"}
        writer.delete(["a02"])
        assert reader.fingerprints() == {}
    finally:
        writer.close()
        reader.close()


def test_reopening_keeps_the_documents(tmp_path: Path) -> None:
    open_index(tmp_path).close()
    reopened = FullText.open(tmp_path)
    try:
        assert len(reopened.fingerprints()) == len(corpus())
    finally:
        reopened.close()


def test_an_index_of_another_schema_is_rebuilt_empty(tmp_path: Path) -> None:
    old = whoosh_index.create_in(str(tmp_path), fields.Schema(id=fields.ID(stored=True)))
    with old.writer() as writer:
        writer.add_document(id="stale")
    old.close()
    index = FullText.open(tmp_path)
    try:
        assert index.fingerprints() == {}
        index.put([to_records(BY_ID["a02"])])
        assert set(index.fingerprints()) == {"a02"}
    finally:
        index.close()


def test_a_held_write_lock_is_store_busy(tmp_path: Path) -> None:
    index = FullText.open(tmp_path, lock_timeout=0.2)
    try:
        other_writer = whoosh_index.open_dir(str(tmp_path)).writer()  # another process, say
        try:
            with pytest.raises(StoreBusy):
                index.put([to_records(BY_ID["a02"])])
            with pytest.raises(StoreBusy):
                index.delete(["a02"])
        finally:
            other_writer.cancel()
        index.put([to_records(BY_ID["a02"])])  # the lock is free again
        assert set(index.fingerprints()) == {"a02"}
    finally:
        index.close()


def test_searches_in_threads_during_writes(index: FullText) -> None:
    errors: list[BaseException] = []
    totals: set[int] = set()
    extra = [to_records(Item(f"t{n}", f"Border talks round {n}", "Border talks went on.", None,
                             "Test")) for n in range(5)]
    base = index.search("border", first=1).total

    def search() -> None:
        try:
            for _ in range(15):
                results = index.search("border", first=3)
                totals.add(results.total)
                assert len(results.hits) == 3
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            errors.append(error)

    threads = [threading.Thread(target=search) for _ in range(4)]
    for thread in threads:
        thread.start()
    for record in extra:
        index.put([record])
    for thread in threads:
        thread.join()
    assert errors == []
    assert totals <= set(range(base, base + len(extra) + 1))
    assert index.search("border", first=1).total == base + len(extra)


def test_a_second_index_searches_while_the_first_commits(tmp_path: Path) -> None:
    # As a second server worker does: its own FullText on the same folder, reading while
    # another commits (and deletes the files its commits replace).
    writer = open_index(tmp_path)
    reader = FullText.open(tmp_path)
    errors: list[BaseException] = []
    try:
        base = reader.search("border", first=1).total

        def search() -> None:
            try:
                for _ in range(20):
                    reader.search("border talks", first=3)
                    reader.search_statements("border")
            except BaseException as error:  # noqa: BLE001 - handed to the main thread
                errors.append(error)

        threads = [threading.Thread(target=search) for _ in range(3)]
        for thread in threads:
            thread.start()
        for n in range(8):
            writer.put([to_records(Item(f"w{n}", f"Border talks, day {n}", "Border talks resumed.",
                                        None, "Test"))])
        for thread in threads:
            thread.join()
        assert errors == []
        assert reader.search("border", first=1).total == base + 8
    finally:
        reader.close()
        writer.close()


# --- statements ------------------------------------------------------------------------------------


def test_statements_are_ranked_with_scores(index: FullText) -> None:
    page = index.search_statements("CSTO")
    expected = {
        quote.id for item in corpus() for quote in item.quotes if "csto" in quote.text.lower()
    }
    assert {edge.node for edge in page.edges} == expected and page.total == len(expected)
    scores = [edge.score for edge in page.edges]
    assert all(score is not None and score > 0 for score in scores)
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]


def test_a_statement_is_found_by_what_was_said_not_by_its_context(index: FullText) -> None:
    # Every statement's context in this corpus ends "..., the article says."
    assert statement_ids(index, "article") == []
    assert statement_ids(index, "text:CSTO") == statement_ids(index, "CSTO") != []
    with pytest.raises(BadSearchQuery):
        index.search_statements("context:article")


def test_statements_of_some_speakers_only(index: FullText) -> None:
    speakers = {"person:marat-imankulov", "person:sadyr-japarov"}
    found = statement_ids(index, "CSTO OR bloc OR organization", speakers=speakers)
    assert set(found) == {"q-imankulov-1", "q-imankulov-2", "q-imankulov-3", "q-japarov-1"}
    assert statement_ids(index, "CSTO", speakers=set()) == []
    assert statement_ids(index, "CSTO", speakers={"person:stanislav-zas"}) == ["q-zas-1"]


def test_statements_within_dates(index: FullText) -> None:
    found = statement_ids(index, "border", from_date=date(2022, 10, 1), to_date=date(2022, 10, 5))
    assert found == ["q-kulubaev-2"]
    # Undated statements (q-rahmon-1) are left out of any date range.
    assert "q-rahmon-1" in statement_ids(index, "border")
    assert "q-rahmon-1" not in statement_ids(index, "border", from_date=date(2000, 1, 1))
    assert "q-rahmon-1" not in statement_ids(index, "border", to_date=date(2100, 1, 1))
    # Both ends are days included (q-kulubaev-2 was said on 5 October 2022).
    on_the_day = {"from_date": date(2022, 10, 5), "to_date": date(2022, 10, 5)}
    assert statement_ids(index, "border", **on_the_day) == ["q-kulubaev-2"]
    assert statement_ids(index, "border", to_date=date(2022, 10, 4)).count("q-kulubaev-2") == 0
    assert "q-kulubaev-2" in statement_ids(index, "border", to_date=date(2022, 10, 5))


def test_statement_pages_join_up(index: FullText) -> None:
    whole = statement_ids(index, "CSTO OR border OR organization")
    seen: list[str] = []
    after: str | None = None
    while True:
        page = index.search_statements("CSTO OR border OR organization", first=2, after=after)
        seen += [edge.node for edge in page.edges]
        if not page.has_next:
            break
        after = page.edges[-1].cursor
    assert seen == whole and len(whole) > 2
    with pytest.raises(BadCursor):
        index.search_statements("CSTO", first=2, after=after, speakers={"person:stanislav-zas"})


def test_statement_query_errors(index: FullText) -> None:
    with pytest.raises(BadSearchQuery, match="unknown field 'title'"):
        index.search_statements("title:CSTO")
    with pytest.raises(BadSearchQuery):
        index.search_statements("  ")


# --- more like this --------------------------------------------------------------------------------


def test_more_like_finds_related_articles_not_itself(index: FullText) -> None:
    related = index.more_like(INTERFAX, first=5)
    assert 0 < len(related) <= 5
    related_ids = [hit.article_id for hit in related]
    assert INTERFAX not in related_ids
    # The closest are about the CSTO too, not wheat or coffee.
    assert "csto" in BY_ID[related_ids[0]].organizations
    assert not {"a02", "a12"} & set(related_ids)
    scores = [hit.score for hit in related]
    assert scores == sorted(scores, reverse=True)


def test_more_like_of_an_unknown_article_is_empty(index: FullText) -> None:
    assert index.more_like("no-such-article") == []
    assert index.more_like(AKIPRESS, first=0) == []
    assert len(index.more_like(AKIPRESS, first=2)) == 2


def test_deleted_articles_drop_out_of_filters(index: FullText) -> None:
    before = index.search("*", ArticleFilter(organizations=("csto",)), first=100).total
    index.delete(["a13"])
    assert index.search("*", ArticleFilter(organizations=("csto",)), first=100).total == before - 1
