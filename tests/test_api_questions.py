"""Questions a frontend asks of the seed articles, answered exactly through the API.

These depend on the extractor finding people, roles, statements, incidents
and figures in the seeds; they fail, each with a plain message, until it does.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from graphql_api import create_app
from search_index import NewsIndex, Settings
from search_index.corpus import read_paths

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"
INTERFAX_TITLE = "Kyrgyzstan not considering withdrawal from CSTO - Kyrgyz Security Council secretary"
AKIPRESS_TITLE = "CSTO Mechanisms to be Launched on Kyrgyz-Tajik Border"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[NewsIndex, Settings]]:
    """The two seed articles, in a real store and index."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("seeded"), bundled_articles=None)
    with NewsIndex.open(settings) as index:
        for outcome in read_paths([SEEDS]):
            assert outcome.draft is not None
            index.ingest(outcome.draft)
        yield index, settings


@pytest.fixture
async def ask(seeded: tuple[NewsIndex, Settings]) -> AsyncIterator[Any]:
    """A function posting one query and returning its data (failing on any error)."""
    transport = httpx.ASGITransport(app=create_app(seeded[1], seeded[0]))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:

        async def query(document: str, **variables: Any) -> dict[str, Any]:
            body = (await http.post("/graphql", json={"query": document, "variables": variables})).json()
            assert "errors" not in body, body["errors"]
            data: dict[str, Any] = body["data"]
            return data

        yield query


async def test_who_is_marat_imankulov_and_what_did_he_say(ask: Any) -> None:
    data = await ask("""{ person(name: "Marat Imankulov") { id name aliases country { code }
        roles { title organization { name } country { code } article { title } }
        statements(first: 20) { totalCount edges { node { text kind saidOn article { title }
            speaker { ... on Person { name } } } } } }
        byAlias: person(name: "IMANKULOV") { id } }""")
    person = data["person"]
    assert person is not None, "the extractor has not found Marat Imankulov"
    assert person["name"] == "Marat Imankulov"
    assert data["byAlias"] == {"id": person["id"]}
    assert person["country"] == {"code": "KG"}
    assert any(
        "secretary" in role["title"].lower()
        and "security council" in f'{role["title"]} {(role["organization"] or {}).get("name", "")}'.lower()
        and role["article"]["title"] == INTERFAX_TITLE
        for role in person["roles"]
    ), person["roles"]
    said = [edge["node"] for edge in person["statements"]["edges"]]
    direct = [s["text"] for s in said if s["kind"] == "DIRECT"]
    for opening in ("The CSTO membership meets the interests of Kyrgyzstan",
                    "We believe that such a defensive organization is necessary",
                    "Problems arising in relations between member states"):
        assert sum(text.startswith(opening) for text in direct) == 1, (opening, direct)
    assert all(s["speaker"] == {"name": "Marat Imankulov"} for s in said)
    assert all(s["article"]["title"] == INTERFAX_TITLE and s["saidOn"] == "2022-09-22" for s in said)


async def test_figures_of_the_kyrgyz_tajik_border_clash_and_who_reported_them(ask: Any) -> None:
    data = await ask("""{ incidents(filter: {from: "2022-09-14", to: "2022-09-14"}) { edges { node {
        title kind startDate countries { code } articles { title }
        figures { kind value qualifier reportedOn article { title }
                  reportedBy { ... on Organization { name country { code } } } } } } } }""")
    clashes = [edge["node"] for edge in data["incidents"]["edges"] if edge["node"]["kind"] == "ARMED_CLASH"]
    assert len(clashes) == 1, f"expected one armed clash starting 2022-09-14, got {clashes}"
    clash = clashes[0]
    assert clash["startDate"] == "2022-09-14"
    assert {country["code"] for country in clash["countries"]} == {"KG", "TJ"}
    assert INTERFAX_TITLE in [article["title"] for article in clash["articles"]]
    figures = {(f["kind"], f["value"], f["qualifier"]): f for f in clash["figures"]}
    reporters = {
        ("KILLED", 59, "EXACT"): "health",
        ("INJURED", 198, "EXACT"): "health",
        ("BUILDINGS_DESTROYED", 700, "MORE_THAN"): "emergency",
        ("HOMES_DESTROYED", 364, "EXACT"): "emergency",
        ("EVACUATED", 142000, "MORE_THAN"): "emergency",
    }
    assert set(figures) == set(reporters), sorted(figures)
    for key, ministry in reporters.items():
        figure = figures[key]
        assert ministry in (figure["reportedBy"] or {}).get("name", "").lower(), figure
        assert figure["reportedBy"]["country"] == {"code": "KG"}, figure
        assert figure["reportedOn"] == "2022-09-22"
        assert figure["article"]["title"] == INTERFAX_TITLE


async def test_which_articles_mention_the_sco(ask: Any) -> None:
    data = await ask("""{ organization(name: "SCO") { id name acronym
        articles { totalCount edges { node { title } } } } }""")
    sco = data["organization"]
    assert sco is not None, "the extractor has not found the SCO"
    assert (sco["name"], sco["acronym"]) == ("Shanghai Cooperation Organization", "SCO")
    assert sco["articles"]["totalCount"] == 1
    assert [edge["node"]["title"] for edge in sco["articles"]["edges"]] == [AKIPRESS_TITLE]
    filtered = await ask(
        "query($sco: ID!) { articles(filter: {organizations: [$sco]}) { edges { node { title } } } }",
        sco=sco["id"],
    )
    assert [edge["node"]["title"] for edge in filtered["articles"]["edges"]] == [AKIPRESS_TITLE]


async def test_lookups_by_alias_demonym_acronym_and_fuzzy_name(ask: Any) -> None:
    data = await ask("""{ country(name: "Kyrgyz") { code alpha3 name }
        byCode: country(code: "TJK") { code }
        organization(name: "CSTO") { name acronym kind }
        people(search: "Imankulv") { edges { node { name } } }
        organizations(search: "Colective Security") { edges { node { acronym } } } }""")
    assert data["country"] == {"code": "KG", "alpha3": "KGZ", "name": "Kyrgyzstan"}
    assert data["byCode"] == {"code": "TJ"}
    assert data["organization"] == {
        "name": "Collective Security Treaty Organization", "acronym": "CSTO", "kind": "INTERGOVERNMENTAL"
    }
    assert data["people"]["edges"][0]["node"]["name"] == "Marat Imankulov"
    assert data["organizations"]["edges"][0]["node"]["acronym"] == "CSTO"


async def test_statements_ranked_by_search_and_filtered_by_speaker(ask: Any) -> None:
    person = (await ask('{ person(name: "Jeenbek Kulubaev") { id name } }'))["person"]
    assert person is not None, "the extractor has not found Jeenbek Kulubaev"
    data = await ask("""query($who: ID!) {
        ranked: statements(search: "defensive organization") { edges { score node { text } } }
        his: statements(filter: {speaker: $who}) { totalCount edges { node {
            speaker { ... on Person { name } } article { title } } } } }""", who=person["id"])
    top = data["ranked"]["edges"][0]
    assert top["score"] > 0 and top["node"]["text"].startswith("We believe that such a defensive")
    assert data["his"]["totalCount"] >= 1
    assert all(
        edge["node"]["speaker"] == {"name": "Jeenbek Kulubaev"}
        and edge["node"]["article"]["title"] == AKIPRESS_TITLE
        for edge in data["his"]["edges"]
    )
