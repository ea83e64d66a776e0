"""Page chrome: the lines a copied web page carries that are not article text.

Each rule judges a whole line, never part of one, so a sentence that merely
contains "share" or "print" is kept. Two kinds of rule:

- anywhere in the file: button and widget labels (``Scroll to Top``, ``Share``,
  ``Advertisement``, ``Read more: ...``), short copyright footers, and a lone lowercase
  word (a tag or category such as ``kyrgyz``; no paragraph is one lowercase word);
- in the header only (before the first paragraph): breadcrumbs (``Home > World > Asia``)
  and, under the title, a lone word of any case (the category ``Politics``).
"""

from __future__ import annotations

import re

# Labels compared casefolded, with punctuation and arrows trimmed from both ends.
_LABELS = frozenset(
    {
        "scroll to top",
        "back to top",
        "to top",
        "top",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share article",
        "print",
        "print this article",
        "email",
        "e-mail",
        "copy link",
        "advertisement",
        "advertising",
        "advert",
        "sponsored",
        "sponsored content",
        "read more",
        "read also",
        "see also",
        "also read",
        "related",
        "related articles",
        "related news",
        "related stories",
        "more news",
        "more stories",
        "latest news",
        "most read",
        "comments",
        "leave a comment",
        "subscribe",
        "subscribe to our newsletter",
        "sign up for our newsletter",
        "follow us",
        "listen to this article",
        "tags",
        "skip to content",
        "skip to main content",
        "menu",
        "home",
        "loading",
        "close",
    }
)
_SOCIAL = frozenset(
    {
        "facebook",
        "twitter",
        "x",
        "telegram",
        "whatsapp",
        "linkedin",
        "vk",
        "vkontakte",
        "reddit",
        "email",
        "e-mail",
        "print",
        "pinterest",
        "viber",
        "ok",
        "copy",
        "link",
    }
)
_TRIM = " \t.:!>»›→↑|•·-–—"
# "Read more: <headline>", "See also - <headline>", "Tags: CSTO, Kyrgyzstan"
_LEAD_LABEL = re.compile(
    r"^(?:read more|read also|also read|see also|related|more on this|tags?|topics?)\s*[:\-–—]\s+\S",
    re.IGNORECASE,
)
_SHARE_ON = re.compile(r"^share\s+(?:on|via|to)\s+\S+$", re.IGNORECASE)
# "© 2022 Reuters", "Copyright 2022 Interfax", "... All rights reserved." (not "Copyright law ...")
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))|\ball rights reserved\b", re.IGNORECASE
)
_LOWER_WORD = re.compile(r"^[^\W\d_A-Z][^\W\d_]*(?:-[^\W\d_]+)*$")
_ONE_WORD = re.compile(r"^[^\W\d_][^\W\d_]*(?:[-'’][^\W\d_]+)*$")
_BREADCRUMB = re.compile(r"\s(?:>|›|»|/|\|)\s")
_LONGEST_CRUMB_WORDS = 3
_LONGEST_FOOTER = 150


def _label(line: str) -> str:
    return line.strip().strip(_TRIM).casefold()


def _is_social_row(line: str) -> bool:
    """A row of share buttons: "Facebook Twitter Telegram WhatsApp"."""
    words = [w.strip(_TRIM).casefold() for w in re.split(r"[\s|,/]+", line.strip())]
    words = [w for w in words if w]
    return len(words) >= 2 and all(w in _SOCIAL for w in words)


def _is_lone_lowercase_word(line: str) -> bool:
    text = line.strip()
    return bool(_LOWER_WORD.match(text)) and text == text.lower()


def is_chrome(line: str) -> bool:
    """True when the whole line is page chrome wherever it stands."""
    text = line.strip()
    if not text:
        return False
    return (
        _label(text) in _LABELS
        or bool(_LEAD_LABEL.match(text))
        or bool(_SHARE_ON.match(text))
        or (len(text) <= _LONGEST_FOOTER and bool(_COPYRIGHT.search(text)))
        or _is_social_row(text)
        or _is_lone_lowercase_word(text)
    )


def is_breadcrumb(line: str) -> bool:
    """True for a trail of short links: "Home > World > Asia", "News | Kyrgyzstan"."""
    parts = _BREADCRUMB.split(line.strip())
    return len(parts) >= 2 and all(
        0 < len(part.split()) <= _LONGEST_CRUMB_WORDS and not part.rstrip().endswith(".")
        for part in parts
    )


def is_header_chrome(line: str) -> bool:
    """True when the line is chrome in the header (under the title, before the text)."""
    text = line.strip()
    return is_chrome(text) or bool(_ONE_WORD.match(text)) or is_breadcrumb(text)
