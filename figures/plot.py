"""`figures.plot`: what each source reported, per subject, so that a disagreement is seen at a glance.

One panel per subject (and what happened to it): a row per source (or article), a dot for an exact
figure, a bar for a range, an open-ended bar with an arrow for "more than" / "up to", and a bar of
+-`approx_rel` for "about". matplotlib is imported only here (`pip install 'newsfigures[plot]'`).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def _label(row: pd.Series, by: str) -> str:
    what = f": {row['predicate']}" if isinstance(row.get("predicate"), str) else ""
    if by == "article":
        return f"{row['article']}{what}"
    who = row["source"] if isinstance(row.get("source"), str) else "unattributed"
    outlet = row.get("outlet")
    where = f"({outlet})" if isinstance(outlet, str) else f"(article {row['article']})"
    return f"{who} {where}{what}"


def plot(frame: pd.DataFrame, subject: str | list[str] | None = None, *, by: str = "source",
         max_subjects: int = 6, approx_rel: float = 0.10, ax: Any = None) -> Any:
    """Plot the figures of `frame` (from `figures.extract`) per subject; return the matplotlib Figure.

    subject: one subject or a list; by default the subjects with the most figures (at most
    `max_subjects`). by: "source" (who said it) or "article". ax: draw a single subject on it.
    """
    from figures.errors import require

    plt = require("matplotlib.pyplot", extra="plot", feature="figures.plot")
    if by not in ("source", "article"):
        raise ValueError("by must be 'source' or 'article'")
    data = frame[frame["subject"].notna() & frame["change"].isna() & frame["converts"].isna()]
    sizes = data.groupby(["subject", "dimension"]).size().sort_values(ascending=False)
    if subject is not None:
        wanted = [subject] if isinstance(subject, str) else list(subject)
        missing = [s for s in wanted if s not in set(data["subject"])]
        if missing or not wanted:
            raise ValueError(f"no figures for subject(s) {missing or wanted}; subjects here: "
                             f"{sorted(set(data['subject']))[:20]}")
        sizes = sizes[sizes.index.get_level_values(0).isin(wanted)]
    panels = list(sizes.head(max_subjects).index)      # (subject, dimension): one axis, one kind of value
    if not panels:
        raise ValueError("no figures with a subject to plot")
    if ax is not None and len(panels) != 1:
        raise ValueError("ax= draws one panel; pass a subject with figures of one dimension")
    if ax is None:
        rows = sum(len(data[(data["subject"] == s) & (data["dimension"] == d)]) for s, d in panels)
        fig, axes = plt.subplots(len(panels), 1, figsize=(9, 1.2 + 1.1 * len(panels) + 0.35 * rows), squeeze=False)
        axes = [a for row in axes for a in row]
    else:
        fig, axes = ax.figure, [ax]
    for a, (name, dimension) in zip(axes, panels):
        _panel(a, data[(data["subject"] == name) & (data["dimension"] == dimension)], name, by, approx_rel)
    fig.tight_layout()
    return fig


def _panel(ax: Any, rows: pd.DataFrame, name: str, by: str, approx_rel: float) -> None:
    labels = [_label(r, by) for _, r in rows.iterrows()]
    order = list(dict.fromkeys(labels))
    finite = [v for v in pd.concat([rows["low"], rows["high"], rows["value"]]) if math.isfinite(v)]
    right = max(finite) * 1.15 if finite else 1.0
    left = min(0.0, min(finite)) if finite else 0.0
    for (label, row) in zip(labels, (r for _, r in rows.iterrows())):
        y = order.index(label)
        q, value = row["qualifier"], row["value"]
        colour = {"exact": "#1565c0", "approx": "#6a1b9a", "lower": "#2e7d32", "upper": "#ef6c00",
                  "range": "#00838f"}.get(q, "#333")
        if q == "exact":
            ax.plot([value], [y], "o", color=colour)
        elif q == "approx":
            ax.errorbar([value], [y], xerr=[[approx_rel * abs(value)], [approx_rel * abs(value)]], fmt="o",
                        color=colour, capsize=4)
        elif q == "range":
            ax.hlines(y, row["low"], row["high"], color=colour, linewidth=6, alpha=0.7)
        elif q == "lower":
            ax.hlines(y, value, right, color=colour, linewidth=6, alpha=0.5)
            ax.plot([value], [y], "|", color=colour, markersize=14)
            ax.annotate("", xy=(right, y), xytext=(right * 0.97, y), arrowprops={"arrowstyle": "->", "color": colour})
        elif q == "upper":
            ax.hlines(y, max(left, row["low"]) if math.isfinite(row["low"]) else left, value,
                      color=colour, linewidth=6, alpha=0.5)
            ax.plot([value], [y], "|", color=colour, markersize=14)
        ax.annotate(str(row["surface"]), (value if math.isfinite(value) else right, y), textcoords="offset points",
                    xytext=(0, 7), ha="center", fontsize=8)
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.set_xlim(left, right)
    units = rows["unit"].unique()
    unit = "" if list(units) == ["count"] else ", " + " / ".join(map(str, units))
    ax.set_title(f"{name}{unit}", loc="left", fontsize=10)
    ax.grid(axis="x", alpha=0.3)
