"""Who said what: direct quotations with their speakers, and reported speech.

Direct quotes come first (see :mod:`~search_index.extract.quotes`); a sentence
that holds one is not read again as reported speech. A quote's speaker is
named right after it ('"...," Imankulov said'; '", said Imankulov'), right
before it ('Imankulov said: "...'), or is the speaker of the quote just before
it (a quote carried on in the next paragraph). Short quotes with no speaker
are scare quotes ('so-called "peace"'), not statements.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from search_index.extract import Found
from search_index.extract.anchors import SPEECH_VERBS, find_anchors, is_headline
from search_index.extract.quotes import Quote, find_quotes
from search_index.extract.speakers import Speaker, SpeakerFinder, Titled
from search_index.extract.speech import MAX_WHO_WORDS, reported_speech
from search_index.extract.text import sentences
from search_index.models import (
    Article,
    EntityKind,
    EntityRef,
    Person,
    Span,
    Statement,
    StatementKind,
)

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
_BEFORE_STRICT = re.compile(
    rf"(?P<who>[^.!?;\"“”\n]{{1,120}}?)\s+(?:{SPEECH_VERBS})(?:\s+[^:,.\"“”\n]{{1,30}})?\s*[:,]\s*$"
)
_BEFORE_LOOSE = re.compile(rf"^(?P<who>[^\"“”\n]{{1,120}}?)\s+(?:{SPEECH_VERBS})\b")
_BEFORE_ACCORDING = re.compile(r"(?:^|\s)[Aa]ccording to (?P<who>[^,\"“”\n]{1,60}),\s*$")
_NAMED_AFTER_COMMA = re.compile(r",\s+(?=[A-Z])")
_PARAGRAPH = re.compile(r"[^\n]+")
_LEADING_VERB = re.compile(rf"(?:{SPEECH_VERBS})\b")
_SENTENCE_END = re.compile(r"[.!?][\"”]?\s+|\n")


@dataclass(frozen=True, slots=True)
class _Attributed:
    """A quote with its speaker and the text span naming the speaker (the quote's when none)."""

    quote: Quote
    speaker: Speaker | None
    start: int
    end: int
    explicit: bool = True


def _short_who(who: str) -> bool:
    return 0 < len(who.split()) <= MAX_WHO_WORDS


def _line_bounds(text: str, quote: Quote) -> tuple[int, int]:
    start = text.rfind("\n", 0, quote.start) + 1
    end = text.find("\n", quote.end)
    return start, len(text) if end < 0 else end


def _sentence_start(text: str, line_start: int, offset: int) -> int:
    last = line_start
    for match in _SENTENCE_END.finditer(text, line_start, offset):
        last = match.end()
    return last


def _attribute(text: str, quote: Quote, finder: SpeakerFinder) -> _Attributed | None:
    line_start, line_end = _line_bounds(text, quote)
    last_mark = text[quote.parts[-1][1] - 1 : quote.parts[-1][1]]
    # The comma handing over to the speaker stands inside the marks or, in British style, after.
    handed_over = (bool(last_mark) and last_mark in _HANDOVER_MARKS) or text.startswith(
        ",", quote.end
    )
    for pattern in (_AFTER_WHO_VERB, _AFTER_VERB_WHO):
        match = pattern.match(text, quote.end, line_end)
        if match is None or not _short_who(match.group("who")):
            continue
        # A quote closed by a full stop ends its sentence: what follows is a new sentence,
        # and only a bare name and verb ('." Imankulov said.') still attributes it.
        if handed_over or len(match.group("who").split()) <= _BARE_WHO_WORDS:
            speaker = finder.in_part(match.start("who"), match.end("who"), text)
            # "said her attorney, Maryam Hashemi.": the name follows the title's comma.
            named = _NAMED_AFTER_COMMA.match(text, match.end("who"))
            if (speaker is None or speaker.ref is None) and named is not None:
                speaker = finder.in_part(named.end(), min(line_end, named.end() + 60), text)
            return _Attributed(quote, speaker, quote.start, match.end())
    sentence_start = _sentence_start(text, line_start, quote.start)
    before = text[sentence_start : quote.start]
    strict = _BEFORE_STRICT.search(before) or _BEFORE_ACCORDING.search(before)
    loose = _BEFORE_LOOSE.match(before)
    chosen = strict or (loose if quote.word_count(text) >= MIN_UNATTRIBUTED_WORDS else None)
    if chosen is not None and _short_who(chosen.group("who")):
        who_start = sentence_start + chosen.start("who")
        speaker = finder.in_part(who_start, sentence_start + chosen.end("who"), text)
        return _Attributed(quote, speaker, who_start, quote.end)
    return None


def _direct(text: str, finder: SpeakerFinder) -> list[_Attributed]:
    """Every quotation that is a statement, with the speaker named next to it, if any."""
    found: list[_Attributed] = []
    for quote in find_quotes(text):
        if _LEADING_VERB.match(quote.words(text)):
            # '"... said X. "...' read inside out: the marks around it were unbalanced.
            continue
        attributed = _attribute(text, quote, finder)
        if attributed is None and quote.word_count(text) >= MIN_UNATTRIBUTED_WORDS:
            attributed = _Attributed(quote, None, quote.start, quote.end, explicit=False)
        if attributed is not None:
            found.append(attributed)
    return found


@dataclass(frozen=True, slots=True)
class _Said:
    """Where an earlier statement ends, and who made it (None: someone not named)."""

    end: int
    speaker: EntityRef | None


def _carried(
    text: str, quoted: Sequence[_Attributed], reported: Sequence[Statement], finder: SpeakerFinder
) -> list[_Attributed]:
    """Quotes with no speaker next to them take the speaker of the statement just before them.

    News runs on with a speaker's words: '..., Lavrov said on Friday. "I have
    seen ..."'. The earlier statement must stand in the same paragraph, or in
    the paragraph just before one the quote opens, with no one else named between.
    """
    paragraphs = [m.start() for m in _PARAGRAPH.finditer(text)]
    # A quote whose speaker is named but unknown ("the senators wrote") ends any run-on.
    said = [_Said(q.end, q.speaker.ref if q.speaker else None) for q in quoted if q.explicit]
    said += [_Said(r.span.end, r.speaker) for r in reported]
    out: list[_Attributed] = []
    for item in quoted:
        start = item.quote.start
        earlier = max((x for x in said if x.end <= start), key=lambda x: x.end, default=None)
        if not item.explicit and earlier is not None and earlier.speaker is not None:
            index = bisect_right(paragraphs, start) - 1
            gap = index - (bisect_right(paragraphs, earlier.end) - 1)
            opens = paragraphs[index] == start
            others = finder.named_between(earlier.end, start) - {earlier.speaker.id}
            if not others and (gap == 0 or (gap == 1 and opens)):
                item = _Attributed(item.quote, Speaker(earlier.speaker), item.start, item.end)
                said.append(_Said(item.quote.end, earlier.speaker))
        out.append(item)
    return out


def _context(text: str, start: int, end: int) -> str:
    around = [s.text for s in sentences(text) if s.start < end and start < s.end]
    return " ".join(around) if around else text[start:end].strip()


def _statement(
    article: Article,
    kind: StatementKind,
    words: str,
    span: Span,
    speaker: Speaker | None,
    context: str,
) -> Statement:
    return Statement(
        id=f"{article.id}:s{span.start}",
        article_id=article.id,
        text=words,
        kind=kind,
        speaker=speaker.ref if speaker is not None else None,
        said_on=article.published_at.date() if article.published_at is not None else None,
        context=context,
        span=span,
    )


def _indirect(
    article: Article, finder: SpeakerFinder, quoted: Sequence[_Attributed]
) -> list[Statement]:
    text = article.body
    found: list[Statement] = []
    for sentence in sentences(text):
        if is_headline(sentence) or any(
            q.quote.start < sentence.end and sentence.start < q.quote.end for q in quoted
        ):
            continue
        reported = reported_speech(sentence.text, sentence.start)
        if reported is None:
            continue
        speaker = finder.in_part(reported.who_start, reported.who_end, text)
        if speaker is None:
            continue
        if (
            reported.according_to
            and speaker.ref is not None
            and (speaker.ref.kind is EntityKind.ORGANIZATION)
        ):
            # "according to RFERL" cites a source for a fact; it reports no one's words.
            continue
        span = Span(start=reported.content_start, end=reported.content_end)
        words = text[span.start : span.end]
        found.append(
            _statement(article, StatementKind.INDIRECT, words, span, speaker, sentence.text)
        )
    return found


def find_statements(
    article: Article,
    people: Sequence[Found],
    orgs: Sequence[Found],
    persons: Sequence[Person],
) -> list[Statement]:
    """Every statement of ``article``, direct and reported, in text order.

    ``people`` and ``orgs`` are the person and organization mentions found in
    the body; ``persons`` the people found in it: a mention of anyone else
    (a stale or foreign mention) never makes a speaker.
    """
    text = article.body
    known = {p.id for p in persons}
    speakers = [m for m in people if m.key in known]
    finder = SpeakerFinder(speakers, orgs, find_quotes(text), _titled(text, orgs, speakers))
    found = _direct(text, finder)
    reported = _indirect(article, finder, found)
    quoted = _carried(text, found, reported, finder)
    direct = [
        _statement(
            article,
            StatementKind.DIRECT,
            q.quote.words(text),
            Span(start=q.quote.start, end=q.quote.end),
            q.speaker,
            _context(text, min(q.start, q.quote.start), max(q.end, q.quote.end)),
        )
        for q in quoted
    ]
    return sorted([*direct, *reported], key=lambda s: s.span.start)


def _titled(text: str, orgs: Sequence[Found], people: Sequence[Found]) -> list[Titled]:
    """The people the text introduces with a title, so that "the spokesman said" finds them."""
    titled: list[Titled] = []
    for anchor in find_anchors(text, orgs):
        holder = next(
            (
                p
                for p in people
                if p.span.start < anchor.name.end and anchor.name.start < p.span.end
            ),
            None,
        )
        if anchor.title is not None and not anchor.counterpart and holder is not None:
            titled.append(Titled(anchor.start, anchor.title, holder.key))
    return titled
