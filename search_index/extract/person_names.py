"""What a person's name looks like in running text, and what only looks like one.

A name is a short run of capitalized words ("Marat Imankulov", "Ursula von der
Leyen", "George W. Bush"). Sentence-start words ("Currently", "Following"),
weekdays, months, title words and the words organizations are made of never
count as name words; entity spans found by other rules (countries,
organizations) are never part of a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from search_index.extract import Found
from search_index.extract.roles import HONORIFICS, is_title_word
from search_index.extract.text import APOSTROPHES, strip_possessive, tokens


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words capitalized at a sentence start or in a heading that are no part of a name.
_FUNCTION_WORDS = _word_set(
    """
    a an the this that these those he she it they we i you his her its their our my your
    in on at for from with by to of and but or nor as after before during since until while
    when where why how what who whom which whose if although though because according
    following currently both meanwhile however also earlier later last next some many most
    several other others all each every no not yet so then there here now today yesterday
    tomorrow tonight officials sources residents police witnesses analysts experts critics
    authorities observers one two three first second new former acting late said says
    eastern western northern southern central
    """
)

_CALENDAR = _word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec
    """
)

# The words organizations and places are made of ("Ministers Council", "Security Treaty").
_BODY_WORDS = _word_set(
    """
    ministry ministries council committee organization organisation government parliament party
    union agency office service department court army forces bank university company corporation
    group commission assembly senate congress federation republic kingdom state states secretariat
    treaty security cooperation ministers secretaries presidents leaders border region province
    city capital street square river mountains island islands airport news times post daily
    kremlin pentagon vatican taliban hamas hezbollah house
    electric motors motor dynamics telecom airlines airways energy petroleum oil holdings industries
    systems technologies partners media insurance communications networks foundation institute
    center centre fund
    democrat democrats republican republicans conservative conservatives labour liberal liberals
    europe asia africa america americas middle east
    palace consulate embassy observatory journal studios pictures resources services academy abbey
    caucus reserve navy administration cabinet staff amnesty guard coastguard international
    co inc corp ltd plc llc association federation solutions memorial league club
    """
)

# Words a page glues to a name when it loses a space ("Brokenshire-said").
_GLUED = _FUNCTION_WORDS | _word_set(
    "said says told added highlights reported wrote noted stated warned explained has had was is"
    " were have will would did does could should can might must"
)

# Lower-case words allowed inside a name, never at its ends.
_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "dos", "du", "la", "le", "bin", "al"}
)

_NAME_WORD = re.compile(
    r"^[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*$"
    r"|^(?:Mc|Mac|O')[A-Z][a-z]+$"
    # Arabic and other article prefixes: "al-Bashir", "el-Sisi", "bin-Salman".
    r"|^(?:al|el|ul|ad|ash|bin|ibn|abu)-[A-Z][a-z]+$"
)
# Regnal and family numbers close a name ("Queen Elizabeth II", "John Smith III").
_ORDINAL = re.compile(r"^(?:II|III|IV|VI|VII|VIII)$")
# How a name's first word opens, as _NAME_WORD has it, after the spaces before it. Half the
# places a name is looked for after hold none ("said that ..."), and this tells so at once.
_NAME_OPENS = re.compile(r" *(?:[A-Z]|(?:al|el|ul|ad|ash|bin|ibn|abu)-)")
# How the last word before a name's end closes: a name word ends in a lower-case letter,
# an ordinal in "I" or "V".
_NAME_CLOSES = frozenset("abcdefghijklmnopqrstuvwxyzIV")

#: Most words a person's name has in news ("Martin Luther King Jr" is as long as they get).
MAX_NAME_WORDS = 4


@dataclass(frozen=True, slots=True)
class NameRun:
    """A run of name words in the text: ``text == source[start:end]`` (possessive stripped)."""

    text: str
    start: int
    end: int

    @property
    def words(self) -> list[str]:
        """The words of the name."""
        return self.text.split()


def is_stop_word(word: str) -> bool:
    """A capitalized word that is never a name: a function word, a calendar word, a title or a body."""
    lowered = strip_possessive(word).lower()
    return (
        lowered in _FUNCTION_WORDS
        or lowered in _CALENDAR
        or lowered in _BODY_WORDS
        or is_title_word(strip_possessive(word))
        or is_honorific(word)
    )


def is_calendar_word(word: str) -> bool:
    """A weekday or a month ("May" is a month before it is a surname)."""
    return word.lower() in _CALENDAR


def _is_name_word(word: str, position: int) -> bool:
    bare = strip_possessive(word)
    if position > 0 and _ORDINAL.match(word):
        return True
    if not _NAME_WORD.match(bare):
        return False
    if any(part.lower() in _GLUED for part in bare.split("-")[1:]):
        # "Coveney-said", "Hurwitz-highlights": words glued by a lost space, not a double name.
        return False
    lowered = bare.lower()
    if lowered in _CALENDAR:
        # A month may close a name ("Theresa May") but never open one.
        return position > 0 and lowered == "may"
    return not is_stop_word(bare)


def _is_initial(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one capital letter written with its dot ("W." of George W. Bush)."""
    return end - start == 1 and text[start].isupper() and text[end : end + 1] == "."


def _inside(spans: Sequence[Found], start: int, end: int) -> bool:
    return any(f.span.start < end and start < f.span.end for f in spans)


def name_after(
    text: str, offset: int, taken: Sequence[Found], max_words: int = MAX_NAME_WORDS
) -> NameRun | None:
    """The name starting right after ``offset`` (one space away, same line), if any.

    The run stops at punctuation, a non-name word, an entity span in ``taken``,
    or a possessive ("Putin's" ends the name "Putin").
    """
    if not _NAME_OPENS.match(text, offset):
        return None
    words = tokens(text, offset, min(len(text), offset + 120))
    picked: list[tuple[int, int]] = []
    cursor = offset
    for word in words:
        gap = text[cursor : word.start]
        if (picked and gap != " ") or (not picked and gap.strip(" ")):
            break
        if _inside(taken, word.start, word.end):
            break
        position = len(picked)
        particle = word.text in _PARTICLES and position > 0
        initial = position > 0 and _is_initial(text, word.start, word.end)
        if not (particle or initial or _is_name_word(word.text, position)):
            break
        end = word.end + 1 if initial else word.end
        picked.append((word.start, end))
        cursor = end
        if strip_possessive(word.text) != word.text or len(picked) == max_words:
            break
    # A name never ends in a particle or an initial ("George W." of a cut-off "George W. Bush").
    while picked and (
        text[picked[-1][0] : picked[-1][1]] in _PARTICLES
        or _is_initial(text, picked[-1][0], picked[-1][1] - 1)
    ):
        picked.pop()
    if not picked:
        return None
    return _run(text, picked[0][0], picked[-1][1])


def name_before(
    text: str, offset: int, taken: Sequence[Found], max_words: int = MAX_NAME_WORDS
) -> NameRun | None:
    """The name ending right before ``offset`` (one space or nothing away), if any.

    Sentence-opening function words are left out ("In New York" gives "New York").
    """
    if not _may_close_name(text, offset):
        return None
    words = tokens(text, max(0, offset - 120), offset)
    picked: list[tuple[int, int]] = []
    cursor = offset
    for word in reversed(words):
        gap = text[word.end : cursor]
        initial = bool(picked) and gap == ". " and _is_initial(text, word.start, word.end)
        if (picked and gap != " " and not initial) or (not picked and gap.strip(" ")):
            break
        if _inside(taken, word.start, word.end) or len(picked) == max_words:
            break
        particle = word.text in _PARTICLES and bool(picked)
        # A possessive ends a name, so it cannot stand inside one read backwards.
        plain = _is_name_word(word.text, 1) and strip_possessive(word.text) == word.text
        if not (particle or initial or plain):
            break
        picked.insert(0, (word.start, word.end + 1 if initial else word.end))
        cursor = word.start
    while picked and (
        text[picked[0][0] : picked[0][1]] in _PARTICLES
        or not _is_name_word(text[picked[0][0] : picked[0][1]], 0)
    ):
        picked.pop(0)
    if not picked:
        return None
    return _run(text, picked[0][0], picked[-1][1])


def _may_close_name(text: str, offset: int) -> bool:
    """Whether the last character before ``offset`` and its spaces may end a name's last word.

    Many places a name is looked for before hold none (a quote's '," said'), and
    those not ending in a letter a name word ends in need no tokens read.
    """
    end = offset
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return end > 0 and text[end - 1] in _NAME_CLOSES


def _run(text: str, start: int, end: int) -> NameRun:
    surface = text[start:end]
    bare = strip_possessive(surface)
    if bare != surface and surface[len(bare)] in APOSTROPHES:
        end = start + len(bare)
    return NameRun(text[start:end], start, end)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(str(value).casefold())
    return frozenset(names)


def is_country_name(name: str) -> bool:
    """Whether ``name`` is a country's name ("Kyrgyzstan said" names no person)."""
    return name.casefold() in _country_names()


def is_honorific(word: str) -> bool:
    """Whether ``word`` is a form of address ("Mr", "Dr.")."""
    return word.rstrip(".") in HONORIFICS
