"""Paragraphs wrapped at a fixed width read as one run of words; the article's structure stays.

Plain-text wire copy and Markdown drafts break their lines every 70 or 80 characters, so a bound,
a scale word or a unit may stand on the next line. The texts are written for these tests.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import figures
from figures.extraction.layout import unwrapped

_LONG = "Officials in the northern province said on Tuesday that the river rose by"
_LINES = st.lists(st.sampled_from([_LONG, "Ridge fire", "- 12 homes burned", "## Casualties", "", "   ", "(2) a tram",
                                    "08:13", "more than 30 people were moved", "1. first", "> quoted", "a) second",
                                    "Storms and floods force thousands from homes across the region"]), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_LINES, st.sampled_from(["\n", "\r\n"]))
def test_only_line_breaks_inside_paragraphs_become_spaces(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    read = unwrapped(text)
    assert len(read) == len(text)                                     # offsets unchanged
    assert all(a == b or (a in "\r\n" and b == " ") for a, b in zip(text, read))
    at = 0
    for line, nxt in zip(lines, lines[1:]):
        at += len(line) + len(newline)
        structure = not nxt.strip() or nxt.lstrip().startswith(("-", "#", ">", "1.", "(2)", "a)"))
        if len(line.strip()) <= 40 or structure:                       # a heading, or a blank line, list,
            assert read[at - 1] == "\n"                                # heading or quote after it: kept
        elif nxt[:1].islower():
            assert read[at - len(newline):at] == " " * len(newline)    # it goes on in lower case: a wrap


def test_a_wrapped_paragraph_keeps_its_bounds_scales_and_units() -> None:
    text = ("The regional authority said the storm had cut power to more than\n"
            "40,000 homes and that repairing the grid would cost about $3.2\n"
            "million, with crews working along a stretch of some 15\n"
            "kilometres of coast.")
    for newline in ("\n", "\r\n"):
        written = text.replace("\n", newline)
        frame = figures.extract(written)
        assert list(frame.qualifier) == ["lower", "approx", "approx"]
        assert list(frame.value) == [40000, 3.2e6, 15]
        assert list(frame.unit) == ["count", "USD", "kilometer"]
        assert frame.surface.iloc[1] == f"about $3.2{newline}million"       # the surface is as written
        assert all(written[r.start:r.end] == r.surface for r in frame.itertuples())


def test_a_long_headline_is_not_joined_to_the_figure_below_it() -> None:
    """Above a line that opens with a figure, a headline longer than a heading line stays apart unless
    the whole text is wrapped at its width: its last word ("Valleys") is not the word before "14"."""
    frame = figures.extract("Storms Force Families From Their Homes Across the Western Valleys\n"
                            "14 people were treated for smoke, the ambulance service said.")
    assert list(frame.surface) == ["14"]


def test_a_title_above_a_wrapped_paragraph_keeps_its_break() -> None:
    """In a text wrapped at 72, a title as long as the wrapped lines opens its block in title case:
    it is not the wrapped line before "500"."""
    text = ("Storms Force Families From Their Homes Across the Western Valleys\n"
            "500 people were evacuated overnight from the valley as the fire spread,\n"
            "officials said, and about 3,000 more were told to be ready to leave by\n"
            "noon on Tuesday if the wind turned.")
    assert list(figures.extract(text).surface) == ["500", "about 3,000"]


def test_a_long_line_above_a_blank_one_does_not_set_the_width() -> None:
    text = ("Source: https://example.org/reports/2024/a-long-address-that-runs-on-past-the-width\n\n"
            "The regional authority said the storm had cut power to more than\n"
            "40,000 homes and that repairing the grid would cost about $3.2\n"
            "million, with crews working along a stretch of some 15\n"
            "kilometres of coast.")
    frame = figures.extract(text)
    assert list(frame.qualifier)[-3:] == ["lower", "approx", "approx"]
