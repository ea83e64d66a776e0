"""Reported (indirect) speech: which part of a sentence is said, and which part names who said it.

The shapes news uses, each matched on one sentence:

* lead: "He added that CSTO members should ...", "X told Interfax (that) ...",
  "The Kyrgyz Health Ministry reported the deaths of 59 people ...";
* trailing: "..., he said.", "..., X told Interfax.", "..., said X.";
* according to: "According to FM Kulubaev, ...".

The parts are returned as spans; whether the "who" part names a speaker is
for :mod:`~search_index.extract.speakers` to say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search_index.extract.anchors import SPEECH_VERBS
from search_index.extract.roles import title_pattern

# What may follow a closing verb: whom it was told ("told Interfax", "told reporters"), then
# when or how ("on Monday", "in a statement"); never an object ("reported a surplus").
_WHOM = r"(?:reporters|journalists|the press|the media|[A-Z][\w/&.’'-]*(?:\s+[A-Z][\w/&.’'-]*)*)"
_WHEN = r"(?:on|in|at|during|last|this|late|earlier|yesterday|today|tonight|[A-Z][a-z]+day)\b"
_TAIL = rf"(?:\s+{_WHOM})?(?:\s+{_WHEN}(?:\s+(?!that\b)[^\s,.;:!?]+){{0,3}})?"
_END = r"\s*[.!?]?[\"”]?\s*$"

_ACCORDING_LEAD = re.compile(r"^According to\s+(?P<who>[^,]{2,80}),\s+(?P<content>\S.*?)" + _END)
_ACCORDING_TRAIL = re.compile(r"^(?P<content>.+?),\s+according to\s+(?P<who>[^,]{2,80}?)" + _END)
_TRAIL_VERB_LAST = re.compile(
    rf"^(?P<content>.+),\s+(?P<who>[^,;:]{{1,80}}?)\s+(?:{SPEECH_VERBS}){_TAIL}{_END}"
)
_TRAIL_VERB_FIRST = re.compile(
    rf"^(?P<content>.+),\s+(?:{SPEECH_VERBS})\s+(?P<who>(?:the\s+)?[A-Z][^,;:]{{0,78}}?){_END}"
)
_LEAD = re.compile(
    rf"^(?P<who>.{{1,120}}?)\s+(?P<verb>{SPEECH_VERBS})\s+(?P<rest>\S.*)$", re.DOTALL
)
_THAT = re.compile(r"^(?:\S+\s+){0,6}?that\s+", re.DOTALL)
_TOLD_THAT = re.compile(r"^(?:\S+\s+){0,14}?that\s+", re.DOTALL)
# Whom something was told, when no "that" follows: one word, since "told Interfax Kyrgyzstan
# would stay" gives no sign where a longer name would end.
_TOLD_WHOM = re.compile(
    r"^(?:reporters|journalists|the press|the media|parliament|lawmakers|"
    r"(?:the\s+)?[A-Z][\w/&.’'-]*)\s+",
)
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z .'-]+\.\s+)?[A-Z][a-z]{2,4}\.? \d{1,2}\s*\([^)]*\)\s*[-–—]\s*"
)

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# "said Thursday Volkswagen must ...": the day is when it was said, not what.
_LEADING_WHEN = re.compile(
    rf"^(?:(?:on|last|late|early)\s+)?(?:{_DAYS}|yesterday|today)(?:\s+(?:night|morning|evening))?,?\s+"
)
_CIRCUMSTANCE = re.compile(r"^(?:in|on|at|during|after|before|via|through|from)\b")
_CIRCUMSTANCE_WORDS = 8

#: Longest "who" part, in words: a name with its title and an apposition at most.
MAX_WHO_WORDS = 14


@dataclass(frozen=True, slots=True)
class Reported:
    """One piece of reported speech: the said part and the part naming who said it (offsets)."""

    content_start: int
    content_end: int
    who_start: int
    who_end: int
    according_to: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n.,;:":
        end -= 1
    dateline = _DATELINE.match(text, start, end)
    if dateline is not None:
        start = dateline.end()
    return start, end


def _short(text: str) -> bool:
    return 0 < len(text.split()) <= MAX_WHO_WORDS


def _lead_content(sentence: str, rest_start: int, verb: str) -> int:
    """Where the said part begins after the verb: past "that", or past whom it was told."""
    rest = sentence[rest_start:]
    # Whom something was told may be long ("told thousands of supporters in Baghdad that").
    that = (_TOLD_THAT if verb in {"told", "tells"} else _THAT).match(rest)
    if that is not None:
        return rest_start + that.end()
    if verb in {"told", "tells"}:
        whom = _TOLD_WHOM.match(rest)
        if whom is not None:
            return rest_start + whom.end()
    when = _LEADING_WHEN.match(rest)
    return rest_start + (when.end() if when is not None else 0)


def _apposition_end(sentence: str, start: int) -> int:
    """Past an apposition opening the said part ("According to Olson, director of X, ...")."""
    comma = sentence.find(", ", start)
    if comma < 0 or len(sentence[start:comma].split()) > MAX_WHO_WORDS:
        return start
    title = title_pattern().search(sentence, start, comma)
    if title is None or len(sentence[start : title.start()].split()) > 2:
        return start
    return comma + 2


def reported_speech(sentence: str, offset: int) -> Reported | None:
    """The reported speech of one sentence (at ``offset`` of the text), or None.

    The trailing shapes are tried before the lead one, since a lead "who" may
    itself hold a verb ("..., Imankulov told Interfax." has its speaker last).
    """
    for pattern, according in (
        (_ACCORDING_LEAD, True),
        (_ACCORDING_TRAIL, True),
        (_TRAIL_VERB_LAST, False),
        (_TRAIL_VERB_FIRST, False),
    ):
        match = pattern.match(sentence)
        if match is not None and _short(match.group("who")):
            return _reported(sentence, offset, match, according)
    lead = _LEAD.match(sentence)
    if lead is None or not _short(lead.group("who")):
        return None
    content = _lead_content(sentence, lead.start("rest"), lead.group("verb"))
    start, end = _trim(sentence, content, len(sentence))
    if start >= end or _only_circumstance(sentence[start:end]):
        return None
    return Reported(
        offset + start, offset + end, offset + lead.start("who"), offset + lead.end("who")
    )


def _only_circumstance(content: str) -> bool:
    """Whether the "said" part only says where or how ("said in an interview with the Herald")."""
    return len(content.split()) <= _CIRCUMSTANCE_WORDS and bool(_CIRCUMSTANCE.match(content))


def _reported(sentence: str, offset: int, match: re.Match[str], according: bool) -> Reported | None:
    content = match.start("content")
    if according and match.re is _ACCORDING_LEAD:
        content = _apposition_end(sentence, content)
    start, end = _trim(sentence, content, match.end("content"))
    if start >= end:
        return None
    return Reported(
        offset + start,
        offset + end,
        offset + match.start("who"),
        offset + match.end("who"),
        according_to=according,
    )
