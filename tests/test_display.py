"""The HTML report: numbers as a reader writes them, unreadable articles counted and listed, plural words."""

from __future__ import annotations

import warnings

import pandas as pd

import figures
from figures.display import report_html


def _frame() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return figures.extract([{"id": "aid", "text": "The fund pledged 20 million euros and 14.49 tonnes of grain."},
                                {"id": "blank", "text": None}])


def test_values_are_shown_as_written() -> None:
    """20000000.0 shows as 20,000,000 and 14.49 as 14.49 in the figures table."""
    page = report_html(figures.check(_frame()), _frame())
    assert "<td>20,000,000</td>" in page and "<td>14.49</td>" in page
    assert "20000000.0" not in page


def test_unreadable_articles_are_counted_and_listed() -> None:
    """The summary counts unreadable articles and a section lists each with where and why."""
    status = figures.article_status(_frame())
    bad = status[status["status"] == "error"].assign(where="feed.jsonl line 2")
    page = report_html(figures.check(_frame()), _frame(), unreadable=bad)
    assert "<span><b>1</b> unreadable</span>" in page
    assert "<b>article blank</b> <span class=\"meta\">(feed.jsonl line 2)</span>: text is missing" in page


def test_counts_are_worded_for_one_and_many() -> None:
    """One figure is "1 figure in 1 article"; no finding is "0 contradictions", "0 unverified"."""
    frame = figures.extract([{"id": "one", "text": "Police said 300 people marched."}])
    page = report_html(figures.check(frame), frame)
    assert "<b>1</b> figure in <b>1</b> article" in page
    assert "<b>0</b> contradictions" in page and "<b>0</b> unverified<" in page
