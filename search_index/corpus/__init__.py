"""Reading articles from files: .txt (as the seeds come), .json, .jsonl and saved .html pages.

``read_paths`` yields one ``ReadOutcome`` per article (or per failure) and never
raises for a bad file; ``to_article`` settles a draft's id and content hash.
The ``parse_*`` functions read one file's text and raise ``BadArticle``.
"""

from __future__ import annotations

from search_index.corpus.dateline import Dateline, find_dateline
from search_index.corpus.dates import parse_date_line, parse_iso
from search_index.corpus.files import SUFFIXES, read_file, read_paths
from search_index.corpus.html import parse_html
from search_index.corpus.identity import article_id, content_hash, to_article
from search_index.corpus.outcome import ReadOutcome
from search_index.corpus.structured import parse_json, parse_json_object, parse_jsonl
from search_index.corpus.txt import parse_txt
from search_index.errors import BadArticle

__all__ = [
    "SUFFIXES",
    "BadArticle",
    "Dateline",
    "ReadOutcome",
    "article_id",
    "content_hash",
    "find_dateline",
    "parse_date_line",
    "parse_html",
    "parse_iso",
    "parse_json",
    "parse_json_object",
    "parse_jsonl",
    "parse_txt",
    "read_file",
    "read_paths",
    "to_article",
]
