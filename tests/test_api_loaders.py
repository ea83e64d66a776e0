"""Per-entity lists through the real app: batched first pages, a constant number of facade calls."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from graphql_api import create_app
from search_index import NewsIndex, Settings
from search_index.models import EntityKind, EntityRef, StatementFilter
from search_index.store import Store
from tests.conftest import RecordFactory
from tests.test_facade_batches import COUNCIL, newsroom, person_id

PEOPLE = 60


class EveryCallCounted(NewsIndex):
    """The real index, counting every call of a public facade method (instrumentation, not a mock)."""

    calls: Counter[str]

    def __getattribute__(self, name: str) -> Any:
        attribute = super().__getattribute__(name)
        # Calls made while opening (repair), before ``calls`` is set, are not counted.
        calls: Counter[str] | None = super().__getattribute__("__dict__").get("calls")
        if calls is None or name.startswith("_") or not callable(getattr(NewsIndex, name, None)):
            return attribute

        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return attribute(*args, **kwargs)

        return counted


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EveryCallCounted, Settings]]:
    """60 people, each in their own article, written to the store as records, then opened."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("loaders"), bundled_articles=None)
    store = Store.open(settings.store_path)
    try:
        newsroom(store, RecordFactory(), people=PEOPLE)
    finally:
        store.close()
    index = EveryCallCounted.open(settings)
    index.calls = Counter()
    yield index, settings
    index.close()


@pytest.fixture
async def http(built: tuple[EveryCallCounted, Settings]) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the real app in-process."""
    index, settings = built
    transport = httpx.ASGITransport(app=create_app(settings, index))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def gql(http: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    """POST one operation; its data (no errors allowed)."""
    response = await http.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


PEOPLE_PAGE = """query($first: Int) { people(first: $first) { edges { node {
    name country { name } roles { title } organizations { name }
    statements(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { text } } }
    articles(first: 2) { totalCount pageInfo { hasNextPage } edges { node { title } } } } } } }"""


async def test_a_page_of_50_people_costs_what_a_page_of_5_does(
    built: tuple[EveryCallCounted, Settings], http: httpx.AsyncClient
) -> None:
    index, _ = built
    costs: list[Counter[str]] = []
    for first in (5, 50):
        index.calls.clear()
        data = await gql(http, PEOPLE_PAGE, first=first)
        costs.append(Counter(index.calls))
        nodes = [edge["node"] for edge in data["people"]["edges"]]
        assert len(nodes) == first
        assert any(node["statements"]["edges"] for node in nodes)
        assert any(node["articles"]["edges"] for node in nodes)
    small, large = costs
    assert small == large
    assert small["statements_of_speakers"] == 1 and small["articles_of_entities"] == 1
    assert small["list_statements"] == 0 and small["articles_of"] == 0


async def test_each_page_is_what_the_facade_gives_and_its_cursor_continues(
    built: tuple[EveryCallCounted, Settings], http: httpx.AsyncClient
) -> None:
    index, _ = built
    data = await gql(http, PEOPLE_PAGE, first=50)
    by_name = {edge["node"]["name"]: edge["node"] for edge in data["people"]["edges"]}
    chief = by_name["Chief Speaker"]
    wanted = index.list_statements(filter=StatementFilter(speaker=person_id(0)), first=3)
    assert chief["statements"]["totalCount"] == wanted.total == PEOPLE
    assert [edge["cursor"] for edge in chief["statements"]["edges"]] == [e.cursor for e in wanted.edges]
    assert chief["articles"]["totalCount"] == PEOPLE and chief["articles"]["pageInfo"]["hasNextPage"]
    assert by_name["Speaker 02"]["statements"] == {
        "totalCount": 0, "pageInfo": {"hasNextPage": False, "endCursor": None}, "edges": []}
    # The batched page's last cursor resumes the unbatched list, through the API too.
    after = chief["statements"]["pageInfo"]["endCursor"]
    more = await gql(http, """query($after: String) { person(name: "Chief Speaker") {
        statements(first: 3, after: $after) { edges { node { text } } } } }""", after=after)
    following = index.list_statements(filter=StatementFilter(speaker=person_id(0)), first=6)
    assert [edge["node"]["text"] for edge in more["person"]["statements"]["edges"]] == [
        edge.node.text for edge in following.edges[3:]]


async def test_organization_and_country_lists_keep_their_meaning(
    built: tuple[EveryCallCounted, Settings], http: httpx.AsyncClient
) -> None:
    index, _ = built
    data = await gql(http, """{ organizations { edges { node { id
        statements(first: 2) { totalCount edges { cursor } }
        articles(first: 2) { totalCount edges { node { title } } } } } }
        countries { edges { node { code articles(first: 2) { totalCount edges { cursor } } } } } }""")
    (council,) = [edge["node"] for edge in data["organizations"]["edges"]]
    said = index.list_statements(filter=StatementFilter(organization=COUNCIL), first=2)
    assert council["statements"]["totalCount"] == said.total > 1  # its own and its role holders'
    assert [edge["cursor"] for edge in council["statements"]["edges"]] == [e.cursor for e in said.edges]
    council_ref = EntityRef(kind=EntityKind.ORGANIZATION, id=COUNCIL)
    assert council["articles"]["totalCount"] == index.articles_of(council_ref, first=2).total
    countries = {edge["node"]["code"]: edge["node"] for edge in data["countries"]["edges"]}
    kg = index.articles_of(EntityRef(kind=EntityKind.COUNTRY, id="KG"), first=2)
    assert countries["KG"]["articles"]["totalCount"] == kg.total == PEOPLE
    assert [edge["cursor"] for edge in countries["KG"]["articles"]["edges"]] == [e.cursor for e in kg.edges]
    assert countries["UZ"]["articles"] == {"totalCount": 0, "edges": []}


async def test_searched_statements_still_go_one_by_one(
    built: tuple[EveryCallCounted, Settings], http: httpx.AsyncClient
) -> None:
    index, _ = built
    index.calls.clear()
    data = await gql(http, """{ people(first: 4) { edges { node {
        statements(search: "Chief", first: 2) { totalCount edges { score } } } } } }""")
    assert index.calls["list_statements"] == 4 and index.calls["statements_of_speakers"] == 0
    ranked = data["people"]["edges"][0]["node"]["statements"]
    assert ranked["totalCount"] > 0 and all(edge["score"] is not None for edge in ranked["edges"])
