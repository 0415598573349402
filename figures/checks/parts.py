"""Rules 1 and 2: a part larger than its whole, and parts that add up past their whole; and a
share that restates a part but is not the share its counts make.

"Air defences intercepted 45 of the 40 missiles" breaks rule 1. "Of 60 missiles, 48 were
intercepted. Another 15 hit their targets." breaks rule 2: 63 of 60 accounted for. Parts are
only summed when they say different things happened (different predicates), so a figure restated
twice is not counted twice.
"""

from __future__ import annotations

import pandas as pd

from figures.checks import describe
from figures.checks.findings import CONTRADICTION, Finding
from figures.checks.intervals import Tolerances, bounds


def _linked(frame: pd.DataFrame) -> pd.DataFrame:
    """Parts whose whole is in the frame and of the same dimension, with the whole's bounds beside them."""
    parts = frame[frame["whole"].notna()]
    parts = parts[parts["whole"].isin(frame.index)]
    same = parts["dimension"].to_numpy() == frame.loc[parts["whole"], "dimension"].to_numpy()
    return parts[same]


def part_exceeds_whole(frame: pd.DataFrame, low: pd.Series, high: pd.Series) -> list[Finding]:
    parts = _linked(frame)
    over = low[parts.index].to_numpy() > high[parts["whole"]].to_numpy()
    findings = []
    for label in parts.index[over]:
        part, total = frame.loc[label], frame.loc[frame.at[label, "whole"]]
        findings.append(Finding(
            kind="part_exceeds_whole", severity=CONTRADICTION, figures=(label, total.name),
            message=(f"A part is larger than its whole: {describe.figure(part)} is said to be part of "
                     f"{describe.figure(total)}, but {describe.number(part['value'])} cannot be part "
                     f"of {describe.number(total['value'])}."),
            subject=part.get("subject"), articles=(part["article"],),
            expected=float(total["high"]), observed=float(part["value"]), unit=part["unit"],
            deviation=_deviation(part["value"], total["high"]), tolerance=0.0,
        ))
    return findings


def parts_exceed_whole(frame: pd.DataFrame, low: pd.Series, high: pd.Series) -> list[Finding]:
    parts = _linked(frame)
    parts = parts.assign(_pred=parts["predicate"].fillna("?"), _low=low[parts.index].clip(lower=0))
    distinct = parts.drop_duplicates(["whole", "value", "_pred"])
    per_whole = distinct.groupby("whole", sort=False)["_low"].agg(["sum", "size"])
    over = per_whole.index[(per_whole["size"].to_numpy() >= 2)
                           & (per_whole["sum"].to_numpy() > high[per_whole.index].to_numpy())]
    findings = []
    members_of = dict(tuple(distinct[distinct["whole"].isin(over)].groupby("whole", sort=False)))
    for whole in over:
        members = members_of[whole]
        total = frame.loc[whole]
        listed = "; ".join(describe.figure(row) for _, row in members.iterrows())
        summed = float(members["low"].clip(lower=0).sum())
        findings.append(Finding(
            kind="parts_exceed_whole", severity=CONTRADICTION,
            figures=(*members.index, whole),
            message=(f"Parts add up to more than their whole: {listed} make at least "
                     f"{describe.number(summed)}, but the whole is {describe.figure(total)}."),
            subject=total.get("subject"), articles=(total["article"],),
            expected=float(total["high"]), observed=summed, unit=total["unit"],
            deviation=_deviation(summed, total["high"]), tolerance=0.0,
        ))
    return findings


def share_of_whole(frame: pd.DataFrame, low: pd.Series, high: pd.Series) -> list[Finding]:
    """A share that restates a part of its whole ("600 of the 800 voted to strike, or 45%") and is
    not the share the two counts make (75%), beyond the rounding of all three."""
    said = frame[frame["converts"].notna() & frame["dimension"].eq("percent")]
    said = said[said["converts"].isin(frame.index)]
    if said.empty:
        return []
    findings = []
    for label, share in said.iterrows():
        part = frame.loc[share["converts"]]
        if part["dimension"] != "count" or not isinstance(part["whole"], str) or part["whole"] not in frame.index:
            continue
        whole = frame.loc[part["whole"]]
        if whole["dimension"] != "count" or not low[whole.name] > 0:
            continue
        least = 100 * max(low[part.name], 0.0) / high[whole.name]
        most = 100 * high[part.name] / low[whole.name]
        if least <= high[label] and low[label] <= most:
            continue
        made = 100 * part["value"] / whole["value"]
        findings.append(Finding(
            kind="share_of_whole", severity=CONTRADICTION, figures=(label, part.name, whole.name),
            message=(f"A share does not match its counts: {describe.figure(share)} restates "
                     f"{describe.figure(part)} of {describe.figure(whole)}, which is about "
                     f"{describe.number(made)}%."),
            subject=part.get("subject"), articles=(share["article"],),
            expected=float(made), observed=float(share["value"]), unit="percent",
            deviation=_deviation(share["value"], made), tolerance=0.0,
        ))
    return findings


def _deviation(observed: float, expected: float) -> float:
    return abs(observed - expected) / abs(expected) if expected else float("inf")


def check_parts(frame: pd.DataFrame, tol: Tolerances) -> list[Finding]:
    """Findings of rules 1 and 2 over a figures frame."""
    if frame.empty or frame["whole"].isna().all():
        return []
    low, high = bounds(frame, tol)
    return part_exceeds_whole(frame, low, high) + parts_exceed_whole(frame, low, high) + share_of_whole(frame, low, high)
