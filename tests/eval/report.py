"""What one article got wrong: the gold items missed and the predictions that match no gold.

For ``python -m tests.eval.run --explain``: the lines a rule writer reads to
see why a score is what it is. Uses the same matching as the scores.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from search_index.names import alias_key
from tests.eval.gold import GoldArticle, GoldOrganization, GoldPerson, GoldStatement
from tests.eval.predicted import (
    PredictedArticle,
    PredictedOrganization,
    PredictedPerson,
    PredictedStatement,
)
from tests.eval.score import (
    names_match_organization,
    names_match_person,
    score_matching,
    speaker_matches,
    text_matches,
)

G = TypeVar("G")
P = TypeVar("P")


def _unmatched(gold: Sequence[G], predicted: Sequence[P], matches: Callable[[G, P], bool],
               optional: Callable[[G], bool]) -> tuple[list[G], list[P]]:
    """Required gold nothing matched, and predictions no gold item (optional too) matched.

    The scores' own matching (required gold first), so what is listed is what was counted.
    """
    _, matching = score_matching(gold, predicted, matches, optional)
    missed = [g for i, g in enumerate(gold) if i not in matching and not optional(g)]
    taken = set(matching.values())
    unclaimed = [p for j, p in enumerate(predicted) if j not in taken
                 and not any(matches(g, p) for g in gold if optional(g))]
    return missed, unclaimed


def _statement(statement: PredictedStatement) -> str:
    speaker = statement.speaker_names[0] if statement.speaker_names else "-"
    return f"{statement.kind} by {speaker}: {statement.text[:90]!r}"


def explain(gold: GoldArticle, predicted: PredictedArticle) -> list[str]:
    """One line per miss (``-``) and per spurious prediction (``+``), by kind."""
    lines: list[str] = []
    wanted, found = set(gold.countries), predicted.countries - set(gold.optional_countries)
    lines += [f"  - country {code}" for code in sorted(wanted - found)]
    lines += [f"  + country {code}" for code in sorted(found - wanted)]

    def org_match(g: GoldOrganization, p: PredictedOrganization) -> bool:
        return names_match_organization(g.names(), p.names)

    missed_orgs, extra_orgs = _unmatched(gold.organizations, predicted.organizations, org_match,
                                         lambda g: g.optional)
    lines += [f"  - organization {o.name} ({o.kind})" for o in missed_orgs]
    lines += [f"  + organization {' / '.join(o.names)} ({o.kind})" for o in extra_orgs]

    def person_match(g: GoldPerson, p: PredictedPerson) -> bool:
        return names_match_person(g.names(), p.names)

    missed_people, extra_people = _unmatched(gold.people, predicted.people, person_match,
                                             lambda g: g.optional)
    lines += [f"  - person {p.name}" for p in missed_people]
    lines += [f"  + person {' / '.join(p.names)}" for p in extra_people]

    def said(g: GoldStatement, p: PredictedStatement) -> bool:
        return text_matches(g, p) and (g.optional or speaker_matches(g, gold, p))

    missed_said, extra_said = _unmatched(gold.statements, predicted.statements, said,
                                         lambda g: g.optional)
    lines += [f"  - statement {s.kind} by {s.speaker or '-'}: {s.text_contains!r}"
              for s in missed_said]
    lines += [f"  + statement {_statement(s)}" for s in extra_said]

    wanted_figures = {(f.kind, f.value, f.qualifier) for f in gold.figures if not f.optional}
    found_figures = {(f.kind, f.value, f.qualifier) for f in predicted.figures} - {
        (f.kind, f.value, f.qualifier) for f in gold.figures if f.optional}
    lines += [f"  - figure {k} {v} {q}" for k, v, q in sorted(wanted_figures - found_figures)]
    lines += [f"  + figure {k} {v} {q}" for k, v, q in sorted(found_figures - wanted_figures)]
    return lines


def role_lines(gold: GoldArticle, predicted: PredictedArticle) -> list[str]:
    """Every predicted role, next to the gold roles of the same person (for reading, not scoring)."""
    lines: list[str] = []
    for person in predicted.people:
        theirs = [r for r in predicted.roles if r.person_id == person.id]
        if not theirs:
            continue
        match = next((g for g in gold.people if names_match_person(g.names(), person.names)), None)
        wanted = ", ".join(r.title for r in match.roles) if match else "no gold person"
        got = ", ".join(f"{r.title} [{'/'.join(r.organization_names[:1]) or '-'}; {r.country or '-'}]"
                        for r in theirs)
        lines.append(f"  ~ roles of {alias_key(person.names[0])}: got {got}; gold: {wanted}")
    return lines
