"""Reading .txt articles: the seeds as they come, and other agencies' shapes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from search_index.corpus import BadArticle, parse_txt

SEEDS = Path(__file__).parent.parent / "data" / "articles"
FIXTURES = Path(__file__).parent / "fixtures" / "corpus" / "txt"
DATED_SEED = SEEDS / "000_b3ee55cb9c8e7b0e.txt"
UNDATED_SEED = SEEDS / "003_5c3a99d317be5e11.txt"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _blocks(text: str) -> list[str]:
    """The file's non-blank lines, stripped: what the reader keeps or drops."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_dated_seed_has_its_date_title_and_dateline() -> None:
    draft = parse_txt(_read(DATED_SEED), str(DATED_SEED))
    assert draft.published_at == datetime(2022, 9, 22, 16, 47, tzinfo=UTC)
    assert (
        draft.title
        == "Kyrgyzstan not considering withdrawal from CSTO - Kyrgyz Security Council secretary"
    )
    assert draft.dateline == "BISHKEK"
    assert draft.source == "Interfax"
    # The dateline is article text: it stays at the head of the body.
    assert draft.body.startswith("BISHKEK. Sept 22 (Interfax) - Kyrgyzstan is interested")


def test_dated_seed_body_is_every_paragraph_after_the_title() -> None:
    text = _read(DATED_SEED)
    draft = parse_txt(text, str(DATED_SEED))
    expected = _blocks(text)[2:]  # date line, title
    assert draft.body.split("\n\n") == expected
    assert "22 Sep 2022" not in draft.body


def test_undated_seed_stays_undated() -> None:
    draft = parse_txt(_read(UNDATED_SEED), str(UNDATED_SEED))
    assert draft.published_at is None
    assert draft.title == "CSTO Mechanisms to be Launched on Kyrgyz-Tajik Border"
    # It opens with prose, not a dateline: no place and no source are made up.
    assert draft.dateline is None
    assert draft.source is None


def test_undated_seed_loses_its_chrome_and_keeps_its_text() -> None:
    text = _read(UNDATED_SEED)
    draft = parse_txt(text, str(UNDATED_SEED))
    paragraphs = draft.body.split("\n\n")
    assert "kyrgyz" not in paragraphs
    assert "Scroll to Top" not in draft.body
    assert paragraphs == [b for b in _blocks(text)[1:] if b not in {"kyrgyz", "Scroll to Top"}]
    assert paragraphs[0].startswith("Stanislav Zas, the secretary general")
    assert paragraphs[-1].endswith("in the wake of the Taliban’s takeover.")


def test_typographic_characters_are_kept_as_written() -> None:
    draft = parse_txt(_read(UNDATED_SEED), str(UNDATED_SEED))
    assert "Tajikistan’s illegal acts" in draft.body
    assert "Tajikistan's" not in draft.body


def test_reuters_style_file() -> None:
    path = FIXTURES / "reuters_style.txt"
    draft = parse_txt(_read(path), str(path))
    assert draft.published_at == datetime(2022, 9, 22, 16, 47, tzinfo=UTC)
    assert draft.title == "Kyrgyzstan says it will stay in Russia-led security bloc"
    assert (draft.dateline, draft.source) == ("MOSCOW", "Reuters")
    for chrome in (
        "Share",
        "Advertisement",
        "Read more:",
        "Facebook Twitter",
        "All rights reserved",
    ):
        assert chrome not in draft.body
    assert draft.body.startswith("MOSCOW, Sept 22 (Reuters) - Kyrgyzstan is not considering")
    assert "killed 59 people and injured 198" in draft.body
    assert draft.body.endswith("Reporting by Reuters; Editing by the Moscow bureau")


def test_date_line_under_the_title_and_header_chrome() -> None:
    path = FIXTURES / "title_then_date.txt"
    draft = parse_txt(_read(path), str(path))
    assert draft.title == "Kazakhstan to host CSTO defence ministers in Astana"
    assert draft.published_at == datetime(2022, 10, 3, 9, 15, tzinfo=UTC)
    assert (draft.dateline, draft.source) == ("ASTANA", "TASS")
    assert "Home > World" not in draft.body
    assert "Politics" not in draft.body.split("\n")
    # Lines of one paragraph stay together; paragraphs are split by a blank line.
    first, second = draft.body.split("\n\n")
    assert first.count("\n") == 1
    assert second == "“Preparations are under way,” a ministry spokesman said."


def test_crlf_file_with_zone_and_words_that_look_like_buttons() -> None:
    path = FIXTURES / "ap_style_crlf.txt"
    draft = parse_txt(path.read_bytes().decode("utf-8"), str(path))
    assert draft.published_at == datetime(2022, 9, 22, 16, 47, tzinfo=timezone(timedelta(hours=6)))
    assert (draft.dateline, draft.source) == ("DUSHANBE", "AP")
    assert "\r" not in draft.body
    # "Print media ..." and "The share of ..." are sentences, not buttons.
    assert "Print media in Dushanbe" in draft.body
    assert "The share of families" in draft.body
    assert not draft.body.endswith("tajikistan")


@pytest.mark.parametrize(
    "chrome",
    [
        "Scroll to Top",
        "Back to top ↑",
        "Share",
        "Share this article",
        "Share on Facebook",
        "Print",
        "Advertisement",
        "ADVERTISEMENT",
        "Read more: Kyrgyzstan, Tajikistan agree to ceasefire",
        "See also - CSTO summit opens in Yerevan",
        "Tags: CSTO, Kyrgyzstan",
        "Facebook Twitter Telegram WhatsApp",
        "© 2022 AKIpress. All rights reserved.",
        "Copyright 2022 Interfax",
        "kyrgyz",
        "central-asia",
    ],
)
def test_chrome_lines_in_the_body_are_dropped(chrome: str) -> None:
    text = f"Title of the story\n\nFirst paragraph of the story.\n\n{chrome}\n\nLast paragraph."
    draft = parse_txt(text, "chrome.txt")
    assert draft.body == "First paragraph of the story.\n\nLast paragraph."


@pytest.mark.parametrize(
    "text",
    [
        "Share prices fell on the Bishkek exchange.",
        "Print and broadcast media covered the talks.",
        "Advertisement spending rose by a third, the ministry said.",
        "Read more carefully, the minister told reporters.",
        "Kyrgyzstan.",
        "“No.”",
        "Copyrighted material was seized, police said.",
        "Copyright law was amended last year.",
    ],
)
def test_real_text_is_not_taken_for_chrome(text: str) -> None:
    draft = parse_txt(f"Title of the story\n\nFirst paragraph.\n\n{text}", "text.txt")
    assert draft.body.split("\n\n") == ["First paragraph.", text]


def test_a_lone_capitalised_word_is_kept_in_the_body_but_not_under_the_title() -> None:
    draft = parse_txt("Title of the story\n\nPolitics\n\nFirst paragraph.\n\nKyrgyzstan", "w.txt")
    assert draft.body == "First paragraph.\n\nKyrgyzstan"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2022-09-22", datetime(2022, 9, 22, tzinfo=UTC)),
        ("September 22, 2022", datetime(2022, 9, 22, tzinfo=UTC)),
        ("22.09.2022 16:47", datetime(2022, 9, 22, 16, 47, tzinfo=UTC)),
        ("Sep 22, 2022 4:47 PM", datetime(2022, 9, 22, 16, 47, tzinfo=UTC)),
    ],
)
def test_other_date_line_forms(line: str, expected: datetime) -> None:
    draft = parse_txt(f"{line}\n\nTitle of the story\n\nBody text.", "d.txt")
    assert draft.published_at == expected
    assert draft.title == "Title of the story"


def test_a_title_holding_a_date_is_a_title_and_no_date() -> None:
    draft = parse_txt("Putin to visit Bishkek on 12 October 2022\n\nBody text.", "t.txt")
    assert draft.title == "Putin to visit Bishkek on 12 October 2022"
    assert draft.published_at is None


def test_an_ambiguous_date_line_is_skipped_without_a_date() -> None:
    draft = parse_txt("03/04/2022\n\nTitle of the story\n\nBody text.", "a.txt")
    assert draft.title == "Title of the story"
    assert draft.published_at is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "no title"),
        ("\n\n  \nScroll to Top\n", "no title"),
        ("22 Sep 2022 16:47\n\n", "no title"),
        ("A title and nothing else\n\n", "no body"),
        ("A title\n\nShare\n\nScroll to Top", "no body"),
    ],
)
def test_files_without_title_or_body_are_errors(text: str, why: str) -> None:
    with pytest.raises(BadArticle) as raised:
        parse_txt(text, "bad.txt")
    assert raised.value.where == "bad.txt"
    assert why in raised.value.why
