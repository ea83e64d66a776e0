"""Merged records: what an article's own fresh claims give equals what reading the claims back gives."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from search_index.corpus import read_paths, to_article
from search_index.extract import extract
from search_index.models import Extraction, OrganizationKind
from search_index.store import Store, schema
from search_index.store.connections import connect
from search_index.store.merged import Touched, refresh, upsert_sql
from tests.conftest import SEED_ARTICLES, RecordFactory, at
from tests.eval.run import load_written

_MERGED_TABLES = ("countries", "organizations", "people", "incidents")


@pytest.fixture
def raw(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """A second connection to the ``store`` fixture's file, for what the Store does not expose."""
    conn = connect(tmp_path / "store.sqlite3")
    yield conn
    conn.close()


def _merged(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {table: sorted(tuple(row) for row in conn.execute(f"SELECT * FROM {table}"))
            for table in _MERGED_TABLES}


def _rederive_all(conn: sqlite3.Connection) -> None:
    """Every merged record derived again from its stored claims alone, as a delete does."""
    def ids(table: str, column: str) -> set[str]:
        return {row[0] for row in conn.execute(f"SELECT DISTINCT {column} FROM {table}")}

    conn.execute("BEGIN IMMEDIATE")
    refresh(conn, Touched(countries=ids("country_claims", "country_id"),
                          organizations=ids("organization_claims", "organization_id"),
                          people=ids("person_claims", "person_id"),
                          incidents=ids("incident_claims", "incident_id")))
    conn.execute("COMMIT")


def test_the_seed_articles_merge_as_their_claims_read_back_say(
    store: Store, raw: sqlite3.Connection
) -> None:
    drafts = [outcome.draft for outcome in read_paths([SEED_ARTICLES]) if outcome.draft]
    for draft in drafts:
        article = to_article(draft)
        store.put(article, extract(article, store))
    stored = _merged(raw)
    assert stored["countries"] and stored["organizations"] and stored["people"]
    _rederive_all(raw)
    assert _merged(raw) == stored


def test_a_vaguer_later_claim_keeps_what_an_earlier_one_said(
    store: Store, raw: sqlite3.Connection, records: RecordFactory
) -> None:
    csto = records.organization("csto", "Collective Security Treaty Organization", acronym="CSTO",
                                kind=OrganizationKind.INTERGOVERNMENTAL, country="RU")
    vague = records.organization("csto", "the Collective Security Treaty Organization")
    imankulov = records.person("marat-imankulov", "Marat Imankulov", country="KG")
    surname = records.person("marat-imankulov", "Imankulov")
    store.put(records.article("a", published=at("2022-09-22")),
              Extraction(organizations=(csto,), people=(imankulov,)))
    store.put(records.article("b", published=at("2022-09-23")),
              Extraction(organizations=(vague,), people=(surname,)))
    [merged] = store.organizations(["csto"])
    assert merged is not None
    assert (merged.name, merged.acronym, merged.kind, merged.country_id) == (
        "the Collective Security Treaty Organization", "CSTO",
        OrganizationKind.INTERGOVERNMENTAL, "RU")
    [person] = store.people(["marat-imankulov"])
    assert person is not None
    assert (person.name, person.country_id) == ("Marat Imankulov", "KG")
    before = _merged(raw)
    _rederive_all(raw)
    assert _merged(raw) == before


def test_an_unchanged_merged_row_is_not_written_again(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.sqlite3")
    schema.migrate(conn)
    sql = upsert_sql("people", ("id", "name", "country_id", "sort_name"))
    conn.execute(sql, ("marat-imankulov", "Marat Imankulov", "KG", "marat imankulov"))
    written = conn.total_changes
    conn.execute(sql, ("marat-imankulov", "Marat Imankulov", "KG", "marat imankulov"))
    assert conn.total_changes == written
    conn.execute(sql, ("marat-imankulov", "Marat Imankulov", None, "marat imankulov"))
    assert conn.total_changes == written + 1
    assert conn.execute("SELECT country_id FROM people").fetchone()[0] is None
    conn.close()


def test_updates_and_deletes_leave_what_the_claims_read_back_say(
    store: Store, raw: sqlite3.Connection
) -> None:
    # The written eval set: a dozen articles of other regions and topics, several naming
    # the same people and bodies, so later articles add to records earlier ones made.
    articles = [to_article(draft) for draft in load_written().drafts]
    for article in articles:
        store.put(article, extract(article, store))
    first = articles[0]
    # A new version of the first article, cut to its first half: its old claims go, and
    # the fewer ones it still makes come fresh.
    shorter = first.model_copy(update={"body": first.body[: len(first.body) // 2],
                                       "content_hash": "shorter"})
    steps = [
        lambda: store.put(shorter, extract(shorter, store)),
        lambda: store.delete(articles[1].id),
        lambda: store.delete(articles[-1].id),
    ]
    for step in steps:
        step()
        stored = _merged(raw)
        assert stored["organizations"] and stored["people"]
        _rederive_all(raw)
        assert _merged(raw) == stored
