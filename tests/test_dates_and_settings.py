"""Dates no frame can hold, numeric dates, and extract settings checked before any article is read."""

from __future__ import annotations

import datetime as dt
import math
import warnings

import pandas as pd
import pytest

import figures
from figures.errors import ArticleError, FiguresWarning, InputError, RatesError, SettingsError, SettingsTypeError

_FIRE = "On September 2, 1666, a fire destroyed 13,200 houses in London, the chronicle says."


@pytest.mark.parametrize("errors", ["warn", "ignore", "raise"])
def test_a_date_in_the_text_before_1677_keeps_the_figure_and_the_batch(errors: str) -> None:
    """A historical date in the text costs only that figure's event date, in every errors= mode."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = figures.extract([{"id": "fire", "text": _FIRE, "date": "2023-09-02"}, "Five drones."], errors=errors)
    assert frame.loc["fire:0", "value"] == 13_200 and frame.loc["fire:0", "event_date"] is pd.NaT
    status = figures.article_status(frame).set_index("article")
    assert status.loc["fire", "status"] == "ok" and "1666-09-02" in status.loc["fire", "reason"]
    assert list(frame["article"]) == ["fire", 1]


@pytest.mark.parametrize("when", ["2999-01-01", dt.date(2999, 1, 1), dt.date(1492, 10, 12)])
def test_an_article_date_out_of_range_is_read_without_a_date(when: object) -> None:
    """An article dated outside 1677-2262 is read undated with a warning, and the others are read."""
    with pytest.warns(FiguresWarning, match="outside the dates a frame can hold"):
        frame = figures.extract([{"id": "far", "text": "Police said 300 people marched.", "date": when},
                                 {"id": "near", "text": "Six drones.", "date": "2023-05-01"}])
    assert frame["date"].isna().tolist() == [True, False]
    assert figures.article_status(frame)["status"].tolist() == ["ok", "ok"]


def test_errors_raise_raises_on_an_unreadable_date() -> None:
    """errors='raise' turns an unreadable article date into an ArticleError naming the article."""
    with pytest.raises(ArticleError, match=r"article 'x': date 'next Tuesdayish' is not a date$"):
        figures.extract([{"id": "x", "text": "He paid $5m.", "date": "next Tuesdayish"}], errors="raise")
    with pytest.raises(ArticleError, match="2999-01-01 lies outside"):
        figures.extract([{"id": "x", "text": "He paid $5m.", "date": "2999-01-01"}], errors="raise")


def test_an_integer_date_is_read_as_year_month_day() -> None:
    """20230501 (a numeric column) is 1 May 2023, never a few nanoseconds after 1970."""
    frame = figures.extract(pd.DataFrame({"text": ["Six drones were seen."], "date": [20230501]}))
    assert frame.iloc[0]["date"] == pd.Timestamp("2023-05-01")


@pytest.mark.parametrize("when", [1683072000, 2023.5, True])
def test_other_numbers_are_not_dates(when: object) -> None:
    """A Unix time, a fraction or a bool as a date is recorded as unreadable, not guessed."""
    with pytest.warns(FiguresWarning, match="not a date"):
        frame = figures.extract([{"text": "Six drones were seen.", "date": when}])
    assert frame["date"].isna().all()


@pytest.mark.parametrize("rates", ["rates.csv", {"USD": 1.1}, [("2023-05-01", "USD", 1.1)], 1.1])
def test_rates_of_the_wrong_type_are_refused_before_reading(rates: object) -> None:
    """rates= as a path, dict, list or number is a SettingsTypeError (a TypeError) that says what it wants."""
    with pytest.raises(SettingsTypeError, match="rates must be None, a frame"):
        figures.extract("It cost $5m.", rates=rates)


@pytest.mark.parametrize("per_eur", [math.inf, -1.0, float("nan"), "cheap"])
def test_a_rate_that_is_not_a_positive_finite_number_is_refused(per_eur: object) -> None:
    """per_eur of inf, negative, NaN or text raises RatesError naming the currency and date."""
    table = pd.DataFrame({"date": ["2023-05-01"], "currency": ["UAH"], "per_eur": [per_eur]})
    with pytest.raises(RatesError, match="UAH on 2023-05-01"):
        figures.extract("It cost 5 million hryvnias.", rates=table)


@pytest.mark.parametrize("options, message", [
    ({"base_currency": "euro"}, "base_currency"), ({"base_currency": None}, "base_currency"),
    ({"max_rate_age_days": -1}, "max_rate_age_days"), ({"max_rate_age_days": 2.5}, "max_rate_age_days"),
    ({"errors": "loud"}, "errors must be"), ({"progress": "yes"}, "progress must be"),
])
def test_bad_extract_settings_are_refused(options: dict, message: str) -> None:
    """Each extract setting is checked up front with a SettingsError (a ValueError) naming it."""
    with pytest.raises(SettingsError, match=message):
        figures.extract("Five drones.", **options)


def test_two_text_columns_are_refused() -> None:
    """A frame with two 'text' columns is an InputError, not articles read from column names."""
    articles = pd.DataFrame([["Five drones.", "Six drones."]], columns=["text", "text"])
    with pytest.raises(InputError, match="more than one 'text' column"):
        figures.extract(articles)


def test_a_repeated_id_is_reported_not_mixed_into_the_first() -> None:
    """A second article with an id already used (0 and "0" label alike) is an error naming it."""
    with pytest.warns(FiguresWarning, match="id of an earlier article too"):
        frame = figures.extract([{"id": "0", "text": "Five drones."}, {"id": 0, "text": "Six drones."},
                                 {"id": "b", "text": "Seven drones."}])
    assert frame.index.is_unique and list(frame["value"]) == [5, 7]
    assert figures.article_status(frame)["status"].tolist() == ["ok", "error", "ok"]


def test_missing_ids_are_numbered_by_position() -> None:
    """None and NaN ids are numbered by position, so two of them never share labels."""
    frame = figures.extract([{"id": None, "text": "Five drones."}, {"id": math.nan, "text": "Six drones."}])
    assert list(frame.index) == ["0:0", "1:0"]


def test_unpaired_surrogates_are_replaced_keeping_offsets() -> None:
    """Halves of characters (a feed decoded with surrogateescape) become U+FFFD; spans still fit."""
    text = "Police said \udce2 300 people marched."
    with pytest.warns(FiguresWarning, match="1 unpaired surrogate, read as U"):
        frame = figures.extract([{"id": "s", "text": text}])
    row = frame.iloc[0]
    assert row["surface"] == text[row["start"]:row["end"]] == "300" and "\ufffd" in row["sentence"]


@pytest.mark.parametrize("bad_id", [["a", 1], ("t", 1), True, float("inf"), "x\ud800"])
def test_an_id_that_cannot_label_figures_is_reported(bad_id: object) -> None:
    """A list, tuple, bool, infinity or string with surrogates as id is an unreadable article, not a
    crash of the batch (a tuple beside an int id once broke the checker's sort)."""
    with pytest.warns(FiguresWarning, match="id "):
        frame = figures.extract([{"id": bad_id, "text": "Five drones."}, {"id": "ok", "text": "Six drones."}])
    assert list(frame["article"]) == ["ok"]
