"""Every input article is accounted for: bad ones are reported by id, never dropped or fatal."""

from __future__ import annotations

import datetime as dt
import math
import warnings

import pandas as pd
import pytest

import figures
from figures.errors import ArticleError, FiguresWarning, InputError


def test_a_string_is_one_article_numbered_zero() -> None:
    """A bare string is article 0."""
    frame = figures.extract("Russia launched 71 drones.")
    assert list(frame["article"]) == [0]
    assert list(frame.index) == ["0:0"]


def test_a_frame_keeps_ids_dates_and_outlets() -> None:
    """id, date and source (the outlet) columns flow into every figure row."""
    articles = pd.DataFrame({"id": ["a"], "date": ["2023-05-08"], "source": ["Wire"],
                             "text": ["Air defences downed 39 out of 71 drones."], "extra": [1]})
    frame = figures.extract(articles)
    assert set(frame["article"]) == {"a"} and set(frame["outlet"]) == {"Wire"}
    assert set(frame["date"]) == {pd.Timestamp("2023-05-08")}
    assert frame.loc["a:0", "whole"] == "a:1"


def test_articles_without_figures_are_listed_as_read() -> None:
    """An article with no figure has no rows but is in the status table with 0 figures."""
    frame = figures.extract(["No numbers here.", "Two people died."])
    status = figures.article_status(frame)
    assert list(status["article"]) == [0, 1]
    assert list(status["figures"]) == [0, 1]
    assert list(status["status"]) == ["ok", "ok"]


@pytest.mark.parametrize("bad, reason", [
    (None, "missing"), (b"5 drones", "bytes"), (float("nan"), "missing"), (42, "int"),
])
def test_unreadable_articles_are_reported_and_the_rest_still_read(bad: object, reason: str) -> None:
    """None, bytes, NaN or non-text is reported with its id and a reason; others are still read."""
    with pytest.warns(FiguresWarning, match="article 1"):
        frame = figures.extract(["Five drones.", bad, "Six drones."])
    status = figures.article_status(frame).set_index("article")
    assert status.loc[1, "status"] == "error" and reason in status.loc[1, "reason"]
    assert list(frame["value"]) == [5, 6]


def test_errors_raise_names_the_article() -> None:
    """errors='raise' stops at the first unreadable article with an ArticleError naming it."""
    with pytest.raises(ArticleError, match="'b'"):
        figures.extract([{"id": "a", "text": "x"}, {"id": "b", "text": None}], errors="raise")


def test_a_malformed_date_is_a_recorded_warning_not_a_crash() -> None:
    """A date that cannot be read leaves the article read without a date, with the reason recorded."""
    with pytest.warns(FiguresWarning, match="not a date"):
        frame = figures.extract([{"id": "x", "text": "He paid $5m.", "date": "next Tuesdayish"}])
    assert len(frame) == 1
    assert math.isnan(frame.iloc[0]["base_value"])
    assert "no date" in frame.iloc[0]["base_note"]
    assert "not a date" in figures.article_status(frame).iloc[0]["reason"]


def test_dates_may_be_dates_datetimes_or_strings() -> None:
    """ISO strings, date and datetime objects all give the same article date."""
    for when in ("2022-10-12", dt.date(2022, 10, 12), dt.datetime(2022, 10, 12, 9, 30)):
        frame = figures.extract([{"text": "It cost 20 million Canadian dollars.", "date": when}])
        assert frame.iloc[0]["date"] == pd.Timestamp("2022-10-12")


def test_a_frame_without_text_is_a_clear_error() -> None:
    """A frame lacking a text column raises InputError listing the columns it has."""
    with pytest.raises(InputError, match="'text' column"):
        figures.extract(pd.DataFrame({"body": ["x"]}))


def test_empty_input_gives_an_empty_typed_frame() -> None:
    """No articles in gives no rows, with every column present."""
    frame = figures.extract([])
    assert frame.empty and "base_value" in frame.columns and "whole" in frame.columns


def test_no_warning_when_everything_reads() -> None:
    """Clean input raises no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figures.extract(["Five drones."])


def test_an_article_that_fails_midway_leaves_no_partial_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """If normalising one figure raises, the article is reported and none of its rows remain."""
    import figures.extraction as extract_module

    real = extract_module.to_base

    def flaky(value, unit, *args):  # type: ignore[no-untyped-def]
        if unit == "mile":
            raise RuntimeError("boom")
        return real(value, unit, *args)

    monkeypatch.setattr(extract_module, "to_base", flaky)
    with pytest.warns(FiguresWarning, match="boom"):
        frame = figures.extract(["The road is 120km (75 miles) long.", "Five drones."])
    assert list(frame["article"]) == [1]
    assert figures.article_status(frame).set_index("article").loc[0, "status"] == "error"


def test_frames_from_two_runs_concatenate() -> None:
    """Two extract results concatenate (their article records do not trip pandas' attrs handling)."""
    import pandas as pd

    both = pd.concat([figures.extract(["Five drones."]), figures.extract([{"id": 1, "text": "Six drones."}])])
    assert list(both["value"]) == [5, 6]
