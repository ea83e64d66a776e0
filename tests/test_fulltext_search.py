"""Article search over the test corpus: ranking, filters, sorting, paging, facets, highlights, spelling."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date
from pathlib import Path

import pytest

from search_index.errors import BadCursor, BadSearchQuery
from search_index.fulltext import FullText
from search_index.models import ArticleFilter, FacetCount, SearchResults, SearchSort
from tests.test_fulltext_corpus import INTERFAX, Item, corpus, open_index, to_records

ALL = "*"  # matches every article: lets filters and sorts be checked against the whole corpus
BY_ID = {item.id: item for item in corpus()}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FullText]:
    opened = open_index(tmp_path_factory.mktemp("search"))
    yield opened
    opened.close()


def ids(results: SearchResults) -> list[str]:
    return [hit.article_id for hit in results.hits]


def everything(index: FullText, query: str, **kwargs: object) -> list[str]:
    """Every hit of a search, in order, in one page."""
    results = index.search(query, first=len(BY_ID) + 10, **kwargs)  # type: ignore[arg-type]
    assert not results.has_next
    return ids(results)


# --- ranking and matching ---------------------------------------------------------


def test_withdrawal_csto_ranks_the_interfax_seed_first(index: FullText) -> None:
    results = index.search("withdrawal CSTO")
    assert ids(results)[0] == INTERFAX
    assert results.total == len(results.hits) >= 2  # others mention both, further down
    scores = [hit.score for hit in results.hits]
    assert scores == sorted(scores, reverse=True)


def test_terms_are_anded(index: FullText) -> None:
    for article_id in everything(index, "withdrawal CSTO"):
        item = BY_ID[article_id]
        text = f"{item.title} {item.body}".lower()
        assert "withdraw" in text and ("csto" in text or "csto" in item.organizations)
    assert set(everything(index, "CSTO OR measles")) > set(everything(index, "measles"))


def test_entity_names_and_aliases_are_searchable(index: FullText) -> None:
    # a09 never names Imankulov nor spells out the CSTO; its extraction does.
    assert "Imankulov" not in BY_ID["a09"].body
    assert "a09" in everything(index, "Imankulov")
    assert "a09" in everything(index, "Collective Security Treaty Organization")
    # Accents fold: the article spells the name "Külübaev".
    assert "a11" in everything(index, "Kulubaev")


def test_stemming_matches_word_forms(index: FullText) -> None:
    assert "a23" in everything(index, "withdrawal")  # a23 says "withdraw"


def test_undated_articles_are_searchable(index: FullText) -> None:
    assert BY_ID["a17"].published is None
    assert everything(index, "snow pass") == ["a17"]


def test_a_field_can_be_named(index: FullText) -> None:
    in_title = everything(index, "title:measles")
    assert in_title and all("measles" in BY_ID[i].title.lower() for i in in_title)
    assert set(everything(index, "source:Reuters")) == {
        item.id for item in corpus() if item.source == "Reuters"
    }


# --- filters ------------------------------------------------------------------------


def expected(keep: Callable[[Item], object]) -> set[str]:
    return {item.id for item in corpus() if keep(item)}


def _dated_within(item: Item, start: date | None = None, end: date | None = None) -> bool:
    """Published (as a UTC date) within [start, end]; undated articles never are."""
    if item.published is None:
        return False
    day = item.published.astimezone(UTC).date()
    return (start is None or start <= day) and (end is None or day <= end)


@pytest.mark.parametrize(
    ("filter", "keep"),
    [
        (ArticleFilter(sources=("Reuters", "TASS")), lambda i: i.source in {"Reuters", "TASS"}),
        (ArticleFilter(countries=("CN", "AF")), lambda i: {"CN", "AF"} & set(i.countries)),
        (ArticleFilter(organizations=("csto",)), lambda i: "csto" in i.organizations),
        (ArticleFilter(people=("marat-imankulov",)), lambda i: "marat-imankulov" in i.people),
        (
            ArticleFilter(countries=("KG",), organizations=("csto", "un")),
            lambda i: "KG" in i.countries and {"csto", "un"} & set(i.organizations),
        ),
        (
            ArticleFilter(from_date=date(2022, 9, 15), to_date=date(2022, 9, 22)),
            lambda i: _dated_within(i, date(2022, 9, 15), date(2022, 9, 22)),
        ),
        (ArticleFilter(from_date=date(2023, 1, 1)), lambda i: _dated_within(i, date(2023, 1, 1))),
        (ArticleFilter(to_date=date(2021, 8, 3)), lambda i: _dated_within(i, None, date(2021, 8, 3))),
        (
            ArticleFilter(sources=("TASS",), from_date=date(2022, 10, 1)),
            lambda i: i.source == "TASS" and _dated_within(i, date(2022, 10, 1)),
        ),
    ],
    ids=["sources-any", "countries-any", "organization", "person", "across-lists-all",
         "date-range", "from-only", "to-only-inclusive", "source-and-date"],
)
def test_filters(index: FullText, filter: ArticleFilter, keep: Callable[[Item], object]) -> None:
    wanted = expected(keep)
    assert wanted, "the corpus must exercise this filter"
    results = index.search(ALL, filter, first=100)
    assert set(ids(results)) == wanted
    assert results.total == len(wanted)


def test_filter_narrows_a_text_search(index: FullText) -> None:
    unfiltered = set(everything(index, "border"))
    filtered = set(everything(index, "border", filter=ArticleFilter(sources=("Asia-Plus",))))
    assert filtered and filtered < unfiltered
    assert all(BY_ID[i].source == "Asia-Plus" for i in filtered)


# --- sorting and paging -----------------------------------------------------------------


def _by_date(newest: bool) -> list[str]:
    dated = sorted(
        (item for item in corpus() if item.published),
        key=lambda item: (-item.published.timestamp() if newest else item.published.timestamp(),  # type: ignore[union-attr]
                          item.id),
    )
    undated = sorted(item.id for item in corpus() if not item.published)
    return [item.id for item in dated] + undated


@pytest.mark.parametrize("sort", [SearchSort.NEWEST, SearchSort.OLDEST])
def test_date_sorts_put_undated_last(index: FullText, sort: SearchSort) -> None:
    order = everything(index, ALL, sort=sort)
    assert order == _by_date(newest=sort is SearchSort.NEWEST)
    assert BY_ID[order[-1]].published is None and BY_ID[order[0]].published is not None


def test_relevance_ties_break_by_id(index: FullText) -> None:
    # "*" scores most articles alike: among equal scores, ids ascend.
    hits = index.search(ALL, first=100).hits
    keys = [(-hit.score, hit.article_id) for hit in hits]
    assert keys == sorted(keys)
    assert len({hit.score for hit in hits}) < len(hits)


@pytest.mark.parametrize("sort", list(SearchSort))
@pytest.mark.parametrize("query", ["border", ALL, "CSTO OR Kyrgyzstan"])
def test_cursor_pages_join_up_to_one_big_page(index: FullText, sort: SearchSort, query: str) -> None:
    whole = everything(index, query, sort=sort)
    seen: list[str] = []
    after: str | None = None
    while True:
        page = index.search(query, sort=sort, first=4, after=after)
        assert page.total == len(whole)
        assert page.has_previous is (after is not None)
        seen += ids(page)
        if not page.has_next:
            break
        after = page.hits[-1].cursor
    assert seen == whole


def test_foreign_or_broken_cursors_are_refused(index: FullText) -> None:
    cursor = index.search("border", first=2).hits[-1].cursor
    with pytest.raises(BadCursor):
        index.search("measles", first=2, after=cursor)
    with pytest.raises(BadCursor):
        index.search("border", first=2, after=cursor, sort=SearchSort.NEWEST)
    with pytest.raises(BadCursor):
        index.search("border", ArticleFilter(sources=("TASS",)), first=2, after=cursor)
    for garbage in ["", "not a cursor!", "eyJ9", cursor[:-3]]:
        with pytest.raises(BadCursor):
            index.search("border", first=2, after=garbage)


# --- facets -----------------------------------------------------------------------------


def _counted(values: list[str], with_id: bool) -> tuple[FacetCount, ...]:
    counts = sorted(Counter(values).items(), key=lambda pair: (-pair[1], pair[0]))
    return tuple(FacetCount(value=v, id=v if with_id else None, count=c) for v, c in counts)


def test_facets_count_every_hit_not_just_the_page(index: FullText) -> None:
    hits = [BY_ID[i] for i in everything(index, "border")]
    results = index.search("border", first=1)
    assert len(results.hits) == 1 and results.total == len(hits) > 1
    facets = results.facets
    assert facets.countries == _counted([c for item in hits for c in item.countries], True)
    assert facets.organizations == _counted([o for item in hits for o in item.organizations], True)
    assert facets.people == _counted([p for item in hits for p in item.people], True)
    assert facets.sources == _counted([item.source for item in hits if item.source], False)
    years = [str(item.published.year) for item in hits if item.published]
    assert facets.years == _counted(years, False)


def test_facets_follow_the_filter(index: FullText) -> None:
    facets = index.search(ALL, ArticleFilter(sources=("Reuters",))).facets
    assert [f.value for f in facets.sources] == ["Reuters"]
    assert sum(f.count for f in facets.years) == len(expected(lambda i: i.source == "Reuters"))


def test_facets_follow_a_commit_and_a_delete(tmp_path: Path) -> None:
    # Facet values are read once per searcher generation: a commit must be seen at once.
    index = FullText.open(tmp_path)
    try:
        first = Item("f1", "Floods in Osh", "Floods hit Osh.", None, "AKIpress", countries=("KG",))
        index.put([to_records(first)])
        assert [(f.value, f.count) for f in index.search("floods").facets.countries] == [("KG", 1)]
        second = Item("f2", "More floods", "Floods reach Khujand.", None, "Asia-Plus",
                      countries=("TJ", "KG"))
        index.put([to_records(second)])
        facets = index.search("floods").facets
        assert [(f.value, f.count) for f in facets.countries] == [("KG", 2), ("TJ", 1)]
        assert [f.value for f in facets.sources] == ["AKIpress", "Asia-Plus"]
        index.delete(["f1"])
        assert [(f.value, f.count) for f in index.search("floods").facets.countries] == [
            ("KG", 1), ("TJ", 1)]
    finally:
        index.close()


# --- highlights -----------------------------------------------------------------------------


def test_highlights_mark_matches_and_escape_the_rest(tmp_path: Path) -> None:
    index = FullText.open(tmp_path)
    try:
        item = Item("x1", "Ceasefire <b>talks</b> & more", "Officials said <script>alert('x')</script> "
                    "& the ceasefire \"held\" overnight.", None, "Test")
        index.put([to_records(item)])
        hit = index.search("ceasefire").hits[0]
        fields = {h.field: h.fragments for h in hit.highlights}
        assert fields["title"] == ("<mark>Ceasefire</mark> &lt;b&gt;talks&lt;/b&gt; &amp; more",)
        body = " ".join(fields["body"])
        assert "<mark>ceasefire</mark>" in body
        assert "&lt;script&gt;" in body and "&amp;" in body and "&quot;held&quot;" in body
        assert "<script>" not in body and "<b>" not in fields["title"][0]
    finally:
        index.close()


def test_only_matched_fields_are_highlighted(index: FullText) -> None:
    hit = index.search("drought").hits[0]  # a02: "Drought" in title and body
    assert {h.field for h in hit.highlights} == {"title", "body"}
    hit = index.search("farmers").hits[0]  # only in the body
    assert [h.field for h in hit.highlights] == ["body"]
    assert all("<mark>" in fragment for fragment in hit.highlights[0].fragments)


# --- did you mean -------------------------------------------------------------------------------


def test_misspelled_query_gets_a_suggestion(index: FullText) -> None:
    results = index.search("withdrawl")
    assert results.total == 0
    assert results.did_you_mean == "withdrawal"
    assert index.search(results.did_you_mean).total > 0


def test_suggestion_keeps_the_rest_of_the_query(index: FullText) -> None:
    assert index.search("CSTO withdrawl").did_you_mean == "CSTO withdrawal"


def test_no_suggestion_when_the_correction_finds_no_more(index: FullText) -> None:
    assert index.search("withdrawal measles").total == 0  # no article speaks of both
    assert index.search("withdrawl measles").did_you_mean is None


@pytest.mark.parametrize("query", ["withdrawal CSTO", "Zas", "Imankulov", "border"])
def test_fine_queries_get_no_suggestion(index: FullText, query: str) -> None:
    assert index.search(query).did_you_mean is None


# --- bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "((((", '"', "the", "-", "AND OR NOT"])
def test_queries_with_nothing_to_search_are_refused(index: FullText, query: str) -> None:
    with pytest.raises(BadSearchQuery, match="search"):
        index.search(query)


@pytest.mark.parametrize("query", ["foo:bar", "id:seed-interfax", "doctype:statement border"])
def test_unknown_fields_are_named_in_the_error(index: FullText, query: str) -> None:
    with pytest.raises(BadSearchQuery) as error:
        index.search(query)
    assert f"unknown field '{query.split(':')[0]}'" in str(error.value)
    assert "title, body" in str(error.value)


@pytest.mark.parametrize(
    "query",
    ["title:", "border (((", 'ceasefire "', "CSTO AND", "title:(border", "[a TO", "border^",
     "x~", "published:zzz", "border)", '"foo:bar" border', "CSTO^abc", "*:*", "(withdrawal) CSTO",
     '[ published:[" body: CSTO ]', "published:[2022 TO 2023] withdrawl", "year:2022 mesles"],
)
def test_odd_syntax_never_raises_anything_else(index: FullText, query: str) -> None:
    try:
        results = index.search(query)
    except BadSearchQuery as error:
        assert str(error)
    else:
        assert results.total == len(results.hits) or results.has_next


_SYNTAX = ['(', ')', '"', "'", ':', '^', '~', '*', '?', '[', ']', '{', '}', 'TO', 'AND', 'OR', 'NOT',
           '-', '+', 'title:', 'published:', 'year:', 'countries:', 'border', 'CSTO', 'withdrawl',
           '2022', '\\', '<script>', '&', 'ž', '日本', '\n', ' ']


def test_random_syntax_raises_nothing_but_bad_search_query(index: FullText) -> None:
    pieces = random.Random(20221922)
    for _ in range(300):
        query = "".join(pieces.choice(_SYNTAX) + pieces.choice(["", " "]) for _ in range(5))
        for search in (index.search, index.search_statements):
            try:
                search(query)
            except BadSearchQuery as error:
                assert str(error), query


def test_odd_syntax_falls_back_to_the_words(index: FullText) -> None:
    assert set(everything(index, "border (((")) == set(everything(index, "border"))
    assert everything(index, "Kyrgyzstan not considering withdrawal from CSTO (((")[0] == INTERFAX


def test_a_one_day_range_includes_that_day(index: FullText) -> None:
    # The Interfax seed was published at 16:47 UTC on 22 Sep 2022.
    results = index.search("withdrawal CSTO", ArticleFilter(from_date=date(2022, 9, 22),
                                                            to_date=date(2022, 9, 22)))
    assert ids(results) == [INTERFAX]
