"""The typed facade of newsgraph's write side: what the API reads through.

Records in, records out: no SQL row, Whoosh object or connection escapes this
class. ``NewsIndex.open(settings)`` opens (and, if needed, repairs) the store
and the index under ``settings.data_dir``.

Every list is a stable, ordered sequence paged with opaque cursors; a cursor
this service did not hand out raises :class:`BadCursor`. Batched lookups take
many ids and answer in the same order (None where nothing has that id), so a
DataLoader needs one call per batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Self

from search_index.errors import (
    ArticleNotFound,
    BadArticle,
    BadCursor,
    BadInput,
    BadSearchQuery,
    NewsgraphError,
)
from search_index.models import (
    Article,
    ArticleDraft,
    ArticleFilter,
    Country,
    EntityRef,
    Figure,
    Incident,
    IncidentFilter,
    Mention,
    Organization,
    Page,
    Person,
    PersonFilter,
    Record,
    Role,
    SearchHit,
    SearchResults,
    SearchSort,
    Statement,
    StatementFilter,
)
from search_index.settings import Settings

__all__ = [
    "ArticleNotFound",
    "BadArticle",
    "BadCursor",
    "BadInput",
    "BadSearchQuery",
    "IngestOutcome",
    "IngestResult",
    "NewsIndex",
    "NewsgraphError",
    "Settings",
]


class IngestOutcome(StrEnum):
    """What ingesting one article did."""

    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class IngestResult(Record):
    """The stored article and what ingesting it did."""

    article: Article
    outcome: IngestOutcome


class NewsIndex:
    """The store (truth) and the full-text index (derived), behind one typed interface."""

    @classmethod
    def open(cls, settings: Settings) -> Self:
        """Open the data dir, creating it, and repair an index that is behind the store."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the store connection and the searcher."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writes --------------------------------------------------------------

    def ingest(self, draft: ArticleDraft) -> IngestResult:
        """Extract, store and index one article; the same article twice is stored once."""
        raise NotImplementedError

    def delete_article(self, article_id: str) -> bool:
        """Delete an article and what only it supported; False when there was none."""
        raise NotImplementedError

    def reindex(self) -> int:
        """Rebuild the full-text index from the store; returns the number of articles."""
        raise NotImplementedError

    def is_ready(self) -> bool:
        """True when the store answers and the index is open."""
        raise NotImplementedError

    # --- records by id, batched (same order as asked, None where missing) ----

    def articles(self, ids: Sequence[str]) -> list[Article | None]:
        """Articles by id."""
        raise NotImplementedError

    def countries(self, ids: Sequence[str]) -> list[Country | None]:
        """Countries by alpha-2 id."""
        raise NotImplementedError

    def organizations(self, ids: Sequence[str]) -> list[Organization | None]:
        """Organizations by id."""
        raise NotImplementedError

    def people(self, ids: Sequence[str]) -> list[Person | None]:
        """People by id."""
        raise NotImplementedError

    def statements(self, ids: Sequence[str]) -> list[Statement | None]:
        """Statements by id."""
        raise NotImplementedError

    def incidents(self, ids: Sequence[str]) -> list[Incident | None]:
        """Incidents by id."""
        raise NotImplementedError

    # --- lookups by name -----------------------------------------------------

    def find_person(self, name: str) -> Person | None:
        """A person by any alias: case-, diacritic- and script-insensitive."""
        raise NotImplementedError

    def find_organization(self, name: str) -> Organization | None:
        """An organization by full name, alias or acronym ("CSTO")."""
        raise NotImplementedError

    def find_country(self, *, code: str | None = None, name: str | None = None) -> Country | None:
        """A country by ISO alpha-2/alpha-3 code, or by name, alias or demonym ("Kyrgyz")."""
        raise NotImplementedError

    # --- relations, batched: one list per id asked ---------------------------

    def mentions_in_articles(self, article_ids: Sequence[str]) -> list[list[Mention]]:
        """The entities each article mentions, most mentioned first."""
        raise NotImplementedError

    def statements_in_articles(self, article_ids: Sequence[str]) -> list[list[Statement]]:
        """The statements each article reports, in text order."""
        raise NotImplementedError

    def incidents_in_articles(self, article_ids: Sequence[str]) -> list[list[Incident]]:
        """The incidents each article reports."""
        raise NotImplementedError

    def roles_of_people(self, person_ids: Sequence[str]) -> list[list[Role]]:
        """Every role each person is said to hold, with its article."""
        raise NotImplementedError

    def organizations_of_people(self, person_ids: Sequence[str]) -> list[list[Organization]]:
        """The organizations each person holds a role in."""
        raise NotImplementedError

    def people_of_organizations(self, organization_ids: Sequence[str]) -> list[list[Person]]:
        """The people holding a role in each organization."""
        raise NotImplementedError

    def people_of_countries(self, country_ids: Sequence[str]) -> list[list[Person]]:
        """The people of each country."""
        raise NotImplementedError

    def organizations_of_countries(self, country_ids: Sequence[str]) -> list[list[Organization]]:
        """The organizations of each country (government bodies, national media, ...)."""
        raise NotImplementedError

    def incidents_of_countries(self, country_ids: Sequence[str]) -> list[list[Incident]]:
        """The incidents that took place in each country."""
        raise NotImplementedError

    def figures_of_incidents(self, incident_ids: Sequence[str]) -> list[list[Figure]]:
        """Every figure reported for each incident, each with its own provenance."""
        raise NotImplementedError

    # --- filtered lists with stable cursors ----------------------------------

    def list_articles(
        self, filter: ArticleFilter | None = None, *, first: int = 10, after: str | None = None
    ) -> Page[Article]:
        """Articles, newest first (undated last), then by id."""
        raise NotImplementedError

    def list_people(
        self,
        search: str | None = None,
        filter: PersonFilter | None = None,
        *,
        first: int = 10,
        after: str | None = None,
    ) -> Page[Person]:
        """People by name (fuzzy when ``search`` is given, best match first), else by name."""
        raise NotImplementedError

    def list_organizations(
        self, search: str | None = None, *, first: int = 10, after: str | None = None
    ) -> Page[Organization]:
        """Organizations by name (fuzzy when ``search`` is given, best match first)."""
        raise NotImplementedError

    def list_countries(self, *, first: int = 50, after: str | None = None) -> Page[Country]:
        """Countries mentioned in any article, by name."""
        raise NotImplementedError

    def list_statements(
        self,
        search: str | None = None,
        filter: StatementFilter | None = None,
        *,
        first: int = 10,
        after: str | None = None,
    ) -> Page[Statement]:
        """Statements: ranked by BM25 when ``search`` is given (edge scores set), else newest first."""
        raise NotImplementedError

    def list_incidents(
        self,
        search: str | None = None,
        filter: IncidentFilter | None = None,
        *,
        first: int = 10,
        after: str | None = None,
    ) -> Page[Incident]:
        """Incidents, newest first; ``search`` matches title, kind, places and countries."""
        raise NotImplementedError

    # --- ranked search -------------------------------------------------------

    def search(
        self,
        query: str,
        filter: ArticleFilter | None = None,
        *,
        sort: SearchSort = SearchSort.RELEVANCE,
        first: int = 10,
        after: str | None = None,
    ) -> SearchResults:
        """BM25F over title, body and entity names; facets over all hits; a spelling suggestion."""
        raise NotImplementedError

    def related(self, article_id: str, *, first: int = 5) -> list[SearchHit]:
        """Articles most like this one (more-like-this over its key terms)."""
        raise NotImplementedError

    def articles_of(self, entity: EntityRef, *, first: int = 10, after: str | None = None) -> Page[Article]:
        """Articles that mention an entity, newest first."""
        raise NotImplementedError

