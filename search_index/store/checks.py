"""Consistency checks of a store file: what a crash or a bug could have left behind."""

from __future__ import annotations

import sqlite3

# (merged table, its claims table, the claims' column naming the record)
_MERGED = (
    ("countries", "country_claims", "country_id"),
    ("organizations", "organization_claims", "organization_id"),
    ("people", "person_claims", "person_id"),
    ("incidents", "incident_claims", "incident_id"),
)


def problems(conn: sqlite3.Connection) -> list[str]:
    """Every inconsistency found, as one readable line each; empty when the store is sound."""
    found = [f"integrity: {row[0]}" for row in conn.execute("PRAGMA integrity_check")
             if row[0] != "ok"]
    found += [f"foreign key: {row[0]} row {row[1]} -> {row[2]}"
              for row in conn.execute("PRAGMA foreign_key_check")]
    for table, claims, column in _MERGED:
        found += [f"{table}: {row[0]} has no supporting article" for row in conn.execute(
            f"SELECT id FROM {table} WHERE id NOT IN (SELECT {column} FROM {claims})")]
        found += [f"{claims}: {row[0]} has no {table} record" for row in conn.execute(
            f"SELECT DISTINCT {column} FROM {claims} WHERE {column} NOT IN (SELECT id FROM {table})")]
    for table, kind, entity in (("mentions", "entity_kind", "entity_id"),
                                ("statements", "speaker_kind", "speaker_id"),
                                ("figures", "reporter_kind", "reporter_id")):
        found += [f"{table}: {row[0]} of article {row[1]} points at a missing {row[2]}"
                  for row in conn.execute(_DANGLING.format(table=table, kind=kind, entity=entity))]
    return found


# Rows of a fact table whose entity reference (kind, id) names no merged record.
_DANGLING = """
SELECT {entity}, article_id, {kind} FROM {table} WHERE
    ({kind} = 'country' AND {entity} NOT IN (SELECT id FROM countries))
 OR ({kind} = 'organization' AND {entity} NOT IN (SELECT id FROM organizations))
 OR ({kind} = 'person' AND {entity} NOT IN (SELECT id FROM people))
"""
