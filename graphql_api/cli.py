"""The ``newsgraph`` command: one entry point for the write side and the API.

Errors are one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pydantic import ValidationError

from search_index import NewsIndex
from search_index.cli import ingest_command, reindex_command, search_command
from search_index.corpus import read_paths
from search_index.errors import NewsgraphError
from search_index.settings import Settings

if TYPE_CHECKING:
    from starlette.applications import Starlette

EXIT_USAGE = 2
EXIT_INTERNAL = 70


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``newsgraph`` command and return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = _settings(args.data_dir)
        return int(args.run(args, settings, sys.stdout, sys.stderr))
    except NewsgraphError as exc:
        print(f"newsgraph: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        print(f"newsgraph: bad settings: {_first_error(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place that keeps tracebacks from users
        print(f"newsgraph: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL


def app_factory() -> Starlette:
    """The app uvicorn's workers build, each from the environment the parent set."""
    from graphql_api import create_app

    return create_app(Settings())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph", description="News articles in, a searchable knowledge graph over GraphQL out."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=None, help="store and index folder (env NEWSGRAPH_DATA_DIR)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", parents=[common], help="serve the GraphQL API with uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="worker processes reading one data dir")
    serve.set_defaults(run=_serve)

    ingest = commands.add_parser("ingest", parents=[common], help="add article files or folders")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.set_defaults(run=lambda a, s, out, err: ingest_command(s, a.paths, out, err))

    reindex = commands.add_parser("reindex", parents=[common], help="rebuild the index from the store")
    reindex.set_defaults(run=lambda a, s, out, err: reindex_command(s, out))

    query = commands.add_parser("query", parents=[common], help="run one GraphQL operation, print JSON")
    query.add_argument("document", metavar="GRAPHQL")
    query.add_argument("--variables", default=None, metavar="JSON")
    query.set_defaults(run=_query)

    search = commands.add_parser("search", parents=[common], help="ranked search in the terminal")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=_positive, default=10)
    search.set_defaults(run=lambda a, s, out, err: search_command(s, a.text, a.limit, out))

    export = commands.add_parser("export-schema", parents=[common], help="print the SDL")
    export.set_defaults(run=_export_schema)
    return parser


def _settings(data_dir: Path | None) -> Settings:
    settings = Settings()
    if data_dir is not None:
        settings = settings.model_copy(update={"data_dir": data_dir})
    return settings


def _serve(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    import uvicorn

    from graphql_api.logs import uvicorn_log_config

    if args.workers < 1:
        print("newsgraph: --workers must be at least 1", file=err)
        return EXIT_USAGE
    _ingest_bundled_if_empty(settings, err)
    # Workers are separate processes that read their settings from the environment.
    os.environ["NEWSGRAPH_DATA_DIR"] = str(settings.data_dir.resolve())
    uvicorn.run(
        "graphql_api.cli:app_factory",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=settings.log_level.lower(),
        log_config=uvicorn_log_config(settings.log_level),
        # The app logs each request itself, as JSON with its request id.
        access_log=False,
    )
    return 0


def _ingest_bundled_if_empty(settings: Settings, err: TextIO) -> None:
    """Build the store from the bundled articles on first start, before any worker opens it."""
    if settings.bundled_articles is None or not settings.bundled_articles.exists():
        return
    with NewsIndex.open(settings) as index:
        if not index.is_empty():
            return
        drafts = []
        for outcome in read_paths([settings.bundled_articles]):
            if outcome.draft is None:
                print(f"newsgraph: skipped {outcome.where}: {outcome.error}", file=err)
            else:
                drafts.append(outcome.draft)
        for _ in index.ingest_many(drafts):
            pass


def _query(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    from graphql_api import execute_operation

    variables = None
    if args.variables is not None:
        try:
            variables = json.loads(args.variables)
        except json.JSONDecodeError as exc:
            print(f"newsgraph: --variables is not JSON: {exc}", file=err)
            return EXIT_USAGE
        if not isinstance(variables, dict):
            print("newsgraph: --variables must be a JSON object", file=err)
            return EXIT_USAGE
    _ingest_bundled_if_empty(settings, err)
    with NewsIndex.open(settings) as index:
        response = asyncio.run(execute_operation(index, settings, args.document, variables))
    print(json.dumps(response, indent=2, ensure_ascii=False), file=out)
    return 1 if response.get("errors") else 0


def _export_schema(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    from graphql_api import schema_sdl

    out.write(schema_sdl())
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
