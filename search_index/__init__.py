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

from collections.abc import Generator, Iterable, Iterator, Sequence
from typing import Self

import pycountry

from search_index.errors import (
    ArticleNotFound,
    BadArticle,
    BadCursor,
    BadInput,
    BadSearchQuery,
    NewsgraphError,
)
from search_index.fulltext import FullText
from search_index.models import (
    Article,
    ArticleDraft,
    ArticleFilter,
    Country,
    Edge,
    EntityRef,
    FacetCount,
    Facets,
    Figure,
    Incident,
    IncidentFilter,
    Mention,
    Organization,
    Page,
    Person,
    PersonFilter,
    Role,
    SearchHit,
    SearchResults,
    SearchSort,
    Statement,
    StatementFilter,
)
from search_index.pipeline import DEFAULT_BATCH, IngestResult, Pipeline
from search_index.settings import Settings
from search_index.store import IngestOutcome, Store, batches

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

#: Articles per full-text commit when repairing or rebuilding the index.
_REPAIR_BATCH = 200


def _check_first(first: int) -> None:
    if first < 0:
        raise BadInput("`first` must not be negative")


def _chunks(ids: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


class NewsIndex:
    """The store (truth) and the full-text index (derived), behind one typed interface."""

    def __init__(self, store: Store, fulltext: FullText, *, workers: int | None = None) -> None:
        """``workers``: see :class:`~search_index.pipeline.Pipeline` (default: one per core)."""
        self._store = store
        self._fulltext = fulltext
        self._pipeline = Pipeline(store, fulltext, workers=workers)
        self._open = True

    @classmethod
    def open(cls, settings: Settings) -> Self:
        """Open the data dir, creating it, and repair an index that is behind the store."""
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        store = Store.open(settings.store_path)
        try:
            fulltext = FullText.open(settings.index_dir)
        except BaseException:
            store.close()
            raise
        index = cls(store, fulltext, workers=settings.ingest_workers)
        try:
            index.repair()
        except BaseException:
            index.close()
            raise
        return index

    def close(self) -> None:
        """Release the store connection and the searcher."""
        if self._open:
            self._open = False
            self._fulltext.close()
            self._store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writes --------------------------------------------------------------

    def ingest(self, draft: ArticleDraft) -> IngestResult:
        """Extract, store and index one article; the same article twice is stored once."""
        return self._pipeline.ingest(draft)

    def ingest_many(
        self, drafts: Iterable[ArticleDraft], *, batch: int = DEFAULT_BATCH
    ) -> Generator[IngestResult, None, None]:
        """Ingest many articles, each stored on its own, the index committed every ``batch``."""
        return self._pipeline.ingest_many(drafts, batch=batch)

    def delete_article(self, article_id: str) -> bool:
        """Delete an article and what only it supported; False when there was none."""
        return self._pipeline.delete(article_id)

    def reindex(self) -> int:
        """Rebuild the full-text index from the store; returns the number of articles."""
        self._fulltext.clear()
        ids = self._store.article_ids()
        for chunk in _chunks(ids, _REPAIR_BATCH):
            self._fulltext.put(self._store.extractions(chunk))
        return len(ids)

    def repair(self) -> int:
        """Bring the index level with the store (after a crash between the two writes).

        Puts the articles the index lacks or holds an older version of, deletes
        those the store no longer has; returns how many articles it fixed.
        """
        stored = self._store.fingerprints()
        indexed = self._fulltext.fingerprints()
        stale = sorted(aid for aid, digest in stored.items() if indexed.get(aid) != digest)
        extra = sorted(set(indexed) - set(stored))
        if extra:
            self._fulltext.delete(extra)
        for chunk in _chunks(stale, _REPAIR_BATCH):
            self._fulltext.put(self._store.extractions(chunk))
        return len(stale) + len(extra)

    def is_ready(self) -> bool:
        """True when the store answers and the index is open."""
        if not self._open:
            return False
        return self._store.ping()

    def is_empty(self) -> bool:
        """True when the store holds no article (the caller may then ingest bundled ones)."""
        return self._store.is_empty()

    # --- records by id, batched (same order as asked, None where missing) ----

    def articles(self, ids: Sequence[str]) -> list[Article | None]:
        """Articles by id."""
        return self._store.articles(ids)

    def countries(self, ids: Sequence[str]) -> list[Country | None]:
        """Countries by alpha-2 id."""
        return self._store.countries(ids)

    def organizations(self, ids: Sequence[str]) -> list[Organization | None]:
        """Organizations by id."""
        return self._store.organizations(ids)

    def people(self, ids: Sequence[str]) -> list[Person | None]:
        """People by id."""
        return self._store.people(ids)

    def statements(self, ids: Sequence[str]) -> list[Statement | None]:
        """Statements by id."""
        return self._store.statements(ids)

    def incidents(self, ids: Sequence[str]) -> list[Incident | None]:
        """Incidents by id."""
        return self._store.incidents(ids)

    # --- lookups by name -----------------------------------------------------

    def find_person(self, name: str) -> Person | None:
        """A person by any alias: case-, diacritic- and script-insensitive."""
        return self._store.find_person(name)

    def find_organization(self, name: str) -> Organization | None:
        """An organization by full name, alias or acronym ("CSTO")."""
        return self._store.find_organization(name)

    def find_country(self, *, code: str | None = None, name: str | None = None) -> Country | None:
        """A country by ISO alpha-2/alpha-3 code, or by name, alias or demonym ("Kyrgyz")."""
        if code is not None:
            return self._store.country_by_code(code)
        if name is None or not name.strip():
            return None
        found = self._store.country_by_name(name)
        if found is None:
            # A name the articles never used ("Kyrgyz Republic") may still be a
            # stored country's official name or a common spelling of it.
            try:
                known = pycountry.countries.lookup(name.strip())
            except LookupError:
                return None
            found = self._store.country_by_code(str(known.alpha_2))
        return found

    # --- relations, batched: one list per id asked ---------------------------

    def mentions_in_articles(self, article_ids: Sequence[str]) -> list[list[Mention]]:
        """The entities each article mentions, most mentioned first."""
        return self._store.mentions_in_articles(article_ids)

    def statements_in_articles(self, article_ids: Sequence[str]) -> list[list[Statement]]:
        """The statements each article reports, in text order."""
        return self._store.statements_in_articles(article_ids)

    def incidents_in_articles(self, article_ids: Sequence[str]) -> list[list[Incident]]:
        """The incidents each article reports."""
        return self._store.incidents_in_articles(article_ids)

    def roles_of_people(self, person_ids: Sequence[str]) -> list[list[Role]]:
        """Every role each person is said to hold, with its article."""
        return self._store.roles_of_people(person_ids)

    def organizations_of_people(self, person_ids: Sequence[str]) -> list[list[Organization]]:
        """The organizations each person holds a role in."""
        return self._store.organizations_of_people(person_ids)

    def people_of_organizations(self, organization_ids: Sequence[str]) -> list[list[Person]]:
        """The people holding a role in each organization."""
        return self._store.people_of_organizations(organization_ids)

    def people_of_countries(self, country_ids: Sequence[str]) -> list[list[Person]]:
        """The people of each country."""
        return self._store.people_of_countries(country_ids)

    def organizations_of_countries(self, country_ids: Sequence[str]) -> list[list[Organization]]:
        """The organizations of each country (government bodies, national media, ...)."""
        return self._store.organizations_of_countries(country_ids)

    def incidents_of_countries(self, country_ids: Sequence[str]) -> list[list[Incident]]:
        """The incidents that took place in each country."""
        return self._store.incidents_of_countries(country_ids)

    def figures_of_incidents(self, incident_ids: Sequence[str]) -> list[list[Figure]]:
        """Every figure reported for each incident, each with its own provenance."""
        return self._store.figures_of_incidents(incident_ids)

    # --- filtered lists with stable cursors ----------------------------------

    def list_articles(
        self, filter: ArticleFilter | None = None, *, first: int = 10, after: str | None = None
    ) -> Page[Article]:
        """Articles, newest first (undated last), then by id."""
        return self._store.list_articles(filter, first=first, after=after)

    def list_people(
        self,
        search: str | None = None,
        filter: PersonFilter | None = None,
        *,
        first: int = 10,
        after: str | None = None,
    ) -> Page[Person]:
        """People by name (fuzzy when ``search`` is given, best match first), else by name."""
        return self._store.list_people(search, filter, first=first, after=after)

    def list_organizations(
        self, search: str | None = None, *, first: int = 10, after: str | None = None
    ) -> Page[Organization]:
        """Organizations by name (fuzzy when ``search`` is given, best match first)."""
        return self._store.list_organizations(search, first=first, after=after)

    def list_countries(self, *, first: int = 50, after: str | None = None) -> Page[Country]:
        """Countries mentioned in any article, by name."""
        return self._store.list_countries(first=first, after=after)

    def list_statements(
        self,
        search: str | None = None,
        filter: StatementFilter | None = None,
        *,
        first: int = 10,
        after: str | None = None,
    ) -> Page[Statement]:
        """Statements: ranked by BM25 when ``search`` is given (edge scores set), else newest first."""
        if search is None or not search.strip():
            return self._store.list_statements(filter, first=first, after=after)
        _check_first(first)
        filter = filter or StatementFilter()
        speakers = self._store.statement_speakers(filter)
        if speakers is not None and not speakers:
            # The filter names speakers who never said anything: nothing can match.
            return Page[Statement](edges=(), total=0, has_next=False,
                                   has_previous=after is not None)
        ranked = self._fulltext.search_statements(
            search, speakers=speakers, from_date=filter.from_date, to_date=filter.to_date,
            first=first, after=after,
        )
        found = self._store.statements([edge.node for edge in ranked.edges])
        edges = tuple(
            Edge[Statement](cursor=edge.cursor, node=statement, score=edge.score)
            for edge, statement in zip(ranked.edges, found, strict=True)
            if statement is not None
        )
        return Page[Statement](edges=edges, total=ranked.total, has_next=ranked.has_next,
                               has_previous=ranked.has_previous)

    def list_incidents(
        self,
        search: str | None = None,
        filter: IncidentFilter | None = None,
        *,
        first: int = 10,
        after: str | None = None,
    ) -> Page[Incident]:
        """Incidents, newest first; ``search`` matches title, kind, places and countries."""
        return self._store.list_incidents(search, filter, first=first, after=after)

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
        _check_first(first)
        results = self._fulltext.search(query, filter, sort=sort, first=first, after=after)
        return results.model_copy(update={"facets": self._named(results.facets)})

    def related(self, article_id: str, *, first: int = 5) -> list[SearchHit]:
        """Articles most like this one (more-like-this over its key terms)."""
        _check_first(first)
        return self._fulltext.more_like(article_id, first=first)

    def articles_of(self, entity: EntityRef, *, first: int = 10, after: str | None = None) -> Page[Article]:
        """Articles that mention an entity, newest first."""
        return self._store.articles_of(entity, first=first, after=after)

    def statements_of(
        self, entity: EntityRef, search: str | None = None, *, first: int = 10, after: str | None = None
    ) -> Page[Statement]:
        """What an entity said (see :meth:`statements_of_speakers`); ranked by ``search`` when given."""
        return self.list_statements(search, batches.statement_filter(entity), first=first, after=after)

    def statements_of_speakers(
        self, speakers: Sequence[EntityRef], *, first: int
    ) -> list[Page[Statement]]:
        """Per entity, in one query, the first page ``list_statements`` gives for its filter.

        Same order, total, ``has_next`` and cursors (valid as its ``after``). A
        person's filter is ``speaker=``; an organization's ``organization=`` (its
        own and its role holders' statements); a country's ``country=``.
        """
        return self._store.statements_of_speakers(speakers, first=first)

    def articles_of_entities(self, entities: Sequence[EntityRef], *, first: int) -> list[Page[Article]]:
        """Per entity, in one query, the first page ``articles_of`` gives (cursors included)."""
        return self._store.articles_of_entities(entities, first=first)

    def _named(self, facets: Facets) -> Facets:
        """Facets with each entity's current name as its ``value`` (the index holds ids)."""
        countries = self._store.countries([f.id or "" for f in facets.countries])
        organizations = self._store.organizations([f.id or "" for f in facets.organizations])
        people = self._store.people([f.id or "" for f in facets.people])
        return facets.model_copy(update={
            "countries": _rename(facets.countries, [c.name if c else None for c in countries]),
            "organizations": _rename(facets.organizations,
                                     [o.name if o else None for o in organizations]),
            "people": _rename(facets.people, [p.name if p else None for p in people]),
        })


def _rename(counts: tuple[FacetCount, ...], names: list[str | None]) -> tuple[FacetCount, ...]:
    return tuple(
        count if name is None else count.model_copy(update={"value": name})
        for count, name in zip(counts, names, strict=True)
    )
