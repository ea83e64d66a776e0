"""Finding article files and decoding them; every failure becomes an outcome, never an exception."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from search_index.corpus.html import parse_html
from search_index.corpus.outcome import ReadOutcome
from search_index.corpus.structured import parse_json, parse_jsonl
from search_index.corpus.txt import parse_txt
from search_index.errors import BadArticle
from search_index.models import ArticleDraft

_ONE_ARTICLE: dict[str, Callable[[str, str], ArticleDraft]] = {
    ".txt": parse_txt,
    ".json": parse_json,
    ".html": parse_html,
    ".htm": parse_html,
}
#: The suffixes of the files read as articles (compared lower-cased).
SUFFIXES = frozenset({*_ONE_ARTICLE, ".jsonl"})
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CHARSET_LOOKAHEAD = 4096


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _walk(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``, recursively, in sorted order; hidden ones skipped."""
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in SUFFIXES and path.is_file() and not _is_hidden(path, folder):
            yield path


def _declared_charset(raw: bytes) -> str | None:
    found = _DECLARED_CHARSET.search(raw[:_CHARSET_LOOKAHEAD])
    return None if found is None else found.group(1).decode("ascii")


def decode(raw: bytes, where: str, *, html: bool = False) -> str:
    """UTF-8 text (a byte-order mark dropped); an HTML page may declare another charset.

    Raises BadArticle naming the first byte that cannot be decoded.
    """
    try:
        return raw.decode("utf-8-sig")  # also plain UTF-8: the mark is optional
    except UnicodeDecodeError as error:
        problem = error
    charset = _declared_charset(raw) if html else None
    if charset is not None:
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    bad = raw[problem.start : problem.start + 1].hex()
    raise BadArticle(where, f"not UTF-8 text (byte 0x{bad} at offset {problem.start})")


def read_file(path: Path) -> Iterator[ReadOutcome]:
    """The articles in one file: one, or one per line of a .jsonl file."""
    where = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix not in SUFFIXES:
            raise BadArticle(
                where, f"not an article file (expected one of {', '.join(sorted(SUFFIXES))})"
            )
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise BadArticle(where, f"cannot read the file: {error.strerror or error}") from None
        text = decode(raw, where, html=suffix in {".html", ".htm"})
        if suffix == ".jsonl":
            yield from parse_jsonl(text, where)
            return
        yield ReadOutcome(where=where, draft=_ONE_ARTICLE[suffix](text, where))
    except BadArticle as problem:
        yield ReadOutcome.failed(problem)


def read_paths(paths: Iterable[Path]) -> Iterator[ReadOutcome]:
    """Every article in these files and folders (walked, in sorted order); bad ones as errors.

    A missing path, an empty folder or a file that cannot be read or parsed gives an
    outcome with ``error`` set; the files after it are still read.
    """
    for path in paths:
        if path.is_dir():
            try:
                files = list(_walk(path))
            except OSError as error:
                yield ReadOutcome(where=str(path), error=f"cannot list the folder: {error}")
                continue
            if not files:
                yield ReadOutcome(where=str(path), error="no article files in this folder")
            for file in files:
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield ReadOutcome(where=str(path), error="no such file or folder")
