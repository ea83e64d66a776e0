"""The `newsgraph` command line, run in-process over a real data dir."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graphql_api.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """The seed articles plus one good and one broken .json file."""
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    (folder / "good.json").write_text(
        json.dumps({"title": "Floods in Bavaria", "body": "Heavy rain flooded towns in Bavaria.",
                    "publishedAt": "2024-06-02"})
    )
    (folder / "broken.json").write_text('{"title": "no closing brace"')
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_ingest_reports_the_broken_file_and_keeps_the_rest(
    tmp_path: Path, articles: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    code, out, err = run(capsys, "ingest", str(articles), "--data-dir", data)
    assert code == 1
    assert "added 3, updated 0, already present 0, skipped 1" in out
    assert err.count("\n") == 1 and "broken.json" in err and "Traceback" not in err

    code, out, _ = run(capsys, "ingest", str(articles), "--data-dir", data)
    assert "added 0, updated 0, already present 3, skipped 1" in out


def test_search_ranks_the_interfax_article_first_with_a_snippet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    assert run(capsys, "ingest", str(SEEDS), "--data-dir", data)[0] == 0
    code, out, _ = run(capsys, "search", "withdrawal CSTO", "--data-dir", data)
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith("  1. Kyrgyzstan not considering withdrawal from CSTO")
    assert "[withdrawal]" in out or "[withdraw" in out  # matched terms marked in the snippet


def test_reindex_rebuilds_a_lost_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, "ingest", str(SEEDS), "--data-dir", str(data))
    shutil.rmtree(data / "index")
    code, out, _ = run(capsys, "reindex", "--data-dir", str(data))
    assert (code, out.strip()) == (0, "reindexed 2 articles")
    assert "2 matching articles" in run(capsys, "search", "Kyrgyz", "--data-dir", str(data))[1]


def test_missing_path_is_one_line_and_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "ingest", str(tmp_path / "nope"), "--data-dir", str(tmp_path / "d"))
    assert code == 1
    assert err.strip() == f"newsgraph: skipped {tmp_path / 'nope'}: no such file or folder"


def test_bad_search_syntax_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    run(capsys, "ingest", str(SEEDS), "--data-dir", data)
    code, _, err = run(capsys, "search", "nosuchfield:x", "--data-dir", data)
    assert code == 1
    assert err.startswith("newsgraph: ") and err.count("\n") == 1


def test_query_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    run(capsys, "ingest", str(SEEDS), "--data-dir", data)
    code, out, _ = run(
        capsys, "query", "query($n: Int) { articles(first: $n) { totalCount edges { node { title } } } }",
        "--variables", '{"n": 1}', "--data-dir", data,
    )
    assert code == 0
    answer = json.loads(out)
    assert answer["data"]["articles"]["totalCount"] == 2
    assert len(answer["data"]["articles"]["edges"]) == 1


def test_bad_variables_are_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "query", "{ articles { totalCount } }", "--variables", "{nope",
                       "--data-dir", str(tmp_path / "d"))
    assert code == 2 and err.startswith("newsgraph: --variables is not JSON")


def test_export_schema_is_the_committed_file() -> None:
    printed = subprocess.run(
        [sys.executable, "-m", "graphql_api.cli", "export-schema"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    assert printed == (ROOT / "schema.graphql").read_text()


def test_the_write_side_commands_do_not_load_the_graphql_app() -> None:
    probe = (
        "import sys, graphql_api.cli; "
        "print(sorted(m for m in ('strawberry', 'starlette', 'graphql_api.app') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                            check=True).stdout.strip()
    assert loaded == "[]"


def test_the_api_package_exports_each_name_it_lists() -> None:
    import graphql_api

    assert set(graphql_api.__all__) == set(graphql_api._HOMES)
    for name in graphql_api.__all__:
        assert callable(getattr(graphql_api, name)), name
    with pytest.raises(AttributeError):
        _ = graphql_api.no_such_name  # type: ignore[attr-defined]
