"""Government bodies: one state's ministries, councils, courts and agencies.

A body noun of the gazetteer ("Health Ministry") becomes one country's body
when the country stands right before it ("Kyrgyz Health Ministry", "Russia's
Defense Ministry") or after it ("Ministry of Health of Kyrgyzstan"); named
bare ("the Health Ministry", "sent to Congress") it is the body already named
with its country, else the article's most-named country's where that is safe.
Courts named after their seat ("the Borgarting appeals court") are bodies of
one state too, and so, in their country, are bodies named "ACRONYM Country"
("IDA Ireland"), though of unknown kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from search_index.extract import Found
from search_index.extract.countries import adjective_of, surface_forms
from search_index.extract.gazetteer import BodyNoun, body_nouns, org_words
from search_index.extract.org_gazetteer import OrgHit, known_organization
from search_index.extract.person_names import is_country_name
from search_index.extract.text import (
    in_shouted_sentence,
    is_sentence_start,
    names_pattern,
)
from search_index.models import Organization, OrganizationKind
from search_index.names import slug

#: A capitalized word right before a bare body makes it part of a longer name ("National Congress").
_CAPITALIZED_BEFORE = re.compile(r"(?P<word>[A-Z][\w.'’-]*)\s+$")
#: "ACRONYM Country" agencies: "IDA Ireland", followed by no further capitalized word.
_ACRONYM_THEN_NAME = re.compile(r"\b(?P<acronym>[A-Z]{3,5}) (?P<country>[A-Z][a-z]+)\b(?! [A-Z])")


@lru_cache(maxsize=1)
def body_forms() -> dict[str, BodyNoun]:
    """Every written form of a body noun, mapped to its body."""
    return {alias: body for body in body_nouns() for alias in body.aliases}


@lru_cache(maxsize=1)
def _body_pattern() -> re.Pattern[str]:
    return names_pattern(body_forms())


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
    body = body_forms()[match.group()]
    if match.group()[0].islower() and not body.lowercase:
        return None
    return match.end(), body


def _has(code: str, body: BodyNoun) -> bool:
    """Whether a country has such a body ("India's Congress" is a party, not a legislature)."""
    return body.only_in is None or code in body.only_in


def qualified_bodies(text: str, countries: Sequence[Found]) -> list[OrgHit]:
    """'Kyrgyz Health Ministry', "Russia's Defense Ministry", 'Ministry of Health of Kyrgyzstan'."""
    hits: list[OrgHit] = []
    for found in countries:
        after = text[found.span.end : found.span.end + 3]
        gap = 3 if after[:2] in ("'s", "’s") and after[2:] == " " else 1
        if after[:gap].endswith(" "):
            body = _body_at(text, found.span.end + gap)
            if body is not None and _has(found.key, body[1]):
                end, noun = body
                surface = text[found.span.start : end]
                org = body_organization(found.key, noun, surface)
                bare = text[found.span.end + gap : end]
                if " " in bare:
                    org = org.model_copy(update={"aliases": (*org.aliases, bare)})
                hits.append(OrgHit(found.span.start, end, org))
        before = text[max(0, found.span.start - 60) : found.span.start]
        joint = next((j for j in (" of ", " of the ") if before.endswith(j)), None)
        if joint is not None:
            for match in _body_pattern().finditer(before):
                noun = body_forms()[match.group()]
                at_joint = match.end() == len(before) - len(joint)
                if at_joint and match.group()[0].isupper() and _has(found.key, noun):
                    start = found.span.start - len(before) + match.start()
                    surface = text[start : found.span.end]
                    hits.append(
                        OrgHit(start, found.span.end, body_organization(found.key, noun, surface))
                    )
    return hits


@lru_cache(maxsize=1)
def _bare_forms() -> dict[str, BodyNoun]:
    """Body names as they stand alone: capitalized, and ministries in lower case too
    (wire copy writes "the interior ministry said"), and so the lower-case names
    of bodies only some states have ("the royal palace said")."""
    forms = {alias: body for alias, body in body_forms().items() if alias[0].isupper()}
    for alias, body in list(forms.items()):
        if body.key.endswith("-ministry"):
            forms.setdefault(alias.lower(), body)
    for alias, body in body_forms().items():
        if alias[0].islower() and body.lowercase and body.only_in is not None:
            forms.setdefault(alias, body)
    return forms


@lru_cache(maxsize=1)
def _bare_pattern() -> re.Pattern[str]:
    return names_pattern(_bare_forms())


def _stands_alone(text: str, start: int, end: int, body: BodyNoun) -> bool:
    """Whether a body name at [start, end) is a name of its own, not part of a longer one.

    It follows "the" ("the Health Ministry") or opens a sentence ("Interior
    Ministry spokesman Otieno Kamau said") or, for a body news names with no
    article ("sent to Congress"), follows no capitalized word but a sentence
    opener; and no capitalized word follows it. A name in lower case needs the
    article: "the presidential palace" is no royal palace.
    """
    opens = text[max(0, start - 4) : start] in ("the ", "The ") or is_sentence_start(text, start)
    if not opens:
        if body.only_in is None or text[start].islower():
            return False
        before = _CAPITALIZED_BEFORE.search(text, max(0, start - 40), start)
        if before is not None and before.group("word") not in org_words().lead_ins:
            return False
    # A capitalized word right after one space: "the Health Ministry Building".
    return not (text[end : end + 1] == " " and text[end + 1 : end + 2].isupper())


def _dominant(countries: Sequence[Found]) -> str | None:
    """The country an article names most: whose body a bare "the Congress" or a seated court is."""
    counts = Counter(c.key for c in countries)
    return counts.most_common(1)[0][0] if counts else None


def bare_bodies(text: str, qualified: Sequence[OrgHit], countries: Sequence[Found]) -> list[OrgHit]:
    """'the Health Ministry' after 'the Kyrgyz Health Ministry': the same body.

    With no qualified mention of that body, a ministry is taken to be the
    article's most-named country's, as a reader would, and so is a body whose
    bare name only some states use ("Congress") when that country is one of
    them; other bodies are left out ("the Security Council" is as often the
    UN's as a country's). A bare body never stands inside a longer name
    ("CSTO Collective Security Council"). A lone common noun ("the palace")
    only refers back to a body already named ("the royal palace"): alone it is
    as often a building.
    """
    by_key: dict[str, list[OrgHit]] = {}
    for hit in qualified:
        by_key.setdefault(hit.org.id.split("-", 1)[1], []).append(hit)
    dominant = _dominant(countries)
    hits: list[OrgHit] = []
    for match in _bare_pattern().finditer(text):
        noun = _bare_forms()[match.group()]
        if not _stands_alone(text, match.start(), match.end(), noun):
            continue
        earlier = [h for h in by_key.get(noun.key, []) if h.start < match.start()]
        known = earlier[-1:] or by_key.get(noun.key, [])[:1]
        national = noun.key.endswith("-ministry") or (
            noun.only_in is not None and dominant is not None and _has(dominant, noun)
        )
        written = match.group() if " " in match.group() else None
        if known:
            org = known[0].org
            if written:
                org = org.model_copy(update={"aliases": tuple(dict.fromkeys((*org.aliases, written)))})
            hits.append(OrgHit(match.start(), match.end(), org))
        elif dominant is not None and national and not _common_noun(match.group()):
            hit = OrgHit(match.start(), match.end(), body_organization(dominant, noun, written))
            hits.append(hit)
            by_key.setdefault(noun.key, []).append(hit)
    return hits


def _common_noun(form: str) -> bool:
    """Whether a body's written form is one lower-case word ("palace"), no name of its own."""
    return form.islower() and " " not in form


# --- Bodies named after a place or an acronym ----------------------------------------


@lru_cache(maxsize=1)
def _court_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(org_words().court_nouns, key=len, reverse=True))
    return re.compile(rf"\b(?P<seat>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:{nouns})\b")


def seated_courts(text: str, countries: Sequence[Found]) -> list[OrgHit]:
    """Courts named after their seat, in lower case: "the Borgarting appeals court".

    The seat is a place, not a country (the country rule reads "Russian appeals
    court"), so the court is the article's most-named country's.
    """
    dominant = _dominant(countries)
    hits: list[OrgHit] = []
    if " court" not in text:
        return hits  # every court noun ends so: most articles name no court, and skip the scan
    for match in _court_pattern().finditer(text):
        seat = match.group("seat")
        first = seat.split()[0]
        if first in org_words().lead_ins:
            if " " not in seat:
                continue
            seat = seat.split(" ", 1)[1]
        if (
            seat in surface_forms()
            or seat in org_words().titles
            or seat in org_words().lead_ins
            or seat[-2:] in ("'s", "’s")
        ):
            continue
        start = match.end("seat") - len(seat)
        name = text[start : match.end()]
        org = Organization(
            id=slug(name), name=name, kind=OrganizationKind.GOVERNMENT_BODY, country_id=dominant
        )
        hits.append(OrgHit(start, match.end(), org))
    return hits


def national_agencies(text: str) -> list[OrgHit]:
    """Bodies named by an acronym and their country's name: "IDA Ireland", "CBRE China".

    The acronym must name nothing the gazetteer knows ("BBC America" is the
    BBC's) and not be a country's own code; the name must be a country's. The
    shape is as often a company's national arm as a state agency, so the kind
    is OTHER: the text does not say which.
    """
    hits: list[OrgHit] = []
    for match in _ACRONYM_THEN_NAME.finditer(text):
        acronym, country = match.group("acronym"), match.group("country")
        if not is_country_name(country) or acronym in surface_forms():
            continue
        if known_organization(acronym) is not None or in_shouted_sentence(text, match.start()):
            continue
        name = match.group()
        org = Organization(
            id=slug(name),
            name=name,
            kind=OrganizationKind.OTHER,
            country_id=surface_forms().get(country),
        )
        hits.append(OrgHit(match.start(), match.end(), org))
    return hits
