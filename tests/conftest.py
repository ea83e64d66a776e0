"""Shared fixtures: settings over a temp data dir, an open store, an open NewsIndex with the seeds.

``records`` builds Article and Extraction records directly, so store tests
need neither the corpus reader nor the extractor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from search_index import NewsIndex
from search_index.corpus import read_paths
from search_index.models import (
    Article,
    Country,
    EntityKind,
    EntityRef,
    Figure,
    FigureKind,
    Incident,
    IncidentKind,
    Mention,
    Organization,
    OrganizationKind,
    Person,
    Qualifier,
    Role,
    Span,
    Statement,
    StatementKind,
)
from search_index.settings import BUNDLED_ARTICLES, Settings
from search_index.store import Store

#: The seed articles every `news_index` starts with.
SEED_ARTICLES = BUNDLED_ARTICLES


class RecordFactory:
    """Small, valid records with sensible defaults, for tests that write the store directly."""

    def article(
        self,
        article_id: str,
        *,
        title: str | None = None,
        body: str | None = None,
        published: datetime | None = None,
        source: str | None = "Interfax",
    ) -> Article:
        """An article whose content hash follows its title and body."""
        title = title or f"Title of {article_id}"
        body = body or f"Body of {article_id}."
        digest = hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()
        return Article(id=article_id, title=title, body=body, source=source,
                       published_at=published, content_hash=digest)

    def country(self, code: str, name: str, alpha3: str, *aliases: str) -> Country:
        """A country record."""
        return Country(id=code, name=name, alpha3=alpha3, aliases=aliases)

    def person(self, person_id: str, name: str, *aliases: str, country: str | None = None) -> Person:
        """A person record."""
        return Person(id=person_id, name=name, aliases=aliases, country_id=country)

    def organization(
        self,
        org_id: str,
        name: str,
        *aliases: str,
        acronym: str | None = None,
        kind: OrganizationKind = OrganizationKind.OTHER,
        country: str | None = None,
        members: tuple[str, ...] = (),
    ) -> Organization:
        """An organization record."""
        return Organization(id=org_id, name=name, acronym=acronym, aliases=aliases, kind=kind,
                            country_id=country, member_ids=members)

    def mention(self, article_id: str, kind: EntityKind, entity_id: str, count: int = 1) -> Mention:
        """A mention with one span per occurrence."""
        spans = tuple(Span(start=i * 10, end=i * 10 + 5) for i in range(count))
        return Mention(entity=EntityRef(kind=kind, id=entity_id), article_id=article_id,
                       count=count, spans=spans)

    def role(self, article_id: str, person_id: str, title: str, *, org: str | None = None,
             country: str | None = None) -> Role:
        """A role stated by one article."""
        return Role(person_id=person_id, title=title, organization_id=org, country_id=country,
                    article_id=article_id, span=Span(start=0, end=len(title)))

    def statement(
        self,
        statement_id: str,
        article_id: str,
        text: str,
        *,
        speaker: EntityRef | None = None,
        said_on: date | None = None,
        start: int = 0,
    ) -> Statement:
        """A direct quotation."""
        return Statement(id=statement_id, article_id=article_id, text=text,
                         kind=StatementKind.DIRECT, speaker=speaker, said_on=said_on,
                         context=f'"{text}"', span=Span(start=start, end=start + len(text)))

    def incident(
        self,
        incident_id: str,
        article_id: str,
        title: str,
        *,
        kind: IncidentKind = IncidentKind.ARMED_CLASH,
        start: date | None = None,
        end: date | None = None,
        countries: tuple[str, ...] = (),
        places: tuple[str, ...] = (),
    ) -> Incident:
        """An incident as one article reports it."""
        return Incident(id=incident_id, title=title, kind=kind, start_date=start, end_date=end,
                        country_ids=countries, places=places, article_ids=(article_id,))

    def figure(
        self,
        figure_id: str,
        incident_id: str,
        article_id: str,
        value: int,
        *,
        kind: FigureKind = FigureKind.KILLED,
        qualifier: Qualifier = Qualifier.EXACT,
        reporter: EntityRef | None = None,
        reported_on: date | None = None,
    ) -> Figure:
        """A reported number."""
        return Figure(id=figure_id, incident_id=incident_id, kind=kind, value=value,
                      qualifier=qualifier, reported_by=reporter, article_id=article_id,
                      reported_on=reported_on, text=f"{value} {kind.value.lower()}",
                      span=Span(start=0, end=3))


def at(day: str, time: str = "12:00") -> datetime:
    """An aware UTC datetime from ``YYYY-MM-DD`` and ``HH:MM``."""
    return datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=UTC)


@pytest.fixture
def records() -> RecordFactory:
    """Builders of valid records."""
    return RecordFactory()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings over a fresh temp data dir, with no bundled articles to ingest."""
    return Settings(data_dir=tmp_path / "data", bundled_articles=None)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An open, empty store in a temp file."""
    opened = Store.open(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def news_index(settings: Settings) -> Iterator[NewsIndex]:
    """A NewsIndex over a temp data dir holding the seed articles (ingested through the pipeline)."""
    index = NewsIndex.open(settings)
    drafts = [outcome.draft for outcome in read_paths([SEED_ARTICLES]) if outcome.draft]
    assert drafts, "the seed articles should be readable"
    for _ in index.ingest_many(drafts):
        pass
    yield index
    index.close()
