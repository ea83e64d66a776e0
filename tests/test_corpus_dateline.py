"""Datelines: the place a story was filed from, and the agency that filed it."""

from __future__ import annotations

import pytest

from search_index.corpus import find_dateline


@pytest.mark.parametrize(
    ("opening", "place", "source"),
    [
        ("BISHKEK. Sept 22 (Interfax) - Kyrgyzstan is", "BISHKEK", "Interfax"),
        ("MOSCOW, Sept 22 (Reuters) - Russia said", "MOSCOW", "Reuters"),
        ("WASHINGTON (AP) — The State Department", "WASHINGTON", "AP"),
        ("PARIS (AFP) - France said", "PARIS", "AFP"),
        ("ASTANA, Oct. 3 (TASS) Kazakhstan will", "ASTANA", "TASS"),
        ("BISHKEK, Sept 22 (AKIpress) - The", "BISHKEK", "AKIpress"),
        ("LONDON — Britain said", "LONDON", None),
        ("LONDON, Sept 22 - Britain said", "LONDON", None),
        ("KYIV, Ukraine (AP) — Russian forces", "KYIV", "AP"),
        ("NEW YORK, Sept 22 (Reuters) - Ministers", "NEW YORK", "Reuters"),
        ("ST. PETERSBURG, Sept 22 (TASS) - The", "ST. PETERSBURG", "TASS"),
        ("MOSCOW, September 22. /TASS/. Russia's", "MOSCOW", "TASS"),
        ("BEIJING, Sept. 22 (Xinhua) -- China", "BEIJING", "Xinhua"),
        ("ASTANA. KAZINFORM - The", "ASTANA", "KAZINFORM"),
        ("BISHKEK, 22 September (24.kg) - The", "BISHKEK", "24.kg"),
        ("DUSHANBE, Sept 22 /Sputnik/ - The", "DUSHANBE", "Sputnik"),
        ("MAMOUDZOU, Mayotte (AFP) - The", "MAMOUDZOU", "AFP"),
    ],
)
def test_dateline_forms(opening: str, place: str, source: str | None) -> None:
    found = find_dateline(opening)
    assert found is not None
    assert (found.place, found.source) == (place, source)
    assert opening.startswith(found.text)
    assert opening[len(found.text) :].startswith(" ")


@pytest.mark.parametrize(
    "opening",
    [
        "Stanislav Zas, the secretary general of the CSTO, met with",
        "NATO said on Monday that",
        "The CSTO - a Russia-led bloc - said",
        "US - Russia talks resumed",
        "BISHKEK. The city was calm",
        "BISHKEK",
        "CSTO (Collective Security Treaty Organization) - the bloc",
        "",
    ],
)
def test_prose_is_not_a_dateline(opening: str) -> None:
    assert find_dateline(opening) is None
