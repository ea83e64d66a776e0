"""The statement rules' fast paths read real news as the plain reading they replaced did.

Each fast path (a search jumping from quote mark to quote mark, a sentence
start found from the end back, one search of a whole text standing for one per
sentence, a trie for the signs of reported speech) is compared with the plain
reading, written out here, on the seed articles, the written eval set and,
when it is cached, the first articles of the real news corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.corpus import DEFAULT_CACHE, WHEEL_GLOB, as_drafts, load_news_articles
from search_index.corpus import parse_txt, to_article
from search_index.extract.quotes import find_quotes
from search_index.extract.speech import STATEMENT_VERBS, may_report
from search_index.extract.statement_sentences import pieces, pieces_in, sentence_start
from search_index.extract.text import Sentence, sentences

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
WRITTEN = ROOT / "tests" / "eval" / "written"
#: How many articles of the real corpus to read, when it is cached.
REAL_ARTICLES = 200

# Shapes the real texts may lack: stray and glued marks, missed sentence ends.
ODD_SHAPES = [
    'The minister said the border was calm.- "We will respond to any provocation," he said.',
    "Those who spoke included: Abta said bookings were down. Others: None said a word.",
    'He didn"t say "when" or \u201cwhy\u201d, only \u00absoon\u00bb and \u201eperhaps".',
    'A 12" pipe burst. "It was old," the mayor said. "We knew."',
    '"Unclosed quote runs to the end of the paragraph\nand a new one "opens" here.',
    'Prices rose 3.5 percent in the U.S. "This is bad," said Dr. Smith!? "Very."',
    '"Open without close\n"and the next paragraph carries it on," he said.',
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Real news bodies, and a few odd shapes."""
    found = [
        to_article(parse_txt(path.read_text(encoding="utf-8"), str(path))).body
        for path in sorted(SEEDS.glob("*.txt"))
    ]
    found += [path.read_text(encoding="utf-8") for path in sorted(WRITTEN.glob("*.txt"))]
    if list(DEFAULT_CACHE.glob(WHEEL_GLOB)):
        drafts = as_drafts(load_news_articles())[:REAL_ARTICLES]
        found += [to_article(draft).body for draft in drafts]
    return found + ODD_SHAPES


# --- Quotes: from mark to mark ---------------------------------------------------------------


def plain_quotes(paragraph: str) -> list[tuple[int, int]]:
    """The quotes of one paragraph read a character at a time, as ``find_quotes`` once did."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    size = len(paragraph)
    for i, char in enumerate(paragraph):
        if char in "\u201c\u00ab\u201e":
            open_at = i
        elif char in "\u201d\u00bb" and open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
        elif char == '"':
            if 0 < i < size - 1 and paragraph[i - 1].isalpha() and paragraph[i + 1].isalpha():
                continue
            before = paragraph[i - 1] if i > 0 else " "
            after = paragraph[i + 1] if i + 1 < size else " "
            can_open = before.isspace() or before in "([{\u2014\u2013-/"
            can_close = after.isspace() or after in ".,;:!?)]}\u2014\u2013-"
            if open_at is None and (can_open or not can_close):
                open_at = i
            elif open_at is not None and (can_close or not can_open):
                spans.append((open_at, i + 1))
                open_at = None
            elif open_at is not None:
                open_at = i
    if open_at is not None:
        spans.append((open_at, size))
    return spans


def test_quotes_found_mark_to_mark_are_those_read_character_by_character(
    texts: list[str],
) -> None:
    paragraphs = [line.strip() for text in texts for line in text.split("\n") if line.strip()]
    quoted = [p for p in paragraphs if plain_quotes(p)]
    assert quoted, "the texts hold quotes"
    for paragraph in paragraphs:
        assert [(q.start, q.end) for q in find_quotes(paragraph)] == plain_quotes(paragraph)


# --- Where a quote's sentence starts ---------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?][\"\u201d]?\s+|\n")


def plain_sentence_start(text: str, line_start: int, offset: int) -> int:
    """The end of the last sentence end between ``line_start`` and ``offset``, read forwards."""
    last = line_start
    for match in _SENTENCE_END.finditer(text, line_start, offset):
        last = match.end()
    return last


def test_a_sentence_start_found_from_the_end_back_is_the_last_one_read_forwards(
    texts: list[str],
) -> None:
    asked = 0
    for text in texts:
        # Every quote mark, and every stop and what follows it, where an end is read or not.
        marks = [m.start() for m in re.finditer(r"[\"\u201c\u201d\u00ab\u201e]", text)]
        stops = [m.start() + step for m in re.finditer(r"[.!?]", text) for step in (1, 2, 3)]
        for offset in [*marks, *stops, len(text)]:
            offset = min(offset, len(text))
            line_start = text.rfind("\n", 0, offset) + 1
            expected = plain_sentence_start(text, line_start, offset)
            assert sentence_start(text, line_start, offset) == expected, text[line_start:offset]
            asked += 1
    assert asked > len(texts)


# --- Sentences cut where the splitter missed an end ------------------------------------------


def test_one_search_of_the_text_cuts_every_sentence_as_a_search_of_each(
    texts: list[str],
) -> None:
    cut = 0
    for text in texts:
        for sentence in sentences(text):
            expected = pieces(sentence)
            assert pieces_in(text, sentence) == expected
            cut += len(expected) > 1
    assert cut >= 2, "the odd shapes hold missed ends"


def test_a_stop_glued_to_a_dash_before_a_quote_and_a_colon_before_a_clause_cut() -> None:
    text = ODD_SHAPES[1]
    [first, second] = sentences(text)
    assert [p.text for p in pieces_in(text, first)] == [
        "Those who spoke included:",
        "Abta said bookings were down.",
    ]
    assert [p.text for p in pieces_in(text, second)] == ["Others:", "None said a word."]
    whole = Sentence("The border was calm.", 0, 20)
    assert pieces_in(whole.text, whole) == [whole]


# --- The signs of reported speech ------------------------------------------------------------

_ANY_SIGN_PLAIN = re.compile(rf"{STATEMENT_VERBS}|[Aa]ccording to|saying")


def test_the_sign_trie_finds_a_sign_where_the_plain_alternation_does(texts: list[str]) -> None:
    every = [s.text for text in texts for s in sentences(text)]
    signed = [s for s in every if _ANY_SIGN_PLAIN.search(s)]
    assert 0 < len(signed) < len(every)
    for sentence in every:
        assert may_report(sentence) == (_ANY_SIGN_PLAIN.search(sentence) is not None)
    assert may_report("Russia called for restraint, according to TASS.")
    assert not may_report("The border was calm on Friday.")
