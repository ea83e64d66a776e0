"""Did-you-mean's words: each indexed once, across commits and deletions."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq

from search_index.fulltext import FullText
from search_index.fulltext.lexicon import words_of
from search_index.fulltext.schema import LEXICON, SPELLING, build_schema
from tests.test_fulltext_corpus import Item, to_records

SEEDS = Path(__file__).resolve().parents[1] / "data" / "articles"


def _item(n: int, body: str) -> Item:
    return Item(f"lex{n}", f"Report {n}", body, None, "Test")


def _lexicon_postings(path: Path, word: str) -> int:
    """How many lexicon documents hold ``word``: read with Whoosh directly, as any reader would."""
    with whoosh_index.open_dir(str(path)).searcher() as searcher:
        query = wq.And([wq.Term("doctype", LEXICON), wq.Term(SPELLING, word)])
        return len(searcher.search(query, limit=None))


def test_words_are_those_the_spelling_field_makes_of_the_text() -> None:
    analyzer = build_schema()[SPELLING].analyzer
    for text in (
        "Külübaev met the U.S. envoy; Kulubaev's aides (and KULUBAEV) waited.",
        *(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))),
    ):
        assert words_of(text) == {token.text for token in analyzer(text)}
    assert {"kulubaev", "u.s"} <= words_of("Külübaev and the U.S.")


def test_a_word_is_added_once_however_many_articles_and_commits_hold_it(tmp_path: Path) -> None:
    index = FullText.open(tmp_path)
    try:
        index.put([to_records(_item(1, "The evacuation began.")),
                   to_records(_item(2, "The evacuation went on."))])
        index.put([to_records(_item(3, "Evacuation again, then reconstruction."))])
    finally:
        index.close()
    assert _lexicon_postings(tmp_path, "evacuation") == 1
    assert _lexicon_postings(tmp_path, "reconstruction") == 1  # new in the second commit


def test_a_typo_of_a_word_from_an_earlier_commit_is_corrected(tmp_path: Path) -> None:
    index = FullText.open(tmp_path)
    try:
        index.put([to_records(_item(1, "The evacuation of the valley began."))])
        index.put([to_records(_item(2, "Farmers returned to the valley."))])
        assert index.search("evacuaton").did_you_mean == "evacuation"
        assert index.search("evacuation").did_you_mean is None
    finally:
        index.close()


def test_a_word_left_only_by_a_deleted_article_is_not_suggested(tmp_path: Path) -> None:
    index = FullText.open(tmp_path)
    try:
        index.put([to_records(_item(1, "The evacuation of the valley began.")),
                   to_records(_item(2, "Farmers returned to the valley."))])
        index.delete(["lex1"])
        assert index.search("evacuaton").did_you_mean is None
        assert index.search("valey").did_you_mean == "valley"
    finally:
        index.close()


def test_words_another_writer_added_are_not_added_again(tmp_path: Path) -> None:
    first, second = FullText.open(tmp_path), FullText.open(tmp_path)  # as two server workers
    try:
        first.put([to_records(_item(1, "The evacuation began."))])
        second.put([to_records(_item(2, "The evacuation went on."))])
        first.put([to_records(_item(3, "Another evacuation, then reconstruction."))])
    finally:
        first.close()
        second.close()
    assert _lexicon_postings(tmp_path, "evacuation") == 1
    assert _lexicon_postings(tmp_path, "reconstruction") == 1


def test_after_another_writer_clears_the_index_words_are_added_anew(tmp_path: Path) -> None:
    first, second = FullText.open(tmp_path), FullText.open(tmp_path)
    try:
        first.put([to_records(_item(1, "The evacuation began."))])
        second.clear()  # a reindex in another process
        first.put([to_records(_item(1, "The evacuation began."))])
        assert first.search("evacuaton").did_you_mean == "evacuation"
    finally:
        first.close()
        second.close()
    assert _lexicon_postings(tmp_path, "evacuation") == 1
