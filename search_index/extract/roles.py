"""Titles people hold, as news writes them: the lexicon, its normal forms, and whose country a title is.

A title is recognised in any case ("Foreign Minister", "foreign minister",
"FM") and normalized to one spelling ("Foreign Minister"). Titles split in two
families: *national* ones (president, prime minister, foreign minister, ...)
belong to a country even when no country is written next to them, and
*generic* ones (secretary, chairman, spokesman, ...) mean little without the
body they are held in, so that body becomes part of the normal title
("Secretary of the Security Council").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from search_index.extract import Found
from search_index.extract.gazetteer import geonames_cities, geonames_us_states
from search_index.extract.name_matching import longest_first
from search_index.models import Article, Organization, OrganizationKind

# Spoken form (lower case) -> normal form. Longer forms win over their parts
# ("secretary of state" over "secretary"), see ``title_pattern``.
_NATIONAL: dict[str, str] = {
    "president": "President",
    "vice president": "Vice President",
    "vice-president": "Vice President",
    "president-elect": "President-elect",
    "prime minister": "Prime Minister",
    "deputy prime minister": "Deputy Prime Minister",
    "foreign minister": "Foreign Minister",
    "foreign affairs minister": "Foreign Minister",
    "minister of foreign affairs": "Foreign Minister",
    "deputy foreign minister": "Deputy Foreign Minister",
    "defense minister": "Defense Minister",
    "defence minister": "Defense Minister",
    "minister of defense": "Defense Minister",
    "minister of defence": "Defense Minister",
    "interior minister": "Interior Minister",
    "finance minister": "Finance Minister",
    "economy minister": "Economy Minister",
    "trade minister": "Trade Minister",
    "health minister": "Health Minister",
    "energy minister": "Energy Minister",
    "justice minister": "Justice Minister",
    "education minister": "Education Minister",
    "agriculture minister": "Agriculture Minister",
    "external affairs minister": "External Affairs Minister",
    "first minister": "First Minister",
    "deputy first minister": "Deputy First Minister",
    "emergency situations minister": "Emergency Situations Minister",
    "minister": "Minister",
    "deputy minister": "Deputy Minister",
    "secretary of state": "Secretary of State",
    "foreign secretary": "Foreign Secretary",
    "home secretary": "Home Secretary",
    "defence secretary": "Defense Secretary",
    "defense secretary": "Defense Secretary",
    "treasury secretary": "Treasury Secretary",
    "commerce secretary": "Commerce Secretary",
    "health secretary": "Health Secretary",
    "energy secretary": "Energy Secretary",
    "interior secretary": "Interior Secretary",
    "education secretary": "Education Secretary",
    "chancellor": "Chancellor",
    "king": "King",
    "queen": "Queen",
    "emir": "Emir",
    "crown prince": "Crown Prince",
    "supreme leader": "Supreme Leader",
}

_GENERIC: dict[str, str] = {
    "secretary": "Secretary",
    "chairman": "Chairman",
    "chairwoman": "Chairwoman",
    "chairperson": "Chairperson",
    "chair": "Chair",
    "head": "Head",
    "deputy head": "Deputy Head",
    "director": "Director",
    "spokesman": "Spokesman",
    "spokeswoman": "Spokeswoman",
    "spokesperson": "Spokesperson",
    "commander": "Commander",
    "chief": "Chief",
}

_OTHER: dict[str, str] = {
    "secretary general": "Secretary General",
    "secretary-general": "Secretary General",
    "deputy secretary general": "Deputy Secretary General",
    "director general": "Director General",
    "director-general": "Director General",
    "executive director": "Executive Director",
    "attorney general": "Attorney General",
    "advocate general": "Advocate General",
    "press secretary": "Press Secretary",
    "chief of staff": "Chief of Staff",
    "chief strategist": "Chief Strategist",
    "special rapporteur": "Special Rapporteur",
    "rapporteur": "Rapporteur",
    "deputy director": "Deputy Director",
    "lawyer": "Lawyer",
    "attorney": "Attorney",
    "premier": "Premier",
    "professor": "Professor",
    "representative": "Representative",
    "ambassador": "Ambassador",
    "envoy": "Envoy",
    "special envoy": "Special Envoy",
    "governor": "Governor",
    "mayor": "Mayor",
    "senator": "Senator",
    "congressman": "Congressman",
    "congresswoman": "Congresswoman",
    "lawmaker": "Lawmaker",
    "judge": "Judge",
    "prosecutor": "Prosecutor",
    "chief executive": "Chief Executive",
    "opposition leader": "Opposition Leader",
    "leader": "Leader",
    "general": "General",
    "colonel": "Colonel",
    "colonel-general": "Colonel General",
    "lieutenant general": "Lieutenant General",
    "major general": "Major General",
    "brigadier general": "Brigadier General",
    "captain": "Captain",
    "sergeant": "Sergeant",
    "detective sergeant": "Detective Sergeant",
    "inspector": "Inspector",
    "chief inspector": "Chief Inspector",
    "detective inspector": "Detective Inspector",
    "superintendent": "Superintendent",
    "sheriff": "Sheriff",
    "police chief": "Police Chief",
    "majority whip": "Majority Whip",
    "minority whip": "Minority Whip",
    "majority leader": "Majority Leader",
    "minority leader": "Minority Leader",
    "pastor": "Pastor",
    "bishop": "Bishop",
    "archbishop": "Archbishop",
    "cardinal": "Cardinal",
    "rabbi": "Rabbi",
    "imam": "Imam",
    "pope": "Pope",
    "speaker": "Speaker",
    "counterpart": "Counterpart",
}

# Abbreviations are titles only as written here: "fm" or "ceo" in lower case are not.
_ABBREVIATIONS: dict[str, str] = {"FM": "Foreign Minister", "PM": "Prime Minister", "CEO": "CEO"}
# Abbreviations written with a dot before the name ("Sen. Mark Warner", "Gen. Mattis").
_DOTTED: dict[str, str] = {
    "Sen": "Senator",
    "Rep": "Representative",
    "Gov": "Governor",
    "Gen": "General",
    "Lt": "Lieutenant",
    "Col": "Colonel",
    "Maj": "Major",
    "Sgt": "Sergeant",
    "Adm": "Admiral",
    "Capt": "Captain",
    "Prof": "Professor",
}

#: The title that names no office of its own: it repeats the office of the person it is set against.
COUNTERPART = "Counterpart"

# Who a person is, not an office: these anchor a name ("British teenager Scarlett Keeling",
# "whose son Lee Hsien Loong", "her attorney, Maryam Hashemi") but make no role.
_DESCRIPTORS = (
    "teenager", "student", "activist", "blogger", "journalist", "reporter", "photographer",
    "businessman", "businesswoman", "billionaire", "tycoon", "actor", "actress", "singer",
    "rapper", "musician", "artist", "writer", "author", "novelist", "filmmaker", "striker",
    "midfielder", "defender", "goalkeeper", "coach", "economist", "analyst", "researcher",
    "scientist", "doctor", "nurse", "victim", "suspect", "defendant", "witness", "resident",
    "farmer", "priest", "cleric", "preacher", "dissident", "politician", "diplomat", "officer",
    "soldier", "pilot", "athlete", "champion", "entrepreneur", "founder", "investor", "banker",
    "chef", "teacher", "colleague", "friend", "neighbor", "neighbour", "son", "daughter", "wife",
    "husband", "father", "mother", "brother", "sister", "half-brother", "half-sister", "widow",
    "widower", "cousin", "uncle", "aunt", "nephew", "niece", "grandson", "granddaughter",
    "fiance", "fiancee", "girlfriend", "boyfriend",
)  # fmt: skip
#: A lower-case descriptor and what follows it: a name, straight or after a comma. (No two
#: descriptors can both be followed by that at one place, so trying longer ones first changes
#: nothing and lets the words be read as a trie.)
DESCRIPTOR = re.compile(
    rf"(?<![\w-])(?:{longest_first(_DESCRIPTORS)})(?P<comma>,)?\s+(?=[A-Z])"
)

#: Forms of address that anchor a name without being a role ("Mr Trump", "Dr. Tedros").
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"})

_TITLES: dict[str, str] = {**_NATIONAL, **_GENERIC, **_OTHER}
#: Every word of a spoken title ("secretary", "general", "secretary-general").
_TITLE_WORDS = frozenset(word for spoken in _TITLES for word in spoken.split())
NATIONAL_TITLES = frozenset(_NATIONAL.values())


def is_national(title: str) -> bool:
    """Whether a title is held in a country's government ("President", "Minister for Transport")."""
    return title in NATIONAL_TITLES or title.startswith(("Minister ", "Deputy Minister "))


GENERIC_TITLES = frozenset(_GENERIC.values())


def normal_title(spoken: str) -> str | None:
    """The normal form of a title as written ("secretary-general" -> "Secretary General")."""
    if spoken in _ABBREVIATIONS:
        return _ABBREVIATIONS[spoken]
    if spoken.endswith(".") and spoken[:-1] in _DOTTED:
        return _DOTTED[spoken[:-1]]
    return _TITLES.get(" ".join(spoken.lower().split()))


def is_title_word(word: str) -> bool:
    """Whether ``word`` is a title or a word of one ("Secretary", "minister"), not a name."""
    return (
        word in _ABBREVIATIONS
        or word.rstrip(".") in _DOTTED
        or word.lower() in _TITLE_WORDS
    )


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern[str]:
    """One regex for every title, whole words, longest first; abbreviations only in capitals."""
    words = longest_first(_TITLES, space=r"\s+")
    abbreviations = "|".join(re.escape(a) for a in _ABBREVIATIONS)
    dotted = "|".join(re.escape(a) for a in _DOTTED)
    return re.compile(
        rf"(?<![\w-])(?:(?:(?i:{words})|{abbreviations})(?![\w-])|(?:{dotted})\.(?=\s))",
    )


# What a minister may be "for": "Minister for Transport", "Minister for Foreign Affairs and Trade".
_PORTFOLIO_WORDS = (
    "Affairs|Trade|Development|Security|Justice|Equality|Health|Finance|Defence|Defense|Education"
    "|Skills|Transport|Tourism|Sport|Housing|Planning|Agriculture|Food|Marine|Energy|Environment"
    "|Employment|Enterprise|Innovation|Communications|Children|Culture|Heritage|Public|Expenditure"
    "|Reform|Social|Protection|Rural|Community|Climate|Action|Business|Home|Foreign|European"
    "|Interior|Economy|Economic|Labour|Industry|Immigration|Science|Technology|Women|Youth"
    "|Veterans|Infrastructure|Local|Government|Regional|Arts|Emergency|Situations|Internal"
)
_PORTFOLIO = re.compile(
    rf" (?P<link>for|of) (?P<what>(?:{_PORTFOLIO_WORDS})(?:,? (?:and )?(?:{_PORTFOLIO_WORDS}))*)"
    r"(?![\w-])"
)


def portfolio(title: str, text: str, end: int) -> tuple[str, int]:
    """A minister's portfolio written after the title ("Minister for Transport"), and its end."""
    if title not in {"Minister", "Deputy Minister"}:
        return title, end
    match = _PORTFOLIO.match(text, end)
    if match is None:
        return title, end
    return f"{title} {match.group('link')} {match.group('what')}", match.end()


def title_with_body(title: str, body_name: str | None) -> str:
    """A generic title names its body ("Secretary" + "Security Council"); others stand alone."""
    if title in GENERIC_TITLES and body_name:
        return f"{title} of the {body_name.removeprefix('The ').removeprefix('the ')}"
    return title


def body_name(org_name: str, countries: Sequence[Found], org_start: int) -> str:
    """An organization's name without the country adjective it opens with.

    The country is kept in the role's ``country_id``, so "Kyrgyz Security
    Council" becomes "Security Council" in "Secretary of the Security Council".
    """
    for country in countries:
        if country.span.start == org_start and org_name.startswith(country.surface + " "):
            return org_name[len(country.surface) + 1 :]
    return org_name


#: Cities at least this large are known by their other names too ("Raqqa" for Ar Raqqah).
_WELL_KNOWN_CITY = 200_000


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    names: set[str] = set(_city_countries())
    # US states are named like cities in news ("a teacher from Ohio said").
    names.update(str(state["name"]).casefold() for state in geonames_us_states().values())
    for city in geonames_cities().values():
        if int(city["population"]) >= _WELL_KNOWN_CITY:
            names.update(str(n).casefold() for n in city["alternatenames"] if str(n).isascii())
    return frozenset(names)


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    # The most populous city of each name wins: "Bishkek" -> KG, "Moscow" -> RU.
    best: dict[str, tuple[int, str]] = {}
    for city in geonames_cities().values():
        key = str(city["name"]).casefold()
        population = int(city["population"])
        if key not in best or population > best[key][0]:
            best[key] = (population, str(city["countrycode"]))
    return {name: code for name, (_, code) in best.items()}


def city_country(name: str) -> str | None:
    """The alpha-2 code of the country of the best-known city of this name, if any."""
    return _city_countries().get(name.strip().casefold())


def is_city(name: str) -> bool:
    """Whether ``name`` is the name of a city or a US state (so "Moscow said" is no person)."""
    return name.strip().casefold() in _city_names()


def home_country(
    article: Article, orgs: Sequence[Found], organizations: Sequence[Organization]
) -> str | None:
    """The country a story is told from, for national titles named bare.

    News omits the country of a national title when it is the story's own:
    "foreign minister Jeenbek Kulubaev" in a story from Bishkek, or reported by
    AKIpress, a Kyrgyz agency. The rule: the country of the dateline's city;
    without a dateline, the home country of the news outlet the lead paragraph
    cites as its source ("..., AKIpress informed."). An outlet cited later is
    only quoted ("told Al Jazeera") and says nothing of where the story is
    from. None when neither is known: mention counts are no evidence
    ("President Donald Trump" in a story about Russia).
    """
    if article.dateline:
        code = city_country(article.dateline)
        if code:
            return code
    lead_end = article.body.find("\n")
    lead_end = len(article.body) if lead_end < 0 else lead_end
    outlets = {o.id: o.country_id for o in organizations if o.kind is OrganizationKind.MEDIA}
    for mention in sorted(orgs, key=lambda f: f.span.start):
        if mention.span.end <= lead_end and outlets.get(mention.key):
            return outlets[mention.key]
    return None
