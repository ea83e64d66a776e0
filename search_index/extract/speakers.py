"""Who a "who" part of a sentence names: a person, an organization, or a word standing for a person.

A pronoun ("he", "she") stands for the person named last before it, outside
any quotation: the people a speaker talks about inside his quote are not the
ones who speak next. A bare title ("the presidential spokesman", "the NATO
secretary general") stands for the person the article introduced with that
title ("Kremlin spokesman Dmitry Peskov"). A bare reference to an organization
("the court", "the company said", "It said") stands for the one it names (see
:mod:`~search_index.extract.speaker_orgs`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from search_index.extract import Found
from search_index.extract.quotes import Quote
from search_index.extract.roles import normal_title, title_pattern
from search_index.extract.speaker_orgs import OrgReferences
from search_index.extract.speech import Reported
from search_index.models import EntityKind, EntityRef

_NAME_WORD = re.compile(r"[A-Z][a-z]+")
_PRONOUN = re.compile(r"(?<![\w-])(?:he|she|He|She|him|her)(?![\w-])")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker found in a "who" part; ``ref`` is None for a pronoun with nobody before it."""

    ref: EntityRef | None


@dataclass(frozen=True, slots=True)
class Titled:
    """A person introduced with a title at ``offset`` ("Kremlin spokesman Dmitry Peskov")."""

    offset: int
    title: str
    person_id: str


class SpeakerFinder:
    """Names speakers from the person and organization mentions of one article."""

    def __init__(
        self,
        people: Sequence[Found],
        orgs: Sequence[Found],
        quotes: Sequence[Quote],
        titled: Callable[[], Sequence[Titled]] = tuple,
        references: OrgReferences | None = None,
    ):
        """Index the mentions; those inside ``quotes`` are never antecedents of a pronoun.

        ``titled`` gives the people introduced with a title. It is called
        only when a part names someone by a bare title, since finding them
        reads the whole text and most articles never ask.
        """
        self._references = references
        self._people = sorted(people, key=lambda f: f.span.start)
        self._orgs = sorted(orgs, key=lambda f: f.span.start)
        self._outside = [
            p for p in self._people if not any(q.start < p.span.start < q.end for q in quotes)
        ]
        self._find_titled = titled
        self._titled: list[Titled] | None = None

    def in_part(self, start: int, end: int, text: str) -> Speaker | None:
        """The speaker named in ``text[start:end]``.

        In order: a person named there (the last one: in "Kyrgyz Security
        Council Secretary Marat Imankulov" the council only qualifies him), a
        pronoun, a bare title, an organization, a reference to one named
        before. None when the part names nobody ("Both sides reported").
        """
        people = [p for p in self._people if start <= p.span.start and p.span.end <= end]
        if people:
            return _person(people[-1].key)
        pronoun = _PRONOUN.search(text, start, end)
        if pronoun is not None:
            return Speaker(self.antecedent(pronoun.start()))
        title = title_pattern().search(text, start, end)
        holder = self._holder(title.group(), start) if title is not None else None
        if holder is not None:
            return _person(holder)
        orgs = [o for o in self._orgs if start <= o.span.start and o.span.end <= end]
        if orgs:
            return _org(orgs[0].key)
        referred = self._references.in_part(start, end) if self._references else None
        if referred is not None:
            return _org(referred.key)
        return self._by_short_name(start, end, text)

    def _by_short_name(self, start: int, end: int, text: str) -> Speaker | None:
        """The one person a part that is one name word stands for ("KCNA quoted Kim as saying")."""
        word = _NAME_WORD.fullmatch(text[start:end].strip())
        if word is None:
            return None
        named = {p.key for p in self._people if word.group() in p.name.split()}
        return _person(named.pop()) if len(named) == 1 else None

    def subject(self, start: int, end: int, text: str) -> Speaker | None:
        """The speaker a sentence opens on, ``text[start:end]`` its first words.

        The first person named there (a later one may be the object of the
        deed), else what :meth:`in_part` finds: in "Department of Homeland
        Security attorneys had opposed ..." the department speaks.
        """
        people = [p for p in self._people if start <= p.span.start and p.span.end <= end]
        return _person(people[0].key) if people else self.in_part(start, end, text)

    def reporter(self, reported: Reported, text: str) -> Speaker | None:
        """The speaker of a piece of reported speech: who its "who" part names.

        A participle's "who" part is the sentence's opening words, where its
        subject stands (see :meth:`subject`).
        """
        if reported.subject:
            return self.subject(reported.who_start, reported.who_end, text)
        return self.in_part(reported.who_start, reported.who_end, text)

    def first_named(self, start: int, end: int) -> Found | None:
        """The first person or organization named within ``[start, end)``."""
        named = [f for f in (*self._people, *self._orgs) if start <= f.span.start < end]
        return min(named, key=lambda f: f.span.start) if named else None

    def antecedent(self, offset: int) -> EntityRef | None:
        """The person a pronoun at ``offset`` stands for: the last one named before it."""
        before = [p for p in self._outside if p.span.end <= offset]
        return EntityRef(kind=EntityKind.PERSON, id=before[-1].key) if before else None

    def named_between(self, start: int, end: int) -> set[str]:
        """The people named between two offsets, outside quotations."""
        return {p.key for p in self._outside if start <= p.span.start < end}

    def _holder(self, spoken: str, offset: int) -> str | None:
        """The person last introduced before ``offset`` with this title, if any."""
        if self._titled is None:
            self._titled = sorted(self._find_titled(), key=lambda t: t.offset)
        title = normal_title(spoken)
        holders = [t for t in self._titled if t.offset < offset and t.title == title]
        return holders[-1].person_id if holders else None


def _person(person_id: str) -> Speaker:
    return Speaker(EntityRef(kind=EntityKind.PERSON, id=person_id))


def _org(org_id: str) -> Speaker:
    return Speaker(EntityRef(kind=EntityKind.ORGANIZATION, id=org_id))
