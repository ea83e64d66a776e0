"""The store's tables, versioned with ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``; opening
any older file walks it forward one step at a time, each step in its own
transaction, so a crash mid-migration leaves the last complete version.

Design: every fact row names the article that supports it and goes with that
article (``ON DELETE CASCADE``). Entities and incidents are merged across
articles: each article's view of one is a *claim* row; the entity row itself
is derived from its claims (see ``merged.refresh``) and disappears with the
last one.
"""

from __future__ import annotations

import sqlite3

from search_index.errors import NewsgraphError

_V1 = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    url TEXT,
    source TEXT,
    published_at TEXT,          -- ISO 8601 with the article's own offset, as given
    published_utc TEXT NOT NULL DEFAULT '',   -- sort key; '' when undated
    published_on TEXT,          -- the article's own calendar date, for date filters
    content_hash TEXT NOT NULL
);

CREATE TABLE countries (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, alpha3 TEXT NOT NULL, sort_name TEXT NOT NULL
);
CREATE TABLE country_claims (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    country_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL, alpha3 TEXT NOT NULL,
    UNIQUE (country_id, article_id)
);
CREATE TABLE country_aliases (
    country_id TEXT NOT NULL, alias TEXT NOT NULL, alias_key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (country_id, alias, article_id)
);

CREATE TABLE organizations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, acronym TEXT, kind TEXT NOT NULL,
    country_id TEXT, sort_name TEXT NOT NULL
);
CREATE TABLE organization_claims (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL, name_key TEXT NOT NULL, acronym TEXT, acronym_key TEXT,
    kind TEXT NOT NULL, country_id TEXT,
    UNIQUE (organization_id, article_id)
);
CREATE TABLE organization_aliases (
    organization_id TEXT NOT NULL, alias TEXT NOT NULL, alias_key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (organization_id, alias, article_id)
);
CREATE TABLE organization_members (
    organization_id TEXT NOT NULL, country_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (organization_id, country_id, article_id)
);

CREATE TABLE people (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, country_id TEXT, sort_name TEXT NOT NULL
);
CREATE TABLE person_claims (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL, name_key TEXT NOT NULL, country_id TEXT,
    UNIQUE (person_id, article_id)
);
CREATE TABLE person_aliases (
    person_id TEXT NOT NULL, alias TEXT NOT NULL, alias_key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, alias, article_id)
);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_kind TEXT NOT NULL, entity_id TEXT NOT NULL,
    count INTEGER NOT NULL, spans TEXT NOT NULL,   -- JSON [[start, end], ...]
    PRIMARY KEY (article_id, entity_kind, entity_id)
);
CREATE TABLE roles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id TEXT NOT NULL, title TEXT NOT NULL,
    organization_id TEXT, country_id TEXT,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL, kind TEXT NOT NULL,
    speaker_kind TEXT, speaker_id TEXT,
    said_on TEXT, context TEXT NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);

CREATE TABLE incidents (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL,
    start_date TEXT, end_date TEXT,
    search_text TEXT NOT NULL   -- alias keys of title, kind, places and country names
);
CREATE TABLE incident_claims (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    title TEXT NOT NULL, kind TEXT NOT NULL, start_date TEXT, end_date TEXT,
    UNIQUE (incident_id, article_id)
);
CREATE TABLE incident_countries (
    incident_id TEXT NOT NULL, country_id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (incident_id, country_id, article_id)
);
CREATE TABLE incident_places (
    incident_id TEXT NOT NULL, place TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (incident_id, place, article_id)
);
CREATE TABLE figures (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL, kind TEXT NOT NULL, value INTEGER NOT NULL,
    qualifier TEXT NOT NULL, side_country_id TEXT,
    reporter_kind TEXT, reporter_id TEXT,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    reported_on TEXT, text TEXT NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL
);
"""

# Version 2 adds the dateline and the indexes that the lists, lookups and
# cascades need once a corpus is past a few hundred articles.
_V2 = """
ALTER TABLE articles ADD COLUMN dateline TEXT;
CREATE INDEX articles_by_date ON articles (published_utc DESC, id);
CREATE INDEX country_claims_by_article ON country_claims (article_id);
CREATE INDEX country_aliases_by_key ON country_aliases (alias_key);
CREATE INDEX country_aliases_by_article ON country_aliases (article_id);
CREATE INDEX organization_claims_by_article ON organization_claims (article_id);
CREATE INDEX organization_claims_by_name ON organization_claims (name_key);
CREATE INDEX organization_claims_by_acronym ON organization_claims (acronym_key);
CREATE INDEX organization_aliases_by_key ON organization_aliases (alias_key);
CREATE INDEX organization_aliases_by_article ON organization_aliases (article_id);
CREATE INDEX organization_members_by_article ON organization_members (article_id);
CREATE INDEX organizations_by_country ON organizations (country_id);
CREATE INDEX organizations_by_name ON organizations (sort_name, id);
CREATE INDEX person_claims_by_article ON person_claims (article_id);
CREATE INDEX person_claims_by_name ON person_claims (name_key);
CREATE INDEX person_aliases_by_key ON person_aliases (alias_key);
CREATE INDEX person_aliases_by_article ON person_aliases (article_id);
CREATE INDEX people_by_country ON people (country_id);
CREATE INDEX people_by_name ON people (sort_name, id);
CREATE INDEX countries_by_name ON countries (sort_name, id);
CREATE INDEX mentions_by_entity ON mentions (entity_kind, entity_id);
CREATE INDEX roles_by_person ON roles (person_id);
CREATE INDEX roles_by_organization ON roles (organization_id);
CREATE INDEX roles_by_article ON roles (article_id);
CREATE INDEX statements_by_article ON statements (article_id);
CREATE INDEX statements_by_speaker ON statements (speaker_id);
CREATE INDEX statements_by_date ON statements (said_on DESC, id);
CREATE INDEX incidents_by_date ON incidents (start_date DESC, id);
CREATE INDEX incidents_like ON incidents (kind, start_date);
CREATE INDEX incident_claims_by_article ON incident_claims (article_id);
CREATE INDEX incident_countries_by_country ON incident_countries (country_id);
CREATE INDEX incident_countries_by_article ON incident_countries (article_id);
CREATE INDEX incident_places_by_article ON incident_places (article_id);
CREATE INDEX figures_by_incident ON figures (incident_id);
CREATE INDEX figures_by_article ON figures (article_id);
"""

# Version 3 keys each person claim by surname too, so a later article naming
# someone by surname alone ("Makhmudov, the secretary of ...") finds the person
# an earlier one named in full. Existing rows get the last word of their name
# key: rtrim() strips the trailing non-space run, which leaves the part before it.
_V3 = """
ALTER TABLE person_claims ADD COLUMN surname_key TEXT NOT NULL DEFAULT '';
UPDATE person_claims
    SET surname_key = substr(name_key, length(rtrim(name_key, replace(name_key, ' ', ''))) + 1);
CREATE INDEX person_claims_by_surname ON person_claims (surname_key);
"""

#: ``MIGRATIONS[n]`` upgrades version ``n`` to ``n + 1``.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)

#: The version this code reads and writes.
LATEST = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    """The schema version of the open database (0 for a new, empty file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring the database up to ``target``, one version per transaction; returns the version.

    ``conn`` must be in autocommit mode (``isolation_level=None``). The version
    is read inside each step's write transaction, so two processes opening a
    new file at once do not both create the tables.
    """
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = version(conn)
            if current > LATEST:
                raise NewsgraphError(
                    f"store schema version {current} is newer than this code ({LATEST})"
                )
            if current < target:
                # executescript() would COMMIT first and escape the transaction.
                for statement in _statements(MIGRATIONS[current]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if current >= target:
            return current


def _statements(script: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
