"""One table per quantity: who said what, when, with which bounds; the consensus and the outliers.

`figures.quantities(frame)` lays the figures of a corpus out the way RIPTIDES laid out casualty
estimates from several sources: every figure that has a `quantity` key (what is counted, what
happened to it, where), grouped by that key and by the day or period it is about, each with the
interval the checker reads it as. Within a group the consensus is the stretch of values that the most
figures allow (a sweep over the intervals' ends); a figure whose interval misses it is an outlier.
With the findings of `figures.check`, each figure also names the findings that cite it, so a reader
sees both why two figures were compared and why others were not (another key, another day).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from figures.checks.intervals import Tolerances, comparable_bounds
from figures.model import QuantitiesFrame

__all__ = ["QUANTITY_COLUMNS", "quantities"]

#: Columns of the frame `quantities` returns, in order.
QUANTITY_COLUMNS: tuple[str, ...] = (
    "quantity", "period", "day", "article", "outlet", "source", "surface", "sentence", "value", "unit",
    "qualifier", "status", "allowed_low", "allowed_high", "consensus_low", "consensus_high", "figures_agreeing",
    "figures_in_group", "outlier", "findings",
)


_COMPARED = frozenset({"report", "update", "live"})     # statuses the checker compares (not forecasts, earlier ...)


def _consensus(low: np.ndarray, high: np.ndarray) -> tuple[float, float, int]:
    """The first stretch [a, b] that the most intervals [low, high] cover, and how many cover it: a
    sweep over the ends, an interval opening before another closes at the same value."""
    events = sorted([(lo, 0) for lo in low] + [(hi, 1) for hi in high])
    best = count = 0
    start = end = math.nan
    open_best = False
    for x, closing in events:
        if not closing:
            count += 1
            if count > best:
                best, start, end, open_best = count, x, math.nan, True
        else:
            if open_best and count == best:
                end, open_best = x, False
            count -= 1
    return start, end, best


def _cited(findings: pd.DataFrame | None) -> dict[str, str]:
    if findings is None or len(findings) == 0:
        return {}
    out: dict[str, list[str]] = {}
    for kind, severity, labels in zip(findings["kind"], findings["severity"], findings["figures"]):
        for label in labels:
            out.setdefault(label, []).append(f"{severity}: {kind}")
    return {label: "; ".join(dict.fromkeys(kinds)) for label, kinds in out.items()}


def quantities(frame: pd.DataFrame, findings: pd.DataFrame | None = None, *, approx_rel: float = 0.10,
               min_figures: int = 1) -> pd.DataFrame:
    """Every figure of `frame` (from `figures.extract`) that has a quantity key, laid out by quantity.

    Rows are grouped by `quantity`, then by `period` and `day` (the day the figure is about: its own
    date phrase, else its article's date), sorted by value within a group. `allowed_low`/`allowed_high`
    are the interval the checker reads the figure as (its bounds, widened by the rounding its digits
    show and by `approx_rel` for "about"), in base units for measures and money. Among the figures the
    checker compares (not forecasts, earlier or other events' figures), `consensus_low`/`consensus_high`
    is the stretch that a majority of the group allows (missing when no majority agrees),
    `figures_agreeing` how many allow it of `figures_in_group`, and `outlier` whether this figure
    misses a majority's consensus. `findings` (from `figures.check`) fills `findings` with
    the findings that cite each figure. Groups with fewer than `min_figures` figures are left out.
    The result is a frame indexed by figure label; in a notebook it shows as one table per quantity.
    """
    if "quantity" not in frame.columns:
        raise ValueError("quantities needs a frame from figures.extract (it has no 'quantity' column)")
    keyed = frame[frame["quantity"].notna() & frame["converts"].isna()]
    if keyed.empty:
        return QuantitiesFrame(pd.DataFrame(columns=list(QUANTITY_COLUMNS)))
    low, high = comparable_bounds(keyed, Tolerances(approx_rel=approx_rel))
    day = pd.to_datetime(keyed["event_date"]).fillna(pd.to_datetime(keyed["date"]))
    table = pd.DataFrame({
        "quantity": keyed["quantity"], "period": keyed["period"].fillna("day"), "day": day,
        "article": keyed["article"], "outlet": keyed["outlet"], "source": keyed["source"],
        "surface": keyed["surface"], "sentence": keyed["sentence"], "value": keyed["value"],
        "unit": keyed["unit"], "qualifier": keyed["qualifier"], "status": keyed["status"],
        "allowed_low": low, "allowed_high": high,
    }, index=keyed.index)
    groups = table.groupby(["quantity", "period", table["day"].fillna(pd.Timestamp(0))], sort=False, dropna=False)
    size = groups["value"].transform("size")
    table = table[size >= min_figures]
    parts: list[pd.DataFrame] = []
    for _, group in table.groupby(["quantity", "period", table["day"].fillna(pd.Timestamp(0))], sort=True, dropna=False):
        compared = group["status"].isin(_COMPARED).to_numpy()
        lo = group["allowed_low"].to_numpy(dtype=float)
        hi = group["allowed_high"].to_numpy(dtype=float)
        a, b, agreeing = _consensus(lo[compared], hi[compared]) if compared.any() else (math.nan, math.nan, 0)
        majority = agreeing * 2 > compared.sum()     # with no majority, nobody is the odd one out
        outlier = compared & majority & ((hi < a) | (lo > b))
        parts.append(group.assign(consensus_low=a if majority else math.nan, consensus_high=b if majority else math.nan,
                                  figures_agreeing=agreeing, figures_in_group=int(compared.sum()), outlier=outlier)
                     .sort_values("value", kind="stable"))
    laid = pd.concat(parts) if parts else table.iloc[0:0]
    cited = _cited(findings)
    laid = laid.assign(findings=[cited.get(label) for label in laid.index])
    laid.index.name = "figure"
    return QuantitiesFrame(laid.reindex(columns=list(QUANTITY_COLUMNS)))


def summary(table: pd.DataFrame) -> pd.DataFrame:
    """One row per quantity and day of a `quantities` table: how many figures, the consensus, the outliers."""
    rows: list[dict[str, Any]] = []
    for (quantity, period, day), group in table.groupby(["quantity", "period", table["day"].fillna(pd.Timestamp(0))],
                                                        sort=True, dropna=False):
        rows.append({"quantity": quantity, "period": period, "day": None if day == pd.Timestamp(0) else day,
                     "figures": len(group), "agreeing": int(group["figures_agreeing"].iloc[0]),
                     "consensus_low": group["consensus_low"].iloc[0], "consensus_high": group["consensus_high"].iloc[0],
                     "outliers": list(group.index[group["outlier"]])})
    return pd.DataFrame(rows)
