"""Hypothesis strategies that write figures and short articles whose truth is known.

Each strategy returns what it wrote together with what it planted, so a property test can check
that `figures.extract` recovers the planted values and that `figures.check` flags exactly the
planted contradictions. Not imported by `figures/__init__.py`: hypothesis is a test dependency.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from figures.errors import SettingsError, SettingsTypeError, require

st = require("hypothesis.strategies", extra="test", feature="figures.strategies")

__all__ = [
    "PlantedArticles",
    "PlantedFigure",
    "WrittenNumber",
    "conversion_articles",
    "figure_phrases",
    "part_whole_articles",
    "source_pair_articles",
    "written_numbers",
]

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_ABBREVIATIONS = {"m": 1e6, "bn": 1e9}
_NOUNS = ("drones", "missiles", "shells", "tanks", "protesters", "soldiers", "civilians", "ships")
_CITIES = ("Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Tbilisi", "Gaza", "Beirut")
_OUTLETS = ("Continental Wire", "Dnipro Daily", "Eastern Ledger", "Baltic Monitor")
_SPEAKERS = ("the air force", "regional police", "the defence ministry", "organisers", "the governor")


@dataclass(frozen=True)
class WrittenNumber:
    """A number and one way a newspaper writes it."""

    text: str
    value: float


@dataclass(frozen=True)
class PlantedArticles:
    """Articles (dicts for `figures.extract`) and the number of contradictions planted in them."""

    articles: tuple[dict[str, str], ...]
    contradictions: int
    kind: str


def _flag(contradiction: object) -> bool:
    """Strategies check their arguments when called: `contradiction` must be a bool."""
    if not isinstance(contradiction, bool):
        raise SettingsTypeError(f"contradiction must be a bool, not {contradiction!r}")
    return contradiction


def _group_thousands(n: int) -> str:
    return f"{n:,}"


@st.composite
def _digits(draw: st.DrawFn, max_value: int) -> WrittenNumber:
    n = draw(st.integers(min_value=0, max_value=max_value))
    style = draw(st.sampled_from(["plain", "grouped", "decimal", "scientific"]))
    if style == "scientific" and n >= 10:
        digits = str(n).rstrip("0") or "0"
        power = len(str(n)) - 1
        mantissa = f"{digits[0]}.{digits[1:]}" if len(digits) > 1 else digits
        return WrittenNumber(f"{mantissa}×10^{power}", float(n))               # "1.25×10^6"
    if style == "decimal":
        cents = draw(st.integers(min_value=1, max_value=99))
        return WrittenNumber(f"{n:,}.{cents:02d}", n + cents / 100)
    if style == "grouped" and n >= 10_000:
        return WrittenNumber(_group_thousands(n), float(n))
    return WrittenNumber(_group_thousands(n) if n >= 10_000 else str(n), float(n))


@st.composite
def _scaled(draw: st.DrawFn) -> WrittenNumber:
    whole = draw(st.integers(min_value=1, max_value=999))
    tenth = draw(st.integers(min_value=0, max_value=9))
    number = f"{whole}.{tenth}" if tenth else str(whole)
    value = whole + tenth / 10
    if draw(st.booleans()):
        word = draw(st.sampled_from(sorted(_SCALES)))
        glue = draw(st.sampled_from([" ", ""]))
        return WrittenNumber(f"{number}{glue}{word}", value * _SCALES[word])
    word = draw(st.sampled_from(sorted(_ABBREVIATIONS)))
    return WrittenNumber(f"${number}{word}", value * _ABBREVIATIONS[word])


@lru_cache(maxsize=1)
def _inflector():  # type: ignore[no-untyped-def]
    """inflect's engine, imported on first use: importing it costs about a second."""
    import inflect

    return inflect.engine()


@st.composite
def _words(draw: st.DrawFn) -> WrittenNumber:
    n = draw(st.integers(min_value=2, max_value=999_999))
    text = _inflector().number_to_words(n, andword="and", comma="")
    return WrittenNumber(str(text), float(n))


def written_numbers(*, max_value: int = 10**9, words: bool = True, scales: bool = True) -> st.SearchStrategy[WrittenNumber]:
    """Numbers written the ways news text writes them: digits with separators and decimals,
    scientific notation ("1.25×10^6"), scale words glued or not ("4.2bn", "12million",
    "two million"), and number words."""
    if isinstance(max_value, bool) or not isinstance(max_value, int) or max_value < 1:
        raise SettingsError(f"max_value must be a positive int, not {max_value!r}")
    for name, flag in (("words", words), ("scales", scales)):
        if not isinstance(flag, bool):
            raise SettingsTypeError(f"{name} must be a bool, not {flag!r}")
    options = [_digits(max_value)]
    if scales:
        options.append(_scaled())
    if words:
        options.append(_words())
    return st.one_of(options)


@dataclass(frozen=True)
class PlantedFigure:
    """A sentence stating one figure, and what `figures.extract` must read from it."""

    text: str
    value: float
    low: float
    high: float
    qualifier: str
    unit: str


_BOUNDS = (("", "exact"), ("more than ", "lower"), ("at least ", "lower"), ("about ", "approx"),
           ("some ", "approx"), ("up to ", "upper"), ("as many as ", "upper"), ("nearly ", "upper"))
_CURRENCIES = (("$", "", "USD"), ("€", "", "EUR"), ("£", "", "GBP"), ("", " euros", "EUR"),
               ("", " rubles", "RUB"), ("", " Canadian dollars", "CAD"), ("", " US dollars", "USD"))
_GLUED_CODES = (("USD", "", "USD"), ("$US", "", "USD"), ("A$", "", "AUD"), ("RM", "", "MYR"), ("EUR", "", "EUR"))
_UNITS = (("km", "kilometer"), (" miles", "mile"), (" tonnes", "metric_ton"), (" metres", "meter"),
          ("sq kilometres", "kilometer ** 2"), ("%", "percent"), (" per cent", "percent"))


@st.composite
def _figure_phrase(draw: st.DrawFn) -> PlantedFigure:
    kind = draw(st.sampled_from(["count", "currency", "unit", "range"]))
    number = draw(written_numbers(max_value=10**6, scales=kind == "currency"))
    bound, qualifier = draw(st.sampled_from(_BOUNDS))
    value = number.value
    low, high = value, value
    if kind == "range":
        upper = value + draw(st.integers(min_value=1, max_value=50))
        suffix, unit = draw(st.sampled_from(_UNITS))
        text = f"{_plain(value)}-{_plain(upper)}{suffix}"
        return PlantedFigure(f"Officials said the figure was {text}.", (value + upper) / 2, value, upper,
                             "range", unit)
    if kind == "count":
        text, unit = f"{bound}{number.text} drones", "count"
    elif kind == "currency":
        if number.text.startswith("$"):           # a scaled dollar amount carries its own symbol
            prefix, suffix, unit = "", "", "USD"
        elif number.text[0].isdigit() and draw(st.booleans()):
            prefix, suffix, unit = draw(st.sampled_from(_GLUED_CODES))   # "USD10m", "RM23.50"
        else:
            prefix, suffix, unit = draw(st.sampled_from(_CURRENCIES))
        text = f"{bound}{prefix}{number.text}{suffix}"
    else:
        suffix, unit = draw(st.sampled_from(_UNITS))
        if number.text[-1].isalpha() and not suffix.startswith(" "):
            suffix = " per cent" if suffix == "%" else " " + suffix    # "two km", never "twokm"
        text = f"{bound}{number.text}{suffix}"
    if qualifier == "lower":
        high = math.inf
    elif qualifier == "upper":
        low = 0.0
    return PlantedFigure(f"Officials said {text} were reported.", value, low, high, qualifier, unit)


def _plain(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def figure_phrases() -> st.SearchStrategy[PlantedFigure]:
    """Sentences stating one figure: a count, a sum of money, a measure or a range, with a bound
    ("more than", "about", "up to" ...) and the number in any style `written_numbers` writes."""
    return _figure_phrase()


@st.composite
def _part_whole(draw: st.DrawFn, contradiction: bool) -> PlantedArticles:
    whole = draw(st.integers(min_value=5, max_value=500))
    noun = draw(st.sampled_from(_NOUNS[:4]))
    if contradiction:
        part = draw(st.integers(min_value=whole + 1, max_value=whole * 2))
        text = f"Air defences intercepted {part} of the {whole} {noun}, {draw(st.sampled_from(_SPEAKERS))} said."
        return PlantedArticles(({"id": "a", "text": text, "date": "2023-05-08"},), 1, "part_exceeds_whole")
    first = draw(st.integers(min_value=0, max_value=whole))
    second = draw(st.integers(min_value=0, max_value=whole - first))
    text = (f"Air defences downed {first} out of {whole} {noun}. "
            f"{second} of the {noun} were lost to jamming.")
    return PlantedArticles(({"id": "a", "text": text, "date": "2023-05-08"},), 0, "part_exceeds_whole")


def part_whole_articles(*, contradiction: bool) -> st.SearchStrategy[PlantedArticles]:
    """One article stating parts of a whole; with `contradiction`, a part larger than its whole."""
    return _part_whole(_flag(contradiction))


@st.composite
def _conversion(draw: st.DrawFn, contradiction: bool) -> PlantedArticles:
    km = draw(st.integers(min_value=10, max_value=5000))
    miles = round(km / 1.609344)
    if contradiction:
        factor = draw(st.sampled_from([0.5, 0.75, 1.0, 1.3, 2.0]))
        miles = round(km * factor)
        if abs(miles - km / 1.609344) <= 1 + 0.02 * km:
            miles = km * 2
    text = f"The front line stretches for {km}km ({miles} miles), the governor said."
    return PlantedArticles(({"id": "a", "text": text, "date": "2023-05-08"},), int(contradiction), "conversion")


def conversion_articles(*, contradiction: bool) -> st.SearchStrategy[PlantedArticles]:
    """An article restating kilometres in miles; with `contradiction`, at a wrong factor."""
    return _conversion(_flag(contradiction))


@st.composite
def _source_pair(draw: st.DrawFn, contradiction: bool) -> PlantedArticles:
    city = draw(st.sampled_from(_CITIES))
    noun = draw(st.sampled_from(("protesters", "civilians", "soldiers")))
    first = draw(st.integers(min_value=20, max_value=50_000))
    speakers = draw(st.lists(st.sampled_from(_SPEAKERS), min_size=2, max_size=2, unique=True))
    outlets = draw(st.lists(st.sampled_from(_OUTLETS), min_size=2, max_size=2, unique=True))
    if contradiction:
        second = first * draw(st.sampled_from([2, 3, 5])) + draw(st.integers(min_value=1, max_value=9))
        bound = ""
    else:
        bound = draw(st.sampled_from(["", "more than ", "at least "]))
        # "more than N" excludes N itself: the floor stays below the other count
        top = first - 1 if bound == "more than " else first
        second = first if not bound else draw(st.integers(min_value=1, max_value=top))
    third_words = "" if contradiction else draw(st.sampled_from(["", " A separate strike killed 3 people."]))
    articles = (
        {"id": "a", "source": outlets[0], "date": "2023-05-06",
         "text": f"In {city}, {first:,} {noun} were evacuated on Saturday, {speakers[0]} said.{third_words}"},
        {"id": "b", "source": outlets[1], "date": "2023-05-06",
         "text": f"{speakers[1].capitalize()} said {bound}{second:,} {noun} were evacuated in {city} on Saturday."},
    )
    return PlantedArticles(articles, int(contradiction), "sources_disagree")


def source_pair_articles(*, contradiction: bool) -> st.SearchStrategy[PlantedArticles]:
    """Two outlets' reports of one evacuation; with `contradiction`, counts that cannot both hold
    (otherwise equal counts, or a bound the other count satisfies)."""
    return _source_pair(_flag(contradiction))


