"""The GraphQL schema and resolvers, through the real app over a real store and index in tmp_path."""

from __future__ import annotations

import base64
import json
import shutil
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLUnionType,
    build_schema,
)

from graphql_api import create_app, schema_sdl
from search_index import NewsIndex, Settings
from search_index.corpus import read_paths

ROOT = Path(__file__).resolve().parent.parent
# The API contract lives in ../shared beside the project (as in CI), not in the repo.
CONTRACT = ROOT.parent / "shared" / "contract.graphql"
SEEDS = ROOT / "data" / "articles"

#: Our own articles: one source, known dates, so paging and sorting have a known answer.
WIRE = [
    {"title": f"Wire report {n}: water talks in Osh", "publishedAt": f"2023-0{n}-10T09:00:00+00:00",
     "source": "Test Wire", "body": f"Officials met in Osh for round {n} of talks on water sharing "
     "along the Syr Darya. Delegations from Uzbekistan and Kyrgyzstan attended."}
    for n in range(1, 6)
]


def write_corpus(folder: Path) -> Path:
    """The seed articles and the wire reports, as files."""
    shutil.copytree(SEEDS, folder / "seeds")
    for n, article in enumerate(WIRE):
        (folder / f"wire{n}.json").write_text(json.dumps(article))
    return folder


def open_index(data_dir: Path, corpus: Path) -> tuple[NewsIndex, Settings]:
    """A real index in ``data_dir`` holding every article in ``corpus``."""
    settings = Settings(data_dir=data_dir, bundled_articles=None)
    index = NewsIndex.open(settings)
    for outcome in read_paths([corpus]):
        assert outcome.draft is not None, outcome.error
        index.ingest(outcome.draft)
    return index, settings


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[NewsIndex, Settings]]:
    """One index for the read-only tests of this module (ingesting is the slow part)."""
    corpus = write_corpus(tmp_path_factory.mktemp("corpus"))
    index, settings = open_index(tmp_path_factory.mktemp("data"), corpus)
    yield index, settings
    index.close()


@pytest.fixture
async def client(built: tuple[NewsIndex, Settings]) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to the real app in-process."""
    index, settings = built
    transport = httpx.ASGITransport(app=create_app(settings, index))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


async def gql(http: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    """POST one operation; the response body."""
    response = await http.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def codes(body: dict[str, Any]) -> list[str]:
    """The extensions.code of every error."""
    return [error["extensions"]["code"] for error in body.get("errors", [])]


def gid(type_name: str, raw: str) -> str:
    """A global id as clients receive them."""
    return base64.b64encode(f"{type_name}:{raw}".encode()).decode()


# --- the schema --------------------------------------------------------------------------


def test_schema_file_equals_live_schema() -> None:
    assert (ROOT / "schema.graphql").read_text() == schema_sdl()


def test_live_schema_has_everything_the_contract_names() -> None:
    contract = build_schema(CONTRACT.read_text())
    live = build_schema(schema_sdl())
    missing: list[str] = []
    for name, wanted in contract.type_map.items():
        if name.startswith("__"):
            continue
        have = live.type_map.get(name)
        if have is None or type(have) is not type(wanted):
            missing.append(name)
            continue
        if isinstance(wanted, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            assert isinstance(have, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType)
            for field_name, field in wanted.fields.items():
                got = have.fields.get(field_name)
                if got is None or str(got.type) != str(field.type):
                    missing.append(f"{name}.{field_name}")
                    continue
                for arg_name, arg in getattr(field, "args", {}).items():
                    got_arg = got.args.get(arg_name)
                    default = arg.ast_node.default_value if arg.ast_node else None
                    got_default = got_arg.ast_node.default_value if got_arg and got_arg.ast_node else None
                    if got_arg is None or str(got_arg.type) != str(arg.type) or (
                        str(default and default.to_dict()) != str(got_default and got_default.to_dict())
                    ):
                        missing.append(f"{name}.{field_name}({arg_name})")
        if isinstance(wanted, GraphQLEnumType):
            assert isinstance(have, GraphQLEnumType)
            missing += [f"{name}.{value}" for value in wanted.values if value not in have.values]
        if isinstance(wanted, GraphQLUnionType):
            assert isinstance(have, GraphQLUnionType)
            assert {t.name for t in wanted.types} <= {t.name for t in have.types}
    assert missing == []


def test_every_type_and_field_is_described() -> None:
    live = build_schema(schema_sdl())
    undocumented = []
    for name, named in live.type_map.items():
        if name.startswith("__") or name in ("String", "Int", "Float", "Boolean", "ID"):
            continue
        if not named.description:
            undocumented.append(name)
        for field_name, field in getattr(named, "fields", {}).items():
            if not field.description:
                undocumented.append(f"{name}.{field_name}")
    assert undocumented == []


# --- lists, pages, search ----------------------------------------------------------------


async def test_articles_page_through_a_filter_without_overlap(client: httpx.AsyncClient) -> None:
    query = """query($after: String) {
      articles(filter: {sources: ["Test Wire"], from: "2023-02-01"}, first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { title source publishedAt } } } }"""
    titles: list[str] = []
    after = None
    for _ in range(5):
        page = (await gql(client, query, after=after))["data"]["articles"]
        assert page["totalCount"] == 4  # reports 2..5 are from February on
        titles += [edge["node"]["title"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert titles == [f"Wire report {n}: water talks in Osh" for n in (5, 4, 3, 2)]


async def test_search_highlights_facets_and_sorting(client: httpx.AsyncClient) -> None:
    query = """query($sort: SearchSort) { search(query: "water talks", first: 1, sort: $sort) {
        totalCount edges { score highlights { field fragments } node { title publishedAt } }
        facets { sources { value count } years { value count } } } }"""
    relevance = (await gql(client, query, sort="RELEVANCE"))["data"]["search"]
    assert relevance["totalCount"] == 5
    assert len(relevance["edges"]) == 1
    # Facets count the whole result set, not the one edge of this page.
    assert {"value": "Test Wire", "count": 5} in relevance["facets"]["sources"]
    assert {"value": "2023", "count": 5} in relevance["facets"]["years"]
    fragments = [f for h in relevance["edges"][0]["highlights"] for f in h["fragments"]]
    assert any("<mark>" in fragment for fragment in fragments)
    newest = (await gql(client, query, sort="NEWEST"))["data"]["search"]["edges"][0]["node"]
    oldest = (await gql(client, query, sort="OLDEST"))["data"]["search"]["edges"][0]["node"]
    assert newest["title"].startswith("Wire report 5") and oldest["title"].startswith("Wire report 1")


async def test_highlights_escape_html(client: httpx.AsyncClient) -> None:
    body = await gql(client, '{ search(query: "CSTO membership") { edges { highlights { fragments } } } }')
    fragments = [f for e in body["data"]["search"]["edges"] for h in e["highlights"] for f in h["fragments"]]
    quoted = [f for f in fragments if "membership" in f]
    assert quoted and all('"' not in f for f in quoted)  # the seed's quotes come back as &quot;


async def test_search_paging_across_pages(client: httpx.AsyncClient) -> None:
    query = """query($after: String) { search(query: "Osh", first: 2, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { id } } } }"""
    seen: list[str] = []
    after = None
    while True:
        page = (await gql(client, query, after=after))["data"]["search"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 5


async def test_did_you_mean_suggests_a_spelling(client: httpx.AsyncClient) -> None:
    body = await gql(client, '{ search(query: "withdrawl") { didYouMean } }')
    assert "withdrawal" in (body["data"]["search"]["didYouMean"] or "")


async def test_related_articles(client: httpx.AsyncClient) -> None:
    body = await gql(client, """{ search(query: "round 3 water", first: 1) {
        edges { node { title related(first: 2) { score node { title } } } } } }""")
    node = body["data"]["search"]["edges"][0]["node"]
    related = [edge["node"]["title"] for edge in node["related"]]
    assert len(related) == 2 and node["title"] not in related
    assert all(title.startswith("Wire report") for title in related)


async def test_node_nodes_and_missing_objects(client: httpx.AsyncClient) -> None:
    listed = await gql(client, "{ articles(first: 1) { edges { node { id title } } } }")
    article = listed["data"]["articles"]["edges"][0]["node"]
    body = await gql(
        client,
        """query($id: ID!, $gone: ID!) { node(id: $id) { id ... on Article { title } }
           nodes(ids: [$gone, $id]) { id } article(id: $gone) { id } }""",
        id=article["id"], gone=gid("Article", "no-such-article"),
    )
    assert body["data"]["node"] == article
    assert body["data"]["nodes"] == [None, {"id": article["id"]}]
    assert body["data"]["article"] is None and "errors" not in body


@pytest.mark.parametrize(
    "query",
    [
        '{ node(id: "%%%not-base64") { id } }',
        f'{{ article(id: "{gid("Person", "someone")}") {{ id }} }}',
        '{ articles(first: 101) { totalCount } }',
        '{ articles(first: -1) { totalCount } }',
        '{ articles(after: "bm90LWEtY3Vyc29y") { totalCount } }',
        '{ articles(filter: {from: "22 Sep 2022"}) { totalCount } }',
        f'{{ search(query: "{"x" * 501}") {{ totalCount }} }}',
        f'{{ person(id: "{gid("Person", "x")}", name: "Imankulov") {{ id }} }}',
    ],
    ids=["malformed-id", "wrong-type-id", "page-too-large", "negative-page", "bad-cursor",
         "bad-date", "search-too-long", "two-lookups"],
)
async def test_bad_input_is_bad_user_input(client: httpx.AsyncClient, query: str) -> None:
    body = await gql(client, query)
    assert codes(body) == ["BAD_USER_INPUT"]
    assert "Traceback" not in json.dumps(body)


@pytest.mark.parametrize("text", ["((((", '"lone quote', "title:", "unknownfield:foo", "AND OR"])
async def test_odd_search_syntax_never_fails_the_server(client: httpx.AsyncClient, text: str) -> None:
    body = await gql(client, "query($q: String!) { search(query: $q) { totalCount } }", q=text)
    assert set(codes(body)) <= {"BAD_USER_INPUT"}
    assert body.get("data") is None or isinstance(body["data"]["search"]["totalCount"], int)


async def test_a_cursor_from_another_list_is_refused(client: httpx.AsyncClient) -> None:
    page = await gql(client, '{ search(query: "Osh", first: 1) { pageInfo { endCursor } } }')
    cursor = page["data"]["search"]["pageInfo"]["endCursor"]
    body = await gql(client, "query($a: String) { articles(after: $a) { totalCount } }", a=cursor)
    assert codes(body) == ["BAD_USER_INPUT"]


# --- limits ------------------------------------------------------------------------------


def _deep(levels: int) -> str:
    inner = "id"
    for _ in range(levels):
        inner = f"country {{ people {{ {inner} }} }}"
    return f'{{ person(name: "x") {{ {inner} }} }}'


@pytest.mark.parametrize(
    "query",
    [
        _deep(8),
        "{ " + " ".join(f"a{n}: countries {{ totalCount }}" for n in range(31)) + " }",
        "{ articles { totalCount " + "pageInfo { hasNextPage } " * 700 + "} }",
        (
            "{ people(first: 100) { edges { node { articles(first: 100) { edges { node { people "
            "{ count } } } } } } } countries(first: 100) { totalCount } "
            "x: people(first: 100) { edges { node { statements(first: 100) { totalCount } } } } }"
        ),
    ],
    ids=["depth", "aliases", "tokens", "cost"],
)
async def test_over_a_limit_is_query_too_complex(client: httpx.AsyncClient, query: str) -> None:
    body = await gql(client, query)
    assert codes(body) and set(codes(body)) == {"QUERY_TOO_COMPLEX"}
    assert "data" not in body


async def test_cost_counts_variables(client: httpx.AsyncClient) -> None:
    query = """query($n: Int) { people(first: $n) { edges { node {
        articles(first: $n) { totalCount } statements(first: $n) { totalCount } } } } }"""
    assert codes(await gql(client, query, n=100)) == ["QUERY_TOO_COMPLEX"]
    assert codes(await gql(client, query, n=10)) == []


# --- unexpected errors -------------------------------------------------------------------


async def test_unexpected_errors_are_masked_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(data_dir=tmp_path, bundled_articles=None)
    index = NewsIndex.open(settings)
    index.close()  # every read now fails inside the store: a bug, as far as the API knows
    transport = httpx.ASGITransport(app=create_app(settings, index))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        response = await http.post(
            "/graphql", json={"query": "{ articles { totalCount } }"},
            headers={"X-Request-ID": "req-masked-1"},
        )
    body = response.json()
    assert response.status_code == 200
    assert codes(body) == ["INTERNAL_SERVER_ERROR"]
    assert body["errors"][0]["message"] == "Internal server error."
    assert "closed" not in response.text and "Traceback" not in response.text
    logged = [r for r in caplog.records if r.name == "graphql_api.errors"]
    assert logged and getattr(logged[0], "request_id", None) == "req-masked-1"
    assert logged[0].exc_info


# --- DataLoaders: a constant number of facade calls per page -------------------------------

BATCHED = {
    "articles", "countries", "organizations", "people", "statements", "incidents",
    "mentions_in_articles", "statements_in_articles", "incidents_in_articles", "roles_of_people",
    "organizations_of_people", "people_of_organizations", "people_of_countries",
    "organizations_of_countries", "incidents_of_countries", "figures_of_incidents",
    "list_articles", "list_people",
}


class CountingIndex(NewsIndex):
    """The real index, counting the facade calls made on it (instrumentation, not a mock)."""

    calls: Counter[str]

    def __getattribute__(self, name: str) -> Any:
        attribute = super().__getattribute__(name)
        if name not in BATCHED:
            return attribute
        calls = super().__getattribute__("calls")

        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return attribute(*args, **kwargs)

        return counted


@pytest.fixture(scope="module")
def counting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CountingIndex, Settings]]:
    """A counting index over 60 short articles, each quoting a minister of one of four countries."""
    corpus = tmp_path_factory.mktemp("people")
    firsts = ["Aziz", "Bakyt", "Daniyar", "Erlan", "Farkhod", "Timur", "Ilyas", "Kanat"]
    lasts = ["Abdullaev", "Begimov", "Churakov", "Dzhumaev", "Ergeshov", "Fayzulloev", "Gulov",
             "Ismailov"]
    demonyms = ["Kyrgyz", "Tajik", "Kazakh", "Uzbek"]
    for n in range(60):
        name = f"{firsts[n % 8]} {lasts[n // 8]}"
        (corpus / f"p{n}.json").write_text(json.dumps({
            "title": f"Minister number {n} speaks",
            "publishedAt": "2023-03-01",
            "body": f"{demonyms[n % 4]} Foreign Minister {name} told reporters in Bishkek on Monday. "
                    f'"We will keep talking," {name} said.',
        }))
    settings = Settings(data_dir=tmp_path_factory.mktemp("counted"), bundled_articles=None)
    index = CountingIndex.open(settings)
    index.calls = Counter()
    for outcome in read_paths([corpus]):
        assert outcome.draft is not None
        index.ingest(outcome.draft)
    yield index, settings
    index.close()


async def _count_calls(index: CountingIndex, settings: Settings, query: str, first: int) -> int:
    transport = httpx.ASGITransport(app=create_app(settings, index))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        index.calls.clear()
        body = await gql(http, query, first=first)
    assert "errors" not in body, body
    return sum(index.calls.values())


async def test_a_page_of_articles_costs_constant_calls(counting: tuple[CountingIndex, Settings]) -> None:
    query = """query($first: Int) { articles(first: $first) { edges { node {
        title countries { count entity { id } } people { entity { id ... on Person { name } } }
        statements { text } incidents { title } } } } }"""
    small = await _count_calls(*counting, query, 5)
    large = await _count_calls(*counting, query, 50)
    assert small == large and large <= 10


async def test_a_page_of_people_costs_constant_calls(counting: tuple[CountingIndex, Settings]) -> None:
    query = """query($first: Int) { people(first: $first) { totalCount edges { node {
        name country { name } roles { title organization { name } country { code } }
        organizations { name } } } } }"""
    index, settings = counting
    transport = httpx.ASGITransport(app=create_app(settings, index))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        people = await gql(http, "{ people(first: 100) { totalCount } }")
    assert people["data"]["people"]["totalCount"] >= 50  # needs the extractor to find them
    small = await _count_calls(index, settings, query, 5)
    large = await _count_calls(index, settings, query, 50)
    assert small == large and large <= 10


async def test_every_root_field_answers(client: httpx.AsyncClient) -> None:
    missing = gid("Incident", "no-such-incident")
    body = await gql(client, """query($missing: ID!) {
        people(first: 3) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage } }
        organizations(search: "Collective Security", first: 3) { totalCount edges { node { name } } }
        countries { totalCount edges { node { code alpha3 name } } }
        statements(search: "CSTO", first: 3) { totalCount edges { score node { text } } }
        incidents(search: "border") { totalCount edges { node { title } } }
        incident(id: $missing) { id }
        country(code: "ZZ") { id }
        organization(name: "No Such Body") { id }
        person(name: "Nobody Atall") { id } }""", missing=missing)
    assert "errors" not in body
    data = body["data"]
    for name in ("people", "organizations", "countries", "statements", "incidents"):
        connection = data[name]
        assert connection["totalCount"] >= len(connection["edges"])
    assert [data[name] for name in ("incident", "country", "organization", "person")] == [None] * 4
    assert all(edge["score"] is not None for edge in data["statements"]["edges"])


async def test_a_date_time_where_a_date_belongs_is_bad_user_input(client: httpx.AsyncClient) -> None:
    body = await gql(
        client,
        "query($d: Date) { articles(filter: {from: $d}) { totalCount } }",
        d="2022-09-22T10:00:00",
    )
    assert codes(body) == ["BAD_USER_INPUT"]
