"""The figure model: one frozen record per figure mention, and the frame's column schema.

Data moves one way: article text -> `Mention` records (with spans) -> the figures frame ->
findings that cite frame rows by label. Row labels are `"{article}:{n}"`, unique across a corpus
as long as article ids are, so frames built per partition (Dask, Spark) concatenate without clashes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

import pandas as pd


class Qualifier(str, Enum):
    """How the words bound a figure."""

    EXACT = "exact"    # "39 drones": low = high = value
    APPROX = "approx"  # "about 120km": low = high = value; the checker widens it
    LOWER = "lower"    # "more than 3,000": value is a floor, high = inf
    UPPER = "upper"    # "as many as 6,000": value is a ceiling
    RANGE = "range"    # "5-6 metres": low and high are the ends, value the midpoint


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, validated."""

    id: object
    text: str
    date: dt.date | None = None
    outlet: str | None = None
    note: str | None = None      # a problem that did not stop the reading ("date ... not understood")


class Mention(NamedTuple):
    """One figure as the text states it, before normalisation.

    A named tuple rather than a frozen dataclass: as frozen, and built in a quarter of the time (a
    frozen dataclass sets each of its 31 fields through `object.__setattr__`), which was 2% of
    reading figure-dense text."""

    start: int
    end: int
    surface: str
    sentence_index: int
    value: float
    low: float
    high: float
    qualifier: Qualifier
    strict: bool                 # the bound itself is excluded ("more than 50")
    resolution: float            # size of the last significant digit written: "3,000" 1000, "4.2bn" 1e8
    unit: str                    # ISO code, pint unit name, "percent" or "count"
    dimension: str
    change: str | None = None    # "up" / "down" when the figure is a rise or fall
    per: str | None = None       # denominator of a rate: "barrel" in "$58 per barrel"
    noun: str | None = None      # the counted noun phrase as written ("Russian drones")
    subject: str | None = None   # normalised head of what is counted or measured ("drone")
    predicate: str | None = None # lemma of what happened to it ("down", "kill")
    concept: str | None = None   # the thing the figure is said about ("driving range")
    source: str | None = None    # who states it ("the air force")
    place: str | None = None     # where ("Kyiv")
    event_date: dt.date | None = None  # a date the sentence gives ("on March 5")
    whole: int | None = None     # index (within the article) of the whole this is a part of
    converts: int | None = None  # index of the figure this one restates in other units
    against: int | None = None   # index of the figure of its sentence it is set against ("though police counted")
    kind: str | None = None      # what is counted, as a class with its restricting words ("north korean soldier")
    happening: str | None = None # what happened to it, as a class ("death", "attend", "downed")
    scope: str = ""              # the place or named event the text ties it to; "" for none or national
    status: str = "report"       # report, forecast, earlier (marked as superseded), update, live, other, another or disputed
    period: str = "day"          # what `event_date` names: a day, weekend, week, month or year
    weekday: int | None = None   # the weekday of the day it is about (0 = Monday), kept when no date is known

    @property
    def quantity(self) -> str | None:
        """The key of the quantity the figure measures, or None when a part of it is unknown."""
        return quantity_key(self.dimension, self.unit, self.kind, self.happening, self.per, self.scope)


def quantity_key(dimension: str, unit: str, kind: str | None, happening: str | None, per: str | None,
                 scope: str) -> str | None:
    """"person death @ kyiv", "drone downed", "percent containment contain @ palisades fire": the
    quantity two figures must share to be compared. None when what is counted or what happened to it
    is unknown. Counts are keyed by kind; measures by dimension too (an area and a length never meet)."""
    if not kind or not happening:
        return None
    dimension = "percent" if dimension == "fraction" else dimension      # "a fifth" and "25%" are both shares
    measure = "" if dimension == "count" else ("money " if dimension == "currency" else f"{dimension} ")
    rate = f" per {per}" if per else ""
    where = f" @ {scope}" if scope else ""
    return f"{measure}{kind} {happening}{rate}{where}"


#: Columns of the frame `figures.extract` returns, in order, with their pandas dtypes. Columns with
#: few distinct values are categorical, which keeps the frame under 1 KB a figure; `figures.check`
#: reads them as plain objects, so a frame whose categories were lost (read back from csv) checks the same.
FIGURE_COLUMNS: dict[str, str] = {
    "article": "category",
    "outlet": "category",
    "date": "datetime64[ns]",
    "start": "int64",
    "end": "int64",
    "surface": "object",
    "sentence": "category",
    "sentence_index": "int64",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "qualifier": "category",
    "strict": "bool",
    "resolution": "float64",
    "change": "object",
    "unit": "category",
    "dimension": "category",
    "per": "object",
    "noun": "object",
    "subject": "object",
    "predicate": "object",
    "concept": "object",
    "source": "object",
    "place": "object",
    "event_date": "datetime64[ns]",
    "whole": "object",
    "converts": "object",
    "against": "object",
    "kind": "category",
    "happening": "category",
    "scope": "category",
    "status": "category",
    "period": "category",
    "weekday": "float64",
    "quantity": "category",
    "base_value": "float64",
    "base_unit": "category",
    "base_note": "object",
}

#: Columns of the per-article status table `figures.article_status` returns.
ARTICLE_COLUMNS: dict[str, str] = {
    "article": "object",
    "status": "category",     # "ok" or "error"
    "figures": "int64",
    "reason": "object",
}


@dataclass(frozen=True, slots=True, eq=False)
class ArticleStatus:
    """Every input article of one `extract` call: id, "ok"/"error", figure count, reason (or None).

    Immutable, and carried by reference: a figures frame keeps it beside its data, never in
    `frame.attrs`, which pandas deep-copies on every row access and derived frame.
    """

    article: tuple[object, ...]
    status: tuple[str, ...]
    figures: tuple[int, ...]
    reason: tuple[str | None, ...]

    def __deepcopy__(self, memo: dict[int, object]) -> ArticleStatus:
        return self

    def __copy__(self) -> ArticleStatus:
        return self

    def __len__(self) -> int:
        return len(self.article)

    @classmethod
    def merge(cls, parts: list[ArticleStatus]) -> ArticleStatus:
        """The statuses of several `extract` calls, in order (each taken once)."""
        unique = list({id(p): p for p in parts}.values())
        if len(unique) == 1:
            return unique[0]
        return cls(*(tuple(v for p in unique for v in getattr(p, name)) for name in ARTICLE_COLUMNS))

    def frame(self) -> pd.DataFrame:
        """The statuses as a frame with `ARTICLE_COLUMNS`."""
        return pd.DataFrame({name: pd.Series(getattr(self, name), dtype=dtype)
                             for name, dtype in ARTICLE_COLUMNS.items()})


class FiguresFrame(pd.DataFrame):
    """The frame `figures.extract` returns: a DataFrame that shows its figures highlighted in notebooks.

    It carries the `ArticleStatus` of the articles it was read from (`figures.article_status`) by
    reference through slicing, copying and `pd.concat` (which merges the statuses of its parts).
    """

    _metadata = ["_articles"]

    @property
    def _constructor(self) -> type[FiguresFrame]:
        return FiguresFrame

    def __finalize__(self, other: object, method: str | None = None, **kwargs: object) -> FiguresFrame:
        super().__finalize__(other, method=method, **kwargs)
        if method == "concat" and hasattr(other, "input_objs"):
            found = [obj._articles for obj in other.input_objs
                     if isinstance(getattr(obj, "_articles", None), ArticleStatus)]
            if found:
                object.__setattr__(self, "_articles", ArticleStatus.merge(found))
        return self

    def _repr_html_(self) -> str | None:
        if not {"sentence", "surface"} <= set(self.columns):
            return super()._repr_html_()
        from figures.display import figures_html

        return figures_html(self)


class FindingsFrame(pd.DataFrame):
    """The frame `figures.check` returns: a DataFrame that shows each finding as a card in notebooks."""

    @property
    def _constructor(self) -> type[FindingsFrame]:
        return FindingsFrame

    def _repr_html_(self) -> str | None:
        if not {"severity", "kind", "message", "quotes"} <= set(self.columns):
            return super()._repr_html_()
        from figures.display import findings_html

        return findings_html(self)


class QuantitiesFrame(pd.DataFrame):
    """The frame `figures.quantities` returns: in a notebook, one table per quantity and day."""

    @property
    def _constructor(self) -> type[QuantitiesFrame]:
        return QuantitiesFrame

    def _repr_html_(self) -> str | None:
        if not {"quantity", "consensus_low", "outlier"} <= set(self.columns):
            return super()._repr_html_()
        from figures.display import quantities_html

        return quantities_html(self)
