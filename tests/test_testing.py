"""The assertion helpers: silent when right, readable when wrong, never silent on bad input."""

from __future__ import annotations

import pandas as pd
import pytest

from figures.testing import assert_consistent, assert_figure

DRONES_A = {"id": "wire", "date": "2023-05-08", "source": "Continental Wire",
            "text": "Air defences downed 39 out of 71 drones over Kyiv, the air force said."}
DRONES_B = {"id": "ledger", "date": "2023-05-08", "source": "Eastern Ledger",
            "text": "Ukraine's air force said air defences downed 40 out of 71 drones over Kyiv."}


def test_assert_consistent_passes_silently_and_returns_the_findings() -> None:
    """Agreeing reports pass; the findings (here none) are returned for inspection."""
    found = assert_consistent([DRONES_A, {**DRONES_A, "id": "copy"}])
    assert found.empty


def test_assert_consistent_message_quotes_figures_sources_dates_and_the_fix() -> None:
    """The failure names the figures in context, articles, outlets, sources, dates, and what would fit."""
    with pytest.raises(AssertionError) as failure:
        assert_consistent([DRONES_A, DRONES_B])
    message = str(failure.value)
    assert message.startswith("1 contradiction across 2 articles:")
    assert "1. sources_disagree: Figures disagree about drones shot down in Kyiv on 2023-05-08" in message
    assert '"Air defences downed [39] out of 71 drones over Kyiv, the air force said."' in message
    assert "ledger:0 (article ledger, Eastern Ledger, Ukraine's air force, 2023-05-08)" in message
    assert "consistent would be: the higher figures at most 39, or the lower ones at least 40" in message


def test_assert_consistent_conversion_message_gives_the_right_value() -> None:
    """A wrong conversion says what the restated figure should have been."""
    with pytest.raises(AssertionError, match=r"consistent would be: about 74\.56 mile"):
        assert_consistent("The front runs for 120km (120 miles).")


def test_assert_consistent_can_fail_on_unverified_figures() -> None:
    """fail_on=("contradiction", "unverified") fails on a conversion no rate can check."""
    text = [{"text": "He was fined two million rubles (25,000 euros).", "date": "2023-05-02"}]
    assert_consistent(text)
    with pytest.raises(AssertionError, match="no RUB rate"):
        assert_consistent(text, fail_on=("contradiction", "unverified"))
    with pytest.raises(ValueError, match="fail_on"):
        assert_consistent(text, fail_on=("typo",))


def test_assert_consistent_never_passes_on_unreadable_input() -> None:
    """An article that cannot be read fails the assertion, naming it; a wrong type is a TypeError."""
    with pytest.raises(AssertionError, match="article 1: text is missing"):
        assert_consistent(["Five drones.", None])
    with pytest.raises(TypeError):
        assert_consistent(42)


def test_assert_consistent_accepts_a_figures_frame() -> None:
    """A frame from figures.extract is checked as is."""
    import figures

    with pytest.raises(AssertionError, match="part_exceeds_whole"):
        assert_consistent(figures.extract("Air defences intercepted 45 of the 40 missiles."))


def test_assert_figure_finds_a_part_of_a_whole() -> None:
    """'39 out of 71 drones': value, subject, whole and a ceiling all hold; the row is returned."""
    row = assert_figure(DRONES_A["text"], 39, subject="drone", predicate="down", whole=71, at_most=71)
    assert row["surface"] == "39"


def test_assert_figure_tolerance_follows_pytest_approx() -> None:
    """rel and abs widen the match as pytest.approx does; the default is rel=1e-6."""
    text = "The deficit was $419.2bn."
    assert_figure(text, 419.2e9, unit="USD")
    assert_figure(text, 420e9, rel=0.01)
    assert_figure(text, 419e9, abs=1e9)
    with pytest.raises(AssertionError):
        assert_figure(text, 420e9)


def test_assert_figure_failure_lists_what_the_text_says_and_why_not() -> None:
    """A miss lists every figure found with the first criterion it fails."""
    with pytest.raises(AssertionError) as failure:
        assert_figure(DRONES_B["text"], 39, subject="drone", whole=71)
    message = str(failure.value)
    assert "no figure matches value=39, subject='drone', whole=71; the text states 2 figures:" in message
    assert "'40': value 40 [40, 40], exact, unit count, subject drone, predicate down, part of 71: " \
           "value 40 is not 39 ± 3.9e-05" in message


def test_assert_figure_bounds() -> None:
    """at_most fails on 'more than 3,000' (no ceiling); at_least passes."""
    text = "Casualties exceed 3,000, the minister said."
    assert_figure(text, at_least=3000, qualifier="lower")
    with pytest.raises(AssertionError, match="it allows inf, above 5000"):
        assert_figure(text, at_most=5000)


@pytest.mark.parametrize("kwargs, error", [
    ({}, ValueError), ({"value": "39"}, TypeError), ({"value": True}, TypeError),
    ({"value": 39, "rel": -1}, ValueError),
])
def test_assert_figure_refuses_bad_arguments(kwargs: dict, error: type) -> None:
    """No criterion, a non-number or a negative tolerance is an error, never a pass."""
    with pytest.raises(error):
        assert_figure("39 drones.", **kwargs)


def test_helpers_take_frames_of_articles() -> None:
    """A DataFrame of articles works as well as a list."""
    assert_consistent(pd.DataFrame([DRONES_A]))


@pytest.mark.parametrize("criteria", [{"value": 39, "rel": float("nan")}, {"value": 39, "abs": float("inf")},
                                      {"value": float("nan")}, {"at_most": float("nan")}])
def test_a_nan_criterion_or_tolerance_is_refused_not_passed(criteria: dict) -> None:
    """NaN compares false with everything, so a NaN value or tolerance would pass any text: refused."""
    from figures.errors import SettingsError
    from figures.testing import assert_figure

    with pytest.raises(SettingsError):
        assert_figure("Police said 12 people were hurt.", **criteria)
