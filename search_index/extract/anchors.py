"""Where a name in a text is surely a person's: next to a title, a descriptor, an address, a verb.

A capitalized run alone is too weak a sign (sentence starts, places, bodies),
so a person is only made where something anchors the name:

* a title before it: "Kyrgyz Security Council Secretary Marat Imankulov",
  "Secretary General of the CSTO Stanislav Zas", "FM Kulubaev",
  "his Tajik counterpart Nasrullo Mahmudzoda", "her attorney, Maryam Hashemi.";
* a title after it, set off by a comma: "Stanislav Zas, the secretary general
  of the Collective Security Treaty Organization", "Martin Shanahan, IDA
  Ireland's chief executive";
* a descriptor or a kinship word: "British teenager Scarlett Keeling",
  "whose son Lee Hsien Loong";
* a form of address: "Mr Trump";
* a speech verb: "Trump said", "..., said Imankulov."
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from search_index.extract import Found
from search_index.extract.name_matching import longest_first, word_start_first, written_alone
from search_index.extract.person_names import (
    NameRun,
    is_country_name,
    is_stop_word,
    name_after,
    name_before,
)
from search_index.extract.roles import (
    COUNTERPART,
    DESCRIPTOR,
    HONORIFICS,
    is_city,
    is_national,
    normal_title,
    portfolio,
    title_pattern,
)
from search_index.extract.text import Sentence, Token, is_capitalized, sentences, tokens
from search_index.models import EntityKind

#: Verbs that report speech; a name right before one is a speaker.
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|stated|noted|claimed|claims|stressed|warned|explained"
    "|announced|insisted|argued|wrote|tweeted|replied|responded|recalled|acknowledged|admitted"
    "|confirmed|denied|emphasized|emphasised|underlined|suggested|reported|declared|maintained"
)
# Written as tries (see name_matching): after a verb or a title of address must come what no
# word goes on with, so no two of them can match at one place and their order changes nothing.
_VERBS = longest_first(SPEECH_VERBS.split("|"))
_SPEECH_AFTER = re.compile(rf"(?<![\w-])(?:{_VERBS})(?![\w-])")
_SPEECH_BEFORE = re.compile(rf"(?:,|[”\"])\s*(?:{_VERBS})\s+")
# Honorifics open with a capital, which few characters of a text are: the regex skips to those.
_HONORIFIC = re.compile(rf"{word_start_first(HONORIFICS)}\.?\s+")
_CAPITAL_NEXT = re.compile(r" [A-Z]")
# What joins a title to its body: "chief of the ...", "spokesman for the Ministry ...", a
# descriptive compound skipped ("deputy director of the Beijing-based China Society ...").
_OF = re.compile(
    r"\s+(?:of|at|for)\s+(?:the\s+)?(?:[A-Z][\w.]*-(?:based|led|backed|owned|run|funded)\s+)?"
)
# What a title is "former", "acting" ... in: the holder's status, written before it.
_STATUS = re.compile(r"(?i:(?P<status>former|acting|interim|outgoing)\s+|(?P<ex>ex-))$")
# A rank word before a title that does not hold it: "Deputy Superintendent of Police".
_RANK = re.compile(r"(?P<rank>(?i:deputy|assistant|vice))[\s-]+$")
_POSSESSIVE = re.compile(r"(?:his|her|their|its)\s+$", re.IGNORECASE)
# An owner's possessive and the lower-case field of a generic title between it and the
# title: "The European Union's foreign policy chief", "Dortmund's chief executive".
_OWNER_FIELD = re.compile(
    r"(?P<owner>['’]s|(?<=s)['’])\s+(?P<field>(?:[a-z]+\s+){0,3})$"
)
# Words that qualify the holder, not the office: "Somalia's new president".
_NOT_A_FIELD = frozenset({
    "new", "top", "senior", "former", "acting", "interim", "outgoing", "current", "then",
    "longtime", "veteran", "incoming", "late", "own", "also", "the", "a", "an", "and", "or",
})
# Endings of words that judge the holder rather than name the office's field:
# "combative press secretary", "embattled chief", "influential adviser".
_QUALITY_ENDINGS = ("ive", "ous", "ful", "less", "ial", "ed", "ing")
# What stands between a name, its comma and the title set after it: ", the ", ",- Somalia's new ",
# ", IDA Ireland's ".
_APPOSITION_OPEN = re.compile(
    r"[,(][\s-]*(?:(?i:the|a|an|his|her|its|their)\s+)?"
    r"(?P<owner>(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*['’]s\s+)?"
    r"(?:(?:new|former|late|acting|interim|then|outgoing|incoming|current|top)\s+)*$"
)
# A title followed by its holder after a comma: "her attorney, Maryam Hashemi.", "the minister
# for victims affairs, Juliette Meadel, tweeted".
_TITLE_THEN_NAME = re.compile(r"(?:\s+(?:for|of)\s+[a-z][a-z ]{0,40}?)?,\s+")
_NAME_CLOSED = re.compile(r"[,.;)]|\s+(?:" + SPEECH_VERBS + r")\b|$")
# A name set before what it is a part of: "Abdallah al-Muhaysini, a senior member of Jabhat
# Fatah al-Sham,". Only people are members, leaders or founders "of" something.
_MEMBER_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?:senior|top|leading|founding|prominent|former|key|veteran)\s+)*"
    r"(?:member|leader|founder|co-founder|figure|ideologue|commander)\s+(?:of|in)\s+"
)


@dataclass(frozen=True, slots=True)
class Anchor:
    """One name found where it is surely a person's, with the role written next to it."""

    name: NameRun
    title: str | None = None
    organization: Found | None = None
    country: Found | None = None
    counterpart: bool = False
    start: int = 0
    end: int = 0
    status: str | None = None


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A title with the bodies and countries written around it."""

    title: str
    start: int
    end: int
    organization: Found | None
    country: Found | None
    counterpart: bool
    status: str | None = None


def is_headline(sentence: Sentence) -> bool:
    """Whether a line is set in headline case ("CSTO Mechanisms to be Launched on ...").

    A line with no closing punctuation whose content words are capitalized is
    a heading, not prose: its capitals say nothing about names. Prose full of
    names ("Kyrgyz Foreign Minister Jeenbek Kulubaev met ...") ends with a stop.
    """
    return _headline(sentence)


# Kept per sentence: people, statements and their anchors each ask it of every sentence.
@lru_cache(maxsize=1024)
def _headline(sentence: Sentence) -> bool:
    if sentence.text.rstrip('"”’)').endswith((".", "!", "?")):
        return False
    words = [t.text for t in tokens(sentence.text) if len(t.text) > 3]
    return len(words) >= 3 and sum(map(is_capitalized, words)) >= 0.75 * len(words)


def _adjacent_before(text: str, pos: int, found: Sequence[Found]) -> Found | None:
    adjacent = [
        item
        for item in found
        if pos - 2 <= item.span.end <= pos and not text[item.span.end : pos].strip()
    ]
    # The longest wins, as after a title.
    return min(adjacent, key=lambda f: f.span.start, default=None)


def _starting_at(pos: int, found: Sequence[Found]) -> Found | None:
    # The longest wins: "Kyrgyz Security Council" over the "Kyrgyz" it opens with.
    starting = [item for item in found if item.span.start == pos]
    return max(starting, key=lambda f: f.span.end, default=None)


@dataclass(frozen=True, slots=True)
class _Scans:
    """What the anchor rules read of a text whatever entities they are given.

    People and statements both ask for the anchors of one article (with other
    entities), so the text is scanned once for both.
    """

    skip: tuple[Sentence, ...]
    titles: tuple[re.Match[str], ...]
    honorifics: tuple[re.Match[str], ...]
    descriptors: tuple[re.Match[str], ...]
    members: tuple[re.Match[str], ...]
    speech_after: tuple[re.Match[str], ...]
    speech_before: tuple[re.Match[str], ...]


@lru_cache(maxsize=16)
def _scans(text: str) -> _Scans:
    return _Scans(
        skip=tuple(s for s in sentences(text) if is_headline(s)),
        titles=tuple(title_pattern().finditer(text)),
        honorifics=tuple(_HONORIFIC.finditer(text)),
        descriptors=tuple(DESCRIPTOR.finditer(text)),
        members=tuple(_MEMBER_AFTER.finditer(text)),
        speech_after=tuple(_SPEECH_AFTER.finditer(text)),
        speech_before=tuple(_SPEECH_BEFORE.finditer(text)),
    )


def _phrase(text: str, match: re.Match[str], entities: Sequence[Found]) -> _Phrase | None:
    title = normal_title(match.group())
    if title is None:
        return None
    start = match.start()
    title, end = portfolio(title, text, match.end())
    rank = _RANK.search(text, max(0, start - 12), start)
    if rank is not None and rank.group("rank").lower() not in title.lower():
        title, start = f"{rank.group('rank').capitalize()} {title}", rank.start()
    organization: Found | None = None
    country: Found | None = None
    owned = _owner_before(text, start, entities)
    if owned is not None and is_national(title) and (owned[0].kind is not EntityKind.COUNTRY or owned[1]):
        owned = None  # a national office is a country's, and its title names its field already
    if owned is not None:
        owner, field, start = owned
        if field and not any(word.endswith(_QUALITY_ENDINGS) for word in field.split()):
            title = f"{field.title()} {title}"  # "foreign policy chief"
        if owner.kind is EntityKind.ORGANIZATION:
            organization = owner
        else:
            country = owner
    # Before the title: "Kyrgyz Security Council", "Russian", "his Tajik".
    while (before := _adjacent_before(text, start, entities)) is not None:
        if before.kind is EntityKind.ORGANIZATION and organization is None and country is None:
            organization = before
        elif before.kind is EntityKind.COUNTRY and country is None:
            country = before
        else:
            break
        start = before.span.start
    counterpart = title == COUNTERPART
    possessive = _POSSESSIVE.search(text, max(0, start - 8), start)
    if possessive is not None and possessive.end() == start:
        start = possessive.start()
    status: str | None = None
    qualifier = _STATUS.search(text, max(0, start - 10), start)
    if qualifier is not None:
        status, start = (qualifier.group("status") or "former").lower(), qualifier.start()
    # After it: "of the CSTO", "of Pakistan".
    of = _OF.match(text, end)
    if of is not None:
        target = _starting_at(of.end(), entities)
        if target is not None and target.kind is EntityKind.ORGANIZATION and organization is None:
            organization, end = target, target.span.end
        elif target is not None and target.kind is EntityKind.COUNTRY and country is None:
            if _CAPITAL_NEXT.match(text, target.span.end):
                # "managing director of China Telecom Europe": the country opens a body's name.
                return None
            country, end = target, target.span.end
        elif target is None:
            end = _unknown_body_end(text, of.end(), end)
    return _Phrase(title, start, end, organization, country, counterpart, status)


def _owner_before(text: str, start: int, entities: Sequence[Found]) -> tuple[Found, str, int] | None:
    """The body or country whose title this is, written as its possessive before it.

    "The European Union's foreign policy chief Josep Borrell": the European
    Union, the field "foreign policy", and where the phrase starts. The field
    is up to three lower-case words between; the title takes them in unless
    one judges the holder ("combative press secretary").
    """
    match = _OWNER_FIELD.search(text, max(0, start - 60), start)
    if match is None:
        return None
    field = match.group("field").split()
    if any(word in _NOT_A_FIELD for word in field):
        return None
    # The longest name ending there: "IDA Ireland", not the "Ireland" it ends with.
    ending = [e for e in entities if e.span.end == match.start("owner")]
    owner = min(ending, key=lambda e: e.span.start, default=None)
    if owner is None or owner.kind not in (EntityKind.ORGANIZATION, EntityKind.COUNTRY):
        return None
    return owner, " ".join(field), owner.span.start


def _unknown_body_end(text: str, start: int, end: int) -> int:
    """Past a body no rule knows that a title is "of": "Superintendent of Police Sammy Tavares".

    Its capitalized words run into the holder's name; the body ends with its
    last body word ("Police", "Council", "Ministry"), the name follows.
    """
    words: list[Token] = []
    for word in tokens(text, start, min(len(text), start + 80)):
        if text[(words[-1].end if words else start) : word.start].strip() or not (
            is_capitalized(word.text) or word.text in {"of", "the", "and", "for"}
        ):
            break
        words.append(word)
    last_body = max((i for i, w in enumerate(words) if is_stop_word(w.text)), default=-1)
    if last_body < 0 or last_body == len(words) - 1:
        return end
    return words[last_body].end


def _inside_any(start: int, end: int, found: Sequence[Found]) -> bool:
    return any(f.span.start <= start and end <= f.span.end for f in found)


def _title_anchors(text: str, entities: Sequence[Found], skip: Sequence[Sentence]) -> list[Anchor]:
    anchors: list[Anchor] = []
    for match in _scans(text).titles:
        if _inside_any(match.start(), match.end(), entities) or _in(skip, match.start()):
            continue
        phrase = _phrase(text, match, entities)
        if phrase is None:
            continue
        after = name_after(text, phrase.end, entities)
        if after is not None:
            anchors.append(_anchor(after, phrase, phrase.start, after.end))
            continue
        apposed = _apposed(text, phrase, entities)
        if apposed is not None:
            anchors.append(apposed)
            continue
        held = _holder_after_comma(text, phrase.end, entities)
        if held is not None:
            anchors.append(_anchor(held, phrase, phrase.start, held.end))
    return anchors


def _holder_after_comma(text: str, end: int, entities: Sequence[Found]) -> NameRun | None:
    """The name after "TITLE, " when it closes there ("her attorney, Maryam Hashemi.")."""
    comma = _TITLE_THEN_NAME.match(text, end)
    if comma is None:
        return None
    name = name_after(text, comma.end(), entities)
    if name is None or len(name.words) < 2 or is_city(name.text):
        return None
    return name if _NAME_CLOSED.match(text, name.end) else None


def _apposed(text: str, phrase: _Phrase, entities: Sequence[Found]) -> Anchor | None:
    """The name a title is set after: "Stanislav Zas, the secretary general of the ...".

    The body or country owning the title may stand between ("Martin Shanahan,
    IDA Ireland's chief executive"; "Mohamed Abdullahi Mohamed, Somalia's new
    president") and then makes the role's organization or country.
    """
    opening = _APPOSITION_OPEN.search(text, max(0, phrase.start - 80), phrase.start)
    if opening is None or phrase.counterpart:
        return None
    closing = text[phrase.end : phrase.end + 1]
    if closing and closing not in ",.;:)" and not text[phrase.end :].startswith((" who", " said")):
        return None
    name = name_before(text, opening.start(), entities)
    # One word before a comma is as often an adverb or a place as a surname ("Separately,").
    if name is None or is_city(name.text) or (len(name.words) == 1 and name.text.endswith("ly")):
        return None
    owner = [e for e in entities if opening.start("owner") <= e.span.start < opening.end("owner")]
    organization = phrase.organization or next(
        (e for e in owner if e.kind is EntityKind.ORGANIZATION), None
    )
    country = phrase.country or next((e for e in owner if e.kind is EntityKind.COUNTRY), None)
    return Anchor(
        name=name,
        title=phrase.title,
        organization=organization,
        country=country,
        start=name.start,
        end=phrase.end,
        status=phrase.status,
    )


def _anchor(name: NameRun, phrase: _Phrase, start: int, end: int) -> Anchor:
    return Anchor(
        name=name,
        title=phrase.title,
        organization=phrase.organization,
        country=phrase.country,
        counterpart=phrase.counterpart,
        start=start,
        end=end,
        status=phrase.status,
    )


def _in(skip: Sequence[Sentence], offset: int) -> bool:
    return any(s.start <= offset < s.end for s in skip)


def _plain(name: NameRun, text: str) -> bool:
    # A speech verb anchors weakly: the name must not be a city ("Moscow said"), a country or
    # an acronym, and one word must not be a common noun the text also writes in lower case
    # ("Staff said", "Researchers said").
    if len(name.words) == 1 and written_alone(name.text.lower(), text):
        return False
    return (
        not is_city(name.text)
        and not is_country_name(name.text)
        and not any(w.isupper() for w in name.words)
    )


def _speech_anchors(text: str, entities: Sequence[Found], skip: Sequence[Sentence]) -> list[Anchor]:
    anchors: list[Anchor] = []
    for match in _scans(text).speech_after:
        name = name_before(text, match.start(), entities)
        if name is not None and not _in(skip, name.start) and _plain(name, text):
            anchors.append(Anchor(name=name, start=name.start, end=name.end))
    for match in _scans(text).speech_before:
        name = name_after(text, match.end(), entities)
        if name is None or _in(skip, name.start) or not _plain(name, text):
            continue
        if text[name.end : name.end + 1] in {".", ",", ";", ""}:
            anchors.append(Anchor(name=name, start=name.start, end=name.end))
    return anchors


def _descriptor_anchors(
    text: str, entities: Sequence[Found], skip: Sequence[Sentence]
) -> list[Anchor]:
    anchors: list[Anchor] = []
    for match in _scans(text).descriptors:
        if _in(skip, match.start()):
            continue
        name = name_after(text, match.end(), entities)
        # A descriptor is a weaker sign than a title: two words at least, and after a comma
        # the name must close there ("her attorney, Maryam Hashemi.").
        if name is None or len(name.words) < 2 or is_city(name.text):
            continue
        if match.group("comma") and not _NAME_CLOSED.match(text, name.end):
            continue
        anchors.append(Anchor(name=name, start=match.start(), end=name.end))
    return anchors


def _member_anchors(text: str, entities: Sequence[Found], skip: Sequence[Sentence]) -> list[Anchor]:
    """Names of two words or more before ", a senior member of ...": a person's, as a title's."""
    anchors: list[Anchor] = []
    for match in _scans(text).members:
        name = name_before(text, match.start(), entities)
        if name is None or len(name.words) < 2 or _in(skip, name.start) or not _plain(name, text):
            continue
        anchors.append(Anchor(name=name, start=name.start, end=name.end))
    return anchors


def _honorific_anchors(
    text: str, entities: Sequence[Found], skip: Sequence[Sentence]
) -> list[Anchor]:
    anchors: list[Anchor] = []
    for match in _scans(text).honorifics:
        if _in(skip, match.start()):
            continue
        name = name_after(text, match.end(), entities)
        if name is not None:
            anchors.append(Anchor(name=name, start=match.start(), end=name.end))
    return anchors


def find_anchors(text: str, entities: Sequence[Found]) -> list[Anchor]:
    """Every anchored name of ``text`` in order; ``entities`` are countries and organizations."""
    skip = list(_scans(text).skip)
    titled = _title_anchors(text, entities, skip)
    # A title knows where its name starts; a speech verb only where it ends
    # ("Minister for Transport Shane Ross said" names Shane Ross, not Transport Shane Ross).
    weak = [
        a
        for a in (
            _honorific_anchors(text, entities, skip)
            + _descriptor_anchors(text, entities, skip)
            + _member_anchors(text, entities, skip)
            + _speech_anchors(text, entities, skip)
        )
        if not any(t.name.start < a.name.end and a.name.start < t.name.end for t in titled)
    ]
    return sorted(titled + weak, key=lambda a: (a.name.start, a.start))
