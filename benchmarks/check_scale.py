"""Time and memory of `figures.check` on synthetic frames of up to a million figures, clean and findings-heavy.

    python benchmarks/check_scale.py [--figures 1000000] [--articles 100000] [--conflict 0.01 0.05]

The frame has the shape `figures.extract` returns: ten figures per article over a few thousand
subjects (one per 500 figures), 500 places and 60 days, with part-whole links, conversions and planted disagreements, so every
rule does real work. `--conflict` is the share of figures, wholes and conversions planted wrong:
0.01 is a clean corpus, 0.05 a findings-heavy one (about 5% of figures in conflict). Each corpus is
checked at a quarter of `--figures` and at `--figures`, pinned to one core, so the run shows how
time grows with size (linear: 4x the figures, about 4x the time). Prints the wall time of `check`,
the findings and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

import numpy as np
import pandas as pd

import figures
from figures.model import FIGURE_COLUMNS, quantity_key


def synthetic(n_figures: int, n_articles: int, seed: int = 0, conflict: float = 0.01) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    per = n_figures // n_articles
    article = np.repeat(np.arange(n_articles), per)
    n = len(article)
    k = np.tile(np.arange(per), n_articles)
    # the vocabulary grows with the corpus (more articles report more events), so that a subject in a
    # place has as many reports at every size: 2,000 subjects at a million figures
    n_subjects = max(20, n // 500)
    subjects = np.array([f"thing{i}" for i in range(n_subjects)], dtype=object)
    places = np.array([f"Town{i}" for i in range(500)], dtype=object)
    subject_ix = rng.integers(0, n_subjects, n)
    place_ix = rng.integers(0, 500, n)
    # reports of the same thing in the same place agree, except 1% planted disagreements
    value = ((subject_ix * 7919 + place_ix * 104729) % 4999 + 1).astype(float)
    value = np.where(rng.random(n) < conflict, value * 3 + 7, value)
    dim = np.where(k % 5 == 4, "length", "count").astype(object)
    frame = pd.DataFrame({
        "article": article.astype(object), "outlet": "Wire", "date": pd.Timestamp("2023-01-01")
        + pd.to_timedelta(rng.integers(0, 60, n), unit="D"),
        "start": k * 10, "end": k * 10 + 4, "surface": value.astype(int).astype(str).astype(object),
        "sentence": "Officials said the figure was this.", "sentence_index": k // 2,
        "value": value, "low": value, "high": value,
        "qualifier": rng.choice(np.array(["exact", "approx", "lower"], dtype=object), n, p=[0.8, 0.1, 0.1]),
        "strict": False, "resolution": 1.0, "change": None,
        "unit": np.where(dim == "length", "kilometer", "count").astype(object), "dimension": dim, "per": None,
        "noun": None, "subject": subjects[subject_ix],
        "predicate": rng.choice(np.array(["kill", "down", "launch", None], dtype=object), n),
        "concept": None, "source": rng.choice(np.array(["police", "army", "officials"], dtype=object), n),
        "place": places[place_ix], "event_date": pd.NaT,
        "whole": None, "converts": None, "base_value": np.where(dim == "length", value * 1000, value),
        "base_unit": np.where(dim == "length", "meter", "count").astype(object), "base_note": None,
    })
    labels = pd.Index([f"{a}:{i}" for a, i in zip(article, k)], dtype=object)
    frame.index = labels
    # figures 0 and 2 are parts of figure 1 (1% of wholes overfilled); figure 9 restates figure 4 in
    # miles (1% wrongly)
    wholes = np.flatnonzero(k % 10 == 1)
    bad = rng.random(len(wholes)) < conflict
    whole_col, value_col = frame.columns.get_loc("whole"), frame.columns.get_loc("value")
    for offset, share in ((-1, 0.4), (1, 0.3)):
        idx = wholes + offset
        part_values = np.where(bad, frame["value"].to_numpy()[wholes], np.floor(frame["value"].to_numpy()[wholes] * share))
        frame.iloc[idx, whole_col] = labels[wholes]
        frame.iloc[idx, value_col] = part_values
    conv = np.flatnonzero(k % 10 == 4)
    wrong = rng.random(len(conv)) < conflict
    miles = np.round(frame["value"].to_numpy()[conv] / 1.609344 * np.where(wrong, 2.0, 1.0))
    target = conv + 5
    for name, values in (("converts", labels[conv]), ("dimension", "length"), ("unit", "mile"), ("value", miles),
                         ("base_value", miles * 1609.344), ("base_unit", "meter")):
        frame.iloc[target, frame.columns.get_loc(name)] = values
    frame["low"] = frame["value"]
    frame["high"] = np.where(frame["qualifier"] == "lower", np.inf, frame["value"])
    frame["base_value"] = np.where(frame["dimension"] == "count", frame["value"],
                                   np.where(frame["unit"] == "mile", frame["value"] * 1609.344, frame["value"] * 1000))
    # the quantity key the agreement rule groups by: what is counted, what happened to it, where
    happenings = {"kill": "death", "down": "downed", "launch": "launched"}
    happening = frame["predicate"].map(happenings).astype(object)
    scope = frame["place"].str.lower()
    frame = frame.assign(
        against=None, kind=frame["subject"], happening=happening, scope=scope, status="report", period="day",
        weekday=np.nan,
        quantity=[quantity_key(d, u, k, h, None, sc) for d, u, k, h, sc in
                  zip(frame["dimension"], frame["unit"], frame["subject"], happening, scope)],
    )
    return frame[list(FIGURE_COLUMNS)]


def _timed(n_figures: int, n_articles: int, conflict: float) -> tuple[float, int, int]:
    frame = synthetic(n_figures, n_articles, conflict=conflict)
    started = time.perf_counter()
    findings = figures.check(frame)
    return time.perf_counter() - started, len(frame), len(findings)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--figures", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--conflict", type=float, nargs="+", default=[0.01, 0.05],
                    help="share of figures planted in conflict, one corpus per value")
    opt = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})      # one core
    worst = 0.0
    for conflict in opt.conflict:
        small = _timed(opt.figures // 4, opt.articles // 4, conflict)
        full = _timed(opt.figures, opt.articles, conflict)
        worst = max(worst, full[0])
        for elapsed, n, found in (small, full):
            print(f"conflict {conflict:.0%}: {n:,} figures over {n // (opt.figures // opt.articles):,} articles: "
                  f"check took {elapsed:.1f} s, {found:,} findings")
        print(f"conflict {conflict:.0%}: 4x the figures took {full[0] / small[0]:.1f}x the time")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"slowest check {worst:.1f} s (target under 60 s on one core), peak resident memory {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
