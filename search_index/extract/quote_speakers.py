"""Who said each direct quotation: the speaker named next to it, or in the sentence it stands in.

A quote's speaker is named right after it ('"...," Imankulov said'; '", said
Imankulov'; '," KCNA quoted Kim as saying'; '," reads his statement'), right
before it ('Imankulov said: "...'), or is the speaker of the sentence of
reported speech the quote stands in ('took the decision "in the absence of
...", the ministry said'). A quote opening its sentence with no one named is
kept, unattributed, for :mod:`~search_index.extract.statements` to hand to the
speaker of the statement before it. Short quotes with no speaker are scare
quotes ('so-called "peace"'), and a quote set in the writer's own sentence
('constituted a "concrete threat to peace"') is no one's statement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from search_index.extract.anchors import SPEECH_VERBS
from search_index.extract.quotes import Quote
from search_index.extract.speakers import Speaker, SpeakerFinder
from search_index.extract.speech import (
    STATEMENT_VERBS,
    past_introduction,
    reported_speech,
    short_who,
)
from search_index.extract.statement_sentences import sentence_start
from search_index.extract.text import sentence_at

#: Fewer words than this, with no speaker, is a scare quote or a name, not a statement.
MIN_UNATTRIBUTED_WORDS = 4

# A dot inside a "who" part only after a title's abbreviation ("said Rep. Tony Tinderholt").
_WHO_CHAR = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Sgt|Adm|Capt|Prof|St)\.|[^.!?,;\"“”\n])"
# What may stand between a closing quote and its attribution: a comma, or the dash or "?" a
# bad character conversion left behind.
_HANDOVER = r"[\s,?\-–—]*"
_HANDOVER_MARKS = ",!?-–—…"
_BARE_WHO_WORDS = 4
_AFTER_WHO_VERB = re.compile(
    rf"{_HANDOVER}(?P<who>(?:{_WHO_CHAR}|,){{1,80}}?)\s+(?:{SPEECH_VERBS})\b"
)
_AFTER_VERB_WHO = re.compile(
    rf"{_HANDOVER}(?:{SPEECH_VERBS})\s+(?P<who>{_WHO_CHAR}{{1,60}}?)\s*[.,!?]"
)
# After a quote closed by a full stop, "X said" attributes it only as a sentence of its own
# ('." Imankulov said on Friday.'), not as the start of the next statement ('." Putin said
# the bloc was ...').
_BARE_CLOSE = re.compile(r"(?:\s+(?!that\b)[^\s.!?\"“”]+){0,5}\s*(?:[.!?]|$)")
# '"...," reads his statement on the website': the statement's author speaks.
_AFTER_READS = re.compile(
    rf"{_HANDOVER}reads?\s+(?P<who>(?:[^.!?,\"“”\n\s-]+[\s-]+){{0,3}}?statement)\b"
)
# '"...," KCNA quoted Kim as saying': the one quoted speaks, not who quoted him.
_AFTER_QUOTED = re.compile(
    rf"{_HANDOVER}[^.!?\"“”\n]{{0,60}}?\bquoted\s+(?P<who>{_WHO_CHAR}{{1,60}}?)\s+as\s+saying\b"
)
_POSSESSIVE = re.compile(r"(?:his|her|their)\b", re.IGNORECASE)
_BEFORE_STRICT = re.compile(
    rf"(?P<who>[^.!?;\"“”\n]{{1,120}}?)\s+(?:{STATEMENT_VERBS})(?:\s+[^:,.\"“”\n]{{1,30}})?\s*[:,]\s*$"
)
_BEFORE_LOOSE = re.compile(rf"^(?P<who>[^\"“”\n]{{1,120}}?)\s+(?:{STATEMENT_VERBS})\b")
# What may stand between a sentence's start and a quote opening it: dashes, a lost colon.
_OPENS = re.compile(r"[\s\-–—:(]*")
_AFTER_COLON = re.compile(r":[\s\-–—]*$")
_BEFORE_ACCORDING = re.compile(r"(?:^|\s)[Aa]ccording to (?P<who>[^,\"“”\n]{1,60}),\s*$")
_NAMED_AFTER_COMMA = re.compile(r",\s+(?=[A-Z])")
_LEADING_VERB = re.compile(rf"(?:{SPEECH_VERBS})\b")


@dataclass(frozen=True, slots=True)
class Attributed:
    """A quote with its speaker and the text span naming the speaker (the quote's when none)."""

    quote: Quote
    speaker: Speaker | None
    start: int
    end: int
    explicit: bool = True


def _line_bounds(text: str, quote: Quote) -> tuple[int, int]:
    start = text.rfind("\n", 0, quote.start) + 1
    end = text.find("\n", quote.end)
    return start, len(text) if end < 0 else end


def _attribute(text: str, quote: Quote, finder: SpeakerFinder) -> Attributed | None:
    line_start, line_end = _line_bounds(text, quote)
    named = _named_after(text, quote, line_end, finder)
    if named is not None:
        return named
    last_mark = text[quote.parts[-1][1] - 1 : quote.parts[-1][1]]
    # The comma handing over to the speaker stands inside the marks or, in British style, after.
    handed_over = (bool(last_mark) and last_mark in _HANDOVER_MARKS) or text.startswith(
        ",", quote.end
    )
    for pattern in (_AFTER_WHO_VERB, _AFTER_VERB_WHO):
        match = pattern.match(text, quote.end, line_end)
        if match is None or not short_who(match.group("who")):
            continue
        # A quote closed by a full stop ends its sentence: what follows is a new sentence,
        # and only a bare name and verb ('." Imankulov said.') still attributes it.
        bare = len(match.group("who").split()) <= _BARE_WHO_WORDS and (
            pattern is _AFTER_VERB_WHO or _BARE_CLOSE.match(text, match.end(), line_end)
        )
        if handed_over or bare:
            speaker = finder.in_part(match.start("who"), match.end("who"), text)
            # "said her attorney, Maryam Hashemi.": the name follows the title's comma.
            titled = _NAMED_AFTER_COMMA.match(text, match.end("who"))
            if (speaker is None or speaker.ref is None) and titled is not None:
                speaker = finder.in_part(titled.end(), min(line_end, titled.end() + 60), text)
            return Attributed(quote, speaker, quote.start, match.end())
    opening = sentence_start(text, line_start, quote.start)
    before = text[opening : quote.start]
    chosen = _before_strict(before)
    if chosen is None and quote.word_count(text) >= MIN_UNATTRIBUTED_WORDS:
        chosen = _BEFORE_LOOSE.match(before)
    if chosen is None:
        return None
    who_end = opening + chosen.end("who")
    who_start = past_introduction(text, opening + chosen.start("who"), who_end)
    if short_who(text[who_start:who_end]):
        speaker = finder.in_part(who_start, who_end, text)
        return Attributed(quote, speaker, who_start, quote.end)
    return None


def _before_strict(before: str) -> re.Match[str] | None:
    """``_BEFORE_STRICT`` or ``_BEFORE_ACCORDING`` searched in ``before``, the sentence up to a quote.

    Both end on a colon or comma and blanks, so a sentence that does not is never searched:
    a search tries every start in it, each reading on up to the end.
    """
    if not before.rstrip().endswith((":", ",")):
        return None
    return _BEFORE_STRICT.search(before) or _BEFORE_ACCORDING.search(before)


def _named_after(
    text: str, quote: Quote, line_end: int, finder: SpeakerFinder
) -> Attributed | None:
    """A speaker named after the quote in a shape other than "X said": quoted as saying, a
    statement that reads."""
    quoted = _AFTER_QUOTED.match(text, quote.end, line_end)
    if quoted is not None:
        speaker = finder.in_part(quoted.start("who"), quoted.end("who"), text)
        return Attributed(quote, speaker, quote.start, quoted.end())
    reads = _AFTER_READS.match(text, quote.end, line_end)
    if reads is None:
        return None
    if _POSSESSIVE.match(reads.group("who")):
        # "reads his statement": his, the last person named before the quote.
        return Attributed(quote, Speaker(finder.antecedent(quote.start)), quote.start, reads.end())
    author = finder.in_part(reads.start("who"), reads.end("who"), text)
    return Attributed(quote, author, quote.start, reads.end())


def _opens_sentence(text: str, quote: Quote) -> bool:
    """Whether the quote opens its sentence, or follows a colon ("enough is enough: "...")."""
    start = sentence_start(text, _line_bounds(text, quote)[0], quote.start)
    return (
        _OPENS.fullmatch(text, start, quote.start) is not None
        or _AFTER_COLON.search(text, start, quote.start) is not None
    )


def _in_reported(text: str, quote: Quote, finder: SpeakerFinder) -> Attributed | None:
    """A quote inside a sentence of reported speech: words of that sentence's speaker.

    'Mohammed VI took the decision "in the absence of signs ...", the royal
    statement said': what the statement said. A quote set in the writer's own
    sentence ('to prove that it constituted a "concrete threat to peace"')
    is no one's statement.
    """
    sentence = sentence_at(text, quote.start)
    if sentence is None:
        return None
    reported = reported_speech(sentence.text, sentence.start)
    # The quote must be part of what is reported, not of who reports it.
    if reported is None or not (
        reported.content_start <= quote.start + 1 and quote.end - 1 <= reported.content_end
    ):
        return None
    speaker = finder.reporter(reported, text)
    # "..., Russia's top diplomat said": a reporter not named may be the one speaking on.
    explicit = speaker is not None and speaker.ref is not None
    return Attributed(quote, speaker if explicit else None, quote.start, quote.end, explicit)


def attributed_quotes(
    text: str, quotes: Sequence[Quote], finder: SpeakerFinder
) -> list[Attributed]:
    """Every one of ``quotes`` that is a statement, with the speaker named next to it, if any."""
    found: list[Attributed] = []
    for quote in quotes:
        if _LEADING_VERB.match(quote.words(text)):
            # '"... said X. "...' read inside out: the marks around it were unbalanced.
            continue
        attributed = _attribute(text, quote, finder)
        if attributed is None and quote.word_count(text) >= MIN_UNATTRIBUTED_WORDS:
            if _opens_sentence(text, quote):
                attributed = Attributed(quote, None, quote.start, quote.end, explicit=False)
            else:
                attributed = _in_reported(text, quote, finder)
        if attributed is not None:
            found.append(attributed)
    return found
