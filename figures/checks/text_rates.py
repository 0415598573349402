"""Rates the text itself states, used where no reference rate exists.

"two million rubles (25,000 euros)" in 2023 implies 80 rubles to the euro, a rate the ECB has not
quoted since March 2022. `fill_text_rates` uses such implied rates to normalise the *other* money
figures of the same period (within `max_age_days`) that have no reference rate, and marks each one in
`base_note` as coming from the text, naming the figure it came from. The figures that state the
conversion are never normalised by their own rate: that would make their check circular.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from figures.checks.conversions import implied_rates
from figures.rates import ECBRates, Rate


def _euro_rates(frame: pd.DataFrame, max_age_days: int) -> pd.DataFrame:
    """Implied rates turned into units of a currency per euro: direct when one side is EUR, else
    through the other side's ECB rate of that date."""
    rates = implied_rates(frame)
    rows = []
    ecb = ECBRates()
    for r in rates.itertuples():
        if pd.isna(r.date):
            continue
        day = pd.Timestamp(r.date).date()
        # r.rate is units of r.currency per unit of r.per
        for unknown, known, per_known in ((r.per, r.currency, 1.0 / r.rate), (r.currency, r.per, r.rate)):
            # per_known: units of `unknown` per unit of `known`
            if known == "EUR":
                per_eur = per_known
            else:
                found = ecb.lookup(known, day, max_age_days)
                if not isinstance(found, Rate):
                    continue
                per_eur = per_known * found.per_eur
            if ecb.lookup(unknown, day, max_age_days).__class__ is Rate or unknown == "EUR":
                continue                            # a reference rate exists: the text is not needed
            rows.append({"date": day, "currency": unknown, "per_eur": per_eur,
                         "figure": r.figure, "article": r.article, "pair": (r.figure, r.converts)})
    return pd.DataFrame(rows, columns=["date", "currency", "per_eur", "figure", "article", "pair"])


def fill_text_rates(frame: pd.DataFrame, *, base_currency: str = "EUR", max_age_days: int = 7) -> pd.DataFrame:
    """A copy of a figures frame whose money figures lacking a reference rate are normalised with a
    rate the corpus itself states (nearest before, within `max_age_days`), marked in `base_note`."""
    if frame.empty or base_currency != "EUR":
        return frame
    missing = frame.index[(frame["dimension"] == "currency") & ~np.isfinite(frame["base_value"].astype(float))]
    if len(missing) == 0:
        return frame
    table = _euro_rates(frame, max_age_days)
    if table.empty:
        return frame
    stating = {label for pair in table["pair"] for label in pair}
    out = frame.copy()
    for label in missing:
        if label in stating:
            continue
        row = out.loc[label]
        when = row["event_date"] if not pd.isna(row["event_date"]) else row["date"]
        if pd.isna(when):
            continue
        day = pd.Timestamp(when).date()
        usable = table[(table["currency"] == row["unit"])
                       & table["date"].map(lambda d: 0 <= (day - d).days <= max_age_days)]
        if usable.empty:
            continue
        best = usable.loc[usable["date"].map(lambda d: (day - d).days).idxmin()]
        out.at[label, "base_value"] = row["value"] / best["per_eur"]
        out.at[label, "base_unit"] = "EUR"
        out.at[label, "base_note"] = (
            f"rate implied by the text: 1 EUR = {_fmt(best['per_eur'])} {row['unit']} "
            f"from {best['figure']} (article {best['article']}, {best['date'].isoformat()})")
    return out


def _fmt(x: float) -> str:
    return f"{x:,.4g}" if math.isfinite(x) else str(x)


