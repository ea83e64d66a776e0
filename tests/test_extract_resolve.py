"""Merging an article's entities with the graph: organizations, people (across spellings), incidents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from search_index.extract import GraphLookup, extract
from search_index.extract.resolve import (
    fold_name,
    match_incident,
    match_organization,
    match_person,
    organization_id,
    resolve,
    same_person_name,
    search_keys,
    spelling_variants,
)
from search_index.models import (
    Article,
    EntityKind,
    EntityRef,
    Extraction,
    Figure,
    FigureKind,
    Incident,
    IncidentKind,
    Mention,
    Organization,
    OrganizationKind,
    Person,
    Role,
    Span,
    Statement,
    StatementKind,
)
from search_index.names import alias_key

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"


@dataclass
class MemoryGraph:
    """The GraphLookup protocol over plain lists: what a store holding these records answers."""

    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)

    def people_by_alias_key(self, key: str) -> list[Person]:
        return [p for p in self.people if key in {alias_key(n) for n in (p.name, *p.aliases)}]

    def people_by_surname_key(self, key: str) -> list[Person]:
        return [p for p in self.people if alias_key(p.name).split()[-1] == key]

    def organization_by_alias_key(self, key: str) -> Organization | None:
        for org in self.organizations:
            names = (org.name, org.acronym, *org.aliases)
            if key in {alias_key(n) for n in names if n}:
                return org
        return None

    def incidents_like(
        self, kind: IncidentKind, start: date | None, country_ids: tuple[str, ...]
    ) -> list[Incident]:
        return [
            i
            for i in self.incidents
            if i.kind == kind and i.start_date == start and set(i.country_ids) & set(country_ids)
        ]

    def incidents_in(self, kind: IncidentKind, country_ids: tuple[str, ...]) -> list[Incident]:
        return [i for i in self.incidents if i.kind == kind and set(i.country_ids) & set(country_ids)]

    def add(self, extraction: Extraction) -> None:
        """Keep an article's entities, as the store does after ingesting it."""
        self.people.extend(extraction.people)
        self.organizations.extend(extraction.organizations)
        self.incidents.extend(extraction.incidents)


def test_fold_joins_transliterations() -> None:
    assert fold_name("Japarov") == fold_name("Zhaparov") == fold_name("Жапаров") == "japarov"
    assert fold_name("Kulubayev") == fold_name("Kulubaev")
    assert fold_name("Mirziyoyev") == fold_name("Mirziyoev")
    assert fold_name("Sadyr Japarov") == fold_name("Садыр Жапаров")


def test_other_spellings_are_looked_up() -> None:
    assert {"sadyr japarov", "sadir zhaparov"} <= set(spelling_variants("Sadyr Zhaparov"))
    assert "kulubaev" in spelling_variants("Kulubayev")
    assert "mirziyoyev" in spelling_variants("Mirziyoev")
    assert search_keys("Marat Imankulov") == ["marat imankulov", "imankulov"]


def test_spellings_asked_again_are_the_same_whatever_a_caller_did_with_them() -> None:
    # Spellings are remembered across articles: a caller's list is its own copy.
    first = search_keys("Sadyr Zhaparov")
    first.append("someone else")
    assert "someone else" not in search_keys("Sadyr Zhaparov")
    assert search_keys("Sadyr Zhaparov") == first[:-1]
    assert spelling_variants("Sadyr Zhaparov", limit=3) == first[:3]


def test_same_person_name_needs_agreeing_first_names() -> None:
    assert same_person_name("Marat Imankulov", "Imankulov")
    assert same_person_name("M. Imankulov", "Marat Imankulov")
    assert same_person_name("Sadyr Japarov", "Sadir Zhaparov")
    assert not same_person_name("Marat Imankulov", "Talant Imankulov")
    assert not same_person_name("Marat Imankulov", "Marat Kulubaev")


def test_organizations_match_by_alias_or_by_acronym_with_a_similar_name() -> None:
    stored = Organization(id="imu", name="Islamic Movement of Uzbekistan", acronym="IMU")
    graph = MemoryGraph(organizations=[stored])
    same = Organization(id="x", name="Islamic Movement of Uzbekistan (Uzbekistan)", acronym="IMU")
    other = Organization(id="y", name="International Mathematical Union", acronym="IMU")
    by_alias = Organization(id="z", name="Movement", aliases=("Islamic Movement of Uzbekistan",))
    assert match_organization(same, graph) == stored
    assert match_organization(other, graph) is None
    assert match_organization(by_alias, graph) == stored
    assert organization_id(same, graph) == "imu"
    assert organization_id(other.model_copy(update={"id": "imu"}), graph) == (
        "international-mathematical-union"
    )
    assert organization_id(Organization(id="sco", name="SCO", acronym="SCO"), graph) == "sco"


def test_two_states_bodies_sharing_a_name_stay_apart() -> None:
    chinese = Organization(id="cn-commerce-ministry", name="Chinese Commerce Ministry",
                           aliases=("Ministry of Commerce",), country_id="CN")
    graph = MemoryGraph(organizations=[chinese])
    indian = Organization(id="in-commerce-ministry", name="Indian Commerce Ministry",
                          aliases=("Ministry of Commerce",), country_id="IN")
    assert match_organization(indian, graph) is None
    assert match_organization(indian.model_copy(update={"country_id": "CN"}), graph) == chinese
    # A body whose state the article does not say may be any state's.
    assert match_organization(indian.model_copy(update={"country_id": None}), graph) == chinese


def test_surname_only_matches_the_one_stored_person() -> None:
    # As people.find_people records a person: the surname is one of the aliases.
    stored = Person(
        id="marat-imankulov", name="Marat Imankulov", aliases=("Imankulov",), country_id="KG"
    )
    graph = MemoryGraph(people=[stored])
    assert match_person(Person(id="imankulov", name="Imankulov"), graph) == stored
    assert match_person(Person(id="x", name="Talant Imankulov"), graph) is None
    assert match_person(Person(id="y", name="Imankulov", country_id="TJ"), graph) is None


def test_surname_only_finds_a_person_named_in_full_elsewhere_in_the_same_country() -> None:
    # The earlier article named him in full only, so no alias is his surname alone.
    stored = Person(id="viktor-makhmudov", name="Viktor Makhmudov", country_id="UZ")
    graph = MemoryGraph(people=[stored])
    assert match_person(Person(id="makhmudov", name="Makhmudov", country_id="UZ"), graph) == stored
    # Without a country to agree, or with another one, a surname alone is too weak.
    assert match_person(Person(id="makhmudov", name="Makhmudov"), graph) is None
    assert match_person(Person(id="makhmudov", name="Makhmudov", country_id="TJ"), graph) is None


def test_two_people_sharing_a_surname_are_not_guessed() -> None:
    graph = MemoryGraph(
        people=[
            Person(id="marat-imankulov", name="Marat Imankulov", aliases=("Imankulov",)),
            Person(id="talant-imankulov", name="Talant Imankulov", aliases=("Imankulov",)),
        ]
    )
    assert match_person(Person(id="imankulov", name="Imankulov"), graph) is None


def _extraction() -> Extraction:
    span = Span(start=0, end=8)
    person = EntityRef(kind=EntityKind.PERSON, id="zhaparov")
    ministry = EntityRef(kind=EntityKind.ORGANIZATION, id="kg-health-ministry")
    return Extraction(
        organizations=(
            Organization(
                id="kg-health-ministry",
                name="Kyrgyz Health Ministry",
                aliases=("Ministry of Health of Kyrgyzstan",),
                kind=OrganizationKind.GOVERNMENT_BODY,
                country_id="KG",
            ),
        ),
        people=(Person(id="zhaparov", name="Sadyr Zhaparov", country_id="KG"),),
        mentions=(
            Mention(entity=person, article_id="b", count=2, spans=(span,)),
            Mention(entity=ministry, article_id="b", count=1, spans=(span,)),
        ),
        roles=(
            Role(
                person_id="zhaparov",
                title="President",
                organization_id="kg-health-ministry",
                article_id="b",
                span=span,
            ),
        ),
        statements=(
            Statement(
                id="b:s0",
                article_id="b",
                text="We will defend our borders",
                kind=StatementKind.DIRECT,
                speaker=person,
                context="...",
                span=span,
            ),
        ),
        incidents=(
            Incident(
                id="b:i0",
                title="Clash",
                kind=IncidentKind.ARMED_CLASH,
                start_date=date(2022, 9, 14),
                end_date=date(2022, 9, 17),
                country_ids=("KG", "TJ"),
                article_ids=("b",),
            ),
        ),
        figures=(
            Figure(
                id="b:f0",
                incident_id="b:i0",
                kind=FigureKind.KILLED,
                value=63,
                side_country_id="KG",
                reported_by=ministry,
                article_id="b",
                text="63 killed",
                span=span,
            ),
        ),
    )


def test_resolve_rewrites_every_fact_to_the_graph_ids() -> None:
    graph: GraphLookup = MemoryGraph(
        people=[Person(id="sadyr-japarov", name="Sadyr Japarov", country_id="KG")],
        organizations=[
            Organization(id="kg-minzdrav", name="Ministry of Health of Kyrgyzstan", country_id="KG")
        ],
        incidents=[
            Incident(
                id="a:i0",
                title="Border clash",
                kind=IncidentKind.ARMED_CLASH,
                start_date=date(2022, 9, 14),
                country_ids=("TJ",),
            )
        ],
    )
    resolved = resolve(_extraction(), graph)
    assert [p.id for p in resolved.people] == ["sadyr-japarov"]
    assert resolved.people[0].name == "Sadyr Zhaparov"  # what this article says of him
    assert [o.id for o in resolved.organizations] == ["kg-minzdrav"]
    assert {m.entity.id for m in resolved.mentions} == {"sadyr-japarov", "kg-minzdrav"}
    assert resolved.roles[0].person_id == "sadyr-japarov"
    assert resolved.roles[0].organization_id == "kg-minzdrav"
    assert resolved.statements[0].speaker == EntityRef(kind=EntityKind.PERSON, id="sadyr-japarov")
    assert resolved.incidents[0].id == "a:i0"
    assert resolved.figures[0].incident_id == "a:i0"
    assert resolved.figures[0].reported_by == EntityRef(
        kind=EntityKind.ORGANIZATION, id="kg-minzdrav"
    )


def _clash(
    start: date | None,
    end: date | None = None,
    countries: tuple[str, ...] = ("KG", "TJ"),
    places: tuple[str, ...] = (),
) -> Incident:
    return Incident(
        id=f"clash-{start}-{'-'.join(places)}",
        title="Clash",
        kind=IncidentKind.ARMED_CLASH,
        start_date=start,
        end_date=end,
        country_ids=countries,
        places=places,
    )


def test_incidents_merge_on_overlapping_dates_and_a_shared_country() -> None:
    stored = _clash(date(2022, 9, 14), date(2022, 9, 17))
    graph = MemoryGraph(incidents=[stored])
    assert match_incident(_clash(date(2022, 9, 16), countries=("TJ",)), graph) == stored
    assert match_incident(_clash(date(2022, 9, 18)), graph) is None
    assert match_incident(_clash(date(2022, 9, 15), countries=("UZ",)), graph) is None


def test_undated_incident_is_the_recent_one_in_all_its_countries() -> None:
    stored = _clash(date(2022, 9, 14))
    graph = MemoryGraph(incidents=[stored])
    assert match_incident(_clash(None), graph, published_on=date(2022, 9, 30)) == stored
    assert match_incident(_clash(None), graph, published_on=date(2023, 1, 30)) is None
    assert match_incident(_clash(None), graph) is None
    wider = _clash(None, countries=("KG", "TJ", "UZ"))
    assert match_incident(wider, graph, published_on=date(2022, 9, 30)) is None


def test_resolve_leaves_unmatched_ids_alone() -> None:
    other_kind = Incident(
        id="a:i1",
        title="Summit",
        kind=IncidentKind.SUMMIT,
        start_date=date(2022, 9, 14),
        country_ids=("KG",),
    )
    resolved = resolve(_extraction(), MemoryGraph(incidents=[other_kind]))
    assert resolved == _extraction()


def test_mentions_landing_on_one_id_add_up() -> None:
    span_a, span_b = Span(start=0, end=4), Span(start=10, end=14)
    extraction = Extraction(
        people=(Person(id="japarov", name="Japarov"), Person(id="zhaparov", name="Zhaparov")),
        mentions=(
            Mention(entity=EntityRef(kind=EntityKind.PERSON, id="japarov"), article_id="c", count=1, spans=(span_a,)),
            Mention(entity=EntityRef(kind=EntityKind.PERSON, id="zhaparov"), article_id="c", count=2, spans=(span_b,)),
        ),
    )  # fmt: skip
    graph = MemoryGraph(
        people=[Person(id="sadyr-japarov", name="Sadyr Japarov", aliases=("Japarov",))]
    )
    resolved = resolve(extraction, graph)
    assert [p.id for p in resolved.people] == ["sadyr-japarov"]
    assert len(resolved.mentions) == 1
    assert resolved.mentions[0].count == 3 and resolved.mentions[0].spans == (span_a, span_b)


def _seed(path: Path, article_id: str) -> Article:
    return Article(
        id=article_id,
        title=path.stem,
        body=path.read_text(encoding="utf-8"),
        content_hash=article_id,
        published_at=datetime(2022, 9, 22, tzinfo=UTC),
    )


def test_extract_seed_articles_countries_organizations_and_counts() -> None:
    first, second = sorted(SEEDS.glob("*.txt"))
    a = extract(_seed(first, "a"))
    b = extract(_seed(second, "b"))
    countries = {c.name for c in (*a.countries, *b.countries)}
    assert countries == {
        "Kyrgyzstan", "Tajikistan", "Russia", "China", "Afghanistan", "United States",
    }  # fmt: skip
    orgs = {o.id: o for o in (*a.organizations, *b.organizations)}
    assert {"csto", "sco", "interfax", "akipress", "rferl", "kg-security-council",
            "kg-health-ministry", "kg-emergency-situations-ministry"} <= set(orgs)  # fmt: skip
    mentions = {m.entity.id: m for m in a.mentions}
    assert mentions["KG"].count == len(mentions["KG"].spans) >= 5
    for span in mentions["interfax"].spans:
        assert a.mentions and _seed(first, "a").body[span.start : span.end] == "Interfax"
    assert all(s.id == f"a:s{s.span.start}-{s.span.end}" for s in a.statements)
    assert all(f.id == f"a:f{f.span.start}-{f.span.end}-{f.kind.value}" for f in a.figures)
    assert len({f.id for f in a.figures}) == len(a.figures)


def test_second_seed_article_merges_into_the_graph_the_first_built() -> None:
    first, second = sorted(SEEDS.glob("*.txt"))
    graph = MemoryGraph()
    a = extract(_seed(first, "a"), graph)
    graph.add(a)
    b = extract(_seed(second, "b"), graph)
    clash_a = [i for i in a.incidents if i.kind is IncidentKind.ARMED_CLASH]
    clash_b = [i for i in b.incidents if i.kind is IncidentKind.ARMED_CLASH]
    assert len(clash_a) == 1 and clash_a[0].start_date == date(2022, 9, 14)
    assert [i.id for i in clash_b] == [clash_a[0].id]
    assert {o.id for o in a.organizations} & {o.id for o in b.organizations} == {"csto"}


BORDER = ("Kyrgyz-Tajik border",)


def test_undated_report_in_an_undated_article_is_the_one_incident_at_that_place() -> None:
    # Seed 2 (no date) speaks of "the situation on the Kyrgyz-Tajik border" after seed 1
    # dated the clash there: the only clash stored at that place is the one meant.
    stored = _clash(date(2022, 9, 14), places=BORDER)
    graph = MemoryGraph(incidents=[stored])
    assert match_incident(_clash(None, places=BORDER), graph) == stored
    assert match_incident(_clash(None, places=("Osh",)), graph) is None
    assert match_incident(_clash(None, countries=("KG",), places=BORDER), graph) is None


def test_undated_report_stays_apart_when_two_incidents_share_the_place() -> None:
    graph = MemoryGraph(
        incidents=[_clash(date(2021, 4, 28), places=BORDER), _clash(date(2022, 9, 14), places=BORDER)]
    )
    assert match_incident(_clash(None, places=BORDER), graph) is None


def test_dated_report_joins_the_incident_an_undated_one_stored() -> None:
    stored = _clash(None, places=BORDER)
    graph = MemoryGraph(incidents=[stored])
    assert match_incident(_clash(date(2022, 9, 14), places=BORDER), graph) == stored
    assert match_incident(_clash(date(2022, 9, 14), places=("Batken",)), graph) is None
