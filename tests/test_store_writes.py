"""Writing the store: idempotence, replacement, merging across articles, deletion, atomicity."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from search_index.errors import BadInput
from search_index.models import (
    Article,
    EntityKind,
    EntityRef,
    Extraction,
    OrganizationKind,
    Qualifier,
)
from search_index.store import IngestOutcome, Store
from tests.conftest import RecordFactory, at

IMANKULOV = EntityRef(kind=EntityKind.PERSON, id="marat-imankulov")


def first_report(r: RecordFactory) -> tuple[Article, Extraction]:
    """Article A: Imankulov of Kyrgyzstan on the CSTO, and a border clash."""
    article = r.article("a", published=at("2022-09-22"))
    return article, Extraction(
        countries=(r.country("KG", "Kyrgyzstan", "KGZ", "Kyrgyz"),
                   r.country("TJ", "Tajikistan", "TJK", "Tajik")),
        organizations=(r.organization("csto", "Collective Security Treaty Organization",
                                      acronym="CSTO", kind=OrganizationKind.INTERGOVERNMENTAL,
                                      members=("KG", "TJ")),
                       r.organization("kg-security-council", "Security Council", "Kyrgyz Security Council",
                                      kind=OrganizationKind.GOVERNMENT_BODY, country="KG")),
        people=(r.person("marat-imankulov", "Marat Imankulov", "Imankulov", country="KG"),),
        mentions=(r.mention("a", EntityKind.COUNTRY, "KG", 3),
                  r.mention("a", EntityKind.ORGANIZATION, "csto", 5),
                  r.mention("a", EntityKind.PERSON, "marat-imankulov", 2)),
        roles=(r.role("a", "marat-imankulov", "Secretary", org="kg-security-council",
                      country="KG"),),
        statements=(r.statement("a-s1", "a", "The CSTO membership meets our interests",
                                speaker=IMANKULOV, said_on=date(2022, 9, 22)),),
        incidents=(r.incident("clash", "a", "Kyrgyz-Tajik border clash", start=date(2022, 9, 14),
                              countries=("KG", "TJ"), places=("Batken",)),),
        figures=(r.figure("a-f1", "clash", "a", 59, reported_on=date(2022, 9, 16)),),
    )


def second_report(r: RecordFactory) -> tuple[Article, Extraction]:
    """Article B: the same person under another alias, the same clash, another figure."""
    article = r.article("b", published=at("2022-09-23"))
    return article, Extraction(
        countries=(r.country("KG", "Kyrgyzstan", "KGZ", "Kyrgyz Republic"),),
        people=(r.person("marat-imankulov", "Marat Imankulov", "Маратом Иманкуловым",
                         country="KG"),),
        mentions=(r.mention("b", EntityKind.PERSON, "marat-imankulov", 1),),
        incidents=(r.incident("clash", "b", "Kyrgyz-Tajik border clash", start=date(2022, 9, 14),
                              end=date(2022, 9, 17), countries=("KG",), places=("Isfara",)),),
        figures=(r.figure("b-f1", "clash", "b", 63, qualifier=Qualifier.MORE_THAN,
                          reported_on=date(2022, 9, 18)),),
    )


def test_put_is_idempotent_for_the_same_content(store: Store, records: RecordFactory) -> None:
    article, extraction = first_report(records)
    assert store.put(article, extraction) is IngestOutcome.ADDED
    assert store.put(article, extraction) is IngestOutcome.UNCHANGED
    assert store.fingerprints() == {"a": article.content_hash}
    assert len(store.statements_in_articles(["a"])[0]) == 1
    assert store.problems() == []


def test_a_new_version_replaces_everything_extracted_from_the_old(
    store: Store, records: RecordFactory
) -> None:
    article, extraction = first_report(records)
    store.put(article, extraction)
    newer = records.article("a", body="A corrected body.", published=at("2022-09-22"))
    corrected = Extraction(
        people=(records.person("marat-imankulov", "Marat Imankulov", country="KG"),),
        statements=(records.statement("a-s2", "a", "Corrected words", speaker=IMANKULOV),),
    )
    assert store.put(newer, corrected) is IngestOutcome.UPDATED
    assert store.articles(["a"]) == [newer]
    assert store.statements(["a-s1", "a-s2"])[0] is None
    assert [s.id for s in store.statements_in_articles(["a"])[0]] == ["a-s2"]
    # What only the old version supported is gone: its alias, its organizations, its clash.
    person = store.people(["marat-imankulov"])[0]
    assert person is not None and person.aliases == ()
    assert store.organizations(["csto"]) == [None]
    assert store.incidents(["clash"]) == [None]
    assert store.figures_of_incidents(["clash"]) == [[]]
    assert store.problems() == []


def test_entities_merge_across_articles(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    store.put(*second_report(records))
    person = store.people(["marat-imankulov"])[0]
    assert person is not None
    assert set(person.aliases) == {"Imankulov", "Маратом Иманкуловым"}
    kyrgyzstan = store.countries(["KG"])[0]
    assert kyrgyzstan is not None
    assert set(kyrgyzstan.aliases) == {"Kyrgyz", "Kyrgyz Republic"}
    clash = store.incidents(["clash"])[0]
    assert clash is not None
    assert clash.article_ids == ("a", "b")
    assert clash.places == ("Batken", "Isfara")
    assert (clash.start_date, clash.end_date) == (date(2022, 9, 14), date(2022, 9, 17))
    figures = store.figures_of_incidents(["clash"])[0]
    # Two sources that disagree are both kept, each with its own article and date.
    assert {(f.value, f.article_id, f.reported_on) for f in figures} == {
        (59, "a", date(2022, 9, 16)), (63, "b", date(2022, 9, 18))}


def test_deleting_an_article_removes_only_what_it_alone_supported(
    store: Store, records: RecordFactory
) -> None:
    store.put(*first_report(records))
    store.put(*second_report(records))
    assert store.delete("a") is True
    person = store.people(["marat-imankulov"])[0]
    assert person is not None and person.aliases == ("Маратом Иманкуловым",)
    assert store.countries(["KG", "TJ"])[1] is None  # only article A named Tajikistan
    kyrgyzstan = store.countries(["KG"])[0]
    assert kyrgyzstan is not None and kyrgyzstan.aliases == ("Kyrgyz Republic",)
    assert store.organizations(["csto"]) == [None]
    assert store.roles_of_people(["marat-imankulov"]) == [[]]
    clash = store.incidents(["clash"])[0]
    assert clash is not None
    assert (clash.article_ids, clash.places, clash.country_ids) == (("b",), ("Isfara",), ("KG",))
    assert [f.id for f in store.figures_of_incidents(["clash"])[0]] == ["b-f1"]
    assert store.problems() == []

    assert store.delete("b") is True
    assert store.people(["marat-imankulov"]) == [None]
    assert store.incidents(["clash"]) == [None]
    assert store.is_empty()
    assert store.problems() == []


def test_deleting_an_unknown_article_says_so(store: Store) -> None:
    assert store.delete("nothing") is False


def test_a_failing_write_leaves_nothing_behind(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    article, extraction = second_report(records)
    # A statement id already used by article A: the insert fails half-way through.
    clashing = extraction.model_copy(update={"statements": (
        records.statement("a-s1", "b", "Clashing id", speaker=IMANKULOV),)})
    with pytest.raises(sqlite3.IntegrityError):
        store.put(article, clashing)
    assert store.articles(["b"]) == [None]
    person = store.people(["marat-imankulov"])[0]
    assert person is not None and person.aliases == ("Imankulov",)
    assert store.statements(["a-s1"])[0] is not None
    assert store.problems() == []


def test_facts_must_come_from_the_article_they_are_stored_with(
    store: Store, records: RecordFactory
) -> None:
    article = records.article("c")
    stray = Extraction(mentions=(records.mention("elsewhere", EntityKind.COUNTRY, "KG"),))
    with pytest.raises(BadInput):
        store.put(article, stray)
    assert store.is_empty()


@pytest.mark.parametrize("field", ["people", "incidents"])
def test_facts_may_only_point_at_what_the_article_lists(
    store: Store, records: RecordFactory, field: str
) -> None:
    article, extraction = first_report(records)
    # Without the person, his mention, role and statement would dangle once
    # another article stopped supporting him; without the clash, its figure.
    partial = extraction.model_copy(update={field: ()})
    with pytest.raises(BadInput, match="does not list"):
        store.put(article, partial)
    assert store.is_empty()


def test_two_facts_with_one_id_are_refused_whole(store: Store, records: RecordFactory) -> None:
    article, extraction = first_report(records)
    figure = extraction.figures[0]
    twice = extraction.model_copy(update={"figures": (figure, figure.model_copy(update={"value": 1}))})
    with pytest.raises(BadInput, match="two figures with one id"):
        store.put(article, twice)
    assert store.is_empty()


def test_the_stored_extraction_is_what_the_article_gave(store: Store, records: RecordFactory) -> None:
    article, extraction = first_report(records)
    store.put(article, extraction)
    store.put(*second_report(records))
    [(stored, again)] = store.extractions(["a"])
    assert stored == article
    assert again == extraction


def test_undated_and_dated_articles_round_trip(store: Store, records: RecordFactory) -> None:
    undated = records.article("u")
    dated = records.article("d", published=at("2022-09-22", "16:47"))
    store.put(undated, Extraction())
    store.put(dated, Extraction())
    assert store.articles(["u", "d", "missing", "u"]) == [undated, dated, None, undated]


def test_problems_finds_what_a_bug_or_a_crash_could_leave(store: Store, tmp_path: Path) -> None:
    # Damage written behind the store's back, as a buggy writer would.
    raw = sqlite3.connect(tmp_path / "store.sqlite3")
    try:
        raw.execute("INSERT INTO articles (id, title, body, content_hash) VALUES ('x', 't', 'b', 'h')")
        raw.execute("INSERT INTO mentions VALUES ('x', 'person', 'ghost', 1, '[]')")
        raw.execute("INSERT INTO people (id, name, sort_name) VALUES ('orphan', 'Orphan', 'orphan')")
        raw.commit()
    finally:
        raw.close()
    found = store.problems()
    assert any("ghost" in problem for problem in found)
    assert any("orphan" in problem for problem in found)
