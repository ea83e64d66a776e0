"""The schema walks forward from any older version; a newer file is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from search_index.errors import NewsgraphError
from search_index.store import Store, schema
from search_index.store.connections import connect


def make_v1_file(path: Path) -> None:
    """A store as version 1 wrote it, with one article and one person in it."""
    conn = connect(path)
    try:
        assert schema.migrate(conn, target=1) == 1
        conn.execute(
            "INSERT INTO articles (id, title, body, published_at, published_utc, published_on,"
            " content_hash) VALUES ('old', 'Old title', 'Old body.', '2022-09-22T16:47:00+06:00',"
            " '00000001663843620.000000', '2022-09-22', 'h1')"
        )
        conn.execute("INSERT INTO person_claims (person_id, article_id, name, name_key)"
                     " VALUES ('marat-imankulov', 'old', 'Marat Imankulov', 'marat imankulov')")
        conn.execute("INSERT INTO people (id, name, sort_name)"
                     " VALUES ('marat-imankulov', 'Marat Imankulov', 'marat imankulov')")
    finally:
        conn.close()


def test_a_version_1_file_opens_at_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    make_v1_file(path)
    store = Store.open(path)
    try:
        assert store.schema_version() == schema.LATEST > 1
        [article] = store.articles(["old"])
        assert article is not None
        assert (article.title, article.dateline) == ("Old title", None)
        assert article.published_at is not None and article.published_at.isoformat() == (
            "2022-09-22T16:47:00+06:00")
        assert store.find_person("MARAT IMANKULOV") is not None  # the v2 indexes serve v1 rows
        # v3 keyed the old claim by its surname too.
        assert [p.id for p in store.people_by_surname_key("imankulov")] == ["marat-imankulov"]
        assert store.problems() == []
    finally:
        store.close()


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    store = Store.open(path)
    try:
        assert store.schema_version() == schema.LATEST
    finally:
        store.close()


def test_a_file_from_newer_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(NewsgraphError, match="newer"):
        Store.open(path)


def test_the_file_is_in_wal_mode_with_foreign_keys(store: Store, tmp_path: Path) -> None:
    conn = connect(tmp_path / "store.sqlite3")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        conn.close()
