"""Which countries an article names or places itself in, and their currencies: what decides whose a
sum in a word several countries write is ("12 billion pesos", "Rs 282", "Sh20")."""

from __future__ import annotations

import re
from functools import lru_cache

from figures import _tables

_US_NAMES = frozenset({"united states", "united states of america", "us", "u.s.", "usa", "u.s.a.", "america"})


@lru_cache(maxsize=1)
def _country_names() -> re.Pattern[str]:
    return re.compile(r"\b(?:%s)\b" % _tables.alternation(sorted(_tables.countries() | _tables.country_currencies().keys())),
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _city_names() -> re.Pattern[str]:
    return re.compile(r"\b(?:%s)\b" % _tables.alternation(sorted(_tables.cities())), re.IGNORECASE)


def named(text: str) -> frozenset[str]:
    """The countries the text names, lower-cased, as written with a capital ("Mexico's finance
    ministry", "in Norway"; not "turkey" or "chad" the words)."""
    return frozenset(m.group().lower() for m in _country_names().finditer(text) if m.group()[0].isupper())


@lru_cache(maxsize=16)
def placed(text: str) -> frozenset[str]:
    """The countries the text names, and those of the cities it names ("a Nairobi court": Kenya), each
    written with capitals (the cities of `data/cities.tsv`). Cached for the few texts being read:
    every sum of an article that its country decides asks."""
    cities = _tables.cities()
    return named(text) | frozenset(
        cities[m.group().lower()] for m in _city_names().finditer(text) if m.group()[0].isupper())


def currencies_of(countries: frozenset[str]) -> set[str]:
    """The current tender of the `countries` (`data/country_currencies.tsv`)."""
    table = _tables.country_currencies()
    return {code for country in countries for code in table.get(country, ())}


def names_another_country(countries: frozenset[str]) -> bool:
    """Whether a country other than the United States is among `countries`: then a bare "cents" need
    not be US cents."""
    return not countries <= _US_NAMES
