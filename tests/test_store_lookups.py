"""Lookups by name key (the GraphLookup protocol) and batched relations, one query per batch."""

from __future__ import annotations

from datetime import date

from search_index.extract import GraphLookup
from search_index.models import IncidentKind
from search_index.names import alias_key
from search_index.store import Store
from tests.conftest import RecordFactory
from tests.test_store_writes import first_report, second_report


def test_the_store_is_a_graph_lookup(store: Store) -> None:
    lookup: GraphLookup = store  # checked by mypy: the store answers the extractor's protocol
    assert lookup.people_by_alias_key("nobody") == []


def test_people_by_any_alias_in_any_script(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    store.put(*second_report(records))
    for spelling in ("Marat Imankulov", "IMANKULOV", "Маратом Иманкуловым"):
        assert [p.id for p in store.people_by_alias_key(alias_key(spelling))] == ["marat-imankulov"]
    found = store.find_person("imankulov")
    assert found is not None and found.name == "Marat Imankulov"
    assert store.find_person("Almazbek Atambayev") is None


def test_organizations_by_name_alias_or_acronym(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    for name in ("CSTO", "csto", "Collective Security Treaty Organization"):
        found = store.find_organization(name)
        assert found is not None and found.id == "csto", name
    council = store.find_organization("kyrgyz security council")
    assert council is not None and council.id == "kg-security-council"
    assert store.organization_by_alias_key(alias_key("NATO")) is None


def test_countries_by_code_name_and_demonym(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    for code in ("KG", "kg", "KGZ"):
        found = store.country_by_code(code)
        assert found is not None and found.id == "KG", code
    for name in ("Kyrgyzstan", "kyrgyz", "Tajik"):
        assert store.country_by_name(name) is not None, name
    assert store.country_by_code("FR") is None
    assert store.country_by_name("French") is None


def test_incidents_like_matches_kind_day_and_country(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    clash_day = date(2022, 9, 14)
    assert [i.id for i in store.incidents_like(IncidentKind.ARMED_CLASH, clash_day, ("TJ",))] == [
        "clash"]
    assert [i.id for i in store.incidents_like(IncidentKind.ARMED_CLASH, clash_day, ())] == ["clash"]
    assert store.incidents_like(IncidentKind.ARMED_CLASH, clash_day, ("FR",)) == []
    assert store.incidents_like(IncidentKind.SUMMIT, clash_day, ("KG",)) == []
    assert store.incidents_like(IncidentKind.ARMED_CLASH, date(2022, 9, 15), ("KG",)) == []


def test_incidents_in_matches_kind_and_country_whatever_the_date(
    store: Store, records: RecordFactory
) -> None:
    store.put(*first_report(records))
    assert [i.id for i in store.incidents_in(IncidentKind.ARMED_CLASH, ("TJ", "UZ"))] == ["clash"]
    assert store.incidents_in(IncidentKind.ARMED_CLASH, ("FR",)) == []
    assert store.incidents_in(IncidentKind.SUMMIT, ("KG",)) == []


def test_relations_answer_in_the_order_asked(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    store.put(*second_report(records))
    mentions = store.mentions_in_articles(["b", "missing", "a"])
    assert [m.entity.id for m in mentions[0]] == ["marat-imankulov"]
    assert mentions[1] == []
    assert [m.count for m in mentions[2]] == [5, 3, 2]  # most mentioned first
    assert [[o.id for o in orgs] for orgs in store.organizations_of_people(
        ["marat-imankulov", "nobody"])] == [["kg-security-council"], []]
    assert [[p.id for p in people] for people in store.people_of_organizations(
        ["csto", "kg-security-council"])] == [[], ["marat-imankulov"]]
    assert [[p.id for p in people] for people in store.people_of_countries(["TJ", "KG"])] == [
        [], ["marat-imankulov"]]
    assert [[o.id for o in orgs] for orgs in store.organizations_of_countries(["KG"])] == [
        ["kg-security-council"]]
    assert [[i.id for i in found] for found in store.incidents_of_countries(["TJ", "KG"])] == [
        ["clash"], ["clash"]]
    assert [[i.id for i in found] for found in store.incidents_in_articles(["a", "b"])] == [
        ["clash"], ["clash"]]
    roles = store.roles_of_people(["marat-imankulov"])[0]
    assert [(r.title, r.article_id) for r in roles] == [("Secretary", "a")]


def test_a_batch_is_one_query_whatever_its_size(store: Store, records: RecordFactory) -> None:
    store.put(*first_report(records))
    store.put(*second_report(records))
    ran: list[str] = []
    store.trace(ran.append)
    try:
        for size in (1, 40):
            ran.clear()
            ids = ["a", "b", "missing"] * size
            assert len(store.mentions_in_articles(ids)) == len(ids)
            assert len(store.people(["marat-imankulov"] * size)) == size
            assert len(store.figures_of_incidents(["clash"] * size)) == size
            assert len(ran) == 3, ran
    finally:
        store.trace(None)
