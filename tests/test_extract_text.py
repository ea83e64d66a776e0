"""Shared text helpers: sentences with offsets, tokens, capitalized runs, name patterns."""

from __future__ import annotations

import re
from collections.abc import Callable

import blingfire

from search_index.extract.name_matching import (
    longest_first,
    name_spans,
    word_start_first,
    written_alone,
)
from search_index.extract.roles import title_pattern
from search_index.extract.sentence_offsets import sentence_offsets
from search_index.extract.text import (
    SpanIndex,
    Token,
    capitalized_runs,
    in_shouted_sentence,
    is_all_caps,
    is_sentence_start,
    is_shouted,
    names_pattern,
    non_overlapping,
    overlaps,
    sentence_at,
    sentences,
    strip_possessive,
    tokens,
)

SEED = (
    "BISHKEK. Sept 22 (Interfax) - Kyrgyzstan is interested in being a member of the "
    "Collective Security Treaty Organization (CSTO), Kyrgyz Security Council Secretary "
    "Marat Imankulov told Interfax.\n\n"
    '"The CSTO membership meets the interests of Kyrgyzstan," Imankulov said.\n\n'
    "An armed conflict broke out on the Kyrgyz-Tajik border on September 14. "
    "Both sides reported casualties."
)


def test_sentences_keep_offsets_into_the_source() -> None:
    found = sentences(SEED)
    assert all(SEED[s.start : s.end] == s.text for s in found)
    assert [s.text[:12] for s in found][-2:] == ["An armed con", "Both sides r"]


def test_sentences_never_cross_a_blank_line() -> None:
    glued = "Currently, both sides honor the ceasefire\n\nCSTO Mechanisms to be Launched"
    assert [s.text for s in sentences(glued)] == [
        "Currently, both sides honor the ceasefire",
        "CSTO Mechanisms to be Launched",
    ]


def test_sentence_at_finds_the_sentence_holding_an_offset() -> None:
    offset = SEED.index("Imankulov said")
    sentence = sentence_at(SEED, offset)
    assert sentence is not None and sentence.text.endswith("Imankulov said.")
    assert sentence_at(SEED, SEED.index("\n\n")) is None


def test_sentence_start_ignores_an_opening_quote() -> None:
    assert is_sentence_start(SEED, SEED.index("The CSTO membership"))
    assert is_sentence_start(SEED, SEED.index("Both sides"))
    assert not is_sentence_start(SEED, SEED.index("Marat"))


def test_tokens_keep_abbreviations_and_hyphenated_words() -> None:
    text = "the U.S.-led mission on the Kyrgyz-Tajik border, Kyrgyzstan’s position"
    assert [t.text for t in tokens(text)] == [
        "the", "U.S.", "led", "mission", "on", "the", "Kyrgyz-Tajik", "border",
        "Kyrgyzstan’s", "position",
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in tokens(text))


def test_capitalized_runs_join_connectors_but_not_punctuation() -> None:
    text = "Stanislav Zas, the secretary general of the Ministry of Foreign Affairs, met Jeenbek"
    assert [r.text for r in capitalized_runs(text)] == [
        "Stanislav Zas",
        "Ministry of Foreign Affairs",
        "Jeenbek",
    ]


def test_case_helpers() -> None:
    assert is_all_caps("CSTO") and is_all_caps("U.S.") and not is_all_caps("Interfax")
    assert is_shouted("WHO IS TO BLAME FOR THE CLASHES")
    assert not is_shouted("GENEVA (AP) — The WHO said.")
    headline = "WHO IS TO BLAME\n\nThe WHO said it was not."
    assert in_shouted_sentence(headline, 0)
    assert not in_shouted_sentence(headline, headline.rindex("WHO"))
    assert strip_possessive("Kyrgyzstan’s") == "Kyrgyzstan"
    assert strip_possessive("Beijing's") == "Beijing"
    assert strip_possessive("Moscow") == "Moscow"


def test_names_pattern_matches_whole_words_longest_first() -> None:
    pattern = names_pattern(["Niger", "Nigeria", "Papua New Guinea", "Guinea", "U.S."])
    text = "Nigeria and Niger; Papua New Guinea; U.S.-led"
    assert pattern.findall(text) == ["Nigeria", "Niger", "Papua New Guinea", "U.S."]


def test_non_overlapping_prefers_the_longer_range() -> None:
    ranges = [(4, 10), (4, 26), (30, 34), (20, 32)]
    assert non_overlapping(ranges) == [1, 2]


# --- The fast paths give what the plain regexes gave ------------------------------------------

# Real news, with the shapes the word pattern handles (abbreviations, inner hyphens and
# apostrophes, curly quotes, a word cut by nothing but a dot) and a non-ASCII name.
TRICKY = (
    "The U.S.-led coalition said O’Brien's team met Kyrgyz-Tajik officials.\n\n"
    "Zürich, Jan. 5 (AP) - A.B.C. and x.y said \u201cno\u201d; ab'cd-ef rose 1,000.5 %."
)


def _scanned(text: str, start: int, end: int) -> list[Token]:
    pattern = re.compile(r"(?:[^\W_](?:\.[^\W_])+\.?|[^\W_]+(?:['’ʼ\-][^\W_]+)*)")
    return [Token(m.group(), m.start(), m.end()) for m in pattern.finditer(text, start, end)]


def test_tokens_of_any_window_are_what_scanning_the_window_finds() -> None:
    # Windows opening or closing inside a word must cut it as a scan of the window would.
    for start in range(len(TRICKY) + 1):
        for end in range(start, len(TRICKY) + 1, 3):
            assert tokens(TRICKY, start, end) == _scanned(TRICKY, start, end), (start, end)
    assert tokens(TRICKY) == _scanned(TRICKY, 0, len(TRICKY))


# Words the whole text's scan ends right before letters ("t.co" is "t.c" and "o") or before a
# joiner ("U.S-led" is "U.S" and "led"): a window opening inside one scans on past its end.
JOINED = "See https://t.co/nB5S and the U.S-led A.B-C deal; co-op's 3.5-fold rise, ab-.c, Zürich."


def test_tokens_of_windows_opening_inside_a_joined_word_are_the_window_scan() -> None:
    for start in range(len(JOINED) + 1):
        for end in range(start, len(JOINED) + 1):
            assert tokens(JOINED, start, end) == _scanned(JOINED, start, end), (start, end)


def test_capitalized_runs_with_either_connectors_of_one_text() -> None:
    text = (
        "The Ministry of Foreign Affairs met the Organization for Security and Co-operation "
        "in Europe."
    )
    plain = [run.text for run in capitalized_runs(text)]
    assert plain == [
        "The Ministry of Foreign Affairs", "Organization for Security and Co-operation", "Europe"
    ]
    wider = [run.text for run in capitalized_runs(text, frozenset({"for", "and", "in", "of"}))]
    assert wider == [
        "The Ministry of Foreign Affairs", "Organization for Security and Co-operation in Europe"
    ]


def _alternation(names: list[str]) -> re.Pattern[str]:
    """The names pattern as it was written before the trie: every name, longest first."""
    body = "|".join(re.escape(n) for n in sorted(set(names), key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")


# Enough names for the trie (names sharing beginnings, one inside another, dots and hyphens).
MANY_NAMES = [
    *("Niger", "Nigeria", "Guinea", "Papua New Guinea", "Guinea-Bissau", "U.S.", "U.S. Army"),
    *("Congo", "Democratic Republic of the Congo", "Korea", "South Korea", "North Korea"),
    *(f"Name{i}" for i in range(60)),
]


def test_a_long_names_pattern_matches_as_the_plain_alternation() -> None:
    text = (
        "Nigeria, Niger and Guinea-Bissau; Papua New Guinea and Guinea. The U.S. Army and "
        "the U.S.-led force; South Korea, North Koreans, Congo and the Democratic Republic of "
        "the Congo; Name1, Name12 and Name59x, Name601."
    )
    found = [m.span() for m in names_pattern(MANY_NAMES).finditer(text)]
    assert found == [m.span() for m in _alternation(MANY_NAMES).finditer(text)]
    assert "Democratic Republic of the Congo" in [text[a:b] for a, b in found]
    for start in range(0, len(text), 7):
        expected = [m.span() for m in _alternation(MANY_NAMES).finditer(text, start)]
        assert [m.span() for m in names_pattern(MANY_NAMES).finditer(text, start)] == expected


def test_name_spans_are_the_names_pattern_matches() -> None:
    names = ["Imankulov", "Marat Imankulov", "Zas", "Stanislav Zas", "May", "Theresa May"]
    text = (
        "Marat Imankulov met Stanislav Zas. Imankulov and Zas'; Theresa May, May, Mayor, "
        "Zasulich, _Zas, 2Zas, Zas-led."
    )
    assert name_spans(text, names) == [m.span() for m in names_pattern(names).finditer(text)]
    assert name_spans(text, []) == []


def test_written_alone_is_the_whole_word_search() -> None:
    text = "Staff said the staff-room and the _staff were full; staffers and 2staff too."
    for word in ("staff", "staffers", "room", "the", "full", "taff", "2staff", "too"):
        expected = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
        assert written_alone(word, text) == expected, word


def test_longest_first_with_any_whitespace_tries_longer_titles_first() -> None:
    titles = ["secretary", "secretary general", "secretary of state", "general", "vice-president"]
    written = "|".join(
        re.escape(t).replace(r"\ ", r"\s+") for t in sorted(titles, key=lambda t: (-len(t), t))
    )
    plain = re.compile(rf"(?i:{written})(?![\w-])")
    words = longest_first(titles, space=r"\s+")
    trie = re.compile(rf"(?i:{words})(?![\w-])")
    text = (
        "The Secretary  General, secretary of\nstate, Secretary-general, VICE-PRESIDENT, generals"
    )
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group() for m in title_pattern().finditer(text)][:2] == [
        "Secretary  General",
        "secretary of\nstate",
    ]


def test_word_start_first_matches_as_the_look_behind_before_the_alternation() -> None:
    forms = ["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "M", "half-brother"]
    before = re.compile(rf"(?<![\w-])(?:{longest_first(forms)})\.?\s+")
    after = re.compile(rf"{word_start_first(forms)}\.?\s+")
    text = (
        "Mr Trump, Mrs. May and Ms Ardern; MrX, Sir Keir and Lady Gaga; the Lordship, "
        "sub-Mr Smith, _Dr Who, 2Dr No, Dr.\nNo, M Bond, a half-brother Tom. Miss"
    )
    expected = [m.span() for m in before.finditer(text)]
    assert expected  # the text holds forms both patterns must find
    assert [m.span() for m in after.finditer(text)] == expected
    for start in range(len(text)):
        assert [m.span() for m in after.finditer(text, start)] == [
            m.span() for m in before.finditer(text, start)
        ]
    assert re.fullmatch(word_start_first([]), "x") is None


def _outcome(split: Callable[[str], object], text: str) -> object:
    """What a split gives for ``text``, or the kind of error it raises."""
    try:
        return split(text)
    except AssertionError as error:
        return type(error)


def test_sentence_offsets_are_bling_fires() -> None:
    # The empty text is one the wrapper fails on (its own assertion): it must fail alike.
    for text in (
        SEED,
        TRICKY,
        "Zürich (AP) — “Das ist gut.” Ein Satz. Noch einer? Ja! 😀 Ende.",
        "No stop at the end",
        "",
    ):
        expected = _outcome(lambda t: blingfire.text_to_sentences_and_offsets(t)[1], text)
        assert _outcome(sentence_offsets, text) == expected


def test_a_span_index_says_what_overlaps_says_of_each_range() -> None:
    # Quotes and organization names of one article: nested, touching and apart.
    ranges = [(10, 40), (12, 15), (40, 44), (60, 61), (90, 120)]
    index = SpanIndex(ranges)
    for start in range(0, 125, 3):
        for end in range(start + 1, 130, 7):
            expected = any(overlaps(a, b, start, end) for a, b in ranges)
            assert index.overlap(start, end) == expected, (start, end)
    assert not SpanIndex([]).overlap(0, 10)
