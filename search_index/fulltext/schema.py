"""What the index holds: one Whoosh schema for article and statement documents, and their builders.

Articles and their statements live in ONE index, told apart by ``doctype``:
one commit then replaces an article and its statements together (a reader
never sees an article with another version's statements), one lock serializes
writers, and one searcher serves both kinds of search. Every document carries
``article_id``, so deleting an article is one ``delete_by_term``.

Only Whoosh's own classes go into the schema: Whoosh pickles the schema into
the index, so a class of ours there would tie old index folders to our module
layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, Final

from whoosh import fields
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map

from search_index.models import Article, EntityKind, Extraction, Statement

ARTICLE: Final = "article"
STATEMENT: Final = "statement"
#: Documents of words for did-you-mean (see :mod:`~search_index.fulltext.lexicon`).
LEXICON: Final = "lexicon"

#: Fields a person may name in an article query ("title:csto"), as the error message lists them.
ARTICLE_QUERY_FIELDS: Final = (
    "title", "body", "entities", "source", "dateline", "published", "year",
    "countries", "organizations", "people",
)
#: Fields searched when a query names none.
ARTICLE_DEFAULT_FIELDS: Final = ("title", "body", "entities")
STATEMENT_QUERY_FIELDS: Final = ("text", "speaker")
#: A statement is found by what was said. Its context (the sentences around it)
#: is not indexed: a word from a neighbouring sentence is not what the speaker
#: said, and indexing it cost an eighth of ingest's index time.
STATEMENT_DEFAULT_FIELDS: Final = ("text",)
#: The stemmed text of an article's body.
BODY: Final = "body"
#: The unstemmed words of titles and bodies, where spelling suggestions come from.
SPELLING: Final = "spelling"
#: A column every document has: ISO UTC time ("" when unknown), for keyset sorting.
TIME_KEY: Final = "time_key"
#: The fields analyzed by :func:`stemming_analyzer`, which a writer is given as terms
#: (see :mod:`~search_index.fulltext.terms`).
STEMMED_FIELDS: Final = ("title", "body", "entities", "text")

_ENTITY_FIELDS: Final = {
    EntityKind.COUNTRY: "countries",
    EntityKind.ORGANIZATION: "organizations",
    EntityKind.PERSON: "people",
}


def stemming_analyzer() -> Any:
    """Words, lowercased, accents folded ("Kulubaev" finds "Külübaev"), stop words out, stemmed."""
    return (
        RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter() | StemFilter()
    )


def _plain_analyzer() -> Any:
    """Words, lowercased, accents folded; nothing dropped, nothing stemmed."""
    # The spelling field needs exactly this: suggestions must be real words,
    # and a stop word missing from it would look misspelled.
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> Any:
    """A fresh schema (see :func:`same_schema` for comparing it with an index's)."""
    text = stemming_analyzer()
    return fields.Schema(
        doctype=fields.ID(),
        id=fields.ID(stored=True, unique=True, sortable=True),
        article_id=fields.ID(),
        content_hash=fields.STORED(),
        # Title words weigh more than body words: a headline states what the article is about.
        title=fields.TEXT(analyzer=text, stored=True, field_boost=2.5),
        body=fields.TEXT(analyzer=text, stored=True),
        entities=fields.TEXT(analyzer=text),
        source=fields.ID(stored=True),
        dateline=fields.TEXT(analyzer=_plain_analyzer()),
        published=fields.DATETIME(),
        year=fields.ID(),
        countries=fields.KEYWORD(commas=True),
        organizations=fields.KEYWORD(commas=True),
        people=fields.KEYWORD(commas=True),
        spelling=fields.TEXT(analyzer=_plain_analyzer()),
        text=fields.TEXT(analyzer=text),
        speaker=fields.ID(),
        # Whoosh leaves a segment's column unreadable when no document in it
        # has a value, so every document of both kinds gets this one.
        time_key=fields.ID(sortable=True),
    )


def _field_signature(field: Any) -> tuple[type, dict[str, Any], type]:
    # Whoosh's column and struct objects have no __eq__, so two equal fields
    # compare unequal: compare the column's type, and leave out private
    # attributes (caches derived from the public settings, such as _struct).
    settings = {
        name: value
        for name, value in vars(field).items()
        if name != "column_type" and not name.startswith("_")
    }
    return type(field), settings, type(getattr(field, "column_type", None))


def same_schema(stored: Any, wanted: Any) -> bool:
    """True when an index's (unpickled) schema is the schema this version builds."""
    names = stored.names()
    if names != wanted.names():
        return False
    return all(_field_signature(stored[name]) == _field_signature(wanted[name]) for name in names)


def naive_utc(moment: datetime) -> datetime:
    """The same instant as a naive UTC datetime: Whoosh's DATETIME takes no time zones."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def day_start(day: date) -> datetime:
    """Midnight (naive UTC) at the start of ``day``."""
    return datetime.combine(day, time.min)


def time_key(moment: datetime | None) -> str:
    """Fixed-width ISO text that sorts like the instant; "" when there is none."""
    if moment is None:
        return ""
    return naive_utc(moment).strftime("%Y-%m-%dT%H:%M:%S.%f")


def _entity_ids(extraction: Extraction) -> dict[str, list[str]]:
    """Entity ids per keyword field: those mentioned, and those the extraction lists."""
    found: dict[str, list[str]] = {name: [] for name in _ENTITY_FIELDS.values()}
    for mention in extraction.mentions:
        found[_ENTITY_FIELDS[mention.entity.kind]].append(mention.entity.id)
    found["countries"] += [country.id for country in extraction.countries]
    found["organizations"] += [org.id for org in extraction.organizations]
    found["people"] += [person.id for person in extraction.people]
    # Commas separate keywords; an id never holds one, but a stray one must not split it.
    return {name: list(dict.fromkeys(i.replace(",", " ") for i in ids)) for name, ids in found.items()}


def _entity_names(extraction: Extraction) -> str:
    """Every name, alias and acronym the article's entities go by, so a search by name finds it."""
    names: list[str] = []
    for country in extraction.countries:
        names += [country.name, *country.aliases]
    for org in extraction.organizations:
        names += [org.name, *org.aliases, *([org.acronym] if org.acronym else [])]
    for person in extraction.people:
        names += [person.name, *person.aliases]
    return " ; ".join(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class ArticleDocuments:
    """An article's documents as the writer takes them: the article's own, then its statements'.

    Plain field values, so a batch crosses to the indexing process cheaply.
    """

    article_id: str
    documents: tuple[dict[str, Any], ...]

    def titled_body(self) -> str:
        """The article's title and body, where did-you-mean's words come from."""
        article = self.documents[0]
        return f"{article['title']}\n{article[BODY]}"


def documents_of(article: Article, extraction: Extraction) -> ArticleDocuments:
    """The documents that index ``article`` and the statements ``extraction`` gives it."""
    return ArticleDocuments(
        article.id,
        (
            article_document(article, extraction),
            *(statement_document(statement, article.id) for statement in extraction.statements),
        ),
    )


def article_document(article: Article, extraction: Extraction) -> dict[str, Any]:
    """The fields of one article's document."""
    doc: dict[str, Any] = {
        "doctype": ARTICLE,
        "id": article.id,
        "article_id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "body": article.body,
        "entities": _entity_names(extraction),
        TIME_KEY: time_key(article.published_at),
    }
    doc.update({name: ",".join(ids) for name, ids in _entity_ids(extraction).items() if ids})
    if article.source:
        doc["source"] = article.source
    if article.dateline:
        doc["dateline"] = article.dateline
    if article.published_at is not None:
        doc["published"] = naive_utc(article.published_at)
        doc["year"] = str(article.published_at.astimezone(UTC).year)
    return doc


def statement_document(statement: Statement, article_id: str) -> dict[str, Any]:
    """The fields of one statement's document, filed under ``article_id`` (the article it came with)."""
    said_on = day_start(statement.said_on) if statement.said_on else None
    doc: dict[str, Any] = {
        "doctype": STATEMENT,
        "id": statement.id,
        # The article it was put with, not what the record says: deleting that
        # article must take every one of its statements along.
        "article_id": article_id,
        "text": statement.text,
        TIME_KEY: time_key(said_on.replace(tzinfo=UTC) if said_on else None),
    }
    if statement.speaker is not None:
        doc["speaker"] = f"{statement.speaker.kind.value}:{statement.speaker.id}"
    return doc
