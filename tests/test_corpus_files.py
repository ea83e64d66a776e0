"""Reading files and folders: walking, decoding, and errors as outcomes, never exceptions."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from search_index.corpus import ReadOutcome, read_paths

SEEDS = Path(__file__).parent.parent / "data" / "articles"
FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
ARTICLE = "22 Sep 2022 16:47\n\nA title\n\nBISHKEK. Sept 22 (Interfax) - Body text.\n"


def _read(*paths: Path) -> list[ReadOutcome]:
    return list(read_paths(paths))


def test_seed_folder() -> None:
    outcomes = _read(SEEDS)
    assert [Path(o.where).name for o in outcomes] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(o.error is None and o.draft is not None for o in outcomes)


def test_folder_is_walked_recursively_in_sorted_order_with_only_article_files(
    tmp_path: Path,
) -> None:
    shutil.copytree(FIXTURES, tmp_path / "corpus")
    (tmp_path / "corpus" / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / "corpus" / "image.png").write_bytes(b"\x89PNG")
    outcomes = _read(tmp_path / "corpus")
    files = sorted(
        {o.where.rsplit(":", 1)[0] if ".jsonl:" in o.where else o.where for o in outcomes}
    )
    expected = sorted(
        str(p)
        for p in (tmp_path / "corpus").rglob("*")
        if p.suffix in {".txt", ".json", ".jsonl", ".html"}
    )
    assert files == expected
    wheres = [o.where for o in outcomes]
    assert [w for w in wheres if ".jsonl" not in w] == sorted(
        w for w in wheres if ".jsonl" not in w
    )
    assert not any(w.endswith((".md", ".png")) for w in wheres)


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    assert [o.where for o in _read(tmp_path)] == [str(tmp_path / "a.txt")]


def test_suffix_case_does_not_matter(tmp_path: Path) -> None:
    (tmp_path / "A.TXT").write_text(ARTICLE, encoding="utf-8")
    [outcome] = _read(tmp_path)
    assert outcome.draft is not None and outcome.draft.source == "Interfax"


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    [outcome] = _read(path)
    assert outcome.draft is not None
    assert outcome.draft.published_at is not None  # the date line was still seen
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps({"title": "T", "body": "B"}).encode())
    [json_outcome] = _read(bom)
    assert json_outcome.draft is not None


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Заголовок\n\nТекст статьи.".encode("cp1251"))
    [outcome] = _read(path)
    assert outcome.draft is None
    assert outcome.where == str(path)
    assert outcome.error is not None and outcome.error.startswith("not UTF-8 text")


def test_html_page_in_its_declared_charset(tmp_path: Path) -> None:
    page = (FIXTURES / "html" / "akipress_zas_kulubaev.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1251">')
    page = page.replace("Tuesday.", "Tuesday (во вторник).")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251", errors="replace"))
    [outcome] = _read(path)
    assert outcome.draft is not None
    assert "во вторник" in outcome.draft.body


def test_missing_path_and_empty_folder_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "only-notes").mkdir()
    (tmp_path / "only-notes" / "readme.md").write_text("notes", encoding="utf-8")
    outcomes = _read(tmp_path / "missing.txt", tmp_path / "empty", tmp_path / "only-notes")
    assert [o.where for o in outcomes] == [
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty"),
        str(tmp_path / "only-notes"),
    ]
    assert all(o.draft is None and o.error for o in outcomes)


def test_a_named_file_of_another_kind_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# notes", encoding="utf-8")
    [outcome] = _read(path)
    assert outcome.error is not None and "not an article file" in outcome.error


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        [outcome] = _read(path)
    finally:
        path.chmod(0o600)
    assert outcome.error is not None and "cannot read" in outcome.error


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body></body></html>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text('{"title": "T"}\n[]\n', encoding="utf-8")
    (tmp_path / "e.txt").write_text(ARTICLE, encoding="utf-8")
    outcomes = _read(tmp_path)
    assert [o.error is None for o in outcomes] == [False, False, False, False, False, True]
    assert all(o.error is None or "\n" not in o.error for o in outcomes)
    assert outcomes[-1].where == str(tmp_path / "e.txt")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02",
        b"\xff\xfe\x00\x00",
        b"{}",
        b"null",
        b'{"title": null, "body": null}',
        b"<html>",
        b"\n\n\n",
        b"x" * 100_000,
        b"[" * 100_000,
        b"<div>" * 100_000,
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".json", ".jsonl", ".html"])
def test_odd_content_never_raises(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = tmp_path / f"odd{suffix}"
    path.write_bytes(content)
    for outcome in read_paths([path]):
        assert (outcome.draft is None) != (outcome.error is None)
