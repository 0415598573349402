"""`figures.quantities`: one table per quantity, with the consensus and the outliers."""

from __future__ import annotations

import math

import pandas as pd

import figures
from figures.display import report_html

ARTICLES = pd.DataFrame([
    {"id": "a", "date": "2024-04-06", "source": "Harbour Times",
     "text": "Air defences shot down 44 drones over the Odesa region overnight, the air force said."},
    {"id": "b", "date": "2024-04-06", "source": "Gulf Wire",
     "text": "The air force said air defences shot down 44 drones over the Odesa region overnight."},
    {"id": "c", "date": "2024-04-06", "source": "Coast Post",
     "text": "Air defences shot down 61 drones over the Odesa region overnight, officials said."},
    {"id": "d", "date": "2024-04-06", "source": "Coast Post",
     "text": "Organisers expected 5,000 people to march in Odesa on Sunday."},
])


def test_figures_of_one_quantity_sit_together_with_their_consensus() -> None:
    """Three reports of one night's downed drones form one group; 44 is the consensus, 61 the outlier."""
    frame = figures.extract(ARTICLES)
    table = figures.quantities(frame, figures.check(frame))
    group = table[table["quantity"] == "drone downed @ odesa region"]
    assert sorted(group["value"]) == [44.0, 44.0, 61.0]
    assert (group["consensus_low"] == 44).all() and (group["consensus_high"] == 44).all()
    assert group["figures_agreeing"].tolist() == [2, 2, 2]
    assert group.loc[group["value"] == 61, "outlier"].tolist() == [True]
    assert group.loc[group["value"] == 61, "findings"].iloc[0] == "contradiction: sources_disagree"


def test_a_forecast_is_listed_but_never_an_outlier() -> None:
    """A figure the checker does not compare (a forecast) keeps its row without a verdict."""
    table = figures.quantities(figures.extract(ARTICLES))
    forecast = table[table["status"] == "forecast"]
    assert len(forecast) == 1 and not forecast["outlier"].any() and forecast["figures_in_group"].iloc[0] == 0


def test_two_rival_counts_have_no_majority_and_no_outlier() -> None:
    """Police 9,000 against organisers 40,000: no majority, so no consensus and nobody is the outlier."""
    frame = figures.extract("Organisers said 40,000 people marched in Porto on Saturday, though police counted 9,000.")
    table = figures.quantities(frame)
    assert len(table) == 2 and table["consensus_low"].isna().all() and not table["outlier"].any()


def test_min_figures_leaves_out_lone_figures() -> None:
    """With min_figures=2 a quantity stated once is left out."""
    frame = figures.extract(ARTICLES)
    assert "person attend @ odesa" in set(figures.quantities(frame)["quantity"])
    assert "person attend @ odesa" not in set(figures.quantities(frame, min_figures=2)["quantity"])


def test_the_table_shows_per_quantity_in_notebooks_and_in_the_report() -> None:
    """The notebook view and the HTML report show each quantity's figures, the consensus and the outlier."""
    frame = figures.extract(ARTICLES)
    findings = figures.check(frame)
    html = figures.quantities(frame, findings)._repr_html_()
    assert "drone downed @ odesa region" in html and "consensus 44 (2 of 3 figures)" in html
    assert html.count('class="outlier"') == 1
    page = report_html(findings, frame)
    assert "<h2>Quantities</h2>" in page and "consensus 44" in page


def test_a_frame_without_keys_is_refused_and_an_empty_one_is_empty() -> None:
    """Not a figures frame: a clear error; no keyed figures: an empty table with the columns."""
    try:
        figures.quantities(pd.DataFrame({"value": [1.0]}))
    except ValueError as error:
        assert "figures.extract" in str(error)
    else:
        raise AssertionError("a frame without a quantity column was accepted")
    empty = figures.quantities(figures.extract("Nothing here has a number."))
    assert len(empty) == 0 and "consensus_low" in empty.columns and not math.isnan(0.0)
