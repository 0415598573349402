"""Express every figure in one unit per dimension: SI units through pint, money in one currency.

The pint registry is built once per process and unit conversions are cached by unit name, since
building a `UnitRegistry` is expensive and the same few dozen units recur across a corpus.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

import pint

from figures.rates import RateSource, convert

#: Units pint does not know, or that are better left as they are: name -> (base unit, factor).
PLAIN_UNITS: dict[str, tuple[str, float]] = {
    "count": ("count", 1.0),
    "percent": ("percent", 1.0),
    "percentage_point": ("percentage_point", 1.0),
    "basis_point": ("percentage_point", 0.01),
    "ppm": ("ppm", 1.0),
    "ppb": ("ppm", 0.001),
    "fraction": ("percent", 100.0),  # a share written as a fraction ("a third of", "one in five"): a percent
}
#: Temperature scales whose zero is not zero kelvin: converted with their offset, not a factor alone.
OFFSET_UNITS = frozenset({"degree_Celsius", "degree_Fahrenheit"})


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The one shared unit registry."""
    return pint.UnitRegistry()


@lru_cache(maxsize=None)
def _to_base(unit: str) -> tuple[float, str]:
    """(factor, base unit) such that value * factor is the value in base units."""
    if unit in PLAIN_UNITS:
        base, factor = PLAIN_UNITS[unit]
        return factor, base
    q = registry().Quantity(1.0, unit).to_base_units()
    return float(q.magnitude), str(q.units)


def physical(value: float, unit: str) -> tuple[float, str]:
    """`value` in `unit` expressed in SI base units: (value, unit)."""
    if unit in OFFSET_UNITS:
        q = registry().Quantity(value, unit).to("kelvin")
        return float(q.magnitude), "kelvin"
    factor, base = _to_base(unit)
    return value * factor, base


def linear_map(unit: str) -> tuple[float, float]:
    """(factor, offset) such that a value in the physical `unit` is `factor * value + offset` in its
    base unit: a plain factor for most units, and a step and a zero for the temperature scales that
    start elsewhere than kelvin (one degree Fahrenheit is 5/9 K, and 0 °F is 255.37 K)."""
    if unit in OFFSET_UNITS:
        zero = physical(0.0, unit)[0]
        return physical(1.0, unit)[0] - zero, zero
    return _to_base(unit)[0], 0.0


def from_base(base_value: float, unit: str) -> float:
    """A value in a physical unit's base unit, written in `unit` again (the inverse of `physical`)."""
    factor, offset = linear_map(unit)
    return (base_value - offset) / factor


def to_base(value: float, unit: str, dimension: str, date: dt.date | None, rates: RateSource,
            base_currency: str, max_age_days: int) -> tuple[float, str, str]:
    """(base value, base unit, note) for one figure. The note says which rate was used, or why none."""
    if not math.isfinite(value):
        return value, unit, ""
    if dimension == "currency":
        converted, note = convert(value, unit, base_currency, date, rates, max_age_days)
        return converted, base_currency, note
    try:
        converted, base = physical(value, unit)
    except (pint.errors.PintError, ValueError) as exc:
        return float("nan"), unit, f"pint cannot convert {unit!r}: {exc}"
    return converted, base, ""


def renormalise_money(frame, rates, base_currency: str, max_age_days: int):  # type: ignore[no-untyped-def]
    """A copy of a figures frame with its money figures converted again, with other rates or base."""
    from figures.rates import as_rate_source

    source = as_rate_source(rates)
    out = frame.copy()
    money = out.index[out["dimension"] == "currency"]
    for label in money:
        row = out.loc[label]
        day = row["event_date"] if not _missing(row["event_date"]) else row["date"]
        when = None if _missing(day) else day.date()
        value, unit, note = to_base(row["value"], row["unit"], "currency", when, source, base_currency, max_age_days)
        out.at[label, "base_value"], out.at[label, "base_unit"], out.at[label, "base_note"] = value, unit, note or None
    return out


def _missing(value) -> bool:  # type: ignore[no-untyped-def]
    import pandas as pd

    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))
