"""What an extraction must satisfy before it is stored: its facts are its own and whole.

An article supports exactly the entities it lists; a fact that points at an
entity the article does not list would outlive that entity's last supporter
and dangle. Refusing such an extraction keeps every stored reference alive.
"""

from __future__ import annotations

from collections import Counter

from search_index.errors import BadInput
from search_index.models import EntityKind, EntityRef, Extraction


def check(article_id: str, extraction: Extraction) -> None:
    """Raise :class:`BadInput` when the extraction has another article's facts or dangling refs."""
    strangers = {
        *(fact.article_id for fact in extraction.mentions),
        *(fact.article_id for fact in extraction.roles),
        *(fact.article_id for fact in extraction.statements),
        *(fact.article_id for fact in extraction.figures),
    } - {article_id}
    if strangers:
        raise BadInput(f"extraction of {article_id!r} has facts of other articles: {sorted(strangers)}")
    missing = sorted(_dangling(extraction))
    if missing:
        raise BadInput(f"extraction of {article_id!r} refers to what it does not list: {missing}")
    for name, ids in (
        ("statement", [statement.id for statement in extraction.statements]),
        ("figure", [figure.id for figure in extraction.figures]),
    ):
        twice = sorted(fact_id for fact_id, n in Counter(ids).items() if n > 1)
        if twice:
            raise BadInput(f"extraction of {article_id!r} has two {name}s with one id: {twice}")


def _dangling(extraction: Extraction) -> set[str]:
    listed = {
        EntityKind.COUNTRY: {country.id for country in extraction.countries},
        EntityKind.ORGANIZATION: {organization.id for organization in extraction.organizations},
        EntityKind.PERSON: {person.id for person in extraction.people},
    }
    refs: list[EntityRef] = [mention.entity for mention in extraction.mentions]
    refs += [statement.speaker for statement in extraction.statements if statement.speaker]
    refs += [figure.reported_by for figure in extraction.figures if figure.reported_by]
    # Plain pairs: an EntityRef built per role would be validated for nothing.
    pointers = [(ref.kind, ref.id) for ref in refs]
    pointers += [(EntityKind.PERSON, role.person_id) for role in extraction.roles]
    missing = {f"{kind.value}:{entity_id}" for kind, entity_id in pointers
               if entity_id not in listed[kind]}
    incidents = {incident.id for incident in extraction.incidents}
    missing |= {f"incident:{figure.incident_id}" for figure in extraction.figures
                if figure.incident_id not in incidents}
    return missing
