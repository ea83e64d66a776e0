"""Shared text helpers: sentences with offsets, tokens, capitalized runs, name patterns."""

from __future__ import annotations

from search_index.extract.text import (
    capitalized_runs,
    in_shouted_sentence,
    is_all_caps,
    is_sentence_start,
    is_shouted,
    names_pattern,
    non_overlapping,
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
