"""Turn whatever the caller passes as articles into validated `Article` records, or reasons why not.

Accepted: one string; an iterable of strings or of dicts; a pandas DataFrame with a `text` column
and optional `id`, `date` and `source` (the outlet) columns. An article without an id (or with a
None or NaN one) is numbered by its position, from 0. A bad article never stops the others: it
comes back as an `ArticleError` naming it.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pandas as pd

from figures.errors import ArticleError, InputError, plural
from figures.model import Article


#: The article dates a frame can hold: pandas' `datetime64[ns]` range (1677-09-22 to 2262-04-11).
FIRST_DAY, LAST_DAY = pd.Timestamp.min.date() + dt.timedelta(days=1), pd.Timestamp.max.date()


def parse_date(value: Any) -> dt.date | None:
    """An article date from an ISO string, date, datetime, Timestamp or YYYYMMDD number; None when absent.

    Raises ValueError with the offending value when it cannot be read as a date, or when it lies
    outside the dates a frame can hold (`FIRST_DAY` to `LAST_DAY`).
    """
    if _is_missing(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"date {value!r} is not a date")
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        if isinstance(value, str) and not value.strip():
            return None
        if isinstance(value, numbers.Integral):
            # 20230501, as a spreadsheet or a numeric column writes it; never nanoseconds since 1970
            if not 10_000_000 <= int(value) <= 99_991_231:
                raise ValueError(f"date {value!r} is a number, not a date (write it as 2023-05-01 or 20230501)")
            value = str(int(value))
        elif isinstance(value, numbers.Real):
            raise ValueError(f"date {value!r} is a number, not a date (write it as 2023-05-01 or 20230501)")
        try:
            stamp = pd.Timestamp(value)
        except (ValueError, TypeError, OverflowError) as exc:
            raise ValueError(f"date {value!r} is not a date") from exc
        if stamp is pd.NaT:
            return None
        day = stamp.date()
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"date {day.isoformat()} lies outside the dates a frame can hold "
                         f"({FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()})")
    return day


#: What an article's note adds when its date could not be read: the figures are read all the same.
UNDATED = "; read without a date"


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT or value is pd.NA


_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_id(article_id: Any) -> str | None:
    """Why an id cannot label figures, or None: an id is text (valid Unicode) or a number, which
    labels, groups and sorts alike in every frame (a tuple or a list does not)."""
    if isinstance(article_id, bool) or not isinstance(article_id, (str, numbers.Real)):
        return f"id is a {type(article_id).__name__}, which cannot label figures; use a str or an int"
    if isinstance(article_id, str) and _SURROGATE.search(article_id):
        return "id holds unpaired surrogates, which are not text; decode the feed with errors='replace'"
    if not isinstance(article_id, str) and not math.isfinite(article_id):
        return f"id {article_id!r} is not a finite number; use a str or an int"
    return None


def _one(article_id: Any, text: Any, date: Any, outlet: Any) -> Article | ArticleError:
    bad_id = _valid_id(article_id)
    if bad_id:
        return ArticleError(article_id, bad_id)
    if isinstance(text, bytes):
        return ArticleError(article_id, "text is bytes; decode it to str first")
    if _is_missing(text):
        return ArticleError(article_id, "text is missing")
    if not isinstance(text, str):
        return ArticleError(article_id, f"text is {type(text).__name__}, not str")
    notes = []
    if _SURROGATE.search(text):
        # a feed decoded with errors="surrogateescape" leaves halves of characters: one each, so
        # replacing them keeps every offset into the text
        notes.append(f"text held {plural(len(_SURROGATE.findall(text)), 'unpaired surrogate')}, read as U+FFFD")
        text = _SURROGATE.sub("\ufffd", text)
    outlet = None if _is_missing(outlet) else _SURROGATE.sub("\ufffd", str(outlet))
    try:
        when = parse_date(date)
    except ValueError as exc:
        # The figures are still worth having; only what needs the date (rates) becomes unverifiable.
        when = None
        notes.append(f"{exc}{UNDATED}")
    return Article(article_id, text, when, outlet, "; ".join(notes) or None)


def iter_articles(articles: Any) -> Iterator[Article | ArticleError]:
    """Each input article, validated, in input order."""
    if isinstance(articles, str):
        yield _one(0, articles, None, None)
        return
    if isinstance(articles, pd.DataFrame):
        if "text" not in articles.columns:
            raise InputError("the articles frame needs a 'text' column; it has: "
                             + ", ".join(map(str, articles.columns)))
        doubled = sorted({str(c) for c in articles.columns[articles.columns.duplicated()]}
                         & {"text", "id", "date", "source"})
        if doubled:
            raise InputError(f"the articles frame has more than one {doubled[0]!r} column; keep one")
        ids = articles["id"] if "id" in articles.columns else range(len(articles))
        dates = articles["date"] if "date" in articles.columns else [None] * len(articles)
        outlets = articles["source"] if "source" in articles.columns else [None] * len(articles)
        for n, (article_id, text, date, outlet) in enumerate(zip(ids, articles["text"], dates, outlets)):
            article_id = article_id.item() if hasattr(article_id, "item") else article_id
            yield _one(n if _is_missing(article_id) else article_id, text, date, outlet)
        return
    if isinstance(articles, (bytes, Mapping)) or not isinstance(articles, Iterable):
        raise InputError("articles must be a str, an iterable of str or dicts, or a DataFrame "
                         f"with a 'text' column; got {type(articles).__name__}")
    for n, item in enumerate(articles):
        if isinstance(item, Mapping):
            article_id = item.get("id")
            yield _one(n if _is_missing(article_id) else article_id, item.get("text"), item.get("date"),
                       item.get("source"))
        else:
            yield _one(n, item, None, None)
