"""Extract and check corpora larger than one machine with Dask.

    import dask.dataframe as dd
    from figures.distributed import extract, check

    articles = dd.read_parquet("articles/*.parquet")      # columns text, id, date, source
    figs = extract(articles)                              # lazy: one row per figure
    findings = check(figs)                                # a pandas frame of findings

`extract` runs `figures.extract` on each partition (it is a pure function of its articles) with
an explicit `meta`, so Dask never calls it on fake data. Row labels are `"{article}:{n}"`, unique
as long as article ids are. `check` runs every rule of `figures.checks.RULES` as its `scope` says:
rules within one article on each partition (extract keeps an article's figures in one partition),
gathered rules once on the few figures their `select` picks, and grouped rules on the figures
regrouped (shuffled) by their key after `prepare` has added what they need of each article. Money
is first normalised with the rates the whole corpus states, as `figures.check` does. The findings
come back in `figures.check`'s order, whatever the partitioning.

Dask is an optional dependency: `pip install 'newsfigures[dask]'` (it includes dask.distributed,
for clusters).
"""

from __future__ import annotations

import inspect
from typing import Any

import pandas as pd

import figures
from figures import checks
from figures.errors import InputError, SettingsTypeError, require

__all__ = ["article_status", "check", "extract"]

_ORDER = ["_figures_partition", "_figures_position"]


def _dask_frame(obj: Any, what: str, instead: str) -> Any:
    dd = require("dask.dataframe", extra="dask", feature="figures.distributed")
    if not isinstance(obj, dd.DataFrame):
        raise InputError(f"figures.distributed.{what} needs a Dask DataFrame, not {type(obj).__name__}: "
                         f"dd.from_pandas(frame, npartitions=...) or dd.read_parquet(...); for a frame in "
                         f"memory use {instead}")
    return dd


def _empty_figures(options: dict[str, Any] | None = None) -> pd.DataFrame:
    return pd.DataFrame(figures.extract([], errors="ignore", **(options or {})))


def _extract_partition(part: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(figures.extract(part, errors="ignore", **options))


def _status_partition(part: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    return figures.article_status(figures.extract(part, errors="ignore", **options))


def extract(articles: Any, **options: Any) -> Any:
    """Figures of a Dask DataFrame of articles, as a lazy Dask DataFrame (options as `figures.extract`)."""
    _dask_frame(articles, "extract", "figures.extract")
    meta = _empty_figures(options)                    # also checks the options, before any work
    return articles.map_partitions(_extract_partition, options, meta=meta)


def article_status(articles: Any, **options: Any) -> Any:
    """Every article's status (ok or error, figures, reason) as a lazy Dask DataFrame.

    It reads the articles again: compute it alongside `extract` only where the status is wanted.
    """
    _dask_frame(articles, "article_status", "figures.article_status")
    meta = figures.article_status(figures.extract([], errors="ignore", **options))
    return articles.map_partitions(_status_partition, options, meta=meta)


def _settings(options: dict[str, Any]) -> dict[str, Any]:
    """Every `figures.check` option, defaults filled in, checked before the graph is built."""
    defaults = {name: p.default for name, p in inspect.signature(figures.check).parameters.items()
                if p.kind is p.KEYWORD_ONLY}
    unknown = sorted(set(options) - set(defaults))
    if unknown:
        raise SettingsTypeError(f"check() got unexpected option(s) {unknown}")
    settings = {**defaults, **options}
    checks.check_settings(**settings)
    return settings


def _normalised(part: pd.DataFrame, stated: pd.DataFrame, settings: dict[str, Any]) -> pd.DataFrame:
    frame = checks.prepare_figures(part)
    if frame.empty:
        return pd.DataFrame(frame)
    return pd.DataFrame(checks.normalise_money(
        frame, rates=settings["rates"], base_currency=settings["base_currency"],
        max_rate_age_days=settings["max_rate_age_days"], text_rates=settings["text_rates"], stated=stated))


def _rule(name: str) -> checks.Rule:
    return next(rule for rule in checks.RULES if rule.name == name)


def _findings(part: pd.DataFrame, rule_name: str, settings: dict[str, Any]) -> pd.DataFrame:
    tol, _ = checks.check_settings(**settings)
    part = part.drop(columns=[c for c in _ORDER if c in part.columns])
    if part.empty:
        return pd.DataFrame(checks.to_frame([]))
    return pd.DataFrame(checks.to_frame(checks.rule_findings(_rule(rule_name), part, tol), part))


def _prepared(part: pd.DataFrame, rule_name: str, partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    """A grouped rule's `prepare`, with each figure's place in the input, so that every regrouped
    partition can be put back in input order (the order `figures.check` reads figures in)."""
    number = partition_info["number"] if partition_info else 0
    prepared = _rule(rule_name).scope.prepare(part)  # type: ignore[union-attr]
    positions = pd.Series(range(len(part)), index=part.index)
    return prepared.assign(_figures_partition=number, _figures_position=positions.reindex(prepared.index).to_numpy())


def _in_input_order(part: pd.DataFrame) -> pd.DataFrame:
    return part.sort_values(_ORDER, kind="stable")


def check(figs: Any, **options: Any) -> pd.DataFrame:
    """Findings over a Dask DataFrame of figures (from `extract`), computed; options as `figures.check`.

    The figures of one article must sit in one partition, as `extract` leaves them. The result is
    the frame `figures.check` gives for the same figures in memory, in the same order.
    """
    _dask_frame(figs, "check", "figures.check")
    import dask

    settings = _settings(options)
    chosen = checks.check_settings(**settings)[1]
    empty = _empty_figures()
    meta = pd.DataFrame(checks.to_frame([]))
    figs = figs.persist()                    # extracted once, whatever reads the figures after
    rows, labels = dask.compute(figs.index.size, figs.index.nunique())
    if rows != labels:
        raise InputError(f"{rows - labels:,} figure label(s) appear in more than one place: an article id is "
                         "used twice (in two partitions, or two files); findings could not point at one figure")
    stated = figs.map_partitions(checks.stated_conversions, meta=empty).compute()
    normalised = figs.map_partitions(_normalised, stated, settings, meta=empty)
    pending = []
    for rule in chosen:
        scope = rule.scope
        if isinstance(scope, checks.WithinArticle):
            pending.append(normalised.map_partitions(_findings, rule.name, settings, meta=meta))
        elif isinstance(scope, checks.Gathered):
            pending.append(normalised.map_partitions(scope.select, meta=empty))
        else:
            prepared_meta = _prepared(empty, rule.name)
            prepared = normalised.map_partitions(_prepared, rule.name, meta=prepared_meta)
            grouped = prepared.shuffle(on=scope.key).map_partitions(_in_input_order, meta=prepared_meta)
            pending.append(grouped.map_partitions(_findings, rule.name, settings, meta=meta))
    computed = dask.compute(*pending)            # one pass over the normalised figures for every rule
    found = [_findings(result, rule.name, settings) if isinstance(rule.scope, checks.Gathered) else result
             for rule, result in zip(chosen, computed)]
    found = [f for f in found if len(f)]
    if not found:
        return checks.in_order(meta)
    return checks.in_order(pd.concat(found, ignore_index=True)[list(checks.FINDING_COLUMNS)])
