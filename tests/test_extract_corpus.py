"""Golden extraction cases, kept as data in tests/corpus/ and grouped by where they come from."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import figures
from conftest import read_jsonl

NON_FIGURES = read_jsonl("non_figures.jsonl")


def _cases(*names: str) -> list:  # type: ignore[type-arg]
    """Golden cases of the corpus files; a case with a figure marked "xfail" is a known miss (strict)."""
    out = []
    for name in names:
        for case in read_jsonl(name):
            reasons = [f.pop("xfail") for f in case["figures"] if "xfail" in f]
            marks = [pytest.mark.xfail(strict=True, reason=reasons[0])] if reasons else []
            out.append(pytest.param(case, marks=marks, id=f"{name.split('.')[0]}:{case['group']}:{case['text'][:40]}"))
    return out


CASES = _cases("extraction.jsonl", "currencies.jsonl", "measures.jsonl")


def _same(got: object, want: object) -> bool:
    if want is None:
        return got is None or (isinstance(got, float) and math.isnan(got)) or got is pd.NaT
    if isinstance(want, bool):
        return bool(got) is want
    if isinstance(want, (int, float)):
        return isinstance(got, (int, float)) and math.isclose(float(got), float(want), rel_tol=1e-9)
    return got == want


def _field(frame: pd.DataFrame, row: pd.Series, name: str) -> object:
    value = row[name]
    if name in ("whole", "converts"):
        return frame.at[value, "surface"] if isinstance(value, str) else None
    if name == "event_date":
        return None if pd.isna(value) else value.date().isoformat()
    return value


@pytest.mark.parametrize("case", CASES)
def test_extracts_golden_figures(case: dict) -> None:
    """Each case lists every figure of its text: each is found by its exact surface, with every field
    the case pins, and nothing else is read as a figure ("5 m^3" is one figure, not also a 3)."""
    frame = figures.extract([{"id": "t", "text": case["text"], "date": "2023-03-06"}])
    by_surface = {row["surface"]: row for _, row in frame.iterrows()}
    listed = {expected["surface"] for expected in case["figures"]}
    assert set(by_surface) <= listed, f"figures the case does not list: {sorted(set(by_surface) - listed)}"
    for expected in case["figures"]:
        assert expected["surface"] in by_surface, f"{expected['surface']!r} not found in {list(by_surface)}"
        row = by_surface[expected["surface"]]
        for name, want in expected.items():
            if name == "surface":
                continue
            got = _field(frame, row, name)
            assert _same(got, want), f"{expected['surface']!r}: {name} is {got!r}, expected {want!r}"


@pytest.mark.parametrize("case", NON_FIGURES, ids=[f"{c['group']}:{c['text'][:40]}" for c in NON_FIGURES])
def test_ignores_numbers_that_are_not_figures(case: dict) -> None:
    """Years, dates, times, ordinals, model names, timestamps, list numbers and phones give no figure."""
    frame = figures.extract(case["text"])
    assert list(frame["surface"]) == []


def test_spans_point_at_the_surface() -> None:
    """start and end cut the surface out of the article text."""
    text = "Air defences downed 39 out of 71 drones, and £1.2m (about $1.5m) was paid."
    frame = figures.extract(text)
    assert len(frame) == 4
    for _, row in frame.iterrows():
        assert text[row["start"]:row["end"]] == row["surface"]
        assert row["surface"] in row["sentence"]


def test_ranges_carry_midpoint_and_ends() -> None:
    """A range gives its midpoint as value and its ends as low and high."""
    row = figures.extract("The trench is 5-6 metres deep.").iloc[0]
    assert (row["value"], row["low"], row["high"], row["qualifier"]) == (5.5, 5.0, 6.0, "range")


def test_a_round_scaled_figure_records_its_precision() -> None:
    """Resolution is the size of the last significant digit written, scale included."""
    frame = figures.extract("It cost $4.2bn, then 497.1 tonnes and 3,000 troops.")
    assert list(frame["resolution"]) == pytest.approx([1e8, 0.1, 1000])
