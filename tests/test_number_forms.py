"""Number forms at the edges: separators, huge numbers, paragraph breaks and signs."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figures
from figures.extraction.numbers import scan


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([",", " ", "\u00a0", "\u202f", "\u2009", "'"]))
def test_a_number_in_groups_of_three_is_one_number(n: int, separator: str) -> None:
    """"30 000", "1\u00a0000", "1'000" and "3,000" read as one number whatever the group separator."""
    written = f"{n:,}".replace(",", separator)
    cores = scan(f"They counted {written} boxes.")
    assert [c.value for c in cores] == [n]


def test_a_space_after_a_year_does_not_join_two_numbers() -> None:
    """A four-digit year is never the first group of a spaced number: "in 2020 300 people"."""
    assert [c.value for c in scan("In 2020 300 people left.")] == [2020, 300]


def test_a_number_of_hundreds_of_digits_is_infinite_not_an_error() -> None:
    """A 400-digit number is read as infinite on its own row; the article and its other figures survive."""
    frame = figures.extract([{"id": "a", "text": "It weighed " + "9" * 400 + " tonnes and 12 people came."}])
    assert math.isinf(frame["value"].iloc[0])
    assert 12 in list(frame["value"])
    assert figures.article_status(frame)["status"].tolist() == ["ok"]


def test_a_huge_power_of_ten_is_infinite_not_an_error() -> None:
    """Scientific notation past the float range gives an infinite value, not an OverflowError."""
    assert math.isinf(scan("about 2 x 10^999 atoms")[0].value)


def test_number_words_do_not_run_across_a_paragraph_break() -> None:
    """"five" at the end of a paragraph and "million" at the start of the next are not five million."""
    assert [c.value for c in scan("They sent five\n\nmillion more came later.")] == [5]
    assert [c.value for c in scan("They sent five\nmillion more.")] == [5_000_000]


@pytest.mark.parametrize("text, surface, value", [
    ("The gap was -$5.2 million.", "-$5.2 million", -5.2e6),
    ("The gap was −€3bn.", "−€3bn", -3e9),
    ("The gap was $-50.8bn.", "$-50.8bn", -5.08e10),
    ("It posted a loss of ($45.20).", "$45.20", -45.2),
])
def test_a_sign_outside_the_digits_is_kept(text: str, surface: str, value: float) -> None:
    """A minus before the currency sign, or accounting brackets, make the figure negative."""
    frame = figures.extract(text)
    row = frame[frame["surface"] == surface].iloc[0]
    assert (row["value"], row["low"], row["high"]) == (value, value, value)


def test_an_upper_bound_on_a_negative_figure_is_well_ordered() -> None:
    """"up to -3%" is at most -3: its interval runs from below -3 up to -3, never [0, -3]."""
    row = figures.extract("Output could shrink by up to -3% this year.").iloc[0]
    assert row["low"] <= row["high"] == -3


def _every_start_finditer(text: str) -> list[tuple[tuple[int, int], str | None]]:
    """The number-word runs as the word pattern finds them trying every character of the text."""
    from figures.extraction import number_words

    lowered = text.lower()
    pattern = number_words._word_pattern(len(lowered) != len(text))
    return [(m.span(), m.lastgroup) for m in pattern.finditer(lowered if len(lowered) == len(text) else text)]


_WORDY = st.lists(st.sampled_from(
    ["a", "an", "one", "twenty", "five", "hundred", "thousand", "and", "half", "a quarter", "two-thirds", "of",
     "dozens", "tens", "millions", "between", "to", "mile", "people", "said", "the", ",", "\n", "\n\n", "  ",
     "An", "A", "Scores", "a      ", " \t", "third", "day", "ten", "sixty-one", "a half-eaten", "quarters", "hour", "in"]), max_size=14)


@settings(max_examples=300, deadline=None)
@given(_WORDY)
def test_number_words_are_found_where_trying_every_character_finds_them(words: list[str]) -> None:
    from figures.extraction.number_words import word_matches

    text = " ".join(words)
    assert [(m.span(), m.lastgroup) for m in word_matches(text)] == _every_start_finditer(text)


def test_every_number_word_entry_opens_with_a_hint_or_an_article() -> None:
    """word_matches tries the word pattern only where a hint word or "a"/"an" before one stands;
    that is every place a run can open only while each table entry opens so."""
    from figures.extraction import number_words

    hint = number_words.word_hint()
    for table in (number_words._FRACTIONS, number_words._VAGUE_NUMBERS, number_words._NUMBER_WORDS):
        for entry in table:
            first, _, rest = entry.partition(" ")
            assert hint.match(entry) or (first in ("a", "an") and hint.match(rest)), entry
