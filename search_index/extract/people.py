"""People named in an article, every place they are named, and the roles the article gives them.

Names are taken only where something anchors them (see
:mod:`~search_index.extract.anchors`); once a person is known, every later
mention of the full name or the surname alone ("Imankulov said") is theirs.
A surname shared by two people of the article is left to neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName

from search_index.extract import Found
from search_index.extract.anchors import Anchor, find_anchors
from search_index.extract.name_matching import name_spans
from search_index.extract.person_names import is_stop_word
from search_index.extract.roles import (
    body_name,
    home_country,
    is_national,
    title_with_body,
)
from search_index.extract.text import SpanIndex, non_overlapping
from search_index.models import (
    Article,
    EntityKind,
    Organization,
    Person,
    Role,
    Span,
)
from search_index.names import slug

# Articles written onto Arabic family names, which news also drops ("al-Sadr", "Sadr").
_ARTICLES = frozenset({"al", "el", "ad", "ash"})


@dataclass(frozen=True, slots=True)
class PeopleFound:
    """What :func:`find_people` found in one article."""

    people: list[Person]
    mentions: list[Found]
    roles: list[Role]


@lru_cache(maxsize=4096)
def surname(full_name: str) -> str:
    """The family name of a full name ("Ursula von der Leyen" -> "von der Leyen")."""
    last = str(HumanName(full_name).last)
    return last or full_name.split()[-1]


def surnames(full_name: str) -> set[str]:
    """Every form the family name is written alone: with and without its article ("al-Sadr", "Sadr")."""
    written = {surname(full_name), full_name.split()[-1]}
    bare = {
        rest
        for article, _, rest in (form.partition("-") for form in written)
        if rest and article in _ARTICLES
    }
    return written | bare


def _full_names(anchors: Sequence[Anchor]) -> dict[str, str]:
    """Every anchored name -> the full name it stands for in this article.

    A name joins the one longer name it opens or closes; a one-word name joins
    the one longer name it is the surname of, else the one it is a word of.
    With none it stands for itself. A word two names share ("Johnson" of Boris
    and Gary Johnson) is left out: it names no one for sure.
    """
    longer = {a.name.text for a in anchors if len(a.name.words) > 1}
    # A name that opens or closes a longer one is the same person ("Mohamed Abdullahi"
    # of Mohamed Abdullahi Mohamed, "Hsien Loong" of Lee Hsien Loong).
    longest = {n for n in longer if not any(o != n and _part_of(n, o) for o in longer)}
    result: dict[str, str] = {}
    for name in longer:
        owners = [o for o in longest if o == name or _part_of(name, o)]
        if len(owners) == 1:
            result[name] = owners[0]
    for anchor in anchors:
        name = anchor.name.text
        if name in result:
            continue
        owners = [n for n in longest if name in surnames(n)]
        if not owners:
            # Names whose family name comes first or inside, or who go by a given name
            # ("Xi" of Xi Jinping, "Tedros", "Apandi" of Mohamed Apandi Ali).
            owners = [n for n in longest if name in n.split()]
        if len(owners) <= 1:
            result[name] = owners[0] if owners else name
    return result


def _part_of(name: str, longer: str) -> bool:
    return longer.endswith(" " + name) or longer.startswith(name + " ")


def _forms(full_names: dict[str, str]) -> dict[str, str]:
    """The forms to look for in the text -> full name: every anchored form and each surname."""
    forms = dict(full_names)
    people = set(full_names.values())
    for person in people:
        for family in surnames(person):
            owners = [p for p in people if family in surnames(p)]
            # "II" of Elizabeth II alone is a numeral ("World War II"), no name.
            named = len(family) > 1 and not family.isupper() and not is_stop_word(family)
            if family != person and len(owners) == 1 and named:
                forms.setdefault(family, person)
    return forms


def _mentions(article: Article, forms: dict[str, str], taken: Sequence[Found]) -> list[Found]:
    body = article.body
    # Every name's every place is checked against every entity taken: indexed, not scanned.
    taken_spans = SpanIndex((t.span.start, t.span.end) for t in taken)
    hits = [
        (start, end)
        for start, end in name_spans(body, forms)
        if not taken_spans.overlap(start, end)
    ]
    keep = non_overlapping(hits)
    # Built unvalidated, as countries are: every field is a typed value the rules made.
    return [
        Found.model_construct(
            kind=EntityKind.PERSON,
            key=slug(forms[body[start:end]]),
            name=forms[body[start:end]],
            surface=body[start:end],
            span=Span.model_construct(start=start, end=end),
        )
        for start, end in (hits[i] for i in keep)
    ]


def _role(
    anchor: Anchor,
    person_id: str,
    article: Article,
    context: _RoleContext,
) -> Role | None:
    title = anchor.title
    if title is None:
        return None
    organization = anchor.organization
    if anchor.counterpart:
        # "his Tajik counterpart": the office of the person he is set against, in his own country.
        previous = context.last_role_before(anchor.start, person_id)
        if previous is None:
            return None
        title, organization = previous.title, None
        name = title
    else:
        name = title_with_body(
            title,
            body_name(organization.name, context.countries, organization.span.start)
            if organization is not None
            else None,
        )
    if anchor.status is not None:
        # "former President": a title the person no longer holds is not the office's.
        name = f"{anchor.status} {name}"
    return Role(
        person_id=person_id,
        title=name,
        organization_id=organization.key if organization is not None else None,
        country_id=context.country_of(anchor, title, organization),
        article_id=article.id,
        span=Span(start=anchor.start, end=anchor.end),
    )


@dataclass(slots=True)
class _RoleContext:
    """What role-building needs to know of the whole article."""

    countries: Sequence[Found]
    organizations: dict[str, Organization]
    home: str | None
    roles: list[tuple[int, Role]]

    def last_role_before(self, offset: int, person_id: str) -> Role | None:
        earlier = [r for at, r in self.roles if at < offset and r.person_id != person_id]
        return earlier[-1] if earlier else None

    def country_of(self, anchor: Anchor, title: str, organization: Found | None) -> str | None:
        if anchor.country is not None:
            return anchor.country.key
        if organization is not None:
            record = self.organizations.get(organization.key)
            if record is not None and record.country_id:
                return record.country_id
            for country in self.countries:
                if country.span.start == organization.span.start:
                    return country.key
            return None
        if is_national(title) and not anchor.counterpart:
            return self.home
        return None


def _roles(
    article: Article,
    anchors: Sequence[Anchor],
    full_names: dict[str, str],
    context: _RoleContext,
) -> list[Role]:
    seen: set[tuple[str, str, str | None, str | None]] = set()
    roles: list[Role] = []
    for anchor in sorted(anchors, key=lambda a: a.start):
        if anchor.name.text not in full_names:
            continue
        role = _role(anchor, slug(full_names[anchor.name.text]), article, context)
        if role is None:
            continue
        context.roles.append((anchor.start, role))
        key = (role.person_id, role.title, role.organization_id, role.country_id)
        if key not in seen:
            seen.add(key)
            roles.append(role)
    return [r for r in roles if not any(_more_specific(o, r) for o in roles)]


def _more_specific(other: Role, role: Role) -> bool:
    """Whether ``other`` says all ``role`` says and more ("Press Secretary" of the White House)."""
    return (
        other is not role
        and (other.person_id, other.title) == (role.person_id, role.title)
        and role.organization_id in (None, other.organization_id)
        and role.country_id in (None, other.country_id)
        and (role.organization_id, role.country_id) != (other.organization_id, other.country_id)
    )


def _people(mentions: Sequence[Found], roles: Sequence[Role]) -> list[Person]:
    people: dict[str, Person] = {}
    for mention in mentions:
        known = people.get(mention.key)
        aliases = known.aliases if known is not None else (mention.name,)
        if mention.surface not in aliases:
            aliases = (*aliases, mention.surface)
        country = next(
            (r.country_id for r in roles if r.person_id == mention.key and r.country_id), None
        )
        people[mention.key] = Person(
            id=mention.key, name=mention.name, aliases=aliases, country_id=country
        )
    return list(people.values())


def find_people(
    article: Article,
    countries: Sequence[Found],
    orgs: Sequence[Found],
    organizations: Sequence[Organization],
) -> PeopleFound:
    """The people of ``article``, each mention of them, and the roles it gives them.

    ``countries`` and ``orgs`` are the country and organization mentions other
    rules found in the body (never part of a name); ``organizations`` are the
    records of those organizations (their country makes the role's country).
    """
    taken = [*countries, *orgs]
    anchors = find_anchors(article.body, taken)
    full_names = _full_names(anchors)
    mentions = _mentions(article, _forms(full_names), taken)
    context = _RoleContext(
        countries=countries,
        organizations={o.id: o for o in organizations},
        home=home_country(article, orgs, organizations),
        roles=[],
    )
    roles = _roles(article, anchors, full_names, context)
    return PeopleFound(people=_people(mentions, roles), mentions=mentions, roles=roles)


__all__ = ["PeopleFound", "find_people", "surname", "surnames"]
