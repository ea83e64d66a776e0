"""Organizations named in a text, strongest rule first.

Gazetteer entries; "Full Name (ACRONYM)" pairs learned from the text; government
bodies built from a country ("Kyrgyz Health Ministry", later "the Health
Ministry"); news agencies cited as sources ("(Interfax)", "AKIpress informed");
and, weakest, capitalized names built around an organization word ("Department
of Homeland Security"). Membership sentences add member countries ("... (SCO),
which also includes China").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from search_index.extract import Found
from search_index.extract.countries import adjective_of, surface_forms
from search_index.extract.gazetteer import BodyNoun, body_nouns, known_organizations, org_words
from search_index.extract.text import (
    NAME_CONNECTORS,
    Token,
    capitalized_runs,
    in_shouted_sentence,
    is_all_caps,
    names_pattern,
    non_overlapping,
    sentence_at,
    strip_possessive,
    tokens,
)
from search_index.models import EntityKind, Organization, OrganizationKind, Span
from search_index.names import alias_key, slug

_ACRONYM_IN_PARENS = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9/&.\-]{1,11})\)")
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
#: Small words inside organization names ("Organization for Security and Co-operation in Europe").
_ORG_CONNECTORS = NAME_CONNECTORS | {"in", "on", "to", "&"}
_ARTICLES = frozenset({"The", "A", "An"})
_NOT_AGENCY_NAMES = frozenset({"State", "National", "Official", "Local", "Independent"})
_INFORMED = re.compile(r", (?P<name>[A-Z][\w.\-]+(?: [A-Z][\w.\-]+)?) informed\.")


@dataclass(frozen=True, slots=True)
class _Hit:
    """One candidate organization mention before overlaps are settled."""

    start: int
    end: int
    org: Organization


# --- Gazetteer ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _gazetteer_forms() -> dict[str, Organization]:
    forms: dict[str, Organization] = {}
    for org in known_organizations():
        for form in (org.name, org.acronym, *org.aliases):
            if form:
                forms.setdefault(form, org)
    return forms


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> re.Pattern[str]:
    return names_pattern(_gazetteer_forms())


@lru_cache(maxsize=1)
def _gazetteer_by_key() -> dict[str, Organization]:
    return {alias_key(form): org for form, org in _gazetteer_forms().items()}


def known_organization(name: str) -> Organization | None:
    """The gazetteer organization one of whose names or acronym is ``name`` (any spelling)."""
    return _gazetteer_by_key().get(alias_key(name))


def _gazetteer_hits(text: str) -> list[_Hit]:
    forms = _gazetteer_forms()
    hits: list[_Hit] = []
    for match in _gazetteer_pattern().finditer(text):
        if match.group() in org_words().word_acronyms and in_shouted_sentence(text, match.start()):
            continue
        hits.append(_Hit(match.start(), match.end(), forms[match.group()]))
    return hits


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


def _guess_kind(name: str) -> OrganizationKind:
    words = set(name.split())
    for kind, markers in org_words().kind_markers.items():
        if words.intersection(markers):
            return kind
    return OrganizationKind.OTHER


def _learned_pairs(text: str, countries: Sequence[Found]) -> list[tuple[Span, Organization]]:
    """Pairs "Full Name (ACRONYM)" as the article spells them, as organizations."""
    pairs: list[tuple[Span, Organization]] = []
    for run in capitalized_runs(text, connectors=_ORG_CONNECTORS):
        match = _ACRONYM_IN_PARENS.match(text, run.end)
        if match is None or not is_all_caps(match.group("acronym")):
            continue
        acronym = match.group("acronym")
        offset = long_form_start(run.text, acronym)
        if offset is None:
            continue
        start = run.start + offset
        name = text[start : run.end]
        org = known_organization(acronym) or known_organization(name)
        if org is None and not org_words().heads.intersection(name.split()):
            continue  # "Gross Domestic Product (GDP)" names no organization
        if org is None:
            country_id = next((c.key for c in countries if c.span.start == start), None)
            org = Organization(
                id=slug(acronym),
                name=name,
                acronym=acronym,
                kind=_guess_kind(name),
                country_id=country_id,
            )
        pairs.append((Span(start=start, end=match.end()), org))
    return pairs


def _learned_hits(text: str, pairs: Sequence[tuple[Span, Organization]]) -> list[_Hit]:
    hits: list[_Hit] = []
    for span, org in pairs:
        hits.append(_Hit(span.start, span.end, org))
        forms = [org.name] + ([org.acronym] if org.acronym else [])
        hits.extend(_Hit(m.start(), m.end(), org) for m in names_pattern(forms).finditer(text))
    return hits


# --- Government bodies ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _body_forms() -> dict[str, BodyNoun]:
    return {alias: body for body in body_nouns() for alias in body.aliases}


@lru_cache(maxsize=1)
def _body_pattern() -> re.Pattern[str]:
    return names_pattern(_body_forms())


def body_organization(code: str, body: BodyNoun, surface: str | None = None) -> Organization:
    """The record of one country's body: id ``kg-health-ministry``, name "Kyrgyz Health Ministry"."""
    name = f"{adjective_of(code)} {body.name}"
    aliases = (surface,) if surface and surface != name else ()
    return Organization(
        id=f"{code.lower()}-{body.key}", name=name, aliases=aliases, kind=body.kind, country_id=code
    )


def _body_at(text: str, position: int) -> tuple[int, BodyNoun] | None:
    """The body noun starting exactly at ``position`` (its end and record), if any."""
    match = _body_pattern().match(text, position)
    if match is None:
        return None
    body = _body_forms()[match.group()]
    if match.group()[0].islower() and not body.lowercase:
        return None
    return match.end(), body


def _qualified_bodies(text: str, countries: Sequence[Found]) -> list[_Hit]:
    """'Kyrgyz Health Ministry', "Russia's Defense Ministry", 'Ministry of Health of Kyrgyzstan'."""
    hits: list[_Hit] = []
    for found in countries:
        after = text[found.span.end : found.span.end + 3]
        gap = 3 if after[:2] in ("'s", "’s") and after[2:] == " " else 1
        if after[:gap].endswith(" "):
            body = _body_at(text, found.span.end + gap)
            if body is not None:
                end, noun = body
                surface = text[found.span.start : end]
                hits.append(
                    _Hit(found.span.start, end, body_organization(found.key, noun, surface))
                )
        before = text[max(0, found.span.start - 60) : found.span.start]
        joint = next((j for j in (" of ", " of the ") if before.endswith(j)), None)
        if joint is not None:
            for match in _body_pattern().finditer(before):
                if match.end() == len(before) - len(joint) and match.group()[0].isupper():
                    start = found.span.start - len(before) + match.start()
                    noun = _body_forms()[match.group()]
                    surface = text[start : found.span.end]
                    hits.append(
                        _Hit(start, found.span.end, body_organization(found.key, noun, surface))
                    )
    return hits


@lru_cache(maxsize=1)
def _bare_forms() -> dict[str, BodyNoun]:
    """Body names as they stand alone: capitalized, and ministries in lower case too
    (wire copy writes "the interior ministry said")."""
    forms = {alias: body for alias, body in _body_forms().items() if alias[0].isupper()}
    for alias, body in list(forms.items()):
        if body.key.endswith("-ministry"):
            forms.setdefault(alias.lower(), body)
    return forms


@lru_cache(maxsize=1)
def _bare_pattern() -> re.Pattern[str]:
    return names_pattern(_bare_forms())


def _bare_at(text: str, start: int, end: int) -> bool:
    """Whether a body name at [start, end) stands on its own: after "the", not before a name."""
    if text[max(0, start - 4) : start] not in ("the ", "The "):
        return False
    following = tokens(text, end, min(len(text), end + 30))
    return not (
        following and text[end : following[0].start] == " " and following[0].text[0].isupper()
    )


def _bare_bodies(text: str, qualified: Sequence[_Hit], countries: Sequence[Found]) -> list[_Hit]:
    """'the Health Ministry' after 'the Kyrgyz Health Ministry': the same body.

    With no qualified mention of that body, a ministry is taken to be the
    article's most-named country's, as a reader would; other bodies are left
    out ("the Security Council" is as often the UN's as a country's). A bare
    body never stands inside a longer name ("CSTO Collective Security Council").
    """
    by_key: dict[str, list[_Hit]] = {}
    for hit in qualified:
        by_key.setdefault(hit.org.id.split("-", 1)[1], []).append(hit)
    counts = Counter(c.key for c in countries)
    dominant = counts.most_common(1)[0][0] if counts else None
    hits: list[_Hit] = []
    for match in _bare_pattern().finditer(text):
        if not _bare_at(text, match.start(), match.end()):
            continue
        noun = _bare_forms()[match.group()]
        earlier = [h for h in by_key.get(noun.key, []) if h.start < match.start()]
        known = earlier[-1:] or by_key.get(noun.key, [])[:1]
        if known:
            hits.append(_Hit(match.start(), match.end(), known[0].org))
        elif dominant is not None and noun.key.endswith("-ministry"):
            hits.append(_Hit(match.start(), match.end(), body_organization(dominant, noun)))
    return hits


# --- Media cited as sources -----------------------------------------------------------------


def _media_org(name: str) -> Organization:
    return known_organization(name) or Organization(
        id=slug(name), name=name, kind=OrganizationKind.MEDIA
    )


def _cited_media(text: str) -> list[_Hit]:
    """Agencies named in a dateline ("BISHKEK. Sept 22 (Interfax) -"), as "X news agency",
    or closing a sentence as "..., AKIpress informed." (news agencies' idiom, never a person's)."""
    hits: list[_Hit] = []
    for match in _DATELINE_SOURCE.finditer(text):
        name = match.group("name").strip()
        start = match.start("name")
        hits.append(_Hit(start, start + len(name), _media_org(name)))
    for match in _NEWS_AGENCY.finditer(text):
        group = "before" if match.group("before") else "after"
        start, name = match.start(group), match.group(group)
        first, _, rest = name.partition(" ")
        if first in _ARTICLES and rest:
            start, name = start + len(first) + 1, rest
        if name.split()[0] in _NOT_AGENCY_NAMES or name in surface_forms():
            continue
        hits.append(_Hit(start, start + len(name), _media_org(name)))
    for match in _INFORMED.finditer(text):
        name = match.group("name")
        if name not in surface_forms():
            hits.append(_Hit(match.start("name"), match.end("name"), _media_org(name)))
    return hits


# --- Names built around an organization word ---------------------------------------------


def _head_kind(words: Sequence[str]) -> OrganizationKind | None:
    """The kind a name's organization word gives it, None when it has no such word."""
    present = set(words)
    if not present & org_words().heads:
        return None
    for kind, markers in org_words().kind_markers.items():
        if present.intersection(markers):
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
            _head_kind([w.text for w in side]) is not None for side in (left, right)
        )
        if two_names:
            return [left, *_split_at_and(right)]
    return [words]


def _trimmed_name(words: list[Token]) -> tuple[list[Token], str | None]:
    """The organization name inside a run of words, and the country a possessive gives it.

    Leading small words, dates and possessives go ("Tuesday the ...", "Russia's
    Aerospace Force"); what follows the last organization word stays unless it
    holds a title or a date ("Assembly Election"). A run opening with a title
    names a person's post, not a body.
    """
    country: str | None = None
    while words and (
        words[0].text in org_words().lead_ins
        or words[0].text in _ORG_CONNECTORS
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


def _organ_lists(text: str, taken: Sequence[_Hit]) -> list[tuple[int, int]]:
    """Sentences listing an organization's own organs ("the CSTO Foreign Ministers Council,
    Defense Ministers Council, ..."): an organization's name opening a longer capitalized
    name. The organs listed there are parts of it, not organizations of their own."""
    spans: list[tuple[int, int]] = []
    for hit in taken:
        following = tokens(text, hit.end, min(len(text), hit.end + 30))
        if (
            following
            and text[hit.end : following[0].start] == " "
            and following[0].text[0].isupper()
        ):
            sentence = sentence_at(text, hit.start)
            if sentence is not None:
                spans.append((sentence.start, sentence.end))
    return spans


def _headed_names(text: str, taken: Sequence[_Hit]) -> list[_Hit]:
    """Capitalized names holding an organization word: "Department of Homeland Security".

    The weakest rule, so it never touches what another rule found nor an
    organization's organs (:func:`_organ_lists`); a name must
    hold a capitalized word besides its organization words ("the Council" is no
    name), and a government body with no country ("the Security Council") is
    left to the bare-body rule.
    """
    hits: list[_Hit] = []
    runs = capitalized_runs(text)
    organs = _organ_lists(text, taken)
    for part in (part for run in runs for part in _split_at_and(tokens(text, run.start, run.end))):
        words, country = _trimmed_name(part)
        if len(words) < 2 or any(h.start < words[-1].end and words[0].start < h.end for h in taken):
            continue
        if any(start <= words[0].start < end for start, end in organs):
            continue
        names = [w.text for w in words]
        kind = _head_kind(names)
        proper = [n for n in names if n not in _ORG_CONNECTORS and n not in org_words().heads]
        if kind is None or not proper or in_shouted_sentence(text, words[0].start):
            continue
        if names[-1] in org_words().place_words:
            continue  # "Jomo Kenyatta International Airport" is a place
        start, end = words[0].start, words[-1].end
        name = text[start:end]
        if name in _body_forms():
            continue  # a body with no country is the bare-body rule's to judge
        org = known_organization(name) or Organization(
            id=slug(name), name=name, kind=kind, country_id=country
        )
        hits.append(_Hit(start, end, org))
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
    text: str, hits: Sequence[_Hit], countries: Sequence[Found]
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


def _merged(org: Organization, extra_members: set[str]) -> Organization:
    if not extra_members - set(org.member_ids):
        return org
    members = tuple(sorted(set(org.member_ids) | extra_members))
    return org.model_copy(update={"member_ids": members})


def find_organizations(
    text: str, countries: Sequence[Found]
) -> tuple[list[Found], list[Organization]]:
    """Every organization mention in ``text`` and the records of the organizations mentioned.

    ``countries`` are the country mentions of the same text (from
    :func:`~search_index.extract.countries.find_countries`): they make
    government bodies and membership lists. Where two candidates overlap the
    longer wins ("Kyrgyz Health Ministry" over "Health Ministry").
    """
    pairs = _learned_pairs(text, countries)
    qualified = _qualified_bodies(text, countries)
    candidates = [
        *_learned_hits(text, pairs),
        *qualified,
        *_gazetteer_hits(text),
        *_cited_media(text),
        *_bare_bodies(text, qualified, countries),
    ]
    kept = [candidates[i] for i in non_overlapping([(h.start, h.end) for h in candidates])]
    kept = sorted([*kept, *_headed_names(text, kept)], key=lambda h: h.start)
    members = _members_named(text, kept, countries)
    records: dict[str, Organization] = {}
    for hit in kept:
        if hit.org.id not in records:
            records[hit.org.id] = _merged(hit.org, members.get(hit.org.id, set()))
    found = [
        Found(
            kind=EntityKind.ORGANIZATION,
            key=hit.org.id,
            name=records[hit.org.id].name,
            surface=text[hit.start : hit.end],
            span=Span(start=hit.start, end=hit.end),
        )
        for hit in kept
    ]
    return found, list(records.values())
