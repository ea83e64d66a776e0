"""Organization names no gazetteer holds, read from how news writes them.

The weakest rules of :mod:`~search_index.extract.organizations`, so each keeps
away from what a stronger rule found: capitalized names built around an
organization word ("Department of Homeland Security", "Russia-NATO Council"),
names a lower-case noun introduces ("sports chain Decathlon"), names a chief
executive's title follows ("Mineral Resources chief executive Chad Morrison"),
"the X party", and sports clubs ("RB Leipzig").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from search_index.extract import Found
from search_index.extract.countries import surface_forms
from search_index.extract.gazetteer import org_words
from search_index.extract.name_matching import name_spans
from search_index.extract.org_bodies import body_forms
from search_index.extract.org_gazetteer import OrgHit, known_organization, party_named
from search_index.extract.person_names import is_honorific
from search_index.extract.roles import is_title_word
from search_index.extract.text import (
    NAME_CONNECTORS,
    Token,
    capitalized_runs,
    in_shouted_sentence,
    overlaps,
    sentence_at,
    strip_possessive,
    tokens,
)
from search_index.models import Organization, OrganizationKind
from search_index.names import slug

#: Small words inside organization names ("Organization for Security and Co-operation in Europe").
ORG_CONNECTORS = NAME_CONNECTORS | {"in", "on", "to", "&"}
#: Words that join a known name into a longer one ("China Society for WTO Studies").
_INNER_CONNECTORS = frozenset({"of", "for", "on", "in"})
#: A channel number after a broadcaster's name: "NPO Radio 1", "BBC Radio 4".
_CHANNEL_NUMBER = re.compile(r" \d{1,2}(?![\w.,]\d)")
#: A capitalized word, inner dots allowed ("U.S"), a sentence's closing dot not.
_NAME = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
_PARTY = re.compile(rf"\b(?P<name>{_NAME}(?: {_NAME})?) party\b")


# --- Names built around an organization word -------------------------------------------


def head_kind(words: Sequence[str]) -> OrganizationKind | None:
    """The kind a name's organization word gives it, None when it has no such word.

    A governmental head in a name opening with "International", "European",
    "World", ... makes a body of no single state ("International Energy Agency").
    """
    present = set(words)
    if not present & org_words().heads:
        return None
    for kind, markers in org_words().kind_markers.items():
        if present.intersection(markers):
            if kind is OrganizationKind.GOVERNMENT_BODY and words[0] in org_words().international_openers:
                return OrganizationKind.INTERGOVERNMENTAL
            return kind
    return OrganizationKind.OTHER


def _split_at_and(words: list[Token]) -> list[list[Token]]:
    """A run cut where "and" joins two names ("... Security and the Federal Statistics Office")
    rather than two words of one ("Office of Management and Budget")."""
    for i, word in enumerate(words):
        if word.text != "and" or i + 1 >= len(words):
            continue
        left, right = words[:i], words[i + 1 :]
        two_names = right[0].text == "the" or all(
            head_kind([w.text for w in side]) is not None for side in (left, right)
        )
        if two_names:
            return [left, *_split_at_and(right)]
    return [words]


def _describes(word: str) -> bool:
    """A compound that describes what follows rather than names it: "Beijing-based", "U.S.-led"."""
    last = word.rsplit("-", 1)[-1]
    return "-" in word and last.islower()


def _trimmed_name(words: list[Token]) -> tuple[list[Token], str | None]:
    """The organization name inside a run of words, and the country a possessive gives it.

    Leading small words, dates, descriptive compounds and possessives go
    ("Tuesday the ...", "Beijing-based", "Russia's Aerospace Force"); what
    follows the last organization word stays unless it holds a title or a date
    ("Assembly Election"). A run opening with a title names a person's post.
    """
    country: str | None = None
    while words and (
        words[0].text in org_words().lead_ins
        or words[0].text in ORG_CONNECTORS
        or _describes(words[0].text)
        or strip_possessive(words[0].text) != words[0].text
    ):
        owner = strip_possessive(words[0].text)
        country = surface_forms().get(owner, country) if owner != words[0].text else country
        words = words[1:]
    heads = [i for i, w in enumerate(words) if w.text in org_words().heads]
    if not heads or words[0].text in org_words().titles:
        return [], None
    tail = words[heads[-1] + 1 :]
    if any(w.text in org_words().titles or w.text in org_words().lead_ins for w in tail):
        words = words[: heads[-1] + 1]
    return words, country


def _embedded(text: str, hit: OrgHit) -> bool:
    """Whether a known name is a part of a longer one: hyphen-joined ("Russia-NATO Council",
    "OPCW-UN Joint ...") or after a connector ("China Society for WTO Studies")."""
    joined_before = text[hit.start - 2 : hit.start - 1].isalnum() and text[hit.start - 1] == "-"
    joined_after = text[hit.end : hit.end + 1] == "-" and text[hit.end + 1 : hit.end + 2].isalnum()
    if joined_before or joined_after:
        return True
    before = tokens(text, max(0, hit.start - 40), hit.start)
    return (
        len(before) >= 2
        and before[-1].text in _INNER_CONNECTORS
        and before[-2].text[0].isupper()
        and before[-2].text not in org_words().lead_ins
        and text[before[-2].end : hit.start].count(" ") == 2
    )


def _organ_lists(text: str, taken: Sequence[OrgHit]) -> list[tuple[int, int]]:
    """Sentences listing an organization's own organs ("the CSTO Foreign Ministers Council,
    Defense Ministers Council, ..."): an organization's name opening a longer capitalized
    name that is not a person's title ("NATO Secretary General ..."). The organs listed
    there are parts of it, not organizations of their own."""
    spans: list[tuple[int, int]] = []
    for hit in taken:
        if _embedded(text, hit):
            continue
        following = tokens(text, hit.end, min(len(text), hit.end + 30))
        if (
            following
            and text[hit.end : following[0].start] == " "
            and following[0].text[0].isupper()
            and following[0].text not in org_words().titles
        ):
            sentence = sentence_at(text, hit.start)
            if sentence is not None:
                spans.append((sentence.start, sentence.end))
    return spans


def _with_channel(text: str, words: list[Token]) -> int:
    """Where a name ends, a broadcaster's channel number included ("NPO Radio 1")."""
    end = words[-1].end
    media = org_words().kind_markers.get(OrganizationKind.MEDIA, frozenset())
    number = _CHANNEL_NUMBER.match(text, end) if words[-1].text in media else None
    return number.end() if number else end


def _absorbable(text: str, start: int, end: int, inside: Sequence[OrgHit]) -> bool:
    """Whether the known names overlapping a candidate [start, end) are parts of it."""
    return all(
        start <= hit.start and hit.end <= end and (hit.start, hit.end) != (start, end)
        and _embedded(text, hit)
        for hit in inside
    )


def _parts_with_heads(text: str) -> Iterator[list[Token]]:
    """The capitalized runs of ``text`` that hold an organization word, each cut at "and"."""
    heads = org_words().heads
    for run in capitalized_runs(text):
        # Most runs ("Kyrgyzstan", "John Smith") hold no organization word, so no name, and
        # are not tokenized. No punctuation stands inside a run: its words are its text split.
        if heads.isdisjoint(run.text.split()):
            continue
        yield from _split_at_and(tokens(text, run.start, run.end))


def headed_names(text: str, taken: Sequence[OrgHit]) -> tuple[list[OrgHit], list[OrgHit]]:
    """Capitalized names holding an organization word: "Department of Homeland Security".

    Returns the names and the known names they absorb ("NATO" inside
    "Russia-NATO Council"). A name never takes what a stronger rule found
    otherwise, nor stands in an organization's list of organs
    (:func:`_organ_lists`); it holds a capitalized word besides its
    organization words ("the Council" is no name); a government body with no
    country ("the Security Council") is left to the bare-body rule. A name
    opening with a compound of an intergovernmental organization is one too.
    """
    hits: list[OrgHit] = []
    absorbed: list[OrgHit] = []
    organs = _organ_lists(text, taken)
    for part in _parts_with_heads(text):
        words, country = _trimmed_name(part)
        if len(words) < 2:
            continue
        start, end = words[0].start, _with_channel(text, words)
        inside = [h for h in taken if overlaps(h.start, h.end, start, end)]
        if not _absorbable(text, start, end, inside):
            continue
        if any(s <= start < e for s, e in organs):
            continue
        names = [w.text for w in words]
        kind = head_kind(names)
        proper = [n for n in names if n not in ORG_CONNECTORS and n not in org_words().heads]
        if kind is None or not proper or in_shouted_sentence(text, start):
            continue
        if names[-1] in org_words().place_words:
            continue  # "Jomo Kenyatta International Airport" is a place
        name = text[start:end]
        if name in body_forms():
            continue  # a body with no country is the bare-body rule's to judge
        opening = [h for h in inside if h.start < words[0].end]
        if any(h.org.kind is OrganizationKind.INTERGOVERNMENTAL for h in opening):
            kind = OrganizationKind.INTERGOVERNMENTAL
        org = known_organization(name) or Organization(
            id=slug(name), name=name, kind=kind, country_id=country
        )
        hits.append(OrgHit(start, end, org))
        absorbed.extend(inside)
    return hits, absorbed


# --- Names a noun introduces --------------------------------------------------------------


@lru_cache(maxsize=1)
def _introduced_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted(org_words().kind_nouns, key=len, reverse=True))
    inner = "|".join(sorted(ORG_CONNECTORS - {"&"}))
    words = rf"{_NAME}(?:(?: (?:{inner}))? {_NAME}){{0,4}}"
    return re.compile(rf"\b(?P<noun>{nouns}),? (?P<name>{words})")


def _plain_name(words: Sequence[str]) -> bool:
    """Whether capitalized words can be an organization's name: no date, title, honorific or
    country opens it, and no title word is in it ("company CEO Tim Cook")."""
    first = words[0]
    return not (
        first in org_words().lead_ins
        or is_honorific(first)
        or " ".join(words) in surface_forms()
        or any(is_title_word(w) or w in org_words().titles for w in words)
    )


def introduced_names(text: str) -> list[OrgHit]:
    """Names right after a lower-case noun saying what they are: "sports chain Decathlon",
    "The travel trade organisation, Abta, says", "the broadcaster RTL" (kind from the name's
    organization word, else from the noun).

    Once introduced, the name is the organization's wherever the text repeats it
    ("Abta chief executive Mark Tanzer").
    """
    introduced = _introduced(text)
    orgs = {text[hit.start : hit.end]: hit.org for hit in introduced}
    if not orgs:
        return []
    return [OrgHit(start, end, orgs[text[start:end]]) for start, end in name_spans(text, orgs)]


def _introduced(text: str) -> list[OrgHit]:
    hits: list[OrgHit] = []
    for match in _introduced_pattern().finditer(text):
        words = [strip_possessive(w) for w in match.group("name").split()]
        if not _plain_name(words) or in_shouted_sentence(text, match.start()):
            continue
        name = " ".join(words)
        start = match.start("name")
        kind = head_kind(words) or org_words().kind_nouns[match.group("noun")]
        org = known_organization(name) or Organization(id=slug(name), name=name, kind=kind)
        hits.append(OrgHit(start, start + len(name), org))
    return hits


def party_names(text: str, countries: Sequence[Found]) -> list[OrgHit]:
    """Parties named "the <Name> party" in lower case: "the conservative Istiqlal party".

    Ideologies ("Islamist party") and nationalities ("the Kyrgyz party") are no
    names; a name the party gazetteer knows is that party.
    """
    hits: list[OrgHit] = []
    if " party" not in text:
        return hits  # every match ends so, and most articles name no party: skip the scan
    for match in _PARTY.finditer(text):
        words = match.group("name").split()
        if words[0] in org_words().lead_ins and len(words) > 1:
            words = words[1:]
        if not _plain_name(words) or any(
            w.endswith(("ist", "ists")) or w in surface_forms() or strip_possessive(w) != w
            for w in words
        ):
            continue
        name = " ".join(words)
        start = match.end("name") - len(name)
        org = party_named(f"{name} Party", countries) or party_named(name, countries)
        if org is None:
            org = Organization(
                id=slug(name), name=name, aliases=(f"{name} party",), kind=OrganizationKind.OTHER
            )
        hits.append(OrgHit(start, match.end(), org))
    return hits


@lru_cache(maxsize=1)
def _club_pattern() -> re.Pattern[str]:
    prefixes = "|".join(sorted(org_words().club_prefixes, key=len, reverse=True))
    return re.compile(rf"\b(?:{prefixes}) {_NAME}(?: {_NAME})?\b")


def club_names(text: str) -> list[OrgHit]:
    """Sports clubs named with their club prefix: "RB Leipzig", "FC Barcelona", "AC Milan"."""
    hits: list[OrgHit] = []
    if not any(f"{prefix} " in text for prefix in org_words().club_prefixes):
        return hits  # a few plain searches rule out most articles, which name no club
    for match in _club_pattern().finditer(text):
        words = match.group().split()
        if not _plain_name(words[1:]) or in_shouted_sentence(text, match.start()):
            continue
        name = match.group()
        org = Organization(id=slug(name), name=name, kind=OrganizationKind.OTHER)
        hits.append(OrgHit(match.start(), match.end(), org))
    return hits


# --- Names a chief executive's title follows -----------------------------------------------

#: "Mineral Resources chief executive Chad Morrison", "Yahoo CEO Marissa Mayer". Only the
#: titles companies give: "spokesman" and "chairman" follow a person or a party too.
_EXECUTIVE_OF = re.compile(
    rf"\b(?P<name>{_NAME}(?: {_NAME}){{0,3}}) (?:chief executive|CEO)(?: officer)? (?=[A-Z])"
)

#: A capitalized abbreviation right before a name: "U.S. Steel", whose "U.S." the name
#: pattern cannot take in.
_AFTER_ABBREVIATION = re.compile(r"[A-Z]\. $")


def executive_employers(text: str) -> list[OrgHit]:
    """Companies named right before their chief executive's title and name, wherever the
    text repeats the name. Words opening a sentence ("Meanwhile") are left out; a country
    ("American CEO ..."), a title ("Former CEO ...") or a bare noun ("Company CEO ...") is
    no company, and a name after an abbreviation ("U.S. Steel Corp") may start before it."""
    if "CEO" not in text and "chief executive" not in text:
        return []  # most articles name no chief executive: skip the scan
    orgs: dict[str, Organization] = {}
    for match in _EXECUTIVE_OF.finditer(text):
        words = [strip_possessive(w) for w in match.group("name").split()]
        while words and words[0] in org_words().lead_ins:
            words = words[1:]
        if not words or not _plain_name(words) or in_shouted_sentence(text, match.start()):
            continue
        name = " ".join(words)
        if name.lower() in org_words().kind_nouns or name in org_words().heads:
            continue
        if _AFTER_ABBREVIATION.search(text, max(0, match.start() - 4), match.start()):
            continue
        kind = head_kind(words) or OrganizationKind.OTHER
        orgs.setdefault(
            name, known_organization(name) or Organization(id=slug(name), name=name, kind=kind)
        )
    if not orgs:
        return []
    return [OrgHit(start, end, orgs[text[start:end]]) for start, end in name_spans(text, orgs)]
