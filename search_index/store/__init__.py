"""The SQLite store, newsgraph's source of truth: one file, WAL, versioned schema.

:class:`Store` is the only way in: it hands each thread its own connection,
runs every write in one transaction, and answers the
:class:`~search_index.extract.GraphLookup` protocol, so extraction can merge a
new article's entities with those earlier articles built.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Self

from search_index.models import (
    Article,
    ArticleFilter,
    Country,
    EntityRef,
    Extraction,
    Figure,
    Incident,
    IncidentFilter,
    IncidentKind,
    Mention,
    Organization,
    Page,
    Person,
    PersonFilter,
    Role,
    Statement,
    StatementFilter,
)
from search_index.names import alias_key
from search_index.store import batches, checks, lists, reads, schema, writes
from search_index.store.connections import Connections, connect
from search_index.store.writes import IngestOutcome

__all__ = ["IngestOutcome", "Store"]


class Store:
    """Articles, entities and facts in one SQLite file."""

    def __init__(self, connections: Connections) -> None:
        self._db = connections

    @classmethod
    def open(cls, path: Path) -> Self:
        """Open (creating, or migrating to the latest schema) the store at ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        first = connect(path)
        try:
            schema.migrate(first)
        finally:
            first.close()
        return cls(Connections(path))

    def close(self) -> None:
        """Close every connection."""
        self._db.close()

    def ping(self) -> bool:
        """True when the store answers a query."""
        try:
            return self._db.get().execute("SELECT 1").fetchone() is not None
        except sqlite3.Error:
            return False

    def schema_version(self) -> int:
        """The schema version of the open file."""
        return schema.version(self._db.get())

    def integrity_check(self) -> str:
        """SQLite's own verdict on the file ("ok" when sound)."""
        return str(self._db.get().execute("PRAGMA integrity_check").fetchone()[0])

    def problems(self) -> list[str]:
        """What is inconsistent in the file: SQLite's checks plus the store's own invariants.

        Empty when sound: pages intact, every fact's article present, every
        merged record backed by at least one claim and every claim by a record.
        """
        with self._db.read() as conn:
            return checks.problems(conn)

    def trace(self, callback: Callable[[str], None] | None) -> None:
        """Call ``callback`` with each SQL statement this thread runs (None stops it)."""
        self._db.get().set_trace_callback(callback)

    # --- writes -------------------------------------------------------------------

    def put(self, article: Article, extraction: Extraction) -> IngestOutcome:
        """Store an article and all its records in one transaction (same hash: no-op)."""
        with self._db.write() as conn:
            return writes.put(conn, article, extraction)

    def delete(self, article_id: str) -> bool:
        """Delete an article and what it alone supported; False when there was none."""
        with self._db.write() as conn:
            return writes.delete(conn, article_id)

    # --- whole articles -----------------------------------------------------------

    def stored_hash(self, article_id: str) -> str | None:
        """The content hash stored for an article id, None if absent."""
        return writes.stored_hash(self._db.get(), article_id)

    def fingerprints(self) -> dict[str, str]:
        """Article id -> content hash, for every stored article."""
        return reads.fingerprints(self._db.get())

    def article_ids(self) -> list[str]:
        """Every stored article id, sorted."""
        return reads.article_ids(self._db.get())

    def is_empty(self) -> bool:
        """True when no article is stored."""
        return self._db.get().execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def extractions(self, article_ids: Sequence[str]) -> list[tuple[Article, Extraction]]:
        """Stored articles with their records as extracted (missing ids are skipped)."""
        with self._db.read() as conn:
            found = reads.articles(conn, article_ids)
            return [(article, reads.extraction_of(conn, article.id))
                    for article in found if article is not None]

    # --- records by id ---------------------------------------------------------------

    def articles(self, ids: Sequence[str]) -> list[Article | None]:
        """Articles by id, in the order asked."""
        return reads.articles(self._db.get(), ids)

    def countries(self, ids: Sequence[str]) -> list[Country | None]:
        """Countries by alpha-2 id, in the order asked."""
        return reads.countries(self._db.get(), ids)

    def organizations(self, ids: Sequence[str]) -> list[Organization | None]:
        """Organizations by id, in the order asked."""
        return reads.organizations(self._db.get(), ids)

    def people(self, ids: Sequence[str]) -> list[Person | None]:
        """People by id, in the order asked."""
        return reads.people(self._db.get(), ids)

    def statements(self, ids: Sequence[str]) -> list[Statement | None]:
        """Statements by id, in the order asked."""
        return reads.statements(self._db.get(), ids)

    def incidents(self, ids: Sequence[str]) -> list[Incident | None]:
        """Incidents by id, in the order asked."""
        return reads.incidents(self._db.get(), ids)

    # --- relations, batched ------------------------------------------------------------

    def mentions_in_articles(self, ids: Sequence[str]) -> list[list[Mention]]:
        """The entities each article mentions, most mentioned first."""
        return reads.mentions_in_articles(self._db.get(), ids)

    def statements_in_articles(self, ids: Sequence[str]) -> list[list[Statement]]:
        """The statements each article reports, in text order."""
        return reads.statements_in_articles(self._db.get(), ids)

    def incidents_in_articles(self, ids: Sequence[str]) -> list[list[Incident]]:
        """The incidents each article reports."""
        return reads.incidents_in_articles(self._db.get(), ids)

    def roles_of_people(self, ids: Sequence[str]) -> list[list[Role]]:
        """Every role each person is said to hold."""
        return reads.roles_of_people(self._db.get(), ids)

    def organizations_of_people(self, ids: Sequence[str]) -> list[list[Organization]]:
        """The organizations each person holds a role in."""
        return reads.organizations_of_people(self._db.get(), ids)

    def people_of_organizations(self, ids: Sequence[str]) -> list[list[Person]]:
        """The people holding a role in each organization."""
        return reads.people_of_organizations(self._db.get(), ids)

    def people_of_countries(self, ids: Sequence[str]) -> list[list[Person]]:
        """The people of each country."""
        return reads.people_of_countries(self._db.get(), ids)

    def organizations_of_countries(self, ids: Sequence[str]) -> list[list[Organization]]:
        """The organizations of each country."""
        return reads.organizations_of_countries(self._db.get(), ids)

    def incidents_of_countries(self, ids: Sequence[str]) -> list[list[Incident]]:
        """The incidents that took place in each country."""
        return reads.incidents_of_countries(self._db.get(), ids)

    def figures_of_incidents(self, ids: Sequence[str]) -> list[list[Figure]]:
        """Every figure reported for each incident."""
        return reads.figures_of_incidents(self._db.get(), ids)

    # --- lookups by name (and the GraphLookup protocol) -----------------------------

    def people_by_alias_key(self, key: str) -> list[Person]:
        """People one of whose names has this alias key."""
        return reads.people_by_alias_key(self._db.get(), key)

    def people_by_surname_key(self, key: str) -> list[Person]:
        """People some article names with this surname (an alias key of one word)."""
        return reads.people_by_surname_key(self._db.get(), key)

    def organization_by_alias_key(self, key: str) -> Organization | None:
        """The best supported organization with this key as name, acronym or alias."""
        found = reads.organizations_by_alias_key(self._db.get(), key, limit=1)
        return found[0] if found else None

    def incidents_like(
        self, kind: IncidentKind, start: date | None, country_ids: tuple[str, ...]
    ) -> list[Incident]:
        """Stored incidents of this kind starting that day in any of these countries."""
        return reads.incidents_like(self._db.get(), kind, start, country_ids)

    def incidents_in(self, kind: IncidentKind, country_ids: tuple[str, ...]) -> list[Incident]:
        """Stored incidents of this kind in any of these countries, dated or not."""
        return reads.incidents_in(self._db.get(), kind, country_ids)

    def find_person(self, name: str) -> Person | None:
        """A person by any alias; of several, the one with the smallest id."""
        found = self.people_by_alias_key(alias_key(name))
        return found[0] if found else None

    def find_organization(self, name: str) -> Organization | None:
        """An organization by full name, alias or acronym."""
        return self.organization_by_alias_key(alias_key(name))

    def country_by_code(self, code: str) -> Country | None:
        """A stored country by ISO alpha-2 or alpha-3 code."""
        return reads.country_by_code(self._db.get(), code)

    def country_by_name(self, name: str) -> Country | None:
        """A stored country by name, alias or demonym."""
        return reads.country_by_alias_key(self._db.get(), alias_key(name))

    # --- lists ---------------------------------------------------------------------------

    def list_articles(
        self, filter: ArticleFilter | None, *, first: int, after: str | None
    ) -> Page[Article]:
        """Articles, newest first (undated last), then by id."""
        with self._db.read() as conn:
            return lists.articles(conn, filter, first=first, after=after)

    def articles_of(self, entity: EntityRef, *, first: int, after: str | None) -> Page[Article]:
        """Articles that mention an entity: the list ``articles_of_entities`` pages in batches."""
        return self.list_articles(batches.article_filter(entity), first=first, after=after)

    def list_people(
        self, search: str | None, filter: PersonFilter | None, *, first: int, after: str | None
    ) -> Page[Person]:
        """People by name, or best fuzzy match first."""
        with self._db.read() as conn:
            return lists.people(conn, search, filter, first=first, after=after)

    def list_organizations(
        self, search: str | None, *, first: int, after: str | None
    ) -> Page[Organization]:
        """Organizations by name, or best fuzzy match first."""
        with self._db.read() as conn:
            return lists.organizations(conn, search, first=first, after=after)

    def list_countries(self, *, first: int, after: str | None) -> Page[Country]:
        """Countries by name."""
        with self._db.read() as conn:
            return lists.countries(conn, first=first, after=after)

    def list_statements(
        self, filter: StatementFilter | None, *, first: int, after: str | None
    ) -> Page[Statement]:
        """Statements newest first."""
        with self._db.read() as conn:
            return lists.statements(conn, filter, first=first, after=after)

    def statement_speakers(self, filter: StatementFilter) -> set[str] | None:
        """The speakers a statement filter keeps, as ``kind:id``; None when it keeps anyone's."""
        return lists.speakers(self._db.get(), filter)

    def statements_of_speakers(
        self, refs: Sequence[EntityRef], *, first: int
    ) -> list[Page[Statement]]:
        """The first page of each entity's statements, in the order asked, in one query."""
        with self._db.read() as conn:
            return batches.statements_of(conn, refs, first=first)

    def articles_of_entities(self, refs: Sequence[EntityRef], *, first: int) -> list[Page[Article]]:
        """The first page of the articles that mention each entity, in one query."""
        with self._db.read() as conn:
            return batches.articles_of(conn, refs, first=first)

    def list_incidents(
        self, search: str | None, filter: IncidentFilter | None, *, first: int, after: str | None
    ) -> Page[Incident]:
        """Incidents newest first, optionally matching ``search``."""
        with self._db.read() as conn:
            return lists.incidents(conn, search, filter, first=first, after=after)
