"""Assertion helpers for pipelines and newsroom test suites, in the spirit of pytest and pandas.

    from figures.testing import assert_consistent, assert_figure

    assert_consistent(draft_articles)                  # raises AssertionError listing every contradiction
    assert_figure(draft, 39, subject="drone", whole=71, at_most=71)

Both raise `AssertionError` with a message written for a person, and never pass silently: input they
cannot read is an error, not a pass. `rel`/`abs` mean what they mean in `pytest.approx`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd

from figures.errors import SettingsError, SettingsTypeError, plural

__all__ = ["assert_consistent", "assert_figure"]

#: Callbacks that receive the findings of every `assert_consistent` call and whether it passed (the
#: pytest plugin's report).
_LISTENERS: list[Callable[[pd.DataFrame, bool], None]] = []


def add_listener(callback: Callable[[pd.DataFrame, bool], None]) -> None:
    _LISTENERS.append(callback)


def remove_listener(callback: Callable[[pd.DataFrame, bool], None]) -> None:
    if callback in _LISTENERS:
        _LISTENERS.remove(callback)


def _figures_frame(articles_or_frame: Any, **extract_options: Any) -> pd.DataFrame:
    import warnings

    import figures

    if isinstance(articles_or_frame, pd.DataFrame) and {"qualifier", "whole", "base_value"} <= set(articles_or_frame.columns):
        return articles_or_frame
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = figures.extract(articles_or_frame, errors="ignore", **extract_options)
    bad = figures.article_status(frame)
    bad = bad[bad["status"] == "error"]
    if len(bad):
        lines = "\n".join(f"  - article {row.article}: {row.reason}" for row in bad.itertuples())
        raise AssertionError(f"{plural(len(bad), 'article')} could not be read, so they cannot be checked:\n{lines}"
                             if len(bad) > 1 else f"1 article could not be read, so it cannot be checked:\n{lines}")
    return frame


def quote(sentence: str, surface: str, width: int = 170) -> str:
    """The figure's sentence with the figure marked: '... downed [40] out of 71 drones ...'."""
    at = sentence.find(surface)
    if at < 0:
        return f'"{surface}"'
    marked = f"{sentence[:at]}[{surface}]{sentence[at + len(surface):]}"
    if len(marked) > width:
        left = max(0, at - width // 2)
        marked = ("..." if left else "") + marked[left:left + width] + "..."
    return f'"{marked}"'


def _where(q: dict[str, Any]) -> str:
    return ", ".join(str(v) for v in (f"article {q['article']}", q["outlet"], q["source"], q["date"]) if v)


def _consistent_would_be(finding: pd.Series) -> str:
    """What the rule that made the finding says would have been consistent (its registry hint)."""
    from figures.checks import RULES

    if not math.isfinite(finding["expected"]):
        return ""
    rule = next((r for r in RULES if finding["kind"] in r.kinds), None)
    return rule.hint(finding) if rule is not None else ""


def consistency_report(findings: pd.DataFrame) -> str:
    """The findings as a person wants to read them: each with its figures quoted in context."""
    articles = {q["article"] for quotes in findings["quotes"] for q in quotes}
    head = f"{plural(len(findings), 'contradiction')} across {plural(len(articles), 'article')}:"
    blocks = [head]
    for n, (_, finding) in enumerate(findings.iterrows(), start=1):
        lines = [f"{n}. {finding['kind']}: {finding['message']}"]
        for q in finding["quotes"]:
            lines.append(f"   - {q['figure']} ({_where(q)}): {quote(q['sentence'], q['surface'])}")
        hint = _consistent_would_be(finding)
        if hint:
            lines.append(f"   consistent would be: {hint}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def assert_consistent(articles_or_frame: Any, *, fail_on: tuple[str, ...] = ("contradiction",),
                      **check_options: Any) -> pd.DataFrame:
    """Pass silently when the articles' figures agree; otherwise raise AssertionError listing every
    contradiction, its figures quoted in their sentences, with articles, sources, dates and what
    would have been consistent.

    `articles_or_frame`: anything `figures.extract` takes, or its output. `fail_on`: severities
    that fail (add "warning" or "unverified" to be stricter). `check_options` go to `figures.check`.
    Returns the findings (warnings and unverified ones included) when it passes.
    """
    import figures

    allowed = {"contradiction", "warning", "unverified"}
    if not fail_on or not set(fail_on) <= allowed:
        raise SettingsError(f"fail_on must name some of {sorted(allowed)}, not {fail_on!r}")
    frame = _figures_frame(articles_or_frame)
    findings = figures.check(frame, **check_options)
    failing = findings[findings["severity"].isin(fail_on)]
    for listener in list(_LISTENERS):
        listener(findings, not len(failing))
    if len(failing):
        raise AssertionError(consistency_report(failing))
    return findings


def _approx(expected: float, rel: float | None, abs_: float | None) -> float:
    """The tolerance pytest.approx would allow around `expected`."""
    for name, given in (("rel", rel), ("abs", abs_)):
        if given is None:
            continue
        if isinstance(given, bool) or not isinstance(given, (int, float)):
            raise SettingsTypeError(f"{name} must be a number, not {type(given).__name__}")
        if not math.isfinite(given) or given < 0:      # a NaN tolerance would let every value pass
            raise SettingsError(f"rel and abs must be finite and not negative, not {name}={given!r}")
    abs_tol = 1e-12 if abs_ is None else abs_
    if rel is None:
        rel = 0.0 if abs_ is not None else 1e-6
    return max(rel * math.fabs(expected), abs_tol)


def _describe(row: pd.Series, frame: pd.DataFrame) -> str:
    whole = ""
    if isinstance(row.get("whole"), str) and row["whole"] in frame.index:
        whole = f", part of {frame.at[row['whole'], 'value']:g}"
    return (f"'{row['surface']}': value {row['value']:g} [{row['low']:g}, {row['high']:g}], {row['qualifier']}, "
            f"unit {row['unit']}, subject {row['subject']}, predicate {row['predicate']}{whole}")


def assert_figure(text_or_frame: Any, value: float | None = None, *, rel: float | None = None,
                  abs: float | None = None, unit: str | None = None, qualifier: str | None = None,
                  subject: str | None = None, predicate: str | None = None, at_least: float | None = None,
                  at_most: float | None = None, whole: float | None = None) -> pd.Series:
    """Assert that the text states a figure matching every criterion given; return that figure's row.

    value, rel, abs: as `pytest.approx(value, rel=rel, abs=abs)`. unit: ISO code, pint unit,
    "percent" or "count". at_least / at_most: the figure's whole interval lies above / below.
    whole: the value of the whole it is part of ("39 out of 71": whole=71).
    """
    criteria = {"value": value, "unit": unit, "qualifier": qualifier, "subject": subject,
                "predicate": predicate, "at_least": at_least, "at_most": at_most, "whole": whole}
    given = {k: v for k, v in criteria.items() if v is not None}
    if not given:
        raise SettingsError("assert_figure needs at least one criterion (value, unit, subject, ...)")
    for name in ("value", "at_least", "at_most", "whole"):
        if name in given and (isinstance(given[name], bool) or not isinstance(given[name], (int, float))):
            raise SettingsTypeError(f"{name} must be a number, not {type(given[name]).__name__}")
        if name in given and math.isnan(given[name]):    # NaN compares false with everything: all would pass
            raise SettingsError(f"{name} must be a number, not NaN")
    tolerance = _approx(float(value), rel, abs) if value is not None else 0.0
    frame = _figures_frame(text_or_frame)

    def mismatch(row: pd.Series) -> str | None:
        if value is not None and math.fabs(row["value"] - value) > tolerance:
            return f"value {row['value']:g} is not {value:g} ± {tolerance:g}"
        for name in ("unit", "qualifier", "subject", "predicate"):
            if name in given and row[name] != given[name]:
                return f"{name} is {row[name]!r}, not {given[name]!r}"
        if at_least is not None and row["low"] < at_least:
            return f"it allows {row['low']:g}, below {at_least:g}"
        if at_most is not None and row["high"] > at_most:
            return f"it allows {row['high']:g}, above {at_most:g}"
        if whole is not None:
            label = row["whole"]
            if not isinstance(label, str) or label not in frame.index:
                return "it is not stated as part of a whole"
            if math.fabs(frame.at[label, "value"] - whole) > _approx(float(whole), rel, abs):
                return f"its whole is {frame.at[label, 'value']:g}, not {whole:g}"
        return None

    reasons = []
    for _, row in frame.iterrows():
        why = mismatch(row)
        if why is None:
            return row
        reasons.append(f"  - {_describe(row, frame)}: {why}")
    wanted = ", ".join(f"{k}={v!r}" for k, v in given.items())
    found = "\n".join(reasons) if reasons else "  (no figures at all)"
    raise AssertionError(f"no figure matches {wanted}; the text states {plural(len(frame), 'figure')}:\n{found}")
