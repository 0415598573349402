"""`check`: the figures frame in, one row per contradiction, warning or unverifiable figure out.

Each rule is a pure function of the frame and the tolerances (one module each): parts against
wholes (`parts`), stated conversions and the rates they imply (`conversions`), and figures about
the same thing (`agreement`). `RULES` is the one table of them: `check`, `figures.distributed`, the
assertion messages of `figures.testing` and the docs all read it, so a rule added there runs
everywhere. Its `scope` says which figures a rule reads together, which is all that running it in
pieces (chunks of articles in memory, partitions on a cluster) needs to know.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Any

import numpy as np
import pandas as pd

from figures.checks import describe
from figures.checks.agreement import check_agreement, prepare_agreement
from figures.checks.conversions import check_conversions, check_implied_rates, implied_rates
from figures.checks.findings import FINDING_COLUMNS, Finding, in_order, to_frame
from figures.checks.intervals import Tolerances
from figures.checks.parts import check_parts
from figures.checks.sums import check_sums, prepare_sums
from figures.checks.text_rates import fill_text_rates
from figures.errors import InputError, SettingsError, SettingsTypeError
from figures.model import FIGURE_COLUMNS
from figures.rates import RateSource, as_rate_source, check_rate_settings

__all__ = ["FINDING_COLUMNS", "RULES", "RULE_NAMES", "Finding", "Gathered", "Grouped", "Rule", "Tolerances",
           "WithinArticle", "check", "check_settings", "fill_text_rates", "implied_rates", "in_order",
           "normalise_money", "prepare_figures", "rule_findings", "rules_markdown", "stated_conversions",
           "to_frame"]


# Scopes: which figures a rule must see together.

@dataclass(frozen=True)
class WithinArticle:
    """The rule compares figures of one article only: it can run on any split that keeps each
    article whole (chunks of articles in memory, the partitions `figures.distributed.extract` gives)."""


@dataclass(frozen=True)
class Gathered:
    """The rule compares a few figures across the whole corpus: `select` picks them from any part of
    the frame, the picks are gathered into one frame and the rule runs once on it."""

    select: Callable[[pd.DataFrame], pd.DataFrame]


@dataclass(frozen=True)
class Grouped:
    """The rule compares only figures with equal `key` (a column, after `prepare`). `prepare` runs on
    parts that hold whole articles, before figures are regrouped by key: it adds what the rule needs
    to know of each figure's article and drops figures the rule never compares."""

    key: str
    prepare: Callable[[pd.DataFrame], pd.DataFrame]


Scope = WithinArticle | Gathered | Grouped


@dataclass(frozen=True)
class Rule:
    """One check rule: its function, the figures it reads together, and the words people see."""

    name: str
    function: Callable[[pd.DataFrame, Tolerances], list[Finding]]
    scope: Scope
    kinds: tuple[str, ...]                   # the `kind` of the findings it reports
    hint: Callable[[pd.Series], str]         # "consistent would be: ..." for an assertion message
    doc: str                                 # one line for the docs


def stated_conversions(part: pd.DataFrame) -> pd.DataFrame:
    """The stated currency conversions of a part and the figures they restate (same article): what
    the implied-rate rule compares, and where the text's own rates come from."""
    said = part[part["converts"].notna() & (part["dimension"] == "currency")]
    restated = part[part.index.isin(said["converts"])]
    both = pd.concat([restated, said])
    return both[~both.index.duplicated()]


def _unit(finding: pd.Series) -> str:
    unit = finding["unit"]
    return "" if unit in (None, "count") or not isinstance(unit, str) else f" {unit}"


def _parts_hint(finding: pd.Series) -> str:
    number, unit = describe.number, _unit(finding)
    if finding["kind"] == "part_exceeds_whole":
        return f"a part of at most {number(finding['expected'])}{unit}"
    if finding["kind"] == "share_of_whole":
        return f"a share of about {number(finding['expected'])}%"
    return (f"parts adding up to at most {number(finding['expected'])}{unit} "
            f"(they add up to at least {number(finding['observed'])})")


def _conversion_hint(finding: pd.Series) -> str:
    return f"about {describe.number(finding['expected'])}{_unit(finding)}"


def _rate_hint(finding: pd.Series) -> str:
    return f"one rate for the week (about {describe.number(finding['expected'])} {finding['unit']})"


def _sum_hint(finding: pd.Series) -> str:
    number, unit = describe.number, _unit(finding)
    if finding["observed"] > finding["expected"]:
        return f"parts adding up to at most {number(finding['expected'])}{unit}, or a count of both of at least " \
               f"{number(finding['observed'])}{unit}"
    return f"a count of both of at most {number(finding['expected'])}{unit}"


def _agreement_hint(finding: pd.Series) -> str:
    number, unit = describe.number, _unit(finding)
    return (f"the higher figures at most {number(finding['expected'])}{unit}, or the lower ones at least "
            f"{number(finding['observed'])}{unit}")


#: Every rule `check` runs, in order. Parts and conversions look within one article, implied rates
#: across the stated money conversions of the corpus, agreement across the figures of one quantity
#: (the `quantity` key less its place, so that a place's count meets the count that names no place).
RULES: tuple[Rule, ...] = (
    Rule("parts", check_parts, WithinArticle(), ("part_exceeds_whole", "parts_exceed_whole", "share_of_whole"),
         _parts_hint, "a part larger than its whole, parts adding up past it, or a share of it its counts do not make"),
    Rule("conversions", check_conversions, WithinArticle(), ("conversion",), _conversion_hint,
         "a figure restated in other units or money that does not match the original"),
    Rule("implied_rates", check_implied_rates, Gathered(stated_conversions), ("implied_rate",), _rate_hint,
         "money conversions in one week that imply different exchange rates"),
    Rule("agreement", check_agreement, Grouped("quantity_base", prepare_agreement),
         ("sources_disagree", "figures_disagree", "figure_changed", "place_exceeds_total"), _agreement_hint,
         "figures of the same quantity (what is counted, what happened to it, where) that cannot all hold"),
    Rule("sums", check_sums, Grouped("sum_key", prepare_sums), ("sum_disagrees",), _sum_hint,
         "two counts one source gives together (killed, injured) against another report's count of both"),
)
RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in RULES)

_NEEDED = ("article", "surface", "value", "low", "high", "qualifier", "resolution", "unit", "dimension",
           "subject", "predicate", "whole", "converts", "base_value", "sentence")

#: Rows per chunk when a within-article rule runs in memory: the rules' per-finding work scans their
#: input, so bounded chunks keep the whole check linear in the number of figures.
CHUNK_ROWS = 20_000


def rules_markdown() -> str:
    """The registry as a Markdown table, as docs/checking.md shows it."""
    scope = {WithinArticle: "one article", Gathered: "gathered across the corpus", Grouped: "figures of one {key}"}
    lines = ["| rule | finds | findings | reads together |", "|---|---|---|---|"]
    for rule in RULES:
        where = scope[type(rule.scope)].format(key=getattr(rule.scope, "key", ""))
        lines.append(f"| `{rule.name}` | {rule.doc} | {', '.join(f'`{k}`' for k in rule.kinds)} | {where} |")
    return "\n".join(lines) + "\n"


def _chosen(rules: object) -> tuple[Rule, ...]:
    if rules is None:
        return RULES
    if isinstance(rules, str) or not isinstance(rules, Iterable):
        raise SettingsTypeError(f"rules must be a list or tuple of rule names from {[r.name for r in RULES]}, "
                                f"not {rules!r}" + (f" (write rules=({rules!r},))" if isinstance(rules, str) else ""))
    names = [rule.name if isinstance(rule, Rule) else rule for rule in rules]
    known = {rule.name for rule in RULES}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SettingsError(f"unknown rule(s) {unknown}; choose from {sorted(known)}")
    return tuple(rule for rule in RULES if rule.name in names)


def _tolerances(**given: object) -> Tolerances:
    for name, value in given.items():
        whole = name == "running_days"
        kind = Integral if whole else Real
        if isinstance(value, bool) or not isinstance(value, kind):
            raise SettingsTypeError(f"{name} must be a {'whole number' if whole else 'number'}, not {value!r}")
        if not math.isfinite(float(value)):  # type: ignore[arg-type]
            raise SettingsError(f"{name} must be a finite number, not {value!r}")
        if value < 0:  # type: ignore[operator]
            raise SettingsError(f"{name} must not be negative, not {value!r}")
    return Tolerances(**given)  # type: ignore[arg-type]


def _conform(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every figure column in its `FIGURE_COLUMNS` dtype, or an InputError naming the
    column that cannot be: frames read back from CSV or JSON hold text where numbers and dates go."""
    changed = {}
    for name, dtype in FIGURE_COLUMNS.items():
        column = frame[name]
        dtype = "object" if dtype == "category" else dtype     # the rules read categories as plain values
        if str(column.dtype) == dtype:
            continue
        try:
            if dtype == "object":
                changed[name] = column.astype(object).where(column.notna(), None)
            elif dtype.startswith("datetime"):
                changed[name] = pd.to_datetime(column, errors="raise", format="ISO8601").astype(dtype)
            elif dtype == "bool":
                words = {True: True, False: False, "True": True, "False": False, "true": True, "false": False}
                if not column.map(lambda v: isinstance(v, (bool, np.bool_, str)) and v in words).all():
                    raise ValueError("not True or False")
                changed[name] = column.map(words).astype(bool)
            else:
                number = pd.to_numeric(column, errors="raise")
                changed[name] = number.astype(dtype) if dtype == "float64" or number.notna().all() else number
        except (ValueError, TypeError, OverflowError) as exc:
            raise InputError(f"column {name!r} holds {column.dtype} values that are not {dtype}: {exc}") from exc
    return frame.assign(**changed) if changed else frame


def prepare_figures(frame: object) -> pd.DataFrame:
    """The figures frame `check` works on: checked, labelled by figure, with the schema's dtypes.

    Accepts what `figures.extract` returns, and that frame after `reset_index()` or read back from the
    command line's csv/json/parquet (which keep the labels in a `figure` column). Refuses, naming
    the problem, a frame whose rows are not labelled by figure, since findings cite those labels.
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"check needs the frame figures.extract returns, not {type(frame).__name__}")
    missing = [c for c in _NEEDED if c not in frame.columns]
    if missing:
        raise InputError("check needs a frame from figures.extract; missing column(s): " + ", ".join(missing))
    if frame.columns.duplicated().any():
        raise InputError("the figures frame has duplicate column(s): "
                         + ", ".join(sorted({str(c) for c in frame.columns[frame.columns.duplicated()]})))
    if "figure" in frame.columns:
        if frame["figure"].isna().any():
            raise InputError("the 'figure' column has empty labels; findings could not point at those figures")
        frame = frame.set_index("figure")
    if frame.empty:
        return frame
    if pd.api.types.is_numeric_dtype(frame.index.dtype):
        raise InputError("the rows are numbered, not labelled by figure ('article:n'): findings would cite row "
                         "numbers and lose every part and conversion link. Keep the index figures.extract gives "
                         "(reset_index() without drop=True keeps it as a 'figure' column; so do concat without "
                         "ignore_index=True and the command line's csv/json)")
    if not frame.index.is_unique:
        raise InputError("the figures frame has duplicate row labels; findings could not point at one figure")
    frame = frame.reindex(columns=list(dict.fromkeys([*FIGURE_COLUMNS, *frame.columns])))
    frame = _conform(frame)
    links = pd.concat([frame["whole"].dropna(), frame["converts"].dropna()])
    if len(links) and not links.isin(frame.index).any():
        raise InputError(f"no 'whole' or 'converts' label is a row label (the first is {links.iloc[0]!r}, the "
                         f"first row label {frame.index[0]!r}): the rows are not labelled by figure, so every "
                         "part and conversion link would be lost. Keep the index figures.extract gives, or a "
                         "'figure' column")
    return frame


def _article_chunks(frame: pd.DataFrame) -> Iterator[pd.DataFrame]:
    """The frame in pieces of about `CHUNK_ROWS` rows that each hold whole articles."""
    rows = CHUNK_ROWS
    if len(frame) <= rows:
        yield frame
        return
    codes, uniques = pd.factorize(frame["article"])
    per_chunk = max(1, len(uniques) * rows // len(frame))
    for _, part in frame.groupby(codes // per_chunk, sort=False):
        yield part


def rule_findings(rule: Rule, frame: pd.DataFrame, tol: Tolerances) -> list[Finding]:
    """Findings of one rule over a figures frame that holds all the figures its scope needs."""
    if isinstance(rule.scope, WithinArticle):
        return [f for part in _article_chunks(frame) for f in rule.function(part, tol)]
    if isinstance(rule.scope, Gathered):
        return rule.function(rule.scope.select(frame), tol)
    # `prepare` reads articles whole, so chunks of whole articles give what the whole frame gives,
    # at a cost that grows with the chunk, not with the corpus
    prepared = [rule.scope.prepare(part) for part in _article_chunks(frame)]
    if len(prepared) == 1:
        return rule.function(prepared[0], tol)
    joined = pd.concat(prepared)                 # in chunk order: put back in the frame's own row order,
    position = frame.index.get_indexer(joined.index)                  # which the findings' order follows
    return rule.function(joined.iloc[np.argsort(position, kind="stable")], tol)


def _same_article_links(frame: pd.DataFrame) -> bool:
    """Whether every whole and conversion a figure points to is in the figure's own article."""
    for column in ("whole", "converts"):
        linked = frame[column].dropna()
        linked = linked[linked.isin(frame.index)]
        if len(linked) and not (frame.loc[linked.to_numpy(), "article"].to_numpy()
                                == frame.loc[linked.index, "article"].to_numpy()).all():
            return False
    return True


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
    rules: Iterable[str | Rule] | None = None,
    text_rates: bool = True,
) -> pd.DataFrame:
    """Findings over a frame from `figures.extract` (one article or many).

    Tolerances: `rel`/`abs` add slack to every comparison as in `pytest.approx`; `approx_rel` is how
    far "about 50" may stray (10%); `rate_rel` the slack on currency conversions (2%);
    `running_days` the widest gap in dates at which figures are still compared (as a warning).
    `rates`/`base_currency`/`max_rate_age_days` re-normalise money before checking, as in `extract`.
    `rules` picks which rules run, by name from `RULES` (None, the default: all of them). With
    `text_rates` (default), money figures that no reference rate covers are normalised with rates the
    corpus itself states for the same week (`fill_text_rates`), so that they can still be compared;
    the conversions stating those rates stay unverified.

    The frame may also be `extract`'s after `reset_index()` or read back from the command line's
    csv/json/parquet: its `figure` column then gives the row labels. Every setting is checked before
    any figure is compared.

    Returns a frame with columns `FINDING_COLUMNS`, most serious first: `kind`, `severity`
    (contradiction, warning, unverified), `figures` (row labels of `frame`), `message`, and the
    subject, articles, expected and observed values, deviation and tolerance.
    """
    tol, chosen = check_settings(rel=rel, abs=abs, approx_rel=approx_rel, rate_rel=rate_rel,
                                 running_days=running_days, rates=rates, base_currency=base_currency,
                                 max_rate_age_days=max_rate_age_days, rules=rules, text_rates=text_rates)
    frame = prepare_figures(frame)
    if frame.empty:
        return to_frame([])
    frame = normalise_money(frame, rates=rates, base_currency=base_currency, max_rate_age_days=max_rate_age_days,
                            text_rates=text_rates)
    whole_articles = _same_article_links(frame)
    findings: list[Finding] = []
    for rule in chosen:
        if isinstance(rule.scope, WithinArticle) and not whole_articles:
            findings += rule.function(frame, tol)     # links across articles: read it in one piece
        else:
            findings += rule_findings(rule, frame, tol)
    return to_frame(findings, frame)


def check_settings(*, rates: Any, base_currency: Any, max_rate_age_days: Any, rules: Any, text_rates: Any,
                   **tolerances: Any) -> tuple[Tolerances, tuple[Rule, ...]]:
    """The tolerances and the rules `check` would use, or the error a bad setting gives."""
    tol = _tolerances(**tolerances)
    chosen = _chosen(rules)
    if not isinstance(text_rates, bool):
        raise SettingsTypeError(f"text_rates must be True or False, not {text_rates!r}")
    check_rate_settings("EUR" if base_currency is None else base_currency, max_rate_age_days)
    if rates is not None:
        as_rate_source(rates)
    return tol, chosen


def normalise_money(frame: pd.DataFrame, *, rates: Any, base_currency: str | None, max_rate_age_days: int,
                    text_rates: bool, stated: pd.DataFrame | None = None) -> pd.DataFrame:
    """Money re-normalised with other `rates` or base currency if given, then with the rates the text
    states where no reference rate exists. `stated`: the corpus's money conversions, when `frame`
    is only part of it (a partition)."""
    if rates is not None or base_currency is not None:
        from figures.normalise import renormalise_money

        frame = renormalise_money(frame, rates, base_currency or "EUR", max_rate_age_days)
    if not text_rates:
        return frame
    if stated is None:
        return fill_text_rates(frame, base_currency=base_currency or "EUR")
    extra = stated[~stated.index.isin(frame.index)]
    if extra.empty:
        return fill_text_rates(frame, base_currency=base_currency or "EUR")
    both = fill_text_rates(pd.concat([frame, extra.reindex(columns=frame.columns)]),
                           base_currency=base_currency or "EUR")
    return both.iloc[:len(frame)]
