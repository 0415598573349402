"""Rules 1 and 2: a part larger than its whole, and parts that add up past their whole.

"Air defences intercepted 45 of the 40 missiles" breaks rule 1. "Of 60 missiles, 48 were
intercepted. Another 15 hit their targets." breaks rule 2: 63 of 60 accounted for. Parts are
only summed when they say different things happened (different predicates), so a figure restated
twice is not counted twice.
"""

from __future__ import annotations

import pandas as pd

from figures.check import describe
from figures.check.findings import CONTRADICTION, Finding
from figures.check.intervals import Tolerances, bounds


def part_exceeds_whole(frame: pd.DataFrame, low: pd.Series, high: pd.Series) -> list[Finding]:
    parts = frame.index[frame["whole"].notna() & frame["whole"].isin(frame.index)]
    findings = []
    for label in parts:
        whole = frame.at[label, "whole"]
        if frame.at[label, "dimension"] != frame.at[whole, "dimension"]:
            continue
        if low[label] > high[whole]:
            part, total = frame.loc[label], frame.loc[whole]
            findings.append(Finding(
                kind="part_exceeds_whole", severity=CONTRADICTION, figures=(label, whole),
                message=(f"A part is larger than its whole: {describe.figure(part)} is said to be part of "
                         f"{describe.figure(total)}, but {describe.number(part['value'])} cannot be part "
                         f"of {describe.number(total['value'])}."),
                subject=part.get("subject"), articles=(part["article"],),
                expected=float(total["high"]), observed=float(part["value"]), unit=part["unit"],
                deviation=_deviation(part["value"], total["high"]), tolerance=0.0,
            ))
    return findings


def parts_exceed_whole(frame: pd.DataFrame, low: pd.Series, high: pd.Series) -> list[Finding]:
    has_whole = frame["whole"].notna() & frame["whole"].isin(frame.index)
    findings = []
    for whole, group in frame[has_whole].groupby("whole", sort=False):
        if len(group) < 2 or group["dimension"].nunique() != 1:
            continue
        distinct = group.assign(_pred=group["predicate"].fillna("?")).drop_duplicates(["value", "_pred"])
        if len(distinct) < 2:
            continue
        floor = float(low[distinct.index].clip(lower=0).sum())
        if floor <= high[whole]:
            continue
        total = frame.loc[whole]
        listed = "; ".join(describe.figure(row) for _, row in distinct.iterrows())
        summed = float(distinct["low"].clip(lower=0).sum())
        findings.append(Finding(
            kind="parts_exceed_whole", severity=CONTRADICTION,
            figures=(*distinct.index, whole),
            message=(f"Parts add up to more than their whole: {listed} make at least "
                     f"{describe.number(summed)}, but the whole is {describe.figure(total)}."),
            subject=total.get("subject"), articles=(total["article"],),
            expected=float(total["high"]), observed=summed, unit=total["unit"],
            deviation=_deviation(summed, total["high"]), tolerance=0.0,
        ))
    return findings


def _deviation(observed: float, expected: float) -> float:
    return abs(observed - expected) / abs(expected) if expected else float("inf")


def check_parts(frame: pd.DataFrame, tol: Tolerances) -> list[Finding]:
    """Findings of rules 1 and 2 over a figures frame."""
    if frame.empty or frame["whole"].isna().all():
        return []
    low, high = bounds(frame, tol)
    return part_exceeds_whole(frame, low, high) + parts_exceed_whole(frame, low, high)
