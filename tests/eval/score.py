"""Scoring: extraction against gold, as true/false positives and negatives per kind.

Pure functions, no I/O. Matching is deliberately forgiving about form and
strict about substance:

- people match by :func:`~search_index.names.alias_key` of any name or alias,
  or by surname (a predicted name that is the gold name's last words);
- organizations match when any name, acronym or alias shares a key;
- roles match when their title words agree (one set of words holding the
  other, with the same rank words: "vice", "deputy", "general", ...) and the
  organization and country the gold gives agree;
- statements match when the gold's distinctive substring is in the predicted
  text (compared as alias keys: case, quotes, punctuation ignored); "kinds"
  also needs DIRECT/INDIRECT right, "with speaker" the right speaker (kept
  apart: a paraphrase around a quoted phrase is fairly read either way);
- figures match on kind, value and qualifier.

Every match is one-to-one (a maximum bipartite matching), so a person found
twice in one article counts once as right and once as wrong. Optional gold
items are neither rewarded nor penalized.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TypeVar

from search_index.models import EntityKind
from search_index.names import alias_key
from tests.eval.gold import (
    GoldArticle,
    GoldOrganization,
    GoldPerson,
    GoldRole,
    GoldStatement,
    Merges,
)
from tests.eval.predicted import (
    PredictedArticle,
    PredictedOrganization,
    PredictedPerson,
    PredictedRole,
    PredictedStatement,
)

G = TypeVar("G")
P = TypeVar("P")

#: The kinds scored, in the order the table prints them.
KINDS = (
    "countries",
    "organizations",
    "organization kinds",
    "people",
    "roles",
    "statements",
    "statement kinds",
    "statements+speaker",
    "figures",
    "merges",
)

#: Words that carry no meaning in a title ("Secretary of the Council").
_TITLE_STOP = frozenset({"of", "the", "a", "an", "s", "and", "for", "on", "in"})
#: Words that change which office a title names: they must agree on both sides.
_RANK = frozenset({
    "vice", "deputy", "assistant", "acting", "former", "prime", "chief", "general",
    "first", "under", "co", "interim", "ex", "elect", "senior",
})

#: Abbreviated titles news writes before a name ("Gen.", "Sen.", "FM"): compared written out.
_ABBREVIATIONS = {
    "gen": "general", "sen": "senator", "rep": "representative", "gov": "governor",
    "pres": "president", "lt": "lieutenant", "col": "colonel", "maj": "major",
    "sgt": "sergeant", "capt": "captain", "adm": "admiral", "fm": "foreign minister",
    "pm": "prime minister", "amb": "ambassador", "supt": "superintendent", "insp": "inspector",
}


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Share of predictions that are right; 0 when nothing was predicted but gold exists."""
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Share of gold items found; 1 when there is no gold and nothing predicted."""
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


# --- matching -----------------------------------------------------------------


def max_matching(gold: Sequence[G], predicted: Sequence[P],
                 matches: Callable[[G, P], bool]) -> dict[int, int]:
    """A maximum one-to-one matching, gold index -> predicted index (Kuhn's augmenting paths)."""
    edges = [[j for j, p in enumerate(predicted) if matches(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _keys(names: Iterable[str]) -> set[str]:
    return {key for key in map(alias_key, names) if key}


def _ends_with(words: list[str], tail: list[str]) -> bool:
    return 0 < len(tail) <= len(words) and words[-len(tail):] == tail


def names_match_person(gold_names: Iterable[str], predicted_names: Iterable[str]) -> bool:
    """Same key, or a surname-only form of the other ("Lo Castro" of "Laura Lo Castro").

    The predicted name may be the gold name's last words; the other way round
    only for a one-word gold name, so that a title swallowed into a predicted
    name ("Superintendent Kartik Kasyap") stays an error.
    """
    gold_keys, predicted_keys = _keys(gold_names), _keys(predicted_names)
    if gold_keys & predicted_keys:
        return True
    for g in gold_keys:
        for p in predicted_keys:
            g_words, p_words = g.split(), p.split()
            if _ends_with(g_words, p_words) or (len(g_words) == 1 and _ends_with(p_words, g_words)):
                return True
    return False


def names_match_organization(gold_names: Iterable[str], predicted_names: Iterable[str]) -> bool:
    """Any full name, acronym or alias in common (compared as alias keys)."""
    return bool(_keys(gold_names) & _keys(predicted_names))


def _title_words(title: str) -> set[str]:
    words = (_ABBREVIATIONS.get(word, word) for word in alias_key(title).split())
    return set(" ".join(words).split()) - _TITLE_STOP


def titles_match(gold: str, predicted: str) -> bool:
    """One title's words hold the other's, and their rank words ("vice", "general") agree."""
    g, p = _title_words(gold), _title_words(predicted)
    if not g or not p or (g & _RANK) != (p & _RANK):
        return False
    return g <= p or p <= g


def role_matches(role: GoldRole, organization: GoldOrganization | None,
                 predicted: PredictedRole) -> bool:
    """Title agrees, and the organization and country the gold gives are the predicted ones.

    An organization named inside the predicted title ("CSTO Secretary General")
    counts as the role's organization.
    """
    if not titles_match(role.title, predicted.title):
        return False
    if role.country is not None and predicted.country != role.country:
        return False
    if organization is None:
        return True
    if names_match_organization(organization.names(), predicted.organization_names):
        return True
    title_words = set(alias_key(predicted.title).split())
    return any(set(key.split()) <= title_words for key in _keys(organization.names()))


def text_matches(gold: GoldStatement, predicted: PredictedStatement) -> bool:
    """The gold's distinctive substring is in the predicted text."""
    return alias_key(gold.text_contains) in alias_key(predicted.text)


def _is_speaker(name: str, article: GoldArticle, predicted_names: tuple[str, ...]) -> bool:
    person = article.person(name)
    if person is not None:
        return names_match_person(person.names(), predicted_names)
    organization = article.organization(name)
    names = organization.names() if organization is not None else (name,)
    return names_match_organization(names, predicted_names)


def speaker_matches(gold: GoldStatement, article: GoldArticle,
                    predicted: PredictedStatement) -> bool:
    """The predicted speaker is the gold one or an accepted other (none when gold names none)."""
    if gold.speaker is None:
        return not predicted.speaker_names
    return any(_is_speaker(name, article, predicted.speaker_names)
               for name in (gold.speaker, *gold.other_speakers))


def score_matching(gold: Sequence[G], predicted: Sequence[P], matches: Callable[[G, P], bool],
                   optional: Callable[[G], bool] = lambda _: False) -> tuple[Counts, dict[int, int]]:
    """Counts of a one-to-one matching; optional gold items count neither way.

    Required gold is matched first, so an optional item can never take a
    prediction a required one could have had; optional items then absorb
    what is left of the predictions they match.
    """
    required = [i for i, g in enumerate(gold) if not optional(g)]
    extra = [i for i, g in enumerate(gold) if optional(g)]
    first = max_matching([gold[i] for i in required], predicted, matches)
    matching = {required[i]: j for i, j in first.items()}
    left = [j for j in range(len(predicted)) if j not in first.values()]
    second = max_matching([gold[i] for i in extra], [predicted[j] for j in left], matches)
    matching.update({extra[i]: left[j] for i, j in second.items()})
    tp = len(first)
    fn = len(required) - tp
    return Counts(tp, len(predicted) - tp - len(second), fn), matching


# --- per kind -------------------------------------------------------------------


def score_countries(gold: GoldArticle, predicted: PredictedArticle) -> Counts:
    """Countries as sets of alpha-2 codes; optional ones count neither way."""
    wanted = set(gold.countries)
    found = predicted.countries - set(gold.optional_countries)
    return Counts(len(wanted & found), len(found - wanted), len(wanted - found))


def _organization_matches(g: GoldOrganization, p: PredictedOrganization) -> bool:
    return names_match_organization(g.names(), p.names)


def score_organizations(gold: GoldArticle, predicted: PredictedArticle) -> Counts:
    """Organizations, one-to-one by name, acronym or alias."""
    return score_matching(gold.organizations, predicted.organizations, _organization_matches,
                  lambda g: g.optional)[0]


def score_organization_kinds(gold: GoldArticle, predicted: PredictedArticle) -> Counts:
    """Organizations that also have the gold's kind (MEDIA, GOVERNMENT_BODY, ...)."""
    return score_matching(gold.organizations, predicted.organizations,
                  lambda g, p: _organization_matches(g, p) and g.kind == p.kind,
                  lambda g: g.optional)[0]


def _person_matches(g: GoldPerson, p: PredictedPerson) -> bool:
    return names_match_person(g.names(), p.names)


def match_people(gold: GoldArticle, predicted: PredictedArticle) -> tuple[Counts, dict[int, int]]:
    """People, one-to-one by alias key or surname; also the matching (gold -> predicted index)."""
    return score_matching(gold.people, predicted.people, _person_matches, lambda g: g.optional)


def score_people(gold: GoldArticle, predicted: PredictedArticle) -> Counts:
    """People, one-to-one by alias key or surname."""
    return match_people(gold, predicted)[0]


def _distinct_roles(roles: Iterable[PredictedRole]) -> list[PredictedRole]:
    """Roles with repeats in one article dropped (each mention may restate the title)."""
    seen: dict[tuple[str, str, tuple[str, ...], str | None], PredictedRole] = {}
    for role in roles:
        key = (role.person_id, alias_key(role.title), tuple(sorted(_keys(role.organization_names))),
               role.country)
        seen.setdefault(key, role)
    return list(seen.values())


def score_roles(gold: GoldArticle, predicted: PredictedArticle) -> Counts:
    """Roles of the people matched; every role of an unmatched person is wrong or missed.

    Roles of a person matched to an optional gold person count neither way.
    """
    _, people = match_people(gold, predicted)
    roles = _distinct_roles(predicted.roles)
    total = Counts()
    claimed: set[str] = set()
    for i, person in enumerate(gold.people):
        j = people.get(i)
        if j is None:
            total += Counts(fn=0 if person.optional else sum(not r.optional for r in person.roles))
            continue
        person_id = predicted.people[j].id
        claimed.add(person_id)
        theirs = [r for r in roles if r.person_id == person_id]
        counts, _ = score_matching(
            person.roles, theirs,
            lambda g, p: role_matches(g, gold.organization(g.organization or "")
                                      if g.organization else None, p),
            lambda g: g.optional,
        )
        total += Counts() if person.optional else counts
    return total + Counts(fp=sum(1 for r in roles if r.person_id not in claimed))


def score_statements(gold: GoldArticle, predicted: PredictedArticle, *,
                     with_kind: bool = False, with_speaker: bool = False) -> Counts:
    """Statements by text; ``with_kind`` also needs the kind, ``with_speaker`` the speaker."""
    def matches(g: GoldStatement, p: PredictedStatement) -> bool:
        if not text_matches(g, p):
            return False
        if g.optional:
            # An optional statement absorbs whatever has its words, of any kind and speaker:
            # it counts neither way, in every row.
            return True
        return ((not with_kind or g.kind == p.kind)
                and (not with_speaker or speaker_matches(g, gold, p)))

    return score_matching(gold.statements, predicted.statements, matches, lambda g: g.optional)[0]


def score_figures(gold: GoldArticle, predicted: PredictedArticle) -> Counts:
    """Figures as sets of (kind, value, qualifier): a figure restated in one article counts once.

    Optional figures count neither way.
    """
    wanted = {(f.kind, f.value, f.qualifier) for f in gold.figures if not f.optional}
    either = {(f.kind, f.value, f.qualifier) for f in gold.figures if f.optional} - wanted
    found = {(f.kind, f.value, f.qualifier) for f in predicted.figures} - either
    return Counts(len(wanted & found), len(found - wanted), len(wanted - found))


def score_article(gold: GoldArticle, predicted: PredictedArticle) -> dict[str, Counts]:
    """Every per-article kind (all of :data:`KINDS` but merges)."""
    return {
        "countries": score_countries(gold, predicted),
        "organizations": score_organizations(gold, predicted),
        "organization kinds": score_organization_kinds(gold, predicted),
        "people": score_people(gold, predicted),
        "roles": score_roles(gold, predicted),
        "statements": score_statements(gold, predicted),
        "statement kinds": score_statements(gold, predicted, with_kind=True),
        "statements+speaker": score_statements(gold, predicted, with_speaker=True),
        "figures": score_figures(gold, predicted),
    }


# --- across articles --------------------------------------------------------------


def resolve_member(kind: EntityKind, name: str, predicted: PredictedArticle) -> str | None:
    """The id extraction gave the entity called ``name`` in that article; None if not found.

    An entity whose key equals the name wins over a surname-only match.
    """
    key = alias_key(name)
    candidates: Sequence[PredictedPerson | PredictedOrganization]
    if kind == EntityKind.PERSON:
        candidates = [p for p in predicted.people if names_match_person([name], p.names)]
    else:
        candidates = [o for o in predicted.organizations if names_match_organization([name], o.names)]
    exact = [c for c in candidates if key in _keys(c.names)]
    chosen = exact or candidates
    return chosen[0].id if chosen else None


def score_merges(merges: Merges, predicted: dict[str, PredictedArticle]) -> Counts:
    """Pairwise: two members should share an id iff they are in one group (same kind only).

    A member extraction did not find gets no id: its pairs are missed, never right.
    """
    total = Counts()
    for kind in (EntityKind.PERSON, EntityKind.ORGANIZATION):
        members = [
            (number, resolve_member(kind, member.name, predicted[member.article])
             if member.article in predicted else None)
            for number, group in enumerate(merges.groups) if group.kind == kind
            for member in group.members
        ]
        for (group_a, id_a), (group_b, id_b) in combinations(members, 2):
            same_gold = group_a == group_b
            same_predicted = id_a is not None and id_a == id_b
            total += Counts(tp=int(same_gold and same_predicted),
                            fp=int(same_predicted and not same_gold),
                            fn=int(same_gold and not same_predicted))
    return total


def score_set(golds: Sequence[GoldArticle], predicted: dict[str, PredictedArticle],
              merges: Merges) -> dict[str, Counts]:
    """Micro-averaged counts over a set, per kind; an article with no prediction predicted nothing."""
    totals = {kind: Counts() for kind in KINDS}
    for gold in golds:
        found = predicted.get(gold.article, PredictedArticle(article=gold.article))
        for kind, counts in score_article(gold, found).items():
            totals[kind] += counts
    totals["merges"] = score_merges(merges, predicted)
    return totals
