"""A second corpus, written after the checker: a cyclone covered over three days by five outlets.

It holds one planted error (200 km/h restated as 160 mph) and a death toll that rises day by day;
everything else agrees, or is a different event, and must not be flagged.
"""

from __future__ import annotations

import pandas as pd
import pytest

import figures
from conftest import HERE


@pytest.fixture(scope="module")
def findings() -> pd.DataFrame:
    articles = pd.read_json(HERE / "corpus" / "cyclone.jsonl", lines=True, dtype={"date": str})
    return figures.check(figures.extract(articles))


def test_the_only_contradiction_is_the_wrong_conversion(findings: pd.DataFrame) -> None:
    """200 km/h (160 mph) is flagged with the right value; 200 km/h (125 mph), $10m (9.5m euros) and
    5m euros ($5.3m) at the rates of their dates are not."""
    contradictions = findings[findings["severity"] == "contradiction"]
    assert contradictions[["kind", "figures"]].values.tolist() == [["conversion", ["c6:2", "c6:3"]]]
    assert "is about 124 mile per hour" in contradictions.iloc[0]["message"]


def test_a_rising_death_toll_is_a_dated_warning_in_order(findings: pd.DataFrame) -> None:
    """21, then 35, then at least 40 dead, on three days: one warning listing them in date order."""
    warnings_ = findings[findings["severity"] == "warning"]
    assert warnings_["kind"].tolist() == ["figure_changed"]
    message = warnings_.iloc[0]["message"]
    assert message.index('"21 people"') < message.index('"35 people"') < message.index('"At least 40 people"')
    assert "from 2023-10-24 to 2023-10-26" in message


def test_parts_separate_events_and_bounds_are_left_alone(findings: pd.DataFrame) -> None:
    """20 + 11 of 35 dead, the separate landslide, "more than 100,000" against "about 120,000"
    evacuated: nothing else is flagged."""
    assert len(findings) == 2
