"""From what a person typed (and a filter) to Whoosh queries, or a message they can act on.

Terms are ANDed: news search is expected to narrow as words are added
("withdrawal CSTO" means articles about both). An article whose headline holds
every word ranks above one that only mentions them in passing. Syntax that Whoosh cannot make
sense of ("((((", a lone quote) falls back to the plain words of the text; an
unknown field, or text with no searchable word at all, is a
:class:`BadSearchQuery`.

Filters: ANY of the values within one list (sources, countries, ...), ALL of
the lists given. A date range keeps only dated documents, compared as UTC
dates, both ends inclusive.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import Any

from whoosh import query as wq
from whoosh.qparser import AndGroup, FieldsPlugin, MultifieldParser, WhitespacePlugin

from search_index.errors import BadSearchQuery
from search_index.fulltext.schema import (
    ARTICLE,
    ARTICLE_DEFAULT_FIELDS,
    ARTICLE_QUERY_FIELDS,
    STATEMENT,
    STATEMENT_DEFAULT_FIELDS,
    STATEMENT_QUERY_FIELDS,
    TIME_KEY,
    day_start,
)
from search_index.models import ArticleFilter


def _syntax_parser(schema: Any, default_fields: Sequence[str]) -> Any:
    parser = MultifieldParser(list(default_fields), schema, group=AndGroup)
    # Keep "foo:bar" as field foo, so an unknown field is reported instead of
    # quietly searched as the words "foo bar".
    parser.replace_plugin(FieldsPlugin(remove_unknown=False))
    return parser


def _words_parser(schema: Any, default_fields: Sequence[str]) -> Any:
    # No syntax at all: every character is text, the analyzer keeps the words.
    return MultifieldParser(
        list(default_fields), schema, group=AndGroup, plugins=[WhitespacePlugin()]
    )


def _is_empty(parsed: Any) -> bool:
    return parsed is None or parsed is wq.NullQuery


def try_parse(parser: Any, text: str) -> Any:
    """The parsed query, or None when Whoosh's parser gives up on the syntax."""
    try:
        return parser.parse(text)
    # Whoosh's parser raises assorted exception types on odd input; whatever
    # it was, the caller's answer is the plain-words reading.
    except Exception:  # noqa: BLE001
        return None


def _check_fields(parsed: Any, allowed: Sequence[str]) -> None:
    for leaf in [parsed] if parsed.is_leaf() else parsed.leaves():
        name = getattr(leaf, "fieldname", None)
        if name is not None and name not in allowed:
            raise BadSearchQuery(
                f"unknown field {name!r}; fields are {', '.join(allowed)} "
                f'(put text holding ":" in double quotes to search for it as words)'
            )


def _parse(
    text: str,
    schema: Any,
    default_fields: Sequence[str],
    allowed: Sequence[str],
    headline: str | None = None,
) -> Any:
    stripped = text.strip()
    if not stripped:
        raise BadSearchQuery("the search text is empty: type a word to search for")
    for make_parser in (_syntax_parser, _words_parser):
        parsed = try_parse(make_parser(schema, default_fields), stripped)
        if _is_empty(parsed):
            continue
        _check_fields(parsed, allowed)
        if headline is None:
            return parsed
        # A headline holding every word of the query is the best evidence of what
        # an article is about: such articles get the headline's score on top.
        bonus = try_parse(make_parser(schema, [headline]), stripped)
        return parsed if _is_empty(bonus) else wq.AndMaybe(parsed, bonus)
    raise BadSearchQuery(
        f"nothing to search for in {stripped!r}: use words of two letters or more "
        "(common words such as 'the' are ignored)"
    )


def parse_article_query(text: str, schema: Any) -> Any:
    """The Whoosh query for an article search; :class:`BadSearchQuery` when there is none."""
    return _parse(text, schema, ARTICLE_DEFAULT_FIELDS, ARTICLE_QUERY_FIELDS, headline="title")


def parse_statement_query(text: str, schema: Any) -> Any:
    """The Whoosh query for a statement search; :class:`BadSearchQuery` when there is none."""
    return _parse(text, schema, STATEMENT_DEFAULT_FIELDS, STATEMENT_QUERY_FIELDS)


def _any_of(field: str, values: Collection[str]) -> Any:
    return wq.Or([wq.Term(field, value) for value in values])


def _date_range(field: str, from_date: date | None, to_date: date | None) -> Any:
    start = day_start(from_date) if from_date else None
    end = day_start(to_date + timedelta(days=1)) if to_date else None
    return wq.DateRange(field, start, end, endexcl=end is not None)


def article_filter(filter: ArticleFilter | None) -> Any:
    """Articles only, narrowed by ``filter``."""
    parts: list[Any] = [wq.Term("doctype", ARTICLE)]
    if filter is None:
        return parts[0]
    if filter.from_date or filter.to_date:
        parts.append(_date_range("published", filter.from_date, filter.to_date))
    lists = (
        ("source", filter.sources),
        ("countries", filter.countries),
        ("organizations", filter.organizations),
        ("people", filter.people),
    )
    parts += [_any_of(field, values) for field, values in lists if values]
    return wq.And(parts)


def statement_filter(
    speakers: Collection[str] | None, from_date: date | None, to_date: date | None
) -> Any:
    """Statements only: of one of ``speakers`` ("kind:id") when given, said within the dates."""
    parts: list[Any] = [wq.Term("doctype", STATEMENT)]
    if speakers is not None:
        parts.append(_any_of("speaker", sorted(speakers)))
    if from_date or to_date:
        parts.append(_day_key_range(from_date, to_date))
    return wq.And(parts)


def _day_key_range(from_date: date | None, to_date: date | None) -> Any:
    """Documents whose time key falls on these days (a statement's key is its day).

    A range over the sort key's text rather than a date field of its own: a
    Whoosh date is eight terms per document, and statements are most of the
    documents. ISO text sorts like the dates; "" (no date) sorts before "0".
    """
    start = from_date.isoformat() if from_date else "0"
    end = (to_date + timedelta(days=1)).isoformat() if to_date else None
    return wq.TermRange(TIME_KEY, start, end, endexcl=end is not None)
