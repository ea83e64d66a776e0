"""The graph the two seed articles give, through the real pipeline: exactly what the extraction issue asks."""

from __future__ import annotations

from datetime import date

from search_index import NewsIndex
from search_index.models import (
    EntityKind,
    EntityRef,
    FigureKind,
    IncidentKind,
    OrganizationKind,
    Qualifier,
    StatementKind,
)


def test_exactly_three_people_with_their_roles(news_index: NewsIndex) -> None:
    people = {p.name: p for p in (e.node for e in news_index.list_people(first=50).edges)}
    assert set(people) == {"Marat Imankulov", "Stanislav Zas", "Jeenbek Kulubaev"}
    roles = news_index.roles_of_people([people[name].id for name in sorted(people)])
    by_name = dict(zip(sorted(people), roles, strict=True))
    imankulov = by_name["Marat Imankulov"]
    assert any(r.country_id == "KG" and "Security Council" in r.title for r in imankulov)
    assert any(r.organization_id == "csto" for r in by_name["Stanislav Zas"])
    assert any(r.country_id == "KG" and "Foreign Minister" in r.title for r in by_name["Jeenbek Kulubaev"])


def test_imankulov_quoted_directly_and_kulubaev_reported(news_index: NewsIndex) -> None:
    imankulov = news_index.find_person("Imankulov")
    kulubaev = news_index.find_person("kulubaev")
    assert imankulov is not None and kulubaev is not None
    pages = news_index.statements_of_speakers(
        [EntityRef(kind=EntityKind.PERSON, id=imankulov.id), EntityRef(kind=EntityKind.PERSON, id=kulubaev.id)],
        first=20,
    )
    his = [edge.node for edge in pages[0].edges]
    assert sum(s.kind is StatementKind.DIRECT for s in his) == 3
    assert all(s.said_on == date(2022, 9, 22) for s in his)
    assert pages[1].edges and all(e.node.kind is StatementKind.INDIRECT for e in pages[1].edges)


def test_countries_and_organizations(news_index: NewsIndex) -> None:
    countries = {e.node.id for e in news_index.list_countries(first=50).edges}
    assert countries == {"KG", "TJ", "RU", "CN", "AF", "US"}
    orgs = {e.node.name: e.node for e in news_index.list_organizations(first=50).edges}
    assert orgs["Collective Security Treaty Organization"].acronym == "CSTO"
    assert orgs["Shanghai Cooperation Organization"].acronym == "SCO"
    for media in ("Interfax", "AKIpress", "Radio Free Europe/Radio Liberty"):
        assert orgs[media].kind is OrganizationKind.MEDIA, media
    for body in ("Kyrgyz Health Ministry", "Kyrgyz Emergency Situations Ministry", "Kyrgyz Security Council"):
        assert (orgs[body].kind, orgs[body].country_id) == (OrganizationKind.GOVERNMENT_BODY, "KG")


def test_one_border_clash_across_both_articles_with_every_figure(news_index: NewsIndex) -> None:
    clashes = [
        e.node for e in news_index.list_incidents(first=50).edges if e.node.kind is IncidentKind.ARMED_CLASH
    ]
    assert len(clashes) == 1
    clash = clashes[0]
    assert clash.start_date == date(2022, 9, 14)
    assert set(clash.country_ids) == {"KG", "TJ"}
    assert len(clash.article_ids) == 2  # the undated AKIpress article reports it too
    figures = news_index.figures_of_incidents([clash.id])[0]
    got = {(f.kind, f.value, f.qualifier, f.reported_by.id if f.reported_by else None) for f in figures}
    assert got == {
        (FigureKind.KILLED, 59, Qualifier.EXACT, "kg-health-ministry"),
        (FigureKind.INJURED, 198, Qualifier.EXACT, "kg-health-ministry"),
        (FigureKind.BUILDINGS_DESTROYED, 700, Qualifier.MORE_THAN, "kg-emergency-situations-ministry"),
        (FigureKind.HOMES_DESTROYED, 364, Qualifier.EXACT, "kg-emergency-situations-ministry"),
        (FigureKind.EVACUATED, 142000, Qualifier.MORE_THAN, "kg-emergency-situations-ministry"),
    }
