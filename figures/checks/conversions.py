"""Rule 3: a figure restated in other units must match the original.

"about 120km (75 miles)" is fine (120 km is 74.6 miles); "120km (120 miles)" is not. Money is
converted at the reference rate of the figure's date; when no rate was quoted near that date the
conversion is reported as unverifiable, never judged. Conversions stated in the text also imply
rates: `implied_rates` collects them, and the implied rates for one currency pair in one week must
agree with each other within the precision the figures are written to.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from figures.checks import describe
from figures.checks.findings import CONTRADICTION, UNVERIFIED, WARNING, Finding
from figures.checks.intervals import Tolerances, base_scale, bounds, restated_slack
from figures.normalise import OFFSET_UNITS, from_base, linear_map


def check_conversions(frame: pd.DataFrame, tol: Tolerances) -> list[Finding]:
    """A finding for every stated conversion that is wrong, or that cannot be checked."""
    rows = frame.index[frame["converts"].notna() & frame["converts"].isin(frame.index)]
    if len(rows) == 0:
        return []
    low, high = bounds(frame, tol, value="base_value")
    said_all, orig_all = frame.loc[rows], frame.loc[frame.loc[rows, "converts"]]
    scale = base_scale(said_all, "base_value")[0].abs().fillna(1.0)
    own = said_all["resolution"].astype(float).abs() / 2          # the rounding `bounds` already allows
    rounded = (restated_slack(said_all) - own).clip(lower=0) * scale
    low, high = low.copy(), high.copy()
    low[rows] = low[rows] - rounded                    # "150 mph (240 km/h)": 240 is 241 rounded
    high[rows] = high[rows] + rounded
    both = np.isfinite(said_all["base_value"].to_numpy()) & np.isfinite(orig_all["base_value"].to_numpy())
    slack_all = np.where(said_all["dimension"].to_numpy() == "currency", tol.rate_rel, 0.0)
    slack_all = slack_all * np.abs(orig_all["base_value"].to_numpy())
    lo = low[orig_all.index].to_numpy() - slack_all
    hi = high[orig_all.index].to_numpy() + slack_all
    apart = (high[rows].to_numpy() < lo) | (low[rows].to_numpy() > hi)
    same_dim = said_all["dimension"].to_numpy() == orig_all["dimension"].to_numpy()
    look = rows[same_dim & (~both | apart)]               # only these need words
    findings = []
    for label in look:
        said, orig = frame.loc[label], frame.loc[frame.at[label, "converts"]]
        pair = (orig.name, label)
        if said["dimension"] != orig["dimension"]:
            continue
        money = said["dimension"] == "currency"
        if not (math.isfinite(said["base_value"]) and math.isfinite(orig["base_value"])):
            reason = orig["base_note"] if not math.isfinite(orig["base_value"]) else said["base_note"]
            findings.append(Finding(
                kind="conversion", severity=UNVERIFIED, figures=pair,
                message=(f"Cannot check that {describe.figure(said)} restates {describe.figure(orig)}: "
                         f"{reason or 'no reference rate'}."),
                subject=orig.get("subject"), articles=(said["article"],), unit=said["unit"],
            ))
            continue
        slack = tol.rate_rel if money else 0.0
        lo_o = low[orig.name] - slack * abs(orig["base_value"])
        hi_o = high[orig.name] + slack * abs(orig["base_value"])
        if high[label] < lo_o or low[label] > hi_o:
            if not money and _as_difference(said, orig):
                continue                          # "rose by 2C (3.6F)": a difference of temperatures, no offset
            if money:
                in_said_units = orig["base_value"] / (said["base_value"] / said["value"]) if said["value"] else math.nan
            else:
                in_said_units = from_base(orig["base_value"], said["unit"])
            rate = f" at the {said['base_note'] or orig['base_note']}" if money else ""
            findings.append(Finding(
                kind="conversion", severity=CONTRADICTION, figures=pair,
                message=(f"Wrong conversion: {describe.figure(orig)} is about "
                         f"{describe.number(in_said_units)} {describe.unit_name(said['unit'])}{rate}, but the text gives "
                         f"{describe.figure(said)}."),
                subject=orig.get("subject"), articles=(said["article"],),
                expected=float(in_said_units), observed=float(said["value"]), unit=said["unit"],
                deviation=abs(said["value"] - in_said_units) / abs(in_said_units) if in_said_units else math.inf,
                tolerance=slack,
            ))
    return findings


def _as_difference(said: pd.Series, orig: pd.Series) -> bool:
    """Whether a temperature restated on another scale matches as a difference of temperatures
    ("warmed by 2C (3.6F)", "8C (14F) above average"): the scales' degrees without their zeros. A
    text does not always say which it means, so a pair that holds either way is no contradiction."""
    if said["unit"] not in OFFSET_UNITS or orig["unit"] not in OFFSET_UNITS:
        return False
    per_degree = linear_map(orig["unit"])[0] / linear_map(said["unit"])[0]
    expected = orig["value"] * per_degree
    slack = abs(said["resolution"]) / 2 + abs(orig["resolution"]) / 2 * per_degree + 0.05 * abs(expected)
    return abs(said["value"] - expected) <= slack


def implied_rates(frame: pd.DataFrame) -> pd.DataFrame:
    """Exchange rates implied by stated currency conversions ("two million rubles (25,000 euros)").

    One row per conversion: date, currency (the restated one's), per (the other currency), rate
    (units of `currency` per unit of `per`), rel_error (from the precision of both figures), and the
    figure labels. Pass rows with `per == "EUR"` as a rates table to normalise figures of a period the
    ECB does not cover, as `figures.rates.TableRates(implied_rates(f).query("per == 'EUR'")...)`.
    """
    columns = ["date", "currency", "per", "rate", "rel_error", "article", "figure", "converts"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    conv = frame[(frame["dimension"] == "currency") & frame["converts"].notna() & frame["converts"].isin(frame.index)]
    if conv.empty:
        return pd.DataFrame(columns=columns)
    orig = frame.loc[conv["converts"]]
    dates = conv["event_date"].fillna(conv["date"]).to_numpy()
    rate = conv["value"].to_numpy() / orig["value"].to_numpy()
    rel = (conv["resolution"].to_numpy() / 2 / conv["value"].abs().to_numpy()
           + orig["resolution"].to_numpy() / 2 / orig["value"].abs().to_numpy())
    out = pd.DataFrame({
        "date": dates, "currency": conv["unit"].to_numpy(), "per": orig["unit"].to_numpy(),
        "rate": rate, "rel_error": rel, "article": conv["article"].to_numpy(),
        "figure": conv.index.to_numpy(), "converts": orig.index.to_numpy(),
    })
    return out[np.isfinite(out["rate"]) & (out["currency"] != out["per"])].reset_index(drop=True)


def check_implied_rates(frame: pd.DataFrame, tol: Tolerances) -> list[Finding]:
    """Implied rates for the same pair in the same week that disagree beyond their precision: a warning."""
    rates = implied_rates(frame)
    if len(rates) < 2:
        return []
    flip = rates["currency"] > rates["per"]
    rates = rates.assign(
        a=np.where(flip, rates["per"], rates["currency"]), b=np.where(flip, rates["currency"], rates["per"]),
        r=np.where(flip, 1.0 / rates["rate"], rates["rate"]),
        week=pd.to_datetime(rates["date"]).dt.to_period("W").astype(str),
    )
    rates = rates[rates["date"].notna()]
    findings = []
    for (a, b, week), group in rates.groupby(["a", "b", "week"]):
        if len(group) < 2:
            continue
        lo = group["r"] * (1 - group["rel_error"] - tol.rate_rel)
        hi = group["r"] * (1 + group["rel_error"] + tol.rate_rel)
        if lo.max() <= hi.min():
            continue
        top, bottom = group.loc[lo.idxmax()], group.loc[hi.idxmin()]
        labels = (top["converts"], top["figure"], bottom["converts"], bottom["figure"])
        findings.append(Finding(
            kind="implied_rate", severity=WARNING, figures=labels,
            message=(f"The text implies different {a}/{b} rates in the week of {week.split('/')[0]}: "
                     f"{describe.number(top['r'])} {a} per {b} from {describe.figure(frame.loc[top['figure']])} "
                     f"and {describe.number(bottom['r'])} from {describe.figure(frame.loc[bottom['figure']])}."),
            articles=tuple(dict.fromkeys((top["article"], bottom["article"]))),
            expected=float(bottom["r"]), observed=float(top["r"]), unit=f"{a}/{b}",
            deviation=abs(top["r"] - bottom["r"]) / abs(bottom["r"]), tolerance=tol.rate_rel,
        ))
    return findings
