"""Rules 4 to 6: figures about the same thing that cannot all be true.

Deciding that two figures are about the same thing is the hard part, and a false alarm costs more
than a miss, so two figures are compared only when all of these hold:

- same dimension, same counted or measured subject ("drone"), same kind of happening (predicate
  group: "downed" and "intercepted" are one group, "launched" another; no predicate matches only
  no predicate), same rate denominator;
- neither is a change ("fell 2.5%"), a restatement in other units, or in a sentence that marks a
  different event ("another strike", "a separate attack", "last year");
- the same place, where the sentence or else the article names one; figures from different
  articles are compared only when a place is known for both;
- they stand in different sentences (one sentence listing "two and three people" names two events);
- the same date (the date the sentence gives, else the article's): then a conflict is a
  `contradiction`. Dated apart by at most `running_days`, a conflict is a `warning` (a running total
  may have grown, or a figure been corrected); further apart, figures are not compared.

Each figure is an interval (see `intervals.py`), so "more than 1,000" agrees with 1,100 and with
3,000, and "more than 50", "around 50" and "some 50" agree with each other. A block of comparable
figures conflicts when its highest floor lies above its lowest ceiling; one finding per block names
the figures on each side. Blocks come from one `groupby`, so the cost grows linearly.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from figures import _tables
from figures.checks import describe
from figures.checks.findings import CONTRADICTION, WARNING, Finding
from figures.checks.intervals import Tolerances, bounds

_OTHER_EVENT = re.compile(
    r"\b(?:another|separate|separately|second|third|other|earlier|previous|previously|last\s+(?:week|month|year)"
    r"|a\s+year\s+ago|in\s+total|so\s+far|since\s+the\s+start|cumulative|each|per|every|average|a\s+day|daily)\b",
    re.IGNORECASE,
)


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    keep = (
        frame["subject"].notna() & frame["change"].isna() & frame["converts"].isna()
        & np.isfinite(frame["value"].astype(float))
        & ~frame["sentence"].fillna("").str.contains(_OTHER_EVENT)
        & ~_subcategory(frame)
    )
    cand = frame[keep]
    if cand.empty:
        return cand
    groups = _tables.predicate_groups()
    if "article_place" in frame.columns:          # computed before a shuffle split the articles
        place = cand["place"].fillna(cand["article_place"])
    else:
        place = cand["place"].fillna(cand["article"].map(article_places(frame)))
    day = pd.to_datetime(cand["event_date"]).fillna(pd.to_datetime(cand["date"]))
    cand = cand.assign(
        _pred=cand["predicate"].map(lambda p: groups.get(p, p) if isinstance(p, str) else "").astype(object),
        _per=cand["per"].fillna("").astype(object),
        _place=place.fillna("").astype(str).str.lower(),
        _day=day,
        _scope=np.where(place.isna(), cand["article"].astype(str), ""),
        _sentence=cand["article"].astype(str) + "#" + cand["sentence_index"].astype(str),
    )
    return _fill_unambiguous_predicates(cand, is_whole=cand.index.isin(frame["whole"].dropna()))


def _subcategory(frame: pd.DataFrame) -> pd.Series:
    """Parts that say the same thing happened as their whole: "Of the 35 people killed, 20 died in
    flooding". They count a subset, not the quantity itself. A part whose whole names no happening,
    or another one ("downed 39 of 71" launched), is the figure reported for its own happening."""
    groups = _tables.predicate_groups()
    linked = frame["whole"].notna() & frame["whole"].isin(frame.index)
    if not linked.any():
        return pd.Series(False, index=frame.index)
    part_group = frame.loc[linked, "predicate"].map(lambda p: groups.get(p, p) if isinstance(p, str) else None)
    whole_pred = frame.loc[frame.loc[linked, "whole"], "predicate"].to_numpy()
    whole_group = pd.Series([groups.get(p, p) if isinstance(p, str) else None for p in whole_pred],
                            index=part_group.index)
    same = part_group.notna() & (part_group == whole_group)
    return same.reindex(frame.index, fill_value=False)


def article_places(frame: pd.DataFrame) -> pd.Series:
    """The place each article names most often (ties: the first named), indexed by article."""
    named = frame.dropna(subset=["place"])
    return (named.groupby(["article", "place"], sort=False).size().rename("n").reset_index()
            .sort_values("n", ascending=False, kind="stable").drop_duplicates("article")
            .set_index("article")["place"])


def _fill_unambiguous_predicates(cand: pd.DataFrame, is_whole: np.ndarray) -> pd.DataFrame:
    """A figure with no predicate joins the one kind of happening its block names, if only one.

    "Police put the number of protesters at 20,000" has no verb for the protesters; "60,000
    protesters marched" has one. Where every predicated figure of the same subject, place and scope
    says the same thing, the bare figure is about that too; where they say different things
    ("launched 71", "downed 39"), a bare "71" stays on its own. A whole ("71" in "39 out of 71")
    never takes its parts' predicate: the verb belongs to the part, the whole is a total.
    """
    block = ["dimension", "subject", "_per", "_place", "_scope"]
    named = cand["_pred"].where(cand["_pred"] != "")
    kinds = named.groupby([cand[c] for c in block], dropna=False).transform("nunique")
    only = named.groupby([cand[c] for c in block], dropna=False).transform("first")
    fill = (cand["_pred"] == "") & (kinds == 1) & ~is_whole
    return cand.assign(_pred=cand["_pred"].where(~fill, only))


def _magnitudes(cand: pd.DataFrame, tol: Tolerances) -> tuple[pd.Series, pd.Series]:
    """Bounds in comparable units: base units for measures and money, the value for counts."""
    normalised = cand["dimension"] != "count"
    base_low, base_high = bounds(cand, tol, value="base_value")
    low, high = bounds(cand, tol)
    return low.where(~normalised, base_low), high.where(~normalised, base_high)


_ROW_FIELDS = ["article", "outlet", "date", "event_date", "surface", "noun", "dimension", "source",
               "subject", "predicate", "place", "qualifier", "value", "low", "high", "unit", "base_value",
               "base_unit", "base_note"]


def _finding(rows: dict, top: str, bottom: str, above: list[str], below: list[str], severity: str,
             gap: float, approx_rel: float) -> Finding:
    hi_row, lo_row = rows[top], rows[bottom]
    place = hi_row.get("place") if isinstance(hi_row.get("place"), str) else None
    where = f" in {place}" if place else ""
    days = sorted({d for d in (describe.when(hi_row), describe.when(lo_row)) if d})
    dated = f" on {days[0]}" if len(days) == 1 else (f" between {days[0]} and {days[-1]}" if days else "")
    if severity == CONTRADICTION:
        highs = "; ".join(describe.figure(rows[i]) for i in above)
        lows = "; ".join(describe.figure(rows[i]) for i in below)
        message = (f"Figures disagree about {describe.thing(hi_row)}{where}{dated}: {highs} against {lows}; "
                   f"{describe.conflict(hi_row, lo_row)}.")
        labels = list(dict.fromkeys([*above, *below]))
    else:
        labels = sorted(dict.fromkeys([*above, *below]), key=lambda i: describe.when(rows[i]) or "")
        days = sorted({d for d in (describe.when(rows[i]) for i in labels) if d})
        span = f" from {days[0]} to {days[-1]}" if len(days) > 1 else dated
        message = (f"A figure for {describe.thing(hi_row)}{where} changed{span}: "
                   + ", then ".join(describe.figure(rows[i]) for i in labels)
                   + "; dated apart, it may be a running total or a correction: check which is current.")
    articles = tuple(dict.fromkeys(rows[i]["article"] for i in labels))
    sources = {rows[i]["source"] for i in labels if isinstance(rows[i]["source"], str)}
    if severity == WARNING:
        kind = "figure_changed"
    else:
        kind = "sources_disagree" if len(articles) > 1 or len(sources) > 1 else "figures_disagree"
    return Finding(
        kind=kind, severity=severity, figures=tuple(labels),
        message=message,
        subject=hi_row.get("subject"), articles=articles,
        expected=float(lo_row["high"]), observed=float(hi_row["low"]), unit=hi_row["unit"],
        deviation=gap, tolerance=approx_rel,
    )


def _conflicts(cand: pd.DataFrame, keys: list[str]) -> list[tuple[str, str, list[str], list[str]]]:
    """For each block of `keys` whose highest floor is above its lowest ceiling: (top, bottom,
    figures above the lowest ceiling, figures below the highest floor). Only conflicting blocks
    are touched one by one."""
    grouped = cand.groupby(keys, sort=False, dropna=False)
    max_low, min_high = grouped["_low"].transform("max"), grouped["_high"].transform("min")
    clash = max_low > min_high
    if not clash.any():
        return []
    sub = cand[clash]
    max_low, min_high = max_low[clash], min_high[clash]
    groups = sub.groupby(keys, sort=False, dropna=False)
    gid = groups.ngroup().to_numpy()
    tops = groups["_low"].idxmax().to_numpy()
    bottoms = groups["_high"].idxmin().to_numpy()
    above: dict[int, list[str]] = {}
    below: dict[int, list[str]] = {}
    labels = sub.index.to_numpy()
    for g, label, is_above, is_below in zip(gid, labels, (sub["_low"] > min_high).to_numpy(),
                                           (sub["_high"] < max_low).to_numpy()):
        if is_above:
            above.setdefault(g, []).append(label)
        if is_below:
            below.setdefault(g, []).append(label)
    return [(tops[g], bottoms[g], above.get(g, []), below.get(g, [])) for g in range(len(tops))]


def check_agreement(frame: pd.DataFrame, tol: Tolerances) -> list[Finding]:
    """Findings of rules 4 to 6 over a figures frame."""
    cand = _comparable(frame)
    if len(cand) < 2:
        return []
    low, high = _magnitudes(cand, tol)
    cand = cand.assign(_low=low, _high=high, _dayk=cand["_day"].fillna(pd.Timestamp(0)))
    keys = ["dimension", "subject", "_pred", "_per", "_place", "_scope"]
    same_day = [c for c in _conflicts(cand, keys + ["_dayk"])
                if cand.at[c[0], "_sentence"] != cand.at[c[1], "_sentence"]]
    dated = cand[cand["_day"].notna()]
    spread = dated.groupby(keys, sort=False, dropna=False)["_dayk"].transform("nunique") > 1
    across = []
    reported = {label for c in same_day for label in (*c[2], *c[3])}
    for top, bottom, above, below in _conflicts(dated[spread], keys):
        gap_days = abs((dated.at[top, "_day"] - dated.at[bottom, "_day"]).days)
        if 0 < gap_days <= tol.running_days and not {top, bottom} <= reported:
            across.append((top, bottom, above, below))
    needed = {label for c in (*same_day, *across) for label in (c[0], c[1], *c[2], *c[3])}
    if not needed:
        return []
    rows = frame.loc[sorted(needed), _ROW_FIELDS].to_dict("index")
    findings = []
    for severity, found in ((CONTRADICTION, same_day), (WARNING, across)):
        for top, bottom, above, below in found:
            floor, ceiling = cand.at[top, "_low"], cand.at[bottom, "_high"]
            gap = float(abs(floor - ceiling) / abs(ceiling)) if ceiling else float("inf")
            findings.append(_finding(rows, top, bottom, above, below, severity, gap, tol.approx_rel))
    return findings
