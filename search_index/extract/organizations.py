"""Organizations named in a text, strongest rule first.

Gazetteer entries (:mod:`~search_index.extract.org_gazetteer`); "Full Name
(ACRONYM)" and "Full Name, or ACRONYM," pairs learned from the text; government bodies
(:mod:`~search_index.extract.org_bodies`: "Kyrgyz Health Ministry", later "the
Health Ministry"); news agencies cited as sources ("(Interfax)", "AKIpress
informed"); and, weakest, names read from their shape
(:mod:`~search_index.extract.org_names`: "Department of Homeland Security",
"sports chain Decathlon"). Membership sentences add member countries ("...
(SCO), which also includes China").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from search_index.extract import Found
from search_index.extract.countries import surface_forms
from search_index.extract.gazetteer import org_words
from search_index.extract.name_matching import name_spans
from search_index.extract.org_bodies import (
    bare_bodies,
    national_agencies,
    qualified_bodies,
    seated_courts,
)
from search_index.extract.org_gazetteer import OrgHit, gazetteer_hits, known_organization
from search_index.extract.org_names import (
    ORG_CONNECTORS,
    club_names,
    executive_employers,
    head_kind,
    headed_names,
    introduced_names,
    party_names,
)
from search_index.extract.text import (
    capitalized_runs,
    is_all_caps,
    non_overlapping,
    sentence_at,
)
from search_index.models import EntityKind, Organization, OrganizationKind, Span
from search_index.names import slug

__all__ = ["find_organizations", "known_organization", "long_form_start"]

_ACRONYM_IN_PARENS = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9/&.\-]{1,11})\)")
#: "Syrian Observatory for Human Rights, or SOHR, told CNN": the acronym set off by commas.
_ACRONYM_AFTER_OR = re.compile(r", or (?P<acronym>[A-Z][A-Za-z0-9/&\-]{1,11})(?=[,;.])")
#: A name that reports or speaks is a body's, not a quantity's: "according to the ... (ISPR)".
#: "..., the military's media wing": a part of a body named by its kind word.
_PART_OF = re.compile(r",? the (?P<owner>[a-z]+)['’]s (?:[a-z]+ ){0,2}(?:wing|arm|branch|unit)\b")
_SOURCE_BEFORE = re.compile(r"according to (?:the )?$")
_SPEECH_AFTER = re.compile(
    r"(?:,[^,]{1,60},|,)? (?:said|says|told|announced|reported|stated|added|confirmed|warned)\b"
)
_MEMBERSHIP = re.compile(
    r"\b(?:unites|includes|include|comprises|comprise|consists of|brings together|groups"
    r"|members are|member states are|members include|member states include|joined by)\b"
)
_LIST_OPENING = re.compile(r"\s+(?:the\s+)?")
_LIST_SEPARATOR = re.compile(r"(?:,\s*|\s+)(?:and\s+|as well as\s+)?(?:the\s+)?")
_DATELINE_SOURCE = re.compile(
    r"^[A-Z][\w .,'-]{0,40}?(?:\d{1,2}(?:,? \d{4})?)?\s*\((?P<name>[A-Z][\w.\-/ ]{1,30})\)\s*[-–—]",
    re.MULTILINE,
)
_NEWS_AGENCY = re.compile(
    r"(?P<before>\b[A-Z][\w.\-]+(?: [A-Z][\w.\-]+)?) news agency"
    r"|news agency (?P<after>[A-Z][\w.\-]+(?: [A-Z][\w.\-]+)?)"
)
_ARTICLES = frozenset({"The", "A", "An"})
_NOT_AGENCY_NAMES = frozenset({"State", "National", "Official", "Local", "Independent"})
_INFORMED = re.compile(r", (?P<name>[A-Z][\w.\-]+(?: [A-Z][\w.\-]+)?) informed\.")


# --- "Full Name (ACRONYM)" --------------------------------------------------------------


def long_form_start(long: str, acronym: str) -> int | None:
    """Where in ``long`` the name that ``acronym`` abbreviates starts, if it does.

    The Schwartz-Hearst rule (Pacific Symposium on Biocomputing, 2003): the
    acronym's letters are found right to left, in order, inside the name, its
    first letter opening a word. "Eurasian Economic Union" spells "EAEU";
    "Shanghai Cooperation Organization" spells "SCO" and "The" is left out.
    """
    letters = [c.lower() for c in acronym if c.isalnum()]
    if not letters:
        return None
    position = len(long) - 1
    for index in range(len(letters) - 1, -1, -1):
        wanted = letters[index]
        while position >= 0 and (
            long[position].lower() != wanted
            or (index == 0 and position > 0 and long[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return None
        position -= 1
    start = position + 1
    words = long[start:].split()
    # A name far longer than its acronym matched letters by chance.
    return start if len(words) <= len(letters) + 3 and long[start].isupper() else None


def _initials_reordered(name: str, acronym: str) -> bool:
    """Whether an acronym spells a translated name's initials in another order: "National
    Rally of Independence (RNI)" abbreviates the French "Rassemblement national des
    indépendants". Only capitalized words count, each once. Names are translated this way
    for organizations (parties, agencies), so no organization word is asked of them."""
    initials = sorted(word[0] for word in name.split() if word[0].isupper())
    return len(initials) >= 2 and initials == sorted(c for c in acronym if c.isupper())


def _reordered_start(run: str, acronym: str) -> int | None:
    """Where the shortest tail of ``run`` whose initials the acronym reorders starts, if any."""
    starts = [m.start() for m in re.finditer(r"(?<!\S)[A-Z]", run)]
    for start in reversed(starts):
        if _initials_reordered(run[start:], acronym):
            return start
    return None


def _with_first_initial(run: str, start: int, acronym: str) -> int:
    """Where the name starts once a word the letter match skipped is taken back: in "China
    Council for the Promotion of International Trade, or CCPIT" the second C was found
    inside "Council", yet the name's capitalized initials spell all of CCPIT."""
    letters = sum(1 for c in acronym if c.isupper())
    initials = sum(1 for word in run[start:].split() if word[0].isupper())
    before = run[:start].split()
    if before and initials < letters and before[-1][0] == acronym[0]:
        return run.rindex(before[-1], 0, start)
    return start


def _part_kind(text: str, position: int) -> OrganizationKind | None:
    """The kind of the body an appositive right after a name makes it a part of:
    "Inter-Services Public Relations (ISPR), the military's media wing" is military."""
    match = _PART_OF.match(text, position)
    if match is None:
        return None
    owner = match.group("owner").capitalize()
    markers = org_words().kind_markers.items()
    return next((kind for kind, words in markers if owner in words), None)


def _speaks(text: str, forms: Sequence[str]) -> bool:
    """Whether the text cites a name as a source: "according to the Inter-Services Public
    Relations (ISPR)", "SOHR told CNN". Only an organization (or a person) speaks; a
    quantity ("Gross Domestic Product (GDP)") never does."""
    for start, end in name_spans(text, forms):
        if _SOURCE_BEFORE.search(text, max(0, start - 17), start):
            return True
        after = _ACRONYM_IN_PARENS.match(text, end) or _ACRONYM_AFTER_OR.match(text, end)
        if _SPEECH_AFTER.match(text, after.end() if after else end):
            return True
    return False


def _acronym_after(text: str, position: int) -> re.Match[str] | None:
    """The acronym a name is given right after it: "(ACRONYM)" or ", or ACRONYM,"."""
    match = _ACRONYM_IN_PARENS.match(text, position) or _ACRONYM_AFTER_OR.match(text, position)
    return match if match is not None and is_all_caps(match.group("acronym")) else None


def _learned_pairs(text: str, countries: Sequence[Found]) -> list[tuple[Span, Organization]]:
    """Pairs "Full Name (ACRONYM)" or "Full Name, or ACRONYM," as the article spells them,
    as organizations."""
    pairs: list[tuple[Span, Organization]] = []
    for run in capitalized_runs(text, connectors=ORG_CONNECTORS):
        match = _acronym_after(text, run.end)
        if match is None:
            continue
        acronym = match.group("acronym")
        spelled_at = long_form_start(run.text, acronym)
        spelled = spelled_at is not None
        if spelled_at is not None:
            offset: int | None = _with_first_initial(run.text, spelled_at, acronym)
        else:
            offset = _reordered_start(run.text, acronym)
        if offset is None:
            continue
        start = run.start + offset
        name = text[start : run.end]
        org = known_organization(acronym) or known_organization(name)
        kind = head_kind(name.split()) or _part_kind(text, match.end())
        if org is None and kind is None and spelled and not _speaks(text, (name, acronym)):
            continue  # "Gross Domestic Product (GDP)" names no organization
        if org is None:
            country_id = next((c.key for c in countries if c.span.start == start), None)
            org = Organization(
                id=slug(acronym),
                name=name,
                acronym=acronym,
                kind=kind or OrganizationKind.OTHER,
                country_id=country_id,
            )
        pairs.append((Span(start=start, end=match.end()), org))
    return pairs


def _learned_hits(text: str, pairs: Sequence[tuple[Span, Organization]]) -> list[OrgHit]:
    hits: list[OrgHit] = []
    for span, org in pairs:
        hits.append(OrgHit(span.start, span.end, org))
        forms = [org.name] + ([org.acronym] if org.acronym else [])
        hits.extend(OrgHit(start, end, org) for start, end in name_spans(text, forms))
    return hits


# --- Media cited as sources -----------------------------------------------------------------


def _media_org(name: str) -> Organization:
    return known_organization(name) or Organization(
        id=slug(name), name=name, kind=OrganizationKind.MEDIA
    )


def _cited_media(text: str) -> list[OrgHit]:
    """Agencies named in a dateline ("BISHKEK. Sept 22 (Interfax) -"), as "X news agency",
    or closing a sentence as "..., AKIpress informed." (news agencies' idiom, never a person's)."""
    hits: list[OrgHit] = []
    for match in _DATELINE_SOURCE.finditer(text):
        name = match.group("name").strip()
        start = match.start("name")
        hits.append(OrgHit(start, start + len(name), _media_org(name)))
    # Most articles name no news agency: a plain search for its fixed words skips the pattern.
    agencies = _NEWS_AGENCY.finditer(text) if "news agency" in text else ()
    for match in agencies:
        group = "before" if match.group("before") else "after"
        start, name = match.start(group), match.group(group)
        first, _, rest = name.partition(" ")
        if first in _ARTICLES and rest:
            start, name = start + len(first) + 1, rest
        if name.split()[0] in _NOT_AGENCY_NAMES or name in surface_forms():
            continue
        hits.append(OrgHit(start, start + len(name), _media_org(name)))
    for match in _INFORMED.finditer(text):
        name = match.group("name")
        if name not in surface_forms():
            hits.append(OrgHit(match.start("name"), match.end("name"), _media_org(name)))
    return hits


# --- Membership ------------------------------------------------------------------------------


def _listed_after(text: str, position: int, countries: Sequence[Found]) -> list[str]:
    """The countries listed right after ``position``: "Armenia, Belarus and Russia"."""
    listed: list[str] = []
    cursor = position
    for found in countries:
        if found.span.start < cursor:
            continue
        gap = text[cursor : found.span.start]
        if not (_LIST_OPENING if not listed else _LIST_SEPARATOR).fullmatch(gap):
            break
        listed.append(found.key)
        cursor = found.span.end
    return listed


def _members_named(
    text: str, hits: Sequence[OrgHit], countries: Sequence[Found]
) -> dict[str, set[str]]:
    """Countries a sentence lists as members after an organization ("The CSTO unites ...").

    Only a list right after the verb counts: "the EU includes a clause on Russia"
    makes no member.
    """
    members: dict[str, set[str]] = {}
    for hit in hits:
        sentence = sentence_at(text, hit.start)
        if sentence is None:
            continue
        verb = _MEMBERSHIP.search(text, hit.end, sentence.end)
        if verb is None or verb.start() - hit.end > 40:
            continue
        named = _listed_after(text, verb.end(), countries)
        members.setdefault(hit.org.id, set()).update(named)
    return members


# --- Together ------------------------------------------------------------------------------


def _merged(org: Organization, hits: Sequence[OrgHit], extra_members: set[str]) -> Organization:
    """One record per organization: the first mention's, with every mention's aliases."""
    aliases = tuple(dict.fromkeys(a for hit in hits for a in hit.org.aliases if a != org.name))
    members = tuple(sorted(set(org.member_ids) | extra_members))
    if aliases == org.aliases and members == org.member_ids:
        return org
    return org.model_copy(update={"aliases": aliases, "member_ids": members})


def _candidates(text: str, countries: Sequence[Found]) -> list[OrgHit]:
    """Every rule's mentions but the weakest, strongest first: on equal spans the first wins."""
    pairs = _learned_pairs(text, countries)
    qualified = qualified_bodies(text, countries)
    return [
        *_learned_hits(text, pairs),
        *qualified,
        *gazetteer_hits(text, countries),
        *_cited_media(text),
        *bare_bodies(text, qualified, countries),
        *party_names(text, countries),
        *seated_courts(text, countries),
        *national_agencies(text),
        *club_names(text),
        *introduced_names(text),
        *executive_employers(text),
    ]


def find_organizations(
    text: str, countries: Sequence[Found]
) -> tuple[list[Found], list[Organization]]:
    """Every organization mention in ``text`` and the records of the organizations mentioned.

    ``countries`` are the country mentions of the same text (from
    :func:`~search_index.extract.countries.find_countries`): they make
    government bodies, choose among parties and make membership lists. Where
    two candidates overlap the longer wins ("Kyrgyz Health Ministry" over
    "Health Ministry"); names of places and competitions are dropped.
    """
    candidates = _candidates(text, countries)
    kept = [candidates[i] for i in non_overlapping([(h.start, h.end) for h in candidates])]
    headed, absorbed = headed_names(text, kept)
    kept = sorted([*(h for h in kept if h not in absorbed), *headed], key=lambda h: h.start)
    kept = [h for h in kept if text[h.start : h.end] not in org_words().not_organizations]
    members = _members_named(text, kept, countries)
    by_id: dict[str, list[OrgHit]] = {}
    for hit in kept:
        by_id.setdefault(hit.org.id, []).append(hit)
    records = {
        key: _merged(hits[0].org, hits, members.get(key, set())) for key, hits in by_id.items()
    }
    # Built unvalidated, as countries are: every field is a typed value the rules made.
    found = [
        Found.model_construct(
            kind=EntityKind.ORGANIZATION,
            key=hit.org.id,
            name=records[hit.org.id].name,
            surface=text[hit.start : hit.end],
            span=Span.model_construct(start=hit.start, end=hit.end),
        )
        for hit in kept
    ]
    return found, list(records.values())
