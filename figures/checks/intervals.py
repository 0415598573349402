"""What each figure allows: the interval its words and its written precision leave open.

A figure is read the way statcheck and AggChecker read reported numbers: a value is consistent
with any true value that rounds to it, so "497.1" allows 497.05 to 497.15. A round number
("3,000", "20 million") is read as rounded, but to at most `round_rel` (5%) either way, so that
"3,000" allows 2,850 to 3,150 and "20 million" 19 to 21 million. "About" and "some" widen each end by
a relative margin of its own size; "more than" and "up to" open one side, and "more than 50" excludes 50
itself (`strict`, read by `apart`). Everything is computed column-wise, so the cost is linear in the number of figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from figures.normalise import OFFSET_UNITS, linear_map


@dataclass(frozen=True)
class Tolerances:
    """How far apart figures may be before the checker calls them inconsistent.

    rel, abs: extra slack on every comparison, as in `pytest.approx` (default none beyond rounding).
    approx_rel: how far "about", "some", "around" may stray from the stated value (10%).
    rate_rel: slack on currency conversions, since outlets use other rates than the ECB's (2%).
    round_rel: the most a round number ("3,000", "20 million") is taken to have been rounded (5%).
    running_days: figures dated further apart than this are never compared.
    """

    rel: float = 0.0
    abs: float = 0.0
    approx_rel: float = 0.10
    rate_rel: float = 0.02
    round_rel: float = 0.05
    running_days: int = 14

    def __post_init__(self) -> None:
        for name in ("rel", "abs", "approx_rel", "rate_rel", "round_rel"):
            if getattr(self, name) < 0:
                raise ValueError(f"tolerance {name} must not be negative")
        if self.running_days < 0:
            raise ValueError("running_days must not be negative")


def _trailing_zeros_step(values: pd.Series) -> pd.Series:
    """The step a whole number's trailing zeros show: "61,400" and "1,200" may be rounded to the
    hundred (news copy rounds large counts so), while "61,412", "47" and "230" are written to the
    unit: one trailing zero is as often exact ("230 passengers and 12 crew") as rounded."""
    v = values.astype(float).abs()
    whole = np.isfinite(v) & (v >= 100) & (v == np.floor(v)) & (v < 1e15)
    step = pd.Series(1.0, index=values.index)
    for power in range(2, 15):
        divisible = whole & (np.fmod(v, 10.0 ** power) == 0)
        if not divisible.any():
            break
        step = step.where(~divisible, 10.0 ** power)
    return step


_FRACTION_SLACK = 0.05      # the least a share written as a fraction may be off, as a fraction (five points)


def base_scale(frame: pd.DataFrame, value: str = "value") -> tuple[pd.Series, pd.Series]:
    """(scale, offset) per figure such that `scale * x + offset` is x (a value in the figure's own
    unit) in the units of column `value`. The scale is the column's value over the figure's, except
    on the temperature scales that do not start at zero kelvin: there it is the size of one degree
    and the offset where the scale's zero lies, so that a rounding of one degree Celsius stays one
    kelvin (not the 7 K that 318.15 / 45 would make of it)."""
    scale = frame[value] / frame["value"].where(frame["value"] != 0, np.nan)
    offset = pd.Series(0.0, index=frame.index)
    if value == "value":
        return scale.fillna(1.0), offset
    shifted = frame["unit"].isin(OFFSET_UNITS)
    if shifted.any():
        maps = frame.loc[shifted, "unit"].map(linear_map)
        scale = scale.copy()
        scale[shifted] = [factor for factor, _ in maps]
        offset[shifted] = [zero for _, zero in maps]
    return scale, offset


def bounds(frame: pd.DataFrame, tol: Tolerances, value: str = "value", *,
           rounded_zeros: bool = False) -> tuple[pd.Series, pd.Series]:
    """(lowest, highest) true value each figure allows, in the units of column `value`.

    With value="base_value" the bounds are scaled to the normalised units. With `rounded_zeros`, a
    whole number's trailing zeros count as rounding (for figures of different reports: "61,400"
    against "61,412"); within one sentence ("400 of the 380") they do not.
    """
    scale, offset = base_scale(frame, value)
    step = frame["resolution"].abs()
    half = (np.maximum(step, _trailing_zeros_step(frame["value"])) if rounded_zeros else step) / 2.0
    rounding = half.where(half <= 0.5, np.minimum(half, np.maximum(tol.round_rel * frame["value"].abs(), 0.5)))
    exact_count = frame["dimension"].eq("count") & half.le(0.5)
    rounding = rounding.where(~exact_count, 0.0)       # "39 drones" is a count, not a rounded 38.5-39.5
    # a share written as a fraction ("a third", "half", "one in five") is a rounded share: as loose as
    # "about", and no more (its digits say nothing of rounding: "1/3" is not 0 to 1)
    fraction = frame["dimension"].eq("fraction")
    rounding = rounding.where(~fraction, 0.0)
    approx = frame["qualifier"].eq("approx") | fraction
    low = frame["low"].astype(float)
    high = frame["high"].astype(float)
    # "about" loosens each end by its own size: "tens of thousands" [10,000, 100,000] becomes
    # [9,000, 110,000], not a slack taken from the 55,000 midpoint
    low = low - np.maximum(rounding, np.where(approx, tol.approx_rel * low.abs(), 0.0))
    high = high + np.maximum(rounding, np.where(approx & np.isfinite(high), tol.approx_rel * high.abs(), 0.0))
    # and a fraction at least five points either way: "one in ten" is 5-15%, "a third" 28-38%
    low = low - np.where(fraction, np.maximum(_FRACTION_SLACK - tol.approx_rel * low.abs(), 0.0), 0.0)
    high = high + np.where(fraction & np.isfinite(high), np.maximum(_FRACTION_SLACK - tol.approx_rel * high.abs(), 0.0), 0.0)
    extra_low = np.maximum(tol.abs, np.where(np.isfinite(low), tol.rel * low.abs(), 0.0))
    extra_high = np.maximum(tol.abs, np.where(np.isfinite(high), tol.rel * high.abs(), 0.0))
    low = (low - extra_low) * scale + offset
    high = (high + extra_high) * scale + offset
    flipped = scale < 0
    return low.where(~flipped, high), high.where(~flipped, low)


def apart(low_a: float, strict_a: bool, high_b: float, strict_b: bool) -> bool:
    """Whether a figure whose interval starts at `low_a` cannot be the same as one that ends at `high_b`:
    "more than 50" (strict) against exactly 50 are apart, "at least 50" against 50 are not."""
    return low_a > high_b or (low_a == high_b and (strict_a or strict_b))


def restated_slack(frame: pd.DataFrame) -> pd.Series:
    """How far a figure restated in other units ("150 mph (240 km/h)") may be from the exact
    conversion, in its own units: outlets round a restatement to two significant figures ("240",
    "250 miles") or to a 5 ("55 km/h"), so half of the coarser of those steps is allowed."""
    value = frame["value"].astype(float).abs()
    exponent = np.floor(np.log10(value.where(value > 0)))
    two_figures = 10.0 ** (exponent - 1) / 2
    step = frame["resolution"].astype(float).abs()
    digits = np.round(value / step.where(step > 0))
    # a final 5 of a number of at least two figures ("55 km/h", "650 miles"), a step of at most 5%
    fives = np.where((digits % 10 == 5) & (digits >= 50), 2.5 * step, 0.0)
    return pd.Series(np.fmax(np.nan_to_num(two_figures, nan=0.0), fives), index=frame.index)


def comparable_bounds(frame: pd.DataFrame, tol: Tolerances) -> tuple[pd.Series, pd.Series]:
    """`bounds` in units that compare figures of different reports: base units for measures and money
    (so that km meet miles and rubles meet euros), the value itself for counts, trailing zeros read as
    rounding."""
    normalised = frame["dimension"] != "count"
    base_low, base_high = bounds(frame, tol, value="base_value", rounded_zeros=True)
    low, high = bounds(frame, tol, rounded_zeros=True)
    return low.where(~normalised, base_low), high.where(~normalised, base_high)
