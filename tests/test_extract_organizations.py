"""Organizations: gazetteer, learned "Full Name (ACRONYM)" pairs, government bodies, cited media, members."""

from __future__ import annotations

from pathlib import Path

from search_index.corpus import to_article
from search_index.extract import analyze
from search_index.extract.countries import find_countries
from search_index.extract.org_names import executive_employers
from search_index.extract.organizations import (
    find_organizations,
    known_organization,
    long_form_start,
)
from search_index.models import ArticleDraft, Organization, OrganizationKind

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"


def orgs_of(text: str) -> tuple[list[tuple[str, str]], dict[str, Organization]]:
    found, records = find_organizations(text, find_countries(text))
    return [(f.key, f.surface) for f in found], {o.id: o for o in records}


def test_gazetteer_names_acronyms_and_aliases() -> None:
    csto = known_organization("Collective Security Treaty Organization")
    assert csto is not None and csto == known_organization("CSTO")
    assert csto.kind is OrganizationKind.INTERGOVERNMENTAL
    assert set(csto.member_ids) == {"AM", "BY", "KZ", "KG", "RU", "TJ"}
    rferl = known_organization("Radio Azattyk")
    assert rferl is not None and rferl.id == "rferl" and rferl.acronym == "RFE/RL"


def test_full_name_with_acronym_is_one_mention() -> None:
    text = (
        "Kyrgyzstan is interested in being a member of the Collective Security Treaty "
        "Organization (CSTO), Imankulov said. We should stay in the CSTO."
    )
    found, records = orgs_of(text)
    assert found == [
        ("csto", "Collective Security Treaty Organization (CSTO)"),
        ("csto", "CSTO"),
    ]
    assert records["csto"].name == "Collective Security Treaty Organization"


def test_unknown_pair_is_learned_and_its_acronym_followed() -> None:
    text = (
        "The Islamic Movement of Uzbekistan (IMU) claimed the attack. "
        "Analysts say the IMU has lost most of its fighters."
    )
    found, records = orgs_of(text)
    assert [key for key, _ in found] == ["imu", "imu"]
    assert records["imu"].name == "Islamic Movement of Uzbekistan"
    assert records["imu"].acronym == "IMU"


def test_long_form_letters_need_not_be_initials() -> None:
    name = "the Eurasian Economic Union"
    assert long_form_start(name, "EAEU") == name.index("Eurasian")
    assert long_form_start("Radio Free Europe/Radio Liberty", "RFE/RL") == 0
    assert long_form_start("Kyrgyzstan Interested Meeting", "CSTO") is None
    text = "The Financial Action Task Force (FATF) met. The FATF kept Iran on its list."
    found, records = orgs_of(text)
    assert [key for key, _ in found] == ["fatf", "fatf"]
    assert records["fatf"].name == "Financial Action Task Force"


def test_government_bodies_are_tied_to_their_country() -> None:
    text = (
        "Kyrgyz Security Council Secretary Marat Imankulov told Interfax. "
        "The Kyrgyz Health Ministry reported the deaths of 59 people. "
        "The Kyrgyz Emergency Situations Ministry said 142,000 people were evacuated. "
        "Russia's Defense Ministry and the Tajik Foreign Ministry did not comment."
    )
    found, records = orgs_of(text)
    assert [key for key, _ in found] == [
        "kg-security-council",
        "interfax",
        "kg-health-ministry",
        "kg-emergency-situations-ministry",
        "ru-defense-ministry",
        "tj-foreign-ministry",
    ]
    health = records["kg-health-ministry"]
    assert health.name == "Kyrgyz Health Ministry"
    assert health.kind is OrganizationKind.GOVERNMENT_BODY and health.country_id == "KG"
    assert records["ru-defense-ministry"].kind is OrganizationKind.GOVERNMENT_BODY


def test_later_bare_body_is_the_same_body() -> None:
    text = (
        "The Kyrgyz Health Ministry reported 59 deaths. "
        "Later the Health Ministry said 198 people had been injured."
    )
    found, _ = orgs_of(text)
    assert found == [
        ("kg-health-ministry", "Kyrgyz Health Ministry"),
        ("kg-health-ministry", "Health Ministry"),
    ]


def test_body_inside_a_longer_name_is_not_a_bare_body() -> None:
    found, _ = orgs_of("Kyrgyzstan will host a Committee of Security Council Secretaries.")
    assert [key for key, _ in found] == ["committee-of-security-council-secretaries"]
    found, _ = orgs_of("Kyrgyzstan will host the CSTO Collective Security Council.")
    assert [key for key, _ in found] == ["csto"]


def test_organs_listed_after_their_organization_are_not_organizations() -> None:
    text = (
        "They discussed the CSTO Foreign Ministers Council, Defense Ministers Council, "
        "and Committee of Security Council Secretaries meetings."
    )
    found, _ = orgs_of(text)
    assert [key for key, _ in found] == ["csto"]


def test_names_built_around_an_organization_word() -> None:
    text = (
        "The Department of Homeland Security and the Federal Statistics Office agreed, "
        "the Korean Central News Agency said. The Council met. Secretary General Zas came."
    )
    found, records = orgs_of(text)
    assert [surface for _, surface in found] == [
        "Department of Homeland Security",
        "Federal Statistics Office",
        "Korean Central News Agency",
    ]
    kinds = {o.name: o.kind for o in records.values()}
    assert kinds["Federal Statistics Office"] is OrganizationKind.GOVERNMENT_BODY
    assert kinds["Korean Central News Agency"] is OrganizationKind.MEDIA


def test_military_bodies_in_lower_case() -> None:
    found, records = orgs_of("Tajik border guards opened fire, the Kyrgyz side said.")
    assert found == [("tj-border-service", "Tajik border guards")]
    assert records["tj-border-service"].kind is OrganizationKind.MILITARY


def test_agencies_cited_as_sources_are_media() -> None:
    text = (
        "BISHKEK. Sept 22 (Interfax) - Stanislav Zas met Jeenbek Kulubaev, AKIpress informed. "
        "Leaders gathered in the Tajik capital, according to RFERL. "
        "The Kabar news agency and the Tengri news agency confirmed it."
    )
    found, records = orgs_of(text)
    assert [key for key, _ in found] == ["interfax", "akipress", "rferl", "kabar", "tengri"]
    assert all(o.kind is OrganizationKind.MEDIA for o in records.values())
    assert records["akipress"].country_id == "KG"


def test_unknown_agencies_cited_as_sources_are_learned() -> None:
    text = (
        "ALMATY, May 2 (Tengrinews) - Kazakhstan raised its key rate. "
        "The two leaders met in Bishkek, Kaktus informed. "
        "Kulubaev informed the CSTO Secretary General."
    )
    found, records = orgs_of(text)
    assert [key for key, _ in found] == ["tengrinews", "kaktus", "csto"]
    assert records["kaktus"].kind is OrganizationKind.MEDIA
    found, _ = orgs_of("GENEVA (AP) — The WHO said.")
    assert [key for key, _ in found] == ["ap", "who"]


def test_body_named_after_its_country() -> None:
    text = "The Ministry of Foreign Affairs of the Kyrgyz Republic protested. The Foreign Ministry said."
    found, records = orgs_of(text)
    assert [key for key, _ in found] == ["kg-foreign-ministry", "kg-foreign-ministry"]
    assert records["kg-foreign-ministry"].name == "Kyrgyz Foreign Ministry"


def test_bare_ministry_in_lower_case() -> None:
    text = "Hungary will detain asylum-seekers, the interior ministry said."
    found, records = orgs_of(text)
    assert found == [("hu-interior-ministry", "interior ministry")]
    assert records["hu-interior-ministry"].name == "Hungarian Interior Ministry"


def test_courts_and_embassies_of_a_country() -> None:
    text = "Kenya's High Court ruled on Tuesday; the U.S. embassy and a Norwegian appeals court agreed."
    found, records = orgs_of(text)
    assert [key for key, _ in found] == ["ke-high-court", "us-embassy", "no-appeals-court"]
    assert records["us-embassy"].aliases == ("U.S. embassy",)


def test_bare_body_without_a_country_in_sight() -> None:
    # A ministry is the article's country's; "the Security Council" may well be the UN's.
    text = "Kyrgyzstan protested. The Foreign Ministry said the Security Council must meet."
    found, _ = orgs_of(text)
    assert [key for key, _ in found] == ["kg-foreign-ministry"]
    assert orgs_of("The Foreign Ministry said so.")[0] == []


def test_membership_sentence_adds_members() -> None:
    text = (
        "The Shanghai Cooperation Organization (SCO), which also includes China, held its summit."
    )
    _, records = orgs_of(text)
    assert "CN" in records["sco"].member_ids
    learned = (
        "The Eurasian Lithium Alliance (ELA), which includes Bolivia and Chile, met in La Paz."
    )
    _, records = orgs_of(learned)
    assert set(records["ela"].member_ids) == {"BO", "CL"}


def test_leadership_is_not_membership() -> None:
    _, records = orgs_of("The Arctic Fisheries Forum (AFF), which is led by Norway, met.")
    assert records["aff"].member_ids == ()
    _, records = orgs_of("The Arctic Fisheries Forum (AFF) includes a clause on Russia.")
    assert records["aff"].member_ids == ()


def test_a_long_membership_list() -> None:
    text = "The CSTO unites Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan."
    _, records = orgs_of(text)
    assert set(records["csto"].member_ids) == {"AM", "BY", "KZ", "KG", "RU", "TJ"}
    _, records = orgs_of("The Caspian Grain Union (CGU) unites Iran, Turkmenistan and Azerbaijan.")
    assert set(records["cgu"].member_ids) == {"IR", "TM", "AZ"}


def test_pairs_that_name_no_organization() -> None:
    text = "Gross Domestic Product (GDP) grew in the Kyrgyz Republic (KG) and Kyrgyzstan (KG)."
    assert orgs_of(text)[0] == []


def test_acronyms_that_are_words_are_ignored_in_headlines() -> None:
    found, _ = orgs_of("WHO IS TO BLAME FOR THE CLASHES")
    assert found == []
    found, _ = orgs_of("The WHO sent doctors.")
    assert [key for key, _ in found] == ["who"]


def test_seed_articles_organizations() -> None:
    records: dict[str, Organization] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        records.update(orgs_of(path.read_text(encoding="utf-8"))[1])
    assert records["csto"].name == "Collective Security Treaty Organization"
    assert records["sco"].name == "Shanghai Cooperation Organization"
    for media in ("interfax", "akipress", "rferl"):
        assert records[media].kind is OrganizationKind.MEDIA
    for body in ("kg-security-council", "kg-health-ministry", "kg-emergency-situations-ministry"):
        assert records[body].kind is OrganizationKind.GOVERNMENT_BODY
        assert records[body].country_id == "KG"
    assert records["taliban"].kind is OrganizationKind.MILITARY
    assert {o.kind for o in records.values()} <= {
        OrganizationKind.INTERGOVERNMENTAL,
        OrganizationKind.MEDIA,
        OrganizationKind.MILITARY,
        OrganizationKind.GOVERNMENT_BODY,
        OrganizationKind.OTHER,
    }


# --- Parties ----------------------------------------------------------------------------


def test_a_party_name_several_countries_use_goes_to_the_country_the_article_names() -> None:
    british = "Britain's opposition Labour said the vote was lost. Labour will try again."
    dutch = "In the Netherlands, the Dutch Labour Party lost 29 seats to the VVD and D66."
    assert {key for key, _ in orgs_of(british)[0]} == {"gb-labour-party"}
    found, records = orgs_of(dutch)
    assert [key for key, _ in found] == ["nl-pvda", "nl-vvd", "nl-d66"]
    assert records["nl-vvd"].country_id == "NL" and records["nl-vvd"].kind is OrganizationKind.OTHER


def test_a_party_is_not_named_where_its_country_is_not() -> None:
    assert orgs_of("The Democrats and the Republicans met in the hall.")[0] == []
    found, _ = orgs_of("In the U.S. Senate, Republicans blocked the bill.")
    assert [key for key, _ in found] == ["us-republican-party"]


def test_a_lower_case_party_after_its_name() -> None:
    text = (
        "Morocco's king met leaders of the conservative Istiqlal party on Monday, "
        "a week after the first Islamist party won the vote."
    )
    found, records = orgs_of(text)
    assert found == [("istiqlal", "Istiqlal party")]
    assert records["istiqlal"].name == "Istiqlal"


def test_a_translated_name_keeps_its_acronym_in_the_original_order() -> None:
    text = "Talks with the centre-right National Rally of Independents (RNI) stalled."
    found, records = orgs_of(text)
    assert [key for key, _ in found] == ["rni"]
    assert records["rni"].name == "National Rally of Independents"


# --- Names built from known names, and names introduced by a noun ------------------------


def test_known_names_inside_a_longer_name_are_parts_of_it() -> None:
    text = (
        "Stoltenberg spoke after a NATO-Russia Council meeting. Xue Rongjiu, deputy director "
        "of the Beijing-based China Society for WTO Studies, agreed."
    )
    found, records = orgs_of(text)
    assert [surface for _, surface in found] == [
        "NATO-Russia Council",
        "China Society for WTO Studies",
    ]
    assert records["nato-russia-council"].kind is OrganizationKind.INTERGOVERNMENTAL
    assert records["china-society-for-wto-studies"].kind is OrganizationKind.OTHER


def test_an_organization_opening_a_title_keeps_its_sentence_for_other_names() -> None:
    text = "NATO Secretary General Jens Stoltenberg spoke at a NATO-Russia Council meeting."
    found, _ = orgs_of(text)
    assert [key for key, _ in found] == ["nato", "nato-russia-council"]


def test_a_name_a_noun_introduces_is_an_organization_wherever_repeated() -> None:
    text = (
        "The travel trade organisation, Abta, says its website was hacked. An employee of "
        "sports chain Decathlon saw it. Abta chief executive Mark Tanzer apologised."
    )
    found, records = orgs_of(text)
    assert found == [("abta", "Abta"), ("decathlon", "Decathlon"), ("abta", "Abta")]
    assert records["abta"].kind is OrganizationKind.OTHER


def test_a_noun_before_a_title_or_a_date_introduces_no_name() -> None:
    text = "The company CEO Tim Cook spoke. The firm Tuesday said profits rose."
    assert orgs_of(text)[0] == []


def test_sports_clubs_by_their_prefix() -> None:
    found, _ = orgs_of("Fans of RB Leipzig and FC Barcelona clashed after the match.")
    assert [surface for _, surface in found] == ["RB Leipzig", "FC Barcelona"]


def test_competitions_and_rooms_are_no_organizations() -> None:
    text = "Schalke's Europa League tie was moved. He spoke from the Oval Office."
    assert orgs_of(text)[0] == []


def test_a_broadcaster_keeps_its_channel_number() -> None:
    found, records = orgs_of('"We are very happy," Rutte told NPO Radio 1 on Thursday.')
    assert [surface for _, surface in found] == ["NPO Radio 1"]
    assert records["npo-radio-1"].kind is OrganizationKind.MEDIA


def test_a_governmental_head_after_an_international_opener_is_intergovernmental() -> None:
    found, records = orgs_of("The European Court of Auditors criticised the spending.")
    assert [key for key, _ in found] == ["european-court-of-auditors"]
    assert records["european-court-of-auditors"].kind is OrganizationKind.INTERGOVERNMENTAL


# --- Bodies of one state with no country before them ---------------------------------------


def test_a_court_named_after_its_seat_is_the_articles_countrys() -> None:
    text = (
        "Norway did not violate Breivik's rights, an appeals court ruled. The Borgarting "
        "appeals court on Wednesday overturned a verdict by a lower Oslo court."
    )
    found, records = orgs_of(text)
    assert [surface for _, surface in found] == ["Borgarting appeals court"]
    court = records["borgarting-appeals-court"]
    assert court.kind is OrganizationKind.GOVERNMENT_BODY and court.country_id == "NO"


def test_an_acronym_and_a_country_name_a_body_of_that_country() -> None:
    text = "The jobs are supported by IDA Ireland. BBC America and US Ireland are not."
    found, records = orgs_of(text)
    assert ("ida-ireland", "IDA Ireland") in found
    assert records["ida-ireland"].country_id == "IE"
    assert "us-ireland" not in records


def test_bare_congress_is_the_congress_of_a_country_that_has_one() -> None:
    american = "The U.S. budget goes to Congress next month, U.S. officials said."
    indian = "India's Congress lost in Punjab, Indian media said."
    found, records = orgs_of(american)
    assert [key for key, _ in found] == ["us-congress"]
    assert records["us-congress"].country_id == "US"
    assert orgs_of(indian)[0] == []


def test_a_country_and_civil_defence_are_its_rescue_service() -> None:
    found, records = orgs_of("Syria Civil Defence in Idlib reported the incident.")
    assert found == [("sy-civil-defense", "Syria Civil Defence")]
    assert records["sy-civil-defense"].country_id == "SY"


def test_a_bare_ministry_may_open_a_sentence() -> None:
    text = (
        "Kenya's Interior Ministry detained him. Interior Ministry spokesman Otieno Kamau "
        "said the government would appeal."
    )
    found, _ = orgs_of(text)
    assert [key for key, _ in found] == ["ke-interior-ministry", "ke-interior-ministry"]


def test_a_country_adjective_and_police_are_its_police() -> None:
    text = (
        "Kim was murdered after two women smeared VX nerve agent on his face, "
        "according to Malaysian police. Indonesian police said last week that Aisyah was paid."
    )
    found, records = orgs_of(text)
    assert found == [
        ("my-police", "Malaysian police"),
        ("id-police", "Indonesian police"),
    ]
    assert records["my-police"].name == "Malaysian Police"
    assert records["my-police"].kind is OrganizationKind.GOVERNMENT_BODY
    assert records["my-police"].country_id == "MY"


def test_bare_police_is_no_body() -> None:
    # "Police said" is unnamed: it is not the police of a country named before.
    text = "Anis Amri was shot dead by Italian police in Milan. Police said he had sympathies with IS."
    found, _ = orgs_of(text)
    assert found == [("it-police", "Italian police")]


def test_bare_royal_palace_is_the_monarchys_palace() -> None:
    text = (
        "The king of Morocco is to appoint a new prime minister, the royal palace has announced. "
        "Critics say the parties are too close to the palace. "
        "The palace says the king maintains the equal distance from all parties."
    )
    found, records = orgs_of(text)
    assert [key for key, _ in found] == ["ma-royal-palace"] * 3
    assert records["ma-royal-palace"].name == "Moroccan Royal Palace"
    assert records["ma-royal-palace"].kind is OrganizationKind.GOVERNMENT_BODY


def test_a_palace_alone_or_in_a_republic_is_no_royal_palace() -> None:
    # A lone "the palace" is as often a building; France has no royal palace.
    building = "MPs agreed that works to the palace in London should be funded by Britain."
    republic = "France's president received him; the royal palace of Versailles is a museum."
    presidential = "Thailand's envoy went to the presidential palace in Manila."
    assert orgs_of(building)[0] == []
    assert orgs_of(republic)[0] == []
    assert orgs_of(presidential)[0] == []


def test_a_country_adjective_and_royal_court_are_its_royal_court() -> None:
    found, records = orgs_of("The Saudi royal court announced the king's death on Friday.")
    assert found == [("sa-royal-palace", "Saudi royal court")]
    assert records["sa-royal-palace"].country_id == "SA"
    thai = "Thailand's crown prince delayed his accession, the royal household said."
    assert orgs_of(thai)[0] == [("th-royal-palace", "royal household")]


def test_a_name_cited_as_a_source_is_an_organization() -> None:
    # Its words make no organization word, but the article cites it as a source.
    text = (
        "The army has evacuated up to 12,000 people, according to the Inter-Services Public "
        "Relations (ISPR), the military's media wing."
    )
    found, records = orgs_of(text)
    assert ("ispr", "Inter-Services Public Relations (ISPR)") in found
    assert records["ispr"].acronym == "ISPR"
    spoken = "The Donetsk People's Republic (DPR) reported more than 600 episodes of shelling."
    assert "dpr" in orgs_of(spoken)[1]


def test_an_acronym_given_after_or() -> None:
    text = (
        "The China Council for the Promotion of International Trade, or CCPIT, will complete "
        "its research. The CCPIT said it would publish it."
    )
    found, records = orgs_of(text)
    assert [key for key, _ in found] == ["ccpit", "ccpit"]
    assert records["ccpit"].name == "China Council for the Promotion of International Trade"
    sohr = (
        "The UK-based activist group Syrian Observatory for Human Rights, or SOHR, told CNN "
        "al-Masri was killed."
    )
    assert "Syrian Observatory for Human Rights" in {o.name for o in orgs_of(sohr)[1].values()}


def test_quantities_with_an_acronym_after_or_are_no_organizations() -> None:
    # Nobody cites an index or a disorder as a source.
    text = (
        "The Purchasing Managers' Index, or PMI, jumped to 51.7. It treats post-traumatic "
        "stress disorder, or PTSD. The demilitarized zone, or DMZ, is a strip."
    )
    assert orgs_of(text)[0] == []


def test_a_part_of_the_military_is_military() -> None:
    text = (
        "Up to 12,000 people were evacuated, according to the Inter-Services Public "
        "Relations (ISPR), the military's media wing."
    )
    assert orgs_of(text)[1]["ispr"].kind is OrganizationKind.MILITARY
    plain = "Up to 12,000 people were evacuated, according to the Inter-Services Public Relations (ISPR)."
    assert orgs_of(plain)[1]["ispr"].kind is OrganizationKind.OTHER


def test_a_name_before_a_chief_executive_is_a_company() -> None:
    text = (
        "Opel CEO Karl-Thomas Neumann has blamed the British vote to leave the EU. "
        "Sales at Opel fell."
    )
    found, records = orgs_of(text)
    assert [f for f in found if f[0] == "opel"] == [("opel", "Opel"), ("opel", "Opel")]
    assert records["opel"].kind is OrganizationKind.OTHER
    written = "Mineral Resources chief executive Chad Morrison opened the company's new plant."
    assert orgs_of(written)[0] == [("mineral-resources", "Mineral Resources")]


def test_a_bare_noun_or_a_cut_name_before_a_chief_executive_is_no_company() -> None:
    # "Company CEO" opens a sentence; "U.S. Steel Corp" cannot be cut after "U.S.".
    bare = "Company CEO Bill Hu, a post-'90s person, manages a cohort of millennials."
    cut = "Trump told U.S. Steel Corp CEO Mario Longhi that the pipelines have to use US steel."
    assert executive_employers(bare) == []
    assert executive_employers(cut) == []


def test_a_body_keeps_the_name_it_was_written_with_as_an_alias() -> None:
    # So that "Ministry of Commerce", as the article wrote it, finds the body by name.
    body = "China's Ministry of Commerce said it had approved 9,394 German investment projects."
    extraction = analyze(to_article(ArticleDraft(title="Trade", body=body, url="u")))
    [ministry] = extraction.organizations
    assert (ministry.id, ministry.name, ministry.country_id) == (
        "cn-commerce-ministry", "Chinese Commerce Ministry", "CN")
    assert "Ministry of Commerce" in ministry.aliases
