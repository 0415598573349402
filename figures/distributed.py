"""Extract and check corpora larger than one machine with Dask.

    import dask.dataframe as dd
    from figures.distributed import extract, check

    articles = dd.read_parquet("articles/*.parquet")      # columns text, id, date, source
    figs = extract(articles)                              # lazy: one row per figure
    findings = check(figs)                                # a pandas frame of findings

`extract` runs `figures.extract` on each partition (it is a pure function of its articles) with
an explicit `meta`, so Dask never calls it on fake data. Row labels are `"{article}:{n}"`, unique
as long as article ids are. `check` runs the rules that look within one article per partition,
gathers the (few) stated currency conversions for the implied-rate rule, and shuffles the figures
by quantity key for the agreement rule, since it only ever compares figures of one quantity.

Dask is an optional dependency: `pip install 'newsfigures[dask]'`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

import figures
from figures.checks import FINDING_COLUMNS, to_frame

__all__ = ["article_status", "check", "extract"]


def _empty_figures() -> pd.DataFrame:
    return pd.DataFrame(figures.extract([], errors="ignore"))


def _extract_partition(part: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    frame = pd.DataFrame(figures.extract(part, errors="ignore", **options))
    return frame


def _status_partition(part: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    return figures.article_status(figures.extract(part, errors="ignore", **options))


def extract(articles: Any, **options: Any) -> Any:
    """Figures of a Dask DataFrame of articles, as a lazy Dask DataFrame (options as `figures.extract`)."""
    meta = _empty_figures()
    return articles.map_partitions(_extract_partition, options, meta=meta)


def article_status(articles: Any, **options: Any) -> Any:
    """Every article's status (ok or error, figures, reason) as a lazy Dask DataFrame."""
    meta = figures.article_status(figures.extract([], errors="ignore"))
    return articles.map_partitions(_status_partition, options, meta=meta)


def _findings_meta() -> pd.DataFrame:
    return pd.DataFrame(to_frame([]))


def _keyed(part: pd.DataFrame) -> pd.DataFrame:
    """Figures with a quantity key (only those are compared), with the key less its scope: the
    agreement rule sets a place's count against the count that names no place, so both go together."""
    part = part[part["quantity"].notna()]
    return part.assign(quantity_base=part["quantity"].str.split(" @ ").str[0].astype(object))


def _money_conversions(part: pd.DataFrame) -> pd.DataFrame:
    """The stated currency conversions of a partition and the figures they restate (same article)."""
    said = part[part["converts"].notna() & (part["dimension"] == "currency")]
    restated = part[part.index.isin(said["converts"])]
    both = pd.concat([restated, said])
    return both[~both.index.duplicated()]


def _check_partition(part: pd.DataFrame, rules: tuple[str, ...], options: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(figures.check(part, rules=rules, **options))


def check(figs: Any, **options: Any) -> pd.DataFrame:
    """Findings over a Dask DataFrame of figures (from `extract`), computed; options as `figures.check`.

    The figures of one article must sit in one partition, as `extract` leaves them.
    """
    meta = _findings_meta()
    within = figs.map_partitions(_check_partition, ("parts", "conversions"), options, meta=meta)
    conversions = figs.map_partitions(_money_conversions, meta=_empty_figures()).compute()
    rates = figures.check(conversions, rules=("implied_rates",), **options)
    keyed = figs.map_partitions(_keyed, meta=_empty_figures().assign(quantity_base=pd.Series(dtype=object)))
    by_quantity = keyed.shuffle(on="quantity_base")
    agreement = by_quantity.map_partitions(_check_partition, ("agreement",), options, meta=meta)
    parts = [within.compute(), rates, agreement.compute()]
    found = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else meta
    rank = {"contradiction": 0, "warning": 1, "unverified": 2}
    order = found["severity"].map(rank).argsort(kind="stable")
    return found.iloc[order].reset_index(drop=True)[list(FINDING_COLUMNS)]
