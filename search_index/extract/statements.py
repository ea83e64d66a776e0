"""Who said what: direct quotations with their speakers, and reported speech.

Direct quotes come first (see :mod:`~search_index.extract.quotes`); a sentence
that holds one is not read again as reported speech. A quote's speaker is
named right after it ('"...," Imankulov said'; '", said Imankulov'; '," KCNA
quoted Kim as saying'; '," reads his statement'), right before it ('Imankulov
said: "...'), is the speaker of the sentence of reported speech the quote
stands in ('took the decision "in the absence of ...", the ministry said'), or
is the speaker of the statement just before it (a quote carried on in the next
sentence or paragraph; a source cited with "according to" carries nothing on).
Short quotes with no speaker are scare quotes ('so-called "peace"'), and a
quote set in the writer's own sentence ('constituted a "concrete threat to
peace"') is no one's statement.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from search_index.extract import Found
from search_index.extract.anchors import SPEECH_VERBS, find_anchors, is_headline
from search_index.extract.org_gazetteer import known_organization
from search_index.extract.quotes import Quote, find_quotes
from search_index.extract.speaker_orgs import OrgReferences
from search_index.extract.speakers import Speaker, SpeakerFinder, Titled
from search_index.extract.speech import (
    MAX_WHO_WORDS,
    STATEMENT_VERBS,
    Reported,
    past_introduction,
    reported_speech,
)
from search_index.extract.text import Sentence, sentence_at, sentences
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
# Sentence ends the splitter misses: a stop glued to a dash before a quote ('country.- "'),
# and a colon before a new clause ('included: Abta said ...').
_MISSED_END = re.compile(r"(?<=[.!?])[-–—]+\s*(?=[\"“])|(?<=:)\s+(?=[A-Z])")
_ACCORDING_OPENING = re.compile(r"According to\s+")
# How far after "According to" the source must be named when no comma closes it.
_ACCORDING_REACH = 60
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
        if match is None or not _short_who(match.group("who")):
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
            return _Attributed(quote, speaker, quote.start, match.end())
    sentence_start = _sentence_start(text, line_start, quote.start)
    before = text[sentence_start : quote.start]
    strict = _BEFORE_STRICT.search(before) or _BEFORE_ACCORDING.search(before)
    loose = _BEFORE_LOOSE.match(before)
    chosen = strict or (loose if quote.word_count(text) >= MIN_UNATTRIBUTED_WORDS else None)
    if chosen is None:
        return None
    who_end = sentence_start + chosen.end("who")
    who_start = past_introduction(text, sentence_start + chosen.start("who"), who_end)
    if _short_who(text[who_start:who_end]):
        speaker = finder.in_part(who_start, who_end, text)
        return _Attributed(quote, speaker, who_start, quote.end)
    return None


def _named_after(
    text: str, quote: Quote, line_end: int, finder: SpeakerFinder
) -> _Attributed | None:
    """A speaker named after the quote in a shape other than "X said": quoted as saying, a
    statement that reads."""
    quoted = _AFTER_QUOTED.match(text, quote.end, line_end)
    if quoted is not None:
        speaker = finder.in_part(quoted.start("who"), quoted.end("who"), text)
        return _Attributed(quote, speaker, quote.start, quoted.end())
    reads = _AFTER_READS.match(text, quote.end, line_end)
    if reads is None:
        return None
    if _POSSESSIVE.match(reads.group("who")):
        # "reads his statement": his, the last person named before the quote.
        return _Attributed(quote, Speaker(finder.antecedent(quote.start)), quote.start, reads.end())
    author = finder.in_part(reads.start("who"), reads.end("who"), text)
    return _Attributed(quote, author, quote.start, reads.end())


def _opens_sentence(text: str, quote: Quote) -> bool:
    """Whether the quote opens its sentence, or follows a colon ("enough is enough: "...")."""
    start = _sentence_start(text, _line_bounds(text, quote)[0], quote.start)
    return (
        _OPENS.fullmatch(text, start, quote.start) is not None
        or _AFTER_COLON.search(text, start, quote.start) is not None
    )


def _in_reported(text: str, quote: Quote, finder: SpeakerFinder) -> _Attributed | None:
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
    speaker = _reported_speaker(reported, text, finder)
    # "..., Russia's top diplomat said": a reporter not named may be the one speaking on.
    explicit = speaker is not None and speaker.ref is not None
    return _Attributed(quote, speaker if explicit else None, quote.start, quote.end, explicit)


def _direct(text: str, finder: SpeakerFinder) -> list[_Attributed]:
    """Every quotation that is a statement, with the speaker named next to it, if any."""
    found: list[_Attributed] = []
    for quote in find_quotes(text):
        if _LEADING_VERB.match(quote.words(text)):
            # '"... said X. "...' read inside out: the marks around it were unbalanced.
            continue
        attributed = _attribute(text, quote, finder)
        if attributed is None and quote.word_count(text) >= MIN_UNATTRIBUTED_WORDS:
            if _opens_sentence(text, quote):
                attributed = _Attributed(quote, None, quote.start, quote.end, explicit=False)
            else:
                attributed = _in_reported(text, quote, finder)
        if attributed is not None:
            found.append(attributed)
    return found


@dataclass(frozen=True, slots=True)
class _Said:
    """Where an earlier statement ends, and who made it (None: someone not named)."""

    end: int
    speaker: EntityRef | None


def _carried(
    text: str, quoted: Sequence[_Attributed], reported: Sequence[_Said], finder: SpeakerFinder
) -> list[_Attributed]:
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


def _pieces(sentence: Sentence) -> list[Sentence]:
    """The sentence cut where the splitter missed an end (see ``_MISSED_END``)."""
    inner = [m.end() for m in _MISSED_END.finditer(sentence.text)]
    if not inner:
        return [sentence]
    cuts = [0, *inner]
    pieces = [
        (sentence.text[a:b], sentence.start + a, sentence.start + b)
        for a, b in zip(cuts, [*inner, len(sentence.text)], strict=True)
    ]
    return [Sentence(words.strip(), start, end) for words, start, end in pieces if words.strip()]


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


def _reported_speaker(reported: Reported, text: str, finder: SpeakerFinder) -> Speaker | None:
    if reported.subject:
        return finder.subject(reported.who_start, reported.who_end, text)
    return finder.in_part(reported.who_start, reported.who_end, text)


def _indirect(
    article: Article, finder: SpeakerFinder, quoted: Sequence[_Attributed], orgs: Sequence[Found]
) -> tuple[list[Statement], list[_Said]]:
    """Reported statements, and for each where it ends and who may run on after it."""
    text = article.body
    found: list[Statement] = []
    said: list[_Said] = []
    spans = sorted((q.quote.start, q.quote.end) for q in quoted)
    starts = [start for start, _ in spans]
    # Quotes do not overlap, so the end of the quotes opening before a point only grows.
    reach = list(accumulate((end for _, end in spans), max))
    for whole in sentences(text):
        if is_headline(whole):
            continue
        for sentence in _pieces(whole):
            opened = bisect_left(starts, sentence.end)
            if opened and reach[opened - 1] > sentence.start:
                # A sentence holding a quote gave its statement as that quote.
                continue
            reported = reported_speech(sentence.text, sentence.start) or _according_bare(
                sentence, finder
            )
            if reported is None:
                continue
            speaker = _reported_speaker(reported, text, finder)
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
    finder = SpeakerFinder(
        speakers,
        orgs,
        find_quotes(text),
        _titled(text, orgs, speakers),
        OrgReferences(text, orgs),
    )
    found = _direct(text, finder)
    reported, said = _indirect(article, finder, found, orgs)
    quoted = _carried(text, found, said, finder)
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
