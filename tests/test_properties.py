"""Laws that hold for any input: no crash, spans point at surfaces, written numbers read back."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import inflect

import figures
from figures.extraction.numbers import scan
from figures.strategies import PlantedFigure, WrittenNumber, figure_phrases, written_numbers

NEWS_ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs", "Cc"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=NEWS_ALPHABET, max_size=300))
def test_no_text_crashes_extract(text: str) -> None:
    """Any text gives a frame; every row's span cuts out its surface and low <= value <= high."""
    frame = figures.extract(text)
    assert figures.article_status(frame)["status"].tolist() == ["ok"]
    for _, row in frame.iterrows():
        assert text[row["start"]:row["end"]] == row["surface"]
        assert row["low"] <= row["value"] <= row["high"] or math.isnan(row["value"])


@settings(max_examples=200)
@given(st.lists(st.sampled_from([
    "Air defences downed ", "39 out of 71 drones", " at least ", "more than 3,000", " $4.2bn ",
    "(25,000 euros)", " 5-6 metres ", " in 2023", " on March 5", " Su-34 ", " 1,250sq kilometres",
    " two million rubles", ". ", ", the ministry said", " 12million tonnes", " about 120km (75 miles)",
    " of them", " Another 15", " while three turned back", "\n\n1. ", " tens of thousands of",
    " -$5.2 million", " a loss of (£1.4m)", " 3 1/2 in", " ¾ cup", " 6ft 2in", " three out of four",
    " 30 000", " 1'000", " from 5% to 7%", " four million, three hundred and ten", " 5 km squared", "9" * 320,
]), max_size=14))
def test_no_news_like_text_crashes_extract_or_check(parts: list[str]) -> None:
    """Shuffled fragments of real figures never crash extract or check."""
    text = "".join(parts)
    frame = figures.extract([{"id": "p", "text": text, "date": "2023-05-02"}])
    for _, row in frame.iterrows():
        assert text[row["start"]:row["end"]] == row["surface"]
    findings = figures.check(frame)
    assert set(findings["severity"]) <= {"contradiction", "warning", "unverified"}
    for labels in findings["figures"]:
        assert set(labels) <= set(frame.index)


@settings(max_examples=300)
@given(written_numbers())
def test_a_written_number_reads_back_as_itself(number: WrittenNumber) -> None:
    """A number in any supported style, in a sentence, is extracted with its value."""
    text = f"Officials said {number.text} drones were launched."
    frame = figures.extract(text)
    assert len(frame) == 1, (text, list(frame["surface"]))
    assert math.isclose(frame.iloc[0]["value"], number.value, rel_tol=1e-9)
    assert number.text in frame.iloc[0]["surface"]


@settings(max_examples=400)
@given(figure_phrases())
def test_a_planted_figure_is_read_back_exactly(planted: PlantedFigure) -> None:
    """Counts, money, measures and ranges, bounded or not, come back with value, bounds and unit."""
    frame = figures.extract(planted.text)
    assert len(frame) == 1, (planted.text, list(frame["surface"]))
    row = frame.iloc[0]
    assert (row["qualifier"], row["unit"]) == (planted.qualifier, planted.unit), planted.text
    assert math.isclose(row["value"], planted.value, rel_tol=1e-9), planted.text
    assert math.isclose(row["low"], planted.low, rel_tol=1e-9) or row["low"] == planted.low, planted.text
    assert row["high"] == planted.high or math.isclose(row["high"], planted.high, rel_tol=1e-9), planted.text


_WORDS = inflect.engine()


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**14), st.sampled_from([{}, {"andword": ""}, {"comma": ""}]))
def test_a_number_written_in_words_reads_back(n: int, style: dict) -> None:
    """Any whole number spelt out ("four million, three hundred and ten"), with or without "and"
    and commas, is read as one number of that value."""
    words = _WORDS.number_to_words(n, **style)
    assert [c.value for c in scan(f"They counted {words} boxes.")] == [n]
