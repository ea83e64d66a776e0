"""The real server: `newsgraph serve` under uvicorn on 127.0.0.1, spoken to over HTTP."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest
from graphql import build_ast_schema, build_client_schema, get_introspection_query, parse
from graphql.utilities import lexicographic_sort_schema, print_schema

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served(NamedTuple):
    """A running server: its base URL and the file its output goes to."""

    base: str
    log: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`newsgraph serve --workers 2` over a fresh data dir built from the bundled articles."""
    data_dir = tmp_path_factory.mktemp("served")
    port = _free_port()
    env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir), "NEWSGRAPH_API_KEY": "e2e-key"}
    log = (data_dir / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "graphql_api.cli", "serve", "--host", "127.0.0.1",
         "--port", str(port), "--workers", "2"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"server did not start: {(data_dir / 'server.log').read_text()}")
            time.sleep(0.2)
        yield Served(base, data_dir / "server.log")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="module")
def server(served: Served) -> str:
    """The base URL of the running server."""
    return served.base


def test_health_and_a_search_over_http(server: str) -> None:
    assert httpx.get(f"{server}/healthz").status_code == 200
    response = httpx.post(
        f"{server}/graphql",
        json={"query": '{ search(query: "withdrawal CSTO") { totalCount edges { node { title } } } }'},
    )
    assert response.status_code == 200
    search = response.json()["data"]["search"]
    assert search["totalCount"] >= 1
    assert search["edges"][0]["node"]["title"].startswith("Kyrgyzstan not considering withdrawal")
    assert response.headers.get("x-request-id")


def test_introspected_schema_equals_schema_file(server: str) -> None:
    response = httpx.post(f"{server}/graphql", json={"query": get_introspection_query()})
    assert response.status_code == 200
    live = lexicographic_sort_schema(build_client_schema(response.json()["data"]))
    committed = lexicographic_sort_schema(
        build_ast_schema(parse((ROOT / "schema.graphql").read_text()))
    )
    assert print_schema(live) == print_schema(committed)


def test_mutation_needs_the_key_over_http(server: str) -> None:
    missing = base64.b64encode(b"Article:no-such-article").decode()
    mutation = f'mutation {{ deleteArticle(id: "{missing}") {{ deletedId }} }}'
    refused = httpx.post(f"{server}/graphql", json={"query": mutation})
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    allowed = httpx.post(
        f"{server}/graphql", json={"query": mutation}, headers={"Authorization": "Bearer e2e-key"}
    )
    assert "errors" not in allowed.json()
    assert allowed.json()["data"]["deleteArticle"]["deletedId"] is None


def test_every_log_line_is_json_and_requests_carry_their_id(served: Served) -> None:
    sent = "e2e-log-check"
    httpx.get(f"{served.base}/healthz", headers={"X-Request-ID": sent})
    lines = [json.loads(line) for line in served.log.read_text().splitlines() if line.strip()]
    assert lines, "the server logged nothing"
    assert all({"time", "level", "message"} <= set(line) for line in lines)
    assert any(line.get("request_id") == sent for line in lines)
