"""Dated reference rates: the ECB history, user tables, and never a stale rate."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

import figures
from figures.errors import RatesError
from figures.rates import ChainedRates, ECBRates, NoRate, Rate, TableRates, convert


def test_ecb_rate_on_a_weekday() -> None:
    """A quoted day gives the ECB rate of that day."""
    found = ECBRates().lookup("USD", dt.date(2022, 10, 12), 4)
    assert isinstance(found, Rate) and found.date == dt.date(2022, 10, 12)
    assert found.per_eur == pytest.approx(0.9707, abs=1e-4)


def test_weekend_uses_the_last_fixing_within_the_age_limit() -> None:
    """A Saturday takes Friday's fixing; a zero-day age limit refuses it."""
    saturday = dt.date(2022, 10, 15)
    assert ECBRates().lookup("USD", saturday, 4).date == dt.date(2022, 10, 14)
    assert isinstance(ECBRates().lookup("USD", saturday, 0), NoRate)


def test_ruble_after_march_2022_is_unverifiable_not_guessed() -> None:
    """The ECB stopped quoting RUB on 2022-03-01; a 2023 ruble figure has no rate."""
    found = ECBRates().lookup("RUB", dt.date(2023, 5, 2), 4)
    assert isinstance(found, NoRate) and "2022-03-01" in found.reason
    value, note = convert(2e6, "RUB", "EUR", dt.date(2023, 5, 2), ECBRates(), 4)
    assert math.isnan(value) and "RUB" in note


def test_a_currency_the_ecb_never_quoted_needs_a_table() -> None:
    """UAH is not in the ECB history; a user table supplies it."""
    assert isinstance(ECBRates().lookup("UAH", dt.date(2023, 5, 2), 4), NoRate)
    table = TableRates(pd.DataFrame({"date": ["2023-05-01"], "currency": ["UAH"], "per_eur": [40.5]}))
    chained = ChainedRates(table, ECBRates())
    assert chained.lookup("UAH", dt.date(2023, 5, 2), 4).per_eur == 40.5
    assert chained.lookup("USD", dt.date(2023, 5, 2), 4).source == "ECB"


def test_user_rates_flow_through_extract() -> None:
    """extract(rates=frame) normalises a currency the ECB lacks."""
    rates = pd.DataFrame({"date": ["2023-05-01"], "currency": ["UAH"], "per_eur": [40.0]})
    frame = figures.extract([{"text": "It cost 400 million hryvnias.", "date": "2023-05-02"}], rates=rates)
    assert frame.iloc[0]["base_value"] == pytest.approx(1e7)
    assert "rates table" in frame.iloc[0]["base_note"]


@pytest.mark.parametrize("table, message", [
    (pd.DataFrame({"date": ["2023-01-01"], "currency": ["UAH"]}), "per_eur"),
    (pd.DataFrame({"date": ["2023-01-01"], "currency": ["UAH"], "per_eur": [-1]}), "positive"),
    (pd.DataFrame({"date": ["not a date"], "currency": ["UAH"], "per_eur": [1]}), "date"),
])
def test_malformed_rate_tables_are_refused(table: pd.DataFrame, message: str) -> None:
    """A rates table with a missing column, a bad rate or a bad date raises RatesError."""
    with pytest.raises(RatesError, match=message):
        TableRates(table)


def test_pence_convert_as_hundredths_of_a_pound() -> None:
    """GBX (pence) converts as GBP / 100."""
    frame = figures.extract([{"text": "Shares closed at 118.5p.", "date": "2022-10-12"}])
    pounds = figures.extract([{"text": "Shares closed at £1.185.", "date": "2022-10-12"}])
    assert frame.iloc[0]["unit"] == "GBX"
    assert frame.iloc[0]["base_value"] == pytest.approx(pounds.iloc[0]["base_value"])
