"""Who said what: direct quotations with their speakers, and reported speech.

Direct quotes come first (see :mod:`~search_index.extract.quotes`, and
:mod:`~search_index.extract.quote_speakers` for who said each); a sentence
that holds one is not read again as reported speech (see
:mod:`~search_index.extract.speech`). A quote with no speaker next to it is
the speaker's of the statement just before it (a quote carried on in the next
sentence or paragraph; a source cited with "according to" carries nothing on).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from search_index.extract import Found
from search_index.extract.anchors import find_anchors, is_headline
from search_index.extract.org_gazetteer import known_organization
from search_index.extract.quote_speakers import (
    MIN_UNATTRIBUTED_WORDS,
    Attributed,
    attributed_quotes,
)
from search_index.extract.quotes import find_quotes
from search_index.extract.speaker_orgs import OrgReferences
from search_index.extract.speakers import Speaker, SpeakerFinder, Titled
from search_index.extract.speech import Reported, reported_speech
from search_index.extract.statement_sentences import pieces_in
from search_index.extract.text import Sentence, SpanIndex, sentences
from search_index.models import (
    Article,
    EntityKind,
    EntityRef,
    OrganizationKind,
    Person,
    Span,
    Statement,
    StatementKind,
)

_ACCORDING_OPENING = re.compile(r"According to\s+")
# How far after "According to" the source must be named when no comma closes it.
_ACCORDING_REACH = 60
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class _Said:
    """Where an earlier statement ends, and who made it (None: someone not named)."""

    end: int
    speaker: EntityRef | None


def _carried(
    text: str, quoted: Sequence[Attributed], reported: Sequence[_Said], finder: SpeakerFinder
) -> list[Attributed]:
    """Quotes with no speaker next to them take the speaker of the statement just before them.

    News runs on with a speaker's words: '..., Lavrov said on Friday. "I have
    seen ..."'. The earlier statement must stand in the same paragraph, or in
    the paragraph just before one the quote opens, with no one else named between.
    ``reported`` are where the reported statements end and who goes on talking
    after them.
    """
    paragraphs = [m.start() for m in _PARAGRAPH.finditer(text)]
    # A quote whose speaker is named but unknown ("the senators wrote") ends any run-on.
    said = [_Said(q.end, q.speaker.ref if q.speaker else None) for q in quoted if q.explicit]
    said += reported
    out: list[Attributed] = []
    for item in quoted:
        start = item.quote.start
        earlier = max((x for x in said if x.end <= start), key=lambda x: x.end, default=None)
        if not item.explicit and earlier is not None and earlier.speaker is not None:
            index = bisect_right(paragraphs, start) - 1
            gap = index - (bisect_right(paragraphs, earlier.end) - 1)
            opens = paragraphs[index] == start
            others = finder.named_between(earlier.end, start) - {earlier.speaker.id}
            if not others and (gap == 0 or (gap == 1 and opens)):
                item = Attributed(item.quote, Speaker(earlier.speaker), item.start, item.end)
                said.append(_Said(item.quote.end, earlier.speaker))
        out.append(item)
    return out


def _context(text: str, ends: Sequence[int], start: int, end: int) -> str:
    """The sentences ``text[start:end]`` touches, or that span itself when it touches none.

    ``ends`` are where the sentences of ``text`` end: they come in order and do
    not overlap, so those touching a span are the run from the first ending past it.
    """
    around: list[str] = []
    for sentence in sentences(text)[bisect_right(ends, start) :]:
        if sentence.start >= end:
            break
        around.append(sentence.text)
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


def _cites_media(speaker: Speaker, orgs: Sequence[Found]) -> bool:
    """Whether the speaker is a news outlet: "according to RFERL" sources a fact, no one's words."""
    if speaker.ref is None or speaker.ref.kind is not EntityKind.ORGANIZATION:
        return False
    names = {o.name for o in orgs if o.key == speaker.ref.id}
    known = [known_organization(name) for name in names]
    return any(k is not None and k.kind is OrganizationKind.MEDIA for k in known)


def _according_bare(sentence: Sentence, finder: SpeakerFinder) -> Reported | None:
    """ "According to refugee rights group the Hungarian Helsinki Committee some 400 ...":
    with no comma, the source ends where the first one named there ends."""
    opening = _ACCORDING_OPENING.match(sentence.text)
    if opening is None:
        return None
    start = sentence.start + opening.end()
    source = finder.first_named(start, start + _ACCORDING_REACH)
    if source is None:
        return None
    said = sentence.text[source.span.end - sentence.start :].rstrip(" .!?")
    if len(said.split()) < MIN_UNATTRIBUTED_WORDS or said.lstrip().startswith(","):
        return None
    content_start = source.span.end + len(said) - len(said.lstrip())
    content_end = source.span.end + len(said)
    return Reported(content_start, content_end, start, source.span.end, according_to=True)


def _indirect(
    article: Article, finder: SpeakerFinder, quoted: Sequence[Attributed], orgs: Sequence[Found]
) -> tuple[list[Statement], list[_Said]]:
    """Reported statements, and for each where it ends and who may run on after it."""
    text = article.body
    found: list[Statement] = []
    said: list[_Said] = []
    quotes = SpanIndex((q.quote.start, q.quote.end) for q in quoted)
    for whole in sentences(text):
        if is_headline(whole):
            continue
        for sentence in pieces_in(text, whole):
            if quotes.overlap(sentence.start, sentence.end):
                # A sentence holding a quote gave its statement as that quote.
                continue
            reported = reported_speech(sentence.text, sentence.start) or _according_bare(
                sentence, finder
            )
            if reported is None:
                continue
            speaker = finder.reporter(reported, text)
            if speaker is None or (reported.according_to and _cites_media(speaker, orgs)):
                continue
            span = Span(start=reported.content_start, end=reported.content_end)
            words = text[span.start : span.end]
            found.append(
                _statement(article, StatementKind.INDIRECT, words, span, speaker, whole.text)
            )
            # A source cited ("according to the UN World Food Programme") says no more after.
            said.append(_Said(span.end, None if reported.according_to else speaker.ref))
    return found, said


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
    quotes = find_quotes(text)
    finder = SpeakerFinder(
        speakers,
        orgs,
        quotes,
        lambda: _titled(text, orgs, speakers),
        OrgReferences(text, orgs),
    )
    found = attributed_quotes(text, quotes, finder)
    reported, said = _indirect(article, finder, found, orgs)
    quoted = _carried(text, found, said, finder)
    ends = [s.end for s in sentences(text)]
    direct = [
        _statement(
            article,
            StatementKind.DIRECT,
            q.quote.words(text),
            Span(start=q.quote.start, end=q.quote.end),
            q.speaker,
            _context(text, ends, min(q.start, q.quote.start), max(q.end, q.quote.end)),
        )
        for q in quoted
    ]
    return sorted([*direct, *reported], key=lambda s: s.span.start)


def _titled(text: str, orgs: Sequence[Found], people: Sequence[Found]) -> list[Titled]:
    """The people the text introduces with a title, so that "the spokesman said" finds them."""
    titled: list[Titled] = []
    if not people:
        # Only a person the text names can hold a title, and finding titles reads it all.
        return titled
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
