"""`check`: the figures frame in, one row per contradiction, warning or unverifiable figure out.

Each rule is a pure function of the frame and the tolerances (one module each): parts against
wholes (`parts`), stated conversions and the rates they imply (`conversions`), and figures about
the same thing (`agreement`).
"""

from __future__ import annotations

import pandas as pd

from figures.checks.agreement import check_agreement
from figures.checks.conversions import check_conversions, check_implied_rates, implied_rates
from figures.checks.findings import FINDING_COLUMNS, Finding, to_frame
from figures.checks.intervals import Tolerances
from figures.checks.parts import check_parts
from figures.checks.text_rates import fill_text_rates
from figures.errors import InputError
from figures.model import FIGURE_COLUMNS
from figures.rates import RateSource

__all__ = ["FINDING_COLUMNS", "RULES", "Finding", "Tolerances", "check", "fill_text_rates", "implied_rates"]

#: The rules `check` can run: parts and conversions look within one article, implied rates across
#: articles of one week, agreement across articles of one subject.
RULES: tuple[str, ...] = ("parts", "conversions", "implied_rates", "agreement")

_NEEDED = ("article", "surface", "value", "low", "high", "qualifier", "resolution", "unit", "dimension",
           "subject", "predicate", "whole", "converts", "base_value", "sentence")


def check(
    frame: pd.DataFrame,
    *,
    rel: float = 0.0,
    abs: float = 0.0,
    approx_rel: float = 0.10,
    rate_rel: float = 0.02,
    running_days: int = 14,
    rates: RateSource | pd.DataFrame | None = None,
    base_currency: str | None = None,
    max_rate_age_days: int = 4,
    rules: tuple[str, ...] = RULES,
    text_rates: bool = True,
) -> pd.DataFrame:
    """Findings over a frame from `figures.extract` (one article or many).

    Tolerances: `rel`/`abs` add slack to every comparison as in `pytest.approx`; `approx_rel` is how
    far "about 50" may stray (10%); `rate_rel` the slack on currency conversions (2%);
    `running_days` the widest gap in dates at which figures are still compared (as a warning).
    `rates`/`base_currency`/`max_rate_age_days` re-normalise money before checking, as in `extract`.
    `rules` picks which rules run, from `RULES` (all by default). With `text_rates` (default), money
    figures that no reference rate covers are normalised with rates the corpus itself states for the
    same week (`fill_text_rates`), so that they can still be compared; the conversions stating those
    rates stay unverified.

    Returns a frame with columns `FINDING_COLUMNS`, most serious first: `kind`, `severity`
    (contradiction, warning, unverified), `figures` (row labels of `frame`), `message`, and the
    subject, articles, expected and observed values, deviation and tolerance.
    """
    missing = [c for c in _NEEDED if c not in frame.columns]
    if missing:
        raise InputError("check needs a frame from figures.extract; missing column(s): " + ", ".join(missing))
    tol = Tolerances(rel=rel, abs=abs, approx_rel=approx_rel, rate_rel=rate_rel, running_days=running_days)
    if frame.empty:
        return to_frame([])
    if not frame.index.is_unique:
        raise InputError("the figures frame has duplicate row labels; findings could not point at one figure")
    frame = frame.reindex(columns=list(dict.fromkeys([*FIGURE_COLUMNS, *frame.columns])))
    if rates is not None or base_currency is not None:
        from figures.normalise import renormalise_money

        frame = renormalise_money(frame, rates, base_currency or "EUR", max_rate_age_days)
    if text_rates:
        frame = fill_text_rates(frame, base_currency=base_currency or "EUR")
    unknown = set(rules) - set(RULES)
    if unknown:
        raise ValueError(f"unknown rule(s) {sorted(unknown)}; choose from {list(RULES)}")
    findings: list[Finding] = []
    for name, rule in (("parts", check_parts), ("conversions", check_conversions),
                       ("implied_rates", check_implied_rates), ("agreement", check_agreement)):
        if name in rules:
            findings += rule(frame, tol)
    return to_frame(findings, frame)
