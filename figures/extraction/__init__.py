"""`extract`: news articles in, one typed DataFrame row per figure out."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from figures.articles import FIRST_DAY, LAST_DAY, UNDATED, iter_articles
from figures.collector import collector_paused
from figures.errors import ArticleError, FiguresWarning, InputError, SettingsError, plural
from figures.extraction.reader import read_with_sentences
from figures.model import ARTICLE_COLUMNS, FIGURE_COLUMNS, Article, ArticleStatus, FiguresFrame
from figures.normalise import to_base
from figures.rates import RateSource, as_rate_source, check_rate_settings

__all__ = ["article_status", "concat_figures", "extract", "figure_label"]


def figure_label(article: object, n: int) -> str:
    """The row label of the n-th figure of an article: unique across a corpus of unique ids."""
    return f"{article}:{n}"


def _stamp(day: dt.date | None) -> pd.Timestamp:
    """A date as a nanosecond Timestamp; NaT when absent or outside the range pandas can hold."""
    return pd.Timestamp(day) if day is not None and FIRST_DAY <= day <= LAST_DAY else pd.NaT


def _article_rows(rows: list[tuple[Any, ...]], labels: list[str], article: Article, rates: RateSource,
                  base_currency: str, max_rate_age_days: int) -> tuple[int, str | None]:
    """Append one row tuple (in `FIGURE_COLUMNS` order) per figure of `article`; return how many,
    and a note on anything that was left out (a date in the text that no frame can hold).

    All or nothing: if reading fails part-way, nothing of the article is appended.
    """
    mentions, spans = read_with_sentences(article.text, article.date)
    if not mentions:
        return 0, None
    date = _stamp(article.date)
    unheld: list[str] = []
    mine: list[tuple[Any, ...]] = []
    said: dict[int, str] = {}            # each sentence's text once, shared by its figures' rows
    for m in mentions:
        sentence = said.get(m.sentence_index)
        if sentence is None:
            s_start, s_end = spans[m.sentence_index]
            sentence = said[m.sentence_index] = article.text[s_start:s_end].strip()
        base_value, base_unit, note = to_base(m.value, m.unit, m.dimension, m.event_date or article.date,
                                              rates, base_currency, max_rate_age_days)
        event = _stamp(m.event_date)
        if m.event_date is not None and event is pd.NaT:
            unheld.append(m.event_date.isoformat())
        mine.append((
            article.id, article.outlet, date, m.start, m.end, m.surface,
            sentence, m.sentence_index, m.value, m.low, m.high,
            m.qualifier.value, m.strict, m.resolution, m.change, m.unit, m.dimension, m.per, m.noun,
            m.subject, m.predicate, m.concept, m.source, m.place, event,
            figure_label(article.id, m.whole) if m.whole is not None else None,
            figure_label(article.id, m.converts) if m.converts is not None else None,
            figure_label(article.id, m.against) if m.against is not None else None,
            m.kind, m.happening, m.scope, m.status, m.period,
            float("nan") if m.weekday is None else float(m.weekday), m.quantity,
            base_value, base_unit, note or None,
        ))
    rows.extend(mine)
    labels.extend(figure_label(article.id, n) for n in range(len(mine)))
    note = None
    if unheld:
        days = list(dict.fromkeys(unheld))
        note = (f"{'the date' if len(days) == 1 else 'the dates'} {', '.join(days)} in the text "
                f"{'lies' if len(days) == 1 else 'lie'} outside the dates a frame can hold ({FIRST_DAY} to "
                f"{LAST_DAY}); the figures it dates keep no event date")
    return len(mine), note


def _categorical(values: tuple[Any, ...]) -> pd.Categorical | None:
    """A categorical column, its categories objects in order of appearance, so that every frame's
    categories unite (pandas would type text categories as str, all-missing ones as float); None
    for values pandas cannot hash, which are kept as objects (the batch is never lost to a dtype)."""
    codes: dict[Any, int] = {}
    for v in values:
        if v is not None and v == v and v not in codes:
            codes[v] = len(codes)
    present = pd.Index(list(codes), dtype=object)
    if _plain_categories(codes):
        # the codes counted above, rather than pandas matching every value against the categories
        # again: the same column in a third of the time (a sixth of a figure-dense batch's frame);
        # the codes are in range by construction, so pandas is spared checking them again
        return pd.Categorical.from_codes(
            [codes.get(v, -1) if v is not None else -1 for v in values], dtype=pd.CategoricalDtype(present),
            validate=False)
    try:
        return pd.Categorical(values, categories=present)
    except (TypeError, ValueError, UnicodeError):
        return None


def _objects(values: tuple[Any, ...]) -> np.ndarray:
    """An object column holding the values as they are (a list of tuples stays a column of tuples)."""
    column = np.empty(len(values), dtype=object)
    column[:] = values
    return column


def _plain_categories(codes: dict[Any, int]) -> bool:
    """Whether every category is an int, or every one a str that pandas can store (no unpaired
    surrogates): the categories `pd.Categorical` takes without ever raising or merging values."""
    kinds = {type(v) for v in codes}
    if kinds == {int}:
        return True
    if kinds != {str}:
        return False
    try:
        "".join(codes).encode("utf-8")
    except UnicodeError:
        return False
    return True


def _datetimes(values: tuple[Any, ...], dtype: str) -> Any:
    """A date column from `_stamp`'s Timestamps and NaTs: their nanoseconds read directly when all are
    naive (what `_stamp` makes), rather than through `pd.to_datetime`'s inference."""
    if not values:
        return np.array([], dtype=dtype)
    if dtype == "datetime64[ns]" and all(v is pd.NaT or (type(v) is pd.Timestamp and v.tz is None) for v in values):
        return np.array([_NAT if v is pd.NaT else v.value for v in values], dtype=np.int64).view(dtype)
    return pd.Series(pd.to_datetime(list(values)), dtype=dtype).array


_NAT = np.datetime64("NaT").view(np.int64)


def _frame(rows: list[tuple[Any, ...]], labels: list[str]) -> FiguresFrame:
    """The frame of the row tuples, from one array per column and object columns as Series on the
    frame's own index (so pandas aligns no indexes: the frame in two thirds of the time). Object
    columns stay Series: pandas would read an array of str as its string dtype."""
    columns = list(zip(*rows)) if rows else [()] * len(FIGURE_COLUMNS)
    index = pd.Index(labels, dtype=object, name="figure")
    data = {}
    for (name, dtype), values in zip(FIGURE_COLUMNS.items(), columns):
        categorical = _categorical(values) if dtype == "category" else None
        if categorical is not None:
            data[name] = categorical
        elif dtype in ("object", "category"):
            data[name] = pd.Series(_objects(values), index=index, dtype=object, copy=False)
        elif dtype.startswith("datetime"):
            data[name] = _datetimes(values, dtype)
        else:
            data[name] = np.asarray(values, dtype=dtype) if values else np.array([], dtype=dtype)
    return FiguresFrame(data, index=index, copy=False)


def _check_settings(errors: object, progress: object) -> None:
    if errors not in ("warn", "raise", "ignore"):
        raise SettingsError(f"errors must be 'warn', 'raise' or 'ignore', not {errors!r}")
    if progress not in (True, False, None):
        raise SettingsError(f"progress must be True, False or None, not {progress!r}")


class _Statuses:
    """The status columns of one `extract` call, filled article by article."""

    def __init__(self) -> None:
        self.columns: tuple[list[Any], ...] = tuple([] for _ in ARTICLE_COLUMNS)

    def add(self, article: object, status: str, figures: int, reason: str | None) -> None:
        for column, value in zip(self.columns, (article, status, figures, reason)):
            column.append(value)

    def freeze(self) -> ArticleStatus:
        return ArticleStatus(*(tuple(column) for column in self.columns))


def concat_figures(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Figures frames (extract results) as one, their categorical columns kept categorical.

    `pd.concat` turns categoricals whose categories differ into plain objects, which costs about
    300 bytes a figure; this unites the categories first. The article statuses are merged as
    `pd.concat` merges them.
    """
    if not frames:
        return _frame([], [])
    categorical = [c for c, dtype in FIGURE_COLUMNS.items() if dtype == "category"
                   and all(isinstance(f[c].dtype, pd.CategoricalDtype) for f in frames)]
    united = {c: pd.CategoricalDtype(union_categoricals([f[c].array for f in frames], ignore_order=True).categories)
              for c in categorical}
    return pd.concat([f.astype(united) for f in frames])


def _read_all(items: Any, rows: list[tuple[Any, ...]], labels: list[str], status: "_Statuses",
              failures: list[ArticleError], seen: set[str], source: RateSource, base_currency: str,
              max_rate_age_days: int, errors: str) -> None:
    """Read every article of `items` into `rows` and `labels`, recording each one's status."""
    for item in items:
        if not isinstance(item, ArticleError):
            label = str(item.id)
            if label in seen:
                item = ArticleError(item.id, "the id of an earlier article too, so their figures' labels would "
                                             "collide; give every article its own id")
            seen.add(label)
        if isinstance(item, ArticleError):
            if errors == "raise":
                raise item
            failures.append(item)
            status.add(item.article, "error", 0, item.reason)
            continue
        if item.note and errors == "raise":
            raise ArticleError(item.id, item.note.removesuffix(UNDATED))
        try:
            with collector_paused():     # an article's records hold no cycles (not the caller's iterator)
                count, note = _article_rows(rows, labels, item, source, base_currency, max_rate_age_days)
        except Exception as exc:  # a bug on one article must not sink the batch; it is reported
            failure = ArticleError(item.id, f"could not be read: {exc!r}")
            if errors == "raise":
                raise failure from exc
            failures.append(failure)
            status.add(item.id, "error", 0, failure.reason)
            continue
        reason = "; ".join(n for n in (item.note, note) if n) or None
        status.add(item.id, "ok", count, reason)
        if reason:
            failures.append(ArticleError(item.id, reason))

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
    `errors`: "warn" (default) reports unreadable articles and dates in a `FiguresWarning` and in
    `article_status(frame)`; "raise" raises the first `ArticleError` (an article that is not text or
    not read in full: an unreadable date, unpaired surrogates, a failure of the reader); "ignore"
    only records them.
    `progress`: a progress bar on standard error (tqdm); None shows it only on a terminal.

    Returns a frame indexed by figure label (`"{article}:{n}"`) with the columns of
    `figures.model.FIGURE_COLUMNS`. It carries the status of every input article (read it with
    `article_status(frame)`), so none is ever dropped silently.
    """
    _check_settings(errors, progress)
    check_rate_settings(base_currency, max_rate_age_days)
    source = as_rate_source(rates)
    rows: list[tuple[Any, ...]] = []
    labels: list[str] = []
    status = _Statuses()
    failures: list[ArticleError] = []
    items = iter_articles(articles)
    if progress or progress is None:
        from tqdm.auto import tqdm

        items = tqdm(items, desc="articles", unit="article", disable=None if progress is None else False,
                     mininterval=0.5)
    seen: set[str] = set()               # ids as they appear in labels: 0 and "0" would collide
    _read_all(items, rows, labels, status, failures, seen, source, base_currency, max_rate_age_days, errors)
    frame = _frame(rows, labels)
    object.__setattr__(frame, "_articles", status.freeze())
    if failures and errors == "warn":
        warnings.warn(
            f"{plural(len(failures), 'article')} could not be read in full: "
            + "; ".join(str(f) for f in failures[:5]) + ("; ..." if len(failures) > 5 else ""),
            FiguresWarning, stacklevel=2,
        )
    return frame


def article_status(frame: pd.DataFrame) -> pd.DataFrame:
    """Every input article of an `extract` result: article, status ("ok"/"error"), figures, reason.

    The status travels with the frame through slicing, copies and `pd.concat` of extract results;
    a frame rebuilt from its values (`pd.DataFrame(frame)`, read back from a file) has none.
    """
    found = getattr(frame, "_articles", None)
    if not isinstance(found, ArticleStatus):
        raise InputError("this frame carries no article status: it did not come from figures.extract, or it "
                         "was rebuilt from its values (pd.DataFrame(frame), or read back from a file)")
    return found.frame()
