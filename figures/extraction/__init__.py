"""`extract`: news articles in, one typed DataFrame row per figure out."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from figures.articles import iter_articles
from figures.errors import ArticleError, FiguresWarning
from figures.extraction.reader import read_with_sentences
from figures.model import ARTICLE_COLUMNS, FIGURE_COLUMNS, Article, FiguresFrame
from figures.normalise import to_base
from figures.rates import RateSource, as_rate_source

__all__ = ["article_status", "extract", "figure_label"]


def figure_label(article: object, n: int) -> str:
    """The row label of the n-th figure of an article: unique across a corpus of unique ids."""
    return f"{article}:{n}"


def _article_rows(rows: list[tuple[Any, ...]], labels: list[str], article: Article, rates: RateSource,
                  base_currency: str, max_rate_age_days: int) -> int:
    """Append one row tuple (in `FIGURE_COLUMNS` order) per figure of `article`; return how many.

    All or nothing: if reading fails part-way, nothing of the article is appended.
    """
    mentions, spans = read_with_sentences(article.text, article.date)
    if not mentions:
        return 0
    date = pd.Timestamp(article.date) if article.date else pd.NaT
    mine: list[tuple[Any, ...]] = []
    for m in mentions:
        s_start, s_end = spans[m.sentence_index]
        base_value, base_unit, note = to_base(m.value, m.unit, m.dimension, m.event_date or article.date,
                                              rates, base_currency, max_rate_age_days)
        mine.append((
            article.id, article.outlet, date, m.start, m.end, m.surface,
            article.text[s_start:s_end].strip(), m.sentence_index, m.value, m.low, m.high,
            m.qualifier.value, m.strict, m.resolution, m.change, m.unit, m.dimension, m.per, m.noun,
            m.subject, m.predicate, m.concept, m.source, m.place,
            pd.Timestamp(m.event_date) if m.event_date else pd.NaT,
            figure_label(article.id, m.whole) if m.whole is not None else None,
            figure_label(article.id, m.converts) if m.converts is not None else None,
            figure_label(article.id, m.against) if m.against is not None else None,
            m.kind, m.happening, m.scope, m.status, m.period, m.weekday, m.quantity,
            base_value, base_unit, note or None,
        ))
    rows.extend(mine)
    labels.extend(figure_label(article.id, n) for n in range(len(mine)))
    return len(mine)


def _frame(rows: list[tuple[Any, ...]], labels: list[str]) -> pd.DataFrame:
    columns = list(zip(*rows)) if rows else [()] * len(FIGURE_COLUMNS)
    data = {}
    for (name, dtype), values in zip(FIGURE_COLUMNS.items(), columns):
        if dtype == "object":
            data[name] = pd.Series(values, dtype=object)
        elif dtype.startswith("datetime"):
            data[name] = pd.Series(pd.to_datetime(list(values)), dtype=dtype) if values else pd.Series([], dtype=dtype)
        else:
            data[name] = pd.Series(np.asarray(values, dtype=dtype) if values else [], dtype=dtype)
    frame = FiguresFrame(data)
    frame.index = pd.Index(labels, dtype=object, name="figure")
    return frame


def extract(
    articles: Any,
    *,
    rates: RateSource | pd.DataFrame | None = None,
    base_currency: str = "EUR",
    max_rate_age_days: int = 4,
    errors: str = "warn",
    progress: bool | None = False,
) -> pd.DataFrame:
    """Every figure the articles state, one row each, normalised.

    `articles`: a str, an iterable of str (or of dicts with `text`, `id`, `date`, `source`), or a
    DataFrame with a `text` column and optional `id`, `date`, `source` columns.
    `rates`: a rate source or a frame (`date`, `currency`, `per_eur`) tried before the ECB history.
    `max_rate_age_days`: how far before a figure's date a rate may be quoted and still be used.
    `errors`: "warn" (default) reports unreadable articles in a `FiguresWarning` and in
    `frame.attrs["articles"]`; "raise" raises the first `ArticleError`; "ignore" only records them.
    `progress`: a progress bar on standard error (tqdm); None shows it only on a terminal.

    Returns a frame indexed by figure label (`"{article}:{n}"`) with the columns of
    `figures.model.FIGURE_COLUMNS`; `frame.attrs["articles"]` lists every input article with its
    status (read it as a frame with `article_status(frame)`), so none is ever dropped silently.
    """
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError(f"errors must be 'warn', 'raise' or 'ignore', not {errors!r}")
    source = as_rate_source(rates)
    rows: list[tuple[Any, ...]] = []
    labels: list[str] = []
    status: dict[str, list[Any]] = {name: [] for name in ARTICLE_COLUMNS}
    failures: list[ArticleError] = []
    items = iter_articles(articles)
    if progress or progress is None:
        from tqdm.auto import tqdm

        items = tqdm(items, desc="articles", unit="article", disable=None if progress is None else False,
                     mininterval=0.5)
    for item in items:
        if isinstance(item, ArticleError):
            if errors == "raise":
                raise item
            failures.append(item)
            for name, value in zip(ARTICLE_COLUMNS, (item.article, "error", 0, item.reason)):
                status[name].append(value)
            continue
        try:
            count = _article_rows(rows, labels, item, source, base_currency, max_rate_age_days)
        except Exception as exc:  # a bug on one article must not sink the batch; it is reported
            if errors == "raise":
                raise ArticleError(item.id, f"could not be read: {exc!r}") from exc
            failure = ArticleError(item.id, f"could not be read: {exc!r}")
            failures.append(failure)
            for name, value in zip(ARTICLE_COLUMNS, (item.id, "error", 0, failure.reason)):
                status[name].append(value)
            continue
        for name, value in zip(ARTICLE_COLUMNS, (item.id, "ok", count, item.note)):
            status[name].append(value)
        if item.note:
            failures.append(ArticleError(item.id, item.note))
    frame = _frame(rows, labels)
    # plain records, not a frame: pandas compares and copies attrs on every concat and copy
    frame.attrs["articles"] = [dict(zip(status, values)) for values in zip(*status.values())]
    if failures and errors == "warn":
        warnings.warn(
            f"{len(failures)} article(s) could not be read in full: "
            + "; ".join(str(f) for f in failures[:5]) + ("; ..." if len(failures) > 5 else ""),
            FiguresWarning, stacklevel=2,
        )
    return frame




def article_status(frame: pd.DataFrame) -> pd.DataFrame:
    """Every input article of an `extract` result: article, status ("ok"/"error"), figures, reason."""
    records = frame.attrs.get("articles")
    if records is None:
        raise ValueError("this frame carries no article status: it did not come from figures.extract "
                         "(or an operation dropped its attrs)")
    return pd.DataFrame(records, columns=list(ARTICLE_COLUMNS)).astype(ARTICLE_COLUMNS)
