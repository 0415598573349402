"""Rule 7: two counts one source gives together, against another report's count of both.

"12 people were killed and 40 wounded" makes 52 people killed or wounded; a report of the same day
that puts the casualties at 30 cannot be right if the first is (a count of both holds both parts).
The classes counted together, and their parts, are the joined happenings of
`data/happening_classes.tsv` (casualty = death + injury; damaged or destroyed = damage + destroy),
so the rule knows no noun of its own.

A sum is formed only where the text gives both parts side by side: one sentence, one source, the
same counted kind, place and day, exactly one figure of each part, at most `_SIDE_BY_SIDE_CHARS`
apart, and neither part a share of the other. It is set against counts of both from other articles
only, under the same conditions as any two reports of one quantity (`agreement`: same story, same
day or a running count's window, never forecasts or earlier figures). Every finding is a warning:
"casualties" is often one incident's count where the parts are a day's, or takes in the missing and
the captured, and a count of both may be newer than the parts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from figures import _tables
from figures.checks import describe
from figures.checks.agreement import (
    ROW_FIELDS, Topics, across_articles, candidates, comparison_records, prepare_agreement,
)
from figures.checks.findings import CONTRADICTION, WARNING, Finding, Joins
from figures.collector import collector_paused
from figures.checks.intervals import Tolerances, apart

_JOINED = {joined.happening: parts for parts, joined in _tables.joined_happenings().items()}
_PART_OF = {part: joined for joined, parts in _JOINED.items() for part in parts}
_COUNTED_TOGETHER = sorted(set(_JOINED) | set(_PART_OF))
_WORDS = _tables.happening_words()                # "death" -> "killed", as findings say it

#: How far apart (in characters) two parts may stand to be read as given together: "12 people were
#: killed and 40 wounded", "at least 60 sailors were reported dead and 300 hurt"; farther apart,
#: another clause (and often another source) may be giving the second.
_SIDE_BY_SIDE_CHARS = 60
#: How many conflicting counts of both each sum is set against on each side, the most distant first:
#: enough to name the disagreement, few enough that a key with thousands of counts stays linear.
_PARTNERS = 8


@lru_cache(maxsize=65536)
def _sum_key(quantity: object, happening: object) -> str | None:
    """The key a part and a count of both share, place and all: "person death @ kyiv" and "person
    casualty @ kyiv" -> "person casualty @ kyiv"."""
    if not isinstance(quantity, str) or not isinstance(happening, str):
        return None
    base, at, place = quantity.partition(" @ ")
    joined = _PART_OF.get(happening) or (happening if happening in _JOINED else None)
    if joined is None or not base.endswith(" " + happening):
        return None
    return f"{base[: -len(happening)]}{joined}{at}{place}"


def prepare_sums(part: pd.DataFrame) -> pd.DataFrame:
    """The counts of both, and the parts given side by side (`sum_pair` names each part's pair), with
    `prepare_agreement`'s columns and `sum_key`, the key they share; every other figure is dropped
    before the articles' names are read, so the names come from these figures' sentences. Runs on
    whole articles (pairs never leave a sentence). Idempotent."""
    if "sum_key" in part.columns:
        return part
    part = part[part["happening"].isin(_COUNTED_TOGETHER)]
    key = pd.Series([_sum_key(q, h) for q, h in zip(part["quantity"].astype(object), part["happening"].astype(object))],
                    index=part.index, dtype=object)
    part = part[key.notna()].assign(sum_key=key[key.notna()])
    is_part = part["happening"].isin(list(_PART_OF))
    parts = part[is_part]
    if len(parts):                                # only sentences that name two parts can hold a pair
        kinds = parts.groupby([parts["article"].astype(object), parts["sentence_index"]])["happening"]
        parts = parts[kinds.transform("nunique").to_numpy() >= 2]
    paired: dict[object, str] = {}
    for labels in _side_by_side(parts):
        paired.update((label, "+".join(labels)) for label in labels)
    pair = pd.Series([paired.get(label) for label in part.index], index=part.index, dtype=object)
    part = part[~is_part | pair.notna()].assign(sum_pair=pair)
    return prepare_agreement(part)


def _side_by_side(parts: pd.DataFrame) -> Iterable[tuple[str, str]]:
    """Labels of the part pairs the text gives side by side: one of each part of a joined class, in one
    sentence of one article, under one key, place, day and source, neither the other's part or rival,
    and at most `_SIDE_BY_SIDE_CHARS` apart."""
    columns = ["article", "sentence_index", "sum_key", "scope", "event_date", "period", "source"]
    keys = parts[columns].astype(object).where(parts[columns].notna(), None)
    groups: dict[tuple[object, ...], list[str]] = {}
    for label, key in zip(parts.index, keys.itertuples(index=False, name=None)):
        groups.setdefault(key, []).append(label)
    two = [labels for labels in groups.values() if len(labels) == 2]
    if not two:
        return
    wanted = [label for labels in two for label in labels]         # columns read once, not a row per pair
    rows = parts.loc[wanted, ["happening", "start", "end", "whole", "against"]].astype(object)
    happening, start, end, whole, against = (dict(zip(rows.index, rows[c])) for c in rows.columns)
    for labels in two:
        a, b = sorted(labels, key=start.__getitem__)
        if happening[a] == happening[b] or {whole[a], whole[b], against[a], against[b]} & {a, b}:
            continue
        if start[b] - end[a] > _SIDE_BY_SIDE_CHARS:
            continue
        yield a, b


def check_sums(frame: pd.DataFrame, tol: Tolerances) -> list[Finding]:
    """Findings of rule 7 over a figures frame."""
    if "quantity" not in frame.columns:
        return []
    frame = prepare_sums(frame)
    cand = candidates(frame, tol)
    if cand.empty:
        return []
    is_part = cand["happening"].isin(list(_PART_OF))
    totals, parts = cand[~is_part], cand[is_part]
    if totals.empty or parts.empty:
        return []
    topics = Topics(frame)
    with collector_paused():
        records = dict(zip(cand.index, comparison_records(cand)))
    by_base: dict[str, list[str]] = {}
    for label, base in zip(totals.index, totals["sum_key"]):
        by_base.setdefault(base, []).append(label)
    lowest_first = {key: sorted((records[x] for x in labels), key=lambda f: f.high) for key, labels in by_base.items()}
    highest_first = {key: sorted((records[x] for x in labels), key=lambda f: -f.low) for key, labels in by_base.items()}
    found: list[tuple[tuple[str, ...], str, str, bool]] = []
    pairs: dict[str, list[str]] = {}
    for label, pair in zip(parts.index, parts["sum_pair"]):
        pairs.setdefault(pair, []).append(label)
    for pair, labels in pairs.items():
        if len(labels) != 2 or cand.at[labels[0], "sum_key"] not in by_base:
            continue                               # a part that is not compared (a forecast, a change)
        labels = pair.split("+")                   # in text order, whatever the frame's row order
        first, second = (records[label] for label in labels)
        statuses = {first.status, second.status}
        added = dataclasses.replace(
            first, low=first.low + second.low, high=first.high + second.high, against=None,
            strict_low=first.strict_low or second.strict_low, strict_high=first.strict_high or second.strict_high,
            status=next((s for s in ("earlier", "update", "live") if s in statuses), first.status))
        key = cand.at[labels[0], "sum_key"]
        # the counts of both below the sum, lowest first, then those above it, highest first: only the
        # first few comparable ones on each side, so a key with thousands of both costs linear time
        for parts_above, ordered in ((True, lowest_first[key]), (False, highest_first[key])):
            taken = 0
            for total in ordered:
                below = parts_above and apart(added.low, added.strict_low, total.high, total.strict_high)
                above = not parts_above and apart(total.low, total.strict_low, added.high, added.strict_high)
                if not (below or above):
                    break                          # sorted: no later one is apart either
                if total.article == added.article:
                    continue                       # one article's parts and total: its own arithmetic
                compared = across_articles(added, total, tol, topics) if below else \
                    across_articles(total, added, tol, topics)
                if compared is not None:           # a warning at most: a count of both may be another
                    found.append((tuple(labels), total.label, WARNING, parts_above))   # incident's, or newer
                    taken += 1
                    if taken == _PARTNERS:
                        break
    if not found:
        return []
    rows = frame.loc[sorted({x for p, t, _, _ in found for x in (*p, t)}), ROW_FIELDS].to_dict("index")
    return [_finding(rows, group, tol) for group in _stories(found)]


def _stories(found: list[tuple[tuple[str, ...], str, str, bool]]) -> list[list[tuple[tuple[str, ...], str, str, bool]]]:
    """The pairs grouped into one finding per story: those of one severity and direction that share a figure."""
    joins = Joins()
    for parts, total, severity, above in found:
        tag = f"{severity}:{above}"
        for label in (*parts, total):
            joins.join(f"{tag}:{label}", f"{tag}:{parts[0]}")
    groups: dict[str, list[tuple[tuple[str, ...], str, str, bool]]] = {}
    for item in found:
        groups.setdefault(joins.root(f"{item[2]}:{item[3]}:{item[0][0]}"), []).append(item)
    return sorted(groups.values(), key=lambda g: (g[0][2] != CONTRADICTION, g[0][0]))


def _finding(rows: dict, group: list[tuple[tuple[str, ...], str, str, bool]], tol: Tolerances) -> Finding:
    parts, total, severity, parts_above = max(group, key=lambda g: abs(
        sum(rows[x]["low"] for x in g[0]) - rows[g[1]]["low"]))
    first, second = (rows[x] for x in parts)
    whole = rows[total]
    added = first["low"] + second["low"]
    what = describe.quantity(whole)
    named = " and ".join(f"{describe.quoted(r)} {_WORDS.get(r['happening'], r['happening'])}" for r in (first, second))
    given = describe.attribution(first)
    totals = list(dict.fromkeys(t for _, t, _, _ in group))
    counted = "; ".join(describe.figure(rows[t]) for t in totals)
    labels = list(dict.fromkeys(x for p, t, _, _ in group for x in (*p, t)))
    days = sorted({d for d in (describe.when(rows[x]) for x in labels) if d})
    dated = f" on {days[0]}" if len(days) == 1 else (f" between {days[0]} and {days[-1]}" if days else "")
    if parts_above:
        why = ("a count of both holds both parts, so unless it counts another incident or an earlier "
               "moment, one of them is wrong: check which is current")
        message = (f"Counts do not add up for {what}{dated}: {named} ({given}) make {describe.number(added)}, "
                   f"more than {counted} counts of both; {why}.")
    else:
        message = (f"Counts do not add up for {what}{dated}: {counted} counts more than the "
                   f"{describe.number(first['high'] + second['high'])} that {named} ({given}) add up to; a "
                   f"count of both may take in more than its two parts (casualty counts often take in the "
                   f"missing), or be newer: check which is current.")
    expected, observed = (float(whole["high"]), float(added)) if parts_above else (
        float(first["high"] + second["high"]), float(whole["low"]))
    return Finding(
        kind="sum_disagrees", severity=severity, figures=tuple(labels), message=message, subject=whole.get("kind"),
        articles=tuple(dict.fromkeys(rows[x]["article"] for x in labels)), expected=expected, observed=observed,
        unit=whole["unit"], deviation=abs(observed - expected) / abs(expected) if expected else float("inf"),
        tolerance=tol.approx_rel,
    )
