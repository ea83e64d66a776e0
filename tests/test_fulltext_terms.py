"""How the index is written (terms made in C, our codec settings): it holds and ranks what Whoosh's own writing gives."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.qparser import QueryParser
from whoosh.support.charset import accent_map

from search_index.fulltext import FullText
from search_index.fulltext.lexicon import lexicon_document, words_of
from search_index.fulltext.schema import (
    LEXICON,
    STEMMED_FIELDS,
    build_schema,
    documents_of,
    stemming_analyzer,
)
from search_index.fulltext.terms import WORD, stemmed_terms
from tests.test_fulltext_corpus import corpus, to_records

SEEDS = Path(__file__).resolve().parents[1] / "data" / "articles"
#: Sentences whose folding is easy to get wrong: accents, a dotted capital I, Greek
#: final sigma, ligatures, abbreviations and decimals, one-letter words, underscores.
TRICKY = (
    "Külübaev met the U.S. envoy in İstanbul; Kulubaev's aides (and KULUBAEV) waited.",
    "ΟΔΟΣ ΣΟΦΟΣ, said the sign; ﬁnance ministers met at 3.5 p.m. in Nuuk.",
    "A a I x_y 2022-09-14: Жапаров told AKIpress the border_guards withdrew.",
    "The",
    "",
)


def _analyzed(text: str) -> list[str]:
    """What Whoosh's analyzer of the stemmed fields makes of ``text``, as the index receives it."""
    analyzer = build_schema()["body"].analyzer
    return [token.text for token in analyzer(text, positions=True, mode="index")]


def test_terms_are_what_the_analyzer_makes_of_real_text() -> None:
    texts = [*TRICKY, *(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))]
    for text in texts:
        assert stemmed_terms(text) == _analyzed(text)
    assert stemmed_terms("The withdrawals of Külübaev's troops") == ["withdraw", "kulubaev", "troop"]


def test_random_text_gives_what_the_analyzer_gives() -> None:
    # Letters whose case or accent folding is special, digits, joiners and spaces.
    alphabet = "aZéÉİıßẞσςΣΟﬁǅ½²٣_.'’- \n\t\u0301\u200dЖж"
    rng = random.Random(20261123)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert stemmed_terms(text) == _analyzed(text), repr(text)


def test_the_analyzer_is_the_chain_terms_replicates() -> None:
    """terms.py replicates this chain with these settings; any other must change it too."""
    tokenizer, lower, charset, stop, stem = stemming_analyzer().items
    assert isinstance(tokenizer, RegexTokenizer) and not tokenizer.gaps
    assert tokenizer.expression.pattern == WORD.pattern.replace("(?:", "(")
    assert isinstance(lower, LowercaseFilter)
    assert isinstance(charset, CharsetFilter) and charset.charmap == accent_map
    assert isinstance(stop, StopFilter) and stop.max is None and stop.renumber
    assert isinstance(stem, StemFilter) and not stem.ignore and stem.lang is None


def test_the_stemmed_fields_are_those_the_schema_analyzes_so() -> None:
    schema = build_schema()
    analyzed = {
        name for name in schema.names() if getattr(schema[name], "analyzer", None) == stemming_analyzer()
    }
    assert analyzed == set(STEMMED_FIELDS)


def _index_contents(path: Path) -> dict[str, Any]:
    """Per document (by id): stored fields, field lengths, and each term's positions in it.

    Positions are counted from the field's first kept word: Whoosh's analyzer
    numbers that word by its place among all words, a list of terms from 0.
    """
    contents: dict[str, Any] = {}
    with whoosh_index.open_dir(str(path)).reader() as reader:
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        positions: dict[tuple[str, str], dict[bytes, list[int]]] = defaultdict(dict)
        for field, term in reader.all_terms():
            if field not in STEMMED_FIELDS:
                continue
            matcher = reader.postings(field, term)
            while matcher.is_active():
                positions[(ids[matcher.id()], field)][term] = matcher.value_as("positions")
                matcher.next()
        for docnum, fields in reader.iter_docs():
            if fields["id"].startswith(LEXICON):
                continue
            per_field = {}
            for field in STEMMED_FIELDS:
                terms = positions.get((fields["id"], field), {})
                start = min((p[0] for p in terms.values()), default=0)
                per_field[field] = (
                    reader.doc_field_length(docnum, field),
                    {term: [p - start for p in ps] for term, ps in terms.items()},
                )
            contents[fields["id"]] = (fields, per_field)
    return contents


def _both_indexes(tmp_path: Path) -> tuple[Path, Path, int]:
    """The test corpus indexed by :class:`FullText`, and by Whoosh's own writer and codec."""
    records = [to_records(item) for item in corpus()]
    ours = FullText.open(tmp_path / "ours")
    try:
        ours.put(records)
    finally:
        ours.close()
    (tmp_path / "whoosh").mkdir()
    reference = whoosh_index.create_in(str(tmp_path / "whoosh"), build_schema())
    writer = reference.writer()
    words: set[str] = set()
    for article, extraction in records:
        for document in documents_of(article, extraction).documents:
            writer.add_document(**document)  # texts, analyzed by Whoosh
        words |= words_of(f"{article.title}\n{article.body}")
    writer.add_document(**lexicon_document(sorted(words)))  # as FullText adds one per commit
    writer.commit()
    return tmp_path / "ours", tmp_path / "whoosh", len(records)


def test_an_index_given_terms_holds_what_whoosh_makes_of_the_texts(tmp_path: Path) -> None:
    ours, whoosh, records = _both_indexes(tmp_path)
    expected = _index_contents(whoosh)
    assert len(expected) > records  # statements too
    assert any(lengths[1] for _, per_field in expected.values() for lengths in per_field.values())
    assert _index_contents(ours) == expected


def _ranked(path: Path, query: str, limit: int | None) -> list[tuple[str, float]]:
    with whoosh_index.open_dir(str(path)).searcher() as searcher:
        parsed = QueryParser("body", searcher.schema).parse(query)
        return [(hit["id"], round(hit.score, 9)) for hit in searcher.search(parsed, limit=limit)]


def test_searches_rank_alike_on_both_indexes_whole_or_top_n(tmp_path: Path) -> None:
    # A top N lets Whoosh skip blocks by the length bounds our codec does not write.
    ours, whoosh, _ = _both_indexes(tmp_path)
    for query in ("security council", "border OR withdrawal", '"foreign minister"', "kyrgyz tajik"):
        for limit in (None, 3):
            expected = _ranked(whoosh, query, limit)
            assert expected, query
            assert _ranked(ours, query, limit) == expected, (query, limit)


def test_phrases_match_whole_and_in_order(tmp_path: Path) -> None:
    index = FullText.open(tmp_path)
    try:
        index.put([to_records(item) for item in corpus()])
        found = {hit.article_id for hit in index.search('"Security Council"', first=100).hits}
        reversed_order = index.search('"Council Security"', first=100).hits
    finally:
        index.close()
    assert found and not reversed_order
