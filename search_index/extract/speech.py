"""Reported (indirect) speech: which part of a sentence is said, and which part names who said it.

The shapes news uses, each matched on one sentence:

* lead: "He added that CSTO members should ...", "X told Interfax (that) ...",
  "The Kyrgyz Health Ministry reported that 59 people ...", "X urged Y to ...";
* trailing: "..., he said.", "..., X told Interfax.", "..., said X.", with an
  apposition ("..., Makhmudov, the secretary of ..., told Interfax") and a
  setting or a clause after it ("... said on Thursday at a press conference",
  "..., his spokesman said, citing ...");
* according to: "According to FM Kulubaev, ...";
* a participle: "X opened the plant on Monday, saying it would employ ..." (the
  "who" part is then the sentence's opening words, where its subject stands).

The parts are returned as spans; whether the "who" part names a speaker is
for :mod:`~search_index.extract.speakers` to say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from search_index.extract.anchors import SPEECH_VERBS
from search_index.extract.name_matching import longest_first
from search_index.extract.roles import title_pattern

#: Verbs that report what someone said: the speech verbs of names, and those that only
#: report ("urged X to", "called for X", "reiterated (that)").
STATEMENT_VERBS = rf"{SPEECH_VERBS}|reiterated|advised|urged|called for|reports|warns|notes"
# Verbs often followed by a plain object ("reported the incident", "acknowledged the death"):
# what they report must be a clause of its own.
_OBJECT_VERBS = frozenset(
    {
        "reported", "acknowledged", "announced", "confirmed", "denied", "admitted", "recalled",
        "noted", "stressed", "emphasized", "emphasised", "underlined", "maintained", "declared",
        "suggested",
    }
)  # fmt: skip
# A clause has a verb; without parsing, an auxiliary, modal or copula within its first words.
# An object holding a count is a claim too ("reported the deaths of 59 people").
_CLAUSE = re.compile(
    r"(?:that\b|[\"“]|(?:\S+\s+){0,8}?(?:is|are|was|were|has|have|had|will|would|could|"
    r"should|can|may|might|must|did|does|do)\b|(?:\S+\s+){0,4}?\d)"
)

# What may follow a closing verb: whom it was told ("told Interfax", "told reporters"), then
# when or how ("on Monday", "in a statement"); never an object ("reported a surplus").
_BRIEFING = r"(?:a|the)\s+(?:news|press)\s+(?:briefing|conference)"
_WHOM = rf"(?:reporters|journalists|the press|the media|{_BRIEFING}|[A-Z][\w/&.’'-]*(?:\s+[A-Z][\w/&.’'-]*)*)"
_WHEN = r"(?:on|in|at|during|last|this|late|earlier|yesterday|today|tonight|[A-Z][a-z]+day)\b"
# Where or at what it was said, of any length: a preposition and a noun phrase with no verb
# ("at a press conference following a Russia-NATO Council meeting").
_NOT_VERB = r"(?!(?:that|is|are|was|were|has|have|had|will|would|could|should|can|may|must)\b)"
_SETTING = (
    r"(?:,?\s+(?:at|in|on|during|following|after|before)\s+(?:a|an|the|his|her|its|their)\b"
    rf"(?:\s+{_NOT_VERB}[^\s,.;:!?]+)+)?"
)
_TAIL = rf"(?:\s+{_WHOM})?(?:\s+{_WHEN}(?:\s+(?!that\b)[^\s,.;:!?]+){{0,3}})?{_SETTING}"
# A clause closing the sentence after the attribution: "..., his spokesman said, citing a
# schedule conflict", "..., X said on Tuesday, after reports the remains would ...".
# The outlet that passed it on may close it too: "..., the office of X said, AKIpress informed."
_AFTERWORD = (
    r"(?:,\s+(?:citing|adding|after|as|while|before|when|without|amid|following)\b[^;]*?"
    r"|,\s+[A-Z][\w./-]*\s+(?:informed|reported))?"
)
_END = rf"{_AFTERWORD}\s*[.!?]?[\"”]?\s*$"
# A short capitalized name and its apposition, either way round: "Makhmudov, the secretary
# of ...,", "the chief of the ... directorate, Lieutenant-General Sergey Rudskoy".
_NAME_WORDS = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_APPOSED = (
    rf"{_NAME_WORDS},\s+(?:the|a|an|[a-z])[^,;:]{{1,80}}?"
    rf"|(?:the|a|an)\s[^,;:]{{1,80}}?,\s+{_NAME_WORDS}"
)

_ACCORDING_LEAD = re.compile(r"^According to\s+(?P<who>[^,]{2,80}),\s+(?P<content>\S.*?)" + _END)
# "..., according to the Inter-Services Public Relations (ISPR), the military's media wing."
_ACCORDING_TRAIL = re.compile(
    r"^(?P<content>.+?),\s+according to\s+(?P<who>[^,]{2,80}?)(?:,\s+(?:the|a|an)\s[^,]{1,60}?)?"
    + _END
)
_TRAIL_APPOSED = re.compile(
    rf"^(?P<content>.+?),\s+(?P<who>(?:{_APPOSED})),?\s+(?:{SPEECH_VERBS}){_TAIL}{_END}"
)
_TRAIL_VERB_LAST = re.compile(
    rf"^(?P<content>.+),\s+(?P<who>[^,;:]{{1,80}}?)\s+(?:{SPEECH_VERBS}){_TAIL}{_END}"
)
# Only these verbs come before their subject ("..., said Sun Jiwen"); "..., told CNN X" is
# the end of a subject's apposition.
_INVERTED_VERBS = "said|says|added|adds|wrote|stated|explained"
_TRAIL_VERB_FIRST = re.compile(
    rf"^(?P<content>.+),\s+(?:{_INVERTED_VERBS})\s+(?P<who>(?:the\s+)?[A-Z](?:{_NOT_VERB}[^,;:]){{0,78}}?)"
    rf"(?:,\s+[^,;:]{{1,80}}?)?{_SETTING}{_END}"
)
# The "who" may open on an introduction cut off later ("When it was pointed out ..., the
# officials said"); a comma after the verb closes a parenthesis ("..., the court said, ...").
_LEAD = re.compile(
    rf"^(?P<who>.{{1,240}}?)\s+(?P<verb>{STATEMENT_VERBS}),?\s+(?P<rest>\S.*)$", re.DOTALL
)
# "..., saying (that) ...": what the subject said while doing something else.
_PARTICIPLE = re.compile(r"(?:,\s+|\s+)(?:instead\s+)?saying(?:\s+that)?\s+(?=\S)")
_SUBJECT_WORDS = 8
_QUOTE_MARKS = '"“”«»'
# An opening phrase before the subject, up to its comma: "In an interview with ABC News, ".
_INTRODUCTION = re.compile(
    r"(?:In|On|At|During|After|Before|Following|Earlier|Later|Meanwhile|When|While|As|Speaking)"
    r"\b[^,]{0,120},\s+"
)
# An introduction before the subject: "In an indication ..., Tillerson said"; ", and the
# Kyrgyz Health Ministry reported".
_LAST_CLAUSE = re.compile(r".*,\s+(?:and\s+|but\s+)?(?=\S)", re.DOTALL)
_THAT = re.compile(r"^(?:\S+\s+){0,10}?that\s+", re.DOTALL)
_TOLD_THAT = re.compile(r"^(?:\S+\s+){0,14}?that\s+", re.DOTALL)
# Whom something was told, when no "that" follows: one word, since "told Interfax Kyrgyzstan
# would stay" gives no sign where a longer name would end.
_TOLD_WHOM = re.compile(
    r"^(?:reporters|journalists|the press|the media|parliament|lawmakers|"
    r"(?:the\s+)?[A-Z][\w/&.’'-]*)\s+",
)
# "BISHKEK. Sept 22 (Interfax) - ", "PERTH, May 21 - ".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z .'-]+[.,]\s+)?[A-Z][a-z]{2,4}\.? \d{1,2}\s*(?:\([^)]*\)\s*)?[-–—]\s*"
)

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# "said Thursday Volkswagen must ...": the day is when it was said, not what.
_LEADING_WHEN = re.compile(
    rf"^(?:(?:on|last|late|early)\s+)?(?:{_DAYS}|yesterday|today)(?:\s+(?:night|morning|evening))?,?\s+"
)
# What every shape holds: a verb of speech, "according to", "saying". Only whether one is
# there matters, so the words are written as a trie (see name_matching), which reads a
# sentence several times faster than their plain alternation.
_ANY_SIGN = re.compile(
    longest_first([*STATEMENT_VERBS.split("|"), "According to", "according to", "saying"])
)
_CIRCUMSTANCE = re.compile(
    r"^(?:in|on|at|during|after|before|via|through|from|following|amid|ahead)\b|"
    rf"^{_BRIEFING}\b"
)

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
    subject: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n.,;:-–—":
        end -= 1
    dateline = _DATELINE.match(text, start, end)
    if dateline is not None:
        start = dateline.end()
    return start, end


def short_who(text: str) -> bool:
    """Whether a \"who\" part is short enough to name one speaker (see :data:`MAX_WHO_WORDS`)."""
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


def may_report(sentence: str) -> bool:
    """Whether ``sentence`` holds a sign every shape of reported speech holds.

    A verb of speech, "according to" or "saying": most sentences report
    nothing, and one search spares them every shape.
    """
    return _ANY_SIGN.search(sentence) is not None


def reported_speech(sentence: str, offset: int) -> Reported | None:
    """The reported speech of one sentence (at ``offset`` of the text), or None.

    The trailing shapes are tried before the lead one, since a lead "who" may
    itself hold a verb ("..., Imankulov told Interfax." has its speaker last).
    """
    if not may_report(sentence):
        return None
    for pattern, according in (
        (_ACCORDING_LEAD, True),
        (_ACCORDING_TRAIL, True),
        (_TRAIL_APPOSED, False),
        (_TRAIL_VERB_LAST, False),
        (_TRAIL_VERB_FIRST, False),
    ):
        match = pattern.match(sentence)
        if match is not None and short_who(match.group("who")):
            # "X said that ..., according to RFE/RL": X's words, passed on by the outlet.
            cited = _lead(sentence[: match.end("content")], offset) if according else None
            return cited or _reported(sentence, offset, match, according)
    return _lead(sentence, offset) or _participle(sentence, offset)


def _lead(sentence: str, offset: int) -> Reported | None:
    """ "X said (that) ...": the first speech verb, with a short "who" before it."""
    lead = _LEAD.match(sentence)
    if lead is None:
        return None
    who_start = past_introduction(sentence, lead.start("who"), lead.end("who"))
    who = sentence[who_start : lead.end("who")]
    if not short_who(who) or any(mark in who for mark in _QUOTE_MARKS):
        # A "who" holding a quotation is a sentence the splitter ran together, not a subject.
        return None
    verb = lead.group("verb")
    content = _lead_content(sentence, lead.start("rest"), verb)
    start, end = _trim(sentence, content, len(sentence))
    if start >= end or _only_circumstance(sentence[start:end]):
        return None
    if verb in _OBJECT_VERBS and not _CLAUSE.match(sentence, start, end):
        # "reported the incident and posted pictures": a deed, not words.
        return None
    return Reported(offset + start, offset + end, offset + who_start, offset + lead.end("who"))


def past_introduction(text: str, start: int, end: int) -> int:
    """Where the subject in a "who" part ``text[start:end]`` begins, past any introduction.

    "In an indication ..., Tillerson" and "..., though one" lose what comes before
    their last comma; a part closing on a comma holds an apposition instead
    ("Zas, the secretary general of the CSTO,") and is kept whole.
    """
    introduced = _LAST_CLAUSE.match(text, start, end)
    if introduced is None or text[start:end].rstrip().endswith(","):
        return start
    return introduced.end()


def _participle(sentence: str, offset: int) -> Reported | None:
    """ "X opened the plant, saying it would ...": said by the subject opening the sentence."""
    match = _PARTICIPLE.search(sentence)
    if match is None:
        return None
    start, end = _trim(sentence, match.end(), len(sentence))
    if start >= end:
        return None
    opening = _trim(sentence, 0, match.start())[0]
    introduction = _INTRODUCTION.match(sentence, opening, match.start())
    if introduction is not None:
        # "During a gaggle aboard Air Force One, Sean Spicer appeared ...": the subject
        # follows the introduction.
        opening = introduction.end()
    words = list(re.finditer(r"\S+", sentence[opening : match.start()]))[:_SUBJECT_WORDS]
    if not words:
        return None
    return Reported(
        offset + start,
        offset + end,
        offset + opening,
        offset + opening + words[-1].end(),
        subject=True,
    )


def _only_circumstance(content: str) -> bool:
    """Whether the "said" part only says where or how ("said in an interview with the Herald",
    "told a news briefing on Tuesday"): it opens on a setting and holds no clause."""
    return bool(_CIRCUMSTANCE.match(content)) and _CLAUSE.match(content) is None


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
