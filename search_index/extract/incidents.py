"""Incidents: what happened (kind), when, where, and every figure reported about it.

A sentence names an incident with a trigger word ("armed conflict", "met with",
"summit", "election", "earthquake"). Its date is the date written nearest the
trigger in that sentence, else in its paragraph; its countries are the ones the
sentence names and its places (borders, cities, capitals), read by
:mod:`search_index.extract.where`.

Sentences about one event are one incident: a later "the resulting armed
clashes" joins the armed clash introduced before it when nothing (a different
date, other countries) sets them apart. Meetings and summits merge only on
positive evidence (the same place or day), since one article often reports
several. Figures belong to the incident of their sentence, else to the one
introduced before them, else the first one after; a figure with no incident
at all makes one of kind OTHER, since a death toll is itself news of an event.

Incident ids are local keys ``kind:start:countries`` for the resolver to merge
across articles; two incidents of one article that would share a key get
``#2``, ``#3``... so neither is lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from search_index.extract import Found
from search_index.extract.attribution import reported_by, reporter_for, reporters_in, side_of
from search_index.extract.countries import Place, find_places
from search_index.extract.dates import DateMention, date_spans, find_dates
from search_index.extract.figures import FigurePhrase, find_figures, may_hold_a_figure
from search_index.extract.text import Sentence, sentences
from search_index.extract.where import located_in, where_of, where_phrase
from search_index.models import Article, EntityKind, Figure, Incident, IncidentKind, Span

_TRIGGERS: tuple[tuple[IncidentKind, str, str], ...] = (
    (
        IncidentKind.ARMED_CLASH,
        "Armed clash",
        (
            r"armed\s+(?:conflict|clash|confrontation|incident)s?|clash(?:es|ed)?|shelling"
            # "fighting corruption" and "a heart attack" are no battles.
            r"|fighting(?!\s+(?:for|against|corruption|crime|poverty|inflation|fraud))"
            r"|(?<!heart\s)attacks?"
            r"|(?:border|military)\s+conflict|hostilities|air\s*strikes?|drone\s+strikes?"
            r"|missile\s+strikes?|bombing|skirmish(?:es)?|gunfire|exchange\s+of\s+fire"
            r"|shootouts?|firefights?|gun\s*battles?"
            r"|conflict\s+(?:broke\s+out|erupted)"
            # "the situation on the Kyrgyz-Tajik border": the usual euphemism, kept to
            # borders between two named countries so no other "situation" qualifies.
            r"|(?:situation|circumstances?)\s+(?:at|on|along)\s+the\s+"
            r"(?-i:[A-Z][\w'’.]*-[A-Z][\w'’.]*)\s+border"
        ),
    ),
    (IncidentKind.SUMMIT, "Summit", r"summit"),
    (
        IncidentKind.MEETING,
        "Meeting",
        (
            r"met\s+with|meets\s+with|held\s+talks|talks\s+(?:with|between)"
            r"|negotiations\s+between|meeting\s+(?:of|with|between)|for\s+(?:a|the)\s+meeting"
        ),
    ),
    (IncidentKind.POLITICAL, "Election", r"(?:presidential\s+|parliamentary\s+)?elections?"),
    (IncidentKind.POLITICAL, "Referendum", r"referendum"),
    (
        IncidentKind.POLITICAL,
        "Protest",
        r"protests?|demonstrations?|(?:a|the|mass)\s+rally|rallies",
    ),
    (IncidentKind.POLITICAL, "Resignation", r"resign(?:ed|ation)"),
    (IncidentKind.POLITICAL, "Coup", r"coup(?:\s+attempt)?"),
    (IncidentKind.OTHER, "Earthquake", r"earthquakes?|quakes?"),
    (IncidentKind.OTHER, "Flood", r"floods|flooding|flash\s+floods?|(?:the|a|deadly)\s+flood"),
    (IncidentKind.OTHER, "Fire", r"wildfires?|forest\s+fires?|(?:the|a)\s+(?:fire|blaze)"),
    (IncidentKind.OTHER, "Explosion", r"explosions?|blasts?"),
    (IncidentKind.OTHER, "Landslide", r"landslides?|mudslides?|avalanches?"),
    (IncidentKind.OTHER, "Storm", r"hurricane|typhoon|cyclone|tsunami|storms?"),
)
_TRIGGER_RES = tuple(
    (kind, label, re.compile(rf"\b(?:{words})\b", re.IGNORECASE))
    for kind, label, words in _TRIGGERS
)
# Any event word at all: most sentences hold none, and one search rules all the words out at once
# (an alternation matches in a window exactly where one of its alternatives does).
_ANY_TRIGGER = re.compile(
    "|".join(f"(?:{pattern.pattern})" for _, _, pattern in _TRIGGER_RES), re.IGNORECASE
)
#: A word every match of the triggers above holds ("fire" for "gunfire" and "firefight",
#: "meet" for "meets with" and "meeting of"). Cheaper still than the search: a sentence holding
#: none of them in lower case holds no event word. A new trigger needs a word of its own here.
_TRIGGER_WORDS = (
    "armed", "clash", "shelling", "fighting", "attack", "conflict", "hostilities", "strike",
    "bombing", "skirmish", "fire", "shootout", "battle", "border", "summit", "met", "meet",
    "talks", "negotiations", "election", "referendum", "protest", "demonstration", "rally",
    "rallies", "resign", "coup", "quake", "flood", "blaze", "explosion", "blast", "slide",
    "avalanche", "hurricane", "typhoon", "cyclone", "tsunami", "storm",
)  # fmt: skip


def _trigger_words_in(body: str) -> tuple[str, ...]:
    """The :data:`_TRIGGER_WORDS` an article holds in lower case: none of its ASCII sentences
    holds another. Read once per article, so each sentence is tested for a few words, not all.

    ``str.lower`` maps each character on its own (bar the Greek capital sigma), so an
    ASCII sentence's lower case is a piece of its article's, whatever else the article holds.
    """
    lowered = body.lower()
    return tuple(word for word in _TRIGGER_WORDS if word in lowered)


def _may_hold_a_trigger(sentence: Sentence, words: Sequence[str]) -> bool:
    """False only where no trigger can match in ``sentence``, of an article holding ``words``.

    Lower case stands for the triggers' case-insensitive reading only in ASCII
    text, so any other sentence is searched.
    """
    if not sentence.text.isascii():
        return True
    lowered = sentence.text.lower()
    return any(word in lowered for word in words)


# Events only talked of as possible ("may flood over the border") did not happen.
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:may|might|could|would|should|threat\s+of|risk\s+of|avoid|prevent|calls?\s+for"
    r"|called\s+for|demand(?:ed|s|ing)?)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# Scheduled events have not happened yet; a clash reported with "will" still has.
_FUTURE = re.compile(r"\b(?:will|to\s+be\s+held|scheduled|upcoming|planned)\b", re.IGNORECASE)
_SCHEDULED_KINDS = frozenset({IncidentKind.MEETING, IncidentKind.SUMMIT, IncidentKind.POLITICAL})
_WITH_LOSSES = frozenset({IncidentKind.ARMED_CLASH, IncidentKind.OTHER, IncidentKind.POLITICAL})
# The agency's dateline ("BISHKEK. Sept 22 (Interfax) -") dates the story, not an event.
_DATELINE_AFTER = re.compile(r"\s*(?:\(|/)[A-Z]")
_DATELINE_REACH = 80


@dataclass
class _Draft:
    """An incident being assembled from the mentions of one article."""

    kind: IncidentKind
    label: str
    start: date | None
    end: date | None
    countries: list[str]
    places: list[str]
    title_hint: str | None
    mentions: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Mention:
    """One trigger of one sentence, with the when and where read around it."""

    kind: IncidentKind
    label: str
    position: int
    sentence: int
    dates: DateMention | None
    countries: tuple[str, ...]
    places: tuple[str, ...]
    title_hint: str | None


@dataclass(frozen=True)
class _Read:
    """One article as the rules read it: its sentences and what other finders found in it."""

    article: Article
    sentences: tuple[Sentence, ...]
    countries: Sequence[Found]
    orgs: Sequence[Found]
    people: Sequence[Found]
    cities: Sequence[Place]
    # Each sentence's dates, read on first use: every event word of a paragraph
    # reads the dates of all its sentences.
    _dates: dict[int, tuple[DateMention, ...]] = field(default_factory=dict, compare=False, repr=False)

    def dates_in(self, index: int) -> tuple[DateMention, ...]:
        """The dates of sentence ``index``, without the dateline's."""
        if index not in self._dates:
            sentence = self.sentences[index]
            self._dates[index] = _dates(self.body, self.anchor, sentence.start, sentence.end)
        return self._dates[index]

    @property
    def body(self) -> str:
        """The article's text, which every span points into."""
        return self.article.body

    @property
    def anchor(self) -> date | None:
        """The day relative dates are read against: the article's own, if it has one."""
        published = self.article.published_at
        return published.date() if published else None


def _dates(body: str, anchor: date | None, start: int, end: int) -> tuple[DateMention, ...]:
    """Dates in ``body[start:end]``, without the dateline's."""
    return tuple(
        d
        for d in find_dates(body, anchor, start, end)
        if not (d.span_start < _DATELINE_REACH and _DATELINE_AFTER.match(body, d.span_end))
    )


def _nearest(dates: Sequence[DateMention], position: int) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.span_start - position), abs(d.span_end - position)))


def _paragraphs(body: str, found: Sequence[Sentence]) -> list[int]:
    """The paragraph number of each sentence (a blank line starts a new one)."""
    numbers: list[int] = []
    current = 0
    for i, sentence in enumerate(found):
        if i and re.search(r"\n\s*\n", body[found[i - 1].end : sentence.start]):
            current += 1
        numbers.append(current)
    return numbers


def _title_hint(
    kind: IncidentKind,
    body: str,
    sentence: Sentence,
    people: Sequence[Found],
    orgs: Sequence[Found],
) -> str | None:
    """Who met, or whose summit it was: the participants a meeting's title names."""
    inside = sorted(
        (e for e in (*people, *orgs) if sentence.start <= e.span.start < sentence.end),
        key=lambda e: e.span.start,
    )
    if kind is IncidentKind.MEETING:
        names = list(dict.fromkeys(p.name for p in inside if p.kind is EntityKind.PERSON))
        return " and ".join(names) if len(names) >= 2 else None
    if kind is IncidentKind.SUMMIT:
        reporters = {r.key for r in reporters_in(body, sentence.start, sentence.end, [], orgs)}
        hosts = [
            o.name for o in inside if o.kind is EntityKind.ORGANIZATION and o.key not in reporters
        ]
        return f"the {hosts[0]}" if hosts else None
    return None


def _triggers(
    body: str, sentence: Sentence, words: Sequence[str]
) -> list[tuple[IncidentKind, str, re.Match[str]]]:
    """The event words of a sentence, leaving out what only might happen or is yet to.

    ``words`` are the :func:`_trigger_words_in` the article.
    """
    taken: list[tuple[int, int]] = []
    out: list[tuple[IncidentKind, str, re.Match[str]]] = []
    if not _may_hold_a_trigger(sentence, words):
        return out
    if _ANY_TRIGGER.search(body, sentence.start, sentence.end) is None:
        return out
    for kind, label, pattern in _TRIGGER_RES:
        for m in pattern.finditer(body, sentence.start, sentence.end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if _HYPOTHETICAL_BEFORE.search(body, sentence.start, m.start()):
                continue
            if kind in _SCHEDULED_KINDS and _FUTURE.search(sentence.text):
                continue
            out.append((kind, label, m))
    return sorted(out, key=lambda t: t[2].start())


def _date_of(
    read: _Read, index: int, paragraph: Sequence[int], position: int
) -> DateMention | None:
    """The date written nearest ``position``: in its sentence, else in its paragraph."""
    when = _nearest(read.dates_in(index), position)
    if when is not None:
        return when
    around = [
        d
        for i in range(len(read.sentences))
        if paragraph[i] == paragraph[index]
        for d in read.dates_in(i)
    ]
    return _nearest(around, position)


def _mentions(read: _Read) -> list[_Mention]:
    """Every trigger in the article that reports an event, in text order."""
    paragraph = _paragraphs(read.body, read.sentences)
    out: list[_Mention] = []
    words = _trigger_words_in(read.body)
    for index, sentence in enumerate(read.sentences):
        triggers = _triggers(read.body, sentence, words)
        if not triggers:
            continue
        spans = [(m.start(), m.end()) for _, _, m in triggers]
        located = located_in(read.body, sentence, read.countries, read.orgs, read.cities)
        for which, (kind, label, m) in enumerate(triggers):
            when = _date_of(read, index, paragraph, m.start())
            where, places = where_of(located, spans, which)
            hint = _title_hint(kind, read.body, sentence, read.people, read.orgs)
            out.append(_Mention(kind, label, m.start(), index, when, where, places, hint))
    return sorted(out, key=lambda x: x.position)


def _implied(read: _Read, index: int, phrase: FigurePhrase) -> _Mention:
    """The incident a figure stands for when the article names none ("12 people were killed")."""
    sentence = read.sentences[index]
    located = located_in(read.body, sentence, read.countries, read.orgs, read.cities)
    where, places = where_of(located, [(phrase.start, phrase.end)], 0)
    when = _nearest(read.dates_in(index), phrase.start)
    return _Mention(IncidentKind.OTHER, "Incident", phrase.start, index, when, where, places, None)


def _same_event(draft: _Draft, mention: _Mention) -> bool:
    """Whether a mention can be the incident already drafted, as far as this article says."""
    if draft.kind is not mention.kind or draft.label != mention.label:
        return False
    when = mention.dates
    if (
        when is not None
        and draft.start is not None
        and draft.end is not None
        and (when.start > draft.end or draft.start > when.end)
    ):
        return False
    if draft.kind in (IncidentKind.MEETING, IncidentKind.SUMMIT):
        # Several meetings per article are common: only the same place or day joins them.
        if draft.places and mention.places:
            return bool(set(draft.places) & set(mention.places))
        return when is not None and draft.start is not None
    return not (draft.countries and mention.countries) or bool(
        set(draft.countries) & set(mention.countries)
    )


def _draft_incidents(mentions: Sequence[_Mention]) -> list[_Draft]:
    """Mentions grouped into incidents, each joining the latest compatible one before it."""
    drafts: list[_Draft] = []
    for index, mention in enumerate(mentions):
        target = next((d for d in reversed(drafts) if _same_event(d, mention)), None)
        if target is None:
            target = _Draft(mention.kind, mention.label, None, None, [], [], mention.title_hint)
            drafts.append(target)
        if mention.dates is not None:
            starts = [d for d in (target.start, mention.dates.start) if d is not None]
            ends = [d for d in (target.end, mention.dates.end) if d is not None]
            target.start, target.end = min(starts), max(ends)
        target.countries.extend(c for c in mention.countries if c not in target.countries)
        target.places.extend(p for p in mention.places if p not in target.places)
        target.title_hint = target.title_hint or mention.title_hint
        target.mentions.append(index)
    return drafts


def _title(draft: _Draft, names: dict[str, str]) -> str:
    """A short headline: "Armed clash on the Kyrgyz-Tajik border", "Meeting of A and B"."""
    if draft.title_hint and draft.kind is IncidentKind.MEETING:
        return f"{draft.label} of {draft.title_hint}"
    where = where_phrase(draft.places, draft.countries, names)
    if draft.title_hint:
        return f"{draft.label} of {draft.title_hint}{where}"
    return f"{draft.label}{where}"


def _incident_ids(drafts: Sequence[_Draft]) -> list[str]:
    """Local keys ``kind:start:countries``, numbered when two incidents would share one."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    for draft in drafts:
        start = draft.start.isoformat() if draft.start else "undated"
        base = f"{draft.kind.value.lower()}:{start}:{'-'.join(sorted(draft.countries))}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return ids


def _incident_for(
    phrase: FigurePhrase, sentence: int, mentions: Sequence[_Mention], drafts: Sequence[_Draft]
) -> int | None:
    """The draft a figure belongs to: its sentence's, else the one before, else the next."""
    owner = {m: i for i, d in enumerate(drafts) for m in d.mentions}
    with_losses = [i for i, m in enumerate(mentions) if m.kind in _WITH_LOSSES]
    here = [i for i in with_losses if mentions[i].sentence == sentence]
    if here:
        return owner[min(here, key=lambda i: abs(mentions[i].position - phrase.start))]
    before = [i for i in with_losses if mentions[i].sentence < sentence]
    if before:
        return owner[before[-1]]
    after = [i for i in with_losses if mentions[i].sentence > sentence]
    return owner[after[0]] if after else None


def _figure_record(
    article: Article,
    phrase: FigurePhrase,
    incident_id: str,
    sentence: Sentence,
    countries: Sequence[Found],
    speakers: Sequence[Found],
) -> Figure:
    """A figure with who reported it and whose losses it counts, from its sentence."""
    reporters = reporters_in(article.body, sentence.start, sentence.end, countries, speakers)
    reporter = reporter_for(reporters, phrase.start)
    return Figure(
        id=f"{article.id}:f{phrase.start}",
        incident_id=incident_id,
        kind=phrase.kind,
        value=phrase.value,
        qualifier=phrase.qualifier,
        side_country_id=side_of(phrase, reporter, countries),
        reported_by=reported_by(reporter),
        article_id=article.id,
        reported_on=article.published_at.date() if article.published_at else None,
        text=phrase.text,
        span=Span(start=phrase.start, end=phrase.end),
    )


def find_incidents(
    article: Article,
    countries: Sequence[Found],
    orgs: Sequence[Found],
    people: Sequence[Found],
) -> tuple[list[Incident], list[Figure]]:
    """The incidents an article reports and every figure it gives about them."""
    body = article.body
    read = _Read(
        article=article,
        sentences=sentences(body),
        countries=countries,
        orgs=orgs,
        people=people,
        cities=find_places(body, exclude=[o.span for o in orgs]),
    )
    mentions = _mentions(read)
    # Most sentences state no figure: they are not read for dates to skip either.
    phrases = [
        (index, phrase)
        for index, sentence in enumerate(read.sentences)
        if may_hold_a_figure(body, sentence.start, sentence.end)
        for phrase in find_figures(
            body, sentence.start, sentence.end, skip=date_spans(body, sentence.start, sentence.end)
        )
    ]
    if phrases and not any(m.kind in _WITH_LOSSES for m in mentions):
        mentions = sorted([*mentions, _implied(read, *phrases[0])], key=lambda m: m.position)
    drafts = _draft_incidents(mentions)
    ids = _incident_ids(drafts)
    names = {c.key: c.name for c in countries}
    incidents = [
        Incident(
            id=incident_id,
            title=_title(draft, names),
            kind=draft.kind,
            start_date=draft.start,
            end_date=draft.end,
            country_ids=tuple(sorted(draft.countries)),
            places=tuple(draft.places),
            article_ids=(article.id,),
        )
        for draft, incident_id in zip(drafts, ids, strict=True)
    ]
    speakers = [*orgs, *people]
    figures: list[Figure] = []
    for index, phrase in phrases:
        owner = _incident_for(phrase, index, mentions, drafts)
        if owner is not None:
            figures.append(
                _figure_record(
                    article, phrase, ids[owner], read.sentences[index], countries, speakers
                )
            )
    return incidents, figures
