"""Reported numbers: "the deaths of 59 people", "over 142,000 people were evacuated".

A number is a figure only when the words around it say what it counts, either
before it ("killed 24", "the injuries of another 198", "the death toll rose to
63") or after it ("59 killed", "364 residential houses ... were destroyed").
Everything else (years, ages, dates, percentages, money, distances, "two
nations") is not a figure. A vague amount with no value ("tens of thousands",
"dozens") is skipped rather than given an invented one.

Qualifiers keep how exact a number was: "more than"/"over" is MORE_THAN, "at
least"/"no fewer than" AT_LEAST, "up to"/"as many as"/"fewer than" UP_TO (the
value is a ceiling), and "about"/"around"/"some"/"nearly"/"almost" ABOUT.
"Nearly 100" is ABOUT rather than UP_TO on purpose: it says the count is close
to 100, while UP_TO would admit any smaller count.

Who reported a figure and whose losses it counts is read elsewhere, in
:mod:`search_index.extract.attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from number_parser import parse_number

from search_index.models import FigureKind, Qualifier

# --- Numbers -------------------------------------------------------------------

_WORD_UNITS = (
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy"),
    *("eighty", "ninety", "hundred", "thousand", "million"),
)
_WORD = r"(?:" + "|".join(sorted(_WORD_UNITS, key=len, reverse=True)) + r")"
_WORDS = rf"\b{_WORD}(?:(?:\s+and\s+|\s+|-){_WORD})*\b"
_DIGITS = r"(?<![\w.,$€£¥-])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand))?"
NUMBER = rf"(?:{_DIGITS}|{_WORDS})"
_NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)

# What follows a number that makes it a year, an age, a share, a sum, a length or a time.
_NOT_A_COUNT_AFTER = re.compile(
    r"(?:\s*(?:%|percent|per\s+cent)|-\w|[:.,]?\d|\s*(?:years?|yr|km|kilomet(?:er|re)s?|miles?"
    r"|met(?:er|re)s?|hours?|days?|weeks?|months?|minutes?|seconds?|times|dollars|euros|rubles"
    r"|roubles|soms?|tenge|pounds|usd|eur|a\.m\.|p\.m\.|am|pm|o'clock)\b)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:[$€£¥]|\b(?:aged|USD|EUR|No\.|number)\s*)$", re.IGNORECASE)
_YEARLIKE = re.compile(r"^(?:1[89]|20)\d\d$")
# A year reads as one after these words ("in 2022", "the 2021 floods") or alone before punctuation.
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|until|by|of|from|to|the|early|late|mid|year|spring|summer|autumn|fall|winter)"
    r"\s+$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s*(?:[^\w\s]|$)")


def number_value(text: str) -> int | None:
    """The integer a number phrase states ("142,000", "1.5 million", "fifty-nine"), or None."""
    words = text.lower().replace(",", "").split()
    scale = {"thousand": 1_000, "million": 1_000_000}.get(words[-1], 1) if len(words) > 1 else 1
    head = words[0] if scale > 1 else " ".join(words)
    try:
        return round(float(head) * scale)
    except ValueError:
        # Naming the language spares number-parser guessing it, which costs 80 times more.
        parsed = parse_number(text.replace("-", " "), language="en")
        return parsed if isinstance(parsed, int) else None


_DIGIT = re.compile(r"\d")


def _may_hold_a_number(text: str, start: int, stop: int) -> bool:
    """False only where :data:`NUMBER` cannot match in ``text[start:stop]``.

    Every number it matches writes a digit or a number word, and most
    sentences hold neither: a plain search for them costs a fraction of the
    number pattern's. Words are compared in lower case only in ASCII text,
    where that is exactly the pattern's case-insensitive reading.
    """
    if _DIGIT.search(text, start, stop) is not None:
        return True
    window = text[start:stop]
    if not window.isascii():
        return True
    lowered = window.lower()
    return any(word in lowered for word in _WORD_UNITS)


# --- Qualifiers -----------------------------------------------------------------

_QUALIFIERS: tuple[tuple[Qualifier, str], ...] = (
    (Qualifier.MORE_THAN, r"more than|over|in excess of|upwards of"),
    (Qualifier.AT_LEAST, r"at least|no fewer than|no less than|a minimum of"),
    (Qualifier.UP_TO, r"up to|as many as|fewer than|less than"),
    (
        Qualifier.ABOUT,
        r"about|around|some|approximately|roughly|nearly|almost|close to|an estimated|estimated",
    ),
)
_QUALIFIER_BEFORE = re.compile(
    r"\b(?P<q>" + "|".join(words for _, words in _QUALIFIERS) + r")\s+$", re.IGNORECASE
)
_FURTHER_BEFORE = re.compile(r"\b(?:another|a further|an additional)\s+$", re.IGNORECASE)


def _qualifier(words: str) -> Qualifier:
    for qualifier, alternatives in _QUALIFIERS:
        if re.fullmatch(alternatives, words, re.IGNORECASE):
            return qualifier
    return Qualifier.EXACT


# --- What a number counts ---------------------------------------------------------

# Words naming the verb or noun of a loss, written before the number ("killed 24").
_LEFT: tuple[tuple[FigureKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"\b(?:{words})\s+(?:the\s+)?$", re.IGNORECASE))
    for kind, words in (
        (
            FigureKind.KILLED,
            (
                r"deaths?\s+of|lives\s+of|bodies\s+of|kill(?:ed|ing|s)"
                r"|death\s+toll(?:\s+[\w'’-]+){0,6}?(?:\s+(?:to|at|of|reached|hit))?"
            ),
        ),
        (FigureKind.INJURED, r"injur(?:ies|y)\s+of|injur(?:ed|ing)|wound(?:ed|ing)|hurting"),
        (FigureKind.EVACUATED, r"evacuat(?:ed|ing)|evacuation\s+of"),
        (FigureKind.DISPLACED, r"displac(?:ed|ing)|displacement\s+of"),
        (FigureKind.DETAINED, r"detain(?:ed|ing)|arrest(?:ed|ing)|detention\s+of|arrests?\s+of"),
        (FigureKind.BUILDINGS_DESTROYED, r"destroy(?:ed|ing)|destruction\s+of|razed|flattened"),
        (FigureKind.OTHER, r"damag(?:ed|ing)"),
    )
)

# Verbs and nouns naming the loss after the number and what it counts ("59 people killed").
_RIGHT_KINDS: tuple[tuple[FigureKind, str], ...] = (
    (FigureKind.KILLED, r"killed|dead|died|deaths|fatalities|perished|lost\s+their\s+lives"),
    (FigureKind.INJURED, r"injured|wounded|hurt|injuries|hospitali[sz]ed"),
    (FigureKind.EVACUATED, r"evacuated|evacuees"),
    (FigureKind.DISPLACED, r"displaced|fled|homeless|refugees|forced\s+to\s+flee"),
    (FigureKind.DETAINED, r"detained|arrested|arrests|detentions|taken\s+into\s+custody"),
    (FigureKind.BUILDINGS_DESTROYED, r"destroyed|razed|flattened|demolished|burn(?:ed|t)\s+down"),
    (FigureKind.OTHER, r"missing|damaged"),
)
_NOUN_WORD = (
    r"(?!(?:were|was|have|has|had|are|is|been|being|and|or|in|on|at|from|by|during|after|"
    r"while|since|who|which|that|killed|dead|died|injured|wounded|evacuated|displaced|detained|"
    r"arrested|destroyed|damaged|missing)\b)[A-Za-z][\w'’-]*"
)
_NOUNS = rf"(?:\s+{_NOUN_WORD}){{0,4}}"


# Words between a count and its verb: "were reportedly killed", "were left homeless".
_AUXILIARY = r"(?:were|was|have|has|had|are|is|been|being|reportedly|also|now|later|all|left)"


def _after_number(inside_aside: bool) -> re.Pattern[str]:
    """What may follow a number up to the verb naming its loss.

    Inside an aside ("700 facilities, including 364 houses, were destroyed") the
    verb comes after the closing comma; elsewhere a comma ends the phrase, so the
    age in "Ivanov, 45, was killed" is no figure.
    """
    comma = ",?" if inside_aside else ""
    return re.compile(
        rf"(?P<nouns>{_NOUNS})"
        rf"(?:,?\s+(?:and|as\s+well\s+as)\s+{NUMBER}{_NOUNS})*"
        r"(?:,\s+(?:including|among\s+them|of\s+which|of\s+whom)\s+[^,;.]{1,80},)?"
        rf"(?:{comma}\s+{_AUXILIARY})*"
        rf"{comma}\s+(?P<verb>" + "|".join(f"(?:{w})" for _, w in _RIGHT_KINDS) + r")\b",
        re.IGNORECASE,
    )


_AFTER_NUMBER = _after_number(inside_aside=False)
_AFTER_NUMBER_IN_ASIDE = _after_number(inside_aside=True)
_ASIDE_BEFORE = re.compile(
    r",\s+(?:including|among\s+them|of\s+which|of\s+whom)\s+$", re.IGNORECASE
)
_HOMES = re.compile(
    r"\b(?:houses?|homes?|residential|dwellings?|apartments?|households?)\b", re.IGNORECASE
)
_BUILDINGS = re.compile(
    r"\b(?:buildings?|facilities|facility|structures?|objects?|schools?|hospitals?|shops?"
    r"|bridges?|infrastructure|premises|shelters?|tents?|mosques?|churches|church|temples?"
    r"|factories|factory|offices?|warehouses?|markets?|clinics?)\b",
    re.IGNORECASE,
)
_NOUNS_AFTER = re.compile(_NOUNS, re.IGNORECASE)
# Enough characters before a number for the longest lead-in ("the death toll from
# Monday's earthquake has climbed to more than").
_CONTEXT_BEFORE = 120
_AND = re.compile(r",?\s+(?:and|as\s+well\s+as)\s+", re.IGNORECASE)
_NO_VERB_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$|\s(?:in|on|at|during|after|from|near|since|when|while)\b)", re.IGNORECASE
)


# A word every lead-in above and every verb after a number holds ("kill" in "killing" and "killed",
# "evacu" in "evacuated" and "evacuees"), in the same case-insensitive reading. No figure is
# classified without one: a second count sharing the first's verb ("and three civilians") needs a
# first. A new lead-in or verb needs a word of its own here.
_LOSS_WORDS = (
    "death", "dead", "died", "lives", "bodies", "kill", "fatalities", "perished", "injur", "wound",
    "hurt", "hospitali", "evacu", "displac", "fled", "flee", "homeless", "refugees", "detain",
    "detention", "arrest", "custody", "destr", "razed", "flattened", "demolished", "burn", "damag",
    "missing",
)  # fmt: skip
_LOSS_WORD = re.compile("|".join(_LOSS_WORDS), re.IGNORECASE)


def _may_name_a_loss(text: str, start: int, stop: int) -> bool:
    """False only where no :data:`_LOSS_WORDS` word is written in ``text[start:stop]``.

    In lower case in ASCII text, where that is exactly the case-insensitive
    reading; a search is slower than a few dozen substring tests.
    """
    window = text[start:stop]
    if not window.isascii():
        return _LOSS_WORD.search(window) is not None
    lowered = window.lower()
    return any(word in lowered for word in _LOSS_WORDS)


@dataclass(frozen=True, slots=True)
class FigurePhrase:
    """A number and what it counts, as written: ``text == source[start:end]``."""

    kind: FigureKind
    value: int
    qualifier: Qualifier
    text: str
    start: int
    end: int
    number_start: int


def _destroyed_kind(nouns: str) -> FigureKind:
    """Homes or other buildings, by the noun destroyed; anything else (tanks) is OTHER."""
    if _HOMES.search(nouns):
        return FigureKind.HOMES_DESTROYED
    if _BUILDINGS.search(nouns):
        return FigureKind.BUILDINGS_DESTROYED
    return FigureKind.OTHER


def _right_kind(verb: str) -> FigureKind:
    for kind, words in _RIGHT_KINDS:
        if re.fullmatch(words, verb, re.IGNORECASE):
            return kind
    return FigureKind.OTHER


def _classify(
    text: str, number: re.Match[str], lead: int, reach: int, stop: int
) -> tuple[FigureKind, int, int] | None:
    """What the number counts, and the span of the phrase saying so; None when nothing does.

    Context before the number is read from ``reach``, after it up to ``stop``.
    """
    for kind, pattern in _LEFT:
        left = pattern.search(text, reach, lead)
        if left is None:
            continue
        nouns = _NOUNS_AFTER.match(text, number.end(), stop)
        end = nouns.end() if nouns else number.end()
        if kind is FigureKind.BUILDINGS_DESTROYED:
            kind = _destroyed_kind(text[number.end() : end])
        return kind, left.start(), end
    in_aside = _ASIDE_BEFORE.search(text, reach, lead)
    right = (_AFTER_NUMBER_IN_ASIDE if in_aside else _AFTER_NUMBER).match(text, number.end(), stop)
    if right is None:
        return None
    kind = _right_kind(right["verb"])
    if kind is FigureKind.BUILDINGS_DESTROYED:
        kind = _destroyed_kind(right["nouns"])
    # When an aside or another number stands between, the phrase ends with its own
    # nouns ("more than 700 facilities"), so two figures' texts do not nest.
    nouns_end = right.end("nouns")
    interrupted = nouns_end > number.end() and "," in text[nouns_end : right.start("verb")]
    return kind, lead, nouns_end if interrupted else right.end()


def _is_count(text: str, number: re.Match[str], reach: int, stop: int) -> bool:
    """False for years, ages, shares, sums, lengths, times and parts of codes ("G20")."""
    if _NOT_A_COUNT_AFTER.match(text, number.end(), stop):
        return False
    if _NOT_A_COUNT_BEFORE.search(text, reach, number.start()):
        return False
    if _YEARLIKE.match(number.group()):
        year_before = _YEAR_BEFORE.search(text, reach, number.start())
        return not (year_before or _YEAR_AFTER.match(text, number.end(), stop))
    return True


def may_hold_a_figure(text: str, start: int = 0, end: int | None = None) -> bool:
    """False only where :func:`find_figures` finds nothing in ``text[start:end]``.

    A figure needs a number and a word naming a loss, and most sentences lack
    one or the other: two plain searches rule them out, so a caller need not
    read what else it would pass (the dates to skip) for them.
    """
    stop = len(text) if end is None else end
    return _may_hold_a_number(text, start, stop) and _may_name_a_loss(text, start, stop)


def find_figures(
    text: str, start: int = 0, end: int | None = None, skip: Sequence[tuple[int, int]] = ()
) -> list[FigurePhrase]:
    """The figures stated in ``text[start:end]``, in order; offsets are into ``text``.

    ``skip`` holds spans that are something else already (dates): numbers in them
    are never figures.
    """
    stop = len(text) if end is None else end
    found: list[FigurePhrase] = []
    # No pre-check here: its caller checks may_hold_a_figure before working out ``skip``.
    for number in _NUMBER_RE.finditer(text, start, stop):
        # Context before a number is read within the sentence and a few words back only.
        reach = max(start, number.start() - _CONTEXT_BEFORE)
        if found:
            # A lead-in already read for one figure is not read again for the next: in
            # "a death toll of 52 and ... more than 50 other people were wounded" the 50
            # are not deaths.
            reach = max(reach, found[-1].end)
        if any(s < number.end() and number.start() < e for s, e in skip):
            continue
        if not _is_count(text, number, reach, stop):
            continue
        lead = number.start()
        further = _FURTHER_BEFORE.search(text, reach, lead)
        lead = further.start() if further else lead
        qualified = _QUALIFIER_BEFORE.search(text, reach, lead)
        qualifier = _qualifier(qualified["q"]) if qualified else Qualifier.EXACT
        lead = qualified.start() if qualified else lead
        classified = _classify(text, number, lead, reach, stop)
        if classified is None and found and _AND.fullmatch(text, found[-1].end, lead):
            # "killed two servicemen and three civilians": the second count shares the verb,
            # unless it has one of its own ("and 3 were hospitalized").
            nouns = _NOUNS_AFTER.match(text, number.end(), stop)
            nouns_end = nouns.end() if nouns else number.end()
            if _NO_VERB_AFTER.match(text, nouns_end, stop):
                classified = found[-1].kind, lead, nouns_end
        value = number_value(number.group()) if classified is not None else None
        if classified is None or value is None:
            continue
        kind, phrase_start, phrase_end = classified
        found.append(
            FigurePhrase(
                kind=kind,
                value=value,
                qualifier=qualifier,
                text=text[phrase_start:phrase_end],
                start=phrase_start,
                end=phrase_end,
                number_start=number.start(),
            )
        )
    return found
