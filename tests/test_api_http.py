"""GraphQL over HTTP: methods, media types, status codes, limits, auth, health, CORS, request ids."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from graphql_api import create_app
from search_index import NewsIndex, Settings
from search_index.corpus import read_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
KEY = "test-key-123"
GQL_RESPONSE = "application/graphql-response+json"


@pytest.fixture
def index(tmp_path: Path) -> Iterator[NewsIndex]:
    """A fresh index per test (mutations change it), holding the seed articles."""
    settings = Settings(data_dir=tmp_path / "data", bundled_articles=None)
    with NewsIndex.open(settings) as opened:
        for outcome in read_paths([SEEDS]):
            assert outcome.draft is not None
            opened.ingest(outcome.draft)
        yield opened


def settings_for(tmp_path: Path, **changes: Any) -> Settings:
    """Settings over the index fixture's data dir."""
    return Settings(data_dir=tmp_path / "data", bundled_articles=None, **changes)


@pytest.fixture
async def http(tmp_path: Path, index: NewsIndex) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the app with an API key, CORS for one origin and a small body limit."""
    settings = settings_for(
        tmp_path, api_key=SecretStr(KEY), cors_origins=["https://app.example"], max_body_bytes=4000
    )
    transport = httpx.ASGITransport(app=create_app(settings, index))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


QUERY = "{ articles { totalCount } }"
INGEST = """mutation($input: ArticleInput!) { ingestArticle(input: $input) {
    created article { id title source publishedAt } } }"""
ARTICLE = {"title": "A new report", "body": "Talks resumed in Dushanbe on Monday.",
           "source": "Test Wire", "publishedAt": "2023-05-01T10:00:00+00:00"}


def code(body: dict[str, Any]) -> str:
    """The code of the first error."""
    return str(body["errors"][0]["extensions"]["code"])


# --- methods and media types -------------------------------------------------------------


async def test_post_and_get_answer_queries(http: httpx.AsyncClient) -> None:
    posted = await http.post("/graphql", json={"query": QUERY})
    got = await http.get("/graphql", params={"query": QUERY})
    assert posted.status_code == got.status_code == 200
    assert posted.json() == got.json() == {"data": {"articles": {"totalCount": 2}}}
    assert posted.headers["content-type"].startswith("application/json")


async def test_get_with_variables_and_operation_name(http: httpx.AsyncClient) -> None:
    document = "query A($n: Int) { articles(first: $n) { edges { node { title } } } } query B { __typename }"
    got = await http.get(
        "/graphql", params={"query": document, "variables": json.dumps({"n": 1}), "operationName": "A"}
    )
    assert len(got.json()["data"]["articles"]["edges"]) == 1


async def test_mutation_over_get_is_405(http: httpx.AsyncClient) -> None:
    response = await http.get(
        "/graphql", params={"query": 'mutation { deleteArticle(id: "QXJ0aWNsZTp4") { deletedId } }'}
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["message"]


@pytest.mark.parametrize("document", ["{ articles { totalCount ", "{ noSuchField }"])
async def test_graphql_response_media_type_gets_4xx_for_bad_documents(
    http: httpx.AsyncClient, document: str
) -> None:
    strict = await http.post("/graphql", json={"query": document}, headers={"Accept": GQL_RESPONSE})
    legacy = await http.post(
        "/graphql", json={"query": document}, headers={"Accept": "application/json"}
    )
    assert strict.status_code == 400
    assert strict.headers["content-type"].startswith(GQL_RESPONSE)
    assert legacy.status_code == 200
    assert "data" not in strict.json() and "data" not in legacy.json()
    assert code(strict.json()) == code(legacy.json()) == "BAD_USER_INPUT"


async def test_graphql_response_media_type_gets_400_for_bad_variables(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql",
        json={"query": "query($n: Int) { articles(first: $n) { totalCount } }", "variables": {"n": "x"}},
        headers={"Accept": GQL_RESPONSE},
    )
    assert response.status_code == 400
    assert "data" not in response.json() and code(response.json()) == "BAD_USER_INPUT"


async def test_graphql_response_media_type_keeps_200_for_field_errors(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql", json={"query": "{ articles(first: 500) { totalCount } }"},
        headers={"Accept": f"{GQL_RESPONSE}, application/json;q=0.9"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GQL_RESPONSE)
    assert response.json()["data"] is None and code(response.json()) == "BAD_USER_INPUT"


@pytest.mark.parametrize(
    ("content", "headers", "status"),
    [
        (b"{not json", {"content-type": "application/json"}, 400),
        (b'["a list"]', {"content-type": "application/json"}, 400),
        (b'{"query": 42}', {"content-type": "application/json"}, 400),
        (b'{"query": "{ __typename }", "variables": [1]}', {"content-type": "application/json"}, 400),
        (b"query=%7B__typename%7D", {"content-type": "application/x-www-form-urlencoded"}, 415),
        (b'{"query": "{ __typename }"}', {"content-type": "application/json", "accept": "text/csv"}, 406),
        (b'{"query": "query A { __typename }", "operationName": "B"}',
         {"content-type": "application/json"}, 400),
    ],
    ids=["bad-json", "not-object", "query-not-string", "variables-not-object", "form", "accept",
         "unknown-operation"],
)
async def test_malformed_requests_are_4xx_with_an_error_body(
    http: httpx.AsyncClient, content: bytes, headers: dict[str, str], status: int
) -> None:
    response = await http.post("/graphql", content=content, headers=headers)
    assert response.status_code == status
    assert code(response.json()) == "BAD_USER_INPUT"


async def test_body_over_the_limit_is_413(http: httpx.AsyncClient) -> None:
    padding = " " * 5000
    response = await http.post("/graphql", json={"query": "{ __typename }" + padding})
    assert response.status_code == 413
    assert response.json()["errors"][0]["message"].startswith("request body is larger")


async def test_graphiql_for_a_browser(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers={"Accept": "text/html,application/xhtml+xml"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


# --- request ids, health, CORS -----------------------------------------------------------


async def test_request_id_is_echoed_or_made(http: httpx.AsyncClient) -> None:
    echoed = await http.post("/graphql", json={"query": QUERY}, headers={"X-Request-ID": "abc-123"})
    made = await http.get("/healthz")
    unsafe = await http.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert echoed.headers["x-request-id"] == "abc-123"
    assert len(made.headers["x-request-id"]) == 32
    assert unsafe.headers["x-request-id"] != "bad id\twith spaces"


async def test_health_and_readiness(http: httpx.AsyncClient, index: NewsIndex) -> None:
    assert (await http.get("/healthz")).json() == {"status": "ok"}
    assert (await http.get("/readyz")).status_code == 200
    index.close()
    assert (await http.get("/readyz")).status_code == 503


async def test_cors_allows_configured_origins_only(http: httpx.AsyncClient) -> None:
    preflight = {"Access-Control-Request-Method": "POST"}
    allowed = await http.options("/graphql", headers={"Origin": "https://app.example", **preflight})
    refused = await http.options("/graphql", headers={"Origin": "https://evil.example", **preflight})
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "access-control-allow-origin" not in refused.headers


async def test_lifespan_opens_the_store_and_fills_it_from_bundled_articles(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "fresh", bundled_articles=SEEDS)
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        assert (await client.get("/readyz")).status_code == 200
        body = (await client.post("/graphql", json={"query": QUERY})).json()
    assert body == {"data": {"articles": {"totalCount": 2}}}
    assert app.state.index.is_ready() is False  # closed on shutdown


# --- auth on mutations -------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-key"}, {"Authorization": f"Basic {KEY}"},
     {"Authorization": "Bearer "}],
    ids=["none", "wrong", "not-bearer", "empty"],
)
async def test_writes_need_the_key(http: httpx.AsyncClient, headers: dict[str, str]) -> None:
    response = await http.post(
        "/graphql", json={"query": INGEST, "variables": {"input": ARTICLE}}, headers=headers
    )
    assert code(response.json()) == "UNAUTHENTICATED"
    assert (await http.post("/graphql", json={"query": QUERY})).json()["data"]["articles"] == {
        "totalCount": 2
    }


async def test_writes_are_refused_when_no_key_is_configured(tmp_path: Path, index: NewsIndex) -> None:
    transport = httpx.ASGITransport(app=create_app(settings_for(tmp_path), index))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post(
            "/graphql", json={"query": INGEST, "variables": {"input": ARTICLE}},
            headers={"Authorization": "Bearer anything"},
        )
    assert code(response.json()) == "UNAUTHENTICATED"


async def test_ingest_then_delete_with_the_key(http: httpx.AsyncClient) -> None:
    auth = {"Authorization": f"Bearer {KEY}"}
    payload = {"query": INGEST, "variables": {"input": ARTICLE}}
    first = (await http.post("/graphql", json=payload, headers=auth)).json()["data"]["ingestArticle"]
    again = (await http.post("/graphql", json=payload, headers=auth)).json()["data"]["ingestArticle"]
    assert first["created"] is True and again["created"] is False
    assert first["article"] == again["article"]
    assert first["article"]["source"] == "Test Wire"
    assert first["article"]["publishedAt"] == "2023-05-01T10:00:00+00:00"
    found = await http.post("/graphql", json={"query": '{ search(query: "Dushanbe") { totalCount } }'})
    assert found.json()["data"]["search"]["totalCount"] == 1

    delete = "mutation($id: ID!) { deleteArticle(id: $id) { deletedId } }"
    article_id = first["article"]["id"]
    deleted = await http.post("/graphql", json={"query": delete, "variables": {"id": article_id}},
                              headers=auth)
    gone = await http.post("/graphql", json={"query": delete, "variables": {"id": article_id}},
                           headers=auth)
    assert deleted.json()["data"]["deleteArticle"]["deletedId"] == article_id
    assert gone.json()["data"]["deleteArticle"]["deletedId"] is None
    count = await http.post("/graphql", json={"query": QUERY})
    assert count.json()["data"]["articles"]["totalCount"] == 2


async def test_ingest_refuses_a_blank_body(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql",
        json={"query": INGEST, "variables": {"input": {**ARTICLE, "body": "   "}}},
        headers={"Authorization": f"Bearer {KEY}"},
    )
    assert code(response.json()) == "BAD_USER_INPUT"
    assert "body" in response.json()["errors"][0]["message"]


async def test_delete_refuses_an_id_of_another_type(http: httpx.AsyncClient) -> None:
    person_id = base64.b64encode(b"Person:someone").decode()
    response = await http.post(
        "/graphql", json={"query": f'mutation {{ deleteArticle(id: "{person_id}") {{ deletedId }} }}'},
        headers={"Authorization": f"Bearer {KEY}"},
    )
    assert code(response.json()) == "BAD_USER_INPUT"


async def test_ingest_refuses_a_date_time_without_offset(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql",
        json={"query": INGEST, "variables": {"input": {**ARTICLE, "publishedAt": "2023-05-01T10:00"}}},
        headers={"Authorization": f"Bearer {KEY}"},
    )
    assert code(response.json()) == "BAD_USER_INPUT"
    assert "offset" in response.json()["errors"][0]["message"]
