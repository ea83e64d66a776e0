"""Which named organization a bare reference stands for: "the court", "the company", "it".

News names an organization once and then speaks of it by its kind: "the
Labor Court ... the court said", "US Treasury Department ... The department
said", "Kaspersky Lab ... the company said", "al-Shabab ... The armed group has
said". Its unnamed staff speak for it too: "Two Office of Management and Budget
officials said ... one official said", and so does its statement: "A Russian
Ministry of Defense statement said ... the statement said". A sentence opening
on "It said" goes on with the organization that spoke, as the subject of one
of the few sentences before.

Each reference stands for the organization last named before it that fits:
one whose name holds the noun ("court", "ministry"), one of a kind the noun
allows ("company": not a government body), or one named with the noun right
after it ("OMB officials", "Defense Ministry statement").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from search_index.extract import Found
from search_index.extract.anchors import SPEECH_VERBS
from search_index.extract.org_gazetteer import known_organization
from search_index.extract.org_names import head_kind
from search_index.extract.text import sentences
from search_index.models import OrganizationKind

# Nouns a body's own name holds: "the court" is the last organization named "... Court".
_NAMED_NOUNS = frozenset(
    {
        "court", "ministry", "department", "office", "agency", "committee", "council",
        "commission", "embassy", "service", "authority", "bureau", "parliament",
    }
)  # fmt: skip
# Nouns that say only what kind of organization it is.
_KIND_NOUNS = "company|firm|group|organisation|organization|regulator|watchdog"
# Nouns for who speaks for an organization without a name: "OMB officials", "a statement".
_VOICE_NOUNS = "officials?|spokesm[ae]n|spokeswom[ae]n|spokesperson|statement|press service"
_REFERENCE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Tt]his|[Oo]ne|[Aa]n?|[Ii]ts)\s+(?:[a-z][\w-]*\s+){0,2}?"
    rf"(?P<noun>{'|'.join(sorted(_NAMED_NOUNS))}|{_KIND_NOUNS}|{_VOICE_NOUNS})(?![\w-])"
)
_VOICE_NOUN = re.compile(_VOICE_NOUNS)
_VOICE = re.compile(rf"\s+(?:{_VOICE_NOUNS})(?![\w-])")
_NEXT_WORD = re.compile(r"\s[A-Z]\w+")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{3,6}(?![\w-])")
_ONE = re.compile(r"(?<![\w-])[Oo]ne(?:\s+of\s+them)?\s*$")
_IT = re.compile(r"\s*[Ii]t\s*")
# A speech verb right after a name, past an apposition's comma: "Abta said", "Abta, says".
_SPEAKS = re.compile(rf",?\s+(?:has\s+|have\s+|had\s+)?(?:{SPEECH_VERBS})\b")
# Kinds of organization a kind noun may stand for.
_NOT_A_COMPANY = frozenset(
    {
        OrganizationKind.GOVERNMENT_BODY,
        OrganizationKind.INTERGOVERNMENTAL,
        OrganizationKind.MEDIA,
        OrganizationKind.MILITARY,
    }
)
_STATE_KINDS = frozenset({OrganizationKind.GOVERNMENT_BODY, OrganizationKind.INTERGOVERNMENTAL})
# How far into its sentence an organization may be named and still be its subject.
_SUBJECT_WORDS = 6
# How many sentences back "It said" may reach for the organization that spoke.
_IT_SENTENCES = 3


def _kind(org: Found) -> OrganizationKind | None:
    """The organization's kind as its name tells it; None when the name does not say."""
    known = known_organization(org.name)
    if known is not None:
        return known.kind
    return head_kind(org.name.split()) or head_kind(org.surface.split())


def _fits(org: Found, label: str, noun: str) -> bool:
    """Whether ``org``, named ``label`` in the text, may be spoken of as "the <noun>"."""
    if noun in _NAMED_NOUNS:
        return noun in label
    kind = _kind(org)
    if noun in {"company", "firm"}:
        return kind not in _NOT_A_COMPANY and kind is not None
    if noun in {"regulator", "watchdog"}:
        return kind in _STATE_KINDS
    # "the group", "the organisation": any but a state's body or a newspaper.
    return kind not in _STATE_KINDS and kind is not OrganizationKind.MEDIA


def _next_word(text: str, org: Found) -> str:
    match = _NEXT_WORD.match(text, org.span.end)
    return match.group() if match is not None else ""


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


class OrgReferences:
    """Resolves bare references to the organizations one article names."""

    def __init__(self, text: str, orgs: Sequence[Found]):
        """Index the organization mentions of ``text``."""
        self._text = text
        self._orgs = sorted(orgs, key=lambda f: f.span.start)
        self._starts = [s.start for s in sentences(text)]
        # Organizations named with their voice right after: "OMB officials", "... statement".
        self._voiced = [o for o in self._orgs if _VOICE.match(text, o.span.end)]
        # How the text names each: its name, its words there and the word after them, since
        # a name may stop short of its noun ("US Treasury| Department").
        self._labels = [f"{o.name} {o.surface}{_next_word(text, o)}".lower() for o in self._orgs]

    def in_part(self, start: int, end: int) -> Found | None:
        """The organization a reference in ``text[start:end]`` stands for, if any."""
        part = self._text[start:end]
        if _IT.fullmatch(part):
            return self.subject_before(start)
        if _ONE.search(part):
            # "though one said": one of the officials last named.
            voiced = [o for o in self._voiced if o.span.end <= start]
            return voiced[-1] if voiced else None
        match = _REFERENCE.search(self._text, start, end)
        if match is None:
            return self.by_acronym(start, end)
        noun = match.group("noun")
        if _VOICE_NOUN.fullmatch(noun):
            voiced = [o for o in self._voiced if o.span.end <= match.start()]
            return voiced[-1] if voiced else None
        fitting = [
            o
            for o, label in zip(self._orgs, self._labels, strict=True)
            if o.span.end <= match.start() and _fits(o, label, noun)
        ]
        return fitting[-1] if fitting else None

    def by_acronym(self, start: int, end: int) -> Found | None:
        """The organization whose initials an acronym in ``text[start:end]`` spells ("SOHR")."""
        for acronym in _ACRONYM.findall(self._text, start, end):
            spelled = [o for o in self._orgs if _initials(o.name) == acronym]
            if spelled:
                return spelled[-1]
        return None

    def subject_before(self, offset: int) -> Found | None:
        """The organization that last spoke as a sentence's subject before ``offset``.

        "The travel trade organisation, Abta, says ... It says": an
        organization merely named ("Along with TASS, the list includes") is no
        one "it" can stand for.
        """
        here = bisect_right(self._starts, offset) - 1
        for org in reversed([o for o in self._orgs if o.span.end <= offset]):
            index = bisect_right(self._starts, org.span.start) - 1
            if index == here:
                continue
            if here - index > _IT_SENTENCES:
                return None
            # A colon opens a clause of its own: "... included: Abta said".
            before = self._text[self._starts[index] : org.span.start].rpartition(":")[2]
            opening = len(before.split()) < _SUBJECT_WORDS
            if opening and _SPEAKS.match(self._text, org.span.end):
                return org
        return None
